package write

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap exchanges tmp and dest in one step, so that a reader (or the dev
// server) never sees dest missing, then removes the old site.
func swap(tmp, dest string) error {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return removeTree(tmp) // tmp now holds the old site
	case errors.Is(err, unix.ENOENT):
		return os.Rename(tmp, dest) // no site yet
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EXDEV):
		return swapByRenames(tmp, dest) // file system without exchange
	}
	return err
}
