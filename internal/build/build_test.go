package build

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"seutu/internal/fi"
	"seutu/internal/golden"
	"seutu/internal/write"
)

// testNow is the fixed now of every test build.
var testNow = time.Date(2026, 11, 23, 12, 0, 0, 0, fi.Helsinki)

// txtarSite turns a txtar archive into a site folder in memory.
func txtarSite(archive string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// buildInMemory runs the pipeline over fsys and returns the report and the
// written files.
func buildInMemory(t *testing.T, fsys fs.FS) (*Report, map[string][]byte) {
	t.Helper()
	mem := write.NewMemory()
	rep := Run(fsys, Options{Now: testNow}, mem)
	return rep, mem.Files()
}

// assertLines checks that the file contains each line (trimmed) in order.
func assertLines(t *testing.T, files map[string][]byte, name string, lines ...string) {
	t.Helper()
	data, ok := files[name]
	if !ok {
		t.Errorf("%s was not written", name)
		return
	}
	rest := string(data)
	for _, l := range lines {
		i := strings.Index(rest, l)
		if i < 0 {
			t.Errorf("%s lacks %q (after the lines before it)", name, l)
			return
		}
		rest = rest[i+len(l):]
	}
}

const minimalSite = `
-- content/site.toml --
title = "Pieni"
[vocabularies]
network_categories = ["Kuntajohto"]
-- content/verkostot/kunnanjohtajat.md --
---
title: Kunnanjohtajakokoukset
summary: Kuukausittain.
category: Kuntajohto
chair: kirsi-mukkala
contacts: [kirsi-mukkala]
---
Kuukausittain.
-- content/henkilot/kirsi-mukkala.md --
---
title: Kirsi Mukkala
summary: Aluekehitysasiantuntija.
phone: 040 595 0002
---
`

func TestOnlyContentBuildsWithEmbeddedLayouts(t *testing.T) {
	rep, files := buildInMemory(t, txtarSite(minimalSite))
	if rep.Failed() {
		t.Fatal(rep.Diags)
	}
	for _, name := range []string{"index.html", "404.html", "verkostot/index.html", "henkilot/index.html",
		"verkostot/kunnanjohtajat/index.html", "henkilot/kirsi-mukkala/index.html", "assets/css/site.css"} {
		if _, ok := files[name]; !ok {
			t.Errorf("%s not written", name)
		}
	}
	assertLines(t, files, "verkostot/kunnanjohtajat/index.html",
		`<html lang="fi">`, "Kunnanjohtajakokoukset", `href="/henkilot/kirsi-mukkala/"`, `href="tel:&#43;358405950002"`)
	assertLines(t, files, "henkilot/kirsi-mukkala/index.html", "Kirsi Mukkala", `href="/verkostot/kunnanjohtajat/"`)
}

func TestSiteLayoutOverridesEmbedded(t *testing.T) {
	fsys := txtarSite(minimalSite + `
-- layouts/person.html --
{{define "main"}}<p class="oma">Oma henkilösivu: {{.Page.Title}}</p>{{end}}
`)
	rep, files := buildInMemory(t, fsys)
	if rep.Failed() {
		t.Fatal(rep.Diags)
	}
	assertLines(t, files, "henkilot/kirsi-mukkala/index.html", `<html lang="fi">`, `<p class="oma">Oma henkilösivu: Kirsi Mukkala</p>`)
	assertLines(t, files, "verkostot/kunnanjohtajat/index.html", "Kunnanjohtajakokoukset")
}

func TestAllErrorsAtOnceAndNothingWritten(t *testing.T) {
	fsys := txtarSite(minimalSite + `
-- content/verkostot/rikki.md --
---
title: Rikki
summary: Rikki.
category: Kuntajohdto
chair: kirsi-mukala
---
[Linkki](../hankkeet/ei-ole.md)
-- content/henkilot/toinen.md --
---
title: Toinen
summary: Toinen henkilö.
emali: x@example.fi
---
`)
	rep, files := buildInMemory(t, fsys)
	want := `content/henkilot/toinen.md:1:1: warning: no page refers to this person: name them as a contact, chair or author somewhere, or remove the page
content/henkilot/toinen.md:4:1: error: unknown field "emali" in the front matter of a person; did you mean "email"?
content/verkostot/rikki.md:4:11: error: unknown network category "Kuntajohdto"; did you mean "Kuntajohto"? (allowed: Kuntajohto; add new ones to network_categories in site.toml)
content/verkostot/rikki.md:5:8: error: unknown person "kirsi-mukala"; did you mean "kirsi-mukkala"? (no file content/henkilot/kirsi-mukala.md)
content/verkostot/rikki.md:7:1: error: link to "../hankkeet/ei-ole.md": there is no page content/hankkeet/ei-ole.md`
	if got := rep.Diags.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if len(files) != 0 {
		t.Errorf("a failed build wrote %d files", len(files))
	}
}

func TestBuildOnDiskKeepsLastGoodSite(t *testing.T) {
	src := t.TempDir()
	for name, f := range txtarSite(minimalSite) {
		full := filepath.Join(src, name)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, f.Data, 0o644)
	}
	opts := Options{Source: src, Now: testNow}
	rep, err := Build(context.Background(), opts)
	if err != nil || rep.Failed() {
		t.Fatal(err, rep.Diags)
	}
	public := filepath.Join(src, "public")
	before := readTree(t, public)
	if _, ok := before["index.html"]; !ok {
		t.Fatal("no index.html")
	}

	broken := filepath.Join(src, "content/verkostot/kunnanjohtajat.md")
	os.WriteFile(broken, []byte("---\ntitle: Kunnanjohtajakokoukset\nchair: kirsi-mukala\n---\n"), 0o644)
	rep, err = Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Failed() || !strings.Contains(rep.Diags.Error(), "content/verkostot/kunnanjohtajat.md:3:8: error: unknown person") {
		t.Fatalf("diagnostics: %v", rep.Diags)
	}
	after := readTree(t, public)
	if len(after) != len(before) {
		t.Fatalf("public/ has %d files, had %d", len(after), len(before))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed after a failed build", name)
		}
	}
	entries, _ := os.ReadDir(src)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDeterministicOutput(t *testing.T) {
	fsys := os.DirFS("testdata/site")
	_, first := buildInMemory(t, fsys)
	for range 3 {
		_, again := buildInMemory(t, fsys)
		if len(again) != len(first) {
			t.Fatalf("%d files, then %d", len(first), len(again))
		}
		for name, data := range first {
			if !bytes.Equal(again[name], data) {
				t.Errorf("%s differs between two builds of the same content", name)
			}
		}
	}
}

// TestGolden builds testdata/site, which has every kind, and compares every
// page with testdata/golden (go test -update rewrites it). Assets are left
// out: the stylesheet is checked by eye, not byte by byte.
func TestGolden(t *testing.T) {
	rep, files := buildInMemory(t, os.DirFS("testdata/site"))
	if len(rep.Diags) > 0 {
		t.Fatal(rep.Diags)
	}
	golden.CheckDir(t, "testdata/golden", withoutAssets(files))
}

// withoutAssets is a site's files but its assets: the stylesheet is
// checked by eye, not byte by byte.
func withoutAssets(files map[string][]byte) map[string][]byte {
	pages := map[string][]byte{}
	for name, data := range files {
		if !strings.HasPrefix(name, "assets/") {
			pages[name] = data
		}
	}
	return pages
}

func TestCheckDest(t *testing.T) {
	src := "/sites/seutu"
	tests := []struct {
		dest string
		ok   bool
	}{
		{"/sites/seutu/public", true},
		{"/tmp/out", true},
		{"/sites/seutu", false},
		{"/sites", false},
		{"/sites/seutu/content", false},
		{"/sites/seutu/layouts/x", false},
		{"/sites/seutu/assetsx", true},
	}
	for _, tt := range tests {
		if err := checkDest(src, tt.dest); (err == nil) != tt.ok {
			t.Errorf("checkDest(%s) = %v, want ok=%v", tt.dest, err, tt.ok)
		}
	}
}

func TestNow(t *testing.T) {
	clock := func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		flag, epoch string
		want        time.Time
		err         bool
	}{
		{"2026-05-01T12:00", "1", time.Date(2026, 5, 1, 12, 0, 0, 0, fi.Helsinki), false},
		{"2026-05-01T09:00:00Z", "", time.Date(2026, 5, 1, 12, 0, 0, 0, fi.Helsinki), false},
		{"", "1700000000", time.Unix(1700000000, 0), false},
		{"", "", clock(), false},
		{"1.5.2026", "", time.Time{}, true},
		{"", "eilen", time.Time{}, true},
	}
	for _, tt := range tests {
		got, err := Now(tt.flag, tt.epoch, clock)
		if (err != nil) != tt.err || (!tt.err && !got.Equal(tt.want)) {
			t.Errorf("Now(%q, %q) = %v, %v; want %v", tt.flag, tt.epoch, got, err, tt.want)
		}
	}
}

// TestProductionBuildIsByteIdentical builds the same content twice, the
// way CI does (minified, fingerprinted, to disk), into two folders, and
// compares every byte.
func TestProductionBuildIsByteIdentical(t *testing.T) {
	var trees []map[string][]byte
	for range 2 {
		dest := filepath.Join(t.TempDir(), "public")
		rep, err := Build(context.Background(), Options{Source: "testdata/site", Dest: dest, Now: testNow, Minify: true, Fingerprint: true})
		if err != nil || rep.Failed() {
			t.Fatal(err, rep.Diags)
		}
		trees = append(trees, readTree(t, dest))
	}
	if len(trees[0]) != len(trees[1]) || len(trees[0]) < 40 {
		t.Fatalf("%d and %d files", len(trees[0]), len(trees[1]))
	}
	for name, data := range trees[0] {
		if !bytes.Equal(trees[1][name], data) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// TestFingerprints checks that a stylesheet's published name changes when,
// and only when, its content does.
func TestFingerprints(t *testing.T) {
	cssName := func(fsys fstest.MapFS) string {
		mem := write.NewMemory()
		rep := Run(fsys, Options{Now: testNow, Minify: true, Fingerprint: true}, mem)
		if rep.Failed() {
			t.Fatal(rep.Diags)
		}
		var names []string
		for p := range mem.Files() {
			if strings.HasPrefix(p, "assets/css/site.") && p != "assets/css/site.css" {
				names = append(names, p)
			}
		}
		if len(names) != 1 {
			t.Fatalf("fingerprinted stylesheets: %v", names)
		}
		if !strings.Contains(string(mem.Files()["index.html"]), `href="/`+names[0]+`"`) {
			t.Errorf("the home page does not link %s", names[0])
		}
		return names[0]
	}
	site := txtarSite(minimalSite + "-- assets/css/site.css --\nbody { color: #222; }\n")
	first := cssName(site)
	site["content/henkilot/kirsi-mukkala.md"].Data = append(site["content/henkilot/kirsi-mukkala.md"].Data, "Uusi rivi.\n"...)
	if got := cssName(site); got != first {
		t.Errorf("a content edit renamed the stylesheet: %s → %s", first, got)
	}
	site["assets/css/site.css"].Data = []byte("body { color: #111; }\n")
	if got := cssName(site); got == first {
		t.Errorf("a stylesheet edit kept the name %s", got)
	}
}

// TestSqueezedPagesSayTheSame builds the test site with and without
// minifying and checks that every page says the same words in the same
// tags, only with less white space: squeezing the layouts may drop white
// space beside tags, never text or markup.
func TestSqueezedPagesSayTheSame(t *testing.T) {
	build := func(minify bool) map[string][]byte {
		mem := write.NewMemory()
		if rep := Run(os.DirFS("testdata/site"), Options{Now: testNow, Minify: minify}, mem); rep.Failed() {
			t.Fatal(rep.Diags)
		}
		return mem.Files()
	}
	plain, squeezed := build(false), build(true)
	var before, after int
	for name, p := range plain {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		s := squeezed[name]
		if got, want := words(s), words(p); got != want {
			t.Errorf("%s says other things when squeezed:\n%s\nwant\n%s", name, got, want)
		}
		before, after = before+len(p), after+len(s)
	}
	if after >= before*95/100 {
		t.Errorf("squeezing took the pages from %d to %d bytes; want at least 5 %% less", before, after)
	}
}

// words is a page with every run of white space made one space and a
// space on both sides of every tag, which is what a reader can tell apart.
func words(page []byte) string {
	var b strings.Builder
	for _, f := range strings.Fields(strings.NewReplacer("<", " <", ">", "> ").Replace(string(page))) {
		b.WriteString(f)
		b.WriteByte(' ')
	}
	return b.String()
}

// WithGCPercent sets the pace for its function and puts the default back
// after; a pace GOGC set stays.
func TestWithGCPercent(t *testing.T) {
	t.Setenv("GOGC", "") // restored after the test
	os.Unsetenv("GOGC")
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	var during int
	WithGCPercent(150, func() { during = debug.SetGCPercent(150) })
	if after := debug.SetGCPercent(100); during != 150 || after != 100 {
		t.Errorf("pace during %d, after %d; want 150, 100", during, after)
	}
	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	WithGCPercent(150, func() { during = debug.SetGCPercent(50) })
	if during != 50 {
		t.Errorf("with GOGC=50 set, the pace was %d", during)
	}
}
