package model

// A translation is a file beside its original with the language before
// .md (verkostot/x.sv.md). It gives the page's texts in its language; every
// fact (dates, references, numbers, members, contacts, event times) is the
// original's, typed once. The two tables below say which fields are which:
// load refuses a shared field that a translation sets differently, resolve
// builds each language's page from them, and `seutu new -lang` writes a
// translation's skeleton from them.

// TextField is a front matter field that a translation gives in its own
// language.
type TextField struct {
	Kind  Kind            // the kind whose pages have it; "" for every kind
	Field string          // as written
	at    func(*Page) any // the field: *string or *[]string
}

// TextFields lists every text field. A translation that leaves one out
// shows it empty: nothing in the default language shows up in another.
var TextFields = []TextField{
	{"", "title", func(p *Page) any { return &p.Title }},
	{"", "summary", func(p *Page) any { return &p.Summary }},
	{"", "tags", func(p *Page) any { return &p.Tags }},
	{KindNetwork, "chair_title", func(p *Page) any { return &p.Network.ChairTitle }},
	{KindNetwork, "participants", func(p *Page) any { return &p.Network.Participants }},
	{KindNetwork, "cadence", func(p *Page) any { return &p.Network.Cadence }},
	{KindStrategy, "focus_areas", func(p *Page) any { return &p.Strategy.FocusAreas }},
	{KindPerson, "role", func(p *Page) any { return &p.Person.Role }},
	{KindPerson, "areas", func(p *Page) any { return &p.Person.Areas }},
}

// Has reports whether pages of kind k have the field.
func (f *TextField) Has(k Kind) bool { return f.Kind == "" || f.Kind == k }

// Values returns p's value of the field: one text, or a list's; none
// when empty.
func (f *TextField) Values(p *Page) []string {
	switch v := f.at(p).(type) {
	case *string:
		if *v != "" {
			return []string{*v}
		}
	case *[]string:
		return *v
	}
	return nil
}

// List reports whether the field takes a list.
func (f *TextField) List(p *Page) bool {
	_, ok := f.at(p).(*[]string)
	return ok
}

func (f *TextField) copy(dst, src *Page) {
	switch v := f.at(dst).(type) {
	case *string:
		*v = *f.at(src).(*string)
	case *[]string:
		*v = *f.at(src).(*[]string)
	}
}

// PerLanguage lists the fields that are not texts but belong to each
// language's file all the same: whether that version is a draft, when it
// was last updated or checked, what is still to do, and its own slug.
var PerLanguage = []string{"draft", "updated", "checked", "todo", "slug"}

// IsTranslatable reports whether a translation of a page of kind k may
// set field.
func IsTranslatable(k Kind, field string) bool {
	for _, f := range TextFields {
		if f.Field == field && (f.Kind == "" || f.Kind == k) {
			return true
		}
	}
	for _, f := range PerLanguage {
		if f == field {
			return true
		}
	}
	return false
}

// Translate returns the page that a translation tr makes of orig: orig's
// facts and references (fresh, to be resolved in tr's language), tr's
// texts and per-language fields, tr's file and language. The back-links,
// terms and URL are left for resolve.
func Translate(orig, tr *Page) *Page {
	c := orig.Clone()
	c.File, c.Lang, c.Pos = tr.File, tr.Lang, tr.Pos
	c.Draft, c.Updated, c.Checked, c.Slug = tr.Draft, tr.Updated, tr.Checked, tr.Slug
	c.Aliases = nil // an old address is the original's
	c.URL, c.Back, c.TagTerms, c.ThemeTerms = "", Backrefs{}, nil, nil
	for _, f := range TextFields {
		if f.Has(c.Kind) {
			f.copy(c, tr)
		}
	}
	c.EachRef(func(r *Ref) { r.Target = nil })
	return c
}
