package render

import (
	"math"
	"strings"
	"sync"
	"time"

	"seutu/internal/body"
	"seutu/internal/diag"
	"seutu/internal/lang"
	"seutu/internal/model"
	"seutu/internal/par"
	"seutu/internal/search"
)

// searchURL is the site's search page, under which its index is written.
func searchURL(site *model.Site) string {
	return site.Prefix + search.PageURL(lang.Or(site.Lang).Code)
}

// writeSearchIndex builds with b the search index of the pages of site
// (one language's), whose bodies are in set, and hands its files to the
// write stage (package search): under the language's search page, /haku/,
// /sv/sok/, /en/search/. It returns the files' paths, those it did not
// write again too: files a caching Renderer's last render wrote with the
// same bytes. The languages' indexes are written at once, each by its own
// call.
func (r *Renderer) writeSearchIndex(site *model.Site, b *search.Builder, set *body.Set, o Output) ([]string, diag.List) {
	docs := make([]*search.Doc, len(site.Pages))
	var last, next map[*model.Page]*search.Doc
	if r.cache {
		// A page of the same site with the same body is the same
		// document: the same one, so that the index sees it at once.
		next = make(map[*model.Page]*search.Doc, len(site.Pages))
		r.docsMu.Lock()
		last = r.docs[b]
		r.docsMu.Unlock()
	}
	// The documents are made on every core.
	par.Do(len(site.Pages), func(i int) {
		p := site.Pages[i]
		pb := set.Pages[p]
		if d := last[p]; d != nil && d.HTML == string(pb.HTML) {
			docs[i] = d
		} else {
			docs[i] = searchDoc(site, p, pb)
		}
	})
	if r.cache {
		for i, p := range site.Pages {
			next[p] = docs[i]
		}
		r.docsMu.Lock()
		r.docs[b] = next
		r.docsMu.Unlock()
	}
	dir := strings.TrimPrefix(searchURL(site), "/")
	// Each file is written as soon as it is made, on the core that made
	// it. At 10 000 generated pages making the documents and writing the
	// index's 2 750 files one after another took 35–45 ms of the index's
	// 175–200; most files are now written while the index is still one
	// core's work.
	var mu sync.Mutex
	var failed error
	var failedPath string
	files := b.BuildTo(docs, func(f search.File) {
		if f.Unchanged {
			return // the dev server has it from the last render (see Stats.Index)
		}
		mu.Lock()
		stop := failed != nil // a full disk fails every file: try no more
		mu.Unlock()
		if stop {
			return
		}
		if err := o.Final(dir+f.Path, f.Data, len(f.Data)); err != nil {
			mu.Lock()
			if failed == nil {
				failed, failedPath = err, dir+f.Path
			}
			mu.Unlock()
		}
	})
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = dir + f.Path
	}
	var diags diag.List
	if failed != nil {
		// One file's error: the others had the same cause, as a full disk.
		diags.Errorf(diag.Pos{}, "write %s: %v", failedPath, failed)
	}
	return paths, diags
}

// searchDoc is what the index holds of a page: its texts, and what kind
// of page it is in the words a reader of its language would use (the
// kind's name in lowercase: verkosto, nätverk, network), so that a query
// that names the kind ranks such pages up.
func searchDoc(site *model.Site, p *model.Page, b body.Body) *search.Doc {
	l := lang.Or(site.Lang)
	kind := func(name string) string { return strings.ToLower(l.T(name)) }
	name := model.Info(p.Kind).Finnish // the kind for readers: Verkosto, Henkilö, …
	d := &search.Doc{URL: p.URL, Title: p.Title, Summary: p.Summary, Slug: p.Slug, HTML: string(b.HTML),
		Kind: l.T(name)}
	if p.Kind != model.KindPage {
		d.KindWords = []string{kind(name)} // "verkosto" ranks networks up; the cases below say more
	}
	for _, h := range b.Headings {
		d.Headings = append(d.Headings, h.Text)
	}
	d.Tags = append(append(d.Tags, p.Tags...), p.Themes...)
	switch {
	case p.Network != nil:
		n := p.Network
		d.Facts = append([]string{n.Category, n.Scope, n.ChairTitle, n.Cadence}, n.Participants...)
	case p.Project != nil:
		typ := p.Project.Type
		if typ == "" {
			typ = "hanke"
		}
		d.Kind, d.KindWords = capitalize(l.T(typ)), []string{kind(typ)}
	case p.Strategy != nil:
		s := p.Strategy
		d.Facts = append([]string{s.Period}, s.FocusAreas...)
	case p.News != nil:
		n := p.News
		d.Kind, d.KindWords = l.T("Uutinen"), []string{kind("Uutinen")}
		if p.IsEvent() {
			d.Kind, d.KindWords = l.T("Tapahtuma"), []string{kind("Tapahtuma")}
			d.Facts = []string{n.Event.Location}
		}
		d.Facts = append(d.Facts, n.Category)
		if !n.Date.IsZero() {
			d.Date = roughDate(l)(n.Date)
			d.Boost = recency(site.Now, n.Date.Time)
		}
	case p.Person != nil:
		d.KindWords = append(d.KindWords, kind("Yhteyshenkilö"))
		d.Facts = append([]string{p.Person.Role}, p.Person.Areas...)
		if o := p.Person.Organization; o != nil && o.Target != nil {
			d.Facts = append(d.Facts, o.Target.Title)
		}
	case p.Organization != nil:
		d.Facts = []string{p.Organization.Short, p.Organization.Type}
	case p.Municipality != nil:
		m := p.Municipality
		if m.Type == "kaupunki" {
			d.Kind, d.KindWords = capitalize(l.T("kaupunki")), append(d.KindWords, kind("kaupunki"))
		}
		d.Facts = []string{m.Subregion}
	}
	return d
}

// recency ranks news: 1.2 for today's, 1 at a year and a half, towards
// 0.8 for the oldest.
func recency(now, date time.Time) float64 {
	years := now.Sub(date).Hours() / (24 * 365)
	if years < 0 {
		years = 0
	}
	return 0.8 + 0.4*math.Exp(-years/2)
}
