package model

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"seutu/internal/fi"
	_ "seutu/internal/golden" // defines -update for go test ./... -update
	"seutu/internal/lang"
)

func at(d, h, m int) time.Time { return time.Date(2023, 3, d, h, m, 0, 0, fi.Helsinki) }

func TestEventEnded(t *testing.T) {
	tests := []struct {
		name  string
		event Event
		now   time.Time
		ended bool
	}{
		{"timed, before its end", Event{Start: Moment{Time: at(1, 9, 0)}, End: Moment{Time: at(1, 11, 0)}}, at(1, 10, 59), false},
		{"timed, at its end", Event{Start: Moment{Time: at(1, 9, 0)}, End: Moment{Time: at(1, 11, 0)}}, at(1, 11, 0), true},
		{"no end: lasts its day", Event{Start: Moment{Time: at(1, 9, 0)}}, at(1, 23, 59), false},
		{"no end: over the next day", Event{Start: Moment{Time: at(1, 9, 0)}}, at(2, 0, 0), true},
		{"whole days: lasts to the end of the last day", Event{Start: Moment{Time: at(1, 0, 0), DateOnly: true}, End: Moment{Time: at(2, 0, 0), DateOnly: true}}, at(2, 23, 0), false},
		{"whole days: over after the last day", Event{Start: Moment{Time: at(1, 0, 0), DateOnly: true}, End: Moment{Time: at(2, 0, 0), DateOnly: true}}, at(3, 0, 0), true},
		{"months: lasts to the end of the last month", Event{Start: Moment{Time: at(1, 0, 0), DateOnly: true, Month: true}, End: Moment{Time: at(1, 0, 0).AddDate(0, 1, 0), DateOnly: true, Month: true}}, time.Date(2023, 4, 30, 23, 0, 0, 0, fi.Helsinki), false},
		{"months: over after the last month", Event{Start: Moment{Time: at(1, 0, 0), DateOnly: true, Month: true}, End: Moment{Time: at(1, 0, 0).AddDate(0, 1, 0), DateOnly: true, Month: true}}, time.Date(2023, 5, 1, 0, 0, 0, 0, fi.Helsinki), true},
		{"one month, no end", Event{Start: Moment{Time: at(1, 0, 0), DateOnly: true, Month: true}}, at(31, 23, 0), false},
	}
	for _, tt := range tests {
		if got := tt.event.Ended(tt.now); got != tt.ended {
			t.Errorf("%s: Ended = %v, want %v", tt.name, got, tt.ended)
		}
	}
}

// A rough date stands for the whole of what it names.
func TestPartialDateEnds(t *testing.T) {
	first := time.Date(2018, 1, 1, 0, 0, 0, 0, fi.Helsinki)
	tests := []struct {
		name  string
		d     PartialDate
		ends  time.Time
		iso   string
		rough bool
	}{
		{"a day", PartialDate{Time: first}, first.AddDate(0, 0, 1), "2018-01-01", false},
		{"a month", PartialDate{Time: first, Precision: Month}, first.AddDate(0, 1, 0), "2018-01", true},
		{"a year", PartialDate{Time: first, Precision: Year}, first.AddDate(1, 0, 0), "2018", true},
		{"a span of months", PartialDate{Time: first, Precision: Month, Through: first.AddDate(0, 1, 0)}, first.AddDate(0, 2, 0), "2018-01", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.Ends(); !got.Equal(tt.ends) {
				t.Errorf("Ends = %v, want %v", got, tt.ends)
			}
			if got := tt.d.ISO(); got != tt.iso {
				t.Errorf("ISO = %q, want %q", got, tt.iso)
			}
			if got := tt.d.Rough(); got != tt.rough {
				t.Errorf("Rough = %v, want %v", got, tt.rough)
			}
		})
	}
}

func TestRegistrationClosed(t *testing.T) {
	dayOnly := Event{RegistrationDeadline: Moment{Time: at(1, 0, 0), DateOnly: true}}
	if dayOnly.RegistrationClosed(at(1, 23, 0)) || !dayOnly.RegistrationClosed(at(2, 0, 0)) {
		t.Error("a deadline date closes when the day is over")
	}
	timed := Event{RegistrationDeadline: Moment{Time: at(1, 12, 0)}}
	if timed.RegistrationClosed(at(1, 11, 59)) || !timed.RegistrationClosed(at(1, 12, 0)) {
		t.Error("a deadline time closes at it")
	}
	if (&Event{}).RegistrationClosed(at(30, 0, 0)) {
		t.Error("no deadline never closes")
	}
}

func TestSiteLookups(t *testing.T) {
	var s Site
	p := &Page{Kind: KindPerson, Key: "kirsi-mukkala"}
	s.Index(p)
	if s.Lookup(KindPerson, "kirsi-mukkala") != p || s.Lookup(KindNetwork, "kirsi-mukkala") != nil {
		t.Error("Lookup by kind and key")
	}
	if keys := s.Keys(KindPerson); len(keys) != 1 || keys[0] != "kirsi-mukkala" {
		t.Errorf("Keys = %v", keys)
	}
	if SectionOf(KindNetwork) != "verkostot" || SectionOf(KindPage) != "" {
		t.Error("SectionOf")
	}
}

func TestPagerWindow(t *testing.T) {
	urls := func(n int) []string {
		var out []string
		for i := 1; i <= n; i++ {
			out = append(out, fmt.Sprintf("/uutiset/sivu/%d/", i))
		}
		return out
	}
	tests := []struct {
		page, pages int
		want        string // numbers shown, … for a gap
	}{
		{1, 1, "1"},
		{1, 5, "1 2 3 4 5"},
		{3, 5, "1 2 3 4 5"},
		{1, 100, "1 2 3 … 100"},
		{50, 100, "1 … 48 49 50 51 52 … 100"},
		{4, 100, "1 2 3 4 5 6 … 100"},
		{5, 100, "1 2 3 4 5 6 7 … 100"},
		{6, 100, "1 … 4 5 6 7 8 … 100"},
		{100, 100, "1 … 98 99 100"},
	}
	for _, tt := range tests {
		p := &Pager{Page: tt.page, URLs: urls(tt.pages)}
		var got []string
		for _, it := range p.Window() {
			if it.Gap {
				got = append(got, "…")
				continue
			}
			if it.URL != p.URLs[it.Number-1] {
				t.Errorf("page %d of %d: link %d goes to %s", tt.page, tt.pages, it.Number, it.URL)
			}
			got = append(got, fmt.Sprint(it.Number))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("page %d of %d: %s, want %s", tt.page, tt.pages, g, tt.want)
		}
	}
}

func TestPaginate(t *testing.T) {
	tests := []struct {
		n, per int
		want   string // URL from-to per page, and prev/next of each pager
	}{
		{0, 20, "/t/ 0-0"},
		{20, 20, "/t/ 0-20"},
		{21, 20, "/t/ 0-20 [1/2 next /t/sivu/2/] /t/sivu/2/ 20-21 [2/2 prev /t/]"},
		{5, 2, "/t/ 0-2 [1/3 next /t/sivu/2/] /t/sivu/2/ 2-4 [2/3 prev /t/ next /t/sivu/3/] /t/sivu/3/ 4-5 [3/3 prev /t/sivu/2/]"},
		{3, 0, "/t/ 0-1 [1/3 next /t/sivu/2/] /t/sivu/2/ 1-2 [2/3 prev /t/ next /t/sivu/3/] /t/sivu/3/ 2-3 [3/3 prev /t/sivu/2/]"}, // per below 1 counts as 1
	}
	for _, tt := range tests {
		var got []string
		for _, p := range Paginate("/t/", tt.n, tt.per) {
			got = append(got, fmt.Sprintf("%s %d-%d", p.URL, p.From, p.To))
			if pg := p.Pager; pg != nil {
				s := fmt.Sprintf("[%d/%d", pg.Page, len(pg.URLs))
				if pg.Prev != "" {
					s += " prev " + pg.Prev
				}
				if pg.Next != "" {
					s += " next " + pg.Next
				}
				if pg.Total != tt.n || pg.URLs[pg.Page-1] != p.URL {
					s += " wrong total or URLs"
				}
				if want := fmt.Sprintf("Ilmasto, sivu %d", pg.Page); pg.Page > 1 && p.Title("Ilmasto", lang.Finnish) != want || pg.Page == 1 && p.Title("Ilmasto", lang.Finnish) != "Ilmasto" {
					s += " title " + p.Title("Ilmasto", lang.Finnish)
				}
				got = append(got, s+"]")
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Paginate(%d, %d):\n got %s\nwant %s", tt.n, tt.per, g, tt.want)
		}
	}
}

// A project is over when its status says so, or once its last day, month
// or year has passed whatever its written status says.
func TestProjectEnded(t *testing.T) {
	end := PartialDate{Time: time.Date(2020, 12, 1, 0, 0, 0, 0, fi.Helsinki), Precision: Month}
	tests := []struct {
		name          string
		project       Project
		now           time.Time
		passed, ended bool
	}{
		{"in its last month", Project{Status: "käynnissä", End: end}, time.Date(2020, 12, 31, 23, 0, 0, 0, fi.Helsinki), false, false},
		{"after its last month, status written", Project{Status: "käynnissä", End: end}, time.Date(2021, 1, 1, 0, 0, 0, 0, fi.Helsinki), true, true},
		{"status ended, no end", Project{Status: "päättynyt"}, time.Date(2020, 1, 1, 0, 0, 0, 0, fi.Helsinki), false, true},
		{"no end, no status", Project{}, time.Date(2030, 1, 1, 0, 0, 0, 0, fi.Helsinki), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.project.EndPassed(tt.now); got != tt.passed {
				t.Errorf("EndPassed = %v, want %v", got, tt.passed)
			}
			if got := tt.project.Ended(tt.now); got != tt.ended {
				t.Errorf("Ended = %v, want %v", got, tt.ended)
			}
		})
	}
}
