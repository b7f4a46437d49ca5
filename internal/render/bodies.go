package render

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
// runs on one. Linking needs the resolved site's addresses: Render fills
// in each link's destination, and checks what needs every body at once.

// body is a converted and linked Markdown body.
type body struct {
	html     template.HTML
	headings []markdown.Heading
}

// bodies holds the converted body of every page and section.
type bodies struct {
	pages    map[*model.Page]body
	sections map[*model.Section]body
	home     body
}

// converted is a body converted, its links still holes.
type converted struct {
	text []byte // the text: load reuses an unchanged file's bytes, so identity tells
	res  markdown.Result
}

// same reports whether text is the very slice the body was converted from.
func (c converted) same(text []byte) bool {
	return len(c.text) == len(text) && (len(text) == 0 || &c.text[0] == &text[0])
}

// cachedBody is what a caching Renderer keeps of a body for the next
// render: the conversion, and the links as the site's addresses of sig
// resolved them.
type cachedBody struct {
	converted
	sig   string
	html  string
	diags diag.List       // the links that led nowhere
	links []linkTarget    // where the body's links lead, for checkBodies
	ids   map[string]bool // the ids a link to the page may name
}

// conversion is bodies being converted ahead of a render.
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

// Prepare starts converting the bodies of the pages and sections as
// loaded, and returns at once; the next Render takes what it converted.
// A one-shot Renderer takes each Body, setting it to nil, so that the
// source can go as soon as it is converted.
//
// When ctx ends, the conversion stops, and Render converts nothing of it.
func (r *Renderer) Prepare(ctx context.Context, pages []*model.Page, sections []*model.Section, home *model.Section) {
	var srcs []source
	take := func(text *[]byte, file string, line int) {
		if file == "" {
			return
		}
		srcs = append(srcs, source{text: *text, file: file, line: line})
		if !r.cache {
			*text = nil
		}
	}
	for _, p := range pages {
		take(&p.Body, p.File, p.BodyLine)
	}
	for _, s := range sections {
		take(&s.Body, s.File, s.BodyLine)
	}
	if home != nil {
		take(&home.Body, home.File, home.BodyLine)
	}
	c := &conversion{done: make(chan struct{})}
	r.ahead = c
	go func() {
		defer close(c.done)
		var out []converted
		var err error
		out, c.fresh, err = r.convert(ctx, srcs)
		if err != nil {
			c.stopped = true
			return
		}
		c.out = make(map[string]converted, len(srcs))
		for i, s := range srcs {
			c.out[s.file] = out[i]
		}
	}()
}

// convert converts srcs on every core, reusing what a caching Renderer
// converted of the same text before, and says how many it converted. It
// stops when ctx ends, with ctx's error.
func (r *Renderer) convert(ctx context.Context, srcs []source) ([]converted, int, error) {
	out := make([]converted, len(srcs))
	var fresh atomic.Int64
	err := par.DoContext(ctx, len(srcs), func(i int) {
		s := &srcs[i]
		if c, ok := r.bodies[s.file]; ok && c.same(s.text) {
			out[i] = c.converted
			return
		}
		out[i].text = s.text
		if len(bytes.TrimSpace(s.text)) > 0 {
			out[i].res = r.md.Convert(s.text, s.file, s.line)
			fresh.Add(1)
		}
		if !r.cache {
			// The Markdown goes as soon as it is converted: at 50 000
			// pages the sources are a third of the live heap, which would
			// otherwise peak with all of them and all of the HTML.
			out[i].text, s.text = nil, nil
		}
	})
	return out, int(fresh.Load()), err
}

// sources lists the site's bodies: its pages' first, in order, then its
// sections' and the home page's. Those Prepare took are in ahead. A
// one-shot Renderer takes the rest as Prepare does.
func (r *Renderer) sources(site *model.Site) []source {
	var srcs []source
	add := func(text *[]byte, file string, line int, url string) {
		srcs = append(srcs, source{*text, file, line, url})
		if !r.cache {
			*text = nil
		}
	}
	for _, p := range site.Pages {
		add(&p.Body, p.File, p.BodyLine, p.URL)
	}
	for _, s := range site.Sections {
		add(&s.Body, s.File, s.BodyLine, s.URL)
	}
	if h := site.Home; h != nil {
		add(&h.Body, h.File, h.BodyLine, "/")
	}
	return srcs
}

// linkBodies converts whatever Prepare did not, links every body on every
// core, then checks what needs them all: fragments and references between
// pages. It also says how many bodies were converted for this render. When
// ctx ends first it returns ctx's error and keeps nothing of the work.
func (r *Renderer) linkBodies(ctx context.Context, site *model.Site, links *linkIndex, diags *diag.List) (*bodies, int, error) {
	srcs := r.sources(site)
	conv, fresh, err := r.takeConverted(ctx, srcs)
	if err != nil {
		return nil, 0, err
	}
	all := make([]cachedBody, len(srcs))
	err = par.DoContext(ctx, len(srcs), func(i int) {
		s := srcs[i]
		if c, ok := r.bodies[s.file]; ok && s.file != "" && c.sig == links.signature && c.same(conv[i].text) {
			all[i] = c
			return
		}
		c := cachedBody{converted: conv[i], sig: links.signature}
		from := &bodyLinks{pageLinks: links.from(s.file, s.url)}
		var resolved []markdown.Link
		if r.cache {
			c.html, resolved, c.diags = c.res.Link(from) // the holes stay for the next render
		} else {
			c.html, resolved, c.diags = c.res.Link(from)
		}
		for k, to := range from.found { // found and resolved go in step
			if to.url != "" {
				to.pos = resolved[k].Pos
				c.links = append(c.links, to)
			}
		}
		c.ids = linkIDs(c.res.Headings)
		if !r.cache {
			c.res.HTML, conv[i].res.HTML = "", "" // the holes: html has it all
		}
		all[i] = c
	})
	if err != nil {
		return nil, 0, err // not cached: some bodies were never linked
	}
	if r.cache {
		kept := make(map[string]cachedBody, len(srcs))
		for i, s := range srcs {
			if s.file != "" {
				kept[s.file] = all[i]
			}
		}
		r.bodies = kept // files that are gone drop out
	}
	for _, c := range all {
		diags.Merge(c.res.Diags)
		diags.Merge(c.diags)
	}
	diags.Merge(checkBodies(site, links, all))

	b := &bodies{pages: make(map[*model.Page]body, len(site.Pages)), sections: map[*model.Section]body{}}
	final := func(c cachedBody) body {
		return body{html: template.HTML(c.html), headings: c.res.Headings} // #nosec: goldmark escapes text and omits raw HTML
	}
	i := 0
	for _, p := range site.Pages {
		b.pages[p] = final(all[i])
		i++
	}
	for _, s := range site.Sections {
		b.sections[s] = final(all[i])
		i++
	}
	if site.Home != nil {
		b.home = final(all[i])
	}
	return b, fresh, nil
}

// takeConverted returns the conversion of each of srcs: what Prepare
// converted, once it is done, and the rest converted now; and how many of
// them were converted rather than reused.
func (r *Renderer) takeConverted(ctx context.Context, srcs []source) ([]converted, int, error) {
	var ahead map[string]converted
	fresh := 0
	if c := r.ahead; c != nil {
		<-c.done
		r.ahead = nil
		if !c.stopped { // else convert it all now
			ahead, fresh = c.out, c.fresh
		}
	}
	out := make([]converted, len(srcs))
	var todo []source
	var at []int
	for i, s := range srcs {
		if c, ok := ahead[s.file]; ok && s.file != "" {
			out[i] = c
		} else {
			todo, at = append(todo, s), append(at, i)
		}
		if !r.cache {
			srcs[i].text = nil // todo holds it until it is converted
		}
	}
	now, n, err := r.convert(ctx, todo)
	if err != nil {
		return nil, 0, err
	}
	for k, c := range now {
		out[at[k]] = c
	}
	return out, fresh + n, nil
}
