// Package par runs independent work on every core.
package par

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// Do calls fn(i) for every i in [0, n) on GOMAXPROCS goroutines and returns
// when all calls have returned. fn must be safe to call concurrently; to
// keep results in order, have it write to index i of a slice.
//
// Each goroutine takes the next index from a shared counter. Handing the
// indexes out over a channel instead left the cores idle a quarter to a
// third of the time (a goroutine switch and often a thread wake-up per
// item, at 10 000 items of 30–100 µs).
func Do(n int, fn func(i int)) {
	_ = DoContext(context.Background(), n, fn)
}

// DoContext is Do that hands out no more indexes once ctx is done, so
// that a build stops within one call of fn per core of being asked to; it
// returns ctx's error then, and nil when every call was made.
func DoContext(ctx context.Context, n int, fn func(i int)) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	done := ctx.Done() // nil for a context that never ends: no check
	var wg sync.WaitGroup
	var next atomic.Int64
	for range workers {
		wg.Go(func() {
			for {
				if done != nil {
					select {
					case <-done:
						return
					default:
					}
				}
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
	if done != nil {
		return ctx.Err()
	}
	return nil
}
