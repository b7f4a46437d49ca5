package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"seutu/internal/corpus"
)

// BenchmarkSessionEdit times the dev server's rebuild after a one-file
// edit on a generated site (no watcher, no HTTP: see package live's
// BenchmarkEditToReload for the whole way to the browser).
func BenchmarkSessionEdit(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			src := b.TempDir()
			if err := corpus.Write(src, corpus.Generate(corpus.Options{Pages: n, Seed: 1, Now: corpusNow})); err != nil {
				b.Fatal(err)
			}
			s, err := NewSession(Options{Source: src, Now: corpusNow})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			if res := s.Rebuild(nil); res.Failed() {
				b.Fatal(res.Report.Diags)
			}
			page := filepath.Join(src, "content/verkostot/verkosto-1.md")
			orig, _ := os.ReadFile(page)
			var rendered int
			for i := 0; b.Loop(); i++ {
				os.WriteFile(page, []byte(strings.Replace(string(orig), "\n---\n", fmt.Sprintf("\n---\nMuokkaus %d.\n\n", i), 1)), 0o644)
				res := s.Rebuild([]string{"content/verkostot/verkosto-1.md"})
				if res.Failed() {
					b.Fatal(res.Report.Diags)
				}
				rendered = res.Rendered
				if i == 0 {
					b.Log(res.Report.Timings())
				}
			}
			b.ReportMetric(float64(rendered), "pages-rendered")
		})
	}
}
