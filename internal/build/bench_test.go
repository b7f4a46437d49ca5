package build

import (
	"os"
	"testing"

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
