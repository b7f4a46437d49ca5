package meta

import (
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"seutu/internal/diag"
	"seutu/internal/fi"
)

// Decoder turns Values into Go values. Each method reports a problem with
// the value at the value's position and returns the zero value, so that a
// caller can go on and find every other problem in the same run.
type Decoder struct {
	Diags diag.List
}

// FieldFunc decodes one field's value.
type FieldFunc func(v *Value)

// Fields calls the function for each field of a map, in the order written.
// A field with no function is reported as unknown, with the closest known
// name suggested.
func (d *Decoder) Fields(m *Value, funcs map[string]FieldFunc, what string) {
	if !d.isMap(m, what) {
		return
	}
	for _, f := range m.Fields {
		fn, ok := funcs[f.Key]
		if !ok {
			d.unknown(f, what, slices.Collect(maps.Keys(funcs)))
			continue
		}
		if f.Value.Kind == Null {
			continue // an empty field is the same as no field
		}
		fn(f.Value)
	}
}

// Table decodes the fields of one kind of map into a T. It is made once,
// where a map of FieldFuncs would be made for every value decoded.
type Table[T any] map[string]func(T, *Value)

// FieldsOf is Fields for tables: each field goes to the first table that
// names it, with target.
func FieldsOf[T any](d *Decoder, m *Value, target T, what string, tables ...Table[T]) {
	if !d.isMap(m, what) {
		return
	}
fields:
	for _, f := range m.Fields {
		for _, t := range tables {
			if fn, ok := t[f.Key]; ok {
				if f.Value.Kind != Null {
					fn(target, f.Value)
				}
				continue fields
			}
		}
		var names []string
		for _, t := range tables {
			names = slices.AppendSeq(names, maps.Keys(t))
		}
		d.unknown(f, what, names)
	}
}

func (d *Decoder) isMap(m *Value, what string) bool {
	if m == nil {
		return false
	}
	if m.Kind != Map {
		d.Diags.Errorf(m.Pos, "%s must be a group of fields (key: value), found %s", what, m.Kind)
		return false
	}
	return true
}

func (d *Decoder) unknown(f *Field, what string, names []string) {
	slices.Sort(names)
	d.Diags.Errorf(f.KeyPos, "unknown field %q in %s%s", f.Key, what, diag.DidYouMean(f.Key, names))
}

func (d *Decoder) scalar(v *Value, want string) bool {
	if v.Kind == Scalar {
		return true
	}
	d.Diags.Errorf(v.Pos, "expected %s, found %s", want, v.Kind)
	return false
}

// Text decodes a single value as text, trimmed of surrounding space.
func (d *Decoder) Text(v *Value) string {
	if !d.scalar(v, "text") {
		return ""
	}
	return strings.TrimSpace(v.Text)
}

// Texts decodes a list of text values; a single value is a list of one.
// An empty entry ("" or blank) is reported and left out: a tag, a theme or
// an area with no text is a slip, never a value.
func (d *Decoder) Texts(v *Value) []string {
	var out []string
	for _, it := range d.ListOf(v) {
		if !d.scalar(it, "text") {
			continue
		}
		s := strings.TrimSpace(it.Text)
		if s == "" {
			if v.Kind == List {
				d.Diags.Errorf(it.Pos, "an empty entry in the list: write a word, or remove the entry")
			} else {
				d.Diags.Errorf(it.Pos, "an empty value: write a word, or leave the field out")
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// ListOf returns the items of a list, or a single value as a list of one.
func (d *Decoder) ListOf(v *Value) []*Value {
	switch v.Kind {
	case List:
		return v.Items
	case Null:
		return nil
	}
	return []*Value{v}
}

// Bool decodes true or false.
func (d *Decoder) Bool(v *Value) bool {
	if !d.scalar(v, "true or false") {
		return false
	}
	switch strings.ToLower(v.Text) {
	case "true", "kyllä":
		return true
	case "false", "ei":
		return false
	}
	d.Diags.Errorf(v.Pos, "expected true or false, found %q", v.Text)
	return false
}

// Int decodes a whole number; a no-break or plain space between thousands
// is accepted (147 821).
func (d *Decoder) Int(v *Value) int {
	if !d.scalar(v, "a whole number") {
		return 0
	}
	s := strings.NewReplacer(" ", "", "\u00a0", "", "_", "").Replace(v.Text)
	n, err := strconv.Atoi(s)
	if err != nil {
		d.Diags.Errorf(v.Pos, "expected a whole number, found %q", v.Text)
		return 0
	}
	return n
}

// Float decodes a number with a decimal point or comma.
func (d *Decoder) Float(v *Value) float64 {
	if !d.scalar(v, "a number") {
		return 0
	}
	s := strings.NewReplacer(" ", "", "\u00a0", "", ",", ".").Replace(v.Text)
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		d.Diags.Errorf(v.Pos, "expected a number, found %q", v.Text)
		return 0
	}
	return f
}

// Date decodes YYYY-MM-DD as midnight in Helsinki, in the years MinYear
// to MaxYear.
func (d *Decoder) Date(v *Value) time.Time {
	if !d.scalar(v, "a date (YYYY-MM-DD)") {
		return time.Time{}
	}
	s := strings.TrimSpace(v.Text)
	t, err := time.ParseInLocation("2006-01-02", s, fi.Helsinki)
	if err != nil {
		d.notDate(v, s, "expected a date as YYYY-MM-DD")
		return time.Time{}
	}
	if !d.inRange(v, s, t) {
		return time.Time{}
	}
	return t
}

// notDate reports text that is no date: why, when it has a date's form
// but names none (30 February), else that it is not in the form expected.
func (d *Decoder) notDate(v *Value, s, expected string) {
	if msg := impossibleDate(s); msg != "" {
		d.Diags.Errorf(v.Pos, "%s", msg)
		return
	}
	d.Diags.Errorf(v.Pos, "%s, found %q", expected, v.Text)
}

var dateTimeLayouts = []string{
	"2006-01-02T15:04",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04",
	"2006-01-02 15:04:05",
}

var offsetLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05Z07:00",
}

// Moment decodes YYYY-MM-DDTHH:MM (Helsinki time), the same with an offset,
// or a plain date (the whole day: dateOnly), in the years MinYear to
// MaxYear. A Helsinki time that the clocks skip or show twice is warned of
// (see wallTime). The zero time stands for a value that is not one.
func (d *Decoder) Moment(v *Value) (t time.Time, dateOnly bool) {
	if !d.scalar(v, "a date and time (YYYY-MM-DDTHH:MM)") {
		return time.Time{}, false
	}
	s := strings.TrimSpace(v.Text)
	t, dateOnly, ok := d.moment(v, s)
	if !ok {
		d.notDate(v, s, "expected a date and time as YYYY-MM-DDTHH:MM")
		return time.Time{}, false
	}
	if !d.inRange(v, s, t) {
		return time.Time{}, false
	}
	return t, dateOnly
}

func (d *Decoder) moment(v *Value, s string) (t time.Time, dateOnly, ok bool) {
	if t, err := time.ParseInLocation("2006-01-02", s, fi.Helsinki); err == nil {
		return t, true, true
	}
	for _, layout := range dateTimeLayouts {
		if w, err := time.Parse(layout, s); err == nil { // the clock reading, in UTC's fields
			return d.wallTime(v, s, w), false, true
		}
	}
	for _, layout := range offsetLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.In(fi.Helsinki), false, true
		}
	}
	return time.Time{}, false, false
}

// OneOf decodes text that must be one of allowed; an unknown value is
// reported with the allowed values and the closest one.
func (d *Decoder) OneOf(v *Value, allowed []string, what string) string {
	s := d.Text(v)
	if s == "" || slices.Contains(allowed, s) {
		return s
	}
	d.Diags.Errorf(v.Pos, "unknown %s %q%s (allowed: %s)", what, s,
		diag.DidYouMean(s, allowed), strings.Join(allowed, ", "))
	return ""
}

// PartialDate decodes YYYY-MM-DD, YYYY-MM or YYYY, in the years MinYear to
// MaxYear: the first day of what is written, in Helsinki, and how many
// parts were written (3, 2 or 1; 0 for a value that is not a date).
func (d *Decoder) PartialDate(v *Value) (t time.Time, parts int) {
	if !d.scalar(v, "a date (YYYY-MM-DD, YYYY-MM or YYYY)") {
		return time.Time{}, 0
	}
	s := strings.TrimSpace(v.Text)
	for _, f := range []struct {
		layout string
		parts  int
	}{{"2006-01-02", 3}, {"2006-01", 2}, {"2006", 1}} {
		if t, err := time.ParseInLocation(f.layout, s, fi.Helsinki); err == nil {
			if !d.inRange(v, s, t) {
				return time.Time{}, 0
			}
			return t, f.parts
		}
	}
	d.notDate(v, s, "expected a date as YYYY-MM-DD, YYYY-MM or YYYY")
	return time.Time{}, 0
}

// RoughDate decodes what PartialDate does, and a span of months written
// YYYY-MM/YYYY-MM, for a date the sources give only as "tammi–helmikuu
// 2018": through is the span's last month (its first day), zero when the
// value is not a span.
func (d *Decoder) RoughDate(v *Value) (t time.Time, parts int, through time.Time) {
	if !d.scalar(v, "a date (YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM/YYYY-MM)") {
		return time.Time{}, 0, time.Time{}
	}
	s := strings.TrimSpace(v.Text)
	from, to, span := strings.Cut(s, "/")
	if !span {
		t, parts = d.PartialDate(v)
		return t, parts, time.Time{}
	}
	var ts [2]time.Time
	for i, part := range []string{strings.TrimSpace(from), strings.TrimSpace(to)} {
		m, err := time.ParseInLocation("2006-01", part, fi.Helsinki)
		if err != nil {
			if msg := impossibleDate(part); msg != "" {
				d.Diags.Errorf(v.Pos, "%s", msg)
			} else {
				d.Diags.Errorf(v.Pos, "a span of months is written YYYY-MM/YYYY-MM, found %q", v.Text)
			}
			return time.Time{}, 0, time.Time{}
		}
		if !d.inRange(v, part, m) {
			return time.Time{}, 0, time.Time{}
		}
		ts[i] = m
	}
	if !ts[1].After(ts[0]) {
		d.Diags.Errorf(v.Pos, "%s: a span's last month must come after its first; for one month write %s", s, strings.TrimSpace(from))
		return time.Time{}, 0, time.Time{}
	}
	return ts[0], 2, ts[1]
}

// isMonth reports whether s has a month's form alone, YYYY-MM.
func isMonth(s string) bool {
	return len(s) == 7 && s[4] == '-' && strings.Trim(s[:4]+s[5:], "0123456789") == ""
}

// RoughMoment decodes what Moment does, and a month alone, YYYY-MM, for an
// event the sources place only in a month: month is true, and t is the
// month's first day.
func (d *Decoder) RoughMoment(v *Value) (t time.Time, dateOnly, month bool) {
	if v != nil && v.Kind == Scalar && isMonth(strings.TrimSpace(v.Text)) {
		t, parts := d.PartialDate(v)
		return t, true, parts == 2
	}
	t, dateOnly = d.Moment(v)
	return t, dateOnly, false
}
