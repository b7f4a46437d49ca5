package write

import (
	"os"
	"path/filepath"
	"sync"
)

// reuse links the last site's copy of path into the new site, as full,
// when it holds exactly data, and reports whether it did. Most of a
// rebuilt site is what it was: a link spares the disk writing each such
// file again and freeing the old copy when the old site is removed, and
// the file keeps its modification time, so rsync and caches see it
// unchanged. Files are never changed in place, so the two sites sharing
// one is safe. Anything but a regular file of the same size is written
// anew, as is everything when the link fails (another file system, say).
func (d *Dir) reuse(path, full string, data []byte) bool {
	if !d.live {
		// A fresh clone's build: looking for each file in a folder that
		// is not there was 13 543 failed opens at 10 000 pages.
		return false
	}
	old := filepath.Join(d.dest, filepath.FromSlash(path))
	return holds(old, data) && os.Link(old, full) == nil
}

// chunks are the buffers holds compares files through.
var chunks = sync.Pool{New: func() any { return new([32 << 10]byte) }}
