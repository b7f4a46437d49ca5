//go:build unix && !aix

package write

import (
	"os"

	"golang.org/x/sys/unix"
)

// tryLock takes an exclusive flock on f, without waiting, and reports
// false when another open file holds it: another process, or another Dir
// of this one (flock locks belong to the open file, not the process). A
// file system that cannot lock lets the build go on unlocked.
func tryLock(f *os.File) (bool, error) {
	for {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		switch err {
		case nil:
			return true, nil
		case unix.EINTR:
			continue
		case unix.EWOULDBLOCK:
			return false, nil
		case unix.ENOLCK, unix.EOPNOTSUPP, unix.ENOSYS:
			return true, nil
		}
		return false, err
	}
}
