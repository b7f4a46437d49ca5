package ical

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"seutu/internal/golden"
)

// hel is the test's own copy of the zone, loaded independently of the
// package's.
var hel = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Helsinki")
	if err != nil {
		panic(err)
	}
	return loc
}()

// at is a Helsinki wall time.
func at(y int, m time.Month, d, h, mi int) time.Time {
	return time.Date(y, m, d, h, mi, 0, 0, hel)
}

// utc is a UTC time.
func utc(y int, m time.Month, d, h, mi int) time.Time {
	return time.Date(y, m, d, h, mi, 0, 0, time.UTC)
}

var stamp = utc(2022, 8, 1, 9, 0)

// sample is the calendar of the golden file.
func sample() Calendar {
	return Calendar{
		ProdID: "-//Keski-Suomen kuntayhteistyö//seutu//FI",
		Name:   "Keski-Suomen kuntayhteistyö – tapahtumat",
		URL:    "https://kuntayhteistyo.keskisuomi.fi/tapahtumat/kalenteri.ics",
		Events: []Event{
			{
				UID:     "ajankohtaista/hyvinvointialue-info@kuntayhteistyo.keskisuomi.fi",
				Stamp:   stamp,
				Start:   at(2022, 8, 24, 13, 0),
				End:     at(2022, 8, 24, 15, 30),
				Summary: "Hyvinvointialueen info; kysy, vastaamme",
				Description: "Tervetuloa kuulemaan, miten hyvinvointialueen palvelut järjestetään " +
					"Keski-Suomessa vuoden 2023 alusta.\n\nOhjelma:\n- avaus\n- kysymykset (C:\\polku ei ole polku)",
				Location:   "Jyväskylän kaupungintalo, Vapaudenkatu 32, 40100 Jyväskylä",
				URL:        "https://kuntayhteistyo.keskisuomi.fi/ajankohtaista/hyvinvointialue-info/",
				Organizer:  "Keski-Suomen liitto",
				Categories: []string{"Tapahtumat", "Hyvinvointi, terveys"},
				Status:     "CONFIRMED",
			},
			{
				UID:         "ajankohtaista/seutupaivat-2030@kuntayhteistyo.keskisuomi.fi",
				Stamp:       stamp,
				Start:       at(2030, 1, 15, 0, 0),
				End:         at(2030, 1, 16, 0, 0),
				AllDay:      true,
				Summary:     "Seutupäivät 2030 🎉 – kaksi päivää yhteistyötä, työpajoja ja hyvää ruokaa Äänekoskella",
				Location:    "Äänekoski",
				URL:         "https://kuntayhteistyo.keskisuomi.fi/ajankohtaista/seutupaivat-2030/",
				Categories:  []string{"Tapahtumat"},
				Status:      "tentative",
				Description: "",
			},
			{
				UID:     "ajankohtaista/peruttu@kuntayhteistyo.keskisuomi.fi",
				Stamp:   stamp,
				Start:   at(2023, 10, 29, 12, 0),
				Summary: "Peruttu: syysseminaari",
				Status:  "CANCELLED",
			},
			{
				UID:     "ajankohtaista/yoajo@kuntayhteistyo.keskisuomi.fi",
				Stamp:   stamp,
				Start:   utc(2023, 10, 29, 1, 30), // the second 03:30 in Helsinki: written in UTC
				End:     utc(2023, 10, 29, 2, 30),
				Summary: "Palvelukatko kellojen siirron aikaan",
			},
		},
	}
}

func TestGolden(t *testing.T) {
	got := Bytes(sample())
	checkLines(t, got)
	golden.Check(t, "testdata/calendar.ics", got)
}

// checkLines checks the physical form: CRLF line ends only, the last line
// included; at most 75 octets a line; valid UTF-8 on every line; a
// continuation starts with one space and follows a line that was filled as
// far as a whole character allows.
func checkLines(t testing.TB, data []byte) {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Fatalf("output does not end with CRLF: %q", tail(data))
	}
	if n, m := bytes.Count(data, []byte("\n")), bytes.Count(data, []byte("\r\n")); n != m {
		t.Fatalf("%d LF but %d CRLF: bare LF in output", n, m)
	}
	if n, m := bytes.Count(data, []byte("\r")), bytes.Count(data, []byte("\r\n")); n != m {
		t.Fatalf("%d CR but %d CRLF: bare CR in output", n, m)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	for i, l := range lines {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d is not valid UTF-8 (a character was split): %q", i+1, l)
		}
		if l == "" {
			t.Errorf("line %d is empty", i+1)
		}
		if strings.HasPrefix(l, " ") && i > 0 && len(lines[i-1]) < 72 {
			t.Errorf("line %d was folded early after %d octets", i, len(lines[i-1]))
		}
	}
}

func tail(b []byte) []byte { return b[max(0, len(b)-20):] }

// unfold returns the logical lines (RFC 5545 3.1).
func unfold(data []byte) []string {
	s := strings.ReplaceAll(string(data), "\r\n ", "")
	return strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
}

// parse parses data with the iCalendar library.
func parse(t testing.TB, data []byte) *ics.Calendar {
	t.Helper()
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("library cannot parse the output: %v\n%s", err, data)
	}
	return cal
}

func value(c *ics.ComponentBase, name string) string {
	if p := c.GetProperty(ics.ComponentProperty(name)); p != nil {
		return p.Value
	}
	return ""
}

func has(c *ics.ComponentBase, name string) bool {
	return c.GetProperty(ics.ComponentProperty(name)) != nil
}

func calValue(cal *ics.Calendar, name string) (string, bool) {
	for _, p := range cal.CalendarProperties {
		if p.IANAToken == name {
			return p.Value, true
		}
	}
	return "", false
}

func TestText(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     string // as written
		back     string // as a reader unescapes it
	}{
		{"plain", "Seutupäivät", "Seutupäivät", "Seutupäivät"},
		{"backslash", `C:\polku`, `C:\\polku`, `C:\polku`},
		{"semicolon", "a;b", `a\;b`, "a;b"},
		{"comma", "Jyväskylä, Äänekoski", `Jyväskylä\, Äänekoski`, "Jyväskylä, Äänekoski"},
		{"newline", "rivi 1\nrivi 2", `rivi 1\nrivi 2`, "rivi 1\nrivi 2"},
		{"CRLF", "rivi 1\r\nrivi 2\r\n", `rivi 1\nrivi 2\n`, "rivi 1\nrivi 2\n"},
		{"bare CR removed", "a\rb", "ab", "ab"},
		{"escape lookalike", `\n is not a newline`, `\\n is not a newline`, `\n is not a newline`},
		{"backslash before comma", `\,`, `\\\,`, `\,`},
		{"colon and quote kept", `klo 13:00 "info"`, `klo 13:00 "info"`, `klo 13:00 "info"`},
		{"tab kept", "a\tb", "a\tb", "a\tb"},
		{"controls removed", "a\x00b\x1bc\x7fd", "abcd", "abcd"},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb", "a\uFFFDb"},
		{"emoji", "🎉 juhla", "🎉 juhla", "🎉 juhla"},
		{"all", "a\\b;c,d\ne", `a\\b\;c\,d\ne`, "a\\b;c,d\ne"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := text(tc.in); got != tc.want {
				t.Errorf("text(%q) = %q, want %q", tc.in, got, tc.want)
			}
			out := Bytes(Calendar{Events: []Event{{UID: "u@x", Stamp: stamp, Start: at(2024, 5, 1, 10, 0), Summary: tc.in, Location: tc.in}}})
			checkLines(t, out)
			if !slices.Contains(unfold(out), "SUMMARY:"+tc.want) {
				t.Errorf("no line SUMMARY:%s in\n%s", tc.want, out)
			}
			ev := parse(t, out).Events()[0]
			if got := value(&ev.ComponentBase, "SUMMARY"); got != tc.back {
				t.Errorf("library reads SUMMARY %q, want %q", got, tc.back)
			}
			if got := value(&ev.ComponentBase, "LOCATION"); got != tc.back {
				t.Errorf("library reads LOCATION %q, want %q", got, tc.back)
			}
		})
	}
}

func TestFold(t *testing.T) {
	long := "Keski-Suomen kuntien yhteinen syysseminaari: äänestysaktiivisuus, " +
		"työllisyyden kuntakokeilu ja hyvinvointialueen yhdyspinnat – tervetuloa Jyväskylään! 🎉🇫🇮 " +
		"Öisin ja päivisin, yö- ja päivätyö, älä unohda ilmoittautua 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"
	for _, tc := range []struct {
		name  string
		line  string
		first int // octets on the first physical line; 0: don't check
	}{
		{"short", "SUMMARY:lyhyt", 13},
		{"exactly 75", "SUMMARY:" + strings.Repeat("a", 67), 75},
		{"76", "SUMMARY:" + strings.Repeat("a", 68), 75},
		{"ä across the boundary", "SUMMARY:" + strings.Repeat("a", 66) + "ä" + "bbb", 74},
		{"ä at the boundary", "SUMMARY:" + strings.Repeat("a", 65) + "ä" + "bbb", 75},
		{"emoji across the boundary", "SUMMARY:" + strings.Repeat("a", 65) + "😀" + "bbb", 73},
		{"emoji across a continuation", "SUMMARY:" + strings.Repeat("a", 67) + strings.Repeat("b", 72) + "😀" + "c", 75},
		{"all emoji", "SUMMARY:" + strings.Repeat("😀", 60), 72},
		{"all ä", "SUMMARY:" + strings.Repeat("ä", 100), 74},
		{"long Finnish", "SUMMARY:" + long, 0},
		{"long escaped", "DESCRIPTION:" + text(strings.Repeat("ä,ö;\\\n", 40)), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var e encoder
			e.line(tc.line)
			got := e.b.Bytes()
			checkLines(t, got)
			lines := strings.Split(strings.TrimSuffix(string(got), "\r\n"), "\r\n")
			for i, l := range lines[1:] {
				if !strings.HasPrefix(l, " ") || len(l) < 2 {
					t.Errorf("continuation %d does not start with one space: %q", i+1, l)
				}
			}
			if tc.first > 0 && len(lines[0]) != tc.first {
				t.Errorf("first line has %d octets, want %d: %q", len(lines[0]), tc.first, lines[0])
			}
			if u := unfold(got); len(u) != 1 || u[0] != tc.line {
				t.Errorf("unfolded to %q, want %q", u, tc.line)
			}
		})
	}

	// The same long line through the whole writer and the library.
	out := Bytes(Calendar{Events: []Event{{UID: "u@x", Stamp: stamp, Start: at(2024, 5, 1, 10, 0), Summary: long, Description: long + "\n" + long}}})
	checkLines(t, out)
	if !slices.Contains(unfold(out), "SUMMARY:"+text(long)) {
		t.Errorf("the folded summary does not unfold to SUMMARY:%s", text(long))
	}
	ev := parse(t, out).Events()[0]
	if got := value(&ev.ComponentBase, "SUMMARY"); got != long {
		t.Errorf("library reads SUMMARY %q, want %q", got, long)
	}
	if got := value(&ev.ComponentBase, "DESCRIPTION"); got != long+"\n"+long {
		t.Errorf("library reads DESCRIPTION %q", got)
	}
}

func TestLibraryReadsSample(t *testing.T) {
	in := sample()
	out := Bytes(in)
	cal := parse(t, out)

	for _, tc := range []struct{ name, want string }{
		{"VERSION", "2.0"},
		{"PRODID", in.ProdID},
		{"CALSCALE", "GREGORIAN"},
		{"METHOD", "PUBLISH"},
		{"X-WR-CALNAME", in.Name},
		{"X-WR-TIMEZONE", "Europe/Helsinki"},
		{"URL", in.URL},
		{"SOURCE", in.URL},
	} {
		if got, ok := calValue(cal, tc.name); !ok || got != tc.want {
			t.Errorf("calendar %s = %q (present %v), want %q", tc.name, got, ok, tc.want)
		}
	}

	evs := cal.Events()
	if len(evs) != len(in.Events) {
		t.Fatalf("library finds %d events, want %d", len(evs), len(in.Events))
	}
	uids := map[string]bool{}
	for i, ev := range evs {
		want := in.Events[i]
		c := &ev.ComponentBase
		if ev.Id() != want.UID { // also checks the order
			t.Errorf("event %d: UID %q, want %q", i, ev.Id(), want.UID)
		}
		if uids[ev.Id()] {
			t.Errorf("event %d: UID %q repeats", i, ev.Id())
		}
		uids[ev.Id()] = true
		if got := value(c, "SUMMARY"); got != want.Summary {
			t.Errorf("event %d: SUMMARY %q, want %q", i, got, want.Summary)
		}
		if got := value(c, "LOCATION"); got != want.Location {
			t.Errorf("event %d: LOCATION %q, want %q", i, got, want.Location)
		}
		if got := value(c, "URL"); got != want.URL {
			t.Errorf("event %d: URL %q, want %q", i, got, want.URL)
		}
		if got, err := ev.GetDtStampTime(); err != nil || !got.Equal(want.Stamp) || got.Location() != time.UTC {
			t.Errorf("event %d: DTSTAMP %v (%v), want %v in UTC", i, got, err, want.Stamp)
		}
		if has(c, "ORGANIZER") || has(c, "DURATION") {
			t.Errorf("event %d has ORGANIZER or DURATION", i)
		}
	}
	first := &evs[0].ComponentBase
	wantDesc := in.Events[0].Description + "\n\nJärjestäjä: Keski-Suomen liitto"
	if got := value(first, "DESCRIPTION"); got != wantDesc {
		t.Errorf("DESCRIPTION %q, want %q", got, wantDesc)
	}
	// The library unescapes the whole CATEGORIES value, so check the line.
	if !slices.Contains(unfold(out), `CATEGORIES:Tapahtumat,Hyvinvointi\, terveys`) {
		t.Errorf("no CATEGORIES line with two values in\n%s", out)
	}
	for i, want := range []string{"CONFIRMED", "TENTATIVE", "CANCELLED", ""} {
		if got := value(&evs[i].ComponentBase, "STATUS"); got != want {
			t.Errorf("event %d: STATUS %q, want %q", i, got, want)
		}
	}
}

// TestTimed checks that DTSTART and DTEND of timed events name the right
// instants: as the library resolves them (its TZID handling loads the IANA
// zone), and as the written VTIMEZONE resolves them by RFC 5545 rules.
func TestTimed(t *testing.T) {
	for _, tc := range []struct {
		name       string
		start, end time.Time
		wantStart  string // the DTSTART line
		wantEnd    string // the DTEND line, "" for none
		instStart  time.Time
		instEnd    time.Time
	}{
		{
			name: "summer, given in UTC", start: utc(2022, 8, 24, 10, 0), end: utc(2022, 8, 24, 12, 30),
			wantStart: "DTSTART;TZID=Europe/Helsinki:20220824T130000", wantEnd: "DTEND;TZID=Europe/Helsinki:20220824T153000",
			instStart: utc(2022, 8, 24, 10, 0), instEnd: utc(2022, 8, 24, 12, 30),
		},
		{
			name: "winter, given in New York", start: time.Date(2024, 1, 10, 3, 0, 0, 0, mustZone(t, "America/New_York")),
			wantStart: "DTSTART;TZID=Europe/Helsinki:20240110T100000",
			instStart: utc(2024, 1, 10, 8, 0),
		},
		{
			name: "before the spring change", start: at(2023, 3, 26, 1, 30),
			wantStart: "DTSTART;TZID=Europe/Helsinki:20230326T013000",
			instStart: utc(2023, 3, 25, 23, 30),
		},
		{
			name: "after the spring change", start: at(2023, 3, 26, 4, 30),
			wantStart: "DTSTART;TZID=Europe/Helsinki:20230326T043000",
			instStart: utc(2023, 3, 26, 1, 30),
		},
		{
			name: "the hour before the spring gap", start: utc(2023, 3, 26, 0, 59),
			wantStart: "DTSTART;TZID=Europe/Helsinki:20230326T025900",
			instStart: utc(2023, 3, 26, 0, 59),
		},
		{
			name: "just after the spring gap", start: utc(2023, 3, 26, 1, 0),
			wantStart: "DTSTART;TZID=Europe/Helsinki:20230326T040000",
			instStart: utc(2023, 3, 26, 1, 0),
		},
		{
			name: "noon the day before the autumn change", start: at(2023, 10, 28, 12, 0),
			wantStart: "DTSTART;TZID=Europe/Helsinki:20231028T120000",
			instStart: utc(2023, 10, 28, 9, 0),
		},
		{
			name: "noon on the day of the autumn change", start: at(2023, 10, 29, 12, 0),
			wantStart: "DTSTART;TZID=Europe/Helsinki:20231029T120000",
			instStart: utc(2023, 10, 29, 10, 0),
		},
		{
			name: "spanning the spring change", start: at(2023, 3, 25, 22, 0), end: at(2023, 3, 26, 10, 0),
			wantStart: "DTSTART;TZID=Europe/Helsinki:20230325T220000", wantEnd: "DTEND;TZID=Europe/Helsinki:20230326T100000",
			instStart: utc(2023, 3, 25, 20, 0), instEnd: utc(2023, 3, 26, 7, 0), // 11 hours
		},
		{
			name: "spanning the autumn change", start: at(2023, 10, 28, 22, 0), end: at(2023, 10, 29, 10, 0),
			wantStart: "DTSTART;TZID=Europe/Helsinki:20231028T220000", wantEnd: "DTEND;TZID=Europe/Helsinki:20231029T100000",
			instStart: utc(2023, 10, 28, 19, 0), instEnd: utc(2023, 10, 29, 8, 0), // 13 hours
		},
		{
			name: "first 03:30 of the autumn change is written in UTC", start: utc(2023, 10, 29, 0, 30),
			wantStart: "DTSTART:20231029T003000Z",
			instStart: utc(2023, 10, 29, 0, 30),
		},
		{
			name: "second 03:30 of the autumn change is written in UTC", start: utc(2023, 10, 29, 1, 30),
			wantStart: "DTSTART:20231029T013000Z",
			instStart: utc(2023, 10, 29, 1, 30),
		},
		{
			name: "04:00 after the autumn change", start: utc(2023, 10, 29, 2, 0),
			wantStart: "DTSTART;TZID=Europe/Helsinki:20231029T040000",
			instStart: utc(2023, 10, 29, 2, 0),
		},
		{
			name: "summer 1975, before Finland had summer time", start: at(1975, 7, 1, 12, 0), end: at(1975, 7, 1, 14, 0),
			wantStart: "DTSTART:19750701T100000Z", wantEnd: "DTEND:19750701T120000Z",
			instStart: utc(1975, 7, 1, 10, 0), instEnd: utc(1975, 7, 1, 12, 0),
		},
		{
			name: "seconds kept, fractions dropped", start: time.Date(2024, 6, 1, 9, 0, 5, 999, hel),
			wantStart: "DTSTART;TZID=Europe/Helsinki:20240601T090005",
			instStart: time.Date(2024, 6, 1, 6, 0, 5, 0, time.UTC),
		},
		{
			name: "zero end: DTSTART only", start: at(2024, 6, 1, 9, 0),
			wantStart: "DTSTART;TZID=Europe/Helsinki:20240601T090000",
			instStart: utc(2024, 6, 1, 6, 0),
		},
		{
			name: "end equal to start: DTSTART only", start: at(2024, 6, 1, 9, 0), end: at(2024, 6, 1, 9, 0),
			wantStart: "DTSTART;TZID=Europe/Helsinki:20240601T090000",
			instStart: utc(2024, 6, 1, 6, 0),
		},
		{
			name: "end before start: DTSTART only", start: at(2024, 6, 1, 9, 0), end: at(2024, 6, 1, 8, 0),
			wantStart: "DTSTART;TZID=Europe/Helsinki:20240601T090000",
			instStart: utc(2024, 6, 1, 6, 0),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := Bytes(Calendar{Events: []Event{{UID: "u@x", Stamp: stamp, Start: tc.start, End: tc.end, Summary: tc.name}}})
			checkLines(t, out)
			lines := unfold(out)
			if !slices.Contains(lines, tc.wantStart) {
				t.Errorf("no line %s in\n%s", tc.wantStart, out)
			}
			if tc.wantEnd != "" && !slices.Contains(lines, tc.wantEnd) {
				t.Errorf("no line %s in\n%s", tc.wantEnd, out)
			}

			cal := parse(t, out)
			obs := observances(t, cal)
			ev := cal.Events()[0]
			c := &ev.ComponentBase
			check := func(prop string, want time.Time) {
				t.Helper()
				p := c.GetProperty(ics.ComponentProperty(prop))
				if p == nil {
					t.Fatalf("no %s", prop)
				}
				var got time.Time
				var err error
				if prop == "DTSTART" {
					got, err = ev.GetStartAt()
				} else {
					got, err = ev.GetEndAt()
				}
				if err != nil || !got.Equal(want) {
					t.Errorf("library resolves %s to %v (%v), want %v", prop, got.UTC(), err, want.UTC())
				}
				tz, ok := p.ICalParameters["TZID"]
				if !ok {
					if !strings.HasSuffix(p.Value, "Z") {
						t.Errorf("%s:%s is neither zoned nor UTC", prop, p.Value)
					}
					return
				}
				if !slices.Equal(tz, []string{"Europe/Helsinki"}) {
					t.Errorf("%s TZID = %q", prop, tz)
				}
				wall, err := time.Parse(layoutLocal, p.Value)
				if err != nil {
					t.Fatal(err)
				}
				if got := resolve(t, obs, wall); !got.Equal(want) {
					t.Errorf("the VTIMEZONE resolves %s %s to %v, want %v", prop, p.Value, got, want.UTC())
				}
			}
			check("DTSTART", tc.instStart)
			if tc.instEnd.IsZero() {
				if has(c, "DTEND") || has(c, "DURATION") {
					t.Errorf("DTEND or DURATION written for an event without an end:\n%s", out)
				}
			} else {
				check("DTEND", tc.instEnd)
			}
		})
	}
}

func mustZone(t *testing.T, name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// TestZonedAgreesWithVTIMEZONE walks every half hour of ten years: a time
// written with TZID must resolve through the written VTIMEZONE to itself,
// and only the repeated autumn hour may be written in UTC.
func TestZonedAgreesWithVTIMEZONE(t *testing.T) {
	obs := observances(t, parse(t, Bytes(Calendar{Events: []Event{{UID: "u@x", Start: at(2024, 1, 1, 0, 0)}}})))
	inUTC := 0
	for u := utc(2020, 1, 1, 0, 0); u.Year() < 2030; u = u.Add(30 * time.Minute) {
		v := zoned(u)
		if w, ok := strings.CutPrefix(v, ";TZID=Europe/Helsinki:"); ok {
			wall, err := time.Parse(layoutLocal, w)
			if err != nil {
				t.Fatal(err)
			}
			if got := resolve(t, obs, wall); !got.Equal(u) {
				t.Fatalf("%v written as %s, which the VTIMEZONE resolves to %v", u, v, got)
			}
			continue
		}
		h := u.In(hel)
		if h.Month() != time.October || h.Weekday() != time.Sunday || h.Day() < 25 || h.Hour() != 3 {
			t.Errorf("%v (%v) written in UTC: %s", u, h, v)
		}
		inUTC++
	}
	if inUTC != 10*4 { // two half hours, each twice, a year
		t.Errorf("%d times written in UTC, want 40", inUTC)
	}
}

func TestVTIMEZONE(t *testing.T) {
	timed := Event{UID: "t@x", Stamp: stamp, Start: at(2024, 5, 1, 10, 0)}
	allDay := Event{UID: "d@x", Stamp: stamp, Start: at(2024, 5, 1, 0, 0), AllDay: true}
	for _, tc := range []struct {
		name   string
		events []Event
		want   int
	}{
		{"no events", nil, 0},
		{"all-day only", []Event{allDay, allDay}, 0},
		{"one timed", []Event{timed}, 1},
		{"timed after all-day", []Event{allDay, timed, timed}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := Bytes(Calendar{Events: tc.events})
			checkLines(t, out)
			cal := parse(t, out)
			if got := len(cal.Timezones()); got != tc.want {
				t.Fatalf("%d VTIMEZONE, want %d", got, tc.want)
			}
			if tc.want > 0 {
				observances(t, cal) // checks TZID, STANDARD and DAYLIGHT
				if i, j := bytes.Index(out, []byte("BEGIN:VTIMEZONE")), bytes.Index(out, []byte("BEGIN:VEVENT")); i > j {
					t.Errorf("VTIMEZONE after the first VEVENT")
				}
			}
			if got := len(cal.Events()); got != len(tc.events) {
				t.Errorf("%d events, want %d", got, len(tc.events))
			}
		})
	}
}

func TestAllDay(t *testing.T) {
	for _, tc := range []struct {
		name       string
		start, end time.Time
		first      string // DTSTART date
		after      string // DTEND date: the day after the last
	}{
		{"one day, zero end", at(2030, 1, 15, 0, 0), time.Time{}, "20300115", "20300116"},
		{"two days 15.–16.1.2030", at(2030, 1, 15, 0, 0), at(2030, 1, 16, 0, 0), "20300115", "20300117"},
		{"end on the start day", at(2030, 1, 15, 0, 0), at(2030, 1, 15, 18, 0), "20300115", "20300116"},
		{"end before start", at(2030, 1, 15, 0, 0), at(2030, 1, 10, 0, 0), "20300115", "20300116"},
		{"clock time of end ignored", at(2030, 1, 15, 9, 0), at(2030, 1, 16, 23, 59), "20300115", "20300117"},
		{"dates given as UTC midnight", utc(2030, 1, 15, 0, 0), utc(2030, 1, 16, 0, 0), "20300115", "20300117"},
		{"date taken in Helsinki", utc(2030, 1, 14, 23, 30), time.Time{}, "20300115", "20300116"},
		{"over the new year", at(2029, 12, 31, 0, 0), at(2030, 1, 1, 0, 0), "20291231", "20300102"},
		{"over the leap day", at(2028, 2, 28, 0, 0), at(2028, 2, 29, 0, 0), "20280228", "20280301"},
		{"over the spring change", at(2023, 3, 25, 0, 0), at(2023, 3, 26, 0, 0), "20230325", "20230327"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := Bytes(Calendar{Events: []Event{{UID: "d@x", Stamp: stamp, Start: tc.start, End: tc.end, AllDay: true, Summary: "x"}}})
			checkLines(t, out)
			lines := unfold(out)
			for _, want := range []string{"DTSTART;VALUE=DATE:" + tc.first, "DTEND;VALUE=DATE:" + tc.after} {
				if !slices.Contains(lines, want) {
					t.Errorf("no line %s in\n%s", want, out)
				}
			}
			cal := parse(t, out)
			if len(cal.Timezones()) != 0 {
				t.Errorf("VTIMEZONE written for an all-day event")
			}
			ev := cal.Events()[0]
			for _, p := range []string{"DTSTART", "DTEND"} {
				if v := ev.GetProperty(ics.ComponentProperty(p)).ICalParameters["VALUE"]; !slices.Equal(v, []string{"DATE"}) {
					t.Errorf("%s VALUE = %q, want DATE", p, v)
				}
			}
			s, err1 := ev.GetAllDayStartAt()
			e, err2 := ev.GetAllDayEndAt()
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			if got := s.Format(layoutDate); got != tc.first {
				t.Errorf("library reads start %s, want %s", got, tc.first)
			}
			if got := e.Format(layoutDate); got != tc.after {
				t.Errorf("library reads end %s, want %s", got, tc.after)
			}
			if !e.After(s) {
				t.Errorf("end %v not after start %v", e, s)
			}
		})
	}
}

func TestOrganizer(t *testing.T) {
	for _, tc := range []struct{ name, desc, org, want string }{
		{"no organiser", "Kuvaus.", "", "Kuvaus."},
		{"organiser only", "", "Keski-Suomen liitto", "Järjestäjä: Keski-Suomen liitto"},
		{"both", "Kuvaus.\n", "Jyväskylän kaupunki", "Kuvaus.\n\nJärjestäjä: Jyväskylän kaupunki"},
		{"blank description", " \n", "Äänekoski", "Järjestäjä: Äänekoski"},
		{"organiser with comma", "Kuvaus.", "Liitto, ry", "Kuvaus.\n\nJärjestäjä: Liitto, ry"},
		{"already in the description", "Kuvaus.\n\nJärjestäjä: Liitto, ry\n\nhttps://x.fi/", "Liitto, ry", "Kuvaus.\n\nJärjestäjä: Liitto, ry\n\nhttps://x.fi/"},
		{"another organiser in the description", "Järjestäjä: A", "B", "Järjestäjä: A\n\nJärjestäjä: B"},
		{"neither", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := Bytes(Calendar{Events: []Event{{UID: "u@x", Stamp: stamp, Start: at(2024, 5, 1, 10, 0), Description: tc.desc, Organizer: tc.org}}})
			checkLines(t, out)
			c := &parse(t, out).Events()[0].ComponentBase
			if got := value(c, "DESCRIPTION"); got != tc.want {
				t.Errorf("DESCRIPTION %q, want %q", got, tc.want)
			}
			if has(c, "ORGANIZER") {
				t.Errorf("ORGANIZER written without an e-mail address")
			}
			if tc.want == "" && has(c, "DESCRIPTION") {
				t.Errorf("empty DESCRIPTION written")
			}
		})
	}
}

func TestStatus(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"CONFIRMED", "CONFIRMED"},
		{"CANCELLED", "CANCELLED"},
		{"TENTATIVE", "TENTATIVE"},
		{" cancelled ", "CANCELLED"},
		{"peruttu", ""},
		{"CONFIRMED\r\nX-EVIL:1", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			out := Bytes(Calendar{Events: []Event{{UID: "u@x", Stamp: stamp, Start: at(2024, 5, 1, 10, 0), Status: tc.in}}})
			checkLines(t, out)
			c := &parse(t, out).Events()[0].ComponentBase
			if got := value(c, "STATUS"); got != tc.want || (tc.want == "") == has(c, "STATUS") {
				t.Errorf("STATUS %q (present %v), want %q", got, has(c, "STATUS"), tc.want)
			}
		})
	}
}

func TestCalendarProperties(t *testing.T) {
	for _, tc := range []struct {
		name    string
		cal     Calendar
		want    map[string]string
		missing []string
	}{
		{
			name:    "empty",
			cal:     Calendar{},
			want:    map[string]string{"VERSION": "2.0", "PRODID": defaultProdID, "CALSCALE": "GREGORIAN", "METHOD": "PUBLISH", "X-WR-TIMEZONE": "Europe/Helsinki"},
			missing: []string{"X-WR-CALNAME", "URL", "SOURCE"},
		},
		{
			name: "all",
			cal:  Calendar{ProdID: "-//A; B//x//FI", Name: "Tapahtumat, Keski-Suomi", URL: "https://example.fi/a.ics?x=1,2;3"},
			want: map[string]string{"PRODID": "-//A; B//x//FI", "X-WR-CALNAME": "Tapahtumat, Keski-Suomi",
				"URL": "https://example.fi/a.ics?x=1,2;3", "SOURCE": "https://example.fi/a.ics?x=1,2;3"},
		},
		{
			name: "line breaks in a URL are dropped",
			cal:  Calendar{URL: "https://example.fi/\r\nX-EVIL:1"},
			want: map[string]string{"URL": "https://example.fi/X-EVIL:1"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := Bytes(tc.cal)
			checkLines(t, out)
			if !bytes.HasPrefix(out, []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")) || !bytes.HasSuffix(out, []byte("\r\nEND:VCALENDAR\r\n")) {
				t.Errorf("not framed by BEGIN/END:VCALENDAR:\n%s", out)
			}
			cal := parse(t, out)
			for name, want := range tc.want {
				if got, ok := calValue(cal, name); !ok || got != want {
					t.Errorf("%s = %q (present %v), want %q", name, got, ok, want)
				}
			}
			for _, name := range tc.missing {
				if _, ok := calValue(cal, name); ok {
					t.Errorf("%s present", name)
				}
			}
		})
	}
}

type failWriter struct{ err error }

func (w failWriter) Write(p []byte) (int, error) { return 0, w.err }

func TestWrite(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), Bytes(sample())) {
		t.Errorf("Write and Bytes differ")
	}
	boom := errors.New("boom")
	if err := Write(failWriter{boom}, sample()); !errors.Is(err, boom) {
		t.Errorf("Write returned %v, want %v", err, boom)
	}
}

// TestConcurrent runs the writer from many goroutines (meaningful with
// -race) and checks that the output is the same every time.
func TestConcurrent(t *testing.T) {
	want := Bytes(sample())
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if got := Bytes(sample()); !bytes.Equal(got, want) {
					t.Error("output differs between runs")
					return
				}
			}
		})
	}
	wg.Wait()
}

// observance is one STANDARD or DAYLIGHT of the written VTIMEZONE.
type observance struct {
	name     string
	from, to time.Duration
	month    time.Month
	clock    time.Duration // onset: this wall clock time (in the from offset) on the month's last Sunday
	first    int           // year of DTSTART
}

// observances reads the VTIMEZONE the library parsed and checks that it is
// Europe/Helsinki with a yearly last-Sunday STANDARD and DAYLIGHT.
func observances(t *testing.T, cal *ics.Calendar) []observance {
	t.Helper()
	tzs := cal.Timezones()
	if len(tzs) != 1 {
		t.Fatalf("%d VTIMEZONE, want 1", len(tzs))
	}
	if got := value(&tzs[0].ComponentBase, "TZID"); got != "Europe/Helsinki" {
		t.Fatalf("VTIMEZONE TZID %q", got)
	}
	var obs []observance
	for _, sub := range tzs[0].Components {
		var c *ics.ComponentBase
		o := observance{}
		switch sub := sub.(type) {
		case *ics.Standard:
			c, o.name = &sub.ComponentBase, "STANDARD"
		case *ics.Daylight:
			c, o.name = &sub.ComponentBase, "DAYLIGHT"
		default:
			t.Fatalf("unexpected %T in VTIMEZONE", sub)
		}
		o.from = offset(t, value(c, "TZOFFSETFROM"))
		o.to = offset(t, value(c, "TZOFFSETTO"))
		start, err := time.Parse(layoutLocal, value(c, "DTSTART"))
		if err != nil {
			t.Fatalf("%s DTSTART: %v", o.name, err)
		}
		rule := map[string]string{}
		for part := range strings.SplitSeq(value(c, "RRULE"), ";") {
			k, v, _ := strings.Cut(part, "=")
			rule[k] = v
		}
		if rule["FREQ"] != "YEARLY" || rule["BYDAY"] != "-1SU" || len(rule) != 3 {
			t.Fatalf("%s RRULE %q: not a yearly last Sunday", o.name, value(c, "RRULE"))
		}
		if rule["BYMONTH"] != map[time.Month]string{time.March: "3", time.October: "10"}[start.Month()] {
			t.Fatalf("%s RRULE month %s, DTSTART %v", o.name, rule["BYMONTH"], start)
		}
		if start.Weekday() != time.Sunday || start.AddDate(0, 0, 7).Month() == start.Month() {
			t.Fatalf("%s DTSTART %v is not the month's last Sunday", o.name, start)
		}
		o.month, o.first = start.Month(), start.Year()
		o.clock = start.Sub(time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC))
		obs = append(obs, o)
	}
	if len(obs) != 2 || obs[0].name == obs[1].name {
		t.Fatalf("VTIMEZONE needs one STANDARD and one DAYLIGHT, has %v", obs)
	}
	return obs
}

func offset(t *testing.T, s string) time.Duration {
	t.Helper()
	v, err := time.Parse("-0700", s)
	if err != nil {
		t.Fatalf("offset %q: %v", s, err)
	}
	_, off := v.Zone()
	return time.Duration(off) * time.Second
}

// resolve turns a wall time (a clock reading stored as UTC) into an
// instant by the observances, as RFC 5545 3.3.5 says: a repeated wall time
// is the first occurrence, one in a gap takes the offset before the gap.
func resolve(t *testing.T, obs []observance, wall time.Time) time.Time {
	t.Helper()
	type onset struct {
		at       time.Time // instant
		wall     time.Time // wall time in the from offset
		from, to time.Duration
	}
	var onsets []onset
	for y := wall.Year() - 1; y <= wall.Year()+1; y++ {
		for _, o := range obs {
			if y < o.first {
				continue
			}
			d := time.Date(y, o.month+1, 1, 0, 0, 0, 0, time.UTC)
			for d = d.AddDate(0, 0, -1); d.Weekday() != time.Sunday; d = d.AddDate(0, 0, -1) {
			}
			w := d.Add(o.clock)
			onsets = append(onsets, onset{w.Add(-o.from), w, o.from, o.to})
		}
	}
	slices.SortFunc(onsets, func(a, b onset) int { return a.at.Compare(b.at) })
	offsetAt := func(u time.Time) (time.Duration, bool) {
		var off time.Duration
		ok := false
		for _, o := range onsets {
			if o.at.After(u) {
				break
			}
			off, ok = o.to, true
		}
		return off, ok
	}
	var first time.Time
	for _, o := range obs {
		u := wall.Add(-o.to)
		if off, ok := offsetAt(u); ok && off == o.to && (first.IsZero() || u.Before(first)) {
			first = u
		}
	}
	if !first.IsZero() {
		return first
	}
	for _, o := range onsets {
		if !wall.Before(o.wall) && wall.Before(o.wall.Add(o.to-o.from)) {
			return wall.Add(-o.from)
		}
	}
	t.Fatalf("the VTIMEZONE does not cover %v", wall)
	return time.Time{}
}
