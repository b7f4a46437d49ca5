package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"
	"sync/atomic"

	"seutu/internal/model"
)

// fragments renders a partial once per render and hands out the result
// again. A card: the same card of a news item appears on its section's
// list, its category's, its year's and on every tag and theme page, so
// layouts call {{card "page-card" .}}. The frame: every page has the same
// footer, and the pages in one part of the menu the same header, so
// base.html calls {{cached "site-footer" .}} and
// {{cached "site-header" . .MenuKey}}.
//
// The partials are taken from layouts/partials/ and base.html, so a
// fragment looks the same in every layout.
type fragments struct {
	set    *template.Template // base and the partials: set once they are parsed
	funcs  template.FuncMap
	shared *execShared
	execs  sync.Map // partial's name → *executor
	done   sync.Map // fragmentKey → template.HTML

	// A site's cards are many (two for each page at most), and looked up
	// from every list that shows them: each has a slot by its page's
	// number, which is quicker to find than a key in done.
	pages map[*model.Page]int // the site's pages, numbered
	cards sync.Map            // card's name → []atomic.Pointer[template.HTML], a slot per page
}

// newFragments returns the fragments of a site's render, its pages
// numbered for their cards' slots.
func newFragments(site *model.Site) *fragments {
	f := &fragments{pages: make(map[*model.Page]int, len(site.Pages))}
	for i, p := range site.Pages {
		f.pages[p] = i
	}
	return f
}

type fragmentKey struct {
	name    string
	page    *model.Page // for cards
	variant string      // for cached
}

// card renders the partial name for a page, once. Its parameter is any,
// not *model.Page, so that tmplexec calls it without reflection.
func (f *fragments) card(name string, page any) (template.HTML, error) {
	p, ok := page.(*model.Page)
	if !ok || p == nil {
		return "", fmt.Errorf("card %q takes a page, not %T", name, page)
	}
	i, ok := f.pages[p]
	if !ok {
		return f.render(fragmentKey{name: name, page: p}, p)
	}
	slot := &f.cardSlots(name)[i]
	if h := slot.Load(); h != nil {
		return *h, nil
	}
	h, err := f.execute(name, p)
	if err == nil {
		slot.Store(&h)
	}
	return h, err
}

// cardSlots are the slots of the cards named name.
func (f *fragments) cardSlots(name string) []atomic.Pointer[template.HTML] {
	if s, ok := f.cards.Load(name); ok {
		return s.([]atomic.Pointer[template.HTML])
	}
	s, _ := f.cards.LoadOrStore(name, make([]atomic.Pointer[template.HTML], len(f.pages)))
	return s.([]atomic.Pointer[template.HTML])
}

// cached renders the partial name with data once for each variant: every
// later call with the same name and variant gets the first call's result,
// whatever its data. The variant must name everything the partial shows
// that differs between the views that call it.
func (f *fragments) cached(name string, data any, variant ...string) (template.HTML, error) {
	key := fragmentKey{name: name}
	for _, v := range variant {
		key.variant += v + "\x00"
	}
	return f.render(key, data)
}

func (f *fragments) render(key fragmentKey, data any) (template.HTML, error) {
	if h, ok := f.done.Load(key); ok {
		return h.(template.HTML), nil
	}
	h, err := f.execute(key.name, data)
	if err == nil {
		f.done.Store(key, h)
	}
	return h, err
}

// execute runs the partial name with data.
func (f *fragments) execute(name string, data any) (template.HTML, error) {
	e, ok := f.execs.Load(name)
	if !ok {
		e, _ = f.execs.LoadOrStore(name, &executor{set: f.set, name: name, funcs: f.funcs, shared: f.shared})
	}
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(buf)
	buf.Reset()
	if err := e.(*executor).execute(buf, data); err != nil {
		return "", err
	}
	// #nosec: html/template escaped it, in the HTML text context the
	// fragment is used in.
	return template.HTML(buf.String()), nil
}
