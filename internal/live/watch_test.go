package live

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"seutu/internal/testwait"
)

// TestBurstIsOneRebuild writes many files at once, as git checkout does,
// and through a temporary file and a rename, as many editors save, and
// expects one rebuild that names every changed file.
func TestBurstIsOneRebuild(t *testing.T) {
	// A burst is events less than quiet apart. The test writes its burst
	// from a goroutine that a busy machine can stop for tens of
	// milliseconds between two files, more than the 10 ms quiet time of production
	// (watch.go), which would split the burst in two rebuilds. For the test the
	// quiet time is a second, far more than such a stop, and the cap on a
	// burst a minute: what is tested is that a burst is one rebuild, not
	// how short the quiet time is.
	oldQuiet, oldMaxWait := quiet, maxWait
	quiet, maxWait = time.Second, time.Minute
	t.Cleanup(func() { quiet, maxWait = oldQuiet, oldMaxWait })

	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "content/verkostot"), 0o755)
	var mu sync.Mutex
	var calls [][]string
	ctx, cancel := context.WithCancel(testwait.Context(t))
	defer cancel()
	w, err := watch(ctx, root, io.Discard, func(changed []string) {
		mu.Lock()
		calls = append(calls, changed)
		mu.Unlock()
	})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	rebuilds := func(n int) func(context.Context) bool {
		return func(context.Context) bool {
			mu.Lock()
			defer mu.Unlock()
			return len(calls) >= n
		}
	}
	for i := range 20 {
		os.WriteFile(filepath.Join(root, "content/verkostot", "v"+strconv.Itoa(i)+".md"), []byte("x"), 0o644)
	}
	tmp := filepath.Join(root, "content/verkostot/.tallennus.tmp")
	os.WriteFile(tmp, []byte("y"), 0o644)
	os.Rename(tmp, filepath.Join(root, "content/verkostot/v0.md"))
	os.WriteFile(filepath.Join(root, "public-index.html"), []byte("z"), 0o644) // outside the watched folders
	testwait.Until(t, ctx, "the rebuild", rebuilds(1))

	// Nothing more may follow. Rather than watching for a while, which a
	// slow machine could cut short, write one more file: events come in
	// order, so a second rebuild of the burst would come before this
	// file's own, or name the burst's files with it.
	marker := "content/verkostot/merkki.md"
	os.WriteFile(filepath.Join(root, filepath.FromSlash(marker)), []byte("m"), 0o644)
	testwait.Until(t, ctx, "the marker's rebuild", rebuilds(2))
	mu.Lock()
	defer mu.Unlock()
	if len(calls) != 2 || !slices.Equal(calls[1], []string{marker}) {
		t.Fatalf("rebuilds %v, want one of the burst, then one of %s", calls, marker)
	}
	if len(calls[0]) != 20 {
		t.Errorf("the rebuild names %d files, want the 20 written: %v", len(calls[0]), calls[0])
	}
}
