//go:build linux || darwin || freebsd || dragonfly

package write

import "golang.org/x/sys/unix"

// diskSpace says, of the disk holding dir, its block size, the bytes free
// to a user without privileges, and the free inodes (-1: unknown, or a
// file system without a fixed number, which says 0 of 0).
func diskSpace(dir string) (block, free, files int64) {
	var st unix.Statfs_t
	if unix.Statfs(dir, &st) != nil || st.Bsize <= 0 {
		return 4096, -1, -1
	}
	block, free, files = int64(st.Bsize), int64(st.Bavail)*int64(st.Bsize), int64(st.Ffree)
	if st.Files == 0 {
		files = -1
	}
	return block, free, files
}
