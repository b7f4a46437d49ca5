package search

import (
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"seutu/internal/corpus"
	"seutu/internal/load"
	"seutu/internal/markdown"
)

// generatedDocs are the documents of the generated site of n pages as the
// index sees them, near enough for timing: each page as load reads it,
// with its body converted (render's searchDoc adds the kind's words and
// facts, which resolve gives).
func generatedDocs(b *testing.B, n int) []*Doc {
	b.Helper()
	fsys := fstest.MapFS{}
	for _, f := range corpus.Generate(corpus.Options{Pages: n, Seed: 1, Now: time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)}) {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	loaded := load.Load(fsys)
	md := markdown.New()
	docs := make([]*Doc, 0, len(loaded.Pages))
	for _, p := range loaded.Pages {
		body := loaded.Bodies[p.File]
		r := md.Convert(body.Text, p.File, body.Line)
		d := &Doc{URL: p.File, Title: p.Title, Summary: p.Summary, Kind: "Sivu", Slug: p.Slug, HTML: r.HTML,
			Tags: slices.Concat(p.Tags, p.Themes)}
		for _, h := range r.Headings {
			d.Headings = append(d.Headings, h.Text)
		}
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkIndex builds the index of a generated site of 10 000 pages
// with a one-shot Builder, as a full build does: the index's own part of
// BenchmarkBuildSearchIndex (internal/build).
func BenchmarkIndex(b *testing.B) {
	docs := generatedDocs(b, 10000)
	var size int
	for _, d := range docs {
		size += len(d.HTML)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		NewBuilder("fi").Build(docs)
	}
}

// BenchmarkCount counts the words of the generated site's pages, as
// analyse does with their text: the index's hot loop alone.
func BenchmarkCount(b *testing.B) {
	docs := generatedDocs(b, 10000)
	pieces := make([][]string, len(docs))
	var size int
	for i, d := range docs {
		texts(d.HTML, func(s string, block bool) bool {
			if !block {
				pieces[i] = append(pieces[i], s)
				size += len(s)
			}
			return true
		})
	}
	b.SetBytes(int64(size))
	c := newDict(Finnish)
	for b.Loop() {
		for _, p := range pieces {
			c.start()
			for _, s := range p {
				c.text(s, fieldText)
			}
		}
	}
}
