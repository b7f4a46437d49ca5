package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"seutu/internal/body"
	"seutu/internal/corpus"
	"seutu/internal/fi"
	"seutu/internal/load"
	"seutu/internal/render"
	"seutu/internal/resolve"
	"seutu/internal/write"
)

// BenchmarkBuildRealSite builds the repository's own content in memory:
// every stage but the disk.
func BenchmarkBuildRealSite(b *testing.B) {
	fsys := os.DirFS("../..")
	b.ReportAllocs()
	var pages int
	for b.Loop() {
		rep := Run(fsys, Options{Now: testNow}, &write.Discard{})
		if rep.Failed() {
			b.Fatal(rep.Diags)
		}
		pages = rep.Pages
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

var corpusNow = time.Date(2026, 5, 1, 12, 0, 0, 0, fi.Helsinki)

// corpusFS is a generated site of about n pages, in memory.
func corpusFS(b *testing.B, n int) fstest.MapFS {
	b.Helper()
	fsys := fstest.MapFS{}
	for _, f := range corpus.Generate(corpus.Options{Pages: n, Seed: 1, Now: corpusNow}) {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

var sizes = []int{1000, 10000}

// generated writes the generated site of n pages that every benchmark
// here builds, into a temporary folder, and returns the folder.
func generated(b *testing.B, n int, translate ...string) string {
	b.Helper()
	src := b.TempDir()
	if err := corpus.Write(src, corpus.Generate(corpus.Options{Pages: n, Seed: 1, Now: corpusNow, Translate: translate})); err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkBuild builds a generated site, minified and fingerprinted as
// for production, to a real folder: the whole pipeline.
func BenchmarkBuild(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			src := generated(b, n)
			b.ReportAllocs()
			var pages int
			for b.Loop() {
				rep, err := Build(context.Background(), Options{Source: src, Dest: filepath.Join(b.TempDir(), "public"), Now: corpusNow, Minify: true, Fingerprint: true})
				if err != nil || rep.Failed() {
					b.Fatal(err, rep.Diags)
				}
				pages = rep.Pages
			}
			b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkBuildSearchIndex builds a generated site of 10 000 pages as
// BenchmarkBuild does, with the search index and without it, one after
// the other in each round, the first of the two taking turns, so that a
// busy machine slows both alike: what the index adds to a full build
// (target: at most 15 %), as the median of the rounds' ratios, which a
// shared machine moves less than a ratio of medians (over eight rounds it
// swung by a third there). The medians of the times and the CPU time's
// ratio come with it.
func BenchmarkBuildSearchIndex(b *testing.B) {
	src := generated(b, 10000)
	build := func(noSearch bool) (wall, cpu time.Duration) {
		before := cpuTime()
		start := time.Now()
		rep, err := Build(context.Background(), Options{Source: src, Dest: filepath.Join(b.TempDir(), "public"), Now: corpusNow,
			Minify: true, Fingerprint: true, NoSearch: noSearch})
		if err != nil || rep.Failed() {
			b.Fatal(err, rep.Diags)
		}
		return time.Since(start), cpuTime() - before
	}
	var with, without, ratio, cpuRatio []float64
	for b.Loop() {
		var w, wo, cw, cwo time.Duration
		if len(with)%2 == 0 {
			w, cw = build(false)
			wo, cwo = build(true)
		} else {
			wo, cwo = build(true)
			w, cw = build(false)
		}
		with, without = append(with, w.Seconds()), append(without, wo.Seconds())
		ratio, cpuRatio = append(ratio, w.Seconds()/wo.Seconds()), append(cpuRatio, cw.Seconds()/cwo.Seconds())
	}
	median := func(x []float64) float64 {
		slices.Sort(x)
		if n := len(x); n%2 == 0 {
			return (x[n/2-1] + x[n/2]) / 2
		}
		return x[len(x)/2]
	}
	b.ReportMetric(median(with), "s-with")
	b.ReportMetric(median(without), "s-without")
	b.ReportMetric(100*(median(ratio)-1), "%-overhead")
	b.ReportMetric(100*(median(cpuRatio)-1), "%-cpu-overhead")
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkStages times each stage alone on a generated site in memory.
func BenchmarkStages(b *testing.B) {
	for _, n := range sizes {
		fsys := corpusFS(b, n)
		loaded := load.Load(fsys)
		site, _ := resolve.Resolve(&loaded.Content, resolve.Options{Now: corpusNow})
		b.Run(fmt.Sprintf("load/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				load.Load(fsys)
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
		b.Run(fmt.Sprintf("resolve/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				resolve.Resolve(&load.Load(fsys).Content, resolve.Options{Now: corpusNow})
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
		b.Run(fmt.Sprintf("render/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				// A one-shot render consumes the bodies: each gets a fresh load.
				b.StopTimer()
				loaded := load.Load(fsys)
				site, _ := resolve.Resolve(&loaded.Content, resolve.Options{Now: corpusNow})
				b.StartTimer()
				render.New(body.New(nil)).Render(context.Background(), site, loaded.Bodies, layoutsFS(fsys), assetsFS(fsys), write.NewOutput(&write.Discard{}, true), render.Options{Minify: true, Fingerprint: true})
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
		b.Run(fmt.Sprintf("write/%d", n), func(b *testing.B) {
			mem := write.NewMemory()
			render.New(body.New(nil)).Render(context.Background(), site, loaded.Bodies, layoutsFS(fsys), assetsFS(fsys), write.NewOutput(mem, true), render.Options{Minify: true, Fingerprint: true})
			b.ReportAllocs()
			for b.Loop() {
				dir, err := write.NewDir(filepath.Join(b.TempDir(), "public"))
				if err != nil {
					b.Fatal(err)
				}
				for p, data := range mem.Files() {
					if err := dir.Put(p, data); err != nil {
						b.Fatal(err)
					}
				}
				if err := dir.Commit(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(mem.Files()))*float64(b.N)/b.Elapsed().Seconds(), "files/s")
		})
	}
}
