package corpus_test

import (
	"bytes"
	"testing"
	"testing/fstest"
	"time"

	"seutu/internal/build"
	"seutu/internal/corpus"
	"seutu/internal/fi"
	_ "seutu/internal/golden" // defines -update for go test ./... -update
	"seutu/internal/write"
)

// TestGeneratedSiteBuilds checks that a generated site is deterministic
// from its seed and passes every check: a benchmark over a broken site
// would measure the error path.
func TestGeneratedSiteBuilds(t *testing.T) {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, fi.Helsinki)
	a := corpus.Generate(corpus.Options{Pages: 300, Seed: 7, Now: now})
	b := corpus.Generate(corpus.Options{Pages: 300, Seed: 7, Now: now})
	if len(a) != len(b) {
		t.Fatalf("%d and %d files from the same seed", len(a), len(b))
	}
	fsys := fstest.MapFS{}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("%s differs between two runs with the same seed", a[i].Path)
		}
		fsys[a[i].Path] = &fstest.MapFile{Data: a[i].Data}
	}
	rep := build.Run(fsys, build.Options{Now: now}, &write.Discard{})
	if rep.Failed() {
		t.Fatalf("the generated site has errors:\n%v", rep.Diags)
	}
	if rep.Pages < 300 {
		t.Errorf("%d pages, want about 300 and the lists", rep.Pages)
	}
	events := 0
	for _, p := range rep.Site.Events {
		if p.News.Event.Ended(now) {
			events--
		} else {
			events++
		}
	}
	if len(rep.Site.Events) == 0 || events == len(rep.Site.Events) || -events == len(rep.Site.Events) {
		t.Errorf("events should fall on both sides of now: %d events", len(rep.Site.Events))
	}
}
