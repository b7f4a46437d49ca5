package scaffold_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gopkg.in/yaml.v3"

	"seutu/internal/build"
	"seutu/internal/config"
	"seutu/internal/diag"
	"seutu/internal/fi"
	"seutu/internal/golden"
	"seutu/internal/model"
	"seutu/internal/scaffold"
	"seutu/internal/write"
)

// now is the fixed now of every test: the event example starts a week
// later, on 4.5.2026 at 13.00.
var now = time.Date(2026, 4, 27, 9, 30, 0, 0, fi.Helsinki)

// siteTOML declares some of every vocabulary, so that the comments list
// them and the check holds the new file to them.
const siteTOML = `title = "Testisivusto"

[vocabularies]
network_categories = ["Kuntajohto", "Sivistys ja varhaiskasvatus"]
news_categories = ["Ajankohtaista", "Blogi", "Tapahtumat"]
themes = ["Ilmasto", "Elinvoima", "Hyvä vointi"]
organization_types = ["liitto", "kunta", "hyvinvointialue"]
`

func testConfig(t *testing.T, src string) *config.Config {
	t.Helper()
	cfg, diags := config.Parse([]byte(src))
	if diags.HasErrors() {
		t.Fatalf("site.toml: %v", diags)
	}
	return cfg
}

// common are the fields of every kind, as the README lists them.
var common = []string{"title", "slug", "summary", "draft", "tags", "themes", "contacts",
	"related", "aliases", "updated", "checked", "layout", "weight", "todo"}

// eventFields are the fields of the event block.
var eventFields = []string{"start", "end", "all_day", "location", "address", "online",
	"online_url", "registration", "registration_deadline", "organizer"}

var cases = []struct {
	kind, english string
	title         string
	path          string
	fields        []string // the kind's own fields, as the README lists them
}{
	{"verkosto", "network", "Sivistysjohtajien verkosto", "content/verkostot/sivistysjohtajien-verkosto.md",
		[]string{"category", "scope", "coordinator", "organizers", "chair", "chair_title", "members",
			"participants", "cadence", "meetings_per_year", "founded", "website", "parent"}},
	{"hanke", "project", "Keski-Suomen vaikuttavat järjestöt", "content/hankkeet/keski-suomen-vaikuttavat-jarjestot.md",
		[]string{"type", "status", "start", "end", "administrator", "funders", "partners",
			"municipalities", "budget", "website"}},
	{"strategia", "strategy", "Keski-Suomen strategia 2025–2050", "content/strategiat/keski-suomen-strategia-2025-2050.md",
		[]string{"adopted", "revised", "period", "owner", "steering", "status", "focus_areas",
			"documents", "website"}},
	{"uutinen", "news", "Kuntakirje ilmestyi", "content/ajankohtaista/2026-04-27-kuntakirje-ilmestyi.md",
		[]string{"date", "category", "author", "event"}},
	{"tapahtuma", "event", "HINKU-päivä Äänekoskella", "content/ajankohtaista/2026-04-27-hinku-paiva-aanekoskella.md",
		[]string{"date", "category", "author", "event"}},
	{"henkilo", "person", "Kirsi Mukkala", "content/henkilot/kirsi-mukkala.md",
		[]string{"role", "organization", "phone", "email", "image", "areas"}},
	{"organisaatio", "organization", "Hyvinvointialue Keski-Suomi", "content/organisaatiot/hyvinvointialue-keski-suomi.md",
		[]string{"short", "type", "website"}},
	{"kunta", "municipality", "Jyväskylä", "content/kunnat/jyvaskyla.md",
		[]string{"type", "population", "population_year", "subregion", "website"}},
	{"sivu", "page", "Saavutettavuusseloste", "content/saavutettavuusseloste.md", nil},
}

// frontMatter returns the YAML between the first two --- lines.
func frontMatter(t *testing.T, text []byte) map[string]any {
	t.Helper()
	s, ok := strings.CutPrefix(string(text), "---\n")
	if !ok {
		t.Fatalf("the text does not start with ---:\n%s", text)
	}
	fm, _, ok := strings.Cut(s, "\n---\n")
	if !ok {
		t.Fatalf("the front matter is never closed:\n%s", text)
	}
	var m map[string]any
	if err := yaml.Unmarshal([]byte(fm), &m); err != nil {
		t.Fatalf("the front matter is not valid YAML: %v\n%s", err, fm)
	}
	return m
}

// date is a date as yaml.v3 reads it (a time.Time) written back.
func date(v any) string {
	if t, ok := v.(time.Time); ok {
		return t.Format(time.DateOnly)
	}
	return fmt.Sprint(v)
}

// check builds a site of site.toml and the one new file in memory, the
// way `seutu check` does: first as it is, when the only errors must be the
// placeholders left to replace, one at each of them; then with the
// placeholders replaced, as an editor would. It returns the second report.
func check(t *testing.T, toml, path string, text []byte) *build.Report {
	t.Helper()
	run := func(text []byte) *build.Report {
		fsys := fstest.MapFS{path: &fstest.MapFile{Data: text}}
		if toml != "" {
			fsys["content/site.toml"] = &fstest.MapFile{Data: []byte(toml)}
		}
		return build.Run(fsys, build.Options{Now: now}, &write.Discard{})
	}
	expectPlaceholders(t, run(text).Diags, path, text)
	return run(fill(text))
}

// fill replaces every placeholder with the editor's own words.
func fill(text []byte) []byte {
	return bytes.ReplaceAll(text, []byte(model.Placeholder), []byte("Tässä on"))
}

// expectPlaceholders requires an error at each placeholder of text, and no
// other error. A placeholder is on each line that holds model.Placeholder
// and is not a comment; the error points at it, or at the opening quote of
// the summary that holds it.
func expectPlaceholders(t *testing.T, diags diag.List, path string, text []byte) {
	t.Helper()
	lines := strings.Split(string(text), "\n")
	want := map[int]bool{}
	for i, l := range lines {
		if strings.Contains(l, model.Placeholder) && !strings.HasPrefix(l, "#") {
			want[i+1] = true
		}
	}
	for _, d := range diags {
		if d.Severity != diag.Error {
			continue
		}
		if !strings.Contains(d.Msg, "placeholder text from seutu new") || d.Pos.File != path || !want[d.Pos.Line] {
			t.Errorf("untouched skeleton: %v", d)
			continue
		}
		delete(want, d.Pos.Line)
		line := []rune(lines[d.Pos.Line-1])
		at := strings.TrimLeft(string(line[min(d.Pos.Col-1, len(line)):]), `"'`)
		if !strings.HasPrefix(at, model.Placeholder) {
			t.Errorf("%v points at %q, not at the placeholder", d, at)
		}
	}
	for l := range want {
		t.Errorf("%s:%d: no error for the placeholder %q", path, l, lines[l-1])
	}
}

// A draft may keep its placeholders: it is not published.
func TestPlaceholdersInADraft(t *testing.T) {
	path, text, err := scaffold.New("verkosto", "Luonnosverkosto", testConfig(t, siteTOML), now)
	if err != nil {
		t.Fatal(err)
	}
	text = bytes.Replace(text, []byte("draft: false"), []byte("draft: true "), 1)
	fsys := fstest.MapFS{path: &fstest.MapFile{Data: text}, "content/site.toml": &fstest.MapFile{Data: []byte(siteTOML)}}
	for _, drafts := range []bool{false, true} {
		rep := build.Run(fsys, build.Options{Now: now, Drafts: drafts}, &write.Discard{})
		expectClean(t, rep.Diags, "verkosto")
	}
}

// expectClean fails on any error, and on any warning except that nobody
// refers to a new person, which only another page can mend.
func expectClean(t *testing.T, diags diag.List, kind string) {
	t.Helper()
	for _, d := range diags {
		if d.Severity == diag.Warning && kind == "henkilo" && strings.Contains(d.Msg, "person") {
			continue
		}
		t.Errorf("%v", d)
	}
}

func TestNew(t *testing.T) {
	cfg := testConfig(t, siteTOML)
	for _, c := range cases {
		t.Run(c.kind, func(t *testing.T) {
			path, text, err := scaffold.New(c.kind, c.title, cfg, now)
			if err != nil {
				t.Fatal(err)
			}
			if path != c.path {
				t.Errorf("path = %s, want %s", path, c.path)
			}
			golden.Check(t, "testdata/"+c.kind+".md", text)

			fm := frontMatter(t, text)
			want := append(slices.Clone(common), c.fields...)
			if got := slices.Sorted(maps.Keys(fm)); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
				t.Errorf("fields = %v\nwant     %v", got, slices.Sorted(slices.Values(want)))
			}
			if fm["title"] != c.title {
				t.Errorf("title = %q, want %q", fm["title"], c.title)
			}
			if s, _ := fm["summary"].(string); !strings.HasPrefix(s, "Kirjoita tähän") {
				t.Errorf("summary = %q, want a placeholder to replace", s)
			}
			if date(fm["updated"]) != "2026-04-27" {
				t.Errorf("updated = %v, want 2026-04-27", fm["updated"])
			}

			rep := check(t, siteTOML, path, text)
			expectClean(t, rep.Diags, c.kind)
			if rep.Site == nil || len(rep.Site.Pages) != 1 || rep.Site.Pages[0].Title != c.title {
				t.Errorf("the site does not publish the new page titled %q", c.title)
			}

			// The English name is a synonym.
			path2, text2, err := scaffold.New(c.english, c.title, cfg, now)
			if err != nil || path2 != path || string(text2) != string(text) {
				t.Errorf("New(%q) differs from New(%q): %v", c.english, c.kind, err)
			}
		})
	}
}

// The new files, one of each kind, added to the real site at once: the
// real site.toml's vocabularies, next to the real pages' names and URLs.
// Whatever else the real content says is not this package's business.
func TestNewInRealSite(t *testing.T) {
	real := os.DirFS("../..")
	src, err := fs.ReadFile(real, "content/site.toml")
	if err != nil {
		t.Skip("no real content:", err)
	}
	cfg := testConfig(t, string(src))
	fsys := fstest.MapFS{}
	err = fs.WalkDir(real, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(real, p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	added := map[string]string{} // path → kind
	for _, c := range cases {
		title := c.title + " (uusi)"
		path, text, err := scaffold.New(c.kind, title, cfg, now)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := fsys[path]; ok {
			t.Fatalf("%s is already in the real content", path)
		}
		fsys[path] = &fstest.MapFile{Data: fill(text)}
		added[path] = c.kind
	}
	rep := build.Run(fsys, build.Options{Now: now}, &write.Discard{})
	for _, d := range rep.Diags {
		if kind, ok := added[d.Pos.File]; ok {
			expectClean(t, diag.List{d}, kind)
		}
	}
	published := map[string]bool{}
	for _, p := range rep.Site.Pages {
		published[p.File] = true
	}
	for path := range added {
		if !published[path] {
			t.Errorf("%s is not published", path)
		}
	}
}

// A site.toml that declares no vocabularies (or no site.toml at all): the
// comments say so, and the file still passes.
func TestNewWithoutVocabularies(t *testing.T) {
	for _, toml := range []string{"", "title = \"Tyhjä\"\n[vocabularies]\norganization_types = []\n"} {
		cfg := testConfig(t, toml)
		for _, c := range cases {
			path, text, err := scaffold.New(c.kind, c.title, cfg, now)
			if err != nil {
				t.Fatal(err)
			}
			rep := check(t, toml, path, text)
			expectClean(t, rep.Diags, c.kind)
			if c.kind == "verkosto" && !strings.Contains(string(text), "category:                # luokka verkostohakemistossa; site.toml ei määrittele yhtään (lisää network_categories kohtaan [vocabularies])") {
				t.Errorf("the category comment does not say that site.toml declares none:\n%s", text)
			}
		}
	}
}

func TestNewEvent(t *testing.T) {
	for _, tc := range []struct {
		name, toml, category string
	}{
		{"Tapahtumat declared", siteTOML, "Tapahtumat"},
		{"Tapahtumat not declared", "title = \"T\"\n[vocabularies]\nnews_categories = [\"Uutinen\"]\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, text, err := scaffold.New("tapahtuma", "Kuntien ilmastotyöwebinaari", testConfig(t, tc.toml), now)
			if err != nil {
				t.Fatal(err)
			}
			fm := frontMatter(t, text)
			if got, _ := fm["category"].(string); got != tc.category {
				t.Errorf("category = %q, want %q", got, tc.category)
			}
			if date(fm["date"]) != "2026-04-27" {
				t.Errorf("date = %v, want 2026-04-27", fm["date"])
			}
			ev, _ := fm["event"].(map[string]any)
			if ev["start"] != "2026-05-04T13:00" {
				t.Errorf("event start = %v, want 2026-05-04T13:00", ev["start"])
			}
			if got := slices.Sorted(maps.Keys(ev)); !slices.Equal(got, slices.Sorted(slices.Values(eventFields))) {
				t.Errorf("event fields = %v\nwant %v", got, slices.Sorted(slices.Values(eventFields)))
			}
			rep := check(t, tc.toml, "content/ajankohtaista/2026-04-27-x.md", text)
			expectClean(t, rep.Diags, "tapahtuma")
			if rep.Site != nil && len(rep.Site.Events) != 1 {
				t.Errorf("the site has %d events, want 1", len(rep.Site.Events))
			}
		})
	}
}

// The dates are Helsinki's: late evening UTC is already the next day.
func TestNewUsesHelsinkiDates(t *testing.T) {
	late := time.Date(2026, 4, 27, 22, 30, 0, 0, time.UTC) // 28.4. at 1.30 in Helsinki
	path, text, err := scaffold.New("uutinen", "Yöllinen uutinen", config.Default(), late)
	if err != nil {
		t.Fatal(err)
	}
	if path != "content/ajankohtaista/2026-04-28-yollinen-uutinen.md" {
		t.Errorf("path = %s", path)
	}
	if fm := frontMatter(t, text); date(fm["date"]) != "2026-04-28" || date(fm["updated"]) != "2026-04-28" {
		t.Errorf("date = %v, updated = %v, want 2026-04-28", fm["date"], fm["updated"])
	}
}

// A title with quotes, a colon, a hash and Finnish letters, or one that
// YAML would read as something else than text, comes back as written.
func TestNewTitleRoundTrips(t *testing.T) {
	cfg := testConfig(t, siteTOML)
	for _, title := range []string{
		`Kurkistus: "HINKU" – kunnat`,
		`Äänekosken ja Jämsän 'yhteinen' päivä: #ilmasto`,
		"2026",
		"true",
		"Yes",
		"null",
		"- ei lista",
		"# ei kommentti",
		"[hakasulkeissa]",
		"{aaltosulkeissa}",
		"@käyttäjä & *tähti*",
		`kenoviiva \ ja "lainaus`,
		"Öljy % ja 50 €",
	} {
		t.Run(title, func(t *testing.T) {
			path, text, err := scaffold.New("sivu", title, cfg, now)
			if err != nil {
				t.Fatal(err)
			}
			if got := frontMatter(t, text)["title"]; got != title {
				t.Errorf("yaml.v3 reads the title as %#v, want %q", got, title)
			}
			rep := check(t, siteTOML, path, text)
			expectClean(t, rep.Diags, "sivu")
			if rep.Site == nil || len(rep.Site.Pages) != 1 {
				t.Fatal("no page")
			}
			if got := rep.Site.Pages[0].Title; got != title {
				t.Errorf("seutu reads the title as %q, want %q", got, title)
			}
		})
	}
}

// A title is one line: line breaks and runs of spaces become one space.
func TestNewTitleIsOneLine(t *testing.T) {
	_, text, err := scaffold.New("sivu", "  Kaksi\nriviä\t ja  välit ", config.Default(), now)
	if err != nil {
		t.Fatal(err)
	}
	if got := frontMatter(t, text)["title"]; got != "Kaksi riviä ja välit" {
		t.Errorf("title = %q", got)
	}
}

func TestNewErrors(t *testing.T) {
	cfg := testConfig(t, siteTOML)
	for _, tc := range []struct {
		kind, title string
		want        []string // in the error
	}{
		{"verkosot", "Sivistysjohtajat", []string{`unknown kind "verkosot"`, `did you mean "verkosto"?`, "(kinds: verkosto, hanke, strategia, uutinen, tapahtuma, henkilo, organisaatio, kunta, sivu; in English: network, project,"}},
		{"evnet", "Seminaari", []string{`did you mean "event"?`}},
		{"", "Seminaari", []string{`unknown kind ""`}},
		{"blogi", "Seminaari", []string{`unknown kind "blogi" (kinds: verkosto,`}},
		{"verkosto", "???", []string{`title "???" gives no file name`}},
		{"sivu", "   ", []string{`title "" gives no file name`}},
		{"sivu", "Tapahtumat", []string{"/tapahtumat/", "another title"}},
		{"sivu", "Verkostot", []string{"/verkostot/"}},
		{"sivu", "Avainsanat", []string{"/avainsanat/"}},
		{"verkosto", "Kuntajohto", []string{"/verkostot/kuntajohto/", `"Kuntajohto"`}},
	} {
		_, _, err := scaffold.New(tc.kind, tc.title, cfg, now)
		if err == nil {
			t.Errorf("New(%q, %q) gave no error", tc.kind, tc.title)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("New(%q, %q): %v\nwant it to say %q", tc.kind, tc.title, err, w)
			}
		}
	}
}

// Case and Finnish letters in the kind do not matter.
func TestNewKindIsForgiving(t *testing.T) {
	for _, k := range []string{"Henkilö", "HENKILO", " henkilö "} {
		path, _, err := scaffold.New(k, "Matti Mäkinen", config.Default(), now)
		if err != nil || path != "content/henkilot/matti-makinen.md" {
			t.Errorf("New(%q) = %s, %v", k, path, err)
		}
	}
}

func TestKinds(t *testing.T) {
	want := []string{"verkosto", "hanke", "strategia", "uutinen", "tapahtuma", "henkilo", "organisaatio", "kunta", "sivu",
		"network", "project", "strategy", "news", "event", "person", "organization", "municipality", "page"}
	if got := scaffold.Kinds(); !slices.Equal(got, want) {
		t.Errorf("Kinds() = %v", got)
	}
	cfg := config.Default()
	for _, k := range want {
		if _, _, err := scaffold.New(k, "Otsikko", cfg, now); err != nil {
			t.Errorf("New(%q): %v", k, err)
		}
	}
}

// The comments of the fields start in one column, so that the skeleton
// reads as a table; only lines whose value varies are let be.
func TestCommentsLineUp(t *testing.T) {
	cfg := testConfig(t, siteTOML)
	for _, c := range cases {
		_, text, _ := scaffold.New(c.kind, c.title, cfg, now)
		fm := frontMatter(t, text) // parses, so the text has front matter
		_ = fm
		lines := strings.Split(string(text), "\n")
		for i, line := range lines[1:] {
			if line == "---" {
				break
			}
			if strings.HasPrefix(line, "#") {
				continue
			}
			key := strings.TrimSpace(line[:strings.Index(line, ":")])
			switch key {
			case "title", "summary", "category", "start":
				if !strings.Contains(line, "  # ") {
					t.Errorf("%s line %d: no comment: %s", c.kind, i+2, line)
				}
				continue
			case "event":
				if c.kind == "tapahtuma" {
					continue
				}
			}
			if at := strings.Index(line, "# "); at != 25 {
				t.Errorf("%s line %d: the comment starts in column %d, not 26: %s", c.kind, i+2, at+1, line)
			}
		}
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path, text, err := scaffold.New("verkosto", "Sivistysjohtajien verkosto", config.Default(), now)
	if err != nil {
		t.Fatal(err)
	}
	if err := scaffold.Write(dir, path, text); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "content", "verkostot", "sivistysjohtajien-verkosto.md")
	got, err := os.ReadFile(name)
	if err != nil || string(got) != string(text) {
		t.Fatalf("the file holds %q, %v", got, err)
	}

	// Twice: refused, naming the file, and the first file stays.
	if err := os.WriteFile(name, []byte("muokattu"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = scaffold.Write(dir, path, text)
	if err == nil || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second Write: %v, want an error naming %s", err, name)
	}
	if got, _ := os.ReadFile(name); string(got) != "muokattu" {
		t.Errorf("the existing file was overwritten: %q", got)
	}

	// Nothing outside the site folder.
	for _, p := range []string{"../ulos.md", "/tmp/ulos.md", "content/../../ulos.md"} {
		if err := scaffold.Write(dir, p, text); err == nil {
			t.Errorf("Write(%q) wrote outside the site folder", p)
		}
	}
}

// TestSkeletonsFollowTheSchema holds the skeletons to model.FieldsOf, the
// schema the web editor's configuration is made from: a skeleton writes
// every field of its kind and no other, and each field's comment begins
// with the schema's hint, so that the editor and the web editor read the
// same words.
func TestSkeletonsFollowTheSchema(t *testing.T) {
	cfg := testConfig(t, siteTOML)
	for _, name := range []string{"verkosto", "hanke", "strategia", "uutinen", "tapahtuma", "henkilo", "organisaatio", "kunta", "sivu"} {
		t.Run(name, func(t *testing.T) {
			path, text, err := scaffold.New(name, "Otsikko", cfg, now)
			if err != nil {
				t.Fatal(err)
			}
			kind := model.KindPage
			for folder, k := range model.Sections {
				if strings.HasPrefix(path, "content/"+folder+"/") {
					kind = k
				}
			}
			schema := map[string]model.Field{}
			for _, f := range model.FieldsOf(kind) {
				schema[f.Name] = f
				for _, s := range f.Fields {
					schema[f.Name+"."+s.Name] = s
				}
			}
			front := strings.SplitN(string(text), "---\n", 3)[1]
			seen := map[string]bool{}
			group := ""
			for line := range strings.Lines(front) {
				line = strings.TrimSuffix(line, "\n")
				if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
					continue
				}
				indented := strings.HasPrefix(line, "  ")
				key, rest, _ := strings.Cut(strings.TrimSpace(line), ":")
				if indented {
					key = group + "." + key
				} else {
					group = key
				}
				f, ok := schema[key]
				if !ok {
					t.Errorf("the skeleton writes %s, which model.FieldsOf(%s) does not have", key, kind)
					continue
				}
				seen[key] = true
				_, comment, hasComment := strings.Cut(rest, " # ")
				if !hasComment && len(f.Fields) > 0 {
					continue // a group's heading may go without a comment
				}
				if name == "tapahtuma" && key == "title" {
					continue // an event's skeleton calls a news item's title the event's name
				}
				if !strings.HasPrefix(strings.TrimSpace(comment), f.Hint) {
					t.Errorf("%s: the comment %q does not begin with the schema's hint %q", key, strings.TrimSpace(comment), f.Hint)
				}
			}
			for key, f := range schema {
				// A news item's skeleton leaves the event block to seutu new tapahtuma.
				if !seen[key] && !(name == "uutinen" && strings.HasPrefix(key, "event.")) && !strings.HasPrefix(key, "documents.") {
					t.Errorf("the skeleton does not write %s (%s)", key, f.Label)
				}
			}
		})
	}
}
