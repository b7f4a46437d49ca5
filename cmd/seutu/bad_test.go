package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"seutu/internal/golden"
)

// TestBadSites runs seutu check on each site in testdata/bad and compares
// its whole output with the golden file beside it (go test -update
// rewrites them). Every problem must name its file, and a content file's
// problem its line and column; build must leave a prepared public/ as it
// was.
func TestBadSites(t *testing.T) {
	archives, err := filepath.Glob("testdata/bad/*.txtar")
	if err != nil || len(archives) == 0 {
		t.Fatalf("no bad sites: %v", err)
	}
	for _, archive := range archives {
		name := strings.TrimSuffix(filepath.Base(archive), ".txtar")
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			site := filepath.Join(dir, "site")
			extract(t, archive, site)
			// A file beside the site, which a symbolic link may try to reach.
			os.WriteFile(filepath.Join(dir, "salaisuus.md"), []byte("---\ntitle: Salainen\n---\nsalainen sisältö\n"), 0o644)

			var stdout, stderr bytes.Buffer
			code := run(context.Background(), []string{"check", "-source", site, "-now", "2026-11-23T12:00"}, &stdout, &stderr)
			out := fmt.Sprintf("exit %d\n%s%s", code, stdout.String(), stderr.String())
			out = strings.ReplaceAll(out, site, "$SITE")
			golden.Check(t, filepath.Join("testdata/bad", name+".golden"), []byte(out))
			if code != exitFailed {
				t.Errorf("exit %d, want %d", code, exitFailed)
			}
			if strings.Contains(out, "salainen") {
				t.Error("read a file outside the site folder")
			}
			checkPlaces(t, stderr.String())

			public := filepath.Join(site, "public")
			prepared := map[string]string{"index.html": "<p>viimeisin hyvä sivusto</p>", "verkostot/x/index.html": "<p>verkosto</p>"}
			for p, s := range prepared {
				os.MkdirAll(filepath.Dir(filepath.Join(public, p)), 0o755)
				os.WriteFile(filepath.Join(public, p), []byte(s), 0o644)
			}
			before := hashTree(t, public)
			stdout.Reset()
			stderr.Reset()
			if code := run(context.Background(), []string{"build", "-source", site, "-now", "2026-11-23T12:00"}, &stdout, &stderr); code != exitFailed {
				t.Errorf("build: exit %d, want %d", code, exitFailed)
			}
			if after := hashTree(t, public); after != before {
				t.Error("a failed build changed public/")
			}
			if leftovers, _ := filepath.Glob(filepath.Join(site, ".public.*")); len(leftovers) > 0 {
				t.Errorf("temporary folders left: %v", leftovers)
			}
		})
	}
}

var (
	contentPlace = regexp.MustCompile(`^content/[^:]+:\d+:\d+: (error|warning): `)
	otherPlace   = regexp.MustCompile(`^(layouts|assets)/[^:]+(:\d+(:\d+)?)?: (error|warning): `) // a layout's with the line html/template gives
	summary      = regexp.MustCompile(`^\d+ errors?, \d+ warnings?$|^seutu check: `)
)

// checkPlaces asserts that every reported problem says where it is.
func checkPlaces(t *testing.T, out string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !contentPlace.MatchString(line) && !otherPlace.MatchString(line) && !summary.MatchString(line) {
			t.Errorf("a problem without its place: %s", line)
		}
	}
}

// extract writes a txtar archive as a folder. A file named x.symlink
// becomes a symbolic link x to the path it holds; in a file named x.bytes,
// \xNN stands for the byte NN.
func extract(t *testing.T, archive, dir string) {
	t.Helper()
	a, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	escaped := regexp.MustCompile(`\\x[0-9a-fA-F]{2}`)
	for _, f := range a.Files {
		name, data := f.Name, f.Data
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.HasSuffix(name, ".symlink"):
			err = os.Symlink(strings.TrimSpace(string(data)), strings.TrimSuffix(full, ".symlink"))
		case strings.HasSuffix(name, ".bytes"):
			data = escaped.ReplaceAllFunc(data, func(b []byte) []byte {
				n, _ := strconv.ParseUint(string(b[2:]), 16, 8)
				return []byte{byte(n)}
			})
			err = os.WriteFile(strings.TrimSuffix(full, ".bytes"), data, 0o644)
		default:
			err = os.WriteFile(full, data, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// hashTree hashes every file's path and content under dir.
func hashTree(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		fmt.Fprintf(h, "%s\x00%x\x00", p, sha256.Sum256(data))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}
