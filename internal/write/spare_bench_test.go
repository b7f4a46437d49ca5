//go:build unix

package write

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// builtTree writes a site as seutu build lays it out, a folder per page
// with its index.html, for n pages in a few sections, with small files.
func builtTree(b *testing.B, n int) string {
	b.Helper()
	root := filepath.Join(b.TempDir(), "public")
	sections := []string{"ajankohtaista", "verkostot", "hankkeet", "henkilot", "organisaatiot", "strategiat", "tietoa", "tapahtumat"}
	put := func(rel string) {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("<!doctype html>"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, f := range []string{"index.html", "sitemap.xml", "feed.xml", "404.html", "assets/site.css", "assets/site.js"} {
		put(f)
	}
	for i := range n {
		s := sections[i%len(sections)]
		put(fmt.Sprintf("%s/sivu-%05d/index.html", s, i))
	}
	return root
}

// BenchmarkWalkFiles lists a spare of 10 000 and 50 000 pages.
func BenchmarkWalkFiles(b *testing.B) {
	for _, n := range []int{10000, 50000} {
		root := builtTree(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				if files, _, ok := walkFiles(root); !ok || len(files) != n+6 {
					b.Fatalf("%d files, ok %v", len(files), ok)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
