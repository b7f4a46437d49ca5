package cms_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gopkg.in/yaml.v3"

	"seutu/internal/build"
	"seutu/internal/cms"
	"seutu/internal/config"
	"seutu/internal/fi"
	"seutu/internal/write"
)

// The contract between the web editor and seutu, both ways: a site whose
// every collection is filled with values as the editor writes them, read
// from the generated configuration alone (its widgets, options, patterns
// and formats, never the model), passes seutu's check; and a change to
// site.toml reaches the configuration without a hand edit.

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, fi.Helsinki)

// widget is a field of the generated configuration.
type widget struct {
	Name      string   `yaml:"name"`
	Widget    string   `yaml:"widget"`
	Required  bool     `yaml:"required"`
	Pattern   []string `yaml:"pattern"`
	Options   []string `yaml:"options"`
	Multiple  bool     `yaml:"multiple"`
	Format    string   `yaml:"format"`
	ValueType string   `yaml:"value_type"`
	Min       *int     `yaml:"min"`
	Default   any      `yaml:"default"`
	Coll      string   `yaml:"collection"`
	Field     *widget  `yaml:"field"`
	Fields    []widget `yaml:"fields"`
}

type collection struct {
	Name          string   `yaml:"name"`
	LabelSingular string   `yaml:"label_singular"`
	Folder        string   `yaml:"folder"`
	Slug          string   `yaml:"slug"`
	Extension     string   `yaml:"extension"`
	Fields        []widget `yaml:"fields"`
}

type document struct {
	Collections []collection `yaml:"collections"`
}

func parse(t *testing.T, data []byte) document {
	t.Helper()
	var doc document
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// texts a string field may get: the first its pattern allows. Text with no
// pattern gets one that YAML must quote.
var texts = []string{
	`Kurkistus: "HINKU" – ääkköset, #risuaita`, "verkostot/toinen-verkosto",
	"2026-05-04", "2018-01/2018-02", "https://esimerkki.fi/sivu?a=1&b=2", "040 595 0002",
	"etunimi.sukunimi@esimerkki.fi", "oma-osoite", "/vanha-osoite/",
}

// entry is one file of a collection as the editor would write it.
type entry struct {
	path string
	data []byte
}

// fill makes two entries of collection c: "Testi …" with every field and
// "Toinen …" with the required ones only; the first one's references name
// the second ones of their collections (a network cannot be its own parent).
func fill(t *testing.T, doc document, c collection) []entry {
	var out []entry
	for _, full := range []bool{true, false} {
		title := "Testi " + strings.ToLower(c.LabelSingular)
		if !full {
			title = "Toinen " + strings.ToLower(c.LabelSingular)
		}
		fm := &yaml.Node{Kind: yaml.MappingNode}
		body := ""
		for _, w := range c.Fields {
			if w.Widget == "markdown" {
				if full {
					body = "Teksti, jossa on **lihavointia** ja [linkki](https://esimerkki.fi/).\n\n## Väliotsikko\n\nLisää tekstiä.\n"
				}
				continue
			}
			if !full && !w.Required {
				continue
			}
			v := value(t, doc, w, full)
			if w.Name == "title" {
				v = title
			}
			var n yaml.Node
			if err := n.Encode(v); err != nil {
				t.Fatal(err)
			}
			fm.Content = append(fm.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: w.Name}, &n)
		}
		var b strings.Builder
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(fm); err != nil {
			t.Fatal(err)
		}
		name := strings.ReplaceAll(c.Slug, "{{slug}}", fi.Slugify(title))
		name = strings.NewReplacer("{{year}}", "2026", "{{month}}", "05", "{{day}}", "04").Replace(name)
		// An old address leads to one page: each entry has its own.
		front := strings.ReplaceAll(b.String(), "/vanha-osoite/", "/vanha-"+name+"/")
		out = append(out, entry{c.Folder + "/" + name + "." + c.Extension, []byte("---\n" + front + "---\n" + body)})
	}
	return out
}

// value is what the editor writes for widget w.
func value(t *testing.T, doc document, w widget, full bool) any {
	t.Helper()
	switch w.Widget {
	case "string":
		for _, s := range texts {
			if len(w.Pattern) == 0 || regexp.MustCompile(w.Pattern[0]).MatchString(s) {
				return s
			}
		}
		t.Fatalf("%s: no sample text matches the pattern %s", w.Name, w.Pattern[0])
	case "text":
		return "Ensimmäinen rivi: tiivistelmä.\nToinen rivi."
	case "boolean":
		return w.Name != "draft" // a draft could not be named by the other pages
	case "number":
		if w.Min != nil {
			return *w.Min + 1000
		}
		if w.ValueType == "float" {
			return 2.5
		}
		return 12
	case "datetime":
		// dayjs's tokens as the widget formats the picked moment.
		return strings.NewReplacer("YYYY", "2026", "MM", "05", "DD", "04", "HH", "13", "mm", "00").Replace(w.Format)
	case "select":
		if w.Multiple {
			return w.Options[:min(2, len(w.Options))]
		}
		return w.Options[0]
	case "relation":
		for _, c := range doc.Collections {
			if c.Name == w.Coll {
				slug := fi.Slugify("Toinen " + strings.ToLower(c.LabelSingular))
				if w.Multiple {
					return []string{slug}
				}
				return slug
			}
		}
		t.Fatalf("%s: relation to %q, which is no collection", w.Name, w.Coll)
	case "object":
		m := &yaml.Node{Kind: yaml.MappingNode}
		for _, s := range w.Fields {
			var n yaml.Node
			n.Encode(value(t, doc, s, full))
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: s.Name}, &n)
		}
		return m
	case "list":
		if w.Field != nil {
			return []any{value(t, doc, *w.Field, full), value(t, doc, *w.Field, full)}
		}
		obj := widget{Name: w.Name, Widget: "object", Fields: w.Fields}
		return []any{value(t, doc, obj, full)}
	}
	t.Fatalf("%s: widget %q has no sample", w.Name, w.Widget)
	return nil
}

// check runs seutu's check over a site of site.toml and files, and returns
// the errors.
func check(t *testing.T, toml []byte, files []entry) []string {
	t.Helper()
	fsys := fstest.MapFS{"content/site.toml": {Data: toml}}
	for _, e := range files {
		fsys[e.path] = &fstest.MapFile{Data: e.data}
	}
	rep := build.Run(fsys, build.Options{Now: now}, &write.Discard{})
	var errs []string
	for _, d := range rep.Diags {
		if d.Severity == 0 {
			errs = append(errs, d.String())
		}
	}
	return errs
}

func TestEditorsEntriesPassTheCheck(t *testing.T) {
	for _, site := range []string{"testdata/site.toml", "../../content/site.toml"} {
		t.Run(site, func(t *testing.T) {
			toml, err := os.ReadFile(site)
			if err != nil {
				t.Fatal(err)
			}
			cfg, diags := config.Parse(toml)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			// One language: the entries are the default language's files.
			cfg.Languages = cfg.Languages[:1]
			doc := parse(t, cms.Config(cfg, cms.Options{}))
			if len(doc.Collections) == 0 {
				t.Fatal("no collections")
			}
			var files []entry
			for _, c := range doc.Collections {
				files = append(files, fill(t, doc, c)...)
			}
			if errs := check(t, toml, files); len(errs) > 0 {
				var shown []string
				for _, e := range files {
					shown = append(shown, "-- "+e.path+" --\n"+string(e.data))
				}
				t.Errorf("seutu check refuses what the editor writes:\n%s\n\n%s", strings.Join(errs, "\n"), strings.Join(shown, "\n"))
			}
		})
	}
}

// TestEditorsMistakesFailTheCheck shows the check above can fail: an
// entry whose reference names no page is refused, at its line.
func TestEditorsMistakesFailTheCheck(t *testing.T) {
	toml, _ := os.ReadFile("testdata/site.toml")
	cfg, _ := config.Parse(toml)
	cfg.Languages = cfg.Languages[:1]
	doc := parse(t, cms.Config(cfg, cms.Options{}))
	var files []entry
	for _, c := range doc.Collections {
		files = append(files, fill(t, doc, c)...)
	}
	for i, e := range files {
		if strings.HasPrefix(e.path, "content/verkostot/testi-") {
			files[i].data = []byte(strings.Replace(string(e.data), "chair: toinen-henkilo", "chair: kolmas-henkilo", 1))
		}
	}
	errs := check(t, toml, files)
	if len(errs) != 1 || !strings.Contains(errs[0], `unknown person "kolmas-henkilo"`) {
		t.Errorf("errors: %v, want one unknown person", errs)
	}
}

// TestVocabularyFollowsSiteTOML adds a value to a vocabulary of site.toml:
// the select offers it with no hand edit, and an entry with it passes.
func TestVocabularyFollowsSiteTOML(t *testing.T) {
	toml, err := os.ReadFile("testdata/site.toml")
	if err != nil {
		t.Fatal(err)
	}
	options := func(toml []byte) []string {
		cfg, diags := config.Parse(toml)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		for _, c := range parse(t, cms.Config(cfg, cms.Options{})).Collections {
			for _, w := range c.Fields {
				if c.Name == "verkostot" && w.Name == "category" {
					return w.Options
				}
			}
		}
		t.Fatal("no category select in verkostot")
		return nil
	}
	before := options(toml)
	added := []byte(strings.Replace(string(toml), `network_categories = ["Kuntajohto", "Viestintä"]`, `network_categories = ["Kuntajohto", "Viestintä", "Uusi luokka"]`, 1))
	after := options(added)
	if slices.Contains(before, "Uusi luokka") || !slices.Equal(after, append(slices.Clone(before), "Uusi luokka")) {
		t.Fatalf("options %v, then %v", before, after)
	}
	files := []entry{{"content/verkostot/uusi.md", []byte("---\ntitle: Uusi\nsummary: Uusi verkosto.\ncategory: Uusi luokka\n---\nTeksti.\n")}}
	if errs := check(t, toml, files); len(errs) != 1 {
		t.Errorf("before: %v, want one error (the value is not yet allowed)", errs)
	}
	if errs := check(t, added, files); len(errs) != 0 {
		t.Errorf("after: %v", errs)
	}
}
