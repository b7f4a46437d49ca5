// Package write is the last stage of a build: it takes the bytes of each
// file, minifies them when the build minifies, and puts them somewhere:
// into a folder on disk, swapped into place only when the whole site is
// written, into memory (for tests and the dev server), or nowhere (for
// check).
//
// Every Sink is safe for concurrent use.
//
// # Minifying
//
// Output is the stage in front of a Sink (minify.go). Its Put minifies
// CSS, JS, SVG, JSON, XML and HTML by the file's extension (calendars are
// left as they are: their line folding is exact); Final writes bytes that
// are final already. Pages are: their layouts were squeezed once, when
// they were parsed (package render), which costs far less than minifying
// every page. Assets are too: render has them minified ahead (Minify),
// because their fingerprinted names are hashes of the bytes written. An
// Output counts the bytes before and after minifying, and the time spent
// in it, summed over the goroutines that write: render hands each file
// over as soon as it is made, on every core.
//
// # A folder on disk
//
// Dir writes the new site into a temporary folder beside the destination
// (.<dest>.new-*), and Commit swaps it into place whole: on Linux in one
// step, so that the destination is never missing; elsewhere by two
// renames. A build that fails, is killed or runs out of disk leaves the
// last site as it was, and the next NewDir removes the leftovers. NewDir
// refuses a destination that is not empty and holds no built site (no
// index.html or 404.html at its top): replacing it would lose it.
//
// The site a Commit replaces is kept beside the destination as
// .<dest>.spare, and the next Dir starts from it rather than from an empty
// folder: a file the spare holds byte for byte stays as it is, the rest
// are written, and Commit removes the files the new site no longer has.
// That spares removing and rewriting thousands of files (on this
// project's disk, 10 000 pages build in 1.5 s rather than 3 s). The spare
// is only ever compared, never trusted: anything in it but files and
// folders sends the build back to an empty folder, and it may be deleted
// at any time (see spare.go). A file the spare does not hold but the live
// site holds byte for byte is hard-linked from the live site instead of
// written again (see reuse). Either way an unchanged file keeps its
// modification time, so rsync and caches see it unchanged. Files are never
// changed in place, so two sites sharing one is safe.
//
// A site is tens of thousands of small files, so each costs few system
// calls: a file is compared and written with open, fstat, read or write
// and close alone (file_unix.go), and the spare's folders are not made
// again. The spare is listed with filepath.WalkDir: getdents64 saved too
// little to keep (see walkFiles).
//
// # One build at a time
//
// A Dir locks its destination from NewDir to Commit or Abort: flock on the
// file .<dest>.lock beside it (LockFileEx on Windows), held by an open
// descriptor, so that the kernel lets go of it when the process ends,
// however it ends. A second NewDir on the same destination, from this
// process or another, fails at once, with an error that errors.Is
// ErrLocked ("another seutu build is writing to public (lock .public.lock
// held); wait for it to finish"), rather than waiting. Everything done to
// the folders beside the destination (removing leftovers, claiming the
// spare, the swap) is done under the lock. Commit and Abort remove the
// lock file; a killed build leaves it, harmless, and the next build takes
// it and removes it (on Windows, where an open file cannot be removed, it
// stays). On a file system that cannot lock (some network disks), and on
// AIX, Plan 9 and WebAssembly, builds go on without the lock.
//
// # A destination that is a symbolic link
//
// A destination that is a symbolic link (public -> /var/www/site) is
// followed, once, by NewDir (see Target): the site is written beside the
// folder the link leads to (/var/www/.site.new-*), on that folder's disk,
// and swapped in place of that folder, with its spare and its lock beside
// it too. The link stays as it is and leads to the new site. A link to a
// link is followed to the end; a link to nothing yet is followed to where
// it points, and the site is made there. As for any destination, the
// folder must be on the same disk as its parent (not a mount point
// itself): the swap is a rename.
//
// # A full disk
//
// When a write fails for want of space (ENOSPC, or EDQUOT for a quota),
// the Dir writes no more: the Puts that follow return nil at once, so the
// build carries on cheaply to its end, and only count what the site would
// need. Commit then removes the unfinished site, leaves the destination as
// it was, and returns one *DiskFullError (errors.Is syscall.ENOSPC) that
// says about how much the site needs and how much the disk has free: one
// clear message rather than one per file.
//
// # Stopping
//
// Abort may be called while other goroutines still Put (a build cancelled
// on SIGINT): it stops new Puts, which then fail at once with ErrClosed,
// waits for the Puts already writing a file, removes the temporary folder
// and unlocks the destination, leaving it as it was. Commit likewise waits
// for the Puts under way before it swaps. A Put too late creates nothing.
package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"seutu/internal/par"
)

// Dir writes a site into a temporary folder beside the destination; Commit
// swaps it into place, Abort throws it away. Until Commit, the destination
// is untouched, so a failed or interrupted build leaves the last good site.
// The new site starts from the one the last Commit replaced (see
// spare.go); a file the last site already had, byte for byte, is linked
// into the new one instead of written again (see reuse).
type Dir struct {
	name  string // the destination as given, for messages
	dest  string // the folder replaced: name, or where its symbolic link leads
	tmp   string
	lock  *destLock
	block int64 // the disk's block size, for DiskFullError.Needed
	files atomic.Int64
	bytes atomic.Int64
	dirs  sync.Map // folders already made
	live  bool     // dest existed: there is a last site to reuse files of

	ready     chan struct{}   // closed once claimSpare is done
	spare     map[string]int  // the spare's files, numbered, when tmp is the spare
	written   []atomic.Bool   // by number: whether the new site put the file
	spareDirs map[string]bool // the spare's folders, there already: no need to make them

	// Put checks state once (one atomic load); busy counts the Puts under
	// way, so that Commit and Abort can wait for them (see close).
	state     atomic.Int32
	busy      atomic.Int64
	drained   chan struct{} // closed by the last Put out once closed
	drainOnce sync.Once

	// Once the disk is full: the first failure, and what the site needs.
	full   atomic.Pointer[fullDisk]
	needed atomic.Int64 // bytes, in blocks, of the files written or to write

	writeFile func(name string, data []byte) error // writeFile; tests make the disk fill up
}

// The states of a Dir.
const (
	starting int32 = iota // claimSpare is running: Puts wait for it
	writing
	counting // the disk is full: Puts only count
	closed   // committed or aborted: Puts fail
)

// ErrClosed is what a Put returns once Commit or Abort has begun, and
// what a second Commit returns.
var ErrClosed = errors.New("the output folder is already committed or aborted")

// NewDir prepares to write the site that will replace dest, and locks dest
// until Commit or Abort: a second NewDir on the same destination fails
// with an error that errors.Is ErrLocked. A dest that is a symbolic link
// is followed (see Target). NewDir refuses a dest that holds something
// other than a site: replacing it would lose it.
func NewDir(dest string) (*Dir, error) {
	name := filepath.Clean(dest)
	dest, err := Target(name)
	if err != nil {
		return nil, err
	}
	parent, base := filepath.Split(dest)
	parent = nonEmpty(parent)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	lock, err := lockDest(name, filepath.Join(parent, "."+base+".lock"))
	if err != nil {
		if isDiskFull(err) {
			return nil, noRoom(name, parent, err)
		}
		return nil, err
	}
	if err := checkReplaceable(dest); err != nil {
		lock.release()
		return nil, err
	}
	removeLeftovers(parent, base) // only under the lock: they may be another build's
	_, statErr := os.Stat(dest)
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err == nil {
		err = os.Chmod(tmp, 0o755)
		if err != nil {
			os.Remove(tmp)
		}
	}
	if err != nil {
		lock.release()
		if isDiskFull(err) {
			return nil, noRoom(name, parent, err)
		}
		return nil, fmt.Errorf("create temporary output folder: %w", err)
	}
	d := &Dir{
		name: name, dest: dest, tmp: tmp, lock: lock, block: blockSize(parent),
		ready: make(chan struct{}), drained: make(chan struct{}), writeFile: writeFile,
		live: !errors.Is(statErr, fs.ErrNotExist),
	}
	go d.claimSpare()
	return d, nil
}

// Target returns the folder a build into dest replaces: dest itself, or,
// when dest is a symbolic link, the folder it leads to, following links
// to links. The link's own folder is resolved first, so that a relative
// link means what the kernel takes it to mean. A link to nothing yet
// leads to where it points.
func Target(dest string) (string, error) {
	name := filepath.Clean(dest)
	dest = name
	for range 40 {
		st, err := os.Lstat(dest)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return dest, nil
		}
		to, err := os.Readlink(dest)
		if err != nil {
			return "", fmt.Errorf("output folder %s: %w", name, err)
		}
		if !filepath.IsAbs(to) {
			dir := filepath.Dir(dest)
			if real, err := filepath.EvalSymlinks(dir); err == nil {
				dir = real
			}
			to = filepath.Join(dir, to)
		}
		dest = filepath.Clean(to)
	}
	return "", fmt.Errorf("output folder %s: too many levels of symbolic links", name)
}

// checkReplaceable accepts a missing or empty dest, or one that holds a
// built site (an index.html or 404.html at its top).
func checkReplaceable(dest string) error {
	entries, err := os.ReadDir(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output folder %s: %w", dest, err)
	}
	if len(entries) == 0 {
		return nil
	}
	for _, e := range entries {
		if e.Name() == "index.html" || e.Name() == "404.html" {
			return nil
		}
	}
	return fmt.Errorf("refusing to replace %s: it is not empty and holds no built site (no index.html); choose another -dest", dest)
}

// removeLeftovers removes temporary folders of builds that were killed.
func removeLeftovers(parent, base string) {
	for _, pattern := range []string{"." + base + ".new-*", "." + base + ".old-*"} {
		matches, _ := filepath.Glob(filepath.Join(parent, pattern))
		for _, m := range matches {
			_ = os.RemoveAll(m)
		}
	}
}

// Put writes one file of the site; path is slash-separated and relative.
// Once the disk is full it writes nothing and returns nil (Commit reports
// it); once Commit or Abort has begun it fails with ErrClosed.
func (d *Dir) Put(path string, data []byte) error {
	if !fs.ValidPath(path) || path == "." {
		return fmt.Errorf("invalid output path %q", path)
	}
	d.busy.Add(1)
	defer d.leave()
	s := d.state.Load()
	if s == starting {
		<-d.ready
		s = d.state.Load()
	}
	switch s {
	case counting:
		d.count(path, data)
		return nil
	case closed:
		return &fs.PathError{Op: "write", Path: path, Err: ErrClosed}
	}
	shared, err := d.put(path, data)
	if !shared {
		d.needed.Add(d.blocks(len(data)))
	}
	if err != nil {
		if !isDiskFull(err) {
			return err
		}
		d.fill(err)
	}
	d.files.Add(1)
	d.bytes.Add(int64(len(data)))
	return nil
}

// put writes one file, and reports whether it is shared with the spare or
// the live site rather than written.
func (d *Dir) put(path string, data []byte) (shared bool, err error) {
	full := filepath.Join(d.tmp, filepath.FromSlash(path))
	dir := filepath.Dir(full)
	if !d.spareDirs[dir] {
		if _, done := d.dirs.Load(dir); !done {
			if err := d.makeDir(dir); err != nil {
				return false, err
			}
			d.dirs.Store(dir, true)
		}
	}
	if d.spare != nil && d.keepSpare(path, full, data) {
		return true, nil
	}
	if d.reuse(path, full, data) {
		return true, nil
	}
	err = d.writeFile(full, data)
	if err != nil && d.spare != nil && isDir(full) {
		// The spare has a folder where the new site has a file.
		if err = os.RemoveAll(full); err == nil {
			err = d.writeFile(full, data)
		}
	}
	return false, err
}

// leave ends a Put: the last one out once the Dir is closed lets close go
// on.
func (d *Dir) leave() {
	if d.busy.Add(-1) == 0 && d.state.Load() == closed {
		d.drainOnce.Do(func() { close(d.drained) })
	}
}

// close makes Puts fail from now on and waits for those under way, so that
// none writes into the temporary folder once it is swapped or removed. It
// reports false when the Dir was closed already.
//
// A Put adds itself to busy, then loads state; close stores state, then
// loads busy. Whichever comes second sees the other: either the Put sees
// closed and writes nothing, or close sees it busy and waits for the last
// Put out to close drained.
func (d *Dir) close() bool {
	if d.state.Swap(closed) == closed {
		return false
	}
	if d.busy.Load() != 0 {
		<-d.drained
	}
	return true
}

func isDir(name string) bool {
	st, err := os.Lstat(name)
	return err == nil && st.IsDir()
}

// Commit puts the written site in place of dest, and unlocks dest. When
// the disk filled up, it removes the unfinished site instead and returns a
// *DiskFullError.
func (d *Dir) Commit() error {
	<-d.ready
	if !d.close() {
		return fmt.Errorf("commit %s: %w", d.name, ErrClosed)
	}
	defer d.lock.release()
	if f := d.full.Load(); f != nil {
		return d.diskFull(f)
	}
	if d.spare != nil {
		d.removeStale()
	}
	old, err := swap(d.tmp, d.dest)
	if err != nil {
		if isDiskFull(err) {
			return d.diskFull(&fullDisk{err: err})
		}
		_ = removeTree(d.tmp)
		return fmt.Errorf("put the new site in place: %w", err)
	}
	if old != "" {
		// The replaced site is the next build's start (see spare.go).
		spare := spareName(d.dest)
		_ = removeTree(spare) // left by a build whose claim failed
		if os.Rename(old, spare) != nil {
			return removeTree(old)
		}
	}
	return nil
}

// Abort removes what was written and unlocks dest; dest stays as it was.
// It may be called while other goroutines Put: they fail with ErrClosed
// from then on, and Abort waits for those already writing. Abort after
// Commit or Abort does nothing.
func (d *Dir) Abort() error {
	<-d.ready
	if !d.close() {
		return nil
	}
	defer d.lock.release()
	return removeTree(d.tmp)
}

// Written returns how many files and bytes have been put. After the disk
// filled up, it counts the files that were not written too.
func (d *Dir) Written() (files, bytes int64) { return d.files.Load(), d.bytes.Load() }

// Dest returns the folder Commit replaces: the destination given to
// NewDir, or where its symbolic link leads.
func (d *Dir) Dest() string { return d.dest }

// swapByRenames moves dest aside and tmp into its place, and returns where
// the old site now is. Between the two renames dest is briefly missing;
// swap_linux.go avoids that window where the kernel can exchange two paths
// at once.
func swapByRenames(tmp, dest string) (string, error) {
	old := ""
	if _, err := os.Lstat(dest); err == nil {
		parent, base := filepath.Split(dest)
		o, err := os.MkdirTemp(nonEmpty(parent), "."+base+".old-")
		if err != nil {
			return "", err
		}
		if err := os.Remove(o); err != nil {
			return "", err
		}
		if err := os.Rename(dest, o); err != nil {
			return "", err
		}
		old = o
	}
	if err := os.Rename(tmp, dest); err != nil {
		if old != "" {
			_ = os.Rename(old, dest) // put the last good site back
		}
		return "", err
	}
	return old, nil
}

func nonEmpty(dir string) string {
	if strings.TrimSpace(dir) == "" {
		return "."
	}
	return dir
}

// Discard counts files and writes nothing: for check.
type Discard struct{ files atomic.Int64 }

// Put counts the file.
func (d *Discard) Put(string, []byte) error { d.files.Add(1); return nil }

// Memory keeps the site in memory: for tests and the dev server.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemory returns an empty in-memory site.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// Put stores a copy of data under path.
func (m *Memory) Put(path string, data []byte) error {
	if !fs.ValidPath(path) || path == "." {
		return fmt.Errorf("invalid output path %q", path)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[path] = append([]byte(nil), data...)
	return nil
}

// Files returns the stored files by path. The map must not be changed.
func (m *Memory) Files() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.files
}

// removeTree removes dir and everything in it, unlinking files on every
// core: a replaced site has thousands, and removing them one by one took
// longer than writing the new ones.
func removeTree(dir string) error {
	var files, dirs []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			dirs = append(dirs, p)
		} else {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return os.RemoveAll(dir)
	}
	par.Do(len(files), func(i int) { os.Remove(files[i]) })
	for i := len(dirs) - 1; i >= 0; i-- { // deepest first
		os.Remove(dirs[i])
	}
	return os.RemoveAll(dir) // whatever is left, with its error
}
