package resolve

import (
	"cmp"
	"slices"
	"strings"

	"seutu/internal/fi"
	"seutu/internal/model"
)

// backrefs records p on every page it refers to, under the role its field
// names.
func backrefs(p *model.Page) {
	for i := range model.RefFields {
		f := &model.RefFields[i]
		for _, ref := range f.Refs(p) {
			if ref.Target == nil || ref.Target.Lang != p.Lang {
				continue // another language's page lists its own language's
			}
			l := f.Back(&ref.Target.Back)
			if !slices.Contains(*l, p) {
				*l = append(*l, p)
			}
		}
	}
}

// sortBackrefs orders every list: news newest first, the rest by title.
func sortBackrefs(c *fi.Collation, b *model.Backrefs) {
	for _, l := range b.BackLists() {
		sortPages(c, *l)
	}
}

// sortPages orders pages by kind (in the order of the main sections), news
// newest first, people by surname, and everything else by title.
func sortPages(c *fi.Collation, pages []*model.Page) {
	if len(pages) < 2 {
		return
	}
	fi.SortByAfter(c, pages, func(a, b *model.Page) int {
		if c := cmp.Compare(model.Order(a.Kind), model.Order(b.Kind)); c != 0 {
			return c
		}
		if a.News != nil && b.News != nil {
			return b.News.Date.Compare(a.News.Date.Time)
		}
		return 0
	}, sortName)
}

// sortName is what a page sorts by: a person's surname first, so that a
// list of people reads like a phone book.
func sortName(p *model.Page) string {
	if p.Kind == model.KindPerson {
		if i := strings.LastIndex(p.Title, " "); i > 0 {
			return p.Title[i+1:] + " " + p.Title[:i]
		}
	}
	return p.Title
}
