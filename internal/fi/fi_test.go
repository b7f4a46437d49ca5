package fi

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, Helsinki)
}

func TestDates(t *testing.T) {
	d := at(2023, time.April, 24, 13, 0)
	tests := []struct {
		name, got, want string
	}{
		{"Date", Date(d), "24.4.2023"},
		{"DayMonth", DayMonth(d), "24.4."},
		{"LongDate", LongDate(d), "24. huhtikuuta 2023"},
		{"WeekdayDate", WeekdayDate(d), "maanantaina 24. huhtikuuta 2023"},
		{"MonthYear", MonthYear(d), "huhtikuu 2023"},
		{"MonthSpan in a year", MonthSpan(at(2018, 4, 1, 0, 0), at(2018, 5, 1, 0, 0)), "huhti–toukokuu 2018"},
		{"MonthSpan over a new year", MonthSpan(at(2017, 12, 1, 0, 0), at(2018, 1, 1, 0, 0)), "joulukuu 2017 – tammikuu 2018"},
		{"MonthSpan of one month", MonthSpan(at(2018, 4, 1, 0, 0), at(2018, 4, 1, 0, 0)), "huhtikuu 2018"},
		{"Time", Time(d), "klo 13.00"},
		{"Clock morning", Clock(at(2023, 1, 1, 9, 5)), "9.05"},
		{"ShortWeekday", ShortWeekday(d.Weekday()), "ma"},
		{"UTC input shown in Helsinki", Time(time.Date(2023, 6, 1, 10, 0, 0, 0, time.UTC)), "klo 13.00"},
		{"winter offset", Time(time.Date(2023, 1, 1, 10, 0, 0, 0, time.UTC)), "klo 12.00"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestDateRange(t *testing.T) {
	tests := []struct {
		start, end time.Time
		want       string
	}{
		{at(2022, 12, 1, 0, 0), at(2024, 6, 30, 0, 0), "1.12.2022–30.6.2024"},
		{at(2023, 1, 11, 0, 0), at(2023, 1, 12, 0, 0), "11.–12.1.2023"},
		{at(2023, 11, 30, 0, 0), at(2023, 12, 2, 0, 0), "30.11.–2.12.2023"},
		{at(2023, 5, 5, 9, 0), at(2023, 5, 5, 17, 0), "5.5.2023"},
	}
	for _, tt := range tests {
		if got := DateRange(tt.start, tt.end); got != tt.want {
			t.Errorf("DateRange(%v, %v) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{Number(0), "0"},
		{Number(999), "999"},
		{Number(1523), "1\u00a0523"},
		{Number(147821), "147\u00a0821"},
		{Number(1234567), "1\u00a0234\u00a0567"},
		{Number(-5000), "−5\u00a0000"},
		{Euros(116475), "116\u00a0475\u00a0€"},
		{Decimal(3.5, 2), "3,5"},
		{Decimal(12, 2), "12"},
		{Decimal(2500.25, 2), "2\u00a0500,25"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "ei tapahtumia", 1: "1 tapahtuma", 2: "2 tapahtumaa", 1000: "1\u00a0000 tapahtumaa"} {
		if got := Plural(n, "tapahtuma", "tapahtumaa", "ei tapahtumia"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Sivistysjohtajien verkosto", "sivistysjohtajien-verkosto"},
		{"Äänekoski", "aanekoski"},
		{"Hyvä keskisuomalainen – kuntapäättäjä!", "hyva-keskisuomalainen-kuntapaattaja"},
		{"Åland ja Öljy", "aland-ja-oljy"},
		{"Café Zoë", "cafe-zoe"},
		{"  ICT-strategia 2013  ", "ict-strategia-2013"},
		{"Keski-Suomi liikkuu -viestintäryhmä", "keski-suomi-liikkuu-viestintaryhma"},
		{"???", ""},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if !IsSlug("kirsi-mukkala") || IsSlug("Kirsi Mukkala") || IsSlug("") {
		t.Error("IsSlug misjudges")
	}
}

// The Finnish fast path must give what normalising gives: for every letter
// it knows, alone and in words, and it must leave every other to NFD.
func TestSlugifyFinnishIsNFD(t *testing.T) {
	var texts []string
	for r := range finnishLetters {
		texts = append(texts, string(r), "x"+string(r)+"Y 1", "– "+string(r)+" –")
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r < 0x80 || unicode.IsPunct(r) || unicode.IsSpace(r) {
			texts = append(texts, "a"+string(r)+"b")
		}
	}
	texts = append(texts, "Äänekosken kaupunki – Työllisyys 2024!", "", "  ", "Ää-öö")
	for _, s := range texts {
		got, ok := slugifyFinnish(s)
		if !ok {
			t.Errorf("slugifyFinnish(%q) refused", s)
		} else if want := slugifyNFD(s); got != want {
			t.Errorf("slugifyFinnish(%q) = %q, slugifyNFD %q", s, got, want)
		}
	}
	for _, s := range []string{"ß", "Straße", "ñ", "ç", "ø", "İ", "\u212a", "ﬁ", "½", "€"} {
		if _, ok := slugifyFinnish(s); ok {
			t.Errorf("slugifyFinnish(%q) took a letter it does not know", s)
		}
	}
}

func FuzzSlugify(f *testing.F) {
	f.Add("Äänekoski – Öljy ja Åland 2024")
	f.Add("Straße Café")
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := slugifyFinnish(s); ok {
			if want := slugifyNFD(s); got != want {
				t.Errorf("slugifyFinnish(%q) = %q, slugifyNFD %q", s, got, want)
			}
		}
	})
}

func TestFinnishSorting(t *testing.T) {
	got := []string{"Äänekoski", "Öljy", "Zeta", "Aalto", "Åbo", "Viitasaari", "ahven"}
	Strings(got)
	want := []string{"Aalto", "ahven", "Viitasaari", "Zeta", "Åbo", "Äänekoski", "Öljy"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if Compare("ä", "z") <= 0 {
		t.Error("ä must sort after z")
	}
}

func TestEventTime(t *testing.T) {
	tests := []struct {
		start, end time.Time
		whole      bool
		want       string
	}{
		{at(2022, 8, 24, 13, 0), at(2022, 8, 24, 15, 0), false, "ke 24.8.2022 klo 13.00–15.00"},
		{at(2022, 8, 24, 9, 30), time.Time{}, false, "ke 24.8.2022 klo 9.30"},
		{at(2022, 8, 24, 0, 0), time.Time{}, true, "ke 24.8.2022"},
		{at(2023, 1, 11, 0, 0), at(2023, 1, 12, 0, 0), true, "11.–12.1.2023"},
		{at(2020, 12, 21, 10, 0), at(2020, 12, 22, 15, 0), false, "ma 21.12. klo 10.00 – ti 22.12.2020 klo 15.00"},
		{at(2020, 12, 31, 18, 0), at(2021, 1, 1, 2, 0), false, "to 31.12.2020 klo 18.00 – pe 1.1.2021 klo 2.00"},
	}
	for _, tt := range tests {
		if got := EventTime(tt.start, tt.end, tt.whole); got != tt.want {
			t.Errorf("EventTime(%v, %v, %v) = %q, want %q", tt.start, tt.end, tt.whole, got, tt.want)
		}
	}
}

func TestSortByAfter(t *testing.T) {
	type item struct {
		group int
		name  string
		id    int // place before sorting
	}
	items := []item{{2, "Öljy", 0}, {1, "äiti", 1}, {2, "aamu", 2}, {1, "Aamu", 3}, {1, "zeta", 4}, {2, "aamu", 5}, {1, "aamu", 6}}
	byGroup := func(a, b item) int { return a.group - b.group }
	c := NewCollation()
	SortByAfter(c, items, byGroup, func(i item) string { return i.name })
	var got []string
	for _, it := range items {
		got = append(got, fmt.Sprintf("%d %s %d", it.group, it.name, it.id))
	}
	// Groups first, then Finnish order (ä after z; case aside), then the
	// old order.
	want := "1 Aamu 3, 1 aamu 6, 1 zeta 4, 1 äiti 1, 2 aamu 2, 2 aamu 5, 2 Öljy 0"
	if g := strings.Join(got, ", "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
	SortByAfter(c, items, nil, func(i item) string { return i.name })
	if items[len(items)-1].name != "Öljy" || items[len(items)-2].name != "äiti" {
		t.Errorf("by name alone: %v", items)
	}
}
