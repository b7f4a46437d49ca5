package resolve

import (
	"cmp"
	"slices"
	"strings"

	"seutu/internal/fi"
	"seutu/internal/model"
)

// backrefs records p on every page it refers to, under the role it names.
func backrefs(p *model.Page) {
	add := func(ref *model.Ref, list func(*model.Backrefs) *[]*model.Page) {
		if ref == nil || ref.Target == nil {
			return
		}
		l := list(&ref.Target.Back)
		if !slices.Contains(*l, p) {
			*l = append(*l, p)
		}
	}
	addAll := func(refs []*model.Ref, list func(*model.Backrefs) *[]*model.Page) {
		for _, ref := range refs {
			add(ref, list)
		}
	}
	addAll(p.Contacts, func(b *model.Backrefs) *[]*model.Page { return &b.ContactFor })
	addAll(p.Related, func(b *model.Backrefs) *[]*model.Page { return &b.Related })
	switch {
	case p.Network != nil:
		n := p.Network
		add(n.Coordinator, func(b *model.Backrefs) *[]*model.Page { return &b.Coordinates })
		addAll(n.Organizers, func(b *model.Backrefs) *[]*model.Page { return &b.Organizes })
		add(n.Chair, func(b *model.Backrefs) *[]*model.Page { return &b.Chairs })
		addAll(n.Members, func(b *model.Backrefs) *[]*model.Page { return &b.MemberOf })
		add(n.Parent, func(b *model.Backrefs) *[]*model.Page { return &b.Children })
	case p.Project != nil:
		pr := p.Project
		add(pr.Administrator, func(b *model.Backrefs) *[]*model.Page { return &b.Administers })
		for _, f := range pr.Funders {
			add(f.Ref, func(b *model.Backrefs) *[]*model.Page { return &b.Funds })
		}
		addAll(pr.Partners, func(b *model.Backrefs) *[]*model.Page { return &b.PartnerIn })
		addAll(pr.Municipalities, func(b *model.Backrefs) *[]*model.Page { return &b.ProjectsIn })
	case p.Strategy != nil:
		add(p.Strategy.Owner, func(b *model.Backrefs) *[]*model.Page { return &b.Owns })
		add(p.Strategy.Steering.Ref, func(b *model.Backrefs) *[]*model.Page { return &b.Steers })
	case p.News != nil:
		add(p.News.Author.Ref, func(b *model.Backrefs) *[]*model.Page { return &b.Authored })
		if e := p.News.Event; e != nil {
			addAll(e.Organizers, func(b *model.Backrefs) *[]*model.Page { return &b.Organizes })
		}
	case p.Person != nil:
		add(p.Person.Organization, func(b *model.Backrefs) *[]*model.Page { return &b.Staff })
	}
}

// sortBackrefs orders every list: news newest first, the rest by title.
func sortBackrefs(c *fi.Collation, b *model.Backrefs) {
	for _, l := range []*[]*model.Page{&b.Chairs, &b.ContactFor, &b.Authored, &b.Staff, &b.Coordinates,
		&b.Organizes, &b.Administers, &b.Funds, &b.PartnerIn, &b.Owns, &b.MemberOf, &b.ProjectsIn,
		&b.Children, &b.Steers, &b.Related} {
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
		if c := cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)); c != 0 {
			return c
		}
		if a.News != nil && b.News != nil {
			return b.News.Date.Compare(a.News.Date)
		}
		return 0
	}, sortName)
}

var kinds = []model.Kind{model.KindNetwork, model.KindProject, model.KindStrategy, model.KindNews,
	model.KindPerson, model.KindOrganization, model.KindMunicipality, model.KindPage}

func kindOrder(k model.Kind) int { return slices.Index(kinds, k) }

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
