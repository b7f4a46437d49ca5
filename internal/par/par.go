// Package par runs independent work on every core.
package par

import (
	"runtime"
	"sync"
)

// Do calls fn(i) for every i in [0, n) on GOMAXPROCS goroutines and returns
// when all calls have returned. fn must be safe to call concurrently; to
// keep results in order, have it write to index i of a slice.
func Do(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
