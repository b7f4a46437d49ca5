package browsertest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"seutu/internal/build"
)

// eventItem is an event of a list as the reader sees it.
type eventItem struct {
	Title   string
	Ends    string // data-event-ends
	Year    string // data-event-year
	Where   string // "upcoming", "past" or "" (elsewhere)
	Group   string // data-event-year-group of its past section
	Visible bool
}

// eventsState is /tapahtumat/ after events.js has run.
type eventsState struct {
	Items        []eventItem
	YearGroups   []string // data-event-year-group of the past sections, in order
	YearHeadings []string // their headings
	MonthGroups  []int    // the number of events in each upcoming month section
	NoUpcoming   bool     // "Ei tulevia tapahtumia." is shown
	NoPast       bool     // "Ei menneitä tapahtumia." is shown
}

const jsEventsState = `(() => {
  const vis = ` + jsVisible + `;
  const up = document.querySelector('[data-events-upcoming]');
  const past = document.querySelector('[data-events-past]');
  const groups = [...past.querySelectorAll('[data-event-year-group]')];
  return {
    Items: [...document.querySelectorAll('[data-event-ends]')].map((li) => {
      const g = li.closest('[data-event-year-group]');
      return {
        Title: li.querySelector('.card__title').textContent.trim(),
        Ends: li.getAttribute('data-event-ends'),
        Year: li.getAttribute('data-event-year'),
        Where: up.contains(li) ? 'upcoming' : past.contains(li) ? 'past' : '',
        Group: g ? g.getAttribute('data-event-year-group') : '',
        Visible: vis(li),
      };
    }),
    YearGroups: groups.map((g) => g.getAttribute('data-event-year-group')),
    YearHeadings: groups.map((g) => g.querySelector('h3').textContent.trim()),
    MonthGroups: [...up.querySelectorAll('[data-event-group]')].map((g) => g.querySelectorAll('[data-event-ends]').length),
    NoUpcoming: vis(up.querySelector('[data-no-upcoming]')),
    NoPast: vis(past.querySelector('[data-no-past]')),
  };
})()`

// homeState is the home page's list of upcoming events.
type homeState struct {
	List       bool     // [data-upcoming-list] is still there
	Titles     []string // the events shown in it
	NoUpcoming bool     // "Ei tulevia tapahtumia." is shown
}

const jsHomeState = `(() => {
  const vis = ` + jsVisible + `;
  const list = document.querySelector('[data-upcoming-list]');
  const box = list ? list.parentNode : document.querySelector('[data-no-upcoming]').parentNode;
  return {
    List: !!list,
    Titles: list ? [...list.querySelectorAll('[data-event-ends]')].filter(vis).map((li) => li.querySelector('.card__title').textContent.trim()) : [],
    NoUpcoming: vis(box.querySelector('[data-no-upcoming]')),
  };
})()`

// titles lists the titles of the items in where, in page order; past
// items with their year group as "2022: title".
func titles(items []eventItem, where string) []string {
	var out []string
	for _, it := range items {
		if it.Where == where {
			if where == "past" {
				out = append(out, it.Group+": "+it.Title)
			} else {
				out = append(out, it.Title)
			}
		}
	}
	return out
}

// TestEventsOwnSite builds this package's site as of 1.8.2022, when three
// events were still to come (24.8.2022, 1.10.2024, 1.6.2099), and checks
// that the script moves the two that have since ended to the top of
// their years among the past events, making the 2024 section in its
// place, and drops them from the home page.
func TestEventsOwnSite(t *testing.T) {
	start := time.Now()
	base := buildAndServe(t, ownSite, build.Options{Now: helsinki(t, "2022-08-01T12:00")})
	browser := newBrowser(t)

	// As built, the two are upcoming.
	html := fetch(t, base+"/tapahtumat/")
	upcoming := html[:strings.Index(html, "data-events-past")]
	for _, title := range []string{"Elokuun webinaari", "Syysseminaari 2024", "Kaukaisen tulevaisuuden kokous"} {
		if !strings.Contains(upcoming, ">"+title+"<") {
			t.Fatalf("the built page does not list %s as upcoming; the test is moot", title)
		}
	}

	tab := newTab(t, browser)
	do(t, tab, "open /tapahtumat/", chromedp.Navigate(base+"/tapahtumat/"))
	s := eval[eventsState](t, tab, jsEventsState)
	if got, w := titles(s.Items, "upcoming"), []string{"Kaukaisen tulevaisuuden kokous"}; !slices.Equal(got, w) {
		t.Errorf("upcoming: %q, want %q", got, w)
	}
	wantPast := []string{
		"2024: Syysseminaari 2024",
		"2022: Elokuun webinaari", "2022: Kesäkuun työpaja",
		"2021: Kevätseminaari 2021",
	}
	if got := titles(s.Items, "past"); !slices.Equal(got, wantPast) {
		t.Errorf("past:\n\t%q\nwant\n\t%q", got, wantPast)
	}
	if w := []string{"2024", "2022", "2021"}; !slices.Equal(s.YearGroups, w) || !slices.Equal(s.YearHeadings, w) {
		t.Errorf("past year sections %q with headings %q, want %q", s.YearGroups, s.YearHeadings, w)
	}
	if !slices.Equal(s.MonthGroups, []int{1}) {
		t.Errorf("upcoming month sections hold %v events, want [1] (empty ones removed)", s.MonthGroups)
	}
	if s.NoUpcoming || s.NoPast {
		t.Errorf("'no upcoming' shown %v, 'no past' shown %v; want neither", s.NoUpcoming, s.NoPast)
	}
	for _, it := range s.Items {
		if !it.Visible {
			t.Errorf("%s is not shown", it.Title)
		}
	}
	// The section the script made looks like the ones the build makes.
	made := eval[string](t, tab, `(() => {
  const s = document.querySelector('[data-event-year-group="2024"]');
  return s.tagName + '.' + s.className + '>' + [...s.children].map((c) => c.tagName + (c.className ? '.' + c.className.replace(/ /g, '.') : '')).join('+');
})()`)
	if made != "SECTION.event-year>H3+UL.card-list.event-list" {
		t.Errorf("the 2024 section is %s", made)
	}

	home := newTab(t, browser)
	do(t, home, "open /", chromedp.Navigate(base+"/"))
	h := eval[homeState](t, home, jsHomeState)
	if !h.List || !slices.Equal(h.Titles, []string{"Kaukaisen tulevaisuuden kokous"}) || h.NoUpcoming {
		t.Errorf("home page: list %v with %q, 'no upcoming' shown %v; want only the 2099 meeting", h.List, h.Titles, h.NoUpcoming)
	}
	t.Logf("took %v", time.Since(start).Round(time.Millisecond))
}

// TestEventsAllEnded removes the one event still to come from a copy of
// this package's site: every event listed as upcoming has ended, so the
// script empties the upcoming list and says "Ei tulevia tapahtumia." on
// /tapahtumat/ and on the home page.
func TestEventsAllEnded(t *testing.T) {
	start := time.Now()
	src := copySite(t, ownSite)
	if err := os.Remove(filepath.Join(src, "content/ajankohtaista/2022-07-01-kaukainen.md")); err != nil {
		t.Fatal(err)
	}
	base := buildAndServe(t, src, build.Options{Now: helsinki(t, "2022-08-01T12:00")})
	if html := fetch(t, base+"/"); !strings.Contains(html, "<p data-no-upcoming hidden>") {
		t.Fatal("the built home page does not hide 'no upcoming events'; the test is moot")
	}
	browser := newBrowser(t)

	tab := newTab(t, browser)
	do(t, tab, "open /tapahtumat/", chromedp.Navigate(base+"/tapahtumat/"))
	s := eval[eventsState](t, tab, jsEventsState)
	if got := titles(s.Items, "upcoming"); len(got) != 0 {
		t.Errorf("upcoming: %q, want none", got)
	}
	if len(s.MonthGroups) != 0 {
		t.Errorf("%d upcoming month sections left, want none", len(s.MonthGroups))
	}
	if !s.NoUpcoming {
		t.Error("'Ei tulevia tapahtumia.' is not shown")
	}
	if s.NoPast {
		t.Error("'Ei menneitä tapahtumia.' is shown")
	}
	if got := titles(s.Items, "past"); len(got) != 4 {
		t.Errorf("past: %q, want 4 events", got)
	}

	home := newTab(t, browser)
	do(t, home, "open /", chromedp.Navigate(base+"/"))
	h := eval[homeState](t, home, jsHomeState)
	if h.List || len(h.Titles) != 0 || !h.NoUpcoming {
		t.Errorf("home page: list %v with %q, 'no upcoming' shown %v; want no list and the notice", h.List, h.Titles, h.NoUpcoming)
	}
	t.Logf("took %v", time.Since(start).Round(time.Millisecond))
}

// TestEventsWebinar builds the build package's site as of 1.8.2022, when
// its webinar of 24.8.2022 was still to come, and checks against the real
// clock what the script makes of every event: those that have ended are
// past, under their year, and the others stay upcoming. The webinar's own
// page says it has ended and that registration has closed, and the home
// page no longer lists it.
func TestEventsWebinar(t *testing.T) {
	start := time.Now()
	const webinar = "Kuntien ilmastotyöwebinaari"
	base := buildAndServe(t, buildSite, build.Options{Now: helsinki(t, "2022-08-01T12:00"), Future: true})
	browser := newBrowser(t)

	html := fetch(t, base+"/tapahtumat/")
	if i := strings.Index(html, "data-events-past"); i < 0 || !strings.Contains(html[:i], ">"+webinar+"<") {
		t.Fatal("the built /tapahtumat/ does not list the webinar as upcoming; the test is moot")
	}
	if html := fetch(t, base+"/ajankohtaista/2022-08-11-webinaari/"); !strings.Contains(html, "<p class=\"notice\" data-event-ended-notice hidden>") {
		t.Fatal("the built webinar page does not hide its 'ended' notice; the test is moot")
	}

	tab := newTab(t, browser)
	before := time.Now()
	do(t, tab, "open /tapahtumat/", chromedp.Navigate(base+"/tapahtumat/"))
	after := time.Now()
	s := eval[eventsState](t, tab, jsEventsState)

	// Each event where the clock puts it; one that ended while the page
	// loaded may be on either side.
	found, upcoming, past := false, 0, 0
	for _, it := range s.Items {
		ends, err := time.Parse(time.RFC3339, it.Ends)
		if err != nil {
			t.Errorf("%s: data-event-ends %q: %v", it.Title, it.Ends, err)
			continue
		}
		switch {
		case !ends.After(before):
			if it.Where != "past" || it.Group != it.Year {
				t.Errorf("%s ended %s but is %s (year section %q, want %q)", it.Title, it.Ends, it.Where, it.Group, it.Year)
			}
		case ends.After(after):
			if it.Where != "upcoming" {
				t.Errorf("%s ends %s but is %s", it.Title, it.Ends, it.Where)
			}
		}
		switch it.Where {
		case "upcoming":
			upcoming++
		case "past":
			past++
		}
		if it.Title == webinar {
			found = true
			if it.Where != "past" || it.Group != "2022" {
				t.Errorf("the webinar is %s, in year %q; want past, 2022", it.Where, it.Group)
			}
		}
		if !it.Visible {
			t.Errorf("%s is not shown", it.Title)
		}
	}
	if !found {
		t.Errorf("the webinar is not on /tapahtumat/")
	}
	if s.NoUpcoming != (upcoming == 0) {
		t.Errorf("'Ei tulevia tapahtumia.' shown %v with %d upcoming events", s.NoUpcoming, upcoming)
	}
	if s.NoPast != (past == 0) {
		t.Errorf("'Ei menneitä tapahtumia.' shown %v with %d past events", s.NoPast, past)
	}
	if slices.Contains(s.MonthGroups, 0) {
		t.Errorf("an empty month section is left among the upcoming: %v", s.MonthGroups)
	}
	if !slices.IsSortedFunc(s.YearGroups, func(a, b string) int { return strings.Compare(b, a) }) {
		t.Errorf("past years out of order: %q", s.YearGroups)
	}
	if !slices.Equal(s.YearGroups, s.YearHeadings) {
		t.Errorf("past year sections %q have headings %q", s.YearGroups, s.YearHeadings)
	}
	t.Logf("/tapahtumat/: %d upcoming, %d past: %q", upcoming, past, titles(s.Items, "past"))

	// The webinar's page: both notices shown.
	page := newTab(t, browser)
	do(t, page, "open the webinar", chromedp.Navigate(base+"/ajankohtaista/2022-08-11-webinaari/"))
	type notices struct{ Ended, Closed string }
	n := eval[notices](t, page, `(() => {
  const vis = `+jsVisible+`;
  const shown = (sel) => { const el = document.querySelector(sel); return vis(el) ? el.textContent.trim() : ''; };
  return {Ended: shown('[data-event-box] [data-event-ended-notice]'), Closed: shown('[data-registration-closes] [data-registration-closed-notice]')};
})()`)
	if n.Ended != "Tapahtuma on päättynyt." {
		t.Errorf("the webinar's page shows the ended notice as %q", n.Ended)
	}
	if n.Closed != "Ilmoittautuminen päättynyt" {
		t.Errorf("the webinar's page shows the registration notice as %q", n.Closed)
	}

	// The home page: the webinar is gone from the upcoming events.
	home := newTab(t, browser)
	do(t, home, "open /", chromedp.Navigate(base+"/"))
	h := eval[homeState](t, home, jsHomeState)
	if slices.Contains(h.Titles, webinar) {
		t.Errorf("the home page still lists the webinar: %q", h.Titles)
	}
	if h.NoUpcoming != (len(h.Titles) == 0) || h.List != (len(h.Titles) > 0) {
		t.Errorf("home page: list %v with %q, 'no upcoming' shown %v", h.List, h.Titles, h.NoUpcoming)
	}
	t.Logf("took %v", time.Since(start).Round(time.Millisecond))
}
