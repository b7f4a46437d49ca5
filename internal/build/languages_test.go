package build

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"seutu/internal/golden"
	"seutu/internal/search"
)

// threeLanguages is a small site in Finnish, Swedish and English: a
// network translated into English only, a person translated nowhere, and
// an English intro for the networks.
const threeLanguages = `-- content/site.toml --
title = "Kuntayhteistyö"
languages = ["fi", "sv", "en"]
[[menu]]
name = "Verkostot"
name_en = "Networks"
url = "/verkostot/"
[[menu]]
name = "Henkilöt"
url = "/henkilot/"
[translations.en]
title = "Municipal cooperation"
[translations.en.vocabulary]
"Kuntajohto" = "Municipal management"
[vocabularies]
network_categories = ["Kuntajohto"]
-- content/verkostot/johtajat.md --
---
title: Kunnanjohtajat
summary: Kunnanjohtajien kokoukset.
category: Kuntajohto
contacts: [maija]
cadence: kuukausittain
---
Katso [Maija](/henkilot/maija/).
-- content/verkostot/johtajat.en.md --
---
title: Municipal managers
summary: The municipal managers' meetings.
cadence: monthly
---
See [the networks](/verkostot/).
-- content/verkostot/_index.en.md --
---
title: Networks
---
All networks.
-- content/henkilot/maija.md --
---
title: Maija Meikäläinen
summary: Yhteyshenkilö.
role: Aluekehitysasiantuntija
---
-- content/henkilot/maija.sv.md --
---
title: Maija Meikäläinen
summary: Kontaktperson.
role: Sakkunnig i regionutveckling
---
`

func TestLanguages(t *testing.T) {
	rep, files := buildInMemory(t, txtarSite(threeLanguages))
	if len(rep.Diags) > 0 {
		t.Fatal(rep.Diags)
	}
	t.Run("translated page", func(t *testing.T) {
		assertLines(t, files, "en/verkostot/johtajat/index.html",
			`<html lang="en">`,
			`<link rel="alternate" hreflang="fi" href="http://127.0.0.1:1313/verkostot/johtajat/">`,
			`<link rel="alternate" hreflang="en" href="http://127.0.0.1:1313/en/verkostot/johtajat/">`,
			`<nav class="lang-switch" aria-label="Language">`,
			`<a href="/verkostot/johtajat/" hreflang="fi" lang="fi">suomi</a>`,
			`<a href="/sv/" hreflang="sv" lang="sv">svenska <span class="lang-switch__note">(sidan finns inte på svenska)</span></a>`,
			`<h1>Municipal managers</h1>`,
			`Municipal management`,                      // the category, through site.toml's vocabulary
			`<a href="/en/verkostot/">the networks</a>`, // the body's link, to the English list
		)
		assertLines(t, files, "en/verkostot/johtajat/index.html", `onthly`)
	})
	t.Run("reference to a page not translated", func(t *testing.T) {
		assertLines(t, files, "en/verkostot/johtajat/index.html",
			`<li class="person-card" lang="fi">`,
			`<a href="/henkilot/maija/" hreflang="fi">Maija Meikäläinen</a> <span class="lang-mark">(suomeksi)</span>`)
	})
	t.Run("original", func(t *testing.T) {
		assertLines(t, files, "verkostot/johtajat/index.html",
			`<html lang="fi">`,
			`<a href="/en/verkostot/johtajat/" hreflang="en" lang="en">English</a>`,
			`<li class="person-card">`)
		assertLines(t, files, "verkostot/johtajat/index.html", `uukausittain`)
	})
	t.Run("lists hold their language's pages only", func(t *testing.T) {
		for name := range files {
			if strings.HasPrefix(name, "en/henkilot/") || strings.HasPrefix(name, "sv/verkostot/") {
				t.Errorf("%s: a list or page of a language that has none of its pages", name)
			}
		}
		if _, ok := files["sv/index.html"]; !ok {
			t.Error("no Swedish home page")
		}
		en := string(files["en/index.html"])
		if strings.Contains(en, `/en/henkilot/`) {
			t.Error("the English menu links to a section English does not have")
		}
	})
	t.Run("sitemap alternates", func(t *testing.T) {
		assertLines(t, files, "sitemap.xml",
			`xmlns:xhtml="http://www.w3.org/1999/xhtml"`,
			`<xhtml:link rel="alternate" hreflang="en" href="http://127.0.0.1:1313/en/verkostot/johtajat/"/>`)
	})
	t.Run("search per language", func(t *testing.T) {
		for _, c := range []struct{ dir, lang, query, want string }{
			{"haku/", "fi", "kunnanjohtajien", "/verkostot/johtajat/"},
			{"sv/sok/", "sv", "kontaktpersonen", "/sv/henkilot/maija/"},
			{"en/search/", "en", "networks", "/en/verkostot/johtajat/"},
		} {
			if _, ok := files[c.dir+"index.html"]; !ok {
				t.Errorf("no search page %s", c.dir)
			}
			var m struct {
				Lang  string
				Chunk int
				T     []string
			}
			if err := json.Unmarshal(files[c.dir+"index.json"], &m); err != nil {
				t.Fatalf("%sindex.json: %v", c.dir, err)
			}
			if m.Lang != c.lang {
				t.Errorf("%sindex.json: lang %q, want %q", c.dir, m.Lang, c.lang)
			}
			if got := lookup(t, files, c.dir, m.T, m.Chunk, search.ForLang(c.lang).Key(c.query)); !slices.Contains(got, c.want) {
				t.Errorf("%s: %q finds %v, not %s", c.dir, c.query, got, c.want)
			}
		}
	})
	t.Run("coverage", func(t *testing.T) {
		var b strings.Builder
		rep.PrintCoverage(&b)
		want := "sv: 1 of 2 pages translated (henkilot 1/1, verkostot 0/1)\nen: 1 of 2 pages translated (henkilot 0/1, verkostot 1/1)\n"
		if b.String() != want {
			t.Errorf("got\n%s\nwant\n%s", b.String(), want)
		}
	})
}

// lookup finds in the index under dir, whose term shards' prefixes are
// shards, the URLs of the pages with key, as search.js does.
func lookup(t *testing.T, files map[string][]byte, dir string, shards []string, chunk int, key string) []string {
	t.Helper()
	prefix := ""
	for _, p := range shards {
		if strings.HasPrefix(key+search.End, p) && len(p) >= len(prefix) {
			prefix = p
		}
	}
	var shard map[string][]int
	if err := json.Unmarshal(files[dir+"t/"+search.FileName(prefix)+".json"], &shard); err != nil {
		t.Fatalf("%s: shard %q: %v", dir, prefix, err)
	}
	var urls []string
	doc := 0
	for i := 0; i+1 < len(shard[key]); i += 2 {
		doc += shard[key][i]
		var recs [][]string
		if err := json.Unmarshal(files[fmt.Sprintf("%sr/%d.json", dir, doc/chunk)], &recs); err != nil {
			t.Fatal(err)
		}
		urls = append(urls, recs[doc%chunk][0])
	}
	return urls
}

// A translation that sets a shared fact differently fails the build at
// its line, and nothing is written.
func TestLanguagesSharedField(t *testing.T) {
	site := txtarSite(threeLanguages + `-- content/verkostot/johtajat.sv.md --
---
title: Kommundirektörer
category: Viestintä
---
`)
	rep, files := buildInMemory(t, site)
	if !rep.Failed() || len(files) > 0 && !strings.Contains(rep.Diags.Error(), "content/verkostot/johtajat.sv.md:3:1: error: category is shared by every language") {
		t.Errorf("got %v", rep.Diags)
	}
}

// TestGoldenLanguages compares every file of the three-language site but
// the assets with testdata/golden-languages (go test -update rewrites
// it), and the diagnostics of a translation that sets a shared field
// differently with testdata/languages-shared-field.txt.
func TestGoldenLanguages(t *testing.T) {
	rep, files := buildInMemory(t, txtarSite(threeLanguages))
	if len(rep.Diags) > 0 {
		t.Fatal(rep.Diags)
	}
	golden.CheckDir(t, "testdata/golden-languages", withoutAssets(files))

	rep, _ = buildInMemory(t, txtarSite(threeLanguages+`-- content/verkostot/johtajat.sv.md --
---
title: Kommundirektörer
category: Viestintä
cadence: varje månad
---
`))
	golden.Check(t, "testdata/languages-shared-field.txt", []byte(rep.Diags.Error()+"\n"))
}

// TestIncrementalLanguages edits the three-language site in a session,
// translations and the originals they share facts with, and compares each
// rebuild with a full build: an edit of a translation renders as little as
// an edit of a Finnish page, and an edit of an original reaches its
// translations and the translations that name it.
func TestIncrementalLanguages(t *testing.T) {
	s, src, opts, first := sessionOn(t, txtarSite(threeLanguages), ".")
	all := first.Rendered
	edit := func(p, old, new string) []string {
		t.Helper()
		name := filepath.Join(src, filepath.FromSlash(p))
		b, err := os.ReadFile(name)
		if err != nil || !bytes.Contains(b, []byte(old)) {
			t.Fatalf("%s lacks %q (%v)", p, old, err)
		}
		if err := os.WriteFile(name, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		return []string{p}
	}
	steps := []struct {
		name    string
		do      func() []string
		partial bool // fewer pages rendered than the site has
		want    string
		in      string // a file that must then hold want
	}{
		{"translation's body", func() []string {
			return edit("content/verkostot/johtajat.en.md", "See [the networks]", "Read about [the networks]")
		}, true, "Read about", "en/verkostot/johtajat/index.html"},
		{"translation's title", func() []string {
			return edit("content/verkostot/johtajat.en.md", "title: Municipal managers", "title: Managers of municipalities")
		}, true, "Managers of municipalities", "en/verkostot/index.html"},
		{"original's fact", func() []string {
			return edit("content/verkostot/johtajat.md", "contacts: [maija]", "contacts: []")
		}, true, "", ""},
		{"original's fact back", func() []string {
			return edit("content/verkostot/johtajat.md", "contacts: []", "contacts: [maija]")
		}, true, "", ""},
		{"the title of a page not translated, which a translation names", func() []string {
			return edit("content/henkilot/maija.md", "title: Maija Meikäläinen", "title: Maija Meikäläinen-Testi")
		}, true, "Maija Meikäläinen-Testi", "en/verkostot/johtajat/index.html"},
		{"a new translation", func() []string {
			p := "content/verkostot/johtajat.sv.md"
			if err := os.WriteFile(filepath.Join(src, filepath.FromSlash(p)), []byte("---\ntitle: Kommundirektörer\nsummary: Möten.\n---\nText.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}, false, "Kommundirektörer", "sv/verkostot/johtajat/index.html"},
		{"a translation removed", func() []string {
			p := "content/verkostot/johtajat.sv.md"
			if err := os.Remove(filepath.Join(src, filepath.FromSlash(p))); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}, false, "", ""},
	}
	for _, step := range steps {
		got := s.Rebuild(context.Background(), step.do())
		checkRebuild(t, step.name, got, src, opts, step.partial, all)
		if step.in != "" && !bytes.Contains(got.Files[step.in], []byte(step.want)) {
			t.Errorf("%s: %s lacks %q", step.name, step.in, step.want)
		}
	}
}
