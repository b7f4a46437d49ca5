package resolve

import (
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
	return Resolve(loaded, opts)
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
	if len(diags) > 0 {
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
	if len(diags) > 0 {
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
	if len(diags) > 0 {
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
