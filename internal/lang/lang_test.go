package lang

import (
	"slices"
	"testing"
	"time"

	"seutu/internal/fi"
	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, fi.Helsinki)
}

// Each language writes the same moments its own way; Finnish is package
// fi's.
func TestFormats(t *testing.T) {
	mon := at(2023, time.April, 24, 13, 0)
	tests := []struct {
		name string
		got  func(*Lang) string
		want [3]string // fi, sv, en
	}{
		{"Date", func(l *Lang) string { return l.Date(mon) }, [3]string{"24.4.2023", "24.4.2023", "24 April 2023"}},
		{"LongDate", func(l *Lang) string { return l.LongDate(mon) }, [3]string{"24. huhtikuuta 2023", "den 24 april 2023", "24 April 2023"}},
		{"WeekdayDate", func(l *Lang) string { return l.WeekdayDate(mon) },
			[3]string{"maanantaina 24. huhtikuuta 2023", "måndag den 24 april 2023", "Monday 24 April 2023"}},
		{"MonthYear", func(l *Lang) string { return l.MonthYear(mon) }, [3]string{"huhtikuu 2023", "april 2023", "April 2023"}},
		{"MonthSpan in a year", func(l *Lang) string { return l.MonthSpan(at(2018, 4, 1, 0, 0), at(2018, 5, 1, 0, 0)) },
			[3]string{"huhti–toukokuu 2018", "april–maj 2018", "April–May 2018"}},
		{"MonthSpan over a new year", func(l *Lang) string { return l.MonthSpan(at(2017, 12, 1, 0, 0), at(2018, 1, 1, 0, 0)) },
			[3]string{"joulukuu 2017 – tammikuu 2018", "december 2017 – januari 2018", "December 2017 – January 2018"}},
		{"Time", func(l *Lang) string { return l.Time(at(2023, 1, 1, 9, 5)) }, [3]string{"klo 9.05", "kl. 9.05", "09:05"}},
		{"DateRange in a month", func(l *Lang) string { return l.DateRange(at(2023, 1, 11, 0, 0), at(2023, 1, 12, 0, 0)) },
			[3]string{"11.–12.1.2023", "11–12.1.2023", "11–12 January 2023"}},
		{"DateRange over months", func(l *Lang) string { return l.DateRange(at(2023, 11, 30, 0, 0), at(2023, 12, 2, 0, 0)) },
			[3]string{"30.11.–2.12.2023", "30.11–2.12.2023", "30 November – 2 December 2023"}},
		{"DateRange over years", func(l *Lang) string { return l.DateRange(at(2022, 12, 1, 0, 0), at(2024, 6, 30, 0, 0)) },
			[3]string{"1.12.2022–30.6.2024", "1.12.2022–30.6.2024", "1 December 2022 – 30 June 2024"}},
		{"EventTime with times", func(l *Lang) string { return l.EventTime(at(2022, 8, 24, 13, 0), at(2022, 8, 24, 15, 0), false) },
			[3]string{"ke 24.8.2022 klo 13.00–15.00", "on 24.8.2022 kl. 13.00–15.00", "Wed 24 August 2022, 13:00–15:00"}},
		{"EventTime, no end", func(l *Lang) string { return l.EventTime(at(2022, 8, 24, 13, 0), time.Time{}, false) },
			[3]string{"ke 24.8.2022 klo 13.00", "on 24.8.2022 kl. 13.00", "Wed 24 August 2022, 13:00"}},
		{"EventTime, a whole day", func(l *Lang) string { return l.EventTime(at(2022, 8, 24, 0, 0), time.Time{}, true) },
			[3]string{"ke 24.8.2022", "on 24.8.2022", "Wed 24 August 2022"}},
		{"EventTime over days", func(l *Lang) string { return l.EventTime(at(2020, 12, 21, 10, 0), at(2020, 12, 22, 15, 0), false) },
			[3]string{"ma 21.12. klo 10.00 – ti 22.12.2020 klo 15.00", "må 21.12 kl. 10.00 – ti 22.12.2020 kl. 15.00",
				"Mon 21 December 2020, 10:00 – Tue 22 December 2020, 15:00"}},
		{"Number", func(l *Lang) string { return l.Number(147821) }, [3]string{"147\u00a0821", "147\u00a0821", "147,821"}},
		{"negative Number", func(l *Lang) string { return l.Number(-1200) }, [3]string{"−1\u00a0200", "−1\u00a0200", "-1,200"}},
	}
	for _, tt := range tests {
		for i, l := range All {
			t.Run(tt.name+"/"+l.Code, func(t *testing.T) {
				if got := tt.got(l); got != tt.want[i] {
					t.Errorf("got %q, want %q", got, tt.want[i])
				}
			})
		}
	}
}

func TestTable(t *testing.T) {
	if All[0] != Finnish {
		t.Errorf("the default language is %s, want fi", All[0].Code)
	}
	if got := Codes(); !slices.Equal(got, []string{"fi", "sv", "en"}) {
		t.Errorf("Codes = %v", got)
	}
	for _, l := range All {
		if ByCode(l.Code) != l {
			t.Errorf("ByCode(%q) is not %s", l.Code, l.Name)
		}
		if base, _ := l.Tag.Base(); base.String() != l.Code {
			t.Errorf("%s: tag %s", l.Code, l.Tag)
		}
	}
	if ByCode("de") != nil {
		t.Error("ByCode(de) is not nil")
	}
}
