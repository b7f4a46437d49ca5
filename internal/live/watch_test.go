package live

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"
)

// TestBurstIsOneRebuild writes many files at once, as git checkout does,
// and through a temporary file and a rename, as many editors save, and
// expects one rebuild that names every changed file.
func TestBurstIsOneRebuild(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "content/verkostot"), 0o755)
	var mu sync.Mutex
	var calls [][]string
	ctx, cancel := context.WithCancel(context.Background())
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
	for i := range 20 {
		os.WriteFile(filepath.Join(root, "content/verkostot", "v"+strconv.Itoa(i)+".md"), []byte("x"), 0o644)
	}
	tmp := filepath.Join(root, "content/verkostot/.tallennus.tmp")
	os.WriteFile(tmp, []byte("y"), 0o644)
	os.Rename(tmp, filepath.Join(root, "content/verkostot/v0.md"))
	os.WriteFile(filepath.Join(root, "public-index.html"), []byte("z"), 0o644) // outside the watched folders

	deadline := time.Now().Add(5 * time.Second)
	for {
		mu.Lock()
		n := len(calls)
		mu.Unlock()
		if n > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(3 * quiet) // nothing more may follow
	mu.Lock()
	defer mu.Unlock()
	if len(calls) != 1 {
		t.Fatalf("%d rebuilds, want 1: %v", len(calls), calls)
	}
	if len(calls[0]) != 20 {
		t.Errorf("the rebuild names %d files, want the 20 written: %v", len(calls[0]), calls[0])
	}
}
