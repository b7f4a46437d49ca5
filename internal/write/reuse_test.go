//go:build unix

package write

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A rebuild links the files the last site had byte for byte, and writes
// every other file anew: changed, grown, shrunk, or not a regular file.
func TestDirReusesUnchangedFiles(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	big := strings.Repeat("x", 100<<10) // more than one chunk of holds
	first := map[string]string{
		"index.html":         "home",
		"same/index.html":    "unchanged",
		"big/index.html":     big,
		"changed/index.html": "before",
		"grown/index.html":   "abc",
		"shrunk/index.html":  "abcdef",
		"tail/index.html":    big + "a",
	}
	commit(t, dest, first)
	secret := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(secret, []byte("link"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(dest, "link.html")); err != nil {
		t.Fatal(err)
	}
	inode := inodes(t, dest)

	second := map[string]string{
		"index.html":         "home",
		"same/index.html":    "unchanged",
		"big/index.html":     big,
		"changed/index.html": "after!",
		"grown/index.html":   "abcd",
		"shrunk/index.html":  "abcde",
		"tail/index.html":    big + "b",
		"link.html":          "link",
	}
	commit(t, dest, second)
	got := readTree(t, dest)
	for p, want := range second {
		if got[p] != want {
			t.Errorf("%s = %.20q, want %.20q", p, got[p], want)
		}
	}
	after := inodes(t, dest)
	for p := range second {
		reused := inode[p] != 0 && after[p] == inode[p]
		if want := p == "index.html" || p == "same/index.html" || p == "big/index.html"; reused != want {
			t.Errorf("%s: reused = %v, want %v", p, reused, want)
		}
	}
	if st, err := os.Lstat(filepath.Join(dest, "link.html")); err != nil || !st.Mode().IsRegular() {
		t.Errorf("link.html is %v (%v), want a regular file written anew", st.Mode(), err)
	}
}

func commit(t *testing.T, dest string, files map[string]string) {
	t.Helper()
	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	for p, s := range files {
		if err := d.Put(p, []byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
}

// inodes maps each file under dir to its file identity.
func inodes(t *testing.T, dir string) map[string]uint64 {
	t.Helper()
	out := map[string]uint64{}
	for p := range readTree(t, dir) {
		st, err := os.Lstat(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		out[p] = inodeOf(st)
	}
	return out
}
