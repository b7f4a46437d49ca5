package write

import (
	"bytes"
	"io"
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
	old := filepath.Join(d.dest, filepath.FromSlash(path))
	st, err := os.Lstat(old)
	if err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(data)) {
		return false
	}
	if !holds(old, data) {
		return false
	}
	return os.Link(old, full) == nil
}

var chunks = sync.Pool{New: func() any { return new([32 << 10]byte) }}

// holds reports whether the file name holds exactly data.
func holds(name string, data []byte) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := chunks.Get().(*[32 << 10]byte)
	defer chunks.Put(buf)
	for len(data) > 0 {
		n, err := io.ReadFull(f, buf[:min(len(buf), len(data))])
		if err != nil || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
	}
	n, _ := f.Read(buf[:1])
	return n == 0 // and not longer than data now
}
