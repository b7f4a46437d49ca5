//go:build unix

package write

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// holds must say yes to a regular file with exactly the bytes, and no to
// anything else, without following a link or blocking on a FIFO.
func TestHolds(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("ä", 40<<10) // more than one chunk
	file := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(file("target", "same"), link); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		data string
		want bool
	}{
		{"same", file("a", "same"), "same", true},
		{"empty", file("e", ""), "", true},
		{"big", file("big", big), big, true},
		{"big, last byte differs", file("big2", big[:len(big)-1]+"x"), big, false},
		{"differs", file("b", "sane"), "same", false},
		{"shorter", file("c", "sam"), "same", false},
		{"longer", file("d", "same!"), "same", false},
		{"symbolic link", link, "same", false},
		{"folder", dir, "", false},
		{"FIFO", fifo, "", false},
		{"missing", filepath.Join(dir, "none"), "", false},
	}
	for _, tt := range tests {
		if got := holds(tt.path, []byte(tt.data)); got != tt.want {
			t.Errorf("%s: holds = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// writeFile replaces what a file held, and says which file it could not
// write.
func TestWriteFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "index.html")
	for _, text := range []string{"a longer first text", "short"} {
		if err := writeFile(p, []byte(text)); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(p); string(got) != text {
			t.Errorf("file holds %q, want %q", got, text)
		}
	}
	err := writeFile(filepath.Join(p, "x"), nil)
	if err == nil || !strings.Contains(err.Error(), p) {
		t.Errorf("writing under a file: %v, want an error naming the path", err)
	}
}
