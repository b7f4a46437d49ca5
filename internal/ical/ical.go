// Package ical writes iCalendar (RFC 5545) calendars of events: the
// VCALENDAR header, one VTIMEZONE for Europe/Helsinki when a timed event
// needs it, and a VEVENT per event in the given order, with CRLF line ends,
// lines folded at 75 octets without splitting a UTF-8 character, TEXT values
// escaped, timed events in Helsinki wall time (TZID=Europe/Helsinki) and
// all-day events as VALUE=DATE with an exclusive end. The output depends only
// on the Calendar, so a build is byte-for-byte reproducible. It keeps no
// mutable state and is safe for concurrent use.
package ical

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Helsinki loads even where the system has no zoneinfo
	"unicode/utf8"
)

// Calendar is a calendar to write.
type Calendar struct {
	ProdID string // e.g. "-//Keski-Suomen kuntayhteistyö//seutu//FI"; "" writes defaultProdID
	Name   string // X-WR-CALNAME, shown by calendar apps; may be ""
	URL    string // the calendar's own address (URL property and SOURCE); may be ""
	Events []Event
}

// Event is one VEVENT.
//
// UID must be non-empty and unique within the calendar and across
// calendars (RFC 5545 3.8.4.7); Write writes it as given and neither checks
// nor removes duplicates: that is the caller's duty.
//
// Timed events (AllDay false) are written in Helsinki wall time with
// TZID=Europe/Helsinki, whatever Location Start and End have; seconds are
// kept and fractions dropped. A time that this TZID cannot name
// unambiguously is written in UTC instead (DTSTART:20231029T013000Z), which
// names the same instant: the repeated hour 03:00–03:59 on the last Sunday
// of October (RFC 5545 reads it as the first occurrence, Go's time package
// as the second), and times where Helsinki's actual offset differs from the
// current EU rule the VTIMEZONE states (before 1981, when Finland had no
// summer time, or if the rule changes).
//
// A timed event with a zero End, or an End not after Start, gets DTSTART
// only: by RFC 5545 3.6.1 it then ends at its start (a moment, not a span),
// which is what an event with an unknown end is shown as.
//
// All-day events (AllDay true) use the calendar dates of Start and End in
// Helsinki; End is the last day (inclusive) and its clock time is ignored.
// DTEND is the day after the last day. A zero End, or an End before Start,
// gives a one-day event.
//
// iCalendar writes a year in four digits, so only times in the years
// 0001–9999 (in UTC and in Helsinki) can be written. An event whose Start
// cannot is left out of the calendar; an end that cannot (a DTEND past
// 9999, such as the day after 9999-12-31) is written as the DURATION from
// the start instead, and a Stamp that cannot is written as the nearest
// time that can. Whatever the times, every date written is well-formed.
type Event struct {
	UID         string    // stable and globally unique, e.g. "ajankohtaista/x@kuntayhteistyo.keskisuomi.fi"
	Stamp       time.Time // DTSTAMP (written in UTC); the build's now or the item's date — caller decides
	Start       time.Time
	End         time.Time // zero: no end given
	AllDay      bool      // whole days: DTSTART;VALUE=DATE, DTEND exclusive (day after the last day)
	Summary     string
	Description string // plain text, may contain newlines
	Location    string // place name and address, may be ""
	URL         string // the event's page (absolute)
	// Organizer is the organiser's name, may be "". ORGANIZER needs an
	// e-mail address (a cal-address), which is not known, so no ORGANIZER
	// property is written: the name is added to the end of the DESCRIPTION
	// as "Järjestäjä: Name" instead, after a blank line, unless the
	// description already says "Järjestäjä: Name".
	Organizer  string
	Categories []string // empty strings are skipped
	Status     string   // "" or CONFIRMED / CANCELLED / TENTATIVE (any case); anything else is not written
}

// defaultProdID is written when Calendar.ProdID is empty: PRODID is required.
const defaultProdID = "-//seutu//ical//FI"

// organizerLabel introduces the organiser in the DESCRIPTION.
const organizerLabel = "Järjestäjä: "

// tzid is the only time zone the writer uses.
const tzid = "Europe/Helsinki"

// helsinki is loaded once; time/tzdata makes it available everywhere.
var helsinki = mustLoad(tzid)

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic("ical: " + err.Error())
	}
	return loc
}

// vtimezone states the current EU rule for Helsinki: EET +0200, EEST +0300
// from the last Sunday of March 03:00 to the last Sunday of October 04:00.
// zoned must agree with it.
var vtimezone = []string{
	"BEGIN:VTIMEZONE",
	"TZID:" + tzid,
	"X-LIC-LOCATION:" + tzid,
	"BEGIN:STANDARD",
	"TZNAME:EET",
	"TZOFFSETFROM:+0300",
	"TZOFFSETTO:+0200",
	"DTSTART:19701025T040000",
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
	"END:STANDARD",
	"BEGIN:DAYLIGHT",
	"TZNAME:EEST",
	"TZOFFSETFROM:+0200",
	"TZOFFSETTO:+0300",
	"DTSTART:19700329T030000",
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
	"END:DAYLIGHT",
	"END:VTIMEZONE",
}

const (
	layoutDate  = "20060102"
	layoutLocal = "20060102T150405"
	layoutUTC   = "20060102T150405Z"
)

// Write writes cal to w. It returns the first write error.
//
// The calendar is encoded in memory and written with a single Write call.
func Write(w io.Writer, cal Calendar) error {
	_, err := w.Write(Bytes(cal))
	return err
}

// Bytes returns the calendar as bytes.
func Bytes(cal Calendar) []byte {
	var e encoder
	e.b.Grow(1024 + 512*len(cal.Events)) // a calendar's head and time zone, and a short event each: grown once, if ever
	e.line("BEGIN:VCALENDAR")
	e.line("VERSION:2.0")
	prodID := text(cal.ProdID)
	if prodID == "" {
		prodID = defaultProdID
	}
	e.line("PRODID:" + prodID)
	e.line("CALSCALE:GREGORIAN")
	e.line("METHOD:PUBLISH")
	if name := text(cal.Name); name != "" {
		e.line("X-WR-CALNAME:" + name)
	}
	e.line("X-WR-TIMEZONE:" + tzid)
	if u := uri(cal.URL); u != "" {
		e.line("URL:" + u)
		e.line("SOURCE;VALUE=URI:" + u)
	}
	for _, ev := range cal.Events {
		if !ev.AllDay && writable(ev.Start) {
			for _, l := range vtimezone {
				e.line(l)
			}
			break
		}
	}
	for i := range cal.Events {
		e.event(&cal.Events[i])
	}
	e.line("END:VCALENDAR")
	return e.b.Bytes()
}

type encoder struct{ b bytes.Buffer }

// event writes one VEVENT, or nothing when its start cannot be written.
func (e *encoder) event(ev *Event) {
	if !writable(ev.Start) {
		return
	}
	e.line("BEGIN:VEVENT")
	e.line("UID:" + text(ev.UID))
	e.line("DTSTAMP:" + clamp(ev.Stamp).UTC().Format(layoutUTC))
	if ev.AllDay {
		first := dateIn(ev.Start)
		last := first
		if !ev.End.IsZero() {
			if d := dateIn(ev.End); d.After(first) {
				last = d
			}
		}
		e.line("DTSTART;VALUE=DATE:" + first.Format(layoutDate))
		if after := last.AddDate(0, 0, 1); inYears(after) {
			e.line("DTEND;VALUE=DATE:" + after.Format(layoutDate))
		} else {
			e.line("DURATION:P" + strconv.FormatInt((last.Unix()-first.Unix())/secondsPerDay+1, 10) + "D")
		}
	} else {
		start := ev.Start.Truncate(time.Second)
		e.line("DTSTART" + zoned(start))
		if end := ev.End.Truncate(time.Second); !ev.End.IsZero() && end.After(start) {
			if writable(end) {
				e.line("DTEND" + zoned(end))
			} else {
				e.line("DURATION:PT" + strconv.FormatInt(end.Unix()-start.Unix(), 10) + "S")
			}
		}
	}
	e.prop("SUMMARY", text(ev.Summary))
	desc := ev.Description
	if org := strings.TrimSpace(ev.Organizer); org != "" && !strings.Contains(desc, organizerLabel+org) {
		if desc = strings.TrimRight(desc, " \t\r\n"); desc != "" {
			desc += "\n\n"
		}
		desc += organizerLabel + org
	}
	e.prop("DESCRIPTION", text(desc))
	e.prop("LOCATION", text(ev.Location))
	e.prop("URL", uri(ev.URL))
	var cats []string
	for _, c := range ev.Categories {
		if c := text(c); c != "" {
			cats = append(cats, c)
		}
	}
	e.prop("CATEGORIES", strings.Join(cats, ","))
	switch s := strings.ToUpper(strings.TrimSpace(ev.Status)); s {
	case "CONFIRMED", "CANCELLED", "TENTATIVE":
		e.line("STATUS:" + s)
	}
	e.line("END:VEVENT")
}

// prop writes name:value unless value is empty. value is already encoded.
func (e *encoder) prop(name, value string) {
	if value != "" {
		e.line(name + ":" + value)
	}
}

// line writes one content line, folded so that no physical line exceeds 75
// octets (RFC 5545 3.1): a continuation starts with a space, which counts
// toward its 75, and no cut falls inside a UTF-8 sequence. s must be valid
// UTF-8 without CR or LF.
func (e *encoder) line(s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for !utf8.RuneStart(s[cut]) { // at most 3 steps back
			cut--
		}
		e.b.WriteString(s[:cut])
		e.b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74
	}
	e.b.WriteString(s)
	e.b.WriteString("\r\n")
}

// text encodes s as a TEXT value (RFC 5545 3.3.11): backslash, semicolon,
// comma and newline are escaped; CR and the other control characters that
// TEXT does not allow (all but tab) are removed, and invalid UTF-8 becomes
// U+FFFD.
func text(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			// CR and other controls: dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// uri encodes s as a URI value: not escaped, but stripped of control
// characters (which would break the line) and made valid UTF-8.
func uri(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

const secondsPerDay = 24 * 60 * 60

// writable reports whether t can be written as a DATE or DATE-TIME: its
// year in UTC and in Helsinki has four digits.
func writable(t time.Time) bool {
	return inYears(t.UTC()) && inYears(t.In(helsinki))
}

// inYears reports whether t's year has four digits.
func inYears(t time.Time) bool {
	return t.Year() >= 1 && t.Year() <= 9999
}

// The first and last times a UTC DATE-TIME can write.
var (
	firstUTC = time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)
	lastUTC  = time.Date(9999, time.December, 31, 23, 59, 59, 0, time.UTC)
)

// clamp returns the time nearest t that a UTC DATE-TIME can write.
func clamp(t time.Time) time.Time {
	switch {
	case t.Before(firstUTC):
		return firstUTC
	case t.After(lastUTC):
		return lastUTC
	}
	return t
}

// dateIn returns t's calendar date in Helsinki as midnight UTC.
func dateIn(t time.Time) time.Time {
	y, m, d := t.In(helsinki).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// zoned returns the value part of a DATE-TIME property for t (whole
// seconds): ";TZID=Europe/Helsinki:" and the Helsinki wall time when the
// VTIMEZONE maps that wall time back to t and to nothing else, ":" and UTC
// otherwise.
func zoned(t time.Time) string {
	h := t.In(helsinki)
	wall := time.Date(h.Year(), h.Month(), h.Day(), h.Hour(), h.Minute(), h.Second(), 0, time.UTC)
	if off, ok := ruleOffset(wall); ok && wall.Add(-off).Equal(t) {
		return ";TZID=" + tzid + ":" + wall.Format(layoutLocal)
	}
	return ":" + t.UTC().Format(layoutUTC)
}

// ruleOffset returns the UTC offset that the written VTIMEZONE gives the
// wall time (a Helsinki clock reading stored as UTC), and false when that
// wall time does not name exactly one instant: it falls in the spring gap
// (03:00–03:59 on the last Sunday of March), the autumn repeat (03:00–03:59
// on the last Sunday of October), or before the rule's first year.
func ruleOffset(wall time.Time) (time.Duration, bool) {
	y := wall.Year()
	if y < 1971 {
		return 0, false
	}
	summer := lastSunday(y, time.March).Add(3 * time.Hour)   // first wall time of the gap
	winter := lastSunday(y, time.October).Add(3 * time.Hour) // first wall time of the repeat
	switch {
	case !wall.Before(summer) && wall.Before(summer.Add(time.Hour)),
		!wall.Before(winter) && wall.Before(winter.Add(time.Hour)):
		return 0, false
	case !wall.Before(summer) && wall.Before(winter):
		return 3 * time.Hour, true
	}
	return 2 * time.Hour, true
}

// lastSunday returns the last Sunday of the month as midnight UTC.
func lastSunday(year int, month time.Month) time.Time {
	last := time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC)
	return last.AddDate(0, 0, -int(last.Weekday()))
}
