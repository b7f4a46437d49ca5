package render

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
	"time"

	"seutu/assets"
	"seutu/internal/body"
	"seutu/internal/corpus"
	"seutu/internal/fi"
	"seutu/internal/load"
	"seutu/internal/resolve"
	"seutu/internal/write"
	"seutu/layouts"
)

// TestCompiledEqualsHTMLTemplate renders the repository's own site and a
// generated one twice, with the compiled templates (tmplexec) and with
// html/template alone, both as published and as in the dev server: every
// file must be byte for byte the same, and no layout or partial may have
// been left to html/template.
func TestCompiledEqualsHTMLTemplate(t *testing.T) {
	gen := fstest.MapFS{}
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, fi.Helsinki)
	for _, f := range corpus.Generate(corpus.Options{Pages: 600, Seed: 7, Now: now}) {
		gen[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	sites := map[string]fs.FS{"real": os.DirFS("../.."), "generated": gen}
	for name, fsys := range sites {
		for _, minify := range []bool{true, false} {
			opts := Options{Minify: minify, Fingerprint: minify}
			fast, stats := renderWith(t, fsys, now, opts)
			if stats.SlowRuns != 0 {
				t.Errorf("%s, minify %v: %d runs left to html/template", name, minify, stats.SlowRuns)
			}
			opts.reference = true
			ref, _ := renderWith(t, fsys, now, opts)
			if len(fast) != len(ref) {
				t.Fatalf("%s: %d files compiled, %d with html/template", name, len(fast), len(ref))
			}
			for p, want := range ref {
				if got := fast[p]; !bytes.Equal(got, want) {
					t.Errorf("%s, minify %v: %s differs:\n%s", name, minify, p, firstDiff(got, want))
				}
			}
		}
	}
}

func renderWith(t *testing.T, fsys fs.FS, now time.Time, opts Options) (map[string][]byte, Stats) {
	t.Helper()
	loaded := load.Load(fsys)
	site, diags := resolve.Resolve(&loaded.Content, resolve.Options{Now: now})
	diags.Merge(loaded.Diags)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	mem := write.NewMemory()
	stats, rdiags := New(body.New(nil)).Render(context.Background(), site, loaded.Bodies, layouts.FS, assets.FS, write.NewOutput(mem, opts.Minify), opts)
	if rdiags.HasErrors() {
		t.Fatal(rdiags)
	}
	return mem.Files(), stats
}

// firstDiff shows where got and want part.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "got:  …" + string(got[from:min(len(got), i+80)]) + "\nwant: …" + string(want[from:min(len(want), i+80)])
}
