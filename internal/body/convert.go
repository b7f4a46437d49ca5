package body

import (
	"bytes"
	"context"
	"html/template"
	"sync/atomic"

	"seutu/internal/diag"
	"seutu/internal/markdown"
	"seutu/internal/model"
	"seutu/internal/par"
)

// A body is converted in two steps. Converting needs only its text, so it
// may start as soon as the files are read (Prepare), while the site is
// still being resolved: that keeps every core busy through resolve, which
// runs on one. Linking needs the resolved site's addresses: Link fills in
// each link's destination, and checks what needs every body at once.

// Body is a converted and linked Markdown body.
type Body struct {
	HTML     template.HTML
	Headings []markdown.Heading
}

// Set holds the converted body of every page and section.
type Set struct {
	Pages    map[*model.Page]Body
	Sections map[*model.Section]Body
	Home     Body
}

// Converter converts and links a site's bodies. Made with a Memo, it
// converts only the bodies the memo does not hold.
//
// Prepare and Link calls must not overlap.
type Converter struct {
	md     *markdown.Converter
	memo   *Memo
	keep   bool              // NewCaching: the bodies stay for the next Link
	linked map[string]linked // by source file, when keep
	ahead  *conversion       // started by Prepare, for the next Link
}

// sameBytes reports whether a and b are the very same bytes in memory.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// New returns a Converter for one build: it lets go of what it is done
// with as it goes. It consumes the site's Markdown: Prepare (or else Link)
// empties the map of bodies it is given, so that each source can go once
// converted. memo, when not nil, gives the conversions it holds, and
// takes the others (see Memo.Save).
func New(memo *Memo) *Converter { return &Converter{md: markdown.New(), memo: memo} }

// NewCaching returns a Converter for a site converted again and again, as
// in the dev server: it keeps every conversion in a memory Memo, and the
// linked bodies, which a later Link reuses when their text did not change
// (and their links, when the site's addresses did not either).
func NewCaching() *Converter {
	return &Converter{md: markdown.New(), memo: NewMemo(), keep: true}
}

// converted is a body converted, its links still holes.
type converted struct {
	key Key // the zero Key when the body is blank or there is no memo
	res markdown.Result

	// The text, when keep: load hands the very bytes of an unchanged file
	// again, so a rebuild knows a body by them without hashing it anew
	// (a sha256 pass over the site's text, 18 MB at 10 000 pages).
	text []byte
	line int
}

// linked is a body converted and linked: what a caching Converter keeps of
// it for the next Link, with the links as the site's addresses of sig
// resolved them.
type linked struct {
	converted
	sig   string
	html  string
	diags diag.List       // the links that led nowhere
	links []linkTarget    // where the body's links lead, for checkBodies
	ids   map[string]bool // the ids a link to the page may name
}

// conversion is bodies being converted ahead of a Link.
type conversion struct {
	done    chan struct{}
	out     map[string]converted // by source file
	fresh   int                  // how many were converted, not reused
	stopped bool                 // the context ended first: out is not whole
}

// source is a Markdown body.
type source struct {
	text []byte
	file string // source path, for positions and links to .md files
	line int    // the file's line number of text's first line
	url  string // the page's URL, for relative links
}

// Prepare starts converting bodies, by file (load's Content.Bodies), and
// returns at once; the next Link takes what it converted. A one-shot
// Converter empties bodies, and lets go of each text as soon as it is
// converted.
//
// When ctx ends, the conversion stops, and Link converts nothing of it.
func (c *Converter) Prepare(ctx context.Context, bodies map[string]model.Source) {
	srcs := make([]source, 0, len(bodies))
	for file, b := range bodies {
		srcs = append(srcs, source{text: b.Text, file: file, line: b.Line})
	}
	if !c.keep {
		clear(bodies)
	}
	conv := &conversion{done: make(chan struct{})}
	c.ahead = conv
	go func() {
		defer close(conv.done)
		var out []converted
		var err error
		out, conv.fresh, err = c.convert(ctx, srcs)
		if err != nil {
			conv.stopped = true
			return
		}
		conv.out = make(map[string]converted, len(srcs))
		for i, s := range srcs {
			conv.out[s.file] = out[i]
		}
	}()
}

// convert converts srcs on every core, taking what the memo holds, and
// says how many it converted. It stops when ctx ends, with ctx's error.
func (c *Converter) convert(ctx context.Context, srcs []source) ([]converted, int, error) {
	out := make([]converted, len(srcs))
	var fresh atomic.Int64
	err := par.DoContext(ctx, len(srcs), func(i int) {
		s := &srcs[i]
		if len(bytes.TrimSpace(s.text)) > 0 {
			var converted bool
			out[i], converted = c.convertOne(s)
			if converted {
				fresh.Add(1)
			}
		}
		if !c.keep {
			// The Markdown goes as soon as it is converted: at 50 000
			// pages the sources are a third of the live heap, which would
			// otherwise peak with all of them and all of the HTML.
			s.text = nil
		}
	})
	return out, int(fresh.Load()), err
}

// convertOne converts a body that is not blank, or takes it from the
// memo, and says whether it converted it.
func (c *Converter) convertOne(s *source) (converted, bool) {
	if c.memo == nil {
		return converted{res: c.md.Convert(s.text, s.file, s.line)}, true
	}
	if l, ok := c.linked[s.file]; ok && l.key != (Key{}) && sameBytes(l.text, s.text) && l.line == s.line {
		return l.converted, false // the very bytes the last Link had: no hash, no memo to ask
	}
	key := c.memo.Key(s.text, s.file, s.line)
	res, ok := c.memo.get(key, c.md)
	if !ok {
		res = c.md.Convert(s.text, s.file, s.line)
		c.memo.put(key, res)
	}
	out := converted{key: key, res: res}
	if c.keep {
		out.text, out.line = s.text, s.line
	}
	return out, !ok
}

// sources lists the site's bodies: its pages' first, in order, then its
// sections' and the home page's. Those Prepare took are in ahead, and no
// longer in bodies when the Converter is a one-shot one.
func (c *Converter) sources(site *model.Site, bodies map[string]model.Source) []source {
	var srcs []source
	add := func(file, url string) {
		b := bodies[file]
		srcs = append(srcs, source{b.Text, file, b.Line, url})
	}
	for _, p := range site.AllPages() {
		add(p.File, p.URL)
	}
	for _, l := range site.All() {
		for _, s := range l.Sections {
			add(s.File, s.URL)
		}
	}
	for _, l := range site.All() {
		if h := l.Home; h != nil {
			add(h.File, l.HomeURL())
		}
	}
	if !c.keep {
		clear(bodies)
	}
	return srcs
}

// Link converts whatever Prepare did not (bodies holds the texts by file,
// as Prepare takes them), links every body to the
// addresses of ix on every core, then checks what needs them all:
// fragments and references between pages. It also says how many bodies
// (not blank) it converted rather than took from the memo. When ctx ends
// first it returns ctx's error and keeps nothing of the work.
func (c *Converter) Link(ctx context.Context, site *model.Site, bodies map[string]model.Source, ix *Index) (*Set, int, diag.List, error) {
	srcs := c.sources(site, bodies)
	conv, fresh, err := c.takeConverted(ctx, srcs)
	if err != nil {
		return nil, 0, nil, err
	}
	all := make([]linked, len(srcs))
	reused := make([]bool, len(srcs)) // all[i] is c.linked's own
	err = par.DoContext(ctx, len(srcs), func(i int) {
		s := srcs[i]
		if l, ok := c.linked[s.file]; ok && s.file != "" && l.sig == ix.signature && l.key == conv[i].key && l.key != (Key{}) {
			all[i], reused[i] = l, true
			return
		}
		l := linked{converted: conv[i], sig: ix.signature}
		from := &bodyLinks{pageLinks: ix.from(s.file, s.url)}
		var resolved []markdown.Link
		l.html, resolved, l.diags = l.res.Link(from) // the holes stay, for a caching Converter's next Link
		for k, to := range from.found {              // found and resolved go in step
			if to.url != "" {
				to.pos = resolved[k].Pos
				to.page = ix.place(to.url)
				l.links = append(l.links, to)
			}
		}
		l.ids = linkIDs(l.res.Headings)
		if !c.keep {
			l.res.HTML, conv[i].res.HTML = "", "" // the holes: html has it all
		}
		all[i] = l
	})
	if err != nil {
		return nil, 0, nil, err // not kept: some bodies were never linked
	}
	if c.memo != nil {
		c.memo.commit()
	}
	if c.keep {
		c.keepLinked(srcs, all, reused)
	}
	var diags diag.List
	for _, l := range all {
		diags.Merge(l.res.Diags)
		diags.Merge(l.diags)
	}
	diags.Merge(checkBodies(site, ix, all))

	pages := site.AllPages()
	b := &Set{Pages: make(map[*model.Page]Body, len(pages)), Sections: map[*model.Section]Body{}}
	final := func(l linked) Body {
		return Body{HTML: template.HTML(l.html), Headings: l.res.Headings} // #nosec: goldmark escapes text and omits raw HTML
	}
	i := 0
	for _, p := range pages {
		b.Pages[p] = final(all[i])
		i++
	}
	for _, l := range site.All() {
		for _, s := range l.Sections {
			b.Sections[s] = final(all[i])
			i++
		}
	}
	for _, l := range site.All() {
		if l.Home != nil {
			b.Sections[l.Home] = final(all[i]) // a language's home page's intro
			i++
		}
	}
	if site.Home != nil {
		b.Home = b.Sections[site.Home]
	}
	return b, fresh, diags, nil
}

// keepLinked keeps what Link made of each body for the next Link: in
// place, as only the bodies linked anew changed (a new map of 10 000
// bodies took 2.8 ms of a one-file rebuild), unless files are gone, which
// must drop out.
func (c *Converter) keepLinked(srcs []source, all []linked, reused []bool) {
	if c.linked == nil {
		c.linked = make(map[string]linked, len(srcs))
	}
	n := 0
	for i, s := range srcs {
		if s.file == "" {
			continue
		}
		n++
		if !reused[i] {
			c.linked[s.file] = all[i]
		}
	}
	if len(c.linked) == n {
		return
	}
	kept := make(map[string]linked, n)
	for i, s := range srcs {
		if s.file != "" {
			kept[s.file] = all[i]
		}
	}
	c.linked = kept
}

// takeConverted returns the conversion of each of srcs: what Prepare
// converted, once it is done, and the rest converted now; and how many of
// them were converted rather than reused.
func (c *Converter) takeConverted(ctx context.Context, srcs []source) ([]converted, int, error) {
	var ahead map[string]converted
	fresh := 0
	if a := c.ahead; a != nil {
		<-a.done
		c.ahead = nil
		if !a.stopped { // else convert it all now
			ahead, fresh = a.out, a.fresh
		}
	}
	out := make([]converted, len(srcs))
	var todo []source
	var at []int
	for i, s := range srcs {
		if a, ok := ahead[s.file]; ok && s.file != "" {
			out[i] = a
		} else {
			todo, at = append(todo, s), append(at, i)
		}
		if !c.keep {
			srcs[i].text = nil // todo holds it until it is converted
		}
	}
	now, n, err := c.convert(ctx, todo)
	if err != nil {
		return nil, 0, err
	}
	for k, a := range now {
		out[at[k]] = a
	}
	return out, fresh + n, nil
}
