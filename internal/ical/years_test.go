package ical

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// dateLine is every well-formed line that carries a date: a DATE, a
// DATE-TIME in Helsinki wall time or in UTC, four digits a year.
var dateLine = regexp.MustCompile(`^(DTSTART|DTEND|DTSTAMP)(;VALUE=DATE:\d{8}|;TZID=Europe/Helsinki:\d{8}T\d{6}|:\d{8}T\d{6}Z)$|^DURATION:P(\d+D|T\d+S)$`)

// checkDates fails on a date, time or duration line of an event that is
// not well-formed.
func checkDates(t testing.TB, data []byte) {
	t.Helper()
	inEvent := false
	for _, l := range unfold(data) {
		switch {
		case l == "BEGIN:VEVENT":
			inEvent = true
		case l == "END:VEVENT":
			inEvent = false
		case inEvent && (strings.HasPrefix(l, "DTSTART") || strings.HasPrefix(l, "DTEND") ||
			strings.HasPrefix(l, "DTSTAMP") || strings.HasPrefix(l, "DURATION")):
			if !dateLine.MatchString(l) {
				t.Errorf("malformed: %s", l)
			}
		}
	}
}

// Years iCalendar cannot write in four digits never reach the output.
func TestYearsOutOfRange(t *testing.T) {
	for _, tc := range []struct {
		name              string
		ev                Event
		want, notWant     []string // lines there and not there
		noEvent, timezone bool
		ownStamp          bool // ev.Stamp as given; else the usual stamp
	}{
		{
			name: "all-day on the last day of 9999",
			ev:   Event{Start: at(9999, 12, 31, 0, 0), AllDay: true},
			want: []string{"DTSTART;VALUE=DATE:99991231", "DURATION:P1D"}, notWant: []string{"DTEND"},
		},
		{
			name: "all-day ending on the last day of 9999",
			ev:   Event{Start: at(9999, 12, 30, 0, 0), End: at(9999, 12, 31, 0, 0), AllDay: true},
			want: []string{"DTSTART;VALUE=DATE:99991230", "DURATION:P2D"}, notWant: []string{"DTEND"},
		},
		{
			name: "all-day ending in 10000",
			ev:   Event{Start: at(9999, 12, 30, 0, 0), End: time.Date(10000, 1, 5, 0, 0, 0, 0, hel), AllDay: true},
			want: []string{"DTSTART;VALUE=DATE:99991230", "DURATION:P7D"}, notWant: []string{"DTEND"},
		},
		{
			name: "all-day from 2023 to 9999-12-31",
			ev:   Event{Start: at(2023, 1, 1, 0, 0), End: at(9999, 12, 31, 0, 0), AllDay: true},
			want: []string{"DTSTART;VALUE=DATE:20230101", "DURATION:P2913539D"}, notWant: []string{"DTEND"},
		},
		{
			name: "all-day ending in 9998: DTEND as ever",
			ev:   Event{Start: at(9998, 12, 30, 0, 0), End: at(9998, 12, 31, 0, 0), AllDay: true},
			want: []string{"DTSTART;VALUE=DATE:99981230", "DTEND;VALUE=DATE:99990101"},
		},
		{
			name: "timed in 9999",
			ev:   Event{Start: at(9999, 12, 31, 10, 0), End: at(9999, 12, 31, 12, 0)},
			want: []string{"DTSTART;TZID=Europe/Helsinki:99991231T100000", "DTEND;TZID=Europe/Helsinki:99991231T120000"}, timezone: true,
		},
		{
			name: "timed, ending in 10000",
			ev:   Event{Start: at(9999, 12, 31, 23, 30), End: time.Date(10000, 1, 1, 1, 0, 0, 0, hel)},
			want: []string{"DTSTART;TZID=Europe/Helsinki:99991231T233000", "DURATION:PT5400S"}, notWant: []string{"DTEND"}, timezone: true,
		},
		{
			name: "timed, ending at the end of time",
			ev:   Event{Start: at(2026, 1, 1, 10, 0), End: time.Unix(math.MaxInt64/2, 0)},
			want: []string{"DTSTART;TZID=Europe/Helsinki:20260101T100000"}, notWant: []string{"DTEND"}, timezone: true,
		},
		{name: "all-day in 10000", ev: Event{Start: time.Date(10000, 1, 1, 0, 0, 0, 0, hel), AllDay: true}, noEvent: true},
		{name: "timed in 10000", ev: Event{Start: time.Date(10000, 1, 1, 10, 0, 0, 0, hel)}, noEvent: true},
		{name: "timed in 123456", ev: Event{Start: time.Date(123456, 6, 1, 10, 0, 0, 0, hel), End: time.Date(123456, 6, 1, 12, 0, 0, 0, hel)}, noEvent: true},
		{name: "in 10000 in Helsinki, 9999 in UTC", ev: Event{Start: utc(9999, 12, 31, 23, 0)}, noEvent: true},
		{name: "in year 0", ev: Event{Start: time.Date(0, 6, 1, 10, 0, 0, 0, time.UTC), AllDay: true}, noEvent: true},
		{name: "before year 0", ev: Event{Start: time.Date(-44, 3, 15, 10, 0, 0, 0, time.UTC)}, noEvent: true},
		{
			name: "stamp in 10000",
			ev:   Event{Start: at(2026, 1, 1, 0, 0), AllDay: true, Stamp: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
			want: []string{"DTSTAMP:99991231T235959Z"}, ownStamp: true,
		},
		{
			name: "stamp before year 1",
			ev:   Event{Start: at(2026, 1, 1, 0, 0), AllDay: true, Stamp: time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)},
			want: []string{"DTSTAMP:00010101T000000Z"}, ownStamp: true,
		},
		{
			name: "zero stamp as before",
			ev:   Event{Start: at(2026, 1, 1, 0, 0), AllDay: true},
			want: []string{"DTSTAMP:00010101T000000Z"}, ownStamp: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev := tc.ev
			ev.UID, ev.Summary = "u@x", tc.name
			if !tc.ownStamp {
				ev.Stamp = stamp
			}
			out := Bytes(Calendar{Events: []Event{ev}})
			checkLines(t, out)
			checkDates(t, out)
			lines := unfold(out)
			cal := parse(t, out)
			if got := len(cal.Events()); got != map[bool]int{true: 0, false: 1}[tc.noEvent] {
				t.Fatalf("%d events in\n%s", got, out)
			}
			if got := len(cal.Timezones()) > 0; got != tc.timezone {
				t.Errorf("VTIMEZONE written: %v, want %v", got, tc.timezone)
			}
			for _, w := range tc.want {
				if !slices.Contains(lines, w) {
					t.Errorf("no line %s in\n%s", w, out)
				}
			}
			for _, w := range tc.notWant {
				if slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, w) }) {
					t.Errorf("a line %s… in\n%s", w, out)
				}
			}
		})
	}
}

// FuzzWriteTimes holds every date written to its form, whatever the times.
func FuzzWriteTimes(f *testing.F) {
	f.Add(int64(253402214400), int64(253402300799), int64(0), false) // 9999-12-31 in UTC
	f.Add(int64(253402214400), int64(253402387200), int64(-1), true)
	f.Add(int64(-62135596800), int64(0), int64(math.MaxInt64), true) // 0001-01-01
	f.Add(int64(1774747800), int64(1793061000), int64(1), false)     // 2026-03-29T03:30 and 2026-10-25T03:30
	f.Fuzz(func(t *testing.T, start, end, stamp int64, allDay bool) {
		// Around the years 0 and 10000, and any instant.
		ev := Event{UID: "u@x", Start: time.Unix(start, 0), End: time.Unix(end, 0), Stamp: time.Unix(stamp, 0), AllDay: allDay}
		out := Bytes(Calendar{Events: []Event{ev, {UID: "v@x", Start: at(2026, 1, 1, 10, 0)}}})
		checkLines(t, out)
		checkDates(t, out)
		parse(t, out)
	})
}
