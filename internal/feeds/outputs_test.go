package feeds_test

import (
	"strings"
	"testing"
	"time"

	"seutu/internal/config"
	"seutu/internal/feeds"
	"seutu/internal/fi"
	"seutu/internal/model"
)

// files maps the files by path, for the tests to look up.
func files(fs []feeds.File) map[string]string {
	m := map[string]string{}
	for _, f := range fs {
		m[f.Path] = string(f.Data)
	}
	return m
}

func siteAt(baseURL string, pages ...*model.Page) *model.Site {
	site := &model.Site{Config: &config.Config{Title: "Seutu", BaseURL: baseURL}, Pages: pages}
	for _, p := range pages {
		if p.News != nil && p.News.Event != nil {
			site.Events = append(site.Events, p)
		}
	}
	return site
}

// Calendars are a function of the site's events: the whole listing's
// calendar, and one beside each event page with that event alone.
func TestCalendars(t *testing.T) {
	at := func(h int) model.Moment { return model.Moment{Time: time.Date(2026, 5, 4, h, 0, 0, 0, fi.Helsinki)} }
	org := &model.Page{Title: "Liitto", URL: "/organisaatiot/liitto/"}
	event := func(url, title string, e model.Event) *model.Page {
		return &model.Page{URL: url, Title: title, Summary: "Tervetuloa", News: &model.News{Date: at(0).Time, Event: &e}}
	}
	tests := []struct {
		name  string
		site  *model.Site
		paths []string
		want  map[string][]string // path → lines it holds
	}{
		{"no events", siteAt("https://seutu.example/"), []string{feeds.CalendarFile},
			map[string][]string{feeds.CalendarFile: {"X-WR-CALNAME:Seutu: tapahtumat", "URL:https://seutu.example/tapahtumat/tapahtumat.ics"}}},
		{"an event in a place and online", siteAt("https://seutu.example/",
			event("/ajankohtaista/a/", "Seminaari", model.Event{Start: at(10), End: at(12), Location: "Sali", Address: "Katu 1", OnlineURL: "https://meet.example/x",
				Organizers: []*model.Ref{{Target: org}, {Key: "ei-ole"}}})),
			[]string{"ajankohtaista/a/" + feeds.EventCalendarName, feeds.CalendarFile},
			map[string][]string{
				"ajankohtaista/a/tapahtuma.ics": {"UID:ajankohtaista/a@seutu.example", "SUMMARY:Seminaari",
					"DTSTART;TZID=Europe/Helsinki:20260504T100000", "LOCATION:Sali\\, Katu 1", "URL:https://seutu.example/ajankohtaista/a/"},
				feeds.CalendarFile: {"UID:ajankohtaista/a@seutu.example"},
			}},
		{"an online event under a base path", siteAt("https://example.fi/seutu/",
			event("/ajankohtaista/b/", "Webinaari", model.Event{Start: at(13), Online: true})),
			[]string{"ajankohtaista/b/" + feeds.EventCalendarName, feeds.CalendarFile},
			map[string][]string{"ajankohtaista/b/tapahtuma.ics": {"UID:ajankohtaista/b@example.fi", "LOCATION:Verkkotapahtuma",
				"URL:https://example.fi/seutu/ajankohtaista/b/"}}},
	}
	for _, tt := range tests {
		got := feeds.Calendars(tt.site)
		var paths []string
		for _, f := range got {
			paths = append(paths, f.Path)
		}
		if strings.Join(paths, " ") != strings.Join(tt.paths, " ") {
			t.Errorf("%s: files %v, want %v", tt.name, paths, tt.paths)
		}
		m := files(got)
		for path, lines := range tt.want {
			unfolded := strings.ReplaceAll(m[path], "\r\n ", "")
			for _, l := range lines {
				if !strings.Contains(unfolded, "\r\n"+l+"\r\n") {
					t.Errorf("%s: %s lacks %q:\n%s", tt.name, path, l, unfolded)
				}
			}
		}
		if again := feeds.Calendars(tt.site); len(again) != len(got) || string(again[len(again)-1].Data) != string(got[len(got)-1].Data) {
			t.Errorf("%s: not the same bytes twice", tt.name)
		}
	}
}

// Redirects are a page at each old address and the list for the host,
// every address under the base path given.
func TestRedirects(t *testing.T) {
	page := &model.Page{Title: "Uusi <koti>", URL: "/verkostot/uusi/", Aliases: []string{"/vanha/", "/vanhempi", "/%C3%A4iti/"}}
	tests := []struct {
		name string
		site *model.Site
		base string
		want map[string]string // path → what it holds; "" for any
	}{
		{"no aliases", siteAt("https://seutu.example/", &model.Page{URL: "/x/"}), "/", map[string]string{}},
		{"at the root", siteAt("https://seutu.example/", page), "/", map[string]string{
			"vanha/index.html":    `<meta http-equiv="refresh" content="0; url=/verkostot/uusi/">`,
			"vanhempi/index.html": `<link rel="canonical" href="https://seutu.example/verkostot/uusi/">`,
			"äiti/index.html":     `<a href="/verkostot/uusi/">Uusi &lt;koti&gt;</a>`,
			"_redirects":          "/vanha/ /verkostot/uusi/ 301\n/vanhempi/ /verkostot/uusi/ 301\n/vanhempi /verkostot/uusi/ 301\n/%C3%A4iti/ /verkostot/uusi/ 301\n",
		}},
		{"under a base path", siteAt("https://example.fi/seutu/", page), "/seutu/", map[string]string{
			"vanha/index.html":    `url=/seutu/verkostot/uusi/"`,
			"vanhempi/index.html": `href="https://example.fi/seutu/verkostot/uusi/"`,
			"äiti/index.html":     "",
			"_redirects":          "/seutu/vanha/ /seutu/verkostot/uusi/ 301\n/seutu/vanhempi/ /seutu/verkostot/uusi/ 301\n/seutu/vanhempi /seutu/verkostot/uusi/ 301\n/seutu/%C3%A4iti/ /seutu/verkostot/uusi/ 301\n",
		}},
	}
	for _, tt := range tests {
		got, err := feeds.Redirects(tt.site, tt.base)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		m := files(got)
		if len(m) != len(tt.want) {
			t.Errorf("%s: %d files, want %d", tt.name, len(m), len(tt.want))
		}
		for path, want := range tt.want {
			data, ok := m[path]
			switch {
			case !ok:
				t.Errorf("%s: no %s", tt.name, path)
			case path == "_redirects" && data != want:
				t.Errorf("%s: _redirects\n%s\nwant\n%s", tt.name, data, want)
			case !strings.Contains(data, want):
				t.Errorf("%s: %s lacks %s:\n%s", tt.name, path, want, data)
			}
		}
	}
}
