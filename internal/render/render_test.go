package render

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"seutu/internal/body"
	"seutu/internal/diag"
	"seutu/internal/fi"
	"seutu/internal/load"
	"seutu/internal/model"
	"seutu/internal/resolve"
	"seutu/internal/write"

	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, s := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(s)}
	}
	return fsys
}

// testLayouts are the smallest layouts that show what render passes in.
var testLayouts = map[string]string{
	"base.html":          `<title>{{.Title}}</title>{{range .Crumbs}}[{{.Title}}]{{end}}{{template "main" .}}`,
	"partials/list.html": `{{define "list"}}{{range .}}<a href="{{rel .URL}}">{{.Title}}</a>{{end}}{{end}}`,
	"home.html":          `{{define "main"}}home {{.Content}}{{template "list" .Site.Latest 5}}{{end}}`,
	"section.html":       `{{define "main"}}section {{.Section.Name}} {{template "list" .Section.Pages}}{{end}}`,
	"network.html":       `{{define "main"}}network {{.Content}} coordinator={{with .Page.Network.Coordinator}}{{.Target.Title}}{{end}}{{end}}`,
	"organization.html":  `{{define "main"}}org {{template "list" .Page.Back.Coordinates}}{{end}}`,
	"news.html":          `{{define "main"}}news {{roughDate .Page.News.Date}}{{with .Page.News.Event}} {{eventTime .}}{{end}}{{end}}`,
	"page.html":          `{{define "main"}}page {{.Content}}{{end}}`,
	"special.html":       `{{define "main"}}special {{.Page.Title}}{{end}}`,
	"terms.html":         `{{define "main"}}terms {{range .Taxonomy.Terms}}{{.Name}} {{end}}{{end}}`,
	"term.html":          `{{define "main"}}term {{.Term.Name}} {{template "list" .Term.Pages}}{{end}}`,
	"404.html":           `{{define "main"}}404{{end}}`,
	"list.html":          `{{define "main"}}list {{range .List.Groups}}{{template "list" .Pages}}{{end}}{{end}}`,
	"events.html":        `{{define "main"}}events{{range .List.Groups}} {{.Title}}:{{template "list" .Pages}}{{end}} past{{range .List.Past}} {{.Title}}:{{template "list" .Pages}}{{end}}{{end}}`,
}

var testContent = map[string]string{
	"content/site.toml": "title = \"Testi\"\nbase_url = \"https://example.fi/kunnat/\"\n[vocabularies]\nnews_categories = [\"Uutinen\"]\n",
	"content/_index.md": "---\ntitle: Etusivu\n---\nTervetuloa.\n",
	"content/verkostot/kunnanjohtajat.md": "---\ntitle: Kunnanjohtajat\ncoordinator: liitto\ntags: [kuntajohto]\n---\n" +
		"Katso [liitto](../organisaatiot/liitto.md) ja [kunnat](/kunnat/#lista).\n",
	"content/organisaatiot/liitto.md":    "---\ntitle: Keski-Suomen liitto\n---\n",
	"content/ajankohtaista/webinaari.md": "---\ntitle: Webinaari\ndate: 2022-08-11\ncategory: Uutinen\nevent:\n  start: 2022-08-24T13:00\n  end: 2022-08-24T15:00\n---\n",
	"content/kunnat/_index.md":           "---\ntitle: Kunnat\n---\n",
	"content/erikois.md":                 "---\ntitle: Erikoissivu\nlayout: special\n---\n",
}

func renderSite(t *testing.T, content, layouts map[string]string) (map[string][]byte, diag.List) {
	t.Helper()
	loaded := load.Load(mapFS(content))
	site, diags := resolve.Resolve(&loaded.Content, resolve.Options{Now: time.Date(2023, 1, 1, 0, 0, 0, 0, fi.Helsinki)})
	diags.Merge(loaded.Diags)
	if diags.HasErrors() {
		t.Fatalf("load and resolve: %v", diags)
	}
	mem := write.NewMemory()
	_, rdiags := New(body.New(nil)).Render(context.Background(), site, loaded.Bodies, mapFS(layouts), mapFS(map[string]string{"css/site.css": "body{}"}), write.NewOutput(mem, false), Options{})
	rdiags.Sort()
	return mem.Files(), rdiags
}

func TestRenderSite(t *testing.T) {
	files, diags := renderSite(t, testContent, testLayouts)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	want := map[string][]string{
		"index.html":           {"<title>Testi</title>home <p>Tervetuloa.</p>", `<a href="/kunnat/ajankohtaista/webinaari/">Webinaari</a>`},
		"verkostot/index.html": {"[Etusivu]section verkostot"},
		"kunnat/index.html":    {"<title>Kunnat</title>"},
		"verkostot/kunnanjohtajat/index.html": {
			"[Etusivu][Verkostot]network",
			`<a href="/kunnat/organisaatiot/liitto/">liitto</a>`,
			`<a href="/kunnat/kunnat/#lista">kunnat</a>`,
			"coordinator=Keski-Suomen liitto",
		},
		"organisaatiot/liitto/index.html":    {`<a href="/kunnat/verkostot/kunnanjohtajat/">Kunnanjohtajat</a>`},
		"ajankohtaista/webinaari/index.html": {"news 11.8.2022 ke 24.8.2022 klo 13.00–15.00"},
		"erikois/index.html":                 {"special Erikoissivu"},
		"avainsanat/index.html":              {"terms kuntajohto"},
		"avainsanat/kuntajohto/index.html":   {"[Etusivu][Avainsanat]term kuntajohto", "Kunnanjohtajat"},
		"404.html":                           {"404"},
		"assets/css/site.css":                {"body{}"},
	}
	for path, subs := range want {
		got, ok := files[path]
		if !ok {
			t.Errorf("%s not written", path)
			continue
		}
		for _, s := range subs {
			if !strings.Contains(string(got), s) {
				t.Errorf("%s lacks %q:\n%s", path, s, got)
			}
		}
	}
	if _, ok := files["teemat/index.html"]; ok {
		t.Error("an empty taxonomy got a page")
	}
}

func TestRenderErrors(t *testing.T) {
	content := map[string]string{}
	for k, v := range testContent {
		content[k] = v
	}
	content["content/erikois.md"] = "---\ntitle: Erikoissivu\nlayout: specal\n---\nRikki [linkki](../puuttuu.md) ja [toinen](/ei-ole/).\n"
	layouts := map[string]string{}
	for k, v := range testLayouts {
		layouts[k] = v
	}
	layouts["page.html"] = "{{define \"main\"}}\n{{.Page.Nope}}{{end}}"
	_, diags := renderSite(t, content, layouts)
	want := []string{
		`content/erikois.md:5:7: error: link to "../puuttuu.md": there is no page puuttuu.md`,
		`content/erikois.md:5:34: error: link to "/ei-ole/": no page of this site has that address`,
	}
	got := diags.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("diagnostics lack %q:\n%s", w, got)
		}
	}
	// Bodies are checked first; with broken links no layout runs, so fix
	// them and look at the layout errors.
	content["content/erikois.md"] = "---\ntitle: Erikoissivu\nlayout: specal\n---\n"
	_, diags = renderSite(t, content, layouts)
	if want := `content/erikois.md:3:9: error: no layout layouts/specal.html; did you mean "special"?`; !strings.Contains(diags.Error(), want) {
		t.Errorf("diagnostics lack %q:\n%s", want, diags.Error())
	}
	// Only a site whose layouts all exist is executed.
	content["content/erikois.md"] = "---\ntitle: Erikoissivu\n---\n"
	_, diags = renderSite(t, content, layouts)
	if want := `layouts/page.html:2:8: error: executing "main" at <.Page.Nope>: can't evaluate field Nope`; !strings.Contains(diags.Error(), want) {
		t.Errorf("diagnostics lack %q:\n%s", want, diags.Error())
	}
}

func TestTemplateParseErrorNamesTheFile(t *testing.T) {
	layouts := map[string]string{}
	for k, v := range testLayouts {
		layouts[k] = v
	}
	layouts["network.html"] = "{{define \"main\"}}\n\n{{if}}{{end}}"
	_, diags := renderSite(t, testContent, layouts)
	if !strings.Contains(diags.Error(), "layouts/network.html:3: error: missing value for if") {
		t.Errorf("got %s", diags.Error())
	}
}

func TestBodiesOnly(t *testing.T) {
	loaded := load.Load(mapFS(testContent))
	site, _ := resolve.Resolve(&loaded.Content, resolve.Options{})
	mem := write.NewMemory()
	stats, diags := New(body.New(nil)).Render(context.Background(), site, loaded.Bodies, mapFS(nil), nil, write.NewOutput(mem, false), Options{BodiesOnly: true})
	if len(diags) > 0 || stats.Pages != 0 || len(mem.Files()) != 0 {
		t.Errorf("BodiesOnly wrote %d files, %v", len(mem.Files()), diags)
	}
}

func TestTelURL(t *testing.T) {
	for in, want := range map[string]string{
		"040 595 0002":     "tel:+358405950002",
		"+358 40 595 0002": "tel:+358405950002",
		"014-652 111":      "tel:+35814652111",
	} {
		if got := string(telURL(in)); got != want {
			t.Errorf("telURL(%q) = %q, want %q", in, got, want)
		}
	}
}

var _ = model.KindPage

func TestBasePath(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.fi/":        "/",
		"https://example.fi":         "/",
		"http://127.0.0.1:1313/":     "/",
		"https://example.fi/kunnat/": "/kunnat/",
		"https://example.fi/a/b":     "/a/b/",
	} {
		if got := basePath(in); got != want {
			t.Errorf("basePath(%q) = %q, want %q", in, got, want)
		}
	}
}
