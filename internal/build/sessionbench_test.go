package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkSessionEdit times the dev server's rebuild after a one-file
// edit on a generated site (no watcher, no HTTP: see package live's
// BenchmarkEditToReload for the whole way to the browser): an edit of the
// body, the common case, and of the front matter (a new summary), which
// resolves the site again and renders the lists that show the page.
func BenchmarkSessionEdit(b *testing.B) {
	edits := []struct{ name, old, new string }{
		{"body", "\n---\n", "\n---\nMuokkaus %d.\n\n"},
		{"front", "\nsummary: ", "\nsummary: Muokkaus %d. "},
	}
	for _, n := range sizes {
		for _, e := range edits {
			b.Run(fmt.Sprintf("%s/%d", e.name, n), func(b *testing.B) { benchmarkEdit(b, n, verkosto, e.old, e.new) })
		}
		b.Run(fmt.Sprintf("new-page/%d", n), func(b *testing.B) { benchmarkNewPage(b, n) })
	}
}

// benchmarkNewPage times the rebuild after a page is added: every address
// list changes, so every page is rendered again, but only the new body is
// converted.
func benchmarkNewPage(b *testing.B, n int) {
	benchmarkRebuilds(b, n, nil, func(src string) func(i int) string {
		return func(i int) string {
			name := fmt.Sprintf("content/tietoa/uusi-%d.md", i)
			text := fmt.Sprintf("---\ntitle: Uusi %d\nsummary: Uusi sivu.\n---\nUusi sivu, jossa [linkki](../verkostot/verkosto-1.md).\n", i)
			if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
			return name
		}
	})
}

// BenchmarkSessionEditLanguages is BenchmarkSessionEdit's edits on a site
// with every page translated into English: of the Finnish page, and of its
// translation, which should rebuild as fast.
func BenchmarkSessionEditLanguages(b *testing.B) {
	edits := []struct{ name, file, old, new string }{
		{"body/fi", verkosto, "\n---\n", "\n---\nMuokkaus %d.\n\n"},
		{"body/en", verkostoEN, "\n---\n", "\n---\nEdit %d.\n\n"},
		{"front/fi", verkosto, "\nsummary: ", "\nsummary: Muokkaus %d. "},
		{"front/en", verkostoEN, "\nsummary: \"", "\nsummary: \"Edit %d. "},
	}
	for _, n := range sizes {
		for _, e := range edits {
			b.Run(fmt.Sprintf("%s/%d", e.name, n), func(b *testing.B) { benchmarkEdit(b, n, e.file, e.old, e.new, "en") })
		}
	}
}

const (
	verkosto   = "content/verkostot/verkosto-1.md"
	verkostoEN = "content/verkostot/verkosto-1.en.md"
)

func benchmarkEdit(b *testing.B, n int, name, old, new string, translate ...string) {
	benchmarkRebuilds(b, n, translate, func(src string) func(i int) string {
		page := filepath.Join(src, name)
		orig, err := os.ReadFile(page)
		if err != nil {
			b.Fatal(err)
		}
		return func(i int) string {
			if err := os.WriteFile(page, []byte(strings.Replace(string(orig), old, fmt.Sprintf(new, i), 1)), 0o644); err != nil {
				b.Fatal(err)
			}
			return name
		}
	})
}

// benchmarkRebuilds builds a generated site of n pages in a session, then
// times the rebuilds after changes: prepare, given the site folder, returns
// the function that makes the i-th change and names the file it changed.
func benchmarkRebuilds(b *testing.B, n int, translate []string, prepare func(src string) func(i int) string) {
	src := generated(b, n, translate...)
	s, err := NewSession(Options{Source: src, Now: corpusNow})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if res := s.Rebuild(context.Background(), nil); res.Failed() {
		b.Fatal(res.Report.Diags)
	}
	change := prepare(src)
	// As the dev server does: the pages first (timed as reload-ms), then
	// the search index (index-ms).
	s.IndexAfterReload()
	var rendered int
	var pages, index time.Duration
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		res := s.Rebuild(context.Background(), []string{change(i)})
		if res.Failed() {
			b.Fatal(res.Report.Diags)
		}
		pages += time.Since(start)
		start = time.Now()
		if idx := s.UpdateIndex(); idx == nil || idx.Failed() {
			b.Fatal("no index after the rebuild")
		}
		index += time.Since(start)
		rendered = res.Rendered
		if i == 0 {
			b.Log(res.Report.Timings())
		}
	}
	b.ReportMetric(float64(rendered), "pages-rendered")
	b.ReportMetric(float64(pages.Milliseconds())/float64(b.N), "reload-ms")
	b.ReportMetric(float64(index.Milliseconds())/float64(b.N), "index-ms")
}
