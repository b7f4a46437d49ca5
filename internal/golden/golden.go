// Package golden compares test output with expected files under testdata/
// and rewrites them when tests run with -update:
//
//	go test ./... -update
//
// Every test package imports it, so that the flag is defined wherever
// go test ./... passes it.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Update is set by -update: rewrite the golden files instead of comparing.
var Update = flag.Bool("update", false, "rewrite golden files under testdata/")

// Check compares got with the file at path (relative to the test's
// package), or writes it there with -update.
func Check(t *testing.T, path string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", path, diff(string(want), string(got)))
	}
}

// CheckDir compares a whole tree of outputs with the files under dir: every
// file must match and no file may be missing or extra. With -update the
// folder is rewritten to hold exactly got.
func CheckDir(t *testing.T, dir string, got map[string][]byte) {
	t.Helper()
	if *Update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range got {
		Check(t, filepath.Join(dir, filepath.FromSlash(name)), data)
	}
	if *Update {
		return
	}
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if _, ok := got[filepath.ToSlash(rel)]; !ok {
			t.Errorf("%s is golden but was not produced", p)
		}
		return nil
	})
}

// diff shows the first lines where want and got differ, with context.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		if i < len(w) && i < len(g) && w[i] == g[i] {
			continue
		}
		var b strings.Builder
		for j := max(0, i-2); j < min(i+3, max(len(w), len(g))); j++ {
			switch {
			case j < len(w) && j < len(g) && w[j] == g[j]:
				b.WriteString("  " + w[j] + "\n")
			default:
				if j < len(w) {
					b.WriteString("- " + w[j] + "\n")
				}
				if j < len(g) {
					b.WriteString("+ " + g[j] + "\n")
				}
			}
		}
		return "first difference at line " + strconv.Itoa(i+1) + ":\n" + b.String()
	}
	return "(no line differs; check trailing bytes)"
}
