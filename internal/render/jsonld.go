package render

import (
	"cmp"
	"encoding/json"
	"html/template"
	"strings"
	"time"

	"seutu/internal/fi"
	"seutu/internal/model"
)

// jsonLD is the schema.org description of a page for search engines, as
// one @graph: the publishing Organization and the WebSite on the home
// page; NewsArticle (and Event), Person or Organization for content pages
// of those kinds, WebPage for the rest; a BreadcrumbList wherever there
// are breadcrumbs. encoding/json escapes <, > and &, so the result is safe
// inside a <script> element.
func jsonLD(site *model.Site, v *View) template.JS {
	base := strings.TrimSuffix(site.Config.BaseURL, "/")
	ld := ldBuilder{site: site, base: base}
	var graph []any
	switch {
	case v.IsHome():
		graph = append(graph, ld.publisher(), map[string]any{
			"@type": "WebSite", "name": site.Config.Title, "url": base + "/", "inLanguage": "fi",
			"description": site.Config.Description, "publisher": map[string]any{"@id": base + "/#julkaisija"},
		})
	case v.Page != nil:
		graph = append(graph, ld.page(v.Page)...)
	case v.Layout != "404":
		graph = append(graph, map[string]any{"@type": "CollectionPage", "name": v.Title, "url": base + v.URL, "description": v.Summary, "inLanguage": "fi"})
	}
	if len(v.Crumbs) > 0 {
		var items []any
		for i, c := range v.Crumbs {
			items = append(items, map[string]any{"@type": "ListItem", "position": i + 1, "name": c.Title, "item": base + c.URL})
		}
		items = append(items, map[string]any{"@type": "ListItem", "position": len(v.Crumbs) + 1, "name": v.Title, "item": base + v.URL})
		graph = append(graph, map[string]any{"@type": "BreadcrumbList", "itemListElement": items})
	}
	if len(graph) == 0 {
		return ""
	}
	b, err := json.Marshal(map[string]any{"@context": "https://schema.org", "@graph": graph})
	if err != nil {
		return ""
	}
	return template.JS(b) // #nosec: JSON, with <, > and & escaped by encoding/json
}

type ldBuilder struct {
	site *model.Site
	base string
}

// publisher is the organisation behind the site, from site.toml's contact.
func (ld ldBuilder) publisher() map[string]any {
	c := ld.site.Config.Contact
	org := map[string]any{"@type": "Organization", "@id": ld.base + "/#julkaisija", "name": cmp.Or(c.Name, ld.site.Config.Title), "url": cmp.Or(c.Website, ld.base+"/")}
	setIf(org, "telephone", c.Phone)
	setIf(org, "email", c.Email)
	setIf(org, "address", c.Address)
	return org
}

func (ld ldBuilder) page(p *model.Page) []any {
	url := ld.base + p.URL
	switch {
	case p.News != nil:
		article := map[string]any{
			"@type": "NewsArticle", "headline": p.Title, "url": url, "mainEntityOfPage": url, "inLanguage": "fi",
			"datePublished": ldDate(p.News.Date), "publisher": ld.publisher(), "author": ld.author(p),
		}
		setIf(article, "description", p.Summary)
		if p.Updated.After(p.News.Date) {
			article["dateModified"] = ldDate(p.Updated)
		}
		out := []any{article}
		if e := p.News.Event; e != nil {
			out = append(out, ld.event(p, e))
		}
		return out
	case p.Person != nil:
		person := map[string]any{"@type": "Person", "name": p.Title, "url": url}
		setIf(person, "jobTitle", p.Person.Role)
		setIf(person, "telephone", p.Person.Phone)
		setIf(person, "email", p.Person.Email)
		if o := p.Person.Organization; o != nil && o.Target != nil {
			person["worksFor"] = map[string]any{"@type": "Organization", "name": o.Target.Title, "url": ld.base + o.Target.URL}
		}
		return []any{person}
	case p.Organization != nil:
		org := map[string]any{"@type": "Organization", "name": p.Title, "url": url}
		setIf(org, "alternateName", p.Organization.Short)
		setIf(org, "description", p.Summary)
		if w := p.Organization.Website; w != "" {
			org["sameAs"] = w
		}
		return []any{org}
	}
	page := map[string]any{"@type": "WebPage", "name": p.Title, "url": url, "inLanguage": "fi"}
	setIf(page, "description", p.Summary)
	if !p.Updated.IsZero() {
		page["dateModified"] = ldDate(p.Updated)
	}
	return []any{page}
}

func (ld ldBuilder) author(p *model.Page) any {
	a := p.News.Author
	switch {
	case a.Ref != nil && a.Ref.Target != nil:
		return map[string]any{"@type": "Person", "name": a.Ref.Target.Title, "url": ld.base + a.Ref.Target.URL}
	case a.Text != "":
		return map[string]any{"@type": "Person", "name": a.Text}
	}
	return ld.publisher()
}

// event describes an event: times with their offset (whole days as
// dates), where it happens (Place, VirtualLocation or both) and who
// arranges it.
func (ld ldBuilder) event(p *model.Page, e *model.Event) map[string]any {
	ev := map[string]any{
		"@type": "Event", "name": p.Title, "url": ld.base + p.URL,
		"eventStatus": "https://schema.org/EventScheduled",
	}
	setIf(ev, "description", p.Summary)
	when := func(t time.Time) string {
		if e.WholeDays() {
			return ldDate(t)
		}
		return t.In(fi.Helsinki).Format(time.RFC3339)
	}
	ev["startDate"] = when(e.Start.Time)
	if !e.End.IsZero() {
		ev["endDate"] = when(e.End.Time)
	}
	var places []any
	if e.Location != "" || e.Address != "" {
		place := map[string]any{"@type": "Place", "name": cmp.Or(e.Location, e.Address)}
		if e.Address != "" {
			place["address"] = map[string]any{"@type": "PostalAddress", "streetAddress": e.Address, "addressCountry": "FI"}
		} else {
			place["address"] = map[string]any{"@type": "PostalAddress", "addressLocality": e.Location, "addressCountry": "FI"}
		}
		places = append(places, place)
	}
	online := e.Online || e.OnlineURL != ""
	if online {
		places = append(places, map[string]any{"@type": "VirtualLocation", "url": cmp.Or(e.OnlineURL, ld.base+p.URL)})
	}
	switch {
	case online && len(places) > 1:
		ev["eventAttendanceMode"] = "https://schema.org/MixedEventAttendanceMode"
	case online:
		ev["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
	default:
		ev["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
	}
	switch len(places) {
	case 0:
		ev["location"] = map[string]any{"@type": "Place", "name": "Keski-Suomi", "address": map[string]any{"@type": "PostalAddress", "addressRegion": "Keski-Suomi", "addressCountry": "FI"}}
	case 1:
		ev["location"] = places[0]
	default:
		ev["location"] = places
	}
	var orgs []any
	for _, o := range e.Organizers {
		if o.Target != nil {
			orgs = append(orgs, map[string]any{"@type": "Organization", "name": o.Target.Title, "url": ld.base + o.Target.URL})
		}
	}
	if len(orgs) > 0 {
		ev["organizer"] = orgs
	}
	return ev
}

func ldDate(t time.Time) string { return t.In(fi.Helsinki).Format("2006-01-02") }

func setIf(m map[string]any, k, v string) {
	if v != "" {
		m[k] = v
	}
}
