//go:build unix

package write

import (
	"bytes"
	"io/fs"

	"golang.org/x/sys/unix"
)

// The two file operations behind every Put, in as few system calls as the
// kernel allows: a site is tens of thousands of small files, and os.File
// adds three calls to each open (two fcntl and an epoll_ctl that a regular
// file always refuses), which cost more than the reads and writes.

// holds reports whether the file name is a regular file holding exactly
// data. It follows no symbolic link in the last element, and a FIFO does
// not block it.
func holds(name string, data []byte) bool {
	fd, err := unix.Open(name, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NOFOLLOW|unix.O_NONBLOCK, 0)
	if err != nil {
		return false
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || st.Size != int64(len(data)) {
		return false
	}
	buf := chunks.Get().(*[32 << 10]byte)
	defer chunks.Put(buf)
	for len(data) > 0 {
		n, err := unix.Read(fd, buf[:min(len(buf), len(data))])
		if err == unix.EINTR {
			continue
		}
		if err != nil || n <= 0 || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
	}
	return true
}

// writeFile creates or truncates the file name and writes data into it.
func writeFile(name string, data []byte) error {
	fd, err := unix.Open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, 0o644)
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			unix.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}
