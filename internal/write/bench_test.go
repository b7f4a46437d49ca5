package write

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"seutu/internal/par"
)

// BenchmarkDir writes a site of 2 000 files of 4 kB from every core, as
// render does: into an empty destination (fresh), and again over the
// same site, which keeps or links every file (rebuild).
func BenchmarkDir(b *testing.B) {
	const n = 2000
	paths := make([]string, n)
	data := make([][]byte, n)
	for i := range n {
		paths[i] = fmt.Sprintf("s%02d/p%04d/index.html", i%50, i)
		if i == 0 {
			paths[i] = "index.html"
		}
		data[i] = []byte(strings.Repeat(fmt.Sprintf("<p>%d</p>", i), 4096/10))
	}
	build := func(b *testing.B, dest string) {
		d, err := NewDir(dest)
		if err != nil {
			b.Fatal(err)
		}
		par.Do(n, func(i int) {
			if err := d.Put(paths[i], data[i]); err != nil {
				b.Error(err)
			}
		})
		if err := d.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("fresh", func(b *testing.B) {
		for b.Loop() {
			build(b, filepath.Join(b.TempDir(), "public"))
		}
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
	})
	b.Run("rebuild", func(b *testing.B) {
		dest := filepath.Join(b.TempDir(), "public")
		build(b, dest)
		build(b, dest) // a spare from now on
		for b.Loop() {
			build(b, dest)
		}
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
	})
}
