// Package model is the typed content model: one struct per kind of page
// (network, project, strategy, news, person, organization, municipality and
// plain page), the references between them, and the Site that holds them
// once resolved. It only describes; load fills it, resolve links it, render
// reads it.
package model

import (
	"strconv"
	"time"

	"seutu/internal/config"
	"seutu/internal/diag"
	"seutu/internal/lang"
)

// Kind is what a page is; the folder under content/ decides it.
type Kind string

const (
	KindNetwork      Kind = "network"
	KindProject      Kind = "project"
	KindStrategy     Kind = "strategy"
	KindNews         Kind = "news"
	KindPerson       Kind = "person"
	KindOrganization Kind = "organization"
	KindMunicipality Kind = "municipality"
	KindPage         Kind = "page"
)

// Placeholder begins every text that `seutu new` writes for the editor to
// replace ("Kirjoita tähän …"). Load refuses it in a page that is not a
// draft, so that a skeleton left untouched is never published.
const Placeholder = "Kirjoita tähän"

// Moment is a point in time that may stand for a whole day, or for a
// month when the sources say no more ("huhtikuussa 2018").
type Moment struct {
	time.Time
	DateOnly bool // written as a date or a month: whole days, no clock
	Month    bool // written as a month: the day is not known
}

// Ends returns the first instant after what m stands for: m itself when
// it has a clock time, else the midnight after its day or its month.
func (m Moment) Ends() time.Time {
	switch {
	case m.Month:
		return m.AddDate(0, 1, 0)
	case m.DateOnly:
		return m.AddDate(0, 0, 1)
	}
	return m.Time
}

// Precision says how much of a PartialDate is known.
type Precision int

const (
	Day Precision = iota
	Month
	Year
)

// PartialDate is a date of which perhaps only the month or the year is
// known (a strategy "adopted in January 2011"), or only a span of months
// ("tammi–helmikuu 2018", written 2018-01/2018-02).
type PartialDate struct {
	time.Time // the first day of what is known, in Helsinki
	Precision Precision
	Through   time.Time // a span's last month (its first day); zero when not a span
}

// Rough reports whether the day is not known.
func (d PartialDate) Rough() bool { return d.Precision != Day && !d.IsZero() }

// ISO writes d as precisely as it is known, in a form that HTML's
// datetime attribute and schema.org's Date both accept: 2011-01-24,
// 2011-01 or 2011; a span gives its first month.
func (d PartialDate) ISO() string {
	switch d.Precision {
	case Month:
		return d.Format("2006-01")
	case Year:
		return d.Format("2006")
	}
	return d.Format("2006-01-02")
}

// Ends returns the first instant after what d stands for: the midnight
// after its day, month, year or span.
func (d PartialDate) Ends() time.Time {
	switch {
	case !d.Through.IsZero():
		return d.Through.AddDate(0, 1, 0)
	case d.Precision == Month:
		return d.AddDate(0, 1, 0)
	case d.Precision == Year:
		return d.AddDate(1, 0, 0)
	}
	return d.AddDate(0, 0, 1)
}

// Page is one content file.
type Page struct {
	Kind    Kind
	File    string // slash path from the site folder: content/verkostot/x.md
	Section string // first folder under content/, "" for content/*.md
	Key     string // the file's name without .md (and without a translation's language): what references use
	Lang    string // a translation's language code (verkostot/x.sv.md: sv); "" for a page in the default language
	Slug    string // last URL segment: the slug field, or the file name
	URL     string // site-relative, with slashes at both ends: /verkostot/x/

	Title    string
	Summary  string
	Draft    bool
	Tags     []string
	Themes   []string
	Contacts []*Ref
	Related  []*Ref // written as section/key
	Aliases  []string
	Updated  time.Time // when the content last changed
	Checked  time.Time // when someone last checked the facts against their sources; zero when nobody has said
	Layout   string    // overrides the kind's layout: layouts/<Layout>.html
	Weight   int       // orders plain pages and menus; lower first

	// Pos holds the position of each front matter field by name, for
	// checks that run after loading.
	Pos Positions

	// Exactly one of these is set, by Kind (none for KindPage).
	Network      *Network
	Project      *Project
	Strategy     *Strategy
	News         *News
	Person       *Person
	Organization *Organization
	Municipality *Municipality

	Back Backrefs // filled by resolve

	// Versions are the page in every language it is published in, the
	// default first, itself among them (the same slice in each); nil when
	// it is in one language only. Filled by resolve.
	Versions []*Page

	// TagTerms and ThemeTerms are the pages of p's tags and themes, in
	// Finnish order; filled by resolve.
	TagTerms   []*Term
	ThemeTerms []*Term
}

// Ref is a reference to another page, as written and as resolved.
type Ref struct {
	Key    string // as written: kirsi-mukkala, or verkostot/x for related
	Pos    diag.Pos
	Target *Page // nil until resolved, or when it did not resolve
}

// RefOrText is a value that may name a page or be plain text: a value that
// looks like a key (lowercase letters, digits and hyphens) must resolve to a
// page; anything else ("STEA, Järjestö 2.0 -ohjelma") is shown as written.
type RefOrText struct {
	Ref  *Ref   // set when the value is a reference
	Text string // set when the value is text
}

// Network is a standing network or working group.
type Network struct {
	Category        string // controlled: site.toml network_categories
	Scope           string // seudullinen, maakunnallinen or valtakunnallinen
	Coordinator     *Ref   // organization
	Organizers      []*Ref // organizations
	Chair           *Ref   // person
	ChairTitle      string // the chair's role in this network if not their own, e.g. "Hankasalmen kunnanjohtaja"
	Members         []*Ref // municipalities
	Participants    []string
	Cadence         string  // how often it meets, in words
	MeetingsPerYear float64 // 0 when not given
	Founded         int     // year, 0 when not given
	Website         string
	Parent          *Ref // network
}

// Project is a project or a report.
type Project struct {
	Type           string // hanke or selvitys
	Status         string // suunnitteilla, käynnissä or päättynyt; derived from dates when not given
	StatusDerived  bool
	Start, End     PartialDate
	Administrator  *Ref // organization
	Funders        []RefOrText
	Partners       []*Ref // organizations
	Municipalities []*Ref // participating municipalities
	Budget         int    // euros, 0 when not given
	Website        string
}

// Strategy is a strategy or programme.
type Strategy struct {
	Adopted    PartialDate
	Revised    []PartialDate
	Period     string
	Owner      *Ref // organization
	Steering   RefOrText
	Status     string // voimassa, päivitettävänä or päättynyt
	FocusAreas []string
	Documents  []Document
	Website    string
}

// Document is a link to a strategy's document.
type Document struct {
	Title string
	URL   string
}

// News is a news item, blog post or announcement; with an Event it is also
// an event.
type News struct {
	Date     PartialDate // a day, or only a month, year or span when the sources say no more
	Category string      // controlled: site.toml news_categories
	Author   RefOrText
	Event    *Event
}

// Event is the event block of a news item.
type Event struct {
	Start                Moment
	End                  Moment // zero when not given
	AllDay               bool
	Location             string
	Address              string
	Online               bool
	OnlineURL            string
	Registration         string // URL or instructions
	RegistrationDeadline Moment
	Organizers           []*Ref // organizations: "organizer" takes one or a list
}

// Person is a contact person; the page's Title is the name.
type Person struct {
	Role         string
	Organization *Ref
	Phone        string
	Email        string
	Image        string
	Areas        []string // areas of responsibility
}

// Organization coordinates, funds or takes part.
type Organization struct {
	Short   string
	Type    string // controlled: site.toml organization_types
	Website string
}

// Municipality is a municipality or town of the region.
type Municipality struct {
	Type           string // kaupunki or kunta
	Population     int
	PopulationYear int
	Subregion      string
	Website        string
}

// Backrefs are the links that point at a page, derived by resolve and
// sorted; they are never typed twice by editors.
type Backrefs struct {
	Chairs      []*Page // person: networks they chair
	ContactFor  []*Page // person: pages that name them as a contact
	Authored    []*Page // person: news they wrote
	Staff       []*Page // organization: people who work there
	Coordinates []*Page // organization: networks it coordinates
	Organizes   []*Page // organization: networks it organises, events it arranges
	Administers []*Page // organization: projects it administers
	Funds       []*Page // organization: projects it funds
	PartnerIn   []*Page // organization: projects it is a partner in
	Owns        []*Page // organization: strategies it owns
	MemberOf    []*Page // municipality: networks it belongs to
	ProjectsIn  []*Page // municipality: projects it takes part in
	Children    []*Page // network: its sub-groups
	Steers      []*Page // network: strategies it steers
	Related     []*Page // any: pages that list this one as related
}

// Section is a folder under content/ with its list page.
type Section struct {
	Name    string // folder name: verkostot
	Lang    string // the language of its _index.<lang>.md; "" for the default language
	Kind    Kind
	Title   string // from _index.md, or a default by kind
	Summary string
	URL     string
	Layout  string
	File    string  // _index.md's path, "" when there is none
	Pages   []*Page // published pages, in the section's reading order
	Groups  []Group // Pages under headings: networks by category, projects by status, news by year, …
}

// Group is a run of a section's pages under one heading. A section that is
// not grouped has one group with no title.
type Group struct {
	Title string
	URL   string // the group's own page, when it has one (a network category)
	Pages []*Page
}

// List is a derived page that lists other pages: a section's list page (or
// one page of it), a year's or a category's archive, the event listing.
// Resolve decides which lists exist; render gives each its layout.
type List struct {
	Layout  string // section, list or events
	URL     string
	Key     string // what it lists where its URL is in its language's words: a network category's value as written
	Title   string
	Summary string
	Section *Section // the section it belongs to; nil for /tapahtumat/
	Groups  []Group  // the pages, under headings
	Past    []Group  // events: past events by year, newest first
	Archive []Link   // years with a page of their own (news, past events)
	Topics  []Link   // news categories with a page of their own
	Filters []Filter // the network directory's filters
	Pager   *Pager   // nil when the list fits on one page
}

// Filter is one way to narrow the network directory: a URL query parameter
// and the values a reader can choose.
type Filter struct {
	Param   string // query parameter and data attribute: luokka, laajuus, koordinoija, kunta
	Label   string // Luokka
	All     string // the choice that filters nothing: Kaikki luokat
	Options []Link // Title shown, URL holds the value
}

// Link is a titled URL.
type Link struct {
	Title string
	URL   string
}

// Pager numbers the pages of a long list.
type Pager struct {
	Page  int      // this page, from 1
	URLs  []string // every page, in order
	Prev  string   // "" on the first page
	Next  string   // "" on the last page
	Total int      // items on all pages
}

// Part is one page of a list cut into pages: the items From to To, at URL.
type Part struct {
	URL      string
	From, To int
	Pager    *Pager // nil when the list fits on one page
}

// Paginate cuts a list of n items at url into pages of per items: the
// first page at url, the others at url + "sivu/2/", "sivu/3/", … A list
// with no items still has its one (empty) page.
func Paginate(url string, n, per int) []Part {
	per = max(1, per)
	count := max(1, (n+per-1)/per)
	urls := make([]string, count)
	for i := range urls {
		urls[i] = url
		if i > 0 {
			urls[i] = url + "sivu/" + strconv.Itoa(i+1) + "/"
		}
	}
	parts := make([]Part, count)
	for i := range parts {
		parts[i] = Part{URL: urls[i], From: min(i*per, n), To: min((i+1)*per, n)}
		if count == 1 {
			continue
		}
		pg := &Pager{Page: i + 1, URLs: urls, Total: n}
		if i > 0 {
			pg.Prev = urls[i-1]
		}
		if i < count-1 {
			pg.Next = urls[i+1]
		}
		parts[i].Pager = pg
	}
	return parts
}

// Title is the title of this page of a list titled title, in language l:
// the title itself on the first page, "title, sivu 2" on the second, and
// so on.
func (p Part) Title(title string, l *lang.Lang) string {
	if p.Pager == nil || p.Pager.Page == 1 {
		return title
	}
	return l.TextF("%s, sivu %d", title, p.Pager.Page)
}

// PagerItem is one entry of a pager's numbered links; Gap stands for the
// numbers left out between two entries.
type PagerItem struct {
	Number int
	URL    string
	Gap    bool
}

// Window returns the numbered links a pager shows: the first and the last
// page and two either side of this one, with gaps for the rest. A list of
// hundreds of pages keeps a short pager, and every page stays a few steps
// away.
func (p *Pager) Window() []PagerItem {
	const around = 2
	var out []PagerItem
	add := func(n int) {
		if n < 1 || n > len(p.URLs) || len(out) > 0 && out[len(out)-1].Number >= n {
			return
		}
		switch last := len(out) - 1; {
		case last >= 0 && out[last].Number == n-2: // a gap of one page: the page itself
			out = append(out, PagerItem{Number: n - 1, URL: p.URLs[n-2]})
		case last >= 0 && out[last].Number < n-2:
			out = append(out, PagerItem{Number: n - 1, Gap: true})
		}
		out = append(out, PagerItem{Number: n, URL: p.URLs[n-1]})
	}
	add(1)
	for n := p.Page - around; n <= p.Page+around; n++ {
		add(n)
	}
	add(len(p.URLs))
	return out
}

// Term is a tag or a theme with the pages that carry it.
type Term struct {
	Name  string
	Slug  string
	URL   string
	Pages []*Page // newest news first, then the rest by title
	Parts []Part  // its page and the later pages of a long list, by resolve
}

// Source is a Markdown body as load read it.
type Source struct {
	Text []byte // the file after the front matter
	Line int    // the file's line number of Text's first line
}

// Content is the site as load read it, for resolve to link.
type Content struct {
	Config   *config.Config
	Pages    []*Page    // every page, drafts included, in file order
	Sections []*Section // one per folder holding pages or an _index.md
	Home     *Section   // content/_index.md, nil when there is none
	// Bodies holds the Markdown of every page and _index.md, by file.
	// Pages do not carry it: a body is converted apart from the site, and
	// an edit of a body alone needs no new site.
	Bodies map[string]Source
	// Unread holds the content files that exist but gave no page or
	// section: too large, binary, not UTF-8, empty, or without front
	// matter that parses. Each has its own error; a reference to one is
	// not to a missing file. Nil when there are none.
	Unread map[string]bool

	// Translations are the pages of translation files (x.sv.md) as
	// decoded: their texts alone, Key the original's, Lang set; model.
	// Translate makes the page of each language from them.
	// SectionTranslations are the _index.<lang>.md files, home's included
	// (Name "").
	Translations        []*Page
	SectionTranslations []*Section
}

// Site is the resolved site in one language: every published page,
// linked. A site in several languages is one Site per language; the
// default language's holds the others in Languages.
type Site struct {
	Config *config.Config // as this language shows it (config.Config.In)
	Lang   *lang.Lang
	Prefix string // the language's path before every URL: "" for the default language, "/sv"
	// Languages are the sites of every language, the default first, when
	// the site has more than one (the same slice in each); else nil.
	Languages []*Site
	Now       time.Time // build time: SOURCE_DATE_EPOCH, -now or the clock
	Pages     []*Page   // published pages, sorted by URL
	Sections  []*Section
	Tags      []*Term
	Themes    []*Term
	News      []*Page  // newest first
	Events    []*Page  // news with an event, by start time
	Lists     []*List  // every derived list page, by URL
	Home      *Section // content/_index.md as the home page's intro, if any

	byKey map[Kind]map[string]*Page
}
