package sitefs

import (
	"io"
	"io/fs"
	"path"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"
)

// beneath opens regular files below a folder in one system call: openat2
// with RESOLVE_BENEATH fails any path that would leave the folder, by
// "..", an absolute symbolic link or one that climbs out, as os.Root
// refuses it. Kernels before 5.6 lack openat2, and some sandboxes refuse
// it; then it stays off and os.Root does the work. Folders, too, are left
// to os.Root, whose ReadDir knows where they are.
type beneath struct {
	fd  int // the folder, or -1
	off atomic.Bool
}

func openBeneath(dir string) *beneath {
	fd, err := unix.Open(dir, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		fd = -1
	}
	return &beneath{fd: fd}
}

// open returns the regular file name. For a named pipe, a device or a
// socket it returns a *NotRegularError, decided by fstat of what was
// opened: opening is non-blocking, so a pipe with no writer does not hang.
// For a folder and on any other error it returns neither: the caller then
// asks os.Root.
func (b *beneath) open(name string) (fs.File, error) {
	if b.fd < 0 || b.off.Load() {
		return nil, nil
	}
	how := unix.OpenHow{Flags: unix.O_RDONLY | unix.O_CLOEXEC | unix.O_NONBLOCK, Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_MAGICLINKS}
	fd, err := unix.Openat2(b.fd, name, &how)
	for err == unix.EINTR || err == unix.EAGAIN {
		fd, err = unix.Openat2(b.fd, name, &how)
	}
	if err != nil {
		if err == unix.ENOSYS || err == unix.EPERM {
			b.off.Store(true) // no openat2 here
		}
		return nil, nil
	}
	f := &file{fd: fd, name: name}
	if unix.Fstat(fd, &f.st) != nil {
		unix.Close(fd)
		return nil, nil
	}
	switch typ := f.st.Mode & unix.S_IFMT; typ {
	case unix.S_IFREG:
		return f, nil
	case unix.S_IFDIR:
		unix.Close(fd)
		return nil, nil
	default:
		unix.Close(fd)
		return nil, &fs.PathError{Op: "open", Path: name, Err: &NotRegularError{Mode: fileType(typ)}}
	}
}

// fileType is the fs.FileMode type bits of a stat's S_IFMT.
func fileType(typ uint32) fs.FileMode {
	switch typ {
	case unix.S_IFIFO:
		return fs.ModeNamedPipe
	case unix.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case unix.S_IFBLK:
		return fs.ModeDevice
	case unix.S_IFSOCK:
		return fs.ModeSocket
	}
	return fs.ModeIrregular
}

func (b *beneath) close() {
	if b.fd >= 0 {
		unix.Close(b.fd)
	}
}

// file is a regular file read straight from its descriptor: os.File would
// add a system call or two to each open, for a poller a regular file
// never uses.
type file struct {
	fd   int
	name string // as opened: content/verkostot/x.md
	st   unix.Stat_t
}

func (f *file) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for {
		n, err := unix.Read(f.fd, p)
		switch {
		case err == unix.EINTR:
			continue
		case err != nil:
			return 0, &fs.PathError{Op: "read", Path: f.name, Err: err}
		case n == 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

func (f *file) Close() error { return unix.Close(f.fd) }

func (f *file) Stat() (fs.FileInfo, error) { return info{f}, nil }

// info is a regular file's fs.FileInfo, from the fstat done at open.
type info struct{ f *file }

func (i info) Name() string       { return path.Base(i.f.name) }
func (i info) Size() int64        { return i.f.st.Size }
func (i info) Mode() fs.FileMode  { return fs.FileMode(i.f.st.Mode & 0o777) }
func (i info) ModTime() time.Time { return time.Unix(i.f.st.Mtim.Unix()) }
func (i info) IsDir() bool        { return false }
func (i info) Sys() any           { return &i.f.st }
