package resolve

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"seutu/internal/diag"
	"seutu/internal/fi"
	"seutu/internal/load"
	"seutu/internal/model"

	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

const siteTOML = `title = "Testi"
[vocabularies]
network_categories = ["Kuntajohto", "Hyvinvointi"]
news_categories = ["Uutinen", "Tapahtumat"]
themes = ["Ilmasto", "Hyvä vointi"]
organization_types = ["liitto", "hyvinvointialue"]
`

func resolveSite(t *testing.T, files map[string]string, opts Options) (*model.Site, diag.List) {
	t.Helper()
	fsys := fstest.MapFS{"content/site.toml": {Data: []byte(siteTOML)}}
	for name, s := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(s)}
	}
	loaded := load.Load(fsys)
	if loaded.Diags.HasErrors() {
		t.Fatalf("load: %v", loaded.Diags)
	}
	if opts.Now.IsZero() {
		opts.Now = time.Date(2023, 3, 1, 12, 0, 0, 0, fi.Helsinki)
	}
	return Resolve(&loaded.Content, opts)
}

var people = map[string]string{
	"content/henkilot/kirsi-mukkala.md":            "---\ntitle: Kirsi Mukkala\norganization: keski-suomen-liitto\n---\n",
	"content/henkilot/matti-makinen.md":            "---\ntitle: Matti Mäkinen\n---\n",
	"content/henkilot/heidi-kervinen.md":           "---\ntitle: Heidi Kervinen\ndraft: true\n---\n",
	"content/organisaatiot/keski-suomen-liitto.md": "---\ntitle: Keski-Suomen liitto\ntype: liitto\n---\n",
	"content/kunnat/aanekoski.md":                  "---\ntitle: Äänekoski\ntype: kaupunki\n---\n",
	"content/kunnat/hankasalmi.md":                 "---\ntitle: Hankasalmi\ntype: kunta\n---\n",
	"content/kunnat/jyvaskyla.md":                  "---\ntitle: Jyväskylä\ntype: kaupunki\n---\n",
}

func with(extra map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range people {
		out[k] = v
	}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

func TestResolveLinksAndBackrefs(t *testing.T) {
	site, diags := resolveSite(t, with(map[string]string{
		"content/verkostot/kunnanjohtajat.md": "---\ntitle: Kunnanjohtajakokoukset\ncategory: Kuntajohto\ncoordinator: keski-suomen-liitto\nchair: matti-makinen\nmembers: [jyvaskyla, aanekoski, hankasalmi]\ncontacts: [kirsi-mukkala]\nthemes: [Ilmasto]\ntags: [kuntajohto]\n---\n",
		"content/verkostot/alaryhma.md":       "---\ntitle: Alaryhmä\ncategory: Hyvinvointi\nparent: kunnanjohtajat\nrelated: [verkostot/kunnanjohtajat]\n---\n",
		"content/ajankohtaista/uutinen.md":    "---\ntitle: Uutinen\ndate: 2023-02-01\ncategory: Uutinen\nauthor: kirsi-mukkala\ntags: [Kuntajohto]\n---\n",
	}), Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	n := site.Lookup(model.KindNetwork, "kunnanjohtajat")
	if n.URL != "/verkostot/kunnanjohtajat/" {
		t.Errorf("URL = %s", n.URL)
	}
	if n.Network.Chair.Target.Title != "Matti Mäkinen" {
		t.Errorf("chair = %v", n.Network.Chair.Target)
	}
	liitto := site.Lookup(model.KindOrganization, "keski-suomen-liitto")
	if len(liitto.Back.Coordinates) != 1 || len(liitto.Back.Staff) != 1 {
		t.Errorf("liitto back = %+v", liitto.Back)
	}
	kirsi := site.Lookup(model.KindPerson, "kirsi-mukkala")
	if len(kirsi.Back.ContactFor) != 1 || len(kirsi.Back.Authored) != 1 {
		t.Errorf("kirsi back = %+v", kirsi.Back)
	}
	if got := site.Lookup(model.KindMunicipality, "aanekoski").Back.MemberOf; len(got) != 1 || got[0] != n {
		t.Errorf("Äänekoski member of %v", got)
	}
	if len(n.Back.Children) != 1 || len(n.Back.Related) != 1 {
		t.Errorf("network back = %+v", n.Back)
	}
	if len(site.Tags) != 1 || len(site.Tags[0].Pages) != 2 || site.Tags[0].URL != "/avainsanat/kuntajohto/" {
		t.Errorf("tags = %+v", site.Tags)
	}
	if len(site.Themes) != 1 || site.Themes[0].URL != "/teemat/ilmasto/" {
		t.Errorf("themes = %+v", site.Themes)
	}
	var towns []string
	for _, p := range site.Section("kunnat").Pages {
		towns = append(towns, p.Title)
	}
	if got := strings.Join(towns, ","); got != "Hankasalmi,Jyväskylä,Äänekoski" {
		t.Errorf("municipalities in order %s", got)
	}
	var nets []string
	for _, p := range site.Section("verkostot").Pages {
		nets = append(nets, p.Title)
	}
	if got := strings.Join(nets, ","); got != "Kunnanjohtajakokoukset,Alaryhmä" {
		t.Errorf("networks (by category order) %s", got)
	}
	var groups []string
	for _, g := range site.Section("verkostot").Groups {
		groups = append(groups, g.Title+":"+g.Pages[0].Title)
	}
	if got := strings.Join(groups, ","); got != "Kuntajohto:Kunnanjohtajakokoukset,Hyvinvointi:Alaryhmä" {
		t.Errorf("network groups %s", got)
	}
	if g := site.Section("kunnat").Groups; len(g) != 1 || g[0].Title != "" || len(g[0].Pages) != 3 {
		t.Errorf("municipalities are one untitled group: %+v", g)
	}
	if site.Section("henkilot").Pages[0].Title != "Kirsi Mukkala" {
		t.Error("people sort by surname: Mukkala before Mäkinen")
	}
}

func TestResolveErrors(t *testing.T) {
	_, diags := resolveSite(t, with(map[string]string{
		"content/verkostot/x.md": `---
title: X
category: Kuntajohdto
coordinator: keski-suomen-litto
chair: kirsi-mukala
contacts: [heidi-kervinen, nobody-at-all]
themes: [Ilmastot]
related: [hankkeet/puuttuu]
parent: x
---
`,
		"content/ajankohtaista/a.md": "---\ntitle: A\ndate: 2023-01-01\ncategory: Blogi\n---\n",
		"content/tietoa/sama.md":     "---\ntitle: A\nslug: sama\n---\n",
		"content/tietoa/toinen.md":   "---\ntitle: B\nslug: sama\naliases: [/verkostot/x/]\n---\n",
	}), Options{})
	want := []string{
		`content/ajankohtaista/a.md:4:11: error: unknown news category "Blogi" (allowed: Uutinen, Tapahtumat; add new ones to news_categories in site.toml)`,
		"content/tietoa/toinen.md:1:1: error: content/tietoa/toinen.md has the same URL /tietoa/sama/ as content/tietoa/sama.md",
		"content/tietoa/toinen.md:4:11: error: alias /verkostot/x/ is the URL of content/verkostot/x.md",
		`content/verkostot/x.md:3:11: error: unknown network category "Kuntajohdto"; did you mean "Kuntajohto"?`,
		`content/verkostot/x.md:4:14: error: unknown organization "keski-suomen-litto"; did you mean "keski-suomen-liitto"? (no file content/organisaatiot/keski-suomen-litto.md)`,
		`content/verkostot/x.md:5:8: error: unknown person "kirsi-mukala"; did you mean "kirsi-mukkala"? (no file content/henkilot/kirsi-mukala.md)`,
		`content/verkostot/x.md:6:12: error: person "heidi-kervinen" is a draft (content/henkilot/heidi-kervinen.md): publish it or remove the reference`,
		`content/verkostot/x.md:6:28: error: unknown person "nobody-at-all" (no file content/henkilot/nobody-at-all.md)`,
		`content/verkostot/x.md:7:10: error: unknown theme "Ilmastot"; did you mean "Ilmasto"?`,
		`content/verkostot/x.md:8:11: error: unknown project "hankkeet/puuttuu" (no file content/hankkeet/puuttuu.md)`,
		`content/verkostot/x.md:9:9: error: a network cannot be its own parent`,
	}
	diags = errorsOf(diags)
	diags.Sort()
	got := strings.Split(diags.Error(), "\n")
	if len(got) != len(want) {
		t.Errorf("got %d diagnostics, want %d:\n%s", len(got), len(want), diags.Error())
	}
	for i := range min(len(got), len(want)) {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("diagnostic %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}

func TestDraftsOption(t *testing.T) {
	site, diags := resolveSite(t, with(map[string]string{
		"content/verkostot/x.md": "---\ntitle: X\ncontacts: [heidi-kervinen]\n---\n",
	}), Options{Drafts: true})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if site.Lookup(model.KindPerson, "heidi-kervinen") == nil {
		t.Error("draft left out with Drafts")
	}
}

func TestProjectStatusAndEvents(t *testing.T) {
	site, diags := resolveSite(t, with(map[string]string{
		"content/hankkeet/ohi.md":         "---\ntitle: Ohi\nstart: 2017-08-01\nend: 2020-12-31\n---\n",
		"content/hankkeet/kaynnissa.md":   "---\ntitle: Käynnissä\nstart: 2022-12-01\nend: 2024-06-30\n---\n",
		"content/hankkeet/tuleva.md":      "---\ntitle: Tuleva\nstart: 2024-01-01\n---\n",
		"content/hankkeet/annettu.md":     "---\ntitle: Annettu\nstatus: päättynyt\nstart: 2022-01-01\n---\n",
		"content/ajankohtaista/mennyt.md": "---\ntitle: Mennyt\ndate: 2023-01-01\nevent:\n  start: 2023-02-28\n---\n",
		"content/ajankohtaista/tanaan.md": "---\ntitle: Tänään\ndate: 2023-01-02\nevent:\n  start: 2023-03-01T09:00\n  end: 2023-03-01T11:00\n---\n",
		"content/ajankohtaista/tuleva.md": "---\ntitle: Tuleva\ndate: 2023-01-03\nevent:\n  start: 2023-03-01\n---\n",
	}), Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	status := map[string]string{}
	for _, p := range site.Section("hankkeet").Pages {
		status[p.Key] = p.Project.Status
	}
	want := map[string]string{"ohi": "päättynyt", "kaynnissa": "käynnissä", "tuleva": "suunnitteilla", "annettu": "päättynyt"}
	for k, v := range want {
		if status[k] != v {
			t.Errorf("%s: status %q, want %q", k, status[k], v)
		}
	}
	titles := func(ps []*model.Page) string {
		var s []string
		for _, p := range ps {
			s = append(s, p.Title)
		}
		return strings.Join(s, ",")
	}
	// Now is 1.3.2023 12.00: the morning event is over, the all-day one is not.
	if got := titles(site.Upcoming(0)); got != "Tuleva" {
		t.Errorf("upcoming = %s", got)
	}
	if got := titles(site.Past()); got != "Tänään,Mennyt" {
		t.Errorf("past = %s", got)
	}
	if got := titles(site.Latest(2)); got != "Tuleva,Tänään" {
		t.Errorf("latest = %s", got)
	}
}

func TestLists(t *testing.T) {
	files := with(map[string]string{
		"content/verkostot/a.md":             "---\ntitle: A\ncategory: Kuntajohto\nscope: seudullinen\ncoordinator: keski-suomen-liitto\nmembers: [jyvaskyla, aanekoski]\n---\n",
		"content/verkostot/b.md":             "---\ntitle: B\ncategory: Hyvinvointi\nscope: maakunnallinen\nmembers: [hankasalmi]\n---\n",
		"content/verkostot/c.md":             "---\ntitle: C\n---\n",
		"content/ajankohtaista/ajastettu.md": "---\ntitle: Ajastettu\ndate: 2023-04-01\ncategory: Uutinen\n---\n",
	})
	for i := range 5 {
		day := string(rune('1' + i))
		files["content/ajankohtaista/u"+day+".md"] = "---\ntitle: U" + day + "\ndate: 2022-01-0" + day + "\ncategory: Uutinen\n---\n"
		files["content/ajankohtaista/t"+day+".md"] = "---\ntitle: T" + day + "\ndate: 2023-01-0" + day + "\nevent:\n  start: 2023-0" + day + "-15\n---\n"
	}
	// Keys after [vocabularies] would belong to it: put these first.
	fsys := fstest.MapFS{"content/site.toml": {Data: []byte("news_per_page = 4\npast_events = 1\n" + siteTOML)}}
	for name, s := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(s)}
	}
	loaded := load.Load(fsys)
	site, diags := Resolve(&loaded.Content, Options{Now: time.Date(2023, 3, 1, 12, 0, 0, 0, fi.Helsinki)})
	diags.Merge(loaded.Diags)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	byURL := map[string]*model.List{}
	var urls []string
	for _, l := range site.Lists {
		byURL[l.URL] = l
		urls = append(urls, l.URL)
	}
	want := []string{
		"/ajankohtaista/", "/ajankohtaista/2022/", "/ajankohtaista/2022/sivu/2/", "/ajankohtaista/2023/", "/ajankohtaista/2023/sivu/2/",
		"/ajankohtaista/luokka/uutinen/", "/ajankohtaista/luokka/uutinen/sivu/2/",
		"/ajankohtaista/sivu/2/", "/ajankohtaista/sivu/3/",
		"/henkilot/", "/kunnat/", "/organisaatiot/",
		"/tapahtumat/", "/tapahtumat/2023/",
		"/verkostot/", "/verkostot/hyvinvointi/", "/verkostot/kuntajohto/",
	}
	if got := strings.Join(urls, " "); got != strings.Join(want, " ") {
		t.Errorf("lists:\n got %s\nwant %s", got, strings.Join(want, " "))
	}
	if p := byURL["/ajankohtaista/sivu/2/"].Pager; p == nil || p.Page != 2 || p.Prev != "/ajankohtaista/" || p.Next != "/ajankohtaista/sivu/3/" || p.Total != 10 {
		t.Errorf("pager = %+v", p)
	}
	if got := byURL["/ajankohtaista/"].Archive; len(got) != 2 || got[0].URL != "/ajankohtaista/2023/" {
		t.Errorf("news archive = %+v", got)
	}
	ev := byURL["/tapahtumat/"]
	if len(ev.Groups) != 3 || ev.Groups[0].Title != "Maaliskuu 2023" {
		t.Errorf("upcoming groups = %+v", ev.Groups)
	}
	if len(ev.Past) != 1 || len(ev.Past[0].Pages) != 1 || len(ev.Archive) != 1 || len(byURL["/tapahtumat/2023/"].Groups) != 2 {
		t.Errorf("past = %+v, archive = %+v (1 past event on the listing, all on year pages)", ev.Past, ev.Archive)
	}
	dir := byURL["/verkostot/"]
	var filters []string
	for _, f := range dir.Filters {
		var opts []string
		for _, o := range f.Options {
			opts = append(opts, o.URL)
		}
		filters = append(filters, f.Param+"="+strings.Join(opts, ","))
	}
	if got := strings.Join(filters, " "); got != "luokka=kuntajohto,hyvinvointi laajuus=seudullinen,maakunnallinen koordinoija=keski-suomen-liitto kunta=hankasalmi,jyvaskyla,aanekoski" {
		t.Errorf("filters = %s", got)
	}
	if dir.Groups[2].URL != "" || dir.Groups[0].URL != "/verkostot/kuntajohto/" {
		t.Errorf("group URLs = %+v", dir.Groups)
	}
	if site.Lookup(model.KindNews, "ajastettu") != nil {
		t.Error("a news item dated after now is published")
	}
}

func TestScheduledAndCollisions(t *testing.T) {
	_, diags := resolveSite(t, with(map[string]string{
		"content/ajankohtaista/tuleva.md": "---\ntitle: Tuleva\ndate: 2024-01-01\n---\n",
		"content/verkostot/kuntajohto.md": "---\ntitle: K\ncategory: Kuntajohto\nrelated: [ajankohtaista/tuleva]\n---\n",
		"content/tietoa/x.md":             "---\ntitle: X\naliases: [/tapahtumat]\n---\n",
		"content/haku.md":                 "---\ntitle: Haku\n---\n",
	}), Options{})
	want := []string{
		"content/haku.md:1:1: error: /haku/ is the URL of the search page that seutu makes",
		"content/tietoa/x.md:3:11: error: alias /tapahtumat is the URL of a list page that seutu makes",
		"content/verkostot/kuntajohto.md:1:1: error: /verkostot/kuntajohto/ is the URL of a list page that seutu makes",
		`content/verkostot/kuntajohto.md:4:11: error: news item "ajankohtaista/tuleva" is not published until 1.1.2024`,
	}
	diags.Sort()
	got := diags.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("diagnostics lack %q:\n%s", w, got)
		}
	}
	if _, diags := resolveSite(t, with(map[string]string{
		"content/ajankohtaista/tuleva.md": "---\ntitle: Tuleva\ndate: 2024-01-01\n---\n",
		"content/verkostot/x.md":          "---\ntitle: X\nrelated: [ajankohtaista/tuleva]\n---\n",
	}), Options{Future: true}); diags.HasErrors() {
		t.Errorf("with Future: %v", diags)
	}
}

// errorsOf leaves out warnings (the test pages have no summaries).
func errorsOf(l diag.List) diag.List {
	var out diag.List
	for _, d := range l {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}

// loadAndResolve loads files beside site.toml and the people, and returns
// what loading and resolving found, sorted.
func loadAndResolve(t *testing.T, files map[string]string) diag.List {
	t.Helper()
	fsys := fstest.MapFS{"content/site.toml": {Data: []byte(siteTOML)}}
	for name, s := range with(files) {
		fsys[name] = &fstest.MapFile{Data: []byte(s)}
	}
	loaded := load.Load(fsys)
	_, diags := Resolve(&loaded.Content, Options{Now: time.Date(2023, 3, 1, 12, 0, 0, 0, fi.Helsinki)})
	diags.Merge(loaded.Diags)
	diags.Sort()
	return diags
}

// Every "no summary" names its file, with the title's place when there is
// a title, else the file's first line, where the front matter opens.
func TestNoSummaryNamesItsFile(t *testing.T) {
	const msg = "warning: no summary: add summary: with one or two plain sentences; lists, search engines and link previews show it"
	tests := []struct {
		name, file, src, want string
	}{
		{"title", "content/tietoa/a.md", "---\ntitle: A\n---\n", "content/tietoa/a.md:2:8: " + msg},
		{"no title", "content/tietoa/b.md", "---\nweight: 1\n---\n", "content/tietoa/b.md:1:1: " + msg},
		{"empty front matter", "content/tietoa/c.md", "---\n---\n", "content/tietoa/c.md:1:1: " + msg},
		{"TOML", "content/tietoa/d.md", "+++\nweight = 1\ntitle = \"D\"\n+++\n", "content/tietoa/d.md:3:1: " + msg},
		{"TOML without title", "content/tietoa/e.md", "+++\nweight = 1\n+++\n", "content/tietoa/e.md:1:1: " + msg},
		{"front page", "content/etusivu.md", "---\ntitle: Etusivu\n---\n", "content/etusivu.md:2:8: " + msg},
	}
	files := map[string]string{}
	for _, tt := range tests {
		files[tt.file] = tt.src
	}
	diags := loadAndResolve(t, files) // all at once: no two warnings merge
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range diags {
				if d.Pos.File == tt.file && strings.Contains(d.Msg, "no summary") {
					got = append(got, d.String())
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	for _, d := range diags {
		if d.Pos.File == "" || d.Pos.Line == 0 {
			t.Errorf("a problem without its place: %v", d)
		}
	}
}

// A reference to a file that exists but could not be read says so, and
// not that there is no such file.
func TestReferenceToUnreadFile(t *testing.T) {
	unread := func(what, written, file string) string {
		return what + " " + strconv.Quote(written) + ": " + file + " exists but could not be read; mend the error reported there"
	}
	tests := []struct {
		name, file, src, ref, want string
	}{
		{"not UTF-8", "content/henkilot/latin.md", "---\ntitle: \xc4\xe4ni\n---\n", "chair: latin",
			unread("person", "latin", "content/henkilot/latin.md")},
		{"binary", "content/organisaatiot/kuva.md", "\x00\x01PNG", "coordinator: kuva",
			unread("organization", "kuva", "content/organisaatiot/kuva.md")},
		{"no front matter", "content/kunnat/muurame.md", "# Muurame\n", "members: [jyvaskyla, muurame]",
			unread("municipality", "muurame", "content/kunnat/muurame.md")},
		{"broken front matter", "content/henkilot/rikki.md", "---\ntitle: [x\n---\n", "contacts: [rikki]",
			unread("person", "rikki", "content/henkilot/rikki.md")},
		{"in a folder of the section", "content/henkilot/vanhat/latin2.md", "---\ntitle: \xe4\n---\n", "chair: latin2",
			unread("person", "latin2", "content/henkilot/vanhat/latin2.md")},
		{"related", "content/tietoa/latin3.md", "---\ntitle: \xe4\n---\n", "related: [tietoa/latin3]",
			unread("page", "tietoa/latin3", "content/tietoa/latin3.md")},
		{"related, missing", "", "", "related: [tietoa/puuttuu]",
			`unknown page "tietoa/puuttuu" (no file content/tietoa/puuttuu.md)`},
		{"missing", "", "", "chair: puuttuva",
			`unknown person "puuttuva" (no file content/henkilot/puuttuva.md)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"content/verkostot/x.md": "---\ntitle: X\n" + tt.ref + "\n---\n"}
			if tt.file != "" {
				files[tt.file] = tt.src
			}
			var got []string
			for _, d := range loadAndResolve(t, files) {
				if d.Pos.File == "content/verkostot/x.md" && d.Severity == diag.Error {
					got = append(got, d.Msg)
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// Reload tells the files it could not read, whether it read them again or
// kept them from before.
func TestReloadTellsUnreadFiles(t *testing.T) {
	fsys := fstest.MapFS{"content/site.toml": {Data: []byte(siteTOML)}}
	for name, s := range with(map[string]string{"content/verkostot/x.md": "---\ntitle: X\nchair: kirsi-mukkala\n---\n"}) {
		fsys[name] = &fstest.MapFile{Data: []byte(s)}
	}
	refs := func(r *load.Result) string {
		_, diags := Resolve(&r.Content, Options{Now: time.Date(2023, 3, 1, 12, 0, 0, 0, fi.Helsinki)})
		var out []string
		for _, d := range errorsOf(diags) {
			out = append(out, d.Msg)
		}
		return strings.Join(out, "\n")
	}
	first := load.Load(fsys)
	if got := refs(first); got != "" {
		t.Fatalf("first load: %s", got)
	}
	fsys["content/henkilot/kirsi-mukkala.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Kirsi M\xe4kinen\n---\n")}
	second := load.Reload(context.Background(), fsys, first, map[string]bool{"content/henkilot/kirsi-mukkala.md": true})
	want := `person "kirsi-mukkala": content/henkilot/kirsi-mukkala.md exists but could not be read; mend the error reported there`
	if got := refs(second); got != want {
		t.Errorf("read again: got %q, want %q", got, want)
	}
	fsys["content/verkostot/x.md"] = &fstest.MapFile{Data: []byte("---\ntitle: X2\nchair: kirsi-mukkala\n---\n")}
	third := load.Reload(context.Background(), fsys, second, map[string]bool{"content/verkostot/x.md": true})
	if got := refs(third); got != want {
		t.Errorf("kept from before: got %q, want %q", got, want)
	}
	fsys["content/henkilot/kirsi-mukkala.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Kirsi Mukkala\n---\n")}
	fourth := load.Reload(context.Background(), fsys, third, map[string]bool{"content/henkilot/kirsi-mukkala.md": true})
	if got := refs(fourth); got != "" || fourth.Unread != nil {
		t.Errorf("mended: got %q, unread %v", got, fourth.Unread)
	}
}

// A tag that cannot have a page is an error where it is written.
func TestTagsWithoutLettersOrDigits(t *testing.T) {
	tests := []struct {
		name, tags string
		want       []string
	}{
		{"question marks", `[Ilmasto, "???"]`, []string{`content/tietoa/x.md:3:17: error: tag "???" has no letters or digits, so it cannot have a page: write a word`}},
		{"a single value", `"!!"`, []string{`content/tietoa/x.md:3:7: error: tag "!!" has no letters or digits, so it cannot have a page: write a word`}},
		{"block list", "\n  - a\n  - –", []string{`content/tietoa/x.md:5:5: error: tag "–" has no letters or digits, so it cannot have a page: write a word`}},
		{"empty, then one without letters: the field's place", `["", "?"]`, []string{
			"content/tietoa/x.md:3:7: error: tag \"?\" has no letters or digits, so it cannot have a page: write a word",
			"content/tietoa/x.md:3:8: error: an empty entry in the list: write a word, or remove the entry"}},
		{"letters outside the address's", `[Ääni, "Ж"]`, []string{`content/tietoa/x.md:3:14: error: tag "Ж" has no letters a–z or digits for the address of its page, so it cannot have one: write it in Latin letters`}},
		{"Finnish letters, accents and digits are fine", `[Ääni, "ö", "2030", "é-é"]`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := loadAndResolve(t, map[string]string{"content/tietoa/x.md": "---\ntitle: X\ntags: " + tt.tags + "\nsummary: S.\n---\n"})
			var got []string
			for _, d := range errorsOf(diags) {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// A theme outside site.toml's is reported at its item, or at the field
// when load left out an item before it (the i'th theme kept is then not
// the i'th written).
func TestUnknownThemePlace(t *testing.T) {
	tests := []struct {
		name, themes, want string
	}{
		{"second item", `[Ilmasto, Ilmastot]`, `content/tietoa/x.md:3:19: error: unknown theme "Ilmastot"`},
		{"single value", `Ilmastot`, `content/tietoa/x.md:3:9: error: unknown theme "Ilmastot"`},
		{"after an empty item", `["", Ilmastot]`, `content/tietoa/x.md:3:9: error: unknown theme "Ilmastot"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := loadAndResolve(t, map[string]string{"content/tietoa/x.md": "---\ntitle: X\nthemes: " + tt.themes + "\nsummary: S.\n---\n"})
			for _, d := range diags {
				if strings.HasPrefix(d.String(), tt.want) {
					return
				}
			}
			t.Errorf("no %s in\n%s", tt.want, diags.Error())
		})
	}
}
