// Package sitefs opens a site folder for reading: an fs.FS in which no
// path leads outside the folder, whatever its symbolic links say. It is
// os.Root's FS with a faster Open on Linux (see beneath_linux.go): a build
// opens every content file once, and os.Root opens and closes each folder
// on the way to it as well.
package sitefs

import (
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

// Open opens the file name, a slash path relative to the folder.
func (f *FS) Open(name string) (fs.File, error) {
	if fs.ValidPath(name) {
		if file := f.dir.open(name); file != nil {
			return file, nil
		}
	}
	// os.Root, also for the error: the fast path gives up on any.
	return f.rootFS.Open(name)
}

// Close releases the folder.
func (f *FS) Close() error {
	f.dir.close()
	return f.root.Close()
}
