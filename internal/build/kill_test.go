package build

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"testing"

	"seutu/internal/testwait"
	"seutu/internal/write"
)

// TestKilledBuildLeavesLastGoodSite kills a build process in the middle of
// writing (SIGKILL: no chance to clean up) and checks that the last good
// site is untouched, and that the next build clears what the killed one
// left behind.
func TestKilledBuildLeavesLastGoodSite(t *testing.T) {
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	if rep, err := Build(context.Background(), Options{Source: src, Now: testNow}); err != nil || rep.Failed() {
		t.Fatal(err, rep.Diags)
	}
	public := filepath.Join(src, "public")
	before := treeHash(t, public)

	marker := filepath.Join(t.TempDir(), "writing")
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), childEnv+"="+src, markerEnv+"="+marker)
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { child.Process.Kill(); child.Wait() }) // when the test fails before the kill below
	// The child starts and builds until its fifth file, well under a
	// second idle; only a hang outlasts a step's limit on a busy machine.
	testwait.Until(t, testwait.Context(t), "the child build to start writing", func(context.Context) bool {
		_, err := os.Stat(marker)
		return err == nil
	})
	if err := child.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	child.Wait()

	if after := treeHash(t, public); after != before {
		t.Fatal("a killed build changed public/")
	}
	leftovers, _ := filepath.Glob(filepath.Join(src, ".public.new-*"))
	if len(leftovers) != 1 {
		t.Fatalf("want the killed build's temporary folder, found %v", leftovers)
	}
	if rep, err := Build(context.Background(), Options{Source: src, Now: testNow}); err != nil || rep.Failed() {
		t.Fatal(err, rep.Diags)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(src, ".public.*")); len(leftovers) != 1 || filepath.Base(leftovers[0]) != ".public.spare" {
		t.Errorf("the next build left %v, want the replaced site as .public.spare only", leftovers)
	}
}

const (
	childEnv  = "SEUTU_TEST_BUILD_CHILD"
	markerEnv = "SEUTU_TEST_BUILD_MARKER"
)

// TestMain runs this test binary as the build that
// TestKilledBuildLeavesLastGoodSite kills, when it is started for that.
func TestMain(m *testing.M) {
	if src := os.Getenv(childEnv); src != "" {
		stallingBuild(src, os.Getenv(markerEnv))
		os.Exit(1) // not reached: the parent kills the process
	}
	os.Exit(m.Run())
}

// stallingBuild is a real build into a real output folder that, halfway
// through writing, says so and waits to be killed.
func stallingBuild(src, marker string) {
	dir, err := write.NewDir(filepath.Join(src, "public"))
	if err != nil {
		panic(err)
	}
	root, err := os.OpenRoot(src)
	if err != nil {
		panic(err)
	}
	Run(root.FS(), Options{Now: testNow}, &stallingSink{Dir: dir, marker: marker})
	dir.Commit() // never reached
}

// stallingSink writes through to a write.Dir, and after a few files signals
// the parent and blocks.
type stallingSink struct {
	*write.Dir
	marker string
	n      atomic.Int32
}

func (s *stallingSink) Put(path string, data []byte) error {
	if err := s.Dir.Put(path, data); err != nil {
		return err
	}
	if s.n.Add(1) == 5 {
		os.WriteFile(s.marker, nil, 0o644)
		select {} // wait for SIGKILL
	}
	return nil
}

func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		fmt.Fprintf(h, "%s %x\n", p, sha256.Sum256(data))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// failingSink is a disk that fills up after a few files.
type failingSink struct {
	*write.Dir
	n atomic.Int32
}

func (s *failingSink) Put(path string, data []byte) error {
	if s.n.Add(1) > 5 {
		return fmt.Errorf("write %s: no space left on device", path)
	}
	return s.Dir.Put(path, data)
}

func TestFullDiskLeavesLastGoodSite(t *testing.T) {
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	if rep, err := Build(context.Background(), Options{Source: src, Now: testNow}); err != nil || rep.Failed() {
		t.Fatal(err, rep.Diags)
	}
	public := filepath.Join(src, "public")
	before := treeHash(t, public)
	dir, err := write.NewDir(public)
	if err != nil {
		t.Fatal(err)
	}
	rep := Run(os.DirFS(src), Options{Now: testNow}, &failingSink{Dir: dir})
	if !rep.Failed() {
		t.Fatal("a build that could not write succeeded")
	}
	if err := dir.Abort(); err != nil {
		t.Fatal(err)
	}
	if treeHash(t, public) != before {
		t.Error("a build on a full disk changed public/")
	}
}
