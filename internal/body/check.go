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
	var diags diag.List
	ids := make(map[string]map[string]bool, len(site.Pages)) // content page URL → its ids
	for i, p := range site.Pages {
		ids[p.URL] = bodies[i].ids
	}
	linked := map[*model.Page]bool{}
	for i, b := range bodies {
		from := ""
		if i < len(site.Pages) {
			from = site.Pages[i].URL
		}
		for _, l := range b.links {
			if p := links.byURL[l.url]; p != nil && l.url != from {
				linked[p] = true
			}
			if l.frag == "" || isFootnote(l.frag) {
				continue
			}
			if set, ok := ids[l.url]; ok && !set[l.frag] {
				diags.Errorf(l.pos, "link to %q: %s has no heading with the id #%s%s", l.dest, l.url, l.frag, diag.DidYouMean(l.frag, keys(set)))
			}
		}
	}
	for _, p := range site.Pages {
		if p.Person != nil && !linked[p] && !referred(p) {
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
