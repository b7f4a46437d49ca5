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

// A Dir starts from the spare, the site the last Commit replaced: a file
// it holds byte for byte stays (the same inode), a changed one is written
// anew, files the new site lacks go, and a file where a folder must go,
// or a folder where a file must go, gives way.
func TestDirStartsFromTheSpare(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	rounds := []map[string]string{
		{"index.html": "home", "same/index.html": "same", "changed/index.html": "v1", "x": "file", "y/index.html": "folder", "gone/a/index.html": "gone"},
		{"index.html": "home", "same/index.html": "same", "changed/index.html": "v2", "x/index.html": "folder now"},
		{"index.html": "home", "same/index.html": "same", "changed/index.html": "v3", "y": "file now", "x/index.html": "a folder where the spare has a file"},
		{"index.html": "home", "same/index.html": "same", "changed/index.html": "v4", "x": "a file where the spare has a folder", "new/deep/index.html": "new folders"},
	}
	var spareInodes map[string]uint64
	for i, files := range rounds {
		if i == 2 { // the first two had no site to replace, then no spare
			spareInodes = inodes(t, spareName(dest))
		}
		commit(t, dest, files)
		got := readTree(t, dest)
		if len(got) != len(files) {
			t.Errorf("round %d: dest has %v, want %v", i, got, files)
		}
		for p, want := range files {
			if got[p] != want {
				t.Errorf("round %d: %s = %q, want %q", i, p, got[p], want)
			}
		}
		if i < 2 {
			continue
		}
		after := inodes(t, dest)
		if after["same/index.html"] != spareInodes["same/index.html"] {
			t.Error("an unchanged file of the spare was written again")
		}
		if entries, _ := os.ReadDir(filepath.Join(dest, "gone")); len(entries) != 0 {
			t.Errorf("a stale folder stayed: %v", entries)
		}
	}
	if got := readTree(t, spareName(dest)); got["changed/index.html"] != "v3" {
		t.Errorf("spare = %v, want the last site but one", got)
	}
}

// The spare shares the files that did not change with the live site, as
// links; a new build that changes one must not change the live site's
// copy before Commit.
func TestSpareNeverChangesTheLiveSite(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	commit(t, dest, map[string]string{"index.html": "one"})
	commit(t, dest, map[string]string{"index.html": "one"}) // linked: the spare and dest share it
	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Put("index.html", []byte("two")); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, dest); got["index.html"] != "one" {
		t.Fatalf("before Commit, dest = %v", got)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, dest); got["index.html"] != "two" {
		t.Fatalf("after Commit, dest = %v", got)
	}
}

// A spare holding a symbolic link is not used: writes could follow it out
// of the site.
func TestDirDropsASpareWithLinks(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	commit(t, dest, map[string]string{"index.html": "v1", "sub/index.html": "v1"})
	commit(t, dest, map[string]string{"index.html": "v2"})
	outside := t.TempDir()
	spare := spareName(dest)
	if err := os.RemoveAll(filepath.Join(spare, "sub")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(spare, "sub")); err != nil {
		t.Fatal(err)
	}
	commit(t, dest, map[string]string{"index.html": "v3", "sub/index.html": "v3"})
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("wrote through the spare's link: %v", entries)
	}
	if got := readTree(t, dest); got["sub/index.html"] != "v3" || len(got) != 2 {
		t.Errorf("dest = %v", got)
	}
}
