package lang

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"seutu/internal/fi"
)

// conventions are how a language other than Finnish writes dates and
// times; Finnish has package fi.
type conventions struct {
	months        [12]string
	weekdays      [7]string // Sunday first, as time.Weekday
	shortWeekdays [7]string
	dayMonth      string // how a day and a month are written: "%d %s" (24 april)
	long          string // the prefix of a long date: "den " or ""
	clock         func(time.Time) string
	at            string // before a time: "kl. " or ""
	join          string // between a day and its time: " " or ", "
	numeric       bool   // a day in a span or with a weekday is 24.4.2023, as in Finnish
}

var sv = conventions{
	months: [12]string{"januari", "februari", "mars", "april", "maj", "juni",
		"juli", "augusti", "september", "oktober", "november", "december"},
	weekdays:      [7]string{"söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"},
	shortWeekdays: [7]string{"sö", "må", "ti", "on", "to", "fr", "lö"},
	long:          "den ",
	clock:         fi.Clock, // 13.00, 9.05
	at:            "kl. ",
	join:          " ",
	numeric:       true,
}

var en = conventions{
	months: [12]string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"},
	weekdays:      [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
	shortWeekdays: [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
	// 24-hour, as the site's Finnish and Swedish pages and Finnish public
	// bodies' English pages write it; "1 pm" would be the only 12-hour
	// clock of the site.
	clock: func(t time.Time) string { return t.In(fi.Helsinki).Format("15:04") },
	join:  ", ",
}

// longDate: den 24 april 2023, 24 April 2023.
func (c *conventions) longDate(t time.Time) string {
	t = t.In(fi.Helsinki)
	return fmt.Sprintf("%s%d %s %d", c.long, t.Day(), c.months[t.Month()-1], t.Year())
}

// weekdayDate: måndag den 24 april 2023, Monday 24 April 2023.
func (c *conventions) weekdayDate(t time.Time) string {
	return c.weekdays[t.In(fi.Helsinki).Weekday()] + " " + c.longDate(t)
}

// monthYear: april 2023, April 2023.
func (c *conventions) monthYear(t time.Time) string {
	t = t.In(fi.Helsinki)
	return c.months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// monthSpan: april–maj 2018, December 2017 – January 2018.
func (c *conventions) monthSpan(from, through time.Time) string {
	from, through = from.In(fi.Helsinki), through.In(fi.Helsinki)
	switch {
	case from.Year() == through.Year() && from.Month() == through.Month():
		return c.monthYear(from)
	case from.Year() == through.Year():
		return c.months[from.Month()-1] + "–" + c.monthYear(through)
	}
	return c.monthYear(from) + " – " + c.monthYear(through)
}

// time: kl. 13.00, 13:00.
func (c *conventions) time(t time.Time) string { return c.at + c.clock(t) }

// shortDate is a day in a span or with a weekday: 24.4.2023 in Swedish,
// 24 April 2023 in English.
func (c *conventions) shortDate(t time.Time) string {
	if c.numeric {
		return fi.Date(t)
	}
	return c.longDate(t)
}

// dateRange: 11–12.1.2023, 30.11–2.12.2023 in Swedish; 11–12 January 2023,
// 30 November – 2 December 2023 in English.
func (c *conventions) dateRange(start, end time.Time) string {
	start, end = start.In(fi.Helsinki), end.In(fi.Helsinki)
	switch {
	case sameDay(start, end):
		return c.shortDate(start)
	case start.Year() != end.Year() && c.numeric:
		return fi.Date(start) + "–" + fi.Date(end) // no spaces in the dates, none around the dash
	case start.Year() != end.Year():
		return c.shortDate(start) + " – " + c.shortDate(end)
	}
	if c.numeric {
		if start.Month() != end.Month() {
			return fmt.Sprintf("%d.%d–%s", start.Day(), start.Month(), fi.Date(end))
		}
		return fmt.Sprintf("%d–%s", start.Day(), fi.Date(end))
	}
	if start.Month() != end.Month() {
		return fmt.Sprintf("%d %s – %s", start.Day(), c.months[start.Month()-1], c.longDate(end))
	}
	return fmt.Sprintf("%d–%s", start.Day(), c.longDate(end))
}

// eventTime is package fi's EventTime in another language:
//
//	on 24.8.2022 kl. 13.00–15.00        Wed 24 August 2022, 13:00–15:00
//	on 24.8.2022                        Wed 24 August 2022
//	11–12.1.2023                        11–12 January 2023
//	må 21.12 kl. 10.00 – ti 22.12.2020 kl. 15.00
//	                                    Mon 21 December 2020, 10:00 – Tue 22 December 2020, 15:00
func (c *conventions) eventTime(start, end time.Time, whole bool) string {
	start = start.In(fi.Helsinki)
	day := c.shortWeekdays[start.Weekday()] + " " + c.shortDate(start)
	if end.IsZero() {
		if whole {
			return day
		}
		return day + c.join + c.time(start)
	}
	end = end.In(fi.Helsinki)
	switch {
	case whole && sameDay(start, end):
		return day
	case whole:
		return c.dateRange(start, end)
	case sameDay(start, end):
		return day + c.join + c.time(start) + "–" + c.clock(end)
	}
	first := day
	if c.numeric && start.Year() == end.Year() {
		first = fmt.Sprintf("%s %d.%d", c.shortWeekdays[start.Weekday()], start.Day(), start.Month())
	}
	return first + c.join + c.time(start) + " – " + c.shortWeekdays[end.Weekday()] + " " + c.shortDate(end) + c.join + c.time(end)
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// englishNumber writes 147,821: English digits grouped by commas.
func englishNumber(n int) string {
	return strings.ReplaceAll(strings.ReplaceAll(fi.Number(n), "\u00a0", ","), "−", "-")
}
