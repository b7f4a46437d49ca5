package fi

import (
	"strings"
	"time"
)

// EventTime formats when an event happens, the Finnish way:
//
//	ti 24.8.2022 klo 13.00–15.00     one day, with times
//	ti 24.8.2022 klo 13.00           no end time
//	ti 24.8.2022                     a whole day
//	11.–12.1.2023                    whole days
//	ma 21.12. klo 10.00 – ti 22.12.2020 klo 15.00   times over several days
//
// end may be zero. wholeDays leaves the clock out.
func EventTime(start, end time.Time, wholeDays bool) string {
	start = start.In(Helsinki)
	day := ShortWeekday(start.Weekday()) + " " + Date(start)
	if end.IsZero() {
		if wholeDays {
			return day
		}
		return day + " " + Time(start)
	}
	end = end.In(Helsinki)
	switch {
	case wholeDays && sameDay(start, end):
		return day
	case wholeDays:
		return DateRange(start, end)
	case sameDay(start, end):
		return day + " " + Time(start) + "–" + Clock(end)
	}
	first := ShortWeekday(start.Weekday()) + " " + DayMonth(start)
	if start.Year() != end.Year() {
		first = day
	}
	return first + " " + Time(start) + " – " + ShortWeekday(end.Weekday()) + " " + Date(end) + " " + Time(end)
}

// MonthSpan formats a span of months the Finnish way, the first month's
// name cut before -kuu when both are in the same year: "huhti–toukokuu
// 2018", "joulukuu 2017 – tammikuu 2018". through is the last month; a
// span of one month is that month, "huhtikuu 2018".
func MonthSpan(from, through time.Time) string {
	from, through = from.In(Helsinki), through.In(Helsinki)
	switch {
	case from.Year() == through.Year() && from.Month() == through.Month():
		return MonthYear(from)
	case from.Year() == through.Year():
		return strings.TrimSuffix(Month(from.Month()), "kuu") + "–" + MonthYear(through)
	}
	return MonthYear(from) + " – " + MonthYear(through)
}
