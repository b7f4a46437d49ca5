package par

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"runtime"

	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

func TestDoCallsEachIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		seen := make([]int32, n)
		var calls atomic.Int32
		Do(n, func(i int) {
			atomic.AddInt32(&seen[i], 1)
			calls.Add(1)
		})
		if int(calls.Load()) != n {
			t.Errorf("n=%d: %d calls", n, calls.Load())
		}
		for i, c := range seen {
			if c != 1 {
				t.Errorf("n=%d: index %d called %d times", n, i, c)
			}
		}
	}
}

// Once the context ends, no index is handed out: each worker finishes the
// call it is in and stops.
func TestDoContextStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	err := DoContext(ctx, 1_000_000, func(i int) {
		if calls.Add(1) == 10 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	// Each worker may be inside one call when cancel comes.
	if c := calls.Load(); c < 10 || c > 10+int32(max(2, runtimeProcs())) {
		t.Errorf("%d calls after cancelling at the 10th", c)
	}
	if err := DoContext(context.Background(), 5, func(int) {}); err != nil {
		t.Errorf("a context that never ends: %v", err)
	}
}

func runtimeProcs() int { return runtime.GOMAXPROCS(0) }
