//go:build unix

package write

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A destination that is a symbolic link is followed: the site is built
// beside the folder it leads to and swapped in place of that folder, and
// the link stays as it was. The spare and lock are beside the folder too,
// and nothing is left beside the link.
func TestNewDirFollowsASymbolicLink(t *testing.T) {
	tests := []struct {
		name string
		// setup makes the link (and what it leads to) under root, and
		// returns the link and the folder it leads to.
		setup func(t *testing.T, root string) (link, target string)
	}{
		{"absolute link", func(t *testing.T, root string) (string, string) {
			target := filepath.Join(root, "www", "site")
			return symlink(t, target, filepath.Join(root, "src", "public")), target
		}},
		{"relative link", func(t *testing.T, root string) (string, string) {
			return symlink(t, "../www/site", filepath.Join(root, "src", "public")), filepath.Join(root, "www", "site")
		}},
		{"link to a link", func(t *testing.T, root string) (string, string) {
			symlink(t, "site", filepath.Join(root, "www", "current"))
			return symlink(t, "../www/current", filepath.Join(root, "src", "public")), filepath.Join(root, "www", "site")
		}},
		{"link in a linked folder", func(t *testing.T, root string) (string, string) {
			// src leads to deep/er, so ../site from src/public is deep/site
			// (what the kernel says), not root/site (what the name says).
			symlink(t, "deep/er", filepath.Join(root, "src"))
			symlink(t, "../site", filepath.Join(root, "deep", "er", "public"))
			return filepath.Join(root, "src", "public"), filepath.Join(root, "deep", "site")
		}},
		{"link to nothing yet", func(t *testing.T, root string) (string, string) {
			if err := os.MkdirAll(filepath.Join(root, "www"), 0o755); err != nil {
				t.Fatal(err)
			}
			return symlink(t, "../www/new", filepath.Join(root, "src", "public")), filepath.Join(root, "www", "new")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			link, target := tt.setup(t, root)
			if tt.name != "link to nothing yet" {
				commit(t, target, map[string]string{"index.html": "v1"})
			}
			before, err := os.Readlink(link)
			if err != nil {
				t.Fatal(err)
			}
			beside := besideDest(t, link)
			for _, v := range []string{"v2", "v3"} { // the second starts from the spare
				d, err := NewDir(link)
				if err != nil {
					t.Fatal(err)
				}
				if real, _ := filepath.EvalSymlinks(filepath.Dir(target)); d.Dest() != filepath.Join(real, filepath.Base(target)) {
					t.Errorf("Dest() = %s, want %s", d.Dest(), target)
				}
				if err := d.Put("index.html", []byte(v)); err != nil {
					t.Fatal(err)
				}
				if err := d.Commit(); err != nil {
					t.Fatal(err)
				}
				if got := readTree(t, target); got["index.html"] != v || len(got) != 1 {
					t.Errorf("the folder the link leads to holds %v, want %s", got, v)
				}
			}
			if after, err := os.Readlink(link); err != nil || after != before {
				t.Errorf("the link is now %q (%v), want %q still", after, err, before)
			}
			if got := readTree(t, link+"/"); got["index.html"] != "v3" { // the slash: walk what it leads to
				t.Errorf("through the link: %v", got)
			}
			if got := besideDest(t, link); !slices.Equal(got, beside) {
				t.Errorf("beside the link: %v, want %v as before", got, beside)
			}
			want := []string{"." + filepath.Base(target) + ".spare", filepath.Base(target)}
			var got []string
			for _, n := range besideDest(t, target) {
				if strings.Contains(n, filepath.Base(target)) {
					got = append(got, n)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("beside the folder: %v, want %v", got, want)
			}
		})
	}
}

func TestTargetStopsAtALoop(t *testing.T) {
	dir := t.TempDir()
	symlink(t, "b", filepath.Join(dir, "a"))
	symlink(t, "a", filepath.Join(dir, "b"))
	if _, err := NewDir(filepath.Join(dir, "a")); err == nil || !strings.Contains(err.Error(), "too many levels of symbolic links") {
		t.Errorf("NewDir on a loop: %v", err)
	}
}

func symlink(t *testing.T, to, link string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(to, link); err != nil {
		t.Fatal(err)
	}
	return link
}
