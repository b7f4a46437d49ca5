// Package resolve turns loaded pages into a linked site: it leaves out
// drafts, gives every page its URL, resolves each reference to the page it
// names (suggesting the closest name when one does not resolve), checks
// values against the vocabularies of site.toml, derives back-references,
// sections, tags and themes, and orders every list the way a reader expects.
//
// Every problem is collected; none stops the others from being found.
package resolve

import (
	"cmp"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"seutu/internal/diag"
	"seutu/internal/fi"
	"seutu/internal/lang"
	"seutu/internal/model"
	"seutu/internal/sitefs"
)

// Options are the build's choices that change the site.
type Options struct {
	Drafts bool      // include pages marked draft
	Future bool      // include news dated after Now (scheduled)
	Now    time.Time // what counts as past and upcoming
}

// Resolve links the loaded pages into a Site in the default language; a
// site in several languages (site.toml's languages) has one Site for each,
// all in the Languages of every one (see resolveIn).
func Resolve(in *model.Content, opts Options) (*model.Site, diag.List) {
	site, diags := resolveIn(in, opts, nil, in.Config.Language)
	if len(in.Config.Languages) < 2 {
		return site, diags
	}
	site.Languages = []*model.Site{site}
	for _, code := range in.Config.Languages[1:] {
		s, d := resolveIn(in, opts, site, code)
		diags.Merge(d)
		site.Languages = append(site.Languages, s)
	}
	for _, s := range site.Languages[1:] {
		s.Languages = site.Languages
	}
	linkVersions(site.Languages)
	return site, diags
}

// resolveIn resolves the site in language code. For the default language
// (base nil) its pages are the loaded pages; for another, the translations
// into it, each made from its original by model.Translate, under
// /<code>/. A reference resolves to the page in the same language when
// there is one, else to base's (the default language's) page; back-links
// and lists hold the language's own pages only: nothing falls back
// silently. A translation's references and values are its original's,
// checked there: only the problems of its own texts are reported again.
func resolveIn(in *model.Content, opts Options, base *model.Site, code string) (*model.Site, diag.List) {
	r := &resolver{
		col:     lang.Or(lang.ByCode(code)).NewCollation(),
		site:    &model.Site{Config: in.Config.In(code), Lang: lang.Or(lang.ByCode(code)), Now: opts.Now.In(fi.Helsinki), Home: in.Home},
		base:    base,
		leftOut: map[model.Kind]map[string]*model.Page{},
		unread:  unread(in.Unread),
	}
	pages := in.Pages
	if base != nil {
		r.site.Prefix = "/" + code
		r.site.Home = nil
		pages = translations(in, code, func(p *model.Page) bool { return r.leftOutPage(p, opts) })
	}
	for _, p := range pages {
		if r.leftOutPage(p, opts) {
			if r.leftOut[p.Kind] == nil {
				r.leftOut[p.Kind] = map[string]*model.Page{}
			}
			r.leftOut[p.Kind][p.Key] = p
			continue
		}
		r.site.Pages = append(r.site.Pages, p)
		r.site.Index(p)
	}
	r.urls()
	for _, p := range r.site.Pages {
		if base != nil {
			keep := r.diags // reported with the original
			r.refs(p)
			r.diags = keep
		} else {
			r.refs(p)
			r.vocabularies(p)
		}
		deriveStatus(p, r.site.Now)
		if p.Summary == "" {
			r.diags.Warnf(r.titleAt(p), "no summary: add summary: with one or two plain sentences; lists, search engines and link previews show it")
		}
	}
	for _, p := range r.site.Pages {
		backrefs(p)
	}
	if base == nil {
		r.sections(in.Sections)
	} else {
		r.site.Home = r.sectionsIn(in, code)
	}
	r.site.Tags = terms(r.col, r.site.Pages, r.site.Prefix+model.Taxonomies[0].URL, func(p *model.Page) []string { return p.Tags },
		func(p *model.Page, t []*model.Term) { p.TagTerms = t }, r.badTag)
	r.site.Themes = terms(r.col, r.site.Pages, r.site.Prefix+model.Taxonomies[1].URL, func(p *model.Page) []string { return r.terms(p.Themes) },
		func(p *model.Page, t []*model.Term) { p.ThemeTerms = t }, nil)
	for _, t := range append(slices.Clip(r.site.Tags), r.site.Themes...) {
		t.Parts = model.Paginate(t.URL, len(t.Pages), r.site.Config.NewsPerPage)
	}
	r.newsAndEvents()
	r.lists()
	r.checkListURLs()
	for _, p := range r.site.Pages {
		sortBackrefs(r.col, &p.Back)
	}
	return r.site, r.diags
}

type resolver struct {
	col     *fi.Collation // one for the whole site, in its language's order: it remembers sort keys
	site    *model.Site
	base    *model.Site                           // the default language's, when site is another's
	leftOut map[model.Kind]map[string]*model.Page // drafts and scheduled news, for messages
	unread  map[string]string                     // "section/key" of a file that could not be read: its path, for messages
	diags   diag.List
}

// unread indexes the files that could not be read by the section and key
// a reference names them by.
func unread(files map[string]bool) map[string]string {
	if len(files) == 0 {
		return nil
	}
	out := make(map[string]string, len(files))
	for f := range files {
		rel := strings.TrimPrefix(f, "content/")
		section, _, _ := strings.Cut(rel, "/")
		if section == rel {
			section = "" // a file at the top of content/
		}
		name, _ := sitefs.SplitLang(path.Base(rel))
		out[section+"/"+strings.TrimSuffix(name, ".md")] = f
	}
	return out
}

// titleAt returns where p's title is written; when it is not (a missing
// title, reported by load), the file's first line, where the front matter
// opens.
func (r *resolver) titleAt(p *model.Page) diag.Pos {
	if pos, ok := p.Pos.Lookup("title"); ok {
		return pos
	}
	return diag.Pos{File: p.File, Line: 1, Col: 1}
}

// scheduled reports whether p is a news item dated after now: it is
// published on its date.
func scheduled(p *model.Page, now time.Time) bool {
	return p.News != nil && p.News.Date.Time.After(now)
}

// urls gives each page its URL and reports two pages, or a page and an
// alias, that claim the same one.
func (r *resolver) urls() {
	owner := map[string]*model.Page{}
	for _, p := range r.site.Pages {
		p.URL = r.site.Prefix + pageURL(p)
		if prev, ok := owner[p.URL]; ok {
			r.diags.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "%s has the same URL %s as %s: rename one of them or give it a slug", p.File, p.URL, prev.File)
			continue
		}
		owner[p.URL] = p
	}
	aliased := map[string]*model.Page{}
	for _, p := range r.site.Pages {
		for i, a := range p.Aliases {
			u := "/" + strings.Trim(a, "/") + "/"
			pos := r.at(p, "aliases."+strconv.Itoa(i), "aliases")
			if other, ok := owner[u]; ok && other != p {
				r.diags.Errorf(pos, "alias %s is the URL of %s", a, other.File)
			} else if other, ok := aliased[u]; ok && other != p {
				r.diags.Errorf(pos, "alias %s is also an alias of %s: an old address can lead to one page only", a, other.File)
			}
			aliased[u] = p
		}
	}
	slices.SortFunc(r.site.Pages, func(a, b *model.Page) int { return strings.Compare(a.URL, b.URL) })
}

// pageURL is /folder/slug/: the folders under content/ and the slug.
func pageURL(p *model.Page) string {
	dir := strings.TrimPrefix(p.File, "content/")
	dir = dir[:strings.LastIndex(dir, "/")+1]
	var b strings.Builder
	b.WriteByte('/')
	for seg := range strings.SplitSeq(strings.TrimSuffix(dir, "/"), "/") {
		if seg != "" {
			b.WriteString(fi.Slugify(seg))
			b.WriteByte('/')
		}
	}
	b.WriteString(p.Slug)
	b.WriteByte('/')
	return b.String()
}

// deriveStatus fills a project's status from its dates when not given.
func deriveStatus(p *model.Page, now time.Time) {
	pr := p.Project
	if pr == nil || pr.Status != "" {
		return
	}
	switch {
	case pr.EndPassed(now):
		pr.Status = "päättynyt"
	case !pr.Start.IsZero() && now.Before(pr.Start.Time):
		pr.Status = "suunnitteilla"
	case !pr.Start.IsZero():
		pr.Status = "käynnissä"
	default:
		return
	}
	pr.StatusDerived = true
}

// newsAndEvents orders news newest first and events by start.
func (r *resolver) newsAndEvents() {
	for _, p := range r.site.Pages {
		if p.News != nil {
			r.site.News = append(r.site.News, p)
			if p.News.Event != nil && !p.News.Event.Start.IsZero() {
				r.site.Events = append(r.site.Events, p)
			}
		}
	}
	// URLs break ties: these orders are total, and need no stable sort.
	slices.SortFunc(r.site.News, newestFirst)
	slices.SortFunc(r.site.Events, func(a, b *model.Page) int {
		return cmp.Or(a.News.Event.Start.Compare(b.News.Event.Start.Time), strings.Compare(a.URL, b.URL))
	})
}

func newestFirst(a, b *model.Page) int {
	return cmp.Or(b.News.Date.Compare(a.News.Date.Time), strings.Compare(a.URL, b.URL))
}
