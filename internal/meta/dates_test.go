package meta

import (
	"strings"
	"testing"
	"time"

	"seutu/internal/fi"
)

// decodeOne parses "v: text" and decodes v with decode, returning what
// the decoder reported.
func decodeOne(t *testing.T, text string, decode func(*Decoder, *Value)) string {
	t.Helper()
	v, diags := ParseYAML([]byte("v: "+text+"\n"), "x.md", 2)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	var d Decoder
	decode(&d, v.Get("v").Value)
	return d.Diags.Error()
}

var (
	decodeDate    = func(d *Decoder, v *Value) { d.Date(v) }
	decodeMoment  = func(d *Decoder, v *Value) { d.Moment(v) }
	decodePartial = func(d *Decoder, v *Value) { d.PartialDate(v) }
)

// A date that has the form of one but names no day says why.
func TestImpossibleDates(t *testing.T) {
	tests := []struct {
		name, text string
		decode     func(*Decoder, *Value)
		want       string
	}{
		{"30 February", "2023-02-30", decodeDate, "x.md:2:4: error: 2023-02-30 is not a date: February 2023 has 28 days"},
		{"29 February of a common year", "2023-02-29", decodeDate, "x.md:2:4: error: 2023-02-29 is not a date: February 2023 has 28 days"},
		{"30 February of a leap year", "2024-02-30", decodeDate, "x.md:2:4: error: 2024-02-30 is not a date: February 2024 has 29 days"},
		{"31 April", "2023-04-31", decodeDate, "x.md:2:4: error: 2023-04-31 is not a date: April 2023 has 30 days"},
		{"day 0", "2023-04-00", decodeDate, "x.md:2:4: error: 2023-04-00 is not a date: April 2023 has 30 days"},
		{"month 13", "2023-13-01", decodeDate, "x.md:2:4: error: 2023-13-01 is not a date: there is no month 13; months run from 01 to 12"},
		{"month 0", "2023-00-10", decodeDate, "x.md:2:4: error: 2023-00-10 is not a date: there is no month 00; months run from 01 to 12"},
		{"not a date at all", "24.8.2022", decodeDate, `x.md:2:4: error: expected a date as YYYY-MM-DD, found "24.8.2022"`},
		{"date and time on 30 February", "2023-02-30T10:00", decodeMoment, "x.md:2:4: error: 2023-02-30T10:00 is not a date: February 2023 has 28 days"},
		{"date on 31 June", "2023-06-31", decodeMoment, "x.md:2:4: error: 2023-06-31 is not a date: June 2023 has 30 days"},
		{"month 13 with an offset", "2023-13-01T10:00:00+02:00", decodeMoment, "x.md:2:4: error: 2023-13-01T10:00:00+02:00 is not a date: there is no month 13; months run from 01 to 12"},
		{"hour 24", "2023-03-01T24:00", decodeMoment, "x.md:2:4: error: 2023-03-01T24:00 is not a time: hours run from 00 to 23"},
		{"minute 60", "2023-03-01 10:60", decodeMoment, "x.md:2:4: error: 2023-03-01 10:60 is not a time: minutes run from 00 to 59"},
		{"second 61", "2023-03-01T10:00:61", decodeMoment, "x.md:2:4: error: 2023-03-01T10:00:61 is not a time: seconds run from 00 to 59"},
		{"not a time at all", "2022-08-24 klo 13", decodeMoment, `x.md:2:4: error: expected a date and time as YYYY-MM-DDTHH:MM, found "2022-08-24 klo 13"`},
		{"partial date, month 13", "2011-13", decodePartial, "x.md:2:4: error: 2011-13 is not a date: there is no month 13; months run from 01 to 12"},
		{"partial date, 31 November", "2011-11-31", decodePartial, "x.md:2:4: error: 2011-11-31 is not a date: November 2011 has 30 days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := decodeOne(t, tt.text, tt.decode); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// Years outside MinYear–MaxYear are refused where they are written.
func TestYearRange(t *testing.T) {
	tests := []struct {
		name, text string
		decode     func(*Decoder, *Value)
		want       string // "" for no problem
	}{
		{"date 9999", "9999-12-31", decodeDate, "x.md:2:4: error: 9999-12-31: the year 9999 is out of range; write a year from 1900 to 2200"},
		{"date 0001", "0001-01-01", decodeDate, "x.md:2:4: error: 0001-01-01: the year 1 is out of range; write a year from 1900 to 2200"},
		{"first year", "1900-01-01", decodeDate, ""},
		{"last year", "2200-12-31", decodeDate, ""},
		{"year before", "1899-12-31", decodeDate, "x.md:2:4: error: 1899-12-31: the year 1899 is out of range; write a year from 1900 to 2200"},
		{"year after", "2201-01-01", decodeDate, "x.md:2:4: error: 2201-01-01: the year 2201 is out of range; write a year from 1900 to 2200"},
		{"event end 9999", "9999-12-31", decodeMoment, "x.md:2:4: error: 9999-12-31: the year 9999 is out of range; write a year from 1900 to 2200"},
		{"event time 9999", "9999-12-31T23:59", decodeMoment, "x.md:2:4: error: 9999-12-31T23:59: the year 9999 is out of range; write a year from 1900 to 2200"},
		{"event time 2202", "2202-06-01 10:00", decodeMoment, "x.md:2:4: error: 2202-06-01 10:00: the year 2202 is out of range; write a year from 1900 to 2200"},
		{"offset into the next year in Helsinki", "2200-12-31T23:30:00Z", decodeMoment, "x.md:2:4: error: 2200-12-31T23:30:00Z: the year 2201 is out of range; write a year from 1900 to 2200"},
		{"partial year", "9999", decodePartial, "x.md:2:4: error: 9999: the year 9999 is out of range; write a year from 1900 to 2200"},
		{"partial month", "1850-05", decodePartial, "x.md:2:4: error: 1850-05: the year 1850 is out of range; write a year from 1900 to 2200"},
		{"partial year in range", "2011", decodePartial, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := decodeOne(t, tt.text, tt.decode); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// A Helsinki time that the clocks skip, or show twice, is warned of, and
// the time taken is the one the warning names.
func TestMomentClockChanges(t *testing.T) {
	utc := func(y int, m time.Month, d, h, mi int) time.Time { return time.Date(y, m, d, h, mi, 0, 0, time.UTC) }
	tests := []struct {
		name, text string
		want       time.Time
		warning    string
	}{
		{"spring gap", "2026-03-29T03:30", utc(2026, 3, 29, 1, 30),
			"x.md:2:4: warning: 2026-03-29T03:30 does not exist in Helsinki (clocks go from 03:00 to 04:00): write 04:30 or 02:30"},
		{"spring gap, written with a space", "2026-03-29 03:00", utc(2026, 3, 29, 1, 0),
			"x.md:2:4: warning: 2026-03-29 03:00 does not exist in Helsinki (clocks go from 03:00 to 04:00): write 04:00 or 02:00"},
		{"spring gap, with seconds", "2023-03-26T03:59:30", utc(2023, 3, 26, 1, 59).Add(30 * time.Second),
			"x.md:2:4: warning: 2023-03-26T03:59:30 does not exist in Helsinki (clocks go from 03:00 to 04:00): write 04:59:30 or 02:59:30"},
		{"before the spring gap", "2026-03-29T02:59", utc(2026, 3, 29, 0, 59), ""},
		{"after the spring gap", "2026-03-29T04:00", utc(2026, 3, 29, 1, 0), ""},
		{"autumn repeat", "2026-10-25T03:30", utc(2026, 10, 25, 0, 30),
			"x.md:2:4: warning: 2026-10-25T03:30 is ambiguous in Helsinki, where the clocks go back from 04:00 to 03:00 and show it twice: the first (+03:00) is used; write 2026-10-25T03:30+03:00 or 2026-10-25T03:30+02:00 to say which"},
		{"autumn repeat, first minute", "2026-10-25 03:00", utc(2026, 10, 25, 0, 0),
			"x.md:2:4: warning: 2026-10-25 03:00 is ambiguous in Helsinki, where the clocks go back from 04:00 to 03:00 and show it twice: the first (+03:00) is used; write 2026-10-25T03:00+03:00 or 2026-10-25T03:00+02:00 to say which"},
		{"autumn repeat, first of the offsets written", "2026-10-25T03:30+03:00", utc(2026, 10, 25, 0, 30), ""},
		{"autumn repeat, second of the offsets written", "2026-10-25T03:30+02:00", utc(2026, 10, 25, 1, 30), ""},
		{"before the autumn repeat", "2026-10-25T02:59", utc(2026, 10, 24, 23, 59), ""},
		{"after the autumn repeat", "2026-10-25T04:00", utc(2026, 10, 25, 2, 0), ""},
		{"noon on the day of the change", "2026-10-25T12:00", utc(2026, 10, 25, 10, 0), ""},
		{"a plain date on the day of the change", "2026-03-29", utc(2026, 3, 28, 22, 0), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, _ := ParseYAML([]byte("v: "+tt.text+"\n"), "x.md", 2)
			var d Decoder
			got, _ := d.Moment(v.Get("v").Value)
			if !got.Equal(tt.want) || got.Location() != fi.Helsinki {
				t.Errorf("Moment = %v, want %v in Helsinki", got, tt.want.In(fi.Helsinki))
			}
			if got := d.Diags.Error(); got != tt.warning {
				t.Errorf("got  %s\nwant %s", got, tt.warning)
			}
			if d.Diags.HasErrors() {
				t.Error("a clock change is a warning, not an error")
			}
		})
	}
}

// A tab yaml.v3 refuses is pointed at, with what to do.
func TestParseYAMLTabs(t *testing.T) {
	const msg = "a tab in the front matter: indent with spaces (YAML does not allow tabs)"
	tests := []struct {
		name, src, want string
	}{
		{"indenting a nested key", "title: x\nevent:\n\tstart: 2023-01-01\n", "x.md:4:1: error: " + msg},
		{"before a key at the top", "title: x\n\tsummary: y\n", "x.md:3:1: error: " + msg},
		{"on the first line", "\ttitle: x\n", "x.md:2:1: error: " + msg},
		{"after spaces", "event:\n  start: 2023-01-01\n  \tend: 2023-01-02\n", "x.md:4:3: error: " + msg},
		{"before a list item", "tags:\n\t- a\n", "x.md:3:1: error: " + msg},
		{"after a list's dash", "tags:\n  -\ta\n", "x.md:3:4: error: " + msg},
		{"in a block scalar", "summary: |\n\ttext\n", "x.md:3:1: error: " + msg},
		{"after text with ä", "title: ä\nevent:\n  start: 1\n\tend: 2\n", "x.md:5:1: error: " + msg},
		{"other characters stay yaml.v3's", "title: x\n@foo: y\n", "x.md:3:1: error: front matter is not valid YAML: found character that cannot start any token"},
		{"a tab elsewhere does not take the blame", "title: a\tb\n@foo: y\n", "x.md:3:1: error: front matter is not valid YAML: found character that cannot start any token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := ParseYAML([]byte(tt.src), "x.md", 2)
			if got := diags.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	// Tabs that YAML allows are no error.
	for _, src := range []string{"title:\tx\n", "title: a\tb # c\n", "tags: [a,\n\tb]\n"} {
		if _, diags := ParseYAML([]byte(src), "x.md", 2); len(diags) > 0 {
			t.Errorf("%q: %v", src, diags)
		}
	}
}

// An empty entry of a list of texts is reported where it is written.
func TestTextsEmpty(t *testing.T) {
	tests := []struct {
		name, text, want, diags string
	}{
		{"none empty", `[a, " b "]`, "a,b", ""},
		{"empty string in a list", `[a, "", b]`, "a,b", "x.md:2:8: error: an empty entry in the list: write a word, or remove the entry"},
		{"blank string in a list", `[a, '  ']`, "a", "x.md:2:8: error: an empty entry in the list: write a word, or remove the entry"},
		{"empty single value", `""`, "", "x.md:2:4: error: an empty value: write a word, or leave the field out"},
		{"a map in a list", `[a, {b: c}]`, "a", "x.md:2:8: error: expected text, found a map"},
		{"an empty list", `[]`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, diags := ParseYAML([]byte("v: "+tt.text+"\n"), "x.md", 2)
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			var d Decoder
			if got := strings.Join(d.Texts(v.Get("v").Value), ","); got != tt.want {
				t.Errorf("Texts = %q, want %q", got, tt.want)
			}
			if got := d.Diags.Error(); got != tt.diags {
				t.Errorf("got  %s\nwant %s", got, tt.diags)
			}
		})
	}
}
