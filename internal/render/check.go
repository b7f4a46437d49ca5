package render

import (
	"net/url"
	"strings"

	"seutu/internal/diag"
	"seutu/internal/markdown"
	"seutu/internal/model"
)

// layoutIDs are the ids every layout gives a page, so links may use them.
var layoutIDs = []string{"sisalto"}

// checkBodies finds what only the whole site can tell: a #fragment that
// names nothing on the content page it leads to, and a person whom no page
// refers to (by a field or a link).
func checkBodies(site *model.Site, links *linkIndex, srcs []source, results []markdown.Result) diag.List {
	var diags diag.List
	ids := map[string]map[string]bool{} // content page URL → its ids
	for i, p := range site.Pages {
		set := map[string]bool{}
		for _, id := range layoutIDs {
			set[id] = true
		}
		for _, h := range results[i].Headings {
			set[h.ID] = true
		}
		ids[p.URL] = set
	}
	byURL := map[string]*model.Page{}
	for _, p := range site.Pages {
		byURL[p.URL] = p
	}
	linked := map[*model.Page]bool{}
	for i, res := range results {
		from := links.from(srcs[i].file, srcs[i].url)
		for _, l := range res.Links {
			u, err := url.Parse(l.Dest)
			if err != nil {
				continue
			}
			target, problem := from.locate(u, l.Image)
			if problem != "" || target == "" {
				continue
			}
			if p := byURL[target]; p != nil && target != srcs[i].url {
				linked[p] = true
			}
			if u.Fragment == "" || isFootnote(u.Fragment) {
				continue
			}
			if set, ok := ids[target]; ok && !set[u.Fragment] {
				diags.Errorf(l.Pos, "link to %q: %s has no heading with the id #%s%s", l.Dest, target, u.Fragment, diag.DidYouMean(u.Fragment, keys(set)))
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

// referred reports whether a page names p in a field.
func referred(p *model.Page) bool {
	b := p.Back
	return len(b.ContactFor)+len(b.Chairs)+len(b.Authored)+len(b.Related) > 0
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
