package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"seutu/internal/corpus"
	"seutu/internal/fi"

	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

// The floor must do its little work for real: every Markdown file of a
// generated site becomes an HTML page at the page's path.
func TestFloorConvertsEveryPage(t *testing.T) {
	src, dest := t.TempDir(), t.TempDir()
	files := corpus.Generate(corpus.Options{Pages: 200, Seed: 1, Now: time.Date(2026, 5, 1, 12, 0, 0, 0, fi.Helsinki)})
	if err := corpus.Write(src, files); err != nil {
		t.Fatal(err)
	}
	if err := run(src, dest); err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".md") {
			continue
		}
		pages++
		out := filepath.Join(dest, strings.TrimSuffix(strings.TrimPrefix(f.Path, "content/"), ".md"), "index.html")
		html, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(html), "title:") {
			t.Errorf("%s: front matter in the output", out)
		}
	}
	if pages < 200 {
		t.Fatalf("only %d pages generated", pages)
	}
	network, err := os.ReadFile(filepath.Join(dest, "verkostot", "verkosto-1", "index.html"))
	if err != nil || !strings.Contains(string(network), "<h2") {
		t.Errorf("verkosto-1 not converted from Markdown: %v %.200q", err, network)
	}
}
