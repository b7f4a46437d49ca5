package render

import (
	"context"
	"maps"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"seutu/internal/body"
	"seutu/internal/fi"
	"seutu/internal/load"
	"seutu/internal/resolve"
	"seutu/internal/write"
)

// renderLoaded resolves and renders a loaded site with r, converting its
// bodies ahead as a build does.
func renderLoaded(t *testing.T, conv *body.Converter, r *Renderer, loaded *load.Result) (Stats, map[string][]byte) {
	t.Helper()
	conv.Prepare(context.Background(), loaded.Bodies)
	site, diags := resolve.Resolve(&loaded.Content, resolve.Options{Now: time.Date(2023, 1, 1, 0, 0, 0, 0, fi.Helsinki)})
	if diags.HasErrors() {
		t.Fatalf("resolve: %v", diags)
	}
	mem := write.NewMemory()
	stats, rdiags := r.Render(context.Background(), site, loaded.Bodies, mapFS(testLayouts), mapFS(map[string]string{"css/site.css": "body{}"}), write.NewOutput(mem, false), Options{})
	if len(rdiags) > 0 {
		t.Fatalf("render: %v", rdiags)
	}
	return stats, maps.Clone(mem.Files())
}

func sameFiles(t *testing.T, got, want map[string][]byte) {
	t.Helper()
	for path, w := range want {
		if g, ok := got[path]; !ok || string(g) != string(w) {
			t.Errorf("%s:\n%s\nwant\n%s", path, g, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d files, want %d", len(got), len(want))
	}
}

// nonBlankBodies counts the bodies a render converts.
func nonBlankBodies(loaded *load.Result) int {
	n := 0
	for _, b := range loaded.Bodies {
		if strings.TrimSpace(string(b.Text)) != "" {
			n++
		}
	}
	return n
}

func TestPrepareConvertsAhead(t *testing.T) {
	want, _ := renderSite(t, testContent, testLayouts)
	loaded := load.Load(mapFS(testContent))
	bodies := nonBlankBodies(loaded)
	conv := body.New(nil)
	stats, got := renderLoaded(t, conv, New(conv), loaded)
	if len(loaded.Bodies) != 0 {
		t.Errorf("a one-shot render kept the Markdown of %d files", len(loaded.Bodies))
	}
	sameFiles(t, got, want)
	if stats.Converted != bodies {
		t.Errorf("converted %d bodies, want %d", stats.Converted, bodies)
	}
}

// A body converted once stays converted when the site's addresses change:
// adding a page converts that page's body alone, and links every body
// again.
func TestCachedBodiesOutliveNewAddresses(t *testing.T) {
	fsys := mapFS(testContent)
	conv := body.NewCaching()
	r := NewCaching(conv)
	loaded := load.Reload(context.Background(), fsys, nil, nil)
	bodies := nonBlankBodies(loaded)
	if first, _ := renderLoaded(t, conv, r, loaded); first.Converted != bodies || bodies < 2 {
		t.Fatalf("first render converted %d bodies, want %d", first.Converted, bodies)
	}

	added := maps.Clone(testContent)
	added["content/tietoa/uusi.md"] = "---\ntitle: Uusi\nsummary: Uusi sivu.\n---\nKatso [liitto](../organisaatiot/liitto.md).\n"
	fsys["content/tietoa/uusi.md"] = &fstest.MapFile{Data: []byte(added["content/tietoa/uusi.md"])}
	loaded = load.Reload(context.Background(), fsys, loaded, map[string]bool{"content/tietoa/uusi.md": true})
	second, got := renderLoaded(t, conv, r, loaded)
	if second.Converted != 1 {
		t.Errorf("adding a page converted %d bodies, want 1", second.Converted)
	}
	want, _ := renderSite(t, added, testLayouts)
	sameFiles(t, got, want)
}
