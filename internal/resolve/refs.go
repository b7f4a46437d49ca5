package resolve

import (
	"strings"

	"seutu/internal/diag"
	"seutu/internal/fi"
	"seutu/internal/model"
)

// refs resolves every reference of p, field by field.
func (r *resolver) refs(p *model.Page) {
	for i := range model.RefFields {
		f := &model.RefFields[i]
		for _, ref := range f.Refs(p) {
			if f.Target == "" {
				r.resolveRelated(p, ref)
			} else {
				r.resolve(p, ref, f.Target)
			}
			if ref.Target == p && f.Self != "" {
				r.diags.Errorf(ref.Pos, "%s", f.Self)
				ref.Target = nil
			}
		}
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
	if t := r.base.Lookup(kind, ref.Key); t != nil {
		ref.Target = t // not translated: the default language's page
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
	for _, site := range []*model.Site{r.site, r.base} {
		if site == nil {
			continue
		}
		for _, t := range site.Pages {
			if t.Kind == kind && t.Section == section && t.Key == key {
				ref.Target = t
				return
			}
		}
	}
	r.unresolved(ref, kind, section, key, ref.Key)
}

// unresolved reports a reference that names no published page, telling a
// draft, and a file that could not be read, from a typo. The page would be
// content/folder/key.md.
func (r *resolver) unresolved(ref *model.Ref, kind model.Kind, folder, key, written string) {
	what := model.Info(kind).English
	if f, ok := r.unread[folder+"/"+key]; ok {
		r.diags.Errorf(ref.Pos, "%s %q: %s exists but could not be read; mend the error reported there", what, written, f)
		return
	}
	if d := r.leftOut[kind][key]; d != nil {
		if d.Draft {
			r.diags.Errorf(ref.Pos, "%s %q is a draft (%s): publish it or remove the reference", what, written, d.File)
		} else {
			r.diags.Errorf(ref.Pos, "%s %q is not published until %s (%s): link to it after that, or build with -future", what, written, fi.Date(d.News.Date.Time), d.File)
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
