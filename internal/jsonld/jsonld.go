// Package jsonld owns the JSON-LD of a page: the schema.org description
// that search engines read from its <script type="application/ld+json">.
// It is a pure function of the site and one page (Describer.JSON): the
// same site and page give the same bytes, and nothing is read but them.
//
// Package render calls it from the template function jsonld, with what a
// layout's View says of the page; it needs nothing else of render.
//
// The JSON is written straight into a reused buffer (writer.go), with the
// members of each object in the order of their keys and strings escaped
// as encoding/json would write them; tests hold it to encoding/json.
package jsonld

import (
	"cmp"
	"strings"
	"sync"
	"time"

	"seutu/internal/fi"
	"seutu/internal/lang"
	"seutu/internal/model"
)

// Page is what the description of one output page needs to know of it.
type Page struct {
	URL      string      // site-relative: /verkostot/x/; "/" is the home page
	Title    string      // its h1, the last breadcrumb's name
	Summary  string      // its meta description
	Content  *model.Page // the content page, or nil for the home page and derived pages
	NotFound bool        // the 404 page, which describes nothing but its breadcrumbs
	Crumbs   []Crumb     // from the home page down to the parent of this page
}

// Crumb is one step of a breadcrumb trail.
type Crumb struct {
	Title string
	URL   string // site-relative
}

// JSON returns the schema.org description of a page for search engines,
// as one @graph: the publishing Organization and the WebSite on the home
// page; NewsArticle (and Event), Person or Organization for content pages
// of those kinds, WebPage for the rest and CollectionPage for the lists; a
// BreadcrumbList wherever there are breadcrumbs. The 404 page has none of
// these, and gets "" when it has no breadcrumbs either. Strings are escaped
// as encoding/json escapes them, <, > and & included, so the result is
// safe inside a <script> element.
func (ld *Describer) JSON(p Page) string {
	home := p.URL == "/"
	if !home && p.Content == nil && p.NotFound && len(p.Crumbs) == 0 {
		return ""
	}
	w := writers.Get().(*writer)
	defer writers.Put(w)
	w.reset()
	w.object("")
	w.str("@context", "https://schema.org")
	w.array("@graph")
	switch {
	case home:
		ld.writePublisher(w, "")
		w.object("")
		w.str("@type", "WebSite")
		w.str("description", ld.site.Config.Description)
		w.str("inLanguage", ld.lang)
		w.str("name", ld.site.Config.Title)
		w.object("publisher")
		w.str("@id", ld.base+"/#julkaisija")
		w.end()
		w.str("url", ld.base+"/")
		w.end()
	case p.Content != nil:
		ld.page(w, p.Content)
	case !p.NotFound:
		w.object("")
		w.str("@type", "CollectionPage")
		w.str("description", p.Summary)
		w.str("inLanguage", ld.lang)
		w.str("name", p.Title)
		w.str("url", ld.base+p.URL)
		w.end()
	}
	if len(p.Crumbs) > 0 {
		w.object("")
		w.str("@type", "BreadcrumbList")
		w.array("itemListElement")
		for i, c := range p.Crumbs {
			ld.crumb(w, i+1, c.Title, c.URL)
		}
		ld.crumb(w, len(p.Crumbs)+1, p.Title, p.URL)
		w.end()
		w.end()
	}
	w.end()
	w.end()
	return string(w.b)
}

func (ld *Describer) crumb(w *writer, position int, title, url string) {
	w.object("")
	w.str("@type", "ListItem")
	w.str("item", ld.base+url)
	w.str("name", title)
	w.int("position", position)
	w.end()
}

// writers are reused: only the result, copied out at its final size, is
// allocated for each page.
var writers = sync.Pool{New: func() any { return &writer{b: make([]byte, 0, 4096)} }}

// Describer describes the pages of one site. It is safe for concurrent
// use.
type Describer struct {
	site      *model.Site
	base      string // the base URL without its final slash
	lang      string // inLanguage: the site's language's code
	publisher []byte // writePublisher's object, written once: every news item names it
}

// New returns the Describer of site's pages.
func New(site *model.Site) *Describer {
	ld := &Describer{site: site, base: strings.TrimSuffix(site.Config.BaseURL, "/"), lang: lang.Or(site.Lang).Code}
	w := &writer{}
	ld.writePublisher(w, "")
	ld.publisher = w.b
	return ld
}

// writePublisher writes the organisation behind the site, from
// site.toml's contact, as the member key or an item of an array.
func (ld *Describer) writePublisher(w *writer, key string) {
	if ld.publisher != nil {
		w.raw(key, ld.publisher)
		return
	}
	c := ld.site.Config.Contact
	w.object(key)
	w.str("@id", ld.base+"/#julkaisija")
	w.str("@type", "Organization")
	w.strIf("address", c.Address)
	w.strIf("email", c.Email)
	w.str("name", cmp.Or(c.Name, ld.site.Config.Title))
	w.strIf("telephone", c.Phone)
	w.str("url", cmp.Or(c.Website, ld.base+"/"))
	w.end()
}

// page describes a content page. Each object's members are written in the
// order of their keys.
func (ld *Describer) page(w *writer, p *model.Page) {
	url := ld.base + p.URL
	switch {
	case p.News != nil:
		w.object("")
		w.str("@type", "NewsArticle")
		ld.author(w, p)
		if !p.Updated.Before(p.News.Date.Ends()) {
			w.str("dateModified", ldDate(p.Updated))
		}
		w.str("datePublished", p.News.Date.ISO())
		w.strIf("description", p.Summary)
		w.str("headline", p.Title)
		w.str("inLanguage", ld.lang)
		w.str("mainEntityOfPage", url)
		ld.writePublisher(w, "publisher")
		w.str("url", url)
		w.end()
		if e := p.News.Event; e != nil {
			ld.event(w, p, e)
		}
	case p.Person != nil:
		w.object("")
		w.str("@type", "Person")
		w.strIf("email", p.Person.Email)
		w.strIf("jobTitle", p.Person.Role)
		w.str("name", p.Title)
		w.strIf("telephone", p.Person.Phone)
		w.str("url", url)
		if o := p.Person.Organization; o != nil && o.Target != nil {
			w.object("worksFor")
			ld.namedThing(w, "Organization", o.Target)
			w.end()
		}
		w.end()
	case p.Organization != nil:
		w.object("")
		w.str("@type", "Organization")
		w.strIf("alternateName", p.Organization.Short)
		w.strIf("description", p.Summary)
		w.str("name", p.Title)
		w.strIf("sameAs", p.Organization.Website)
		w.str("url", url)
		w.end()
	default:
		w.object("")
		w.str("@type", "WebPage")
		if !p.Updated.IsZero() {
			w.str("dateModified", ldDate(p.Updated))
		}
		w.strIf("description", p.Summary)
		w.str("inLanguage", ld.lang)
		w.str("name", p.Title)
		w.str("url", url)
		w.end()
	}
}

// namedThing writes the members of a page named as a Person or an
// Organization: its type, name and URL.
func (ld *Describer) namedThing(w *writer, typ string, p *model.Page) {
	w.str("@type", typ)
	w.str("name", p.Title)
	w.str("url", ld.base+p.URL)
}

// author writes a news item's author: a person, or the publisher.
func (ld *Describer) author(w *writer, p *model.Page) {
	a := p.News.Author
	switch {
	case a.Ref != nil && a.Ref.Target != nil:
		w.object("author")
		ld.namedThing(w, "Person", a.Ref.Target)
		w.end()
	case a.Text != "":
		w.object("author")
		w.str("@type", "Person")
		w.str("name", a.Text)
		w.end()
	default:
		ld.writePublisher(w, "author")
	}
}

// event describes an event: times with their offset (whole days as
// dates), where it happens (Place, VirtualLocation or both) and who
// arranges it.
func (ld *Describer) event(w *writer, p *model.Page, e *model.Event) {
	when := func(m model.Moment) string {
		switch {
		case m.Month:
			return m.Format("2006-01") // only the month is known
		case e.WholeDays():
			return ldDate(m.Time)
		}
		return m.In(fi.Helsinki).Format(time.RFC3339)
	}
	place := e.Location != "" || e.Address != ""
	online := e.Online || e.OnlineURL != ""
	mode := "https://schema.org/OfflineEventAttendanceMode"
	switch {
	case online && place:
		mode = "https://schema.org/MixedEventAttendanceMode"
	case online:
		mode = "https://schema.org/OnlineEventAttendanceMode"
	}
	w.object("")
	w.str("@type", "Event")
	w.strIf("description", p.Summary)
	if !e.End.IsZero() {
		w.str("endDate", when(e.End))
	}
	w.str("eventAttendanceMode", mode)
	w.str("eventStatus", "https://schema.org/EventScheduled")
	switch {
	case place && online:
		w.array("location")
		ld.place(w, "", e)
		ld.virtualLocation(w, "", p, e)
		w.end()
	case place:
		ld.place(w, "location", e)
	case online:
		ld.virtualLocation(w, "location", p, e)
	default:
		w.object("location")
		w.str("@type", "Place")
		w.object("address")
		w.str("@type", "PostalAddress")
		w.str("addressCountry", "FI")
		w.str("addressRegion", "Keski-Suomi")
		w.end()
		w.str("name", "Keski-Suomi")
		w.end()
	}
	w.str("name", p.Title)
	if hasTarget(e.Organizers) {
		w.array("organizer")
		for _, o := range e.Organizers {
			if o.Target != nil {
				w.object("")
				ld.namedThing(w, "Organization", o.Target)
				w.end()
			}
		}
		w.end()
	}
	w.str("startDate", when(e.Start))
	w.str("url", ld.base+p.URL)
	w.end()
}

// place writes where an event is: its address when it has one, else the
// locality it names.
func (ld *Describer) place(w *writer, key string, e *model.Event) {
	w.object(key)
	w.str("@type", "Place")
	w.object("address")
	w.str("@type", "PostalAddress")
	w.str("addressCountry", "FI")
	if e.Address == "" {
		w.str("addressLocality", e.Location)
	} else {
		w.str("streetAddress", e.Address)
	}
	w.end()
	w.str("name", cmp.Or(e.Location, e.Address))
	w.end()
}

func (ld *Describer) virtualLocation(w *writer, key string, p *model.Page, e *model.Event) {
	w.object(key)
	w.str("@type", "VirtualLocation")
	w.str("url", cmp.Or(e.OnlineURL, ld.base+p.URL))
	w.end()
}

func hasTarget(refs []*model.Ref) bool {
	for _, r := range refs {
		if r.Target != nil {
			return true
		}
	}
	return false
}

func ldDate(t time.Time) string { return t.In(fi.Helsinki).Format("2006-01-02") }
