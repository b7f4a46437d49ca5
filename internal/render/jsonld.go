package render

import (
	"cmp"
	"html/template"
	"strings"
	"sync"
	"time"

	"seutu/internal/fi"
	"seutu/internal/model"
)

// jsonLD is the schema.org description of a page for search engines, as
// one @graph: the publishing Organization and the WebSite on the home
// page; NewsArticle (and Event), Person or Organization for content pages
// of those kinds, WebPage for the rest; a BreadcrumbList wherever there
// are breadcrumbs. Strings are escaped as encoding/json escapes them, <, >
// and & included, so the result is safe inside a <script> element.
func (ld *ldBuilder) jsonLD(v *View) template.JS {
	site, base := ld.site, ld.base
	var graph []ldObject
	switch {
	case v.IsHome():
		graph = append(graph, ld.publisherObject(), ldObject{
			{"@type", "WebSite"}, {"name", site.Config.Title}, {"url", base + "/"}, {"inLanguage", "fi"},
			{"description", site.Config.Description}, {"publisher", ldObject{{"@id", base + "/#julkaisija"}}},
		})
	case v.Page != nil:
		graph = append(graph, ld.page(v.Page)...)
	case v.Layout != "404":
		graph = append(graph, ldObject{{"@type", "CollectionPage"}, {"name", v.Title}, {"url", base + v.URL}, {"description", v.Summary}, {"inLanguage", "fi"}})
	}
	if len(v.Crumbs) > 0 {
		items := make([]ldObject, 0, len(v.Crumbs)+1)
		for i, c := range v.Crumbs {
			items = append(items, ldObject{{"@type", "ListItem"}, {"position", i + 1}, {"name", c.Title}, {"item", base + c.URL}})
		}
		items = append(items, ldObject{{"@type", "ListItem"}, {"position", len(v.Crumbs) + 1}, {"name", v.Title}, {"item", base + v.URL}})
		graph = append(graph, ldObject{{"@type", "BreadcrumbList"}, {"itemListElement", items}})
	}
	if len(graph) == 0 {
		return ""
	}
	buf := ldBuffers.Get().(*[]byte)
	defer ldBuffers.Put(buf)
	*buf = ldObject{{"@context", "https://schema.org"}, {"@graph", graph}}.appendJSON((*buf)[:0])
	return template.JS(*buf) // #nosec: JSON, with <, > and & escaped (appendJSONString)
}

// ldBuffers are where jsonLD encodes, reused: only the result, copied out
// at its final size, is allocated for each page.
var ldBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// ldBuilder describes the pages of one site.
type ldBuilder struct {
	site      *model.Site
	base      string // the base URL without its final slash
	publisher ldJSON // publisherObject, encoded once: every news item names it
}

func newLDBuilder(site *model.Site) *ldBuilder {
	ld := &ldBuilder{site: site, base: strings.TrimSuffix(site.Config.BaseURL, "/")}
	ld.publisher = ldJSON(ld.publisherObject().appendJSON(nil))
	return ld
}

// publisherObject is the organisation behind the site, from site.toml's
// contact.
func (ld *ldBuilder) publisherObject() ldObject {
	c := ld.site.Config.Contact
	org := ldObject{{"@type", "Organization"}, {"@id", ld.base + "/#julkaisija"}, {"name", cmp.Or(c.Name, ld.site.Config.Title)}, {"url", cmp.Or(c.Website, ld.base+"/")}}
	return org.setIf("telephone", c.Phone).setIf("email", c.Email).setIf("address", c.Address)
}

func (ld *ldBuilder) page(p *model.Page) []ldObject {
	url := ld.base + p.URL
	switch {
	case p.News != nil:
		article := ldObject{
			{"@type", "NewsArticle"}, {"headline", p.Title}, {"url", url}, {"mainEntityOfPage", url}, {"inLanguage", "fi"},
			{"datePublished", ldDate(p.News.Date)}, {"publisher", ld.publisher}, {"author", ld.author(p)},
		}
		article = article.setIf("description", p.Summary)
		if p.Updated.After(p.News.Date) {
			article = append(article, ldMember{"dateModified", ldDate(p.Updated)})
		}
		out := []ldObject{article}
		if e := p.News.Event; e != nil {
			out = append(out, ld.event(p, e))
		}
		return out
	case p.Person != nil:
		person := ldObject{{"@type", "Person"}, {"name", p.Title}, {"url", url}}
		person = person.setIf("jobTitle", p.Person.Role).setIf("telephone", p.Person.Phone).setIf("email", p.Person.Email)
		if o := p.Person.Organization; o != nil && o.Target != nil {
			person = append(person, ldMember{"worksFor", ldObject{{"@type", "Organization"}, {"name", o.Target.Title}, {"url", ld.base + o.Target.URL}}})
		}
		return []ldObject{person}
	case p.Organization != nil:
		org := ldObject{{"@type", "Organization"}, {"name", p.Title}, {"url", url}}
		org = org.setIf("alternateName", p.Organization.Short).setIf("description", p.Summary).setIf("sameAs", p.Organization.Website)
		return []ldObject{org}
	}
	page := ldObject{{"@type", "WebPage"}, {"name", p.Title}, {"url", url}, {"inLanguage", "fi"}}
	page = page.setIf("description", p.Summary)
	if !p.Updated.IsZero() {
		page = append(page, ldMember{"dateModified", ldDate(p.Updated)})
	}
	return []ldObject{page}
}

// author is an ldObject, or the publisher.
func (ld *ldBuilder) author(p *model.Page) any {
	a := p.News.Author
	switch {
	case a.Ref != nil && a.Ref.Target != nil:
		return ldObject{{"@type", "Person"}, {"name", a.Ref.Target.Title}, {"url", ld.base + a.Ref.Target.URL}}
	case a.Text != "":
		return ldObject{{"@type", "Person"}, {"name", a.Text}}
	}
	return ld.publisher
}

// event describes an event: times with their offset (whole days as
// dates), where it happens (Place, VirtualLocation or both) and who
// arranges it.
func (ld *ldBuilder) event(p *model.Page, e *model.Event) ldObject {
	ev := ldObject{
		{"@type", "Event"}, {"name", p.Title}, {"url", ld.base + p.URL},
		{"eventStatus", "https://schema.org/EventScheduled"},
	}
	ev = ev.setIf("description", p.Summary)
	when := func(t time.Time) string {
		if e.WholeDays() {
			return ldDate(t)
		}
		return t.In(fi.Helsinki).Format(time.RFC3339)
	}
	ev = append(ev, ldMember{"startDate", when(e.Start.Time)})
	if !e.End.IsZero() {
		ev = append(ev, ldMember{"endDate", when(e.End.Time)})
	}
	var places []ldObject
	if e.Location != "" || e.Address != "" {
		place := ldObject{{"@type", "Place"}, {"name", cmp.Or(e.Location, e.Address)}}
		if e.Address != "" {
			place = append(place, ldMember{"address", ldObject{{"@type", "PostalAddress"}, {"streetAddress", e.Address}, {"addressCountry", "FI"}}})
		} else {
			place = append(place, ldMember{"address", ldObject{{"@type", "PostalAddress"}, {"addressLocality", e.Location}, {"addressCountry", "FI"}}})
		}
		places = append(places, place)
	}
	online := e.Online || e.OnlineURL != ""
	if online {
		places = append(places, ldObject{{"@type", "VirtualLocation"}, {"url", cmp.Or(e.OnlineURL, ld.base+p.URL)}})
	}
	mode := "https://schema.org/OfflineEventAttendanceMode"
	switch {
	case online && len(places) > 1:
		mode = "https://schema.org/MixedEventAttendanceMode"
	case online:
		mode = "https://schema.org/OnlineEventAttendanceMode"
	}
	ev = append(ev, ldMember{"eventAttendanceMode", mode})
	switch len(places) {
	case 0:
		ev = append(ev, ldMember{"location", ldObject{{"@type", "Place"}, {"name", "Keski-Suomi"},
			{"address", ldObject{{"@type", "PostalAddress"}, {"addressRegion", "Keski-Suomi"}, {"addressCountry", "FI"}}}}})
	case 1:
		ev = append(ev, ldMember{"location", places[0]})
	default:
		ev = append(ev, ldMember{"location", places})
	}
	var orgs []ldObject
	for _, o := range e.Organizers {
		if o.Target != nil {
			orgs = append(orgs, ldObject{{"@type", "Organization"}, {"name", o.Target.Title}, {"url", ld.base + o.Target.URL}})
		}
	}
	if len(orgs) > 0 {
		ev = append(ev, ldMember{"organizer", orgs})
	}
	return ev
}

func ldDate(t time.Time) string { return t.In(fi.Helsinki).Format("2006-01-02") }
