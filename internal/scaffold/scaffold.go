// Package scaffold writes the skeleton of a new content file: the front
// matter of its kind with every field the builder accepts, each with a short
// Finnish comment and an example, the required fields filled and the rest
// left empty, and a Markdown body to write over. Every text the editor
// must write begins with model.Placeholder ("Kirjoita tähän …"), and
// `seutu check` reports each one left, with its line and column, so an
// untouched skeleton is never published; otherwise a new file passes the
// check as it is (as a draft, with `draft: true`, even with its
// placeholders), so that an editor can preview it at once and fill it in
// field by field.
//
// The skeletons are the text/template files under templates/, one per kind
// (templates/network.md.tmpl, …), with the fields every kind shares in
// templates/common.tmpl.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/template"
	"time"

	"gopkg.in/yaml.v3"

	"seutu/internal/config"
	"seutu/internal/diag"
	"seutu/internal/fi"
	"seutu/internal/model"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

// templates holds every skeleton, by file name (network.md.tmpl, …).
var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"yaml":        yamlScalar,
	"allowed":     allowed,
	"placeholder": placeholder,
}).ParseFS(templateFS, "templates/*.tmpl"))

// kind is one name `seutu new` accepts.
type kind struct {
	name    string     // the Finnish name: verkosto
	english string     // the model's kind, also the template's name: network
	model   model.Kind // the kind the file's folder gives
}

// kinds lists the kinds in model.Kinds' order, an event (a news item with
// an event block) after the news item.
var kinds = func() []kind {
	var out []kind
	for _, in := range model.Kinds {
		out = append(out, kind{in.Command, string(in.Kind), in.Kind})
		if in.Kind == model.KindNews {
			out = append(out, kind{"tapahtuma", "event", model.KindNews})
		}
	}
	return out
}()

// Kinds lists the names `seutu new` accepts, Finnish first: verkosto,
// hanke, strategia, uutinen, tapahtuma, henkilo, organisaatio, kunta, sivu,
// then the English model kind names as synonyms: network, project,
// strategy, news, event, person, organization, municipality, page.
func Kinds() []string {
	var out []string
	for _, k := range kinds {
		out = append(out, k.name)
	}
	for _, k := range kinds {
		out = append(out, k.english)
	}
	return out
}

// lookup finds a kind by either of its names. Case and Finnish letters do
// not matter: "Henkilö" is henkilo.
func lookup(name string) (kind, error) {
	folded := fi.Slugify(name)
	for _, k := range kinds {
		if folded == k.name || folded == k.english {
			return k, nil
		}
	}
	var fin, eng []string
	for _, k := range kinds {
		fin, eng = append(fin, k.name), append(eng, k.english)
	}
	return kind{}, fmt.Errorf("unknown kind %q%s (kinds: %s; in English: %s)",
		name, diag.DidYouMean(name, Kinds()), strings.Join(fin, ", "), strings.Join(eng, ", "))
}

// data is what a skeleton template sees.
type data struct {
	Title      string // the title as a YAML scalar, quoted when it must be
	Today      string // now's date, YYYY-MM-DD: a news item's date and updated
	EventStart string // an example start a week ahead at 13:00, YYYY-MM-DDTHH:MM
	EventEnd   string // two hours after EventStart, for a comment's example
	EventDay   string // EventStart's date: a whole-day event
	Deadline   string // three days before EventDay: a registration deadline
	Category   string // an event's news category as a YAML scalar: Tapahtumat when declared, else ""

	// The controlled vocabularies of site.toml, for the comments.
	NetworkCategories []string
	NewsCategories    []string
	Themes            []string
	OrganizationTypes []string
}

// eventCategory is the news category an event gets when site.toml has it.
const eventCategory = "Tapahtumat"

// New returns the path (slash-separated, relative to the site folder, e.g.
// "content/verkostot/sivistysjohtajien-verkosto.md") and the text of a new
// file of the given kind titled title. now gives the date for news and
// events (file name prefix YYYY-MM-DD- and the date: field) and updated:.
// cfg gives the allowed values to list in comments (categories, themes,
// organisation types); it is never nil.
//
// An unknown kind is an error that lists the kinds and suggests the
// closest. A title that gives an empty slug is an error, and so is one
// whose URL a page that seutu makes already has (a page titled "Kunnat",
// a network named like a network category).
func New(kind, title string, cfg *config.Config, now time.Time) (path string, text []byte, err error) {
	k, err := lookup(kind)
	if err != nil {
		return "", nil, err
	}
	title = strings.Join(strings.Fields(title), " ") // a title is one line
	slug := fi.Slugify(title)
	if slug == "" {
		return "", nil, fmt.Errorf("title %q gives no file name: it needs letters or digits", title)
	}
	if err := checkURL(k, slug, cfg); err != nil {
		return "", nil, err
	}

	now = now.In(fi.Helsinki)
	today := now.Format(time.DateOnly)
	switch folder := model.SectionOf(k.model); {
	case k.model == model.KindPage:
		path = "content/" + slug + ".md"
	case k.model == model.KindNews:
		path = "content/" + folder + "/" + today + "-" + slug + ".md"
	default:
		path = "content/" + folder + "/" + slug + ".md"
	}

	y, m, d := now.AddDate(0, 0, 7).Date()
	start := time.Date(y, m, d, 13, 0, 0, 0, fi.Helsinki)
	dat := data{
		Title:             yamlScalar(title),
		Today:             today,
		EventStart:        start.Format("2006-01-02T15:04"),
		EventEnd:          start.Add(2 * time.Hour).Format("2006-01-02T15:04"),
		EventDay:          start.Format(time.DateOnly),
		Deadline:          start.AddDate(0, 0, -3).Format(time.DateOnly),
		NetworkCategories: cfg.NetworkCategories,
		NewsCategories:    cfg.NewsCategories,
		Themes:            cfg.Themes,
		OrganizationTypes: cfg.OrganizationTypes,
	}
	if slices.Contains(cfg.NewsCategories, eventCategory) {
		dat.Category = yamlScalar(eventCategory)
	}
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, k.english+".md.tmpl", dat); err != nil {
		return "", nil, fmt.Errorf("scaffold %s: %w", k.name, err) // a bug in a template
	}
	return path, b.Bytes(), nil
}

// reserved are the first URL segments, besides the sections', that pages
// seutu makes use (and assets/); a plain page may not take them.
var reserved = []string{"tapahtumat", "avainsanat", "teemat", "assets"}

// checkURL refuses a slug whose URL seutu already gives to a list page, so
// that the new file does not fail the check for a reason the editor cannot
// see in it.
func checkURL(k kind, slug string, cfg *config.Config) error {
	switch k.model {
	case model.KindPage:
		if _, ok := model.Sections[slug]; ok || slices.Contains(reserved, slug) {
			return fmt.Errorf("a page content/%s.md would take the URL /%s/, which the site's own pages use: give the page another title", slug, slug)
		}
	case model.KindNetwork:
		for _, c := range cfg.NetworkCategories {
			if fi.Slugify(c) == slug {
				return fmt.Errorf("a network named %s would take the URL /verkostot/%s/ of the network category %q: give the network another title", slug, slug, c)
			}
		}
	}
	return nil
}

// Write creates the file at path (slash-separated, relative to the site
// folder dir), making folders as needed. It never overwrites: when the file
// exists, it returns an error naming it.
func Write(dir, path string, text []byte) error {
	rel := filepath.FromSlash(path)
	if !filepath.IsLocal(rel) {
		return fmt.Errorf("%s: not a path inside the site folder", path)
	}
	name := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists: edit that file, or give the new one another title", name)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(text); err != nil {
		f.Close()
		os.Remove(name) // the file is ours: we just created it
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}

// yamlScalar writes s as one YAML scalar on one line, quoted only when it
// must be: Kurkistus: "HINKU" becomes 'Kurkistus: "HINKU"', 2026 becomes
// "2026", and plain words stay plain.
func yamlScalar(s string) string {
	b, err := yaml.Marshal(s)
	out := strings.TrimSuffix(string(b), "\n")
	if err != nil || strings.ContainsAny(out, "\r\n") {
		// Not reached for one-line text, which is all New passes.
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s) + `"`
	}
	return out
}

// placeholder is a text for the editor to replace: model.Placeholder and
// what to write there, "Kirjoita tähän verkoston tehtävät.". Load refuses
// it in a published page, so it must begin with model.Placeholder.
func placeholder(what string) string {
	if strings.HasPrefix(what, ",") {
		return model.Placeholder + what
	}
	return model.Placeholder + " " + what
}

// allowed is a comment's list of the values site.toml allows, or what to do
// when it declares none. key is the name in site.toml's [vocabularies].
func allowed(values []string, key string) string {
	if len(values) == 0 {
		return "site.toml ei määrittele yhtään (lisää " + key + " kohtaan [vocabularies])"
	}
	oneLine := strings.NewReplacer("\r", " ", "\n", " ")
	var vs []string
	for _, v := range values {
		vs = append(vs, oneLine.Replace(v))
	}
	return "sallitut: " + strings.Join(vs, ", ")
}
