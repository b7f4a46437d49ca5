package live

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"seutu/internal/build"
	"seutu/internal/corpus"
	"seutu/internal/fi"
	"seutu/internal/testwait"
)

// BenchmarkEditToReload measures, on a generated site, the time from
// saving one page to the reload event reaching an open page: the watcher's
// quiet period, the incremental rebuild and the event. The site has
// SEUTU_BENCH_PAGES pages (1 000 unless set):
//
//	SEUTU_BENCH_PAGES=10000 go test ./internal/live -run XXX -bench EditToReload -benchtime 5x
func BenchmarkEditToReload(b *testing.B) {
	pages := 1000
	if n, err := strconv.Atoi(os.Getenv("SEUTU_BENCH_PAGES")); err == nil {
		pages = n
	}
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, fi.Helsinki)
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Generate(corpus.Options{Pages: pages, Seed: 1, Now: now})); err != nil {
		b.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	base := "http://" + l.Addr().String()
	session, err := build.NewSession(build.Options{Source: dir, BaseURL: base + "/", Now: now})
	if err != nil {
		b.Fatal(err)
	}
	defer session.Close()
	// The benchmark's context: testing.B tells no deadline, so it ends
	// after testwait.NoDeadline. The first build of a large site takes
	// minutes on a slow machine, so waiting for it is bounded by that
	// context alone, not by a step's limit.
	ctx, cancel := context.WithCancel(testwait.Context(b))
	defer cancel()
	started := time.Now()
	go New(session, dir, io.Discard).Run(ctx, l)
	for {
		req, _ := http.NewRequestWithContext(ctx, "GET", base+"/", nil)
		if resp, err := http.DefaultClient.Do(req); err == nil && resp.StatusCode == 200 {
			resp.Body.Close()
			break
		}
		select {
		case <-ctx.Done():
			b.Fatalf("waiting for the first build: %v", context.Cause(ctx))
		case <-time.After(10 * time.Millisecond):
		}
	}
	firstPage := time.Since(started)
	req, _ := http.NewRequestWithContext(ctx, "GET", base+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(testwait.Why(ctx, err))
	}
	defer resp.Body.Close()
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if line := sc.Text(); strings.HasPrefix(line, "event: ") {
				events <- strings.TrimPrefix(line, "event: ")
			}
		}
	}()
	page := filepath.Join(dir, "content/verkostot/verkosto-1.md")
	orig, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	var took []time.Duration
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		edited := strings.Replace(string(orig), "\n---\n", fmt.Sprintf("\n---\nMuokkaus %d.\n\n", i), 1)
		if err := os.WriteFile(page, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		// One step: an incremental rebuild takes milliseconds, and only a
		// hang outlasts testwait.StepTimeout.
		if e := testwait.Receive(b, ctx, "the reload event", events); e != "reload" {
			b.Fatalf("event %s", e)
		}
		took = append(took, time.Since(start))
		// The search index follows the reload; the next edit waits for
		// it, as an editor's next save comes seconds later.
		if e := testwait.Receive(b, ctx, "the index event", events); e != "index" {
			b.Fatalf("event %s", e)
		}
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(firstPage.Milliseconds()), "ms-to-first-page")
}
