package write

import (
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
)

// listFiles must list what walkFiles lists, and refuse what it refuses.
func TestListFilesAsWalkFiles(t *testing.T) {
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
			for i := range 3000 { // more than one getdents64 buffer
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
			files, dirs, ok := listFiles(root)
			wantFiles, wantDirs, wantOK := walkFiles(root)
			if tt.name == "the root a link" {
				wantOK = false // WalkDir follows a root that is a link; a spare is never one
			}
			if ok != tt.valid || ok != wantOK {
				t.Fatalf("ok = %v, walkFiles %v, want %v", ok, wantOK, tt.valid)
			}
			if !ok {
				return
			}
			if !reflect.DeepEqual(dirs, wantDirs) {
				t.Errorf("dirs = %v\nwant %v", dirs, wantDirs)
			}
			if len(files) != len(wantFiles) {
				t.Fatalf("%d files, want %d", len(files), len(wantFiles))
			}
			seen := map[int]bool{}
			for p, i := range files {
				if _, ok := wantFiles[p]; !ok || seen[i] || i < 0 || i >= len(files) {
					t.Errorf("%s numbered %d: not a file walkFiles lists, or a number taken twice", p, i)
				}
				seen[i] = true
			}
		})
	}
}
