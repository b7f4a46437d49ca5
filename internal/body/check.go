package body

import (
	"strings"

	"seutu/internal/diag"
	"seutu/internal/markdown"
	"seutu/internal/model"
)

// layoutIDs are the ids every layout gives a page, so links may use them.
var layoutIDs = []string{"sisalto"}

// linkTarget is a link of a body to a page or file of the site.
type linkTarget struct {
	url  string // site-relative: /verkostot/x/
	frag string // the #fragment, without #
	dest string // as written
	pos  diag.Pos
	page int // url's place in the site's Pages, or -1: the checks need no map of URLs
}

// linkIDs are the ids that links to a page with these headings may name.
func linkIDs(headings []markdown.Heading) map[string]bool {
	ids := make(map[string]bool, len(layoutIDs)+len(headings))
	for _, id := range layoutIDs {
		ids[id] = true
	}
	for _, h := range headings {
		ids[h.ID] = true
	}
	return ids
}

// checkBodies finds what only the whole site can tell: a #fragment that
// names nothing on the content page it leads to, and a person whom no page
// refers to (by a field or a link). bodies are the site's pages' first, in
// order, then any others'.
func checkBodies(site *model.Site, links *Index, bodies []linked) diag.List {
	// By the pages' places, found once when a body is linked, not by maps
	// of URLs: the dev server checks every body on every rebuild, and at
	// 10 000 pages the checks took 7.5 ms of CPU a rebuild after a body
	// edit with the lookups, 1.6 ms without (BenchmarkSessionEdit/body).
	var diags diag.List
	pages := site.AllPages()
	linked := make([]bool, len(pages))
	for i, b := range bodies {
		for _, l := range b.links {
			k := l.page
			if k < 0 || k >= len(pages) {
				continue // not a content page: a list, a feed, an asset
			}
			if k != i {
				linked[k] = true
			}
			if l.frag == "" || isFootnote(l.frag) {
				continue
			}
			if set := bodies[k].ids; !set[l.frag] {
				diags.Errorf(l.pos, "link to %q: %s has no heading with the id #%s%s", l.dest, l.url, l.frag, diag.DidYouMean(l.frag, keys(set)))
			}
		}
	}
	for k, p := range pages {
		if p.Person != nil && p.Lang == "" && !linked[k] && !referred(p) {
			diags.Warnf(diag.Pos{File: p.File, Line: 1, Col: 1}, "no page refers to this person: name them as a contact, chair or author somewhere, or remove the page")
		}
	}
	return diags
}

// referred reports whether a page names p in a field (model.RefFields).
func referred(p *model.Page) bool {
	for _, l := range p.Back.BackLists() {
		if len(*l) > 0 {
			return true
		}
	}
	return false
}

// isFootnote tells goldmark's footnote anchors, which it makes itself.
func isFootnote(frag string) bool {
	return strings.HasPrefix(frag, "fn:") || strings.HasPrefix(frag, "fnref:")
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
