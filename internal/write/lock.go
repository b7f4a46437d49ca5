package write

import (
	"errors"
	"fmt"
	"os"
)

// ErrLocked is what NewDir's error wraps when another build is writing to
// the same destination.
var ErrLocked = errors.New("another build is writing to the destination")

type lockedError struct{ dest, lock string }

func (e *lockedError) Error() string {
	return fmt.Sprintf("another seutu build is writing to %s (lock %s held); wait for it to finish", e.dest, e.lock)
}

func (e *lockedError) Unwrap() error { return ErrLocked }

// destLock is a Dir's hold on its destination: an exclusive lock on the
// file .<dest>.lock beside it, held by the open file until release (or
// until the process ends: the kernel lets go of it then).
type destLock struct {
	f    *os.File
	path string
}

// lockDest takes the lock file path for the destination dest (as named in
// messages), or fails at once when another build holds it.
func lockDest(dest, path string) (*destLock, error) {
	for range 10 {
		f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", dest, err)
		}
		locked, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if !locked {
			f.Close()
			return nil, &lockedError{dest, path}
		}
		// The build that held the lock removes the file before it lets
		// go: a lock on a file no longer (or no longer the one) at path
		// locks nothing. Take the new one.
		if sameFile(f, path) {
			return &destLock{f, path}, nil
		}
		f.Close()
	}
	return nil, &lockedError{dest, path}
}

// release removes the lock file, while it still holds the lock on it, and
// lets go. On Windows, where an open file cannot be removed, the file
// stays.
func (l *destLock) release() {
	if sameFile(l.f, l.path) {
		_ = os.Remove(l.path)
	}
	l.f.Close()
}

func sameFile(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(path)
	return err == nil && os.SameFile(a, b)
}
