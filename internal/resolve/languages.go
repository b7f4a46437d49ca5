package resolve

import (
	"seutu/internal/model"
	"seutu/internal/sitefs"
)

// leftOutPage reports whether p is not published in this build: a draft,
// or news dated later than now; a translation also when its original is.
func (r *resolver) leftOutPage(p *model.Page, opts Options) bool {
	return (p.Draft && !opts.Drafts) || (scheduled(p, r.site.Now) && !opts.Future)
}

// translations makes the pages of language code: each translation into it
// over its original (model.Translate), unless the original is left out of
// the build (a draft translation is left out by the caller). Load reported
// a translation without an original.
func translations(in *model.Content, code string, leftOut func(*model.Page) bool) []*model.Page {
	origs := make(map[string]*model.Page, len(in.Pages))
	for _, p := range in.Pages {
		orig, _ := sitefs.SplitLang(p.File) // x.md, or x.fi.md as the web editor names it
		origs[orig] = p
	}
	var out []*model.Page
	for _, tr := range in.Translations {
		if tr.Lang != code {
			continue
		}
		orig, _ := sitefs.SplitLang(tr.File)
		if o := origs[orig]; o != nil && !leftOut(o) {
			out = append(out, model.Translate(o, tr))
		}
	}
	return out
}

// sectionsIn makes the sections of language code and returns its home
// page's intro (nil when content/_index.<code>.md is missing): a section
// is the default language's folder with its _index.<code>.md's title and
// intro, and exists in the language when it has pages or an intro there.
func (r *resolver) sectionsIn(in *model.Content, code string) (home *model.Section) {
	intro := map[string]*model.Section{}
	for _, s := range in.SectionTranslations {
		if s.Lang == code {
			c := *s
			intro[s.Name] = &c
		}
	}
	has := map[string]bool{}
	for _, p := range r.site.Pages {
		has[p.Section] = true
	}
	var secs []*model.Section
	for _, s := range in.Sections {
		c := intro[s.Name]
		if c == nil && !has[s.Name] {
			continue
		}
		if c == nil {
			c = &model.Section{Name: s.Name, Lang: code}
		}
		c.Kind = s.Kind
		secs = append(secs, c)
	}
	r.sections(secs)
	return intro[""]
}

// term gives a vocabulary value as the site's language writes it.
func (r *resolver) term(v string) string {
	if r.base == nil || v == "" {
		return v
	}
	return r.site.Config.Term(r.site.Lang.Code, v)
}

// terms gives vocabulary values as the site's language writes them
// (site.toml's [translations.<code>.vocabulary]).
func (r *resolver) terms(values []string) []string {
	if r.base == nil || len(values) == 0 {
		return values
	}
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = r.site.Config.Term(r.site.Lang.Code, v)
	}
	return out
}

// linkVersions gives every page its versions in the other languages: the
// pages made from one original.
func linkVersions(sites []*model.Site) {
	byFile := map[string][]*model.Page{}
	var order []string
	for _, s := range sites {
		for _, p := range s.Pages {
			orig, _ := sitefs.SplitLang(p.File)
			if byFile[orig] == nil {
				order = append(order, orig)
			}
			byFile[orig] = append(byFile[orig], p)
		}
	}
	for _, f := range order {
		if v := byFile[f]; len(v) > 1 {
			for _, p := range v {
				p.Versions = v
			}
		}
	}
}
