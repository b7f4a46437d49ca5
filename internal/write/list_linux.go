package write

import (
	"bytes"
	"encoding/binary"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// listFiles is walkFiles with fewer system calls and none of its path
// cleaning or sorting: each folder is opened relative to its parent's
// descriptor and read with getdents64, whose entries carry their type. A
// spare holds a folder for every page: at 50 000 pages, walking it took
// 0.4 s of CPU.
func listFiles(dir string) (files map[string]int, dirs map[string]bool, ok bool) {
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
	if err != nil {
		return nil, nil, false
	}
	l := &lister{root: filepath.Clean(dir), files: map[string]int{}, dirs: map[string]bool{}, buf: make([]byte, 32<<10)}
	if !l.walk(fd, "") {
		return nil, nil, false
	}
	return l.files, l.dirs, true
}

type lister struct {
	root  string
	files map[string]int
	dirs  map[string]bool
	buf   []byte // for getdents64; each folder is read whole before its subfolders
}

// walk lists the folder open at fd, at slash path rel under the root, and
// closes fd.
func (l *lister) walk(fd int, rel string) bool {
	defer unix.Close(fd)
	if rel == "" {
		l.dirs[l.root] = true
	} else {
		l.dirs[l.root+"/"+rel] = true
	}
	subdirs, ok := l.read(fd, rel)
	for _, name := range subdirs {
		if !ok {
			break
		}
		sub, err := unix.Openat(fd, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
		ok = err == nil && l.walk(sub, join(rel, name))
	}
	return ok
}

// read numbers the regular files of the folder open at fd and returns the
// names of its folders; ok is false for anything else in it.
func (l *lister) read(fd int, rel string) (subdirs []string, ok bool) {
	for {
		n, err := unix.Getdents(fd, l.buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, false
		}
		if n == 0 {
			return subdirs, true
		}
		// Each entry: inode (8 bytes), offset (8), length (2), type (1),
		// then the name, NUL-terminated.
		for b := l.buf[:n]; len(b) > 0; {
			size := int(binary.NativeEndian.Uint16(b[16:18]))
			if size < 20 || size > len(b) {
				return nil, false
			}
			typ, name := b[18], b[19:size]
			if i := bytes.IndexByte(name, 0); i >= 0 {
				name = name[:i]
			}
			b = b[size:]
			if string(name) == "." || string(name) == ".." {
				continue
			}
			if typ == unix.DT_UNKNOWN { // a file system that does not say
				typ = typeAt(fd, string(name))
			}
			switch typ {
			case unix.DT_REG:
				l.files[join(rel, string(name))] = len(l.files)
			case unix.DT_DIR:
				subdirs = append(subdirs, string(name))
			default:
				return nil, false
			}
		}
	}
}

// typeAt is the type of the entry name in the folder open at fd, as a
// getdents64 type.
func typeAt(fd int, name string) byte {
	var st unix.Stat_t
	if unix.Fstatat(fd, name, &st, unix.AT_SYMLINK_NOFOLLOW) != nil {
		return unix.DT_UNKNOWN
	}
	switch st.Mode & unix.S_IFMT {
	case unix.S_IFREG:
		return unix.DT_REG
	case unix.S_IFDIR:
		return unix.DT_DIR
	}
	return unix.DT_UNKNOWN
}

func join(rel, name string) string {
	if rel == "" {
		return name
	}
	return rel + "/" + name
}
