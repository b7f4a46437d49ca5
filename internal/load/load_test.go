package load

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"seutu/internal/fi"
	"seutu/internal/model"

	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, s := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(s)}
	}
	return fsys
}

func TestLoadKindsAndFields(t *testing.T) {
	r := Load(site(map[string]string{
		"content/site.toml":           `title = "Testi"`,
		"content/verkostot/_index.md": "---\ntitle: Verkostot\nsummary: Kaikki verkostot\n---\nJohdanto.\n",
		"content/verkostot/kunnanjohtajat.md": `---
title: Kunnanjohtajakokoukset
summary: Kuukausittain.
category: Kuntajohto
scope: maakunnallinen
coordinator: keski-suomen-liitto
chair: matti-makinen
members: [hankasalmi, jyvaskyla]
participants: Kuntien johtajat
cadence: kuukausittain
meetings_per_year: 12
founded: 2005
contacts:
  - kirsi-mukkala
updated: 2026-11-23
---
Runko.
`,
		"content/ajankohtaista/tapahtuma.md": `+++
title = "Webinaari"
date = 2022-08-11
category = "Tapahtumat"

[event]
start = 2022-08-24T13:00
end = 2022-08-24T15:00
online = true
+++
Tervetuloa.
`,
		"content/henkilot/kirsi-mukkala.md": "---\ntitle: Kirsi Mukkala\nphone: 040 595 0002\nemail: kirsi.mukkala[at]keskisuomi.fi\n---\n",
		"content/saavutettavuusseloste.md":  "---\ntitle: Saavutettavuusseloste\n---\n",
		"content/tietoa/palvelut.md":        "---\ntitle: Palvelut\n---\n",
		"content/hankkeet/kuva.png":         "\x89PNG",
	}))
	if r.Diags.HasErrors() {
		t.Fatal(r.Diags)
	}
	if len(r.Pages) != 5 {
		t.Fatalf("%d pages", len(r.Pages))
	}
	by := map[string]*model.Page{}
	for _, p := range r.Pages {
		by[p.File] = p
	}
	n := by["content/verkostot/kunnanjohtajat.md"]
	if n.Kind != model.KindNetwork || n.Section != "verkostot" || n.Key != "kunnanjohtajat" || n.Slug != "kunnanjohtajat" {
		t.Errorf("placed as %s %s %s %s", n.Kind, n.Section, n.Key, n.Slug)
	}
	if n.Network.Coordinator.Key != "keski-suomen-liitto" || len(n.Network.Members) != 2 || n.Network.MeetingsPerYear != 12 || n.Network.Founded != 2005 {
		t.Errorf("network = %+v", n.Network)
	}
	if n.Contacts[0].Pos.Line != 14 || n.Contacts[0].Pos.Col != 5 {
		t.Errorf("contact at %v, want line 14 col 5", n.Contacts[0].Pos)
	}
	if b := r.Bodies[n.File]; b.Line != 17 || strings.TrimSpace(string(b.Text)) != "Runko." {
		t.Errorf("body at line %d: %q", b.Line, b.Text)
	}
	e := by["content/ajankohtaista/tapahtuma.md"]
	want := time.Date(2022, 8, 24, 13, 0, 0, 0, fi.Helsinki)
	if !e.IsEvent() || !e.News.Event.Start.Equal(want) || !e.News.Event.Online {
		t.Errorf("event = %+v", e.News.Event)
	}
	if p := by["content/henkilot/kirsi-mukkala.md"]; p.Person.Email != "kirsi.mukkala@keskisuomi.fi" {
		t.Errorf("email = %q", p.Person.Email)
	}
	if p := by["content/tietoa/palvelut.md"]; p.Kind != model.KindPage || p.Section != "tietoa" {
		t.Errorf("plain page placed as %s in %q", p.Kind, p.Section)
	}
	if p := by["content/saavutettavuusseloste.md"]; p.Kind != model.KindPage || p.Section != "" {
		t.Errorf("top page placed as %s in %q", p.Kind, p.Section)
	}
	var names []string
	for _, s := range r.Sections {
		names = append(names, s.Name+":"+s.Title)
	}
	if got := strings.Join(names, " "); got != "ajankohtaista: henkilot: tietoa: verkostot:Verkostot" {
		t.Errorf("sections = %s", got)
	}
	if len(r.Diags) != 1 || !strings.Contains(r.Diags[0].Msg, "not a Markdown file") {
		t.Errorf("want one warning for kuva.png, got %v", r.Diags)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string
	}{
		{"unknown field with suggestion", "content/verkostot/x.md", "---\ntitle: X\ncordinator: a\n---\n",
			[]string{`content/verkostot/x.md:3:1: error: unknown field "cordinator" in the front matter of a network; did you mean "coordinator"?`}},
		{"missing title", "content/verkostot/x.md", "---\nsummary: a\n---\n",
			[]string{"content/verkostot/x.md:2:1: error: missing title: every page needs one"}},
		{"unclosed front matter", "content/x.md", "\n---\ntitle: X\n\nbody\n",
			[]string{"content/x.md:2:1: error: front matter opened with --- is never closed"}},
		{"no front matter", "content/x.md", "# Otsikko\n",
			[]string{"content/x.md:1:1: error: no front matter"}},
		{"empty file", "content/x.md", "\n\n", []string{"content/x.md:1:1: error: the file is empty"}},
		{"invalid utf-8", "content/x.md", "---\ntitle: \xff\n---\n", []string{"content/x.md:2:8: error: not valid UTF-8"}},
		{"yaml syntax", "content/x.md", "---\ntitle: [a\n---\n", []string{"content/x.md:", "front matter is not valid YAML"}},
		{"bad values", "content/hankkeet/x.md", "---\ntitle: X\ntype: projekti\nstart: 1.12.2022\nbudget: paljon\nwebsite: www.example.fi\n---\n",
			[]string{
				`content/hankkeet/x.md:3:7: error: unknown project type "projekti" (allowed: hanke, selvitys)`,
				`content/hankkeet/x.md:4:8: error: expected a date as YYYY-MM-DD, YYYY-MM or YYYY, found "1.12.2022"`,
				`content/hankkeet/x.md:5:9: error: expected a whole number, found "paljon"`,
				`content/hankkeet/x.md:6:10: error: expected a web address starting with https://, found "www.example.fi"`,
			}},
		{"checked with a todo left", "content/x.md", "---\ntitle: X\nchecked: 2026-12-02\ntodo: Tarkista puhelinnumero.\n---\n",
			[]string{"content/x.md:3:10: warning: checked says this page's facts were checked on 2026-12-02, but todo still lists something to check"}},
		{"rough dates", "content/ajankohtaista/x.md", "---\ntitle: X\ndate: 2018-02/2018-01\nevent:\n  start: 2018-13\n  end: 2018-05\n---\n",
			[]string{
				"content/ajankohtaista/x.md:3:7: error: 2018-02/2018-01: a span's last month must come after its first; for one month write 2018-02",
				"content/ajankohtaista/x.md:5:10: error: 2018-13 is not a date: there is no month 13",
			}},
		{"a span of days is not a rough date", "content/ajankohtaista/x.md", "---\ntitle: X\ndate: 2018-02-01/2018-02-03\n---\n",
			[]string{`content/ajankohtaista/x.md:3:7: error: a span of months is written YYYY-MM/YYYY-MM, found "2018-02-01/2018-02-03"`}},
		{"news without date", "content/ajankohtaista/x.md", "---\ntitle: X\n---\n",
			[]string{"content/ajankohtaista/x.md:2:1: error: missing date"}},
		{"event without start, ending early", "content/ajankohtaista/x.md", "---\ntitle: X\ndate: 2022-01-01\nevent:\n  end: 2022-01-01\n---\n",
			[]string{"content/ajankohtaista/x.md:5:3: error: an event needs start"}},
		{"event ends before it starts", "content/ajankohtaista/x.md", "---\ntitle: X\ndate: 2022-01-01\nevent:\n  start: 2022-01-02T10:00\n  end: 2022-01-02T09:00\n---\n",
			[]string{"content/ajankohtaista/x.md:6:8: error: the event ends before it starts"}},
		{"registration closes after the start", "content/ajankohtaista/x.md", "---\ntitle: X\ndate: 2022-01-01\nevent:\n  start: 2022-01-02T10:00\n  registration_deadline: 2022-01-02T12:00\n---\n",
			[]string{"content/ajankohtaista/x.md:6:26: error: registration closes after the event starts (2022-01-02T10:00)"}},
		{"binary file", "content/x.md", "---\ntitle: X\x00\n---\n", []string{"content/x.md:1:1: error: a binary file, not text"}},
		{"file name not a slug", "content/verkostot/Kirsi Mukkala.md", "---\ntitle: X\n---\n",
			[]string{`content/verkostot/Kirsi Mukkala.md:1:1: error: file name "Kirsi Mukkala.md" cannot become a clean URL: rename the file "kirsi-mukkala.md"`}},
		{"folder name not a slug", "content/Verkostot/x.md", "---\ntitle: X\n---\n",
			[]string{`content/Verkostot:1:1: error: folder name "Verkostot" cannot become a clean URL: rename the folder "verkostot"`}},
		{"byte-order mark", "content/x.md", "\xef\xbb\xbf---\ntitle: X\n---\n", []string{"content/x.md:1:1: warning: the file starts with a byte-order mark"}},
		{"reference that is a name", "content/verkostot/x.md", "---\ntitle: X\nchair: Matti Mäkinen\n---\n",
			[]string{`content/verkostot/x.md:3:8: error: "Matti Mäkinen" is not a reference`}},
		{"aliases that would write host rules or leave the site", "content/x.md", "---\ntitle: X\naliases:\n" +
			"  - \"/ /sivu-x/ 200!\"\n  - /\n  - /vanha/../../../tmp/pwn/\n  - '/vanha\\sivu/'\n  - /vanha//sivu/\n" +
			"  - /sivu-ä/\n  - /sivu%zz/\n  - //evil.example/\n  - \"/tab\\there/\"\n  - /vanha<sivu>/\n  - /a%2Fb/\n  - /%2e%2e/\n  - /sivu-%C3%A4/\n  - /Vanha_Sivu.html\n---\n",
			[]string{
				`content/x.md:4:5: error: alias "/ /sivu-x/ 200!" has white space or a control character (at byte 1)`,
				`content/x.md:5:5: error: alias "/" is the home page's address`,
				`content/x.md:6:5: error: alias "/vanha/../../../tmp/pwn/" has a . or .. folder`,
				`content/x.md:7:5: error: alias "/vanha\\sivu/" has a backslash: write / between folders`,
				`content/x.md:8:5: error: alias "/vanha//sivu/" has an empty folder (//)`,
				`content/x.md:9:5: error: alias "/sivu-ä/" has 'ä': write it percent-escaped (%C3%A4)`,
				`content/x.md:10:5: error: alias "/sivu%zz/" has a % that does not start an escape`,
				`content/x.md:11:5: error: alias "//evil.example/" must be a path on this site starting with one /`,
				`content/x.md:12:5: error: alias "/tab\there/" has white space`,
				`content/x.md:13:5: error: alias "/vanha<sivu>/" has '<', which an address path cannot`,
				`content/x.md:14:5: error: alias "/a%2Fb/" has an escape that stands for a slash`,
				`content/x.md:15:5: error: alias "/%2e%2e/" has a . or .. folder`,
			}},
		{"web addresses with spaces or backslashes", "content/organisaatiot/x.md", "---\ntitle: X\nwebsite: https://example.fi/a b\n---\n",
			[]string{`content/organisaatiot/x.md:3:10: error: web address "https://example.fi/a b" has ' ': an address has no white space or backslashes`}},
		{"bad email and phone", "content/henkilot/x.md", "---\ntitle: X\nemail: kirsi.keskisuomi.fi\nphone: soita\n---\n",
			[]string{"content/henkilot/x.md:3:8: error: expected an e-mail address", "content/henkilot/x.md:4:8: error: expected a phone number"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Load(site(map[string]string{tt.file: tt.src}))
			got := r.Diags.Error()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("diagnostics lack %q:\n%s", w, got)
				}
			}
			if n := len(r.Diags); n != len(tt.want) && strings.HasPrefix(tt.name, "aliases") {
				t.Errorf("%d diagnostics, want %d (the clean aliases must pass):\n%s", n, len(tt.want), got)
			}
		})
	}
}

func TestCRLFIsAccepted(t *testing.T) {
	r := Load(site(map[string]string{"content/verkostot/x.md": "---\r\ntitle: X\r\nchair: a b\r\n---\r\nRunko.\r\n"}))
	if got := r.Diags.Error(); !strings.HasPrefix(got, `content/verkostot/x.md:3:8: error: "a b" is not a reference`) || len(r.Diags) != 1 {
		t.Errorf("got %s", got)
	}
}

func TestFileSizeLimit(t *testing.T) {
	r := Load(site(map[string]string{
		"content/site.toml": "title = \"T\"\nmax_file_kb = 1\n",
		"content/x.md":      "---\ntitle: X\n---\n" + strings.Repeat("sana ", 400),
	}))
	if got := r.Diags.Error(); !strings.Contains(got, "content/x.md:1:1: error: the file is 2 kB, more than the 1 kB a page may be") {
		t.Errorf("got %s", got)
	}
}

func TestLoadIsDeterministic(t *testing.T) {
	files := map[string]string{"content/site.toml": `title = "T"`}
	for i := range 50 {
		files["content/verkostot/v"+string(rune('a'+i%26))+string(rune('a'+i/26))+".md"] = "---\ntitle: V\nbad: 1\n---\n"
	}
	first := Load(site(files))
	for range 5 {
		again := Load(site(files))
		if again.Diags.Error() != first.Diags.Error() {
			t.Fatal("diagnostics differ between runs")
		}
		for i := range first.Pages {
			if again.Pages[i].File != first.Pages[i].File {
				t.Fatal("page order differs between runs")
			}
		}
	}
}

func TestReloadTellsBodyOnlyEdits(t *testing.T) {
	const page = "content/verkostot/a.md"
	site := func() fstest.MapFS {
		return fstest.MapFS{
			page:                     {Data: []byte("---\ntitle: A\n---\nTeksti.\n")},
			"content/verkostot/b.md": {Data: []byte("---\ntitle: B\n---\nToinen.\n")},
		}
	}
	tests := []struct {
		name   string
		edit   func(fstest.MapFS) []string
		bodies bool
	}{
		{"body", func(fs fstest.MapFS) []string {
			fs[page] = &fstest.MapFile{Data: []byte("---\ntitle: A\n---\nUusi teksti.\n")}
			return []string{page}
		}, true},
		{"front matter", func(fs fstest.MapFS) []string {
			fs[page] = &fstest.MapFile{Data: []byte("---\ntitle: A2\n---\nTeksti.\n")}
			return []string{page}
		}, false},
		{"byte-order mark", func(fs fstest.MapFS) []string {
			fs[page] = &fstest.MapFile{Data: []byte("\xef\xbb\xbf---\ntitle: A\n---\nTeksti.\n")}
			return []string{page}
		}, false},
		{"added", func(fs fstest.MapFS) []string {
			fs["content/verkostot/c.md"] = &fstest.MapFile{Data: []byte("---\ntitle: C\n---\n")}
			return []string{"content/verkostot/c.md"}
		}, false},
		{"removed", func(fs fstest.MapFS) []string {
			delete(fs, page)
			return []string{page}
		}, false},
		{"layout too", func(fs fstest.MapFS) []string {
			fs[page] = &fstest.MapFile{Data: []byte("---\ntitle: A\n---\nUusi teksti.\n")}
			return []string{page, "layouts/network.html"}
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := site()
			prev := Reload(context.Background(), fsys, nil, nil)
			before := prev.files[page].page
			changed := map[string]bool{}
			for _, f := range tt.edit(fsys) {
				changed[f] = true
			}
			r := Reload(context.Background(), fsys, prev, changed)
			if got := r.BodiesOnly() != nil; got != tt.bodies {
				t.Fatalf("BodiesOnly() = %v, want bodies only: %v", r.BodiesOnly(), tt.bodies)
			}
			after := r.files[page].page
			if tt.bodies && (after != before || string(r.Bodies[page].Text) != "Uusi teksti.\n") {
				t.Errorf("a body-only edit should keep the decoded page and take the new body; body %q", r.Bodies[page].Text)
			}
			if tt.name == "front matter" && after == before {
				t.Errorf("an edit of the front matter should decode the page anew")
			}
		})
	}
}

// A placeholder of `seutu new` left in a published page is an error at
// each place it stands, however many share a line; a draft may keep them;
// an edit of the body alone finds them anew.
func TestPlaceholders(t *testing.T) {
	const front = "---\ntitle: Uusi\nsummary: Kirjoita tähän tiivistelmä.\n---\n"
	tests := []struct {
		name, src string
		want      []string // line:col of each error
	}{
		{"summary and body", front + "Kirjoita tähän esittely.\n\n## Otsikko\n\nÄä, Kirjoita tähän Kirjoita tähän.\n",
			[]string{"3:10", "5:1", "9:5", "9:20"}},
		{"none", "---\ntitle: Valmis\n---\nOma teksti.\n", nil},
		{"a draft", "---\ntitle: Uusi\ndraft: true\nsummary: Kirjoita tähän x.\n---\nKirjoita tähän y.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Load(site(map[string]string{"content/a.md": tt.src}))
			var got []string
			for _, d := range r.Diags {
				if strings.Contains(d.Msg, "placeholder") {
					got = append(got, fmt.Sprintf("%d:%d", d.Pos.Line, d.Pos.Col))
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("placeholders at %v, want %v\n%v", got, tt.want, r.Diags)
			}
		})
	}

	t.Run("body edits", func(t *testing.T) {
		fsys := site(map[string]string{"content/a.md": "---\ntitle: A\n---\nValmis.\n"})
		prev := Reload(context.Background(), fsys, nil, nil)
		for _, step := range []struct {
			body string
			want int
		}{{"Kirjoita tähän.\n", 1}, {"Valmis taas.\n", 0}} {
			fsys["content/a.md"].Data = []byte("---\ntitle: A\n---\n" + step.body)
			r := Reload(context.Background(), fsys, prev, map[string]bool{"content/a.md": true})
			if r.BodiesOnly() == nil {
				t.Fatal("not a body-only edit")
			}
			if len(r.Diags) != step.want {
				t.Errorf("body %q: %v, want %d placeholder errors", step.body, r.Diags, step.want)
			}
			prev = r
		}
	})
}

// endless is an fs.FS of one file that Stat says is empty and that never
// ends, as a device such as /dev/zero reads.
type endless struct{}

func (endless) Open(name string) (fs.File, error) { return &zeros{name: name}, nil }

type zeros struct {
	name string
	read int64
}

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.read += int64(len(p))
	return len(p), nil
}
func (z *zeros) Close() error { return nil }
func (z *zeros) Stat() (fs.FileInfo, error) {
	return fstest.MapFS{z.name: &fstest.MapFile{}}.Stat(z.name)
}

// A file is read to the size limit and one byte more, whatever Stat said:
// before, a device that claimed size 0 was read until memory ran out.
func TestReadFileStopsAtTheLimit(t *testing.T) {
	src, size, err := readFile(endless{}, "content/nolla.md", 4096)
	if err != nil || src != nil || size <= 4096 || size > 2*4096 {
		t.Errorf("readFile = %d bytes, size %d, %v; want nil and a size just over the limit", len(src), size, err)
	}
}
