package sitefs

import (
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
)

// site makes a site folder beside a file outside it, with a link that
// stays inside and, when escaping, links that try to leave.
func site(t *testing.T, escaping bool) (dir string) {
	t.Helper()
	top := t.TempDir()
	dir = filepath.Join(top, "site")
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/site.toml", "title = 'x'\n")
	write("content/verkostot/a.md", "# A\n")
	write("content/uutiset/2026/b.md", "# B\n")
	if err := os.WriteFile(filepath.Join(top, "secret"), []byte("outside"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	link("../verkostot/a.md", "content/uutiset/inside.md")
	if escaping {
		link("../../secret", "content/climbs.md")
		link(filepath.Join(top, "secret"), "content/absolute.md")
	}
	return dir
}

func TestFSIsAnFS(t *testing.T) {
	f, err := Open(site(t, false))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := fstest.TestFS(f, "content/verkostot/a.md", "content/uutiset/2026/b.md", "content/uutiset/inside.md", "content/site.toml"); err != nil {
		t.Fatal(err)
	}
}

// Nothing outside the folder can be read, by either path, and what is
// inside reads the same by both.
func TestOpenStaysInside(t *testing.T) {
	dir := site(t, true)
	f, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	tests := []struct {
		name string
		want string // "" for an error
	}{
		{"content/verkostot/a.md", "# A\n"},
		{"content/uutiset/2026/b.md", "# B\n"},
		{"content/uutiset/inside.md", "# A\n"},
		{"content/climbs.md", ""},
		{"content/absolute.md", ""},
		{"content/none.md", ""},
		{"../secret", ""},
		{"/etc/passwd", ""},
		{"content/../../secret", ""},
	}
	for _, tt := range tests {
		got, err := fs.ReadFile(f, tt.name)
		_, rootErr := fs.ReadFile(root.FS(), tt.name)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("%s: read %q, want an error", tt.name, got)
		case tt.want != "" && (err != nil || string(got) != tt.want):
			t.Errorf("%s: read %q, %v; want %q", tt.name, got, err, tt.want)
		case (err == nil) != (rootErr == nil):
			t.Errorf("%s: error %v, os.Root's %v", tt.name, err, rootErr)
		}
		if file, _ := f.dir.open(tt.name); file != nil {
			b, _ := io.ReadAll(file)
			file.Close()
			if string(b) != tt.want {
				t.Errorf("%s: the fast path read %q, want %q", tt.name, b, tt.want)
			}
		}
	}
	if _, err := fs.ReadFile(f, "content/none.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
}

// On Linux the fast path must be the one taken: a kernel without openat2
// would turn this test, not the build, red.
func TestOpenTakesTheFastPath(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("openat2 is Linux's")
	}
	f, err := Open(site(t, true))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	file, _ := f.dir.open("content/verkostot/a.md")
	if file == nil {
		t.Fatal("openat2 refused a file inside the folder")
	}
	file.Close()
}

// A named pipe, a device or a socket is refused at once, by what was
// opened, through every way of reading: Open, fs.ReadFile and the fast
// path alike. Before, a pipe blocked open(2) for ever and /dev/zero's
// twin was read until memory ran out.
func TestSpecialFilesAreRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes or device nodes in a folder on Windows")
	}
	dir := site(t, false)
	type special struct {
		name string
		make func(path string) error
		says string
	}
	specials := []special{
		{"content/putki.md", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "a named pipe (FIFO), not a regular file"},
		{"content/verkostot/pistoke.md", func(p string) error {
			l, err := net.Listen("unix", p)
			if err == nil {
				t.Cleanup(func() { l.Close() })
			}
			return err
		}, "a socket, not a regular file"},
	}
	if os.Getuid() == 0 {
		// mknod needs root: the twin of /dev/zero (character device 1, 5).
		specials = append(specials, special{"content/nolla.md", func(p string) error {
			return syscall.Mknod(p, syscall.S_IFCHR|0o644, 1<<8|5)
		}, "a character device, not a regular file"})
	} else {
		t.Log("not root: the character device case needs mknod, which only root may call")
	}
	for _, sp := range specials {
		if err := sp.make(filepath.Join(dir, sp.name)); err != nil {
			t.Fatalf("making %s: %v", sp.name, err)
		}
	}
	f, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sp := range specials {
		t.Run(sp.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := fs.ReadFile(f, sp.name)
				done <- err
			}()
			// A blocked open never returns: the test's deadline catches it.
			err := <-done
			var nr *NotRegularError
			if !errors.As(err, &nr) || !strings.Contains(err.Error(), sp.says) {
				t.Errorf("ReadFile: %v, want an error that says %q", err, sp.says)
			}
			file, err := f.Open(sp.name)
			if file != nil || !errors.As(err, &nr) {
				t.Errorf("Open: %v, %v; want a *NotRegularError", file, err)
			}
			// The fast path refuses what it opened; a socket it cannot open
			// at all, and leaves to os.Root.
			if file, err := f.dir.open(sp.name); file != nil || (err != nil && !errors.As(err, &nr)) {
				t.Errorf("the fast path: %v, %v; want nothing or a *NotRegularError", file, err)
			}
		})
	}
	// Folders still open, for reading them.
	if _, err := fs.ReadDir(f, "content"); err != nil {
		t.Errorf("ReadDir: %v", err)
	}
}
