package write

import (
	"errors"
	"syscall"

	"golang.org/x/sys/windows"
)

// errNoSpace is what DiskFullError is (see Is).
var errNoSpace error = syscall.ENOSPC

// isDiskFull reports whether err says the disk, or the user's quota on it,
// is full.
func isDiskFull(err error) bool {
	return errors.Is(err, windows.ERROR_DISK_FULL) || errors.Is(err, windows.ERROR_HANDLE_DISK_FULL) || isQuota(err)
}

// isQuota reports whether err says the user's quota is used up.
func isQuota(err error) bool { return errors.Is(err, windows.ERROR_DISK_QUOTA_EXCEEDED) }

// diskSpace says, of the disk holding dir, its block size (a guess), the
// bytes free to this user, and the free inodes (unknown: -1).
func diskSpace(dir string) (block, free, files int64) {
	p, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return 4096, -1, -1
	}
	var avail uint64
	if windows.GetDiskFreeSpaceEx(p, &avail, nil, nil) != nil {
		return 4096, -1, -1
	}
	return 4096, int64(avail), -1
}
