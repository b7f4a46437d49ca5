package render

import (
	"strings"

	"seutu/internal/feeds"
	"seutu/internal/model"
)

// languages is what a view needs of the site's other languages: their
// sites and every URL that exists, for the language switcher, the hreflang
// alternates and a menu without links to pages a language does not have.
type languages struct {
	sites []*model.Site
	links *linkIndex
}

func newLanguages(sites []*model.Site, links *linkIndex) *languages {
	return &languages{sites: sites, links: links}
}

// has reports whether u is a page or list of any language.
func (l *languages) has(u string) bool { return l == nil || l.links.Has(u) }

// LangLink is one language of the switcher as a view shows it.
type LangLink struct {
	Code    string // hreflang and lang: sv
	Name    string // in itself: svenska
	URL     string // the view in that language, or that language's nearest page above it
	Current bool   // the view's own language
	Missing bool   // the view is not in that language: URL leads to the nearest page above it
}

// counterpart returns the view's URL in site s, and whether it exists
// there: a content page's version, or the same path under s's prefix.
func (v *View) counterpart(s *model.Site) (string, bool) {
	if v.Site == s {
		return v.URL, true
	}
	if v.Layout == "search" {
		// Each language names its search page (/haku/, /sv/sok/,
		// /en/search/), and has one: the layouts are the same.
		return searchURL(s), true
	}
	if l := v.List; l != nil && l.Key != "" && l.Section != nil {
		// A network category's page: its address is in its language.
		for _, o := range s.Lists {
			if o.Key == l.Key && o.Section != nil && o.Section.Name == l.Section.Name {
				return o.URL, true
			}
		}
		return "", false
	}
	if v.Page != nil {
		for _, p := range v.Page.Versions {
			if p.Lang == langOf(s) {
				return p.URL, true
			}
		}
		return "", false
	}
	u := s.Prefix + strings.TrimPrefix(v.URL, v.Site.Prefix)
	return u, v.langs.links.Has(u)
}

// langOf is a site's code as a translated page carries it: "" for the
// default language.
func langOf(s *model.Site) string {
	if s.Prefix == "" {
		return ""
	}
	return s.Lang.Code
}

// Languages is the language switcher: every language of the site, each
// leading to this view in it or, when there is none, to its nearest page
// above this one (its section, at last its home page). Nil for a site in
// one language.
func (v *View) Languages() []LangLink {
	if v.langs == nil || len(v.langs.sites) < 2 {
		return nil
	}
	out := make([]LangLink, 0, len(v.langs.sites))
	for _, s := range v.langs.sites {
		l := LangLink{Code: s.Lang.Code, Name: s.Lang.Name, Current: s == v.Site}
		u, ok := v.counterpart(s)
		if !ok {
			l.Missing = true
			u = v.nearest(s)
		}
		l.URL = u
		out = append(out, l)
	}
	return out
}

// nearest returns the page of site s nearest above the view: the same
// path without its last segments, down to s's home page.
func (v *View) nearest(s *model.Site) string {
	rest := strings.TrimPrefix(v.URL, v.Site.Prefix)
	for {
		rest = strings.TrimSuffix(rest, "/")
		i := strings.LastIndexByte(rest, '/')
		if i <= 0 {
			return s.HomeURL()
		}
		rest = rest[:i+1]
		if u := s.Prefix + rest; v.langs.links.Has(u) {
			return u
		}
	}
}

// Alternates are the view's versions in every language that has it, its
// own included, for hreflang; none when it is in one language only.
func (v *View) Alternates() []feeds.Alternate {
	if v.langs == nil || len(v.langs.sites) < 2 || v.Layout == "404" {
		return nil
	}
	var out []feeds.Alternate
	for _, s := range v.langs.sites {
		if u, ok := v.counterpart(s); ok {
			out = append(out, feeds.Alternate{Lang: s.Lang.Code, URL: u})
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}
