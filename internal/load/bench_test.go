package load

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/adrg/frontmatter"

	"seutu/internal/corpus"
	"seutu/internal/fi"
)

// corpusContent is every content file of a generated site of 10 000
// pages, as the build reads them.
var corpusContent = sync.OnceValue(func() fstest.MapFS {
	fsys := fstest.MapFS{}
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, fi.Helsinki)
	for _, f := range corpus.Generate(corpus.Options{Pages: 10000, Seed: 1, Now: now}) {
		if strings.HasPrefix(f.Path, "content/") && strings.HasSuffix(f.Path, ".md") {
			fsys[f.Path] = &fstest.MapFile{Data: f.Data}
		}
	}
	return fsys
})

// splitFrontPlain is splitFront without its line-feeding reader: the
// parser reads the whole file into its buffer, and the body is found in
// the file again by its length.
func splitFrontPlain(src []byte) (c capture, bodyStart int, err error) {
	rest, err := frontmatter.Parse(bytes.NewReader(src), &c, formats...)
	return c, len(src) - len(rest), err
}

// BenchmarkSplitFront splits every content file of a 10 000-page site
// with splitFront and with splitFrontPlain; read is readSource on the
// same files (reading, checking, splitting and parsing the front
// matter), the step the split is part of.
func BenchmarkSplitFront(b *testing.B) {
	fsys := corpusContent()
	var srcs [][]byte
	var names []string
	for name, f := range fsys {
		srcs = append(srcs, f.Data)
		names = append(names, name)
	}
	for _, bm := range []struct {
		name  string
		split func([]byte) (capture, int, error)
	}{{"frontReader", splitFront}, {"plain", splitFrontPlain}} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, src := range srcs {
					if c, _, err := bm.split(src); err != nil || c.format == "" {
						b.Fatalf("no front matter: %v", err)
					}
				}
			}
		})
	}
	b.Run("read", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, name := range names {
				if s, _ := readSource(fsys, name, 0); s == nil {
					b.Fatalf("%s not read", name)
				}
			}
		}
	})
}
