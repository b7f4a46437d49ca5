package render

import (
	"context"
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"
	"text/template/parse"
	"time"

	"seutu/assets"
	"seutu/internal/body"
	"seutu/internal/config"
	"seutu/internal/fi"
	"seutu/internal/lang"
	"seutu/internal/load"
	"seutu/internal/model"
	"seutu/internal/resolve"
	"seutu/internal/write"
	"seutu/layouts"
)

// langSite is a small site that reaches every layout and nearly every
// text of them: a network with every fact and one without, an ended
// study with contacts, projects that start and end, a strategy, news
// with events (upcoming, past, rough, online), a person, an
// organisation, a municipality with a population and one without, tags,
// themes, paged lists and a year archive of past events. Its own words
// are neither Finnish nor of the table, so that any Finnish left in a
// page is the site's own.
const langSite = `
-- content/site.toml --
title = "Testsite"
description = "Testsite summary."
base_url = "https://example.org/"
language = "LANG"
news_per_page = 1
past_events = 1

[[menu]]
name = "Nets"
url = "/verkostot/"

[[menu]]
name = "Bulletins"
url = "/ajankohtaista/"

[contact]
name = "Orgname"
phone = "040 123 4567"
email = "office@example.org"

[vocabularies]
network_categories = ["Alpha"]
news_categories = ["Bulletin"]
themes = ["Gamma"]
organization_types = ["liitto"]
-- content/verkostot/alphanet.md --
---
title: Alphanet
summary: Alphanet summary.
category: Alpha
scope: seudullinen
coordinator: orga
organizers: [orga]
chair: anna
members: [testby]
participants: [Xers]
cadence: weekly
meetings_per_year: 2.5
founded: 2001
website: https://example.org/alphanet
contacts: [anna]
tags: [delta]
themes: [Gamma]
related: [hankkeet/study]
updated: 2022-12-01
checked: 2022-12-02
---
-- content/verkostot/betanet.md --
---
title: Betanet
summary: Betanet summary.
scope: maakunnallinen
parent: alphanet
---
-- content/hankkeet/study.md --
---
title: Studyx
summary: Studyx summary.
type: selvitys
status: päättynyt
start: 2020-01
end: 2021-06-30
administrator: orga
funders: [orga, Fundname]
partners: [orga]
municipalities: [testby]
budget: 10000
contacts: [anna]
website: https://example.org/study
---
-- content/hankkeet/projx.md --
---
title: Projx
summary: Projx summary.
type: hanke
start: 2022-01-01
contacts: [anna]
---
-- content/hankkeet/projy.md --
---
title: Projy
summary: Projy summary.
type: hanke
status: suunnitteilla
end: 2030-01-01
---
-- content/strategiat/strat.md --
---
title: Stratx
summary: Stratx summary.
adopted: 2020-05
revised: [2021-01-02]
period: 2020–2025
owner: orga
steering: alphanet
status: voimassa
focus_areas: [Zeta]
documents:
  - title: Docx
    url: https://example.org/doc.pdf
---
-- content/ajankohtaista/upcoming.md --
---
title: Upcomingx
summary: Upcomingx summary.
date: 2022-12-01
category: Bulletin
author: anna
tags: [delta]
themes: [Gamma]
event:
  start: 2023-02-01T10:00
  end: 2023-02-01T12:00
  location: Hallx
  address: Streetx 1
  online: true
  online_url: https://example.org/online
  registration: https://example.org/register
  registration_deadline: 2023-01-20T16:00
  organizer: orga
---
-- content/ajankohtaista/rough.md --
---
title: Roughx
summary: Roughx summary.
date: 2020-03
event:
  start: 2020-03
---
-- content/ajankohtaista/online.md --
---
title: Onlinex
summary: Onlinex summary.
date: 2021-05-01
event:
  start: 2021-05-05
  online: true
  registration: by email
  registration_deadline: 2021-05-01
---
-- content/henkilot/anna.md --
---
title: Anna Example
summary: Anna summary.
role: chief
organization: orga
phone: 040 765 4321
email: anna@example.org
areas: [Omega]
---
-- content/organisaatiot/orga.md --
---
title: Orgname
summary: Orgname summary.
short: ORG
type: liitto
---
-- content/kunnat/testby.md --
---
title: Testby
summary: Testby summary.
type: kaupunki
population: 12345
population_year: 2023
subregion: Subreg
---
-- content/kunnat/otherby.md --
---
title: Otherby
summary: Otherby summary.
type: kunta
---
-- content/saavutettavuusseloste.md --
---
title: Accessx
summary: Accessx summary.
updated: 2023-01-01
---
`

// TestLanguagePages renders langSite with every default layout in Swedish
// and in English and finds no Finnish text of the UI table in what a reader
// gets: the pages' text, their readable attributes (aria-label, title,
// content, alt), the scripts' data-texts, the feeds and the calendars.
// Words of the content and of site.toml's vocabularies may stay as
// written; langSite has none that are Finnish.
func TestLanguagePages(t *testing.T) {
	finnish := finnishUITexts()
	// The check itself: the Finnish site shows the table's texts, and it
	// finds most of them there.
	found := map[string]bool{}
	for path, data := range renderLang(t, lang.Finnish) {
		if strings.HasSuffix(path, ".html") {
			text := urlRE.ReplaceAllString(readable(string(data)), "")
			for _, f := range finnish {
				found[f.word] = found[f.word] || f.re.MatchString(text)
			}
		}
	}
	n := 0
	for _, ok := range found {
		if ok {
			n++
		}
	}
	if n < len(finnish)*3/4 {
		t.Fatalf("the Finnish site shows only %d of the table's %d Finnish words: the check finds nothing", n, len(finnish))
	}
	t.Logf("the Finnish site shows %d of the table's %d Finnish words", n, len(finnish))
	for _, l := range []*lang.Lang{lang.Swedish, lang.English} {
		t.Run(l.Code, func(t *testing.T) {
			files := renderLang(t, l)
			pages := 0
			for path, data := range files {
				var text string
				switch {
				case strings.HasSuffix(path, ".html"):
					pages++
					text = readable(string(data))
					if !strings.Contains(string(data), `<html lang="`+l.Code+`">`) {
						t.Errorf("%s: no <html lang=%q>", path, l.Code)
					}
				case strings.HasSuffix(path, ".xml"), strings.HasSuffix(path, ".ics"):
					text = string(data)
				default:
					continue
				}
				text = urlRE.ReplaceAllString(text, "") // addresses keep their Finnish
				for _, f := range finnish {
					if f.re.MatchString(text) {
						t.Errorf("%s: Finnish %q (from %q) in:\n%s", path, f.word, f.row, excerpt(text, f.re))
					}
				}
			}
			if pages < 25 {
				t.Errorf("only %d pages", pages)
			}
		})
	}
}

func renderLang(t *testing.T, l *lang.Lang) map[string][]byte {
	t.Helper()
	files := map[string]string{}
	for _, f := range splitTxtar(strings.ReplaceAll(langSite, "LANG", l.Code)) {
		files[f[0]] = f[1]
	}
	loaded := load.Load(mapFS(files))
	site, diags := resolve.Resolve(&loaded.Content, resolve.Options{Now: time.Date(2023, 1, 1, 0, 0, 0, 0, fi.Helsinki)})
	diags.Merge(loaded.Diags)
	if diags.HasErrors() {
		t.Fatalf("load and resolve: %v", diags)
	}
	if site.Lang != l {
		t.Fatalf("site.Lang is %v, want %s", site.Lang, l.Code)
	}
	mem := write.NewMemory()
	_, rdiags := New(body.New(nil)).Render(context.Background(), site, loaded.Bodies, layouts.FS, assets.FS, write.NewOutput(mem, false), Options{})
	if rdiags.HasErrors() {
		t.Fatalf("render: %v", rdiags)
	}
	return mem.Files()
}

// splitTxtar splits a txtar archive into its files, name and text.
func splitTxtar(archive string) [][2]string {
	var out [][2]string
	for _, part := range strings.Split(archive, "\n-- ")[1:] {
		name, text, _ := strings.Cut(part, " --\n")
		out = append(out, [2]string{name, text})
	}
	return out
}

type finnishText struct {
	row, word string
	re        *regexp.Regexp
}

// finnishUITexts are the words of the table's Finnish texts that its
// Swedish or English do not have, each as a whole-word pattern: a
// format's and a count's words apart from their verbs and numbers.
func finnishUITexts() []finnishText {
	var out []finnishText
	seen := map[string]bool{}
	lang.EachText(func(fiText, sv, en string) {
		fiText, _, _ = strings.Cut(fiText, "@")
		for _, piece := range regexp.MustCompile(`%[a-z]|\{n\}|\|`).Split(fiText, -1) {
			piece = strings.Trim(piece, " .,:;()”")
			if piece == "" || seen[piece] || strings.Contains(sv, piece) || strings.Contains(en, piece) ||
				!regexp.MustCompile(`\pL`).MatchString(piece) {
				continue
			}
			seen[piece] = true
			out = append(out, finnishText{row: fiText, word: piece,
				re: regexp.MustCompile(`(^|[^\pL-])` + regexp.QuoteMeta(piece) + `($|[^\pL-])`)})
		}
	})
	return out
}

var (
	tagRE      = regexp.MustCompile(`(?s)<[^>]*>`)
	urlRE      = regexp.MustCompile(`https?://[^\s"<>]*`)
	attrRE     = regexp.MustCompile(`\s(aria-label|title|content|alt|data-texts)="([^"]*)"`)
	excerptLen = 80
)

// readable is what a reader of a page gets in words: its text between the
// tags (the JSON-LD's included) and its readable attributes; a script's
// data-texts decoded.
func readable(page string) string {
	var b strings.Builder
	b.WriteString(html.UnescapeString(tagRE.ReplaceAllString(page, "\n")))
	for _, tag := range tagRE.FindAllString(page, -1) {
		for _, m := range attrRE.FindAllStringSubmatch(tag, -1) {
			v := html.UnescapeString(m[2])
			if m[1] == "data-texts" {
				var texts map[string]string
				if err := json.Unmarshal([]byte(v), &texts); err != nil {
					v = "broken data-texts: " + err.Error()
				} else {
					v = ""
					for _, s := range texts {
						v += s + "\n"
					}
				}
			}
			b.WriteString("\n" + v)
		}
	}
	return b.String()
}

func excerpt(text string, re *regexp.Regexp) string {
	loc := re.FindStringIndex(text)
	from, to := max(0, loc[0]-excerptLen), min(len(text), loc[1]+excerptLen)
	for from > 0 && !isStart(text[from]) {
		from--
	}
	for to < len(text) && !isStart(text[to]) {
		to++
	}
	return text[from:to]
}

func isStart(b byte) bool { return b < 0x80 || b >= 0xc0 }

// Every {{t "…"}} of the default layouts is translated when they are
// parsed: no call of t with a constant is left for a page to run.
func TestTextsFolded(t *testing.T) {
	site := &model.Site{Config: config.Default(), Lang: lang.English}
	c := newFragments(site)
	tm, diags := loadTemplates(layouts.FS, funcs(site, newLinkIndex(site, &assetSet{}), &assetSet{}, c), c, true, false)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	left := 0
	for name, set := range tm.sets {
		for _, tmpl := range set.set.Templates() {
			if tmpl.Tree == nil {
				continue
			}
			for _, n := range parseNodes(tmpl.Tree.Root) {
				if c, ok := n.(*parse.CommandNode); ok && len(c.Args) == 2 {
					if id, ok := c.Args[0].(*parse.IdentifierNode); ok && id.Ident == "t" {
						if _, ok := c.Args[1].(*parse.StringNode); ok {
							t.Errorf("%s: %s: %s left unfolded", name, tmpl.Name(), c)
							left++
						}
					}
				}
			}
		}
	}
	var b strings.Builder
	for _, n := range parseNodes(tm.sets["home"].set.Lookup("layouts/base.html").Tree.Root) {
		b.WriteString(n.String())
	}
	if !strings.Contains(b.String(), `"Skip to content"`) {
		t.Errorf("base.html's skip link is not folded to English:\n%s", b.String())
	}
}

// parseNodes lists n and every node under it.
func parseNodes(n parse.Node) []parse.Node {
	out := []parse.Node{n}
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			out = append(out, parseNodes(c)...)
		}
	case *parse.ActionNode:
		out = append(out, parseNodes(n.Pipe)...)
	case *parse.PipeNode:
		for _, c := range n.Cmds {
			out = append(out, parseNodes(c)...)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			out = append(out, parseNodes(a)...)
		}
	case *parse.IfNode:
		out = append(out, branchNodes(&n.BranchNode)...)
	case *parse.WithNode:
		out = append(out, branchNodes(&n.BranchNode)...)
	case *parse.RangeNode:
		out = append(out, branchNodes(&n.BranchNode)...)
	case *parse.TemplateNode:
		if n.Pipe != nil {
			out = append(out, parseNodes(n.Pipe)...)
		}
	}
	return out
}

func branchNodes(b *parse.BranchNode) []parse.Node {
	out := parseNodes(b.Pipe)
	if b.List != nil {
		out = append(out, parseNodes(b.List)...)
	}
	if b.ElseList != nil {
		out = append(out, parseNodes(b.ElseList)...)
	}
	return out
}
