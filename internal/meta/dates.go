package meta

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"seutu/internal/fi"
)

// MinYear and MaxYear bound the years of every date and time a page may
// give: room for any history a page tells and any plan it makes, and
// never more digits than the formats the site writes allow (iCalendar,
// feeds, sitemaps). A year outside them is a slip: 9999-12-31 for "no
// end", 2202 for 2022.
const (
	MinYear = 1900
	MaxYear = 2200
)

// dateShape is a date, a month, or a date and time, in the layouts that
// Date, PartialDate and Moment read, with its numbers as submatches:
// year, month, day, hour, minute, second.
var dateShape = regexp.MustCompile(`^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?$`)

// impossibleDate explains why s, written as a date or a date and time,
// names none ("2023-02-30 is not a date: February 2023 has 28 days"). It
// returns "" when s has another form, or when its numbers are all in range.
func impossibleDate(s string) string {
	m := dateShape.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	num := func(i int) int { n, _ := strconv.Atoi(m[i]); return n } // two or four digits: cannot fail
	year, month := num(1), num(2)
	if month < 1 || month > 12 {
		return fmt.Sprintf("%s is not a date: there is no month %s; months run from 01 to 12", s, m[2])
	}
	if m[3] != "" {
		days := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		if day := num(3); day < 1 || day > days {
			return fmt.Sprintf("%s is not a date: %s %d has %d days", s, time.Month(month), year, days)
		}
	}
	if m[4] == "" {
		return ""
	}
	for _, f := range []struct {
		i         int
		what, max string
	}{{4, "hours", "23"}, {5, "minutes", "59"}, {6, "seconds", "59"}} {
		if m[f.i] != "" && m[f.i] > f.max { // two digits each: compared as text
			return fmt.Sprintf("%s is not a time: %s run from 00 to %s", s, f.what, f.max)
		}
	}
	return ""
}

// inRange reports whether t's year in Helsinki is one a date may have,
// and reports the value when it is not.
func (d *Decoder) inRange(v *Value, s string, t time.Time) bool {
	if y := t.In(fi.Helsinki).Year(); y < MinYear || y > MaxYear {
		d.Diags.Errorf(v.Pos, "%s: the year %d is out of range; write a year from %d to %d", s, y, MinYear, MaxYear)
		return false
	}
	return true
}

// wallTime returns the instant at which Helsinki's clocks show w, a clock
// reading given in UTC's fields. A reading that the clocks skip (03:00–
// 03:59 on the last Sunday of March) is warned of and taken with the
// offset before the change, an hour later than written; one that they show
// twice (03:00–03:59 on the last Sunday of October) is warned of and taken
// as the first, as RFC 5545 reads it. s is w as written, for the message.
func (d *Decoder) wallTime(v *Value, s string, w time.Time) time.Time {
	const day = 24 * time.Hour
	_, before := w.Add(-day).In(fi.Helsinki).Zone()
	_, after := w.Add(day).In(fi.Helsinki).Zone()
	first := w.Add(-time.Duration(before) * time.Second).In(fi.Helsinki)
	if before == after {
		return first // the clocks do not change within a day of w
	}
	second := w.Add(-time.Duration(after) * time.Second).In(fi.Helsinki)
	firstOK, secondOK := sameClock(first, w), sameClock(second, w)
	if firstOK && secondOK && !first.Equal(second) {
		if second.Before(first) {
			first, second = second, first
		}
		change, _ := second.ZoneBounds()
		_, off1 := first.Zone()
		_, off2 := second.Zone()
		at := w.Format("2006-01-02T") + clock(w)
		d.Diags.Warnf(v.Pos, "%s is ambiguous in Helsinki, where the clocks go back from %s to %s and show it twice: the first (%s) is used; write %s%s or %s%s to say which",
			s, clock(change.In(time.FixedZone("", off1))), clock(change.In(fi.Helsinki)),
			offset(off1), at, offset(off1), at, offset(off2))
		return first
	}
	switch {
	case firstOK:
		return first
	case secondOK:
		return second
	}
	// Neither offset shows w: the clocks skip it.
	gap := time.Duration(after-before) * time.Second
	change, _ := first.ZoneBounds() // first is after the change: its zone starts there
	d.Diags.Warnf(v.Pos, "%s does not exist in Helsinki (clocks go from %s to %s): write %s or %s",
		s, clock(change.In(time.FixedZone("", before))), clock(change.In(fi.Helsinki)), clock(w.Add(gap)), clock(w.Add(-gap)))
	return first
}

// sameClock reports whether Helsinki's clocks show w at t.
func sameClock(t, w time.Time) bool {
	y, m, dd := t.Date()
	wy, wm, wd := w.Date()
	return y == wy && m == wm && dd == wd && t.Hour() == w.Hour() && t.Minute() == w.Minute() && t.Second() == w.Second()
}

// clock prints a time of day as HH:MM, or HH:MM:SS when it has seconds.
func clock(t time.Time) string {
	if t.Second() != 0 {
		return t.Format("15:04:05")
	}
	return t.Format("15:04")
}

// offset prints a UTC offset in seconds as +03:00.
func offset(sec int) string {
	return time.Unix(0, 0).In(time.FixedZone("", sec)).Format("-07:00")
}
