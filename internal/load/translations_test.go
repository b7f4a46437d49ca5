package load

import (
	"slices"
	"strings"
	"testing"
)

const translatedSite = `languages = ["fi", "sv", "en"]
title = "Testi"
`

var network = `---
title: Kunnanjohtajat
summary: Kuukausittain.
category: Kuntajohto
members: [hankasalmi]
cadence: kuukausittain
---
Runko.
`

// A translation gives texts alone; load keeps it apart from the pages,
// under its original's key, and checks it against the original.
func TestTranslations(t *testing.T) {
	r := Load(site(map[string]string{
		"content/site.toml":                "title = \"Testi\"\nlanguages = [\"fi\", \"sv\", \"en\"]\n",
		"content/verkostot/johtajat.md":    network,
		"content/verkostot/johtajat.en.md": "---\ntitle: Municipal managers\ncadence: monthly\nupdated: 2026-12-01\n---\nBody.\n",
		"content/verkostot/_index.sv.md":   "---\ntitle: Nätverk\n---\n",
		"content/_index.en.md":             "---\ntitle: Home\n---\nHello.\n",
	}))
	if len(r.Diags) > 0 {
		t.Fatal(r.Diags)
	}
	if len(r.Pages) != 1 || len(r.Translations) != 1 {
		t.Fatalf("%d pages, %d translations", len(r.Pages), len(r.Translations))
	}
	tr := r.Translations[0]
	if tr.Key != "johtajat" || tr.Lang != "en" || tr.Title != "Municipal managers" || tr.Network.Cadence != "monthly" || tr.Slug != "johtajat" {
		t.Errorf("translation = %+v", tr)
	}
	var secs []string
	for _, s := range r.SectionTranslations {
		secs = append(secs, s.Lang+":"+s.Name+":"+s.Title)
	}
	if want := []string{"en::Home", "sv:verkostot:Nätverk"}; !slices.Equal(secs, want) {
		t.Errorf("section translations %v, want %v", secs, want)
	}
	if _, ok := r.Bodies["content/verkostot/johtajat.en.md"]; !ok {
		t.Error("the translation's body is not among the bodies")
	}
	for _, s := range r.Sections {
		if s.Name == "verkostot" && s.Title != "" {
			t.Errorf("the Swedish intro's title %q went to the Finnish section", s.Title)
		}
	}
}

func TestTranslationErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"shared field set differently",
			map[string]string{"content/verkostot/johtajat.sv.md": "---\ntitle: Kommundirektörer\ncategory: Viestintä\n---\n"},
			`content/verkostot/johtajat.sv.md:3:1: error: category is shared by every language and is set in content/verkostot/johtajat.md: a translation gives only its texts (title, summary, tags, chair_title, participants, cadence, draft, updated, checked, todo, slug); remove category here, or change it in content/verkostot/johtajat.md`},
		{"shared field repeated",
			map[string]string{"content/verkostot/johtajat.sv.md": "---\ntitle: Kommundirektörer\nmembers: [hankasalmi]\n---\n"},
			`content/verkostot/johtajat.sv.md:3:1: warning: members is shared with content/verkostot/johtajat.md and has the same value there: remove it here, so that the fact is kept in one place`},
		{"no original",
			map[string]string{"content/verkostot/johtaja.sv.md": "---\ntitle: Kommundirektörer\n---\n"},
			`content/verkostot/johtaja.sv.md:1:1: error: content/verkostot/johtaja.sv.md translates content/verkostot/johtaja.md, which does not exist: a translation has the name of its original with the language before .md; did you mean "content/verkostot/johtajat.md"?`},
		{"language not published",
			map[string]string{"content/verkostot/johtajat.en.md": "---\ntitle: Managers\n---\n"},
			`content/verkostot/johtajat.en.md:1:1: error: "en" is not among the site's languages (fi, sv): add it to languages in site.toml to publish this translation`},
		{"the original twice",
			map[string]string{"content/verkostot/johtajat.fi.md": "---\ntitle: Johtajat\n---\n"},
			`content/verkostot/johtajat.md:1:1: error: content/verkostot/johtajat.fi.md and content/verkostot/johtajat.md are both the original of one page (x.md and x.fi.md name the same): keep one of them`},
		{"unknown language",
			map[string]string{"content/verkostot/johtajat.se.md": "---\ntitle: Johtajat\n---\n"},
			`content/verkostot/johtajat.se.md:1:1: error: "se" is not a language seutu knows (fi, sv, en): a translation is named like x.sv.md; did you mean "sv"?`},
		{"missing title",
			map[string]string{"content/verkostot/johtajat.sv.md": "---\ncadence: varje månad\n---\n"},
			`content/verkostot/johtajat.sv.md:2:1: error: missing title: every page needs one`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"content/site.toml":             "title = \"Testi\"\nlanguages = [\"fi\", \"sv\"]\n",
				"content/verkostot/johtajat.md": network,
			}
			for k, v := range tt.files {
				files[k] = v
			}
			r := Load(site(files))
			r.Diags.Sort()
			if got := r.Diags.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// Every diagnostic names the translation's own file.
func TestTranslationErrorsName(t *testing.T) {
	r := Load(site(map[string]string{
		"content/site.toml":                "title = \"Testi\"\nlanguages = [\"fi\", \"sv\"]\n",
		"content/verkostot/johtajat.md":    network,
		"content/verkostot/johtajat.sv.md": "---\ntitle: Kommundirektörer\ncategory: Viestintä\nscope: x\n---\n",
	}))
	for _, d := range r.Diags {
		if !strings.HasPrefix(d.Pos.File, "content/verkostot/johtajat.sv.md") {
			t.Errorf("%v", d)
		}
	}
}

// The web editor (Decap CMS) names the original x.fi.md: the same page as
// x.md, with its translations beside it.
func TestOriginalWithItsCode(t *testing.T) {
	r := Load(site(map[string]string{
		"content/site.toml":                "title = \"Testi\"\nlanguages = [\"fi\", \"sv\"]\n",
		"content/henkilot/maija.fi.md":     "---\ntitle: Maija\nsummary: Henkilö.\nrole: Johtaja\n---\n",
		"content/henkilot/maija.sv.md":     "---\ntitle: Maija\nrole: Direktör\n---\n",
		"content/ajankohtaista/uusi.fi.md": "---\ntitle: Uutinen\n---\n",
	}))
	r.Diags.Sort()
	if want := "content/ajankohtaista/uusi.fi.md:2:1: error: missing date: a news item needs date: YYYY-MM-DD"; r.Diags.Error() != want {
		t.Errorf("got\n%s\nwant\n%s", r.Diags.Error(), want)
	}
	var got []string
	for _, p := range r.Pages {
		got = append(got, p.File+":"+p.Key+":"+p.Lang)
	}
	for _, p := range r.Translations {
		got = append(got, p.File+":"+p.Key+":"+p.Lang)
	}
	want := []string{"content/ajankohtaista/uusi.fi.md:uusi:", "content/henkilot/maija.fi.md:maija:", "content/henkilot/maija.sv.md:maija:sv"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
