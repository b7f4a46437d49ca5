package write

import (
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"syscall"
	"testing"
)

// walkFiles lists the files and folders of a spare, and refuses one with
// anything else in it.
func TestWalkFiles(t *testing.T) {
	tree := func(t *testing.T, files ...string) string {
		root := filepath.Join(t.TempDir(), "site")
		for _, f := range append(files, "index.html") {
			p := filepath.Join(root, f)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if filepath.Base(f) != "empty" {
				if err := os.WriteFile(p, []byte(f), 0o644); err != nil {
					t.Fatal(err)
				}
			} else if err := os.Mkdir(p, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		return root
	}
	tests := []struct {
		name  string
		root  func(t *testing.T) string
		valid bool
	}{
		{"pages", func(t *testing.T) string {
			return tree(t, "a/index.html", "a/b/index.html", "a/b/tapahtuma.ics", "c/d/e/f/index.html", "sitemap.xml", "ä ö/index.html")
		}, true},
		{"empty folders", func(t *testing.T) string { return tree(t, "x/empty", "x/y/empty") }, true},
		{"many in one folder", func(t *testing.T) string {
			var files []string
			for i := range 3000 {
				files = append(files, filepath.Join("ajankohtaista", "uutinen-"+string(rune('a'+i%26))+string(rune('a'+i/26%26))+string(rune('a'+i/676))+".html"))
			}
			return tree(t, files...)
		}, true},
		{"a link to a file", func(t *testing.T) string {
			root := tree(t, "a/index.html")
			if err := os.Symlink("/etc/passwd", filepath.Join(root, "a", "link")); err != nil {
				t.Fatal(err)
			}
			return root
		}, false},
		{"a link to a folder", func(t *testing.T) string {
			root := tree(t, "a/index.html")
			if err := os.Symlink(t.TempDir(), filepath.Join(root, "a", "out")); err != nil {
				t.Fatal(err)
			}
			return root
		}, false},
		{"a FIFO", func(t *testing.T) string {
			root := tree(t, "a/index.html")
			if err := syscall.Mkfifo(filepath.Join(root, "a", "fifo"), 0o644); err != nil {
				t.Fatal(err)
			}
			return root
		}, false},
		{"the root a link", func(t *testing.T) string {
			link := filepath.Join(t.TempDir(), "link")
			if err := os.Symlink(tree(t, "a/index.html"), link); err != nil {
				t.Fatal(err)
			}
			return link
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := tt.root(t)
			files, dirs, ok := walkFiles(root)
			if ok != tt.valid {
				t.Fatalf("ok = %v, want %v", ok, tt.valid)
			}
			if !ok {
				return
			}
			// What is on disk, by another way.
			wantFiles, wantDirs := map[string]bool{}, map[string]bool{root: true}
			var list func(dir, rel string)
			list = func(dir, rel string) {
				entries, err := os.ReadDir(dir)
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range entries {
					p, r := filepath.Join(dir, e.Name()), path.Join(rel, e.Name())
					if e.IsDir() {
						wantDirs[p] = true
						list(p, r)
					} else {
						wantFiles[r] = true
					}
				}
			}
			list(root, "")
			if !reflect.DeepEqual(dirs, wantDirs) {
				t.Errorf("dirs = %v\nwant %v", dirs, wantDirs)
			}
			if len(files) != len(wantFiles) {
				t.Fatalf("%d files, want %d", len(files), len(wantFiles))
			}
			var nums []int
			for p, i := range files {
				if !wantFiles[p] {
					t.Errorf("%s listed, not on disk", p)
				}
				nums = append(nums, i)
			}
			slices.Sort(nums)
			for i, n := range nums {
				if n != i {
					t.Fatalf("files numbered %v, want 0 to %d once each", nums, len(files)-1)
				}
			}
		})
	}
}
