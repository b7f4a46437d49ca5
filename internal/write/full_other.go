//go:build !unix && !windows

package write

import "errors"

// errNoSpace is what DiskFullError is (see Is). The disk's errors go
// untold here: none counts as a full disk.
var errNoSpace = errors.New("no space left on device")

func isDiskFull(err error) bool { return errors.Is(err, errNoSpace) }

func isQuota(error) bool { return false }
