package build

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
)

// BenchmarkPeakMemory builds a generated site into an empty folder, as
// BenchmarkBuild does, and reports what sets a build's peak memory (issue
// #22): the most the collector found live at the end of a cycle (the heap
// it paces from: the next cycle starts at about 2.25 times that, at
// GOGC=125, gc.go), the highest heap goal, and the most heap memory in
// use. Sampled every few milliseconds from runtime/metrics while the build
// runs, they are steadier than a process's peak RSS on a shared machine.
//
//	go test ./internal/build -run '^$' -bench PeakMemory -benchtime 3x
func BenchmarkPeakMemory(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			src := generated(b, n)
			var live, goal, inUse uint64
			for b.Loop() {
				runtime.GC() // nothing of the last run counts
				p := watchHeap()
				rep, err := Build(context.Background(), Options{Source: src, Dest: filepath.Join(b.TempDir(), "public"), Now: corpusNow, Minify: true, Fingerprint: true})
				l, g, u := p.stop()
				if err != nil || rep.Failed() {
					b.Fatal(err, rep.Diags)
				}
				live, goal, inUse = max(live, l), max(goal, g), max(inUse, u)
			}
			b.ReportMetric(float64(live)/(1<<20), "MB-live-max")
			b.ReportMetric(float64(goal)/(1<<20), "MB-goal-max")
			b.ReportMetric(float64(inUse)/(1<<20), "MB-heap-max")
		})
	}
}

// heapWatch samples the heap's figures until stopped, keeping the highest.
type heapWatch struct {
	done              chan struct{}
	wg                sync.WaitGroup
	live, goal, inUse uint64
}

var heapMetrics = []string{"/gc/heap/live:bytes", "/gc/heap/goal:bytes", "/memory/classes/heap/objects:bytes"}

func watchHeap() *heapWatch {
	w := &heapWatch{done: make(chan struct{})}
	samples := make([]metrics.Sample, len(heapMetrics))
	for i, name := range heapMetrics {
		samples[i].Name = name
	}
	read := func() {
		metrics.Read(samples)
		w.live = max(w.live, samples[0].Value.Uint64())
		w.goal = max(w.goal, samples[1].Value.Uint64())
		w.inUse = max(w.inUse, samples[2].Value.Uint64())
	}
	w.wg.Go(func() {
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-w.done:
				read()
				return
			case <-tick.C:
				read()
			}
		}
	})
	return w
}

// stop ends the sampling and returns the highest live heap, heap goal and
// heap in use seen.
func (w *heapWatch) stop() (live, goal, inUse uint64) {
	close(w.done)
	w.wg.Wait()
	return w.live, w.goal, w.inUse
}
