package model

import "slices"

// The two tables below are the model's vocabulary that several stages
// need: load decodes by them, resolve resolves and back-links by them,
// render names kinds by them, and the dev server knows from them which
// pages show which. Adding a kind or a reference field is a line here
// (plus its struct field and its layout); nothing else lists them.

// KindInfo describes a kind of page.
type KindInfo struct {
	Kind    Kind
	Folder  string // the folder under content/: verkostot ("" for plain pages, which live anywhere else)
	English string // the kind in messages to editors: "news item"
	Finnish string // the kind for readers: "Ajankohtaista"
	Command string // the name `seutu new` takes: verkosto
	Title   string // the section list's title when no _index.md gives one
}

// Kinds lists every kind, in the order lists, menus and summaries show
// them.
var Kinds = []KindInfo{
	{KindNetwork, "verkostot", "network", "Verkosto", "verkosto", "Verkostot"},
	{KindProject, "hankkeet", "project", "Hanke", "hanke", "Hankkeet ja selvitykset"},
	{KindStrategy, "strategiat", "strategy", "Strategia", "strategia", "Strategiat ja ohjelmat"},
	{KindNews, "ajankohtaista", "news item", "Ajankohtaista", "uutinen", "Ajankohtaista"},
	{KindPerson, "henkilot", "person", "Henkilö", "henkilo", "Yhteyshenkilöt"},
	{KindOrganization, "organisaatiot", "organization", "Organisaatio", "organisaatio", "Organisaatiot"},
	{KindMunicipality, "kunnat", "municipality", "Kunta", "kunta", "Kunnat"},
	{KindPage, "", "page", "Sivu", "sivu", ""},
}

// Info returns the row of Kinds for k (the plain page's for an unknown
// kind).
func Info(k Kind) KindInfo {
	for _, in := range Kinds {
		if in.Kind == k {
			return in
		}
	}
	return Kinds[len(Kinds)-1]
}

// Order is k's place in Kinds, for sorting pages by kind.
func Order(k Kind) int {
	for i, in := range Kinds {
		if in.Kind == k {
			return i
		}
	}
	return len(Kinds)
}

// Sections maps each kind's folder to the kind. Any other folder, and the
// files directly in content/, hold plain pages.
var Sections = func() map[string]Kind {
	m := map[string]Kind{}
	for _, in := range Kinds {
		if in.Folder != "" {
			m[in.Folder] = in.Kind
		}
	}
	return m
}()

// SectionOf returns the folder of a kind ("" for plain pages).
func SectionOf(k Kind) string { return Info(k).Folder }

// TaxonomyInfo describes a way of grouping pages by free words: each word
// gets a page listing the pages that carry it.
type TaxonomyInfo struct {
	Field string // the front matter field: tags
	Name  string // the index page's title: Avainsanat
	One   string // what one term is called: avainsana
	URL   string // the index page: /avainsanat/; a term's page is under it
}

// Taxonomies lists the taxonomies in the order pages show them.
var Taxonomies = []TaxonomyInfo{
	{"tags", "Avainsanat", "avainsana", "/avainsanat/"},
	{"themes", "Teemat", "teema", "/teemat/"},
}

// RefField is a front matter field that names other pages.
type RefField struct {
	Kind  Kind   // the kind whose pages have the field; "" for every kind
	Field string // as written; a field of the event block as event.organizer
	// Target is the kind of page the field names; "" for related, whose
	// values name any page as folder/name.
	Target Kind
	// Back is where the named page lists the pages that name it.
	Back func(*Backrefs) *[]*Page
	// Self is the message when a page names itself ("" when its kind
	// cannot be the target's anyway).
	Self string
	at   func(*Page) any // the field: **Ref, *[]*Ref, *RefOrText or *[]RefOrText; nil when absent
}

// RefFields lists every reference field, in the order resolve checks them
// and the dev server follows them.
var RefFields = []RefField{
	{"", "contacts", KindPerson, func(b *Backrefs) *[]*Page { return &b.ContactFor }, "", func(p *Page) any { return &p.Contacts }},
	{"", "related", "", func(b *Backrefs) *[]*Page { return &b.Related }, "a page cannot be related to itself", func(p *Page) any { return &p.Related }},
	{KindNetwork, "coordinator", KindOrganization, func(b *Backrefs) *[]*Page { return &b.Coordinates }, "", func(p *Page) any { return &p.Network.Coordinator }},
	{KindNetwork, "organizers", KindOrganization, func(b *Backrefs) *[]*Page { return &b.Organizes }, "", func(p *Page) any { return &p.Network.Organizers }},
	{KindNetwork, "chair", KindPerson, func(b *Backrefs) *[]*Page { return &b.Chairs }, "", func(p *Page) any { return &p.Network.Chair }},
	{KindNetwork, "members", KindMunicipality, func(b *Backrefs) *[]*Page { return &b.MemberOf }, "", func(p *Page) any { return &p.Network.Members }},
	{KindNetwork, "parent", KindNetwork, func(b *Backrefs) *[]*Page { return &b.Children }, "a network cannot be its own parent", func(p *Page) any { return &p.Network.Parent }},
	{KindProject, "administrator", KindOrganization, func(b *Backrefs) *[]*Page { return &b.Administers }, "", func(p *Page) any { return &p.Project.Administrator }},
	{KindProject, "funders", KindOrganization, func(b *Backrefs) *[]*Page { return &b.Funds }, "", func(p *Page) any { return &p.Project.Funders }},
	{KindProject, "partners", KindOrganization, func(b *Backrefs) *[]*Page { return &b.PartnerIn }, "", func(p *Page) any { return &p.Project.Partners }},
	{KindProject, "municipalities", KindMunicipality, func(b *Backrefs) *[]*Page { return &b.ProjectsIn }, "", func(p *Page) any { return &p.Project.Municipalities }},
	{KindStrategy, "owner", KindOrganization, func(b *Backrefs) *[]*Page { return &b.Owns }, "", func(p *Page) any { return &p.Strategy.Owner }},
	{KindStrategy, "steering", KindNetwork, func(b *Backrefs) *[]*Page { return &b.Steers }, "", func(p *Page) any { return &p.Strategy.Steering }},
	{KindNews, "author", KindPerson, func(b *Backrefs) *[]*Page { return &b.Authored }, "", func(p *Page) any { return &p.News.Author }},
	{KindNews, "event.organizer", KindOrganization, func(b *Backrefs) *[]*Page { return &b.Organizes }, "", func(p *Page) any {
		if p.News.Event == nil {
			return nil
		}
		return &p.News.Event.Organizers
	}},
	{KindPerson, "organization", KindOrganization, func(b *Backrefs) *[]*Page { return &b.Staff }, "", func(p *Page) any { return &p.Person.Organization }},
}

// Has reports whether pages of kind k have the field.
func (f *RefField) Has(k Kind) bool { return f.Kind == "" || f.Kind == k }

// Refs returns p's references in the field, in order (none when p's kind
// does not have it). The values of a field that takes text too are the
// references among them.
func (f *RefField) Refs(p *Page) []*Ref {
	if !f.Has(p.Kind) || !p.hasPart() {
		return nil
	}
	switch v := f.at(p).(type) {
	case **Ref:
		if *v != nil {
			return []*Ref{*v}
		}
	case *[]*Ref:
		return *v
	case *RefOrText:
		if v.Ref != nil {
			return []*Ref{v.Ref}
		}
	case *[]RefOrText:
		var out []*Ref
		for _, r := range *v {
			if r.Ref != nil {
				out = append(out, r.Ref)
			}
		}
		return out
	}
	return nil
}

// Slot returns a pointer to p's field, for the decoder to fill: a **Ref,
// *[]*Ref, *RefOrText or *[]RefOrText; nil when p has no such field (an
// event field of a news item without an event, say).
func (f *RefField) Slot(p *Page) any {
	if !f.Has(p.Kind) || !p.hasPart() {
		return nil
	}
	return f.at(p)
}

// hasPart reports whether p's kind-specific part is set, as load sets it.
func (p *Page) hasPart() bool {
	switch p.Kind {
	case KindNetwork:
		return p.Network != nil
	case KindProject:
		return p.Project != nil
	case KindStrategy:
		return p.Strategy != nil
	case KindNews:
		return p.News != nil
	case KindPerson:
		return p.Person != nil
	case KindOrganization:
		return p.Organization != nil
	case KindMunicipality:
		return p.Municipality != nil
	}
	return true
}

// BackLists returns every list of b, once each, in the order of
// RefFields.
func (b *Backrefs) BackLists() []*[]*Page {
	var out []*[]*Page
	for i := range RefFields {
		l := RefFields[i].Back(b)
		seen := false
		for _, o := range out {
			seen = seen || o == l
		}
		if !seen {
			out = append(out, l)
		}
	}
	return out
}

// Clone returns a copy of p that resolving may change without changing p:
// its kind's part and every reference are copied; the texts and lists it
// shares are never changed by any stage. A session keeps each page as
// load decoded it and resolves copies, so that no page outlives a build.
func (p *Page) Clone() *Page {
	c := *p
	c.Network, c.Project, c.Strategy = copyOf(p.Network), copyOf(p.Project), copyOf(p.Strategy)
	c.News, c.Person = copyOf(p.News), copyOf(p.Person)
	c.Organization, c.Municipality = copyOf(p.Organization), copyOf(p.Municipality)
	if c.News != nil {
		c.News.Event = copyOf(c.News.Event)
	}
	for i := range RefFields {
		switch slot := RefFields[i].Slot(&c).(type) {
		case **Ref:
			*slot = copyOf(*slot)
		case *[]*Ref:
			refs := slices.Clone(*slot)
			for k, r := range refs {
				refs[k] = copyOf(r)
			}
			*slot = refs
		case *RefOrText:
			slot.Ref = copyOf(slot.Ref)
		case *[]RefOrText:
			refs := slices.Clone(*slot)
			for k := range refs {
				refs[k].Ref = copyOf(refs[k].Ref)
			}
			*slot = refs
		}
	}
	return &c
}

// copyOf returns a shallow copy of *v, or nil for nil.
func copyOf[T any](v *T) *T {
	if v == nil {
		return nil
	}
	c := *v
	return &c
}
