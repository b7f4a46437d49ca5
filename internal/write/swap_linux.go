package write

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap exchanges tmp and dest in one step, so that a reader (or the dev
// server) never sees dest missing, and returns where the old site now is.
func swap(tmp, dest string) (string, error) {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return tmp, nil // tmp now holds the old site
	case errors.Is(err, unix.ENOENT):
		return "", os.Rename(tmp, dest) // no site yet
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EXDEV):
		return swapByRenames(tmp, dest) // file system without exchange
	}
	return "", err
}
