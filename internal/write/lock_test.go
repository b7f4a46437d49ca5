package write

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// besideDest lists the names in dest's folder.
func besideDest(t *testing.T, dest string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// A second Dir on a destination that one is writing to fails at once,
// however it names the destination, and leaves the first one's folder
// alone: the first still commits. Once the first is done, the second can
// start.
func TestNewDirLocksTheDestination(t *testing.T) {
	tests := []struct {
		name   string
		second func(dest string) string // how the second build names dest
		commit bool                     // the first build commits, else aborts
	}{
		{"same name, then Commit", func(dest string) string { return dest }, true},
		{"same name, then Abort", func(dest string) string { return dest }, false},
		{"another spelling", func(dest string) string {
			return filepath.Dir(dest) + "/./x/../public/"
		}, true},
		{"through a symbolic link", func(dest string) string {
			link := filepath.Join(filepath.Dir(dest), "link")
			if err := os.Symlink(dest, link); err != nil {
				t.Fatal(err)
			}
			return link
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			commit(t, dest, map[string]string{"index.html": "v1"})
			first, err := NewDir(dest)
			if err != nil {
				t.Fatal(err)
			}
			if err := first.Put("index.html", []byte("v2")); err != nil {
				t.Fatal(err)
			}
			other := tt.second(dest)
			second, err := NewDir(other)
			if err == nil {
				second.Abort()
				t.Fatal("a second Dir on the same destination was made")
			}
			lock := filepath.Join(filepath.Dir(dest), ".public.lock")
			msg := fmt.Sprintf("another seutu build is writing to %s (lock %s held); wait for it to finish", filepath.Clean(other), lock)
			if !errors.Is(err, ErrLocked) || err.Error() != msg {
				t.Errorf("second NewDir: %v\nwant: %s", err, msg)
			}
			if err := first.Put("a/index.html", []byte("a")); err != nil {
				t.Fatalf("the first build, after the second tried: %v", err)
			}
			end, want := first.Abort, map[string]string{"index.html": "v1"}
			if tt.commit {
				end, want = first.Commit, map[string]string{"index.html": "v2", "a/index.html": "a"}
			}
			if err := end(); err != nil {
				t.Fatal(err)
			}
			if got := readTree(t, dest); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("dest = %v, want %v", got, want)
			}
			if _, err := os.Lstat(lock); !os.IsNotExist(err) {
				t.Errorf("the lock file stayed: %v", err)
			}
			second, err = NewDir(other)
			if err != nil {
				t.Fatalf("NewDir once the first is done: %v", err)
			}
			if err := second.Abort(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// The lock holds across processes too, and a build that is killed lets go
// of it: the next one takes it, and removes the killed one's folder.
func TestLockAcrossProcesses(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" && runtime.GOOS != "freebsd" && runtime.GOOS != "windows" {
		t.Skipf("no lock on %s", runtime.GOOS)
	}
	dest := filepath.Join(t.TempDir(), "public")
	commit(t, dest, map[string]string{"index.html": "v1"})

	t.Run("this process holds it", func(t *testing.T) {
		d, err := NewDir(dest)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Abort()
		out, err := helper(dest, "try").CombinedOutput()
		if !strings.Contains(string(out), "another seutu build is writing to "+dest) {
			t.Errorf("the other process: %s (%v), want the lock refused", out, err)
		}
	})

	t.Run("another process holds it, and is killed", func(t *testing.T) {
		child := helper(dest, "hold")
		in, err := child.StdinPipe() // the child holds the lock until its stdin closes
		if err != nil {
			t.Fatal(err)
		}
		defer in.Close()
		stdout, err := child.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := child.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { child.Process.Kill(); child.Wait() })
		line, _ := bufio.NewReader(stdout).ReadString('\n') // until the child has the lock
		if line != "locked\n" {
			t.Fatalf("child said %q", line)
		}
		if d, err := NewDir(dest); !errors.Is(err, ErrLocked) {
			if err == nil {
				d.Abort()
			}
			t.Fatalf("NewDir while another process holds the lock: %v", err)
		}
		if err := child.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		child.Wait()
		leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".public.new-*"))
		if len(leftovers) != 1 {
			t.Fatalf("want the killed build's folder, found %v", leftovers)
		}
		d, err := NewDir(dest)
		if err != nil {
			t.Fatalf("NewDir after the holder was killed: %v", err)
		}
		if _, err := os.Stat(leftovers[0]); !os.IsNotExist(err) {
			t.Errorf("the killed build's folder stayed: %v", err)
		}
		if err := d.Abort(); err != nil {
			t.Fatal(err)
		}
	})
	if got := readTree(t, dest); got["index.html"] != "v1" || len(got) != 1 {
		t.Errorf("dest = %v", got)
	}
}

const helperEnv = "SEUTU_WRITE_TEST_HELPER"

// helper runs this test binary as another build on dest (see
// TestHelperProcess).
func helper(dest, mode string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode+":"+dest)
	return cmd
}

// TestHelperProcess is the other process of TestLockAcrossProcesses: it
// tries the lock and says what happened ("try"), or takes it and holds it
// until its standard input closes ("hold").
func TestHelperProcess(t *testing.T) {
	mode, dest, ok := strings.Cut(os.Getenv(helperEnv), ":")
	if !ok {
		t.Skip("only run by TestLockAcrossProcesses")
	}
	d, err := NewDir(dest)
	if err != nil {
		fmt.Println(err)
		os.Exit(3)
	}
	if mode == "hold" {
		fmt.Println("locked")
		bufio.NewReader(os.Stdin).ReadString('\n')
	}
	d.Abort()
	os.Exit(0)
}
