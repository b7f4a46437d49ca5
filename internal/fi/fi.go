// Package fi holds the Finnish conventions the site follows: dates as
// 24.4.2023, times as klo 13.00, numbers with a decimal comma and a
// no-break space between thousands, plurals, slugs with ä→a, ö→o, å→a and
// sorting with å, ä, ö after z.
//
// All times are shown in Europe/Helsinki, loaded from the embedded time
// zone database so that the output never depends on the machine.
package fi

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Helsinki must not depend on the machine.
)

// Helsinki is the site's time zone.
var Helsinki = mustLoad("Europe/Helsinki")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // cannot happen: time/tzdata is embedded
	}
	return loc
}

var months = [...]string{"tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu",
	"heinäkuu", "elokuu", "syyskuu", "lokakuu", "marraskuu", "joulukuu"}

var weekdays = [...]string{"sunnuntai", "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai"}

var shortWeekdays = [...]string{"su", "ma", "ti", "ke", "to", "pe", "la"}

// Month returns the month's name in the nominative, lowercase: "huhtikuu".
func Month(m time.Month) string { return months[m-1] }

// Weekday returns the weekday's name, lowercase: "maanantai".
func Weekday(d time.Weekday) string { return weekdays[d] }

// ShortWeekday returns the two-letter abbreviation: "ma".
func ShortWeekday(d time.Weekday) string { return shortWeekdays[d] }

// Date formats t as 24.4.2023.
func Date(t time.Time) string {
	t = t.In(Helsinki)
	return fmt.Sprintf("%d.%d.%d", t.Day(), t.Month(), t.Year())
}

// DayMonth formats t as 24.4. (without the year).
func DayMonth(t time.Time) string {
	t = t.In(Helsinki)
	return fmt.Sprintf("%d.%d.", t.Day(), t.Month())
}

// LongDate formats t as "24. huhtikuuta 2023".
func LongDate(t time.Time) string {
	t = t.In(Helsinki)
	return fmt.Sprintf("%d. %sta %d", t.Day(), Month(t.Month()), t.Year())
}

// WeekdayDate formats t as "maanantaina 24. huhtikuuta 2023".
func WeekdayDate(t time.Time) string {
	t = t.In(Helsinki)
	return Weekday(t.Weekday()) + "na " + LongDate(t)
}

// MonthYear formats t as "huhtikuu 2023", for headings of month groups.
func MonthYear(t time.Time) string {
	t = t.In(Helsinki)
	return fmt.Sprintf("%s %d", Month(t.Month()), t.Year())
}

// Clock formats the time of day as 13.00 or 9.05. Go has no layout for an
// unpadded 24-hour clock, so it is built by hand.
func Clock(t time.Time) string {
	t = t.In(Helsinki)
	return fmt.Sprintf("%d.%02d", t.Hour(), t.Minute())
}

// Time formats the time of day as "klo 13.00".
func Time(t time.Time) string { return "klo " + Clock(t) }

// DateRange formats a period of days the Finnish way, with an en dash:
// 1.12.2022–30.6.2024, 11.–12.1.2023 or 30.11.–2.12.2023.
func DateRange(start, end time.Time) string {
	start, end = start.In(Helsinki), end.In(Helsinki)
	switch {
	case sameDay(start, end):
		return Date(start)
	case start.Year() != end.Year():
		return Date(start) + "–" + Date(end)
	case start.Month() != end.Month():
		return DayMonth(start) + "–" + Date(end)
	}
	return fmt.Sprintf("%d.–%s", start.Day(), Date(end))
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// Number formats n with a no-break space between thousands: 147 821.
func Number(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteString("−") // minus sign, not a hyphen
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune('\u00a0')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Decimal formats f with a decimal comma and at most the given number of
// decimals, dropping trailing zeros: 3,5 or 12.
func Decimal(f float64, decimals int) string {
	whole := int(f)
	if float64(whole) == f {
		return Number(whole)
	}
	s := strconv.FormatFloat(f, 'f', decimals, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	intPart, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.Atoi(intPart)
	out := Number(n)
	if intPart == "-0" {
		out = "−0"
	}
	if frac != "" {
		out += "," + frac
	}
	return out
}

// Euros formats an amount as "116 475 €".
func Euros(n int) string { return Number(n) + "\u00a0€" }

// Plural picks the singular or the partitive plural by count and puts the
// count in front: Plural(2, "tapahtuma", "tapahtumaa") is "2 tapahtumaa".
// Zero reads "ei" and the singular form stays out: "ei tapahtumia" needs
// its own word, so the caller gives it as none.
func Plural(n int, one, many, none string) string {
	switch n {
	case 0:
		return none
	case 1:
		return "1 " + one
	}
	return Number(n) + " " + many
}
