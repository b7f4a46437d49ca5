package feeds

import (
	"net/url"
	"strings"

	"seutu/internal/ical"
	"seutu/internal/lang"
	"seutu/internal/model"
)

// CalendarFile is the event listing's calendar feed, relative to the site.
const CalendarFile = "tapahtumat/tapahtumat.ics"

// EventCalendarName is the file beside each event page: "Lisää kalenteriin".
const EventCalendarName = "tapahtuma.ics"

// Calendars returns the calendar feed of all events, CalendarFile, and a
// calendar of its own beside each event page, EventCalendarName: what
// package ical writes of the site's events.
func Calendars(site *model.Site) []File {
	base := strings.TrimSuffix(site.Config.BaseURL, "/")
	out := make([]File, 0, len(site.Events)+1)
	all := make([]ical.Event, 0, len(site.Events))
	for _, p := range site.Events {
		if !inCalendar(p) {
			continue
		}
		ev := calendarEvent(site, p)
		all = append(all, ev)
		one := ical.Calendar{ProdID: prodID(site), Events: []ical.Event{ev}}
		out = append(out, File{Path: strings.TrimPrefix(p.URL, "/") + EventCalendarName, Data: ical.Bytes(one)})
	}
	if !hasCalendar(site) {
		return out
	}
	feed := ical.Calendar{ProdID: prodID(site), Name: lang.Or(site.Lang).TextF("%s: tapahtumat", site.Config.Title),
		URL: base + site.Prefix + "/" + CalendarFile, Events: all}
	return append(out, File{Path: strings.TrimPrefix(site.Prefix+"/", "/") + CalendarFile, Data: ical.Bytes(feed)})
}

// hasCalendar reports whether the site publishes the calendar of all
// events: the default language always, so that a subscription never
// breaks; another language when it has events.
func hasCalendar(site *model.Site) bool { return site.Prefix == "" || len(site.Events) > 0 }

// inCalendar reports whether an event goes into the calendars: a calendar
// entry needs days, and of a rough event the sources give only months.
func inCalendar(p *model.Page) bool { return !p.News.Event.Rough() }

func prodID(site *model.Site) string { return "-//" + site.Config.Title + "//seutu//FI" }

// calendarEvent describes an event page for calendar apps. Its UID is the
// page's path at the site's host, stable across builds; its DTSTAMP is
// when the item was last changed, so apps see no change where there is
// none. Its texts are in the site's language.
func calendarEvent(site *model.Site, p *model.Page) ical.Event {
	e, l := p.News.Event, lang.Or(site.Lang)
	base := strings.TrimSuffix(site.Config.BaseURL, "/")
	host := "seutu.invalid"
	if u, err := url.Parse(site.Config.BaseURL); err == nil && u.Host != "" {
		host = u.Hostname()
	}
	stamp := p.News.Date.Time
	if p.Updated.After(stamp) {
		stamp = p.Updated
	}
	ev := ical.Event{
		UID:     strings.Trim(p.URL, "/") + "@" + host,
		Stamp:   stamp,
		Start:   e.Start.Time,
		End:     e.End.Time,
		AllDay:  e.WholeDays(),
		Summary: p.Title,
		URL:     base + p.URL,
	}
	var desc []string
	if p.Summary != "" {
		desc = append(desc, p.Summary)
	}
	if e.OnlineURL != "" {
		desc = append(desc, l.T("Verkossa")+": "+e.OnlineURL)
	}
	if e.Registration != "" {
		desc = append(desc, l.T("Ilmoittautuminen")+": "+e.Registration)
	}
	var orgs []string
	for _, o := range e.Organizers {
		if o.Target != nil {
			orgs = append(orgs, o.Target.Title)
		}
	}
	desc = append(desc, base+p.URL)
	// ORGANIZER needs an e-mail address, which is not known: the
	// organisers close the description instead, labelled in the site's
	// language (package ical's own label is Finnish).
	if len(orgs) > 0 {
		desc = append(desc, l.T("Järjestäjä")+": "+strings.Join(orgs, ", "))
	}
	ev.Description = strings.Join(desc, "\n\n")
	switch {
	case e.Location != "" && e.Address != "":
		ev.Location = e.Location + ", " + e.Address
	case e.Location != "" || e.Address != "":
		ev.Location = e.Location + e.Address
	case e.Online:
		ev.Location = l.T("Verkkotapahtuma")
	}
	if c := p.News.Category; c != "" {
		ev.Categories = []string{c}
	}
	return ev
}
