package model

import (
	"strings"
	"time"
)

// Index records p under its kind and key so that Lookup finds it.
func (s *Site) Index(p *Page) {
	if s.byKey == nil {
		s.byKey = map[Kind]map[string]*Page{}
	}
	if s.byKey[p.Kind] == nil {
		s.byKey[p.Kind] = map[string]*Page{}
	}
	s.byKey[p.Kind][p.Key] = p
}

// Lookup returns the page of kind k whose file is named key, or nil.
func (s *Site) Lookup(k Kind, key string) *Page {
	if s == nil {
		return nil
	}
	return s.byKey[k][key]
}

// All returns the site in every language: Languages, or the site alone.
func (s *Site) All() []*Site {
	if s.Languages != nil {
		return s.Languages
	}
	return []*Site{s}
}

// AllPages returns the pages of every language, the default's first.
func (s *Site) AllPages() []*Page {
	if s.Languages == nil {
		return s.Pages
	}
	var out []*Page
	for _, l := range s.Languages {
		out = append(out, l.Pages...)
	}
	return out
}

// HomeURL is the language's home page: / or /sv/.
func (s *Site) HomeURL() string { return s.Prefix + "/" }

// Keys returns the keys of all pages of kind k, for suggestions.
func (s *Site) Keys(k Kind) []string {
	keys := make([]string, 0, len(s.byKey[k]))
	for key := range s.byKey[k] {
		keys = append(keys, key)
	}
	return keys
}

// Section returns the section stored in folder name, or nil.
func (s *Site) Section(name string) *Section {
	for _, sec := range s.Sections {
		if sec.Name == name {
			return sec
		}
	}
	return nil
}

// Upcoming returns up to n events that have not ended by Now, soonest
// first; n <= 0 means all.
func (s *Site) Upcoming(n int) []*Page {
	var out []*Page
	for _, p := range s.Events {
		if !p.News.Event.Ended(s.Now) {
			out = append(out, p)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

// Past returns the events that have ended by Now, most recent first.
func (s *Site) Past() []*Page {
	var out []*Page
	for i := len(s.Events) - 1; i >= 0; i-- {
		if p := s.Events[i]; p.News.Event.Ended(s.Now) {
			out = append(out, p)
		}
	}
	return out
}

// Latest returns the n newest news items.
func (s *Site) Latest(n int) []*Page {
	if n > len(s.News) {
		n = len(s.News)
	}
	return s.News[:n]
}

// Ends returns the instant the event is over: its end time, or the
// midnight after its last day for an all-day event or one without an end,
// or the end of its last month when only the months are known.
func (e *Event) Ends() time.Time {
	switch {
	case e.End.IsZero() && e.Start.Month:
		return e.Start.Ends()
	case e.End.IsZero():
		return nextMidnight(e.Start.Time) // a start alone lasts its day
	case e.AllDay && !e.End.DateOnly:
		return nextMidnight(e.End.Time) // all day: the end's clock is not shown
	}
	return e.End.Ends()
}

// nextMidnight is the start of the day after t's, in t's time zone.
func nextMidnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, t.Location())
}

// Ended reports whether the event is over at now.
func (e *Event) Ended(now time.Time) bool { return !now.Before(e.Ends()) }

// WholeDays reports whether the event is shown without clock times.
func (e *Event) WholeDays() bool { return e.AllDay || e.Start.DateOnly }

// EndPassed reports whether the project's last day (month, year) is over
// at now.
func (p *Project) EndPassed(now time.Time) bool {
	return !p.End.IsZero() && !now.Before(p.End.Ends())
}

// Ended reports whether the project is over at now: its status says so, or
// its end is past though its status, written, says otherwise.
func (p *Project) Ended(now time.Time) bool { return p.Status == "päättynyt" || p.EndPassed(now) }

// Rough reports whether only the months of the event are known.
func (e *Event) Rough() bool { return e.Start.Month || e.End.Month }

// RegistrationCloses returns the instant registration closes: the
// deadline, or the midnight after it when it is a date. Zero when there is
// no deadline.
func (e *Event) RegistrationCloses() time.Time {
	d := e.RegistrationDeadline
	switch {
	case d.IsZero():
		return time.Time{}
	case d.DateOnly:
		return nextMidnight(d.Time)
	}
	return d.Time
}

// RegistrationClosed reports whether the registration deadline has passed.
func (e *Event) RegistrationClosed(now time.Time) bool {
	c := e.RegistrationCloses()
	return !c.IsZero() && !now.Before(c)
}

// IsEvent reports whether the page is a news item with an event.
func (p *Page) IsEvent() bool { return p.News != nil && p.News.Event != nil }

// EachRef calls fn for every reference p makes, in every field, in the
// order of RefFields.
func (p *Page) EachRef(fn func(*Ref)) {
	for i := range RefFields {
		for _, r := range RefFields[i].Refs(p) {
			fn(r)
		}
	}
}

// OutputPath is the file a site-relative URL is written to: /x/ is
// x/index.html, / is index.html, /x.ics is x.ics.
func OutputPath(url string) string {
	p := strings.TrimPrefix(url, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}
