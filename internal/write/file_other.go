//go:build !unix

package write

import (
	"bytes"
	"io"
	"os"
)

// holds reports whether the file name is a regular file holding exactly
// data.
func holds(name string, data []byte) bool {
	st, err := os.Lstat(name)
	if err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(data)) {
		return false
	}
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

// writeFile creates or truncates the file name and writes data into it.
func writeFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
