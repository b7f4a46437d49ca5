package resolve

import (
	"strings"

	"seutu/internal/diag"
	"seutu/internal/fi"
	"seutu/internal/model"
)

// kindNames are the kinds as an editor reads them in a message.
var kindNames = map[model.Kind]string{
	model.KindNetwork:      "network",
	model.KindProject:      "project",
	model.KindStrategy:     "strategy",
	model.KindNews:         "news item",
	model.KindPerson:       "person",
	model.KindOrganization: "organization",
	model.KindMunicipality: "municipality",
	model.KindPage:         "page",
}

// refs resolves every reference of p.
func (r *resolver) refs(p *model.Page) {
	for _, ref := range p.Contacts {
		r.resolve(p, ref, model.KindPerson)
	}
	for _, ref := range p.Related {
		r.resolveRelated(p, ref)
	}
	switch {
	case p.Network != nil:
		n := p.Network
		r.resolve(p, n.Coordinator, model.KindOrganization)
		r.resolveAll(p, n.Organizers, model.KindOrganization)
		r.resolve(p, n.Chair, model.KindPerson)
		r.resolveAll(p, n.Members, model.KindMunicipality)
		r.resolve(p, n.Parent, model.KindNetwork)
		if n.Parent != nil && n.Parent.Target == p {
			r.diags.Errorf(n.Parent.Pos, "a network cannot be its own parent")
			n.Parent.Target = nil
		}
	case p.Project != nil:
		pr := p.Project
		r.resolve(p, pr.Administrator, model.KindOrganization)
		for _, f := range pr.Funders {
			r.resolve(p, f.Ref, model.KindOrganization)
		}
		r.resolveAll(p, pr.Partners, model.KindOrganization)
		r.resolveAll(p, pr.Municipalities, model.KindMunicipality)
	case p.Strategy != nil:
		r.resolve(p, p.Strategy.Owner, model.KindOrganization)
		r.resolve(p, p.Strategy.Steering.Ref, model.KindNetwork)
	case p.News != nil:
		r.resolve(p, p.News.Author.Ref, model.KindPerson)
		if e := p.News.Event; e != nil {
			r.resolveAll(p, e.Organizers, model.KindOrganization)
		}
	case p.Person != nil:
		r.resolve(p, p.Person.Organization, model.KindOrganization)
	}
}

func (r *resolver) resolveAll(from *model.Page, refs []*model.Ref, kind model.Kind) {
	for _, ref := range refs {
		r.resolve(from, ref, kind)
	}
}

// resolve points ref at the page of the given kind it names, or reports why
// it cannot.
func (r *resolver) resolve(from *model.Page, ref *model.Ref, kind model.Kind) {
	if ref == nil {
		return
	}
	if t := r.site.Lookup(kind, ref.Key); t != nil {
		ref.Target = t
		return
	}
	r.unresolved(ref, kind, model.SectionOf(kind), ref.Key, ref.Key)
}

func (r *resolver) resolveRelated(from *model.Page, ref *model.Ref) {
	section, key, _ := strings.Cut(ref.Key, "/")
	kind, ok := model.Sections[section]
	if !ok {
		kind = model.KindPage
	}
	for _, t := range r.site.Pages {
		if t.Kind == kind && t.Section == section && t.Key == key {
			if t == from {
				r.diags.Errorf(ref.Pos, "a page cannot be related to itself")
				return
			}
			ref.Target = t
			return
		}
	}
	r.unresolved(ref, kind, section, key, ref.Key)
}

// unresolved reports a reference that names no published page, telling a
// draft, and a file that could not be read, from a typo. The page would be
// content/folder/key.md.
func (r *resolver) unresolved(ref *model.Ref, kind model.Kind, folder, key, written string) {
	what := kindNames[kind]
	if f, ok := r.unread[folder+"/"+key]; ok {
		r.diags.Errorf(ref.Pos, "%s %q: %s exists but could not be read; mend the error reported there", what, written, f)
		return
	}
	if d := r.leftOut[kind][key]; d != nil {
		if d.Draft {
			r.diags.Errorf(ref.Pos, "%s %q is a draft (%s): publish it or remove the reference", what, written, d.File)
		} else {
			r.diags.Errorf(ref.Pos, "%s %q is not published until %s (%s): link to it after that, or build with -future", what, written, fi.Date(d.News.Date), d.File)
		}
		return
	}
	hint := diag.DidYouMean(key, r.site.Keys(kind))
	if hint != "" && strings.Contains(written, "/") {
		hint = strings.Replace(hint, `"`, `"`+written[:strings.Index(written, "/")+1], 1)
	}
	r.diags.Errorf(ref.Pos, "unknown %s %q%s (no file content/%s/%s.md)", what, written, hint, folder, key)
}

// vocabularies checks values that site.toml controls.
func (r *resolver) vocabularies(p *model.Page) {
	c := r.site.Config
	for i, t := range p.Themes {
		r.checkVocab(p, "themes", i, len(p.Themes), t, c.Themes, "theme", "themes")
	}
	switch {
	case p.Network != nil:
		r.checkVocab(p, "category", -1, 0, p.Network.Category, c.NetworkCategories, "network category", "network_categories")
	case p.News != nil:
		r.checkVocab(p, "category", -1, 0, p.News.Category, c.NewsCategories, "news category", "news_categories")
	case p.Organization != nil:
		r.checkVocab(p, "type", -1, 0, p.Organization.Type, c.OrganizationTypes, "organization type", "organization_types")
	}
}

// checkVocab reports a value of p's field that is not one of allowed: the
// field's own, or with item ≥ 0 the item'th of the n values of a list.
func (r *resolver) checkVocab(p *model.Page, field string, item, n int, value string, allowed []string, what, key string) {
	if value == "" {
		return
	}
	for _, a := range allowed {
		if a == value {
			return
		}
	}
	pos := p.Pos.Of(field)
	if item >= 0 {
		pos = itemAt(p, field, item, n)
	}
	if len(allowed) == 0 {
		r.diags.Errorf(pos, "unknown %s %q: site.toml declares none (add %s under [vocabularies])", what, value, key)
		return
	}
	r.diags.Errorf(pos, "unknown %s %q%s (allowed: %s; add new ones to %s in site.toml)",
		what, value, diag.DidYouMean(value, allowed), strings.Join(allowed, ", "), key)
}
