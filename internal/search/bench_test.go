package search

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"seutu/internal/corpus"
	"seutu/internal/markdown"
)

// generatedDocs are the documents of the generated site of n pages as the
// index sees them, near enough for timing: the title and summary from the
// front matter, the tags, and the body converted.
func generatedDocs(b *testing.B, n int) []*Doc {
	b.Helper()
	md := markdown.New()
	var docs []*Doc
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	for _, f := range corpus.Generate(corpus.Options{Pages: n, Seed: 1, Now: now}) {
		if !strings.HasPrefix(f.Path, "content/") || !strings.HasSuffix(f.Path, ".md") {
			continue
		}
		front, body, ok := bytes.Cut(bytes.TrimPrefix(f.Data, []byte("---\n")), []byte("\n---\n"))
		if !ok {
			continue
		}
		d := &Doc{URL: "/" + strings.TrimSuffix(strings.TrimPrefix(f.Path, "content/"), ".md") + "/", Kind: "Sivu"}
		for line := range strings.Lines(string(front)) {
			k, v, _ := strings.Cut(strings.TrimSpace(line), ": ")
			switch k {
			case "title":
				d.Title = v
			case "summary":
				d.Summary = v
			case "tags", "themes":
				d.Tags = append(d.Tags, strings.Split(strings.Trim(v, "[]"), ", ")...)
			}
		}
		d.Slug = d.URL[strings.LastIndexByte(d.URL[:len(d.URL)-1], '/')+1 : len(d.URL)-1]
		r := md.Convert(body, f.Path, 1)
		d.HTML = r.HTML
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
