package write

import (
	"fmt"
	"path/filepath"
)

// DiskFullError is Commit's error when the disk holding the destination
// ran out of space (or the user's quota ran out) while the site was
// written. Commit has removed the unfinished site by then: the destination
// is as it was. errors.Is(err, syscall.ENOSPC) holds for it, EDQUOT too
// when a quota ran out; its message is meant for the terminal as it is.
type DiskFullError struct {
	Dest string // the destination, as given to NewDir

	// Needed is about how many bytes the new site needs on the disk: its
	// files in whole blocks, but for those it shares with the live site
	// (which cost nothing) or kept from the spare. It is 0 when NewDir
	// could not even make the temporary folder.
	Needed int64
	// Free is how many bytes the disk has free now that the unfinished
	// site is removed, for the user running the build; -1 when the system
	// cannot tell.
	Free int64
	// Files is how many files the new site has, and Inodes tells that the
	// disk ran out of inodes (of room for more files) rather than bytes.
	Files  int64
	Inodes bool

	Err error // the first write that failed, with its path
}

func (e *DiskFullError) Error() string {
	const advice = "free some space or build to another -dest"
	needs := ""
	if e.Needed > 0 {
		needs = fmt.Sprintf(": the site needs about %s", size(e.Needed))
	}
	switch {
	case isQuota(e.Err):
		return fmt.Sprintf("your disk quota on the disk holding %s is used up%s; %s", e.Dest, needs, advice)
	case e.Inodes:
		has := ""
		if e.Files > 0 {
			has = fmt.Sprintf(": the site has %d files", e.Files)
		}
		return fmt.Sprintf("the disk holding %s can hold no more files (no free inodes)%s; %s", e.Dest, has, advice)
	case e.Free < 0 || e.Needed <= 0:
		return fmt.Sprintf("the disk holding %s is full%s; %s", e.Dest, needs, advice)
	case e.Free < e.Needed:
		return fmt.Sprintf("the disk holding %s is full%s and %s are free; %s", e.Dest, needs, size(e.Free), advice)
	}
	// The space came back: removing the unfinished site (and the spare it
	// started from) freed it, or something else did.
	return fmt.Sprintf("the disk holding %s ran full%s and %s are free now; build again, or %s", e.Dest, needs, size(e.Free), advice)
}

// Unwrap returns the first write that failed.
func (e *DiskFullError) Unwrap() error { return e.Err }

// Is reports that a full disk is ENOSPC, whatever the system called it
// (EDQUOT for a quota, ERROR_DISK_FULL on Windows).
func (e *DiskFullError) Is(target error) bool { return target == errNoSpace }

// size says n bytes for a person: 340 kB, 4.2 MB, 1536 MB.
func size(n int64) string {
	switch {
	case n < 1e6:
		return fmt.Sprintf("%d kB", (n+999)/1000)
	case n < 10e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%d MB", (n+5e5)/1e6)
}

// fullDisk is the first write the disk refused.
type fullDisk struct {
	err    error
	inodes bool // the disk had bytes left but no inodes
}

// fill notes that the disk refused a write: from now on Puts only count.
// Only the Puts already writing when the disk filled up get here.
func (d *Dir) fill(err error) {
	_, free, files := diskSpace(d.tmp)
	d.full.CompareAndSwap(nil, &fullDisk{err: err, inodes: files == 0 && free >= 1e6})
	d.state.CompareAndSwap(writing, counting)
}

// count is Put once the disk is full: it writes nothing, and counts what
// the site would need where it is. The unfinished site is removed, spare
// and all, so the next build could share only what the live site holds.
func (d *Dir) count(path string, data []byte) {
	if !holds(filepath.Join(d.dest, filepath.FromSlash(path)), data) {
		d.needed.Add(d.blocks(len(data)))
	}
	d.files.Add(1)
	d.bytes.Add(int64(len(data)))
}

// blocks is what n bytes take on the disk, in whole blocks.
func (d *Dir) blocks(n int) int64 { return (int64(n) + d.block - 1) / d.block * d.block }

// diskFull removes the unfinished site and says what it needs.
func (d *Dir) diskFull(f *fullDisk) error {
	_ = removeTree(d.tmp)
	_, free, _ := diskSpace(filepath.Dir(d.tmp))
	return &DiskFullError{Dest: d.name, Needed: d.needed.Load(), Free: free, Files: d.files.Load(), Inodes: f.inodes, Err: f.err}
}

// noRoom is NewDir's error when the disk has no room for even the lock
// file or the temporary folder.
func noRoom(dest, parent string, err error) error {
	_, free, files := diskSpace(parent)
	return &DiskFullError{Dest: dest, Free: free, Inodes: files == 0 && free >= 1e6, Err: err}
}

// blockSize is the block size of the disk holding dir.
func blockSize(dir string) int64 {
	block, _, _ := diskSpace(dir)
	return block
}
