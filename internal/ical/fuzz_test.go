package ical

import (
	"bytes"
	"strings"
	"testing"
)

// plain is what a reader should get back for a TEXT value: valid UTF-8
// without CR and the control characters TEXT does not allow.
func plain(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' || r == 0x7f {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

func FuzzWrite(f *testing.F) {
	f.Add("Seutupäivät 🎉", "Rivi 1\nRivi 2", "Jyväskylä, Vapaudenkatu 32")
	f.Add(`a\b;c,d`, "a\r\nb\rc", "")
	f.Add(strings.Repeat("ä", 80), strings.Repeat("😀", 40), strings.Repeat("ö,", 50))
	f.Add("\x00\x1b\x7f", "\xff\xfe", "\t")
	f.Add("END:VCALENDAR", "\nBEGIN:VEVENT\n", "\\n")
	f.Add(" ", "\n", " \r\n ")
	f.Fuzz(func(t *testing.T, summary, description, location string) {
		cal := Calendar{
			ProdID: summary,
			Name:   summary,
			URL:    location,
			Events: []Event{
				{UID: "t@x", Stamp: stamp, Start: at(2023, 10, 28, 22, 0), End: at(2023, 10, 29, 10, 0),
					Summary: summary, Description: description, Location: location, URL: description},
				{UID: "d@x", Stamp: stamp, Start: at(2030, 1, 15, 0, 0), AllDay: true,
					Summary: summary, Description: description, Location: location,
					Organizer: location, Categories: []string{summary, description}, Status: summary},
			},
		}
		out := Bytes(cal)
		checkLines(t, out)
		checkDates(t, out)
		parsed := parse(t, out)
		evs := parsed.Events()
		if len(evs) != 2 || evs[0].Id() != "t@x" || evs[1].Id() != "d@x" {
			t.Fatalf("library finds %d events in\n%s", len(evs), out)
		}
		c := &evs[0].ComponentBase
		for _, p := range []struct{ name, in string }{
			{"SUMMARY", summary},
			{"DESCRIPTION", description},
			{"LOCATION", location},
		} {
			if got, want := value(c, p.name), plain(p.in); got != want {
				t.Errorf("%s: library reads %q, want %q", p.name, got, want)
			}
		}
		if n := bytes.Count(out, []byte("\r\nBEGIN:VEVENT\r\n")); n != 2 {
			t.Errorf("%d VEVENT", n)
		}
		if _, err := evs[0].GetStartAt(); err != nil {
			t.Error(err)
		}
	})
}
