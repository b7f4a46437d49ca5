//go:build unix

package write

import (
	"errors"
	"syscall"
)

// errNoSpace is what DiskFullError is (see Is).
var errNoSpace error = syscall.ENOSPC

// isDiskFull reports whether err says the disk, or the user's quota on it,
// is full.
func isDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

// isQuota reports whether err says the user's quota is used up.
func isQuota(err error) bool { return errors.Is(err, syscall.EDQUOT) }
