// Package render turns a resolved site into pages: every page through its
// html/template layout, with its body as package body converted, linked
// and checked it (render tells body the URLs it knows of: assets, feeds,
// calendars, term pages), and hands them, with the assets (fingerprinted
// when asked) and the machine-readable outputs that package feeds makes
// (feeds, sitemap, calendars, redirects), to the write stage: package
// write's Output, which minifies and writes (see Output).
//
// # Layouts
//
// One rule decides a page's layout: a content page of kind K uses
// layouts/K.html (network.html, project.html, …, page.html for plain
// pages); a layout: field picks layouts/<name>.html instead, and naming a
// layout that does not exist is an error at that field. Derived pages use
// fixed names: home.html, section.html (a section's _index.md may set
// layout:), list.html (a network category, a news year or category, a
// year of past events), events.html, terms.html, term.html and 404.html.
// Every layout defines a
// "main" template and is executed through layouts/base.html; files under
// layouts/partials/ define shared templates any layout may call. Each
// template is named by its path, so errors read
// layouts/network.html:12:5: ….
//
// # Template data
//
// Every layout receives a *View: the Site, the Page (or Section, Term),
// the rendered Content, and the page's Title, URL and breadcrumbs. The
// functions in funcs.go give the site's own words (t, tf, tn, tw: package
// lang's table, keyed by the Finnish) and format dates, times and numbers
// in the site's language, make URLs relative to the site's base, and give
// a page's JSON-LD (package jsonld). A t of a constant is translated when
// the layouts are parsed (fold.go), so the fixed words cost a page
// nothing.
//
// Rendering runs on every core; the output does not depend on the order in
// which pages finish.
//
// # Execution
//
// The first run of each layout is html/template's, which escapes it; from
// then on the program package tmplexec compiled from the escaped tree runs
// it, several times faster, with the same bytes out (exec.go). Whatever
// tmplexec does not know (the call and slice builtins, escaping for CSS or
// for a value inside a script, comparing an integer with an unsigned one,
// …) it leaves to html/template, for that layout or that page; so does
// every error, and the message an editor sees is html/template's. A site's
// own layouts can therefore use all of html/template. The methods and
// functions the layouts call on every page are called as Go code, without
// reflection (direct.go, tmplexec.Direct).
//
// Two template functions render a partial once and hand the result out
// again (fragments.go): {{card "page-card" .}} once per page, for every
// list that shows it, kept in a slot by the page's number; and
// {{cached "site-footer" .}} once per render, with extra arguments naming
// variants ({{cached "site-header" . .MenuKey}}), so such a partial must
// show nothing that differs between pages beyond its variants.
//
// # Minifying and assets
//
// With Options.Minify the layouts themselves are squeezed once, when they
// are parsed, instead of every page being minified (squeeze.go): a run of
// white space that holds a line break becomes one line break, none is
// left beside block tags, and <pre>, <textarea>, <script> and <style> keep
// theirs. CSS, JS, SVG, JSON and XML files, and the few HTML files not
// made from layouts, are minified by the write stage they are handed to;
// pages go to it as final bytes. With Options.Fingerprint stylesheets and
// scripts are published also under names that carry their content's hash
// (site.1a2b3c4d5e.css), safe to cache forever, and linked with
// Subresource Integrity (assets.go): the hash of the bytes the write stage
// will write, which render asks it for ahead. The calendars, feeds,
// sitemap, redirects and assets are handed over while the pages render.
package render

import (
	"bytes"
	"context"
	"io/fs"
	"sync"
	"time"

	"seutu/internal/body"
	"seutu/internal/cms"
	"seutu/internal/diag"
	"seutu/internal/feeds"
	"seutu/internal/lang"
	"seutu/internal/model"
	"seutu/internal/par"
	"seutu/internal/search"
)

// Output is the write stage as render hands it files: package write's
// Output, which minifies what it is asked to (or not, as the build says)
// and counts and times what it writes. Its methods may be called from many
// goroutines at once, and must not keep data once they return: render
// reuses it.
type Output interface {
	// Put writes a file, minified by its type when the build minifies:
	// feeds, calendars, redirects, the sitemap.
	Put(path string, data []byte) error
	// Final writes bytes that need no minifying, size bytes before it: a
	// page, small as its squeezed layouts made it, or an asset already
	// through Minify.
	Final(path string, data []byte, size int) error
	// Minify gives a file's bytes as they will be written: render hashes
	// stylesheets and scripts for their fingerprinted names.
	Minify(path string, data []byte) []byte
}

// Options steer a render.
type Options struct {
	// BodiesOnly converts and checks every Markdown body but executes no
	// layout and writes nothing: what a build does when earlier stages
	// already found errors, so that link problems are reported as well.
	BodiesOnly bool

	// Only, when set, picks the pages to execute by output path; the
	// others are left out of the output (the dev server keeps its copies).
	// Calendars and assets are written all the same, unless PagesOnly.
	Only func(path string) bool

	// PagesOnly renders the pages Only picks and nothing else: no
	// calendars, feeds, sitemap, redirects or assets. For a rebuild that
	// knows none of them changed.
	PagesOnly bool

	// Minify squeezes the layouts' white space (see squeeze), which makes
	// the pages small as they are executed. The other files are minified,
	// or not, by the write stage (see Output).
	Minify bool

	// Fingerprint publishes stylesheets and scripts also under names that
	// carry their content's hash, and makes the asset function give those
	// names and integrity their hashes: safe to cache forever. Off, as in
	// the dev server, a stylesheet can change without any page changing.
	Fingerprint bool

	// NoSearch writes no search index (see build.Options.NoSearch).
	NoSearch bool

	// IndexLater leaves the search index to a later WriteIndex, which
	// writes it for the site this render rendered: the dev server reloads
	// the browser first (at 10 000 pages a body edit's rebuild took 61 ms
	// with the index, 23 ms without), and a reader's next search finds
	// the index caught up some 40 ms later.
	IndexLater bool

	// reference executes every layout with html/template alone, for the
	// tests that hold the compiled path (see executor) to it.
	reference bool
}

// Renderer holds what every render of a site shares: the bodies'
// converter (package body) and, when made with NewCaching, what the last
// render derived from the whole site.
//
// Render calls must not overlap.
type Renderer struct {
	conv  *body.Converter
	cache bool
	last  *lastRender
	// One index builder per language (by code), made as a render meets
	// the language, and each language's documents of the last render,
	// when caching: the dev server rebuilds only what changed in each.
	search map[string]*search.Builder
	docsMu sync.Mutex
	docs   map[*search.Builder]map[*model.Page]*search.Doc

	// laterIndex writes the indexes of the last render made with
	// Options.IndexLater, until WriteIndex does.
	laterIndex func(Output) ([]string, diag.List)
}

// lastRender is what a render derived from the whole site. A render of
// the same site with Options.PagesOnly (only page bodies changed) reuses
// it instead of deriving it again: at 10 000 pages a dev server rebuild
// after a body edit took 89 ms with it and 125-190 ms without
// (BenchmarkSessionEdit/body, on a shared 2-core machine).
type lastRender struct {
	site  *model.Site
	ast   *assetSet
	links *linkIndex
	tmpls []*templates // by language, as site.All()
	paths []string
	uses  map[string]string
}

// New returns a Renderer for one render, whose bodies conv converts: it
// keeps nothing for the next, and lets go of each page's HTML once the
// page is written.
func New(conv *body.Converter) *Renderer {
	return &Renderer{conv: conv, search: map[string]*search.Builder{}}
}

// NewCaching returns a Renderer for a site rendered again and again, as in
// the dev server: it keeps what it derived from the whole site for the
// next render (conv, made with body.NewCaching, keeps the bodies).
func NewCaching(conv *body.Converter) *Renderer {
	return &Renderer{conv: conv, cache: true, search: map[string]*search.Builder{},
		docs: map[*search.Builder]map[*model.Page]*search.Doc{}}
}

// ForgetSearch makes the next render write every file of the search
// index: for a render whose files were not kept (see search.Builder.Forget).
func (r *Renderer) ForgetSearch() {
	for _, b := range r.search {
		b.Forget()
	}
	r.laterIndex = nil
}

// WriteIndex writes the search indexes that the last render, made with
// Options.IndexLater, left, and returns their files' paths as Stats.Index
// would; ok is false when there are none to write (written already, or
// the render failed).
func (r *Renderer) WriteIndex(o Output) (paths []string, diags diag.List, ok bool) {
	if r.laterIndex == nil {
		return nil, nil, false
	}
	write := r.laterIndex
	r.laterIndex = nil
	paths, diags = write(o)
	return paths, diags, true
}

// writeIndexes writes the search index of every language's site, each on
// a core of its own, and returns their files' paths and problems.
func (r *Renderer) writeIndexes(sites []*model.Site, set *body.Set, o Output) ([]string, diag.List) {
	builders := make([]*search.Builder, len(sites))
	for i, s := range sites {
		builders[i] = r.searchBuilder(s) // before the goroutines: it fills r.search
	}
	indexes := make([][]string, len(sites))
	indexDiags := make([]diag.List, len(sites))
	var wg sync.WaitGroup
	for i, s := range sites {
		wg.Go(func() { indexes[i], indexDiags[i] = r.writeSearchIndex(s, builders[i], set, o) })
	}
	wg.Wait()
	var paths []string
	var diags diag.List
	for i := range sites {
		paths = append(paths, indexes[i]...)
		diags.Merge(indexDiags[i])
	}
	return paths, diags
}

// searchBuilder is the index builder of site's language, made on first
// use. Render calls it before it starts the indexes' goroutines.
func (r *Renderer) searchBuilder(site *model.Site) *search.Builder {
	code := lang.Or(site.Lang).Code
	b := r.search[code]
	if b == nil {
		if r.cache {
			b = search.NewCaching(code)
		} else {
			b = search.NewBuilder(code)
		}
		r.search[code] = b
	}
	return b
}

// Stats counts what a render produced.
type Stats struct {
	Pages     int               // HTML pages the site has
	Rendered  int               // pages executed this time (all, unless Options.Only)
	Converted int               // Markdown bodies (not blank) converted for this render; the others came from a memo
	Assets    int               // files copied from assets/
	Paths     []string          // every page's output path, rendered or not
	Uses      map[string]string // output path → layout file, for the dev server's rebuild plan
	SlowRuns  int64             // layout and partial runs left to html/template (see executor); this render's and earlier ones'
	Index     []string          // the search index's files; a caching Renderer writes only those that changed (see writeSearchIndex)
	IndexTime time.Duration     // the time the index took, after the pages (0 with NoSearch or IndexLater)
}

// Render renders site, whose bodies are by file in bodies (what the
// Converter's Prepare did not take), with the layouts and assets trees
// into out. When ctx ends, it stops within a page per core; the caller
// tells by ctx.Err().
func (r *Renderer) Render(ctx context.Context, site *model.Site, bodies map[string]model.Source, layouts, assets fs.FS, o Output, opts Options) (Stats, diag.List) {
	last := r.last
	r.last = nil
	if !opts.PagesOnly || opts.Only == nil || last == nil || last.site != site {
		last = nil
	}
	var diags diag.List
	var ast *assetSet
	var links *linkIndex
	if last != nil {
		ast, links = last.ast, last.links
	} else {
		ast, diags = readAssets(assets, o, opts.Fingerprint)
		links = newLinkIndex(site, ast)
	}
	set, converted, bdiags, err := r.conv.Link(ctx, site, bodies, links.Index)
	diags.Merge(bdiags)
	if err != nil {
		return Stats{}, diags
	}
	if opts.BodiesOnly {
		return Stats{Converted: converted}, diags
	}
	// One set of templates for each language: their functions write its
	// dates, texts and links (funcs).
	sites := site.All()
	var tmpls []*templates
	if last != nil {
		tmpls = last.tmpls
	} else {
		for _, s := range sites {
			c := newFragments(s)
			t, tdiags := loadTemplates(layouts, funcs(s, links, ast, c), c, opts.Minify, opts.reference)
			diags.Merge(tdiags)
			tmpls = append(tmpls, t)
			if tdiags.HasErrors() {
				break // the same layouts fail the same way in every language
			}
		}
	}
	if diags.HasErrors() {
		return Stats{}, diags
	}
	var keep func(string) bool
	if last != nil {
		keep = opts.Only // the other pages' views would go unused
	}
	langs := newLanguages(sites, links)
	var jobs []job
	for i, s := range sites {
		jobs = append(jobs, pageJobs(s, set, tmpls[i], &diags, keep, langs)...)
	}
	if diags.HasErrors() {
		return Stats{}, diags
	}
	stats := Stats{Pages: len(jobs), Converted: converted, Uses: map[string]string{}}
	var run []job
	for _, j := range jobs {
		stats.Paths = append(stats.Paths, j.path)
		stats.Uses[j.path] = j.layout
		if opts.Only == nil || opts.Only(j.path) {
			run = append(run, j)
		}
	}
	if last != nil {
		stats.Pages, stats.Paths, stats.Uses = len(last.paths), last.paths, last.uses
	}
	if r.cache {
		r.last = &lastRender{site: site, ast: ast, links: links, tmpls: tmpls, paths: stats.Paths, uses: stats.Uses}
	}
	// The calendars, redirects, feeds, sitemap and assets need none of
	// the rendered pages, so they are written while the pages render.
	var rest diag.List
	var wg sync.WaitGroup
	if !opts.PagesOnly {
		wg.Go(func() { stats.Assets, rest = writeRest(site, jobs, links, ast, o) })
	}
	// The search index reads every page's body, so any edit of a page
	// can change it: it is written on every render, PagesOnly too, one
	// index for each language under its own search page; the dev server
	// has it written after the reload (IndexLater).
	r.laterIndex = nil
	if opts.IndexLater && !opts.NoSearch {
		r.laterIndex = func(o Output) ([]string, diag.List) { return r.writeIndexes(sites, set, o) }
	}
	results := make([]diag.List, len(run))
	_ = par.DoContext(ctx, len(run), func(i int) { // the caller checks ctx
		results[i] = run[i].run(o)
		if !r.cache {
			run[i].view.Content = "" // done with: the HTML may go
		}
	})
	// The index is built once the pages are rendered, not beside them:
	// the pages' views are gone by then, which at 10 000 pages took the
	// most heap in use from 204 to 174 MB and the most live from 125 to
	// 108 MB (BenchmarkPeakMemory), for the same wall time within the
	// noise (BenchmarkBuildSearchIndex, four runs of each, in turn).
	var index diag.List
	if !opts.NoSearch && !opts.IndexLater && ctx.Err() == nil {
		start := time.Now()
		stats.Index, index = r.writeIndexes(sites, set, o)
		stats.IndexTime = time.Since(start)
	}
	wg.Wait()
	for _, l := range results {
		diags.Merge(l)
	}
	diags.Merge(rest)
	diags.Merge(index)
	stats.Rendered = len(run)
	for _, t := range tmpls {
		stats.SlowRuns += t.shared.slowRuns.Load()
	}
	return stats, diags
}

// writeRest hands every file but the pages to the write stage, and
// returns how many assets it wrote: the machine-readable outputs, made by
// package feeds from the site alone (the sitemap from the URLs of the
// pages rendered, but 404.html; the redirects with the base path the
// pages' links have), and the assets.
func writeRest(site *model.Site, jobs []job, links *linkIndex, ast *assetSet, o Output) (int, diag.List) {
	var diags diag.List
	var files []feeds.File
	for _, s := range site.All() {
		files = append(files, feeds.Calendars(s)...)
		files = append(files, feeds.Feeds(s)...)
	}
	if err := putAll(o, files); err != nil {
		diags.Errorf(diag.Pos{}, "write calendars and feeds: %v", err)
	}
	redirects, err := feeds.Redirects(site, links.base)
	if err == nil {
		err = putAll(o, redirects)
	}
	if err != nil {
		diags.Errorf(diag.Pos{}, "write redirects: %v", err)
	}
	var urls []string
	alts := map[string][]feeds.Alternate{}
	for _, j := range jobs {
		if j.view.Layout != "404" {
			urls = append(urls, j.view.URL)
			if a := j.view.Alternates(); len(a) > 0 {
				alts[j.view.URL] = a
			}
		}
	}
	var alternates func(string) []feeds.Alternate
	if site.Languages != nil {
		alternates = func(u string) []feeds.Alternate { return alts[u] }
	}
	if err := putAll(o, append(feeds.SitemapWith(site, urls, alternates), feeds.Robots(site))); err != nil {
		diags.Errorf(diag.Pos{}, "write the sitemap: %v", err)
	}
	n, err := ast.write(o)
	if err != nil {
		diags.Errorf(diag.Pos{File: "assets"}, "write assets: %v", err)
	}
	// The web editor, when site.toml asks for it: written as it is (its
	// script is minified already), and linked from no page.
	for _, f := range cms.Files(site.Config) {
		if err := o.Final(f.Path, f.Data, len(f.Data)); err != nil {
			diags.Errorf(diag.Pos{}, "write the web editor: %v", err)
			break
		}
		n++
	}
	return n, diags
}

func putAll(o Output, files []feeds.File) error {
	for _, f := range files {
		if err := o.Put(f.Path, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// pageBuffers hold pages as they are executed: reused, a page costs no
// allocations to grow its buffer.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// job is one page to execute and write.
type job struct {
	path   string // output path: verkostot/x/index.html
	layout string // the layout's file: layouts/network.html
	tmpl   *executor
	view   *View
}

func (j job) run(out Output) diag.List {
	var diags diag.List
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(buf)
	buf.Reset()
	if err := j.tmpl.execute(buf, j.view); err != nil {
		// Without the page's URL, the same fault in a layout used by many
		// pages is reported once.
		templateErrorf(&diags, err, j.layout, j.tmpl.shared.sources)
		return diags
	}
	// Pages are not minified: their layouts were (see squeeze).
	if err := out.Final(j.path, buf.Bytes(), buf.Len()); err != nil {
		diags.Errorf(diag.Pos{}, "write %s: %v", j.path, err)
	}
	return diags
}

func isHidden(name string) bool { return len(name) > 0 && name[0] == '.' }

func isGo(name string) bool { return len(name) > 3 && name[len(name)-3:] == ".go" }
