package write

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// A build on a real disk that fills up: a tmpfs of 1 MiB, mounted for the
// test (as root; skipped where mounting is not allowed), with a site of
// 1 kB on it and a new one of 2.5 MB to write.
func TestDiskFullOnATmpfs(t *testing.T) {
	disk := t.TempDir()
	if err := unix.Mount("tmpfs", disk, "tmpfs", 0, "size=1m"); err != nil {
		t.Skipf("cannot mount a tmpfs of 1 MiB to fill (%v): it takes root, with CAP_SYS_ADMIN", err)
	}
	t.Cleanup(func() {
		if err := unix.Unmount(disk, 0); err != nil {
			unix.Unmount(disk, unix.MNT_DETACH)
		}
	})
	dest := filepath.Join(disk, "public")
	last := map[string]string{"index.html": strings.Repeat("v1", 500)}
	commit(t, dest, last)

	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	next := site(300, 300, 8000, "v2") // 300 files of two blocks
	putAll(t, d, next)                 // not one fails
	err = d.Commit()
	var full *DiskFullError
	if !errors.As(err, &full) || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("Commit: %v, want a DiskFullError", err)
	}
	if full.Needed != 300*8192 || full.Free <= 0 || full.Free > 1<<20 {
		t.Errorf("DiskFullError%+v, want Needed %d and Free under 1 MiB", *full, 300*8192)
	}
	want := fmt.Sprintf("the disk holding %s is full: the site needs about 2.5 MB and %s are free; free some space or build to another -dest", dest, size(full.Free))
	if err.Error() != want {
		t.Errorf("message: %s\nwant     %s", err, want)
	}
	if got := readTree(t, dest); fmt.Sprint(got) != fmt.Sprint(last) {
		t.Error("the last site changed")
	}
	if got := besideDest(t, dest); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside dest: %v, want public alone", got)
	}
	if _, err := os.Stat(dest); err != nil {
		t.Fatal(err)
	}
}
