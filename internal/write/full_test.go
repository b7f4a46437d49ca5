//go:build unix

package write

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"seutu/internal/par"
)

// site makes n files of size bytes; the first version of each changed one
// differs from the second.
func site(n, changed, size int, version string) map[string]string {
	files := map[string]string{}
	for i := range n {
		p := fmt.Sprintf("p%03d/index.html", i)
		if i == 0 {
			p = "index.html"
		}
		text := fmt.Sprintf("page %d", i)
		if i < changed {
			text += " " + version
		}
		files[p] = text + strings.Repeat(".", size-len(text))
	}
	return files
}

// putAll puts files from every core, as render does, and fails on any
// error.
func putAll(t *testing.T, d *Dir, files map[string]string) {
	t.Helper()
	paths := slices.Sorted(func(yield func(string) bool) {
		for p := range files {
			if !yield(p) {
				return
			}
		}
	})
	var failed atomic.Int32
	par.Do(len(paths), func(i int) {
		if err := d.Put(paths[i], []byte(files[paths[i]])); err != nil && failed.Add(1) == 1 {
			t.Errorf("Put(%s): %v", paths[i], err)
		}
	})
	if n := failed.Load(); n > 1 {
		t.Errorf("and %d more Puts failed", n-1)
	}
}

// Once a write finds the disk full, the Dir writes no more, every Put
// returns nil, and Commit returns one DiskFullError, removes what was
// written, and leaves the last site as it was.
func TestDiskFullFailsCommitOnce(t *testing.T) {
	const n, size, block = 300, 5000, 8192 // 5 000 bytes take two blocks of 4 kB
	tests := []struct {
		name      string
		last      map[string]string // the live site, if any
		next      map[string]string
		errno     syscall.Errno
		failAfter int32 // writes that succeed
		needed    int64 // what DiskFullError.Needed must say
		message   string
	}{
		{"first build", nil, site(n, 0, size, ""), syscall.ENOSPC, 10, n * block, "the disk holding %s"},
		{"rebuild, 20 pages changed", site(n, 20, size, "v1"), site(n, 20, size, "v2"), syscall.ENOSPC, 5, 20 * block, "the disk holding %s"},
		{"nothing written", nil, site(n, 0, size, ""), syscall.ENOSPC, 0, n * block, "the disk holding %s"},
		{"quota", nil, site(n, 0, size, ""), syscall.EDQUOT, 10, n * block, "your disk quota on the disk holding %s is used up"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			if tt.last != nil {
				commit(t, dest, tt.last)
			}
			d, err := NewDir(dest)
			if err != nil {
				t.Fatal(err)
			}
			if d.block != 4096 {
				t.Skipf("the test's sizes assume blocks of 4 kB, not %d", d.block)
			}
			var writes, failures atomic.Int32
			d.writeFile = func(name string, data []byte) error {
				if writes.Add(1) > tt.failAfter {
					failures.Add(1)
					return &fs.PathError{Op: "write", Path: name, Err: tt.errno}
				}
				return writeFile(name, data)
			}
			putAll(t, d, tt.next)
			if files, _ := d.Written(); files != int64(len(tt.next)) {
				t.Errorf("Written: %d files, want %d", files, len(tt.next))
			}
			// Only the Puts already writing when the disk filled up write.
			if got, most := failures.Load(), int32(runtime.GOMAXPROCS(0)); got > most {
				t.Errorf("%d writes failed, want no more than one a core (%d)", got, most)
			}

			err = d.Commit()
			var full *DiskFullError
			if !errors.As(err, &full) {
				t.Fatalf("Commit: %v, want a DiskFullError", err)
			}
			if !errors.Is(err, syscall.ENOSPC) || !errors.Is(err, tt.errno) {
				t.Errorf("errors.Is(err, ENOSPC) = %v, errors.Is(err, %v) = %v", errors.Is(err, syscall.ENOSPC), tt.errno, errors.Is(err, tt.errno))
			}
			if full.Dest != dest || full.Needed != tt.needed || full.Free <= 0 || full.Files != int64(len(tt.next)) {
				t.Errorf("DiskFullError%+v, want Dest %s, Needed %d, Free > 0, Files %d", *full, dest, tt.needed, len(tt.next))
			}
			if want := fmt.Sprintf(tt.message, dest); !strings.HasPrefix(err.Error(), want) || strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("message: %s\nwant one line starting %s", err, want)
			}
			want := map[string]string{}
			if tt.last != nil {
				want = tt.last
			}
			if got := readTree(t, filepath.Dir(dest)); fmt.Sprint(got) != fmt.Sprint(prefixed(want, "public/")) {
				t.Errorf("beside and in dest after Commit: %d files, want the %d of the last site, as they were", len(got), len(want))
			}
			if got := besideDest(t, dest); tt.last != nil && !slices.Equal(got, []string{"public"}) {
				t.Errorf("beside dest: %v, want public alone", got)
			}
			commit(t, dest, tt.next) // the disk has room again: the lock is free, the build goes through
		})
	}
}

func prefixed(files map[string]string, prefix string) map[string]string {
	out := map[string]string{}
	for p, s := range files {
		out[prefix+p] = s
	}
	return out
}

// One message for each kind of full disk, for the terminal as it is.
func TestDiskFullErrorMessage(t *testing.T) {
	const mb = 1e6
	enospc := &fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}
	tests := []struct {
		name string
		err  DiskFullError
		want string
	}{
		{"full", DiskFullError{Dest: "public", Needed: 231 * mb, Free: 12.3 * mb, Err: enospc},
			"the disk holding public is full: the site needs about 231 MB and 12 MB are free; free some space or build to another -dest"},
		{"small", DiskFullError{Dest: "public", Needed: 2.46 * mb, Free: 340e3, Err: enospc},
			"the disk holding public is full: the site needs about 2.5 MB and 340 kB are free; free some space or build to another -dest"},
		{"free unknown", DiskFullError{Dest: "public", Needed: 231 * mb, Free: -1, Err: enospc},
			"the disk holding public is full: the site needs about 231 MB; free some space or build to another -dest"},
		{"room again", DiskFullError{Dest: "public", Needed: 20 * mb, Free: 90 * mb, Err: enospc},
			"the disk holding public ran full: the site needs about 20 MB and 90 MB are free now; build again, or free some space or build to another -dest"},
		{"no temporary folder", DiskFullError{Dest: "public", Free: 0, Err: enospc},
			"the disk holding public is full; free some space or build to another -dest"},
		{"no inodes", DiskFullError{Dest: "public", Needed: 20 * mb, Free: 90 * mb, Files: 22001, Inodes: true, Err: enospc},
			"the disk holding public can hold no more files (no free inodes): the site has 22001 files; free some space or build to another -dest"},
		{"quota", DiskFullError{Dest: "public", Needed: 20 * mb, Free: 90 * mb, Err: &fs.PathError{Op: "write", Path: "x", Err: syscall.EDQUOT}},
			"your disk quota on the disk holding public is used up: the site needs about 20 MB; free some space or build to another -dest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// Puts fail fast once Abort has begun, and none made after Abort returned
// writes anything: Abort leaves the last site and nothing beside it, while
// other goroutines go on putting. Each goroutine puts at most a thousand
// files before Abort, and one after it returned.
func TestAbortWhilePutting(t *testing.T) {
	const workers, most = 4, 1000
	dest := filepath.Join(t.TempDir(), "public")
	commit(t, dest, map[string]string{"index.html": "v1"})
	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	aborted := make(chan struct{}) // closed once Abort returned
	var late atomic.Int32          // Puts begun after Abort returned that wrote
	started := make(chan struct{}, workers)
	errs := make(chan error, workers)
	for w := range workers {
		go func() {
			for i := 0; ; i++ {
				if i == most {
					<-aborted
				}
				after := isClosed(aborted)
				err := d.Put(fmt.Sprintf("w%d/p%d/index.html", w, i), []byte("half"))
				if i == 0 {
					started <- struct{}{}
				}
				if err == nil && after {
					late.Add(1)
				}
				if err != nil || after {
					errs <- err
					return
				}
			}
		}()
	}
	for range workers {
		<-started // every goroutine is putting
	}
	err = d.Abort()
	close(aborted)
	if err != nil {
		t.Error(err)
	}
	for range workers {
		if err := <-errs; !errors.Is(err, ErrClosed) {
			t.Errorf("a Put after Abort: %v, want ErrClosed", err)
		}
	}
	if n := late.Load(); n > 0 {
		t.Errorf("%d Puts after Abort wrote", n)
	}
	if got := readTree(t, filepath.Dir(dest)); fmt.Sprint(got) != fmt.Sprint(map[string]string{"public/index.html": "v1"}) {
		t.Errorf("after Abort, beside and in dest: %d files, want public/index.html alone", len(got))
	}
	if got := besideDest(t, dest); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside dest: %v, want public alone", got)
	}
}

func isClosed(c chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// Commit and Abort end a Dir once: whatever follows does nothing, or
// fails with ErrClosed, and writes nothing.
func TestDirEndsOnce(t *testing.T) {
	tests := []struct {
		name    string
		first   func(*Dir) error
		then    func(*Dir) error
		wantErr error
		want    string // dest's index.html after both
	}{
		{"Abort, Abort", (*Dir).Abort, (*Dir).Abort, nil, "v1"},
		{"Commit, Abort", (*Dir).Commit, (*Dir).Abort, nil, "v2"},
		{"Abort, Commit", (*Dir).Abort, (*Dir).Commit, ErrClosed, "v1"},
		{"Commit, Commit", (*Dir).Commit, (*Dir).Commit, ErrClosed, "v2"},
		{"Commit, Put", (*Dir).Commit, func(d *Dir) error { return d.Put("late/index.html", []byte("late")) }, ErrClosed, "v2"},
		{"Abort, Put", (*Dir).Abort, func(d *Dir) error { return d.Put("late/index.html", []byte("late")) }, ErrClosed, "v1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			commit(t, dest, map[string]string{"index.html": "v1"})
			d, err := NewDir(dest)
			if err != nil {
				t.Fatal(err)
			}
			if err := d.Put("index.html", []byte("v2")); err != nil {
				t.Fatal(err)
			}
			if err := tt.first(d); err != nil {
				t.Fatal(err)
			}
			if err := tt.then(d); !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Errorf("then: %v, want %v", err, tt.wantErr)
			}
			if got := readTree(t, dest); got["index.html"] != tt.want || len(got) != 1 {
				t.Errorf("dest = %v, want index.html %s alone", got, tt.want)
			}
			for _, n := range besideDest(t, dest) {
				if strings.Contains(n, ".new-") || strings.HasSuffix(n, ".lock") {
					t.Errorf("left beside dest: %s", n)
				}
			}
			d, err = NewDir(dest) // unlocked
			if err != nil {
				t.Fatal(err)
			}
			d.Abort()
		})
	}
}
