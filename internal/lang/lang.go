// Package lang is the table of the languages a site may be published in:
// each one's code, its name in itself, and how it writes dates, times,
// numbers and month spans. Finnish is the default and keeps its own
// package, fi, which the Finnish entry calls; Swedish follows the
// Finland-Swedish conventions of DOMAIN.md (den 24 april 2023, kl. 13.00),
// English the British ones (24 April 2023, 13:00).
//
// Every stage that needs to know a language reads this table: load (which
// suffix makes a file a translation), resolve (which lists a language
// has), render (<html lang>, hreflang, the layouts' formats) and feeds.
package lang

import (
	"time"

	"golang.org/x/text/language"

	"seutu/internal/fi"
)

// Lang is one language of the table.
type Lang struct {
	Code string // BCP 47, as in <html lang>, hreflang and a translation's file name: fi, sv, en
	Name string // in itself, for the language switcher: suomi, svenska, English
	// InItself marks a link to a page in this language from a page in
	// another: (suomeksi). NotHere tells, in this language, that the page a
	// reader switches from has no version in it.
	InItself, NotHere string
	Tag               language.Tag

	Date        func(time.Time) string                        // 24.4.2023 · 24.4.2023 · 24 April 2023
	LongDate    func(time.Time) string                        // 24. huhtikuuta 2023 · den 24 april 2023 · 24 April 2023
	WeekdayDate func(time.Time) string                        // maanantaina 24. huhtikuuta 2023 · måndag den 24 april 2023 · Monday 24 April 2023
	MonthYear   func(time.Time) string                        // huhtikuu 2023 · april 2023 · April 2023
	MonthSpan   func(from, through time.Time) string          // huhti–toukokuu 2018 · april–maj 2018 · April–May 2018
	Time        func(time.Time) string                        // klo 13.00 · kl. 13.00 · 13:00
	DateRange   func(start, end time.Time) string             // 11.–12.1.2023 · 11–12.1.2023 · 11–12 January 2023
	EventTime   func(start, end time.Time, whole bool) string // ke 24.8.2022 klo 13.00–15.00 · …
	Number      func(int) string                              // 147 821 · 147 821 · 147,821
}

// Finnish, Swedish and English are the languages seutu knows.
var (
	Finnish = &Lang{
		Code: "fi", Name: "suomi", Tag: language.Finnish, InItself: "suomeksi", NotHere: "sivua ei ole suomeksi",
		Date: fi.Date, LongDate: fi.LongDate, WeekdayDate: fi.WeekdayDate, MonthYear: fi.MonthYear,
		MonthSpan: fi.MonthSpan, Time: fi.Time, DateRange: fi.DateRange, EventTime: fi.EventTime,
		Number: fi.Number,
	}
	Swedish = &Lang{
		Code: "sv", Name: "svenska", Tag: language.Swedish, InItself: "på svenska", NotHere: "sidan finns inte på svenska",
		Date: fi.Date, LongDate: sv.longDate, WeekdayDate: sv.weekdayDate, MonthYear: sv.monthYear,
		MonthSpan: sv.monthSpan, Time: sv.time, DateRange: sv.dateRange, EventTime: sv.eventTime,
		Number: fi.Number, // 147 821, as in Finnish
	}
	English = &Lang{
		Code: "en", Name: "English", Tag: language.BritishEnglish, InItself: "in English", NotHere: "this page is not in English",
		Date: en.longDate, LongDate: en.longDate, WeekdayDate: en.weekdayDate, MonthYear: en.monthYear,
		MonthSpan: en.monthSpan, Time: en.time, DateRange: en.dateRange, EventTime: en.eventTime,
		Number: englishNumber,
	}
)

// All are the known languages, the default first.
var All = []*Lang{Finnish, Swedish, English}

// ByCode returns the language of a code, or nil.
func ByCode(code string) *Lang {
	for _, l := range All {
		if l.Code == code {
			return l
		}
	}
	return nil
}

// Codes lists the known languages' codes, for messages.
func Codes() []string {
	codes := make([]string, len(All))
	for i, l := range All {
		codes[i] = l.Code
	}
	return codes
}
