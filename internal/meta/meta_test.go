package meta

import (
	"strings"
	"testing"
	"time"

	"seutu/internal/diag"
	"seutu/internal/fi"

	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

func TestParseYAMLPositions(t *testing.T) {
	src := "title: Sivistysjohtajien verkosto\ncontacts:\n  - kari-pirinen\n  - valtteri-paakki\nevent:\n  start: 2023-02-24T13:00\n"
	v, diags := ParseYAML([]byte(src), "content/x.md", 2)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	tests := []struct {
		path []string
		want diag.Pos
	}{
		{[]string{"title"}, diag.Pos{File: "content/x.md", Line: 2, Col: 8}},
		{[]string{"event", "start"}, diag.Pos{File: "content/x.md", Line: 7, Col: 10}},
	}
	for _, tt := range tests {
		cur := v
		for _, k := range tt.path {
			cur = cur.Get(k).Value
		}
		if cur.Pos != tt.want {
			t.Errorf("%v at %v, want %v", tt.path, cur.Pos, tt.want)
		}
	}
	contacts := v.Get("contacts").Value
	if got := contacts.Items[1].Pos; got.Line != 5 || got.Col != 5 {
		t.Errorf("second contact at %v, want line 5 col 5", got)
	}
}

func TestParseYAMLKeepsTextAsWritten(t *testing.T) {
	v, _ := ParseYAML([]byte("title: Yes\nnum: 010\n"), "x.md", 2)
	if got := v.Get("title").Value.Text; got != "Yes" {
		t.Errorf("title = %q, want Yes (no implicit bool)", got)
	}
	if got := v.Get("num").Value.Text; got != "010" {
		t.Errorf("num = %q, want 010", got)
	}
}

func TestParseYAMLErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"syntax", "title: a\n  bad: [\n", "x.md:3:1: error: front matter is not valid YAML"},
		{"not a map", "- a\n- b\n", "x.md:2:1: error: front matter must be a list of fields"},
		{"duplicate", "title: a\ntitle: b\n", `x.md:3:1: error: field "title" is given twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := ParseYAML([]byte(tt.src), "x.md", 2)
			if !strings.HasPrefix(diags.Error(), tt.want) {
				t.Errorf("got %q, want prefix %q", diags.Error(), tt.want)
			}
		})
	}
}

func TestParseTOMLPositionsAndOrder(t *testing.T) {
	src := "title = \"Verkosto\"\ntags = [\"a\",\n  \"b\"]\nsummary = '''\nline = not a key\n'''\n\n[event]\nstart = 2023-02-24T13:00\nall_day = false\n\n[[documents]]\ntitle = \"A\"\n[[documents]]\ntitle = \"B\"\n"
	v, diags := ParseTOML([]byte(src), "x.md", 2)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	var keys []string
	for _, f := range v.Fields {
		keys = append(keys, f.Key)
	}
	if got := strings.Join(keys, ","); got != "title,tags,summary,event,documents" {
		t.Errorf("keys in order %s", got)
	}
	start := v.Get("event").Value.Get("start")
	if start.KeyPos.Line != 10 || start.Value.Text != "2023-02-24T13:00" {
		t.Errorf("event.start = %q at %v", start.Value.Text, start.KeyPos)
	}
	docs := v.Get("documents").Value
	if got := docs.Items[1].Get("title").KeyPos.Line; got != 16 {
		t.Errorf("documents[1].title at line %d, want 16", got)
	}
}

func TestParseTOMLSyntaxError(t *testing.T) {
	_, diags := ParseTOML([]byte("title = \"a\"\ntags = [\n"), "x.md", 2)
	if len(diags) != 1 || diags[0].Pos.Line < 3 {
		t.Errorf("got %v", diags)
	}
}

func TestDecoder(t *testing.T) {
	v, _ := ParseYAML([]byte(`a: 147 821
b: "3,5"
c: 2023-04-24
d: 2023-04-24T13:00
e: 2023-04-24T10:00:00Z
f: 2023-13-01
g: kyllä
h: [x, y]
i: Keskisuomi
j: nope
`), "x.md", 1)
	var d Decoder
	get := func(k string) *Value { return v.Get(k).Value }
	if got := d.Int(get("a")); got != 147821 {
		t.Errorf("Int = %d", got)
	}
	if got := d.Float(get("b")); got != 3.5 {
		t.Errorf("Float = %v", got)
	}
	if got := d.Date(get("c")); !got.Equal(time.Date(2023, 4, 24, 0, 0, 0, 0, fi.Helsinki)) {
		t.Errorf("Date = %v", got)
	}
	if got, dateOnly := d.Moment(get("d")); dateOnly || got.Hour() != 13 {
		t.Errorf("Moment = %v", got)
	}
	if got, _ := d.Moment(get("e")); got.In(fi.Helsinki).Hour() != 13 {
		t.Errorf("Moment with offset = %v", got)
	}
	if _, dateOnly := d.Moment(get("c")); !dateOnly {
		t.Errorf("a plain date is a whole day")
	}
	if !d.Bool(get("g")) {
		t.Errorf("kyllä is true")
	}
	if got := d.Texts(get("h")); strings.Join(got, ",") != "x,y" {
		t.Errorf("Texts = %q", got)
	}
	if len(d.Diags) != 0 {
		t.Fatalf("unexpected diagnostics: %v", d.Diags)
	}
	d.Date(get("f"))
	d.OneOf(get("i"), []string{"Keski-Suomi", "Pirkanmaa"}, "region")
	d.Bool(get("j"))
	want := `x.md:6:4: error: 2023-13-01 is not a date: there is no month 13; months run from 01 to 12
x.md:9:4: error: unknown region "Keskisuomi"; did you mean "Keski-Suomi"? (allowed: Keski-Suomi, Pirkanmaa)
x.md:10:4: error: expected true or false, found "nope"`
	d.Diags.Sort()
	if got := d.Diags.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestFieldsUnknown(t *testing.T) {
	v, _ := ParseYAML([]byte("title: x\ncordinator: y\n"), "x.md", 2)
	var d Decoder
	var title string
	d.Fields(v, map[string]FieldFunc{
		"title":       func(v *Value) { title = d.Text(v) },
		"coordinator": func(*Value) {},
	}, "a network")
	if title != "x" {
		t.Errorf("title = %q", title)
	}
	want := `x.md:3:1: error: unknown field "cordinator" in a network; did you mean "coordinator"?`
	if got := d.Diags.Error(); got != want {
		t.Errorf("got %s", got)
	}
}

func TestYAMLAliasBombIsStopped(t *testing.T) {
	src := "a: &a [x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		src += name + ": &" + name + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n"
		prev = name
	}
	_, diags := ParseYAML([]byte(src), "x.md", 2)
	if !strings.Contains(diags.Error(), "repeats itself through aliases") {
		t.Errorf("got %v", diags)
	}
}

func TestPartialDate(t *testing.T) {
	v, _ := ParseYAML([]byte("a: 2021-12-03\nb: 2011-01\nc: 2013\nd: tammikuu 2011\n"), "x.md", 1)
	var d Decoder
	tests := []struct {
		key   string
		parts int
		year  int
	}{{"a", 3, 2021}, {"b", 2, 2011}, {"c", 1, 2013}}
	for _, tt := range tests {
		got, parts := d.PartialDate(v.Get(tt.key).Value)
		if parts != tt.parts || got.Year() != tt.year {
			t.Errorf("%s: %v, %d parts", tt.key, got, parts)
		}
	}
	if d.PartialDate(v.Get("d").Value); !strings.Contains(d.Diags.Error(), "x.md:4:4: error: expected a date as YYYY-MM-DD, YYYY-MM or YYYY") {
		t.Errorf("got %v", d.Diags)
	}
}
