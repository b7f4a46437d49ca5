// Package sitefs opens a site folder for reading: an fs.FS in which no
// path leads outside the folder, whatever its symbolic links say. It is
// os.Root's FS with a faster Open on Linux (see beneath_linux.go): a build
// opens every content file once, and os.Root opens and closes each folder
// on the way to it as well.
//
// Only regular files and folders are opened. A named pipe would block the
// build in open(2) for ever, and a device file such as /dev/zero would be
// read until memory runs out, so every open is non-blocking and what was
// opened (fstat of the descriptor, not a stat of the path before) decides:
// anything else is a *NotRegularError.
package sitefs

import (
	"fmt"
	"io"
	"io/fs"
	"os"
)

// FS is a site folder opened for reading. Close it when done.
type FS struct {
	rootFS
	root *os.Root
	dir  *beneath // the fast Open, where the system has one
}

// rootFS is what os.Root's FS offers.
type rootFS interface {
	fs.ReadDirFS
	fs.ReadFileFS
	fs.ReadLinkFS
	fs.StatFS
}

// Open opens the folder dir.
func Open(dir string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &FS{rootFS: root.FS().(rootFS), root: root, dir: openBeneath(dir)}, nil
}

// Open opens the file or folder name, a slash path relative to the
// folder. Anything else is refused with a *NotRegularError.
func (f *FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if file, err := f.dir.open(name); file != nil || err != nil {
		return file, err
	}
	// os.Root, also for the error: the fast path gives up on any.
	file, err := f.root.OpenFile(name, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		// A socket cannot be opened at all (ENXIO): say what it is.
		if st, lerr := f.root.Lstat(name); lerr == nil && st.Mode()&fs.ModeSocket != 0 {
			return nil, &fs.PathError{Op: "open", Path: name, Err: &NotRegularError{Mode: fs.ModeSocket}}
		}
		return nil, err
	}
	st, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, err
	}
	if m := st.Mode(); !m.IsRegular() && !m.IsDir() {
		file.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: &NotRegularError{Mode: m.Type()}}
	}
	return file, nil
}

// ReadFile reads the file name through Open: os.Root's own ReadFile would
// block on a named pipe.
func (f *FS) ReadFile(name string) ([]byte, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return io.ReadAll(file)
}

// NotRegularError is the error for a path that is neither a regular file
// nor a folder: a named pipe, a device, a socket.
type NotRegularError struct {
	Mode fs.FileMode // the type bits
}

func (e *NotRegularError) Error() string {
	var what string
	switch {
	case e.Mode&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case e.Mode&fs.ModeCharDevice != 0:
		what = "a character device"
	case e.Mode&fs.ModeDevice != 0:
		what = "a block device"
	case e.Mode&fs.ModeSocket != 0:
		what = "a socket"
	default:
		what = fmt.Sprintf("a special file (%v)", e.Mode)
	}
	return what + ", not a regular file: only files and folders are read; remove it"
}

// Close releases the folder.
func (f *FS) Close() error {
	f.dir.close()
	return f.root.Close()
}
