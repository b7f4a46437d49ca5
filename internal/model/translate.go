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
	Kind  Kind   // the kind whose pages have it; "" for every kind
	Field string // as written
	copy  func(dst, src *Page)
}

// TextFields lists every text field. A translation that leaves one out
// shows it empty: nothing in the default language shows up in another.
var TextFields = []TextField{
	{"", "title", func(d, s *Page) { d.Title = s.Title }},
	{"", "summary", func(d, s *Page) { d.Summary = s.Summary }},
	{"", "tags", func(d, s *Page) { d.Tags = s.Tags }},
	{KindNetwork, "chair_title", func(d, s *Page) { d.Network.ChairTitle = s.Network.ChairTitle }},
	{KindNetwork, "participants", func(d, s *Page) { d.Network.Participants = s.Network.Participants }},
	{KindNetwork, "cadence", func(d, s *Page) { d.Network.Cadence = s.Network.Cadence }},
	{KindStrategy, "focus_areas", func(d, s *Page) { d.Strategy.FocusAreas = s.Strategy.FocusAreas }},
	{KindPerson, "role", func(d, s *Page) { d.Person.Role = s.Person.Role }},
	{KindPerson, "areas", func(d, s *Page) { d.Person.Areas = s.Person.Areas }},
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
		if f.Kind == "" || f.Kind == c.Kind {
			f.copy(c, tr)
		}
	}
	c.EachRef(func(r *Ref) { r.Target = nil })
	return c
}
