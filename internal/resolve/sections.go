package resolve

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"seutu/internal/diag"
	"seutu/internal/fi"
	"seutu/internal/model"
)

// sections fills each section's URL, title and published pages in reading
// order.
func (r *resolver) sections(loaded []*model.Section) {
	for _, s := range loaded {
		s.URL = r.site.Prefix + "/" + fi.Slugify(s.Name) + "/"
		if s.Title == "" && s.Name == model.SectionOf(s.Kind) {
			s.Title = r.site.Lang.T(model.Info(s.Kind).Title)
		}
		if s.Title == "" {
			s.Title = strings.ToUpper(s.Name[:1]) + s.Name[1:]
		}
		s.Pages = nil
		for _, p := range r.site.Pages {
			if p.Section == s.Name {
				s.Pages = append(s.Pages, p)
			}
		}
		r.orderSection(s)
		s.Groups = r.group(s)
		r.site.Sections = append(r.site.Sections, s)
	}
}

var projectStatusOrder = []string{"käynnissä", "suunnitteilla", "päättynyt", ""}
var strategyStatusOrder = []string{"voimassa", "päivitettävänä", "päättynyt", ""}

// orderSection sorts a section's pages the way its readers look for them.
func (r *resolver) orderSection(s *model.Section) {
	var by func(a, b *model.Page) int // nil: by name alone
	switch s.Kind {
	case model.KindNetwork:
		cats := r.site.Config.NetworkCategories
		by = func(a, b *model.Page) int {
			return cmp.Compare(orderIn(cats, a.Network.Category), orderIn(cats, b.Network.Category))
		}
	case model.KindProject:
		by = func(a, b *model.Page) int {
			return cmp.Or(cmp.Compare(orderIn(projectStatusOrder, a.Project.Status), orderIn(projectStatusOrder, b.Project.Status)),
				b.Project.Start.Compare(a.Project.Start.Time))
		}
	case model.KindStrategy:
		by = func(a, b *model.Page) int {
			return cmp.Compare(orderIn(strategyStatusOrder, a.Strategy.Status), orderIn(strategyStatusOrder, b.Strategy.Status))
		}
	case model.KindNews:
		by = newestFirst
	case model.KindPage:
		by = func(a, b *model.Page) int { return cmp.Compare(a.Weight, b.Weight) }
	}
	fi.SortByAfter(r.col, s.Pages, by, sortName)
}

// orderIn is the place of v in order, with unknown values last.
func orderIn(order []string, v string) int {
	if i := slices.Index(order, v); i >= 0 {
		return i
	}
	return len(order)
}

// badTag reports the i'th tag of p, name, which cannot have a page: it
// has no letters or digits ("???"), so no slug, and terms leaves it out.
// (Empty tags are reported by load. A theme must be one of site.toml's,
// and vocabularies reports one that is not.)
func (r *resolver) badTag(p *model.Page, i int, name string) {
	pos := itemAt(p, "tags", i, len(p.Tags))
	if strings.IndexFunc(name, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		r.diags.Errorf(pos, "tag %q has no letters or digits, so it cannot have a page: write a word", name)
	} else { // Ж, ŋ: letters that a page's address cannot spell
		r.diags.Errorf(pos, "tag %q has no letters a–z or digits for the address of its page, so it cannot have one: write it in Latin letters", name)
	}
}

// itemAt returns where the i'th of the n values that load kept of a list
// field is written. Load leaves out the items it reports (an empty one, a
// map); then the i'th value kept need not be the i'th item written, and
// the field's own position is returned instead, as for a single value.
func itemAt(p *model.Page, field string, i, n int) diag.Pos {
	written := 0
	for {
		if _, ok := p.Pos.Lookup(field + "." + strconv.Itoa(written)); !ok {
			break
		}
		written++
	}
	if written == n {
		return p.Pos.Of(field + "." + strconv.Itoa(i))
	}
	if pos, ok := p.Pos.Lookup(field); ok {
		return pos
	}
	return diag.Pos{File: p.File, Line: 1, Col: 1}
}

// terms collects the tags or themes of all pages, one term per slug, sorted
// in the site's language's order, and gives each page its own terms through set. A name
// with no slug has no term: it goes to noSlug, when not nil.
func terms(c *fi.Collation, pages []*model.Page, base string, of func(*model.Page) []string, set func(*model.Page, []*model.Term),
	noSlug func(p *model.Page, i int, name string)) []*model.Term {
	bySlug := map[string]*model.Term{}
	var out []*model.Term
	for _, p := range pages {
		for i, name := range of(p) {
			slug := fi.Slugify(name)
			if slug == "" {
				if noSlug != nil {
					noSlug(p, i, name)
				}
				continue
			}
			t := bySlug[slug]
			if t == nil {
				t = &model.Term{Name: name, Slug: slug, URL: base + slug + "/"}
				bySlug[slug] = t
				out = append(out, t)
			}
			// A page naming one term twice (Ilmasto, ilmasto) is added
			// once; it can only be the last one added.
			if n := len(t.Pages); n == 0 || t.Pages[n-1] != p {
				t.Pages = append(t.Pages, p)
			}
		}
	}
	fi.SortBy(c, out, func(t *model.Term) string { return t.Name })
	own := map[*model.Page][]*model.Term{}
	for _, t := range out {
		for _, p := range t.Pages {
			own[p] = append(own[p], t)
		}
		sortPages(c, t.Pages)
	}
	for _, p := range pages {
		set(p, own[p])
	}
	return out
}

// Headings of the groups of a section's list page.
var (
	projectGroupTitles  = map[string]string{"käynnissä": "Käynnissä olevat", "suunnitteilla": "Suunnitteilla olevat", "päättynyt": "Päättyneet", "": "Muut"}
	strategyGroupTitles = map[string]string{"voimassa": "Voimassa olevat", "päivitettävänä": "Päivitettävänä", "päättynyt": "Päättyneet", "": "Muut"}
)

// group splits a section's ordered pages into runs under headings in the
// site's language: the same key as the order, so each heading appears once.
func (r *resolver) group(s *model.Section) []model.Group {
	l := r.site.Lang
	var title func(p *model.Page) string
	switch s.Kind {
	case model.KindNetwork:
		title = func(p *model.Page) string { return cmp.Or(r.term(p.Network.Category), l.T("Muut verkostot")) }
	case model.KindProject:
		title = func(p *model.Page) string { return l.T(projectGroupTitles[p.Project.Status]) }
	case model.KindStrategy:
		title = func(p *model.Page) string { return l.T(strategyGroupTitles[p.Strategy.Status]) }
	case model.KindNews:
		title = func(p *model.Page) string { return strconv.Itoa(p.News.Date.Year()) }
	default:
		return []model.Group{{Pages: s.Pages}}
	}
	return groupBy(s.Pages, title)
}
