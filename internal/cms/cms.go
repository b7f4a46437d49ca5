// Package cms writes the configuration of the web editor (Decap CMS, whose
// config.yml Sveltia CMS reads too) from the content model: one collection
// per kind in the kind's folder, each field of model.FieldsOf with the
// widget its type needs, required where seutu requires it, with the
// Finnish hints of `seutu new`'s comments; site.toml's vocabularies as
// selects of their values, references as relations to the named kind's
// collection, and site.toml's languages as the editor's i18n. Nothing in
// it is typed a second time: a field, a vocabulary value or a language
// added to the model or to site.toml reaches the editor with the next
// build. The build publishes the result at /admin/config.yml when
// site.toml's [cms] says enabled = true (see Files).
package cms

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"seutu/internal/config"
	"seutu/internal/model"
)

// Options are what the configuration takes besides the site's own.
type Options struct {
	// LocalBackend is the address of a local git backend (decap-server's
	// API, http://127.0.0.1:8081/api/v1) that the editor uses when it is
	// opened on this machine; "" gives Decap's default, which it tries
	// only from localhost.
	LocalBackend string
}

// PagesCollection is the name of the plain pages' collection.
const PagesCollection = "sivut"

// Header begins the generated file.
const Header = "# The web editor's configuration (Decap CMS; Sveltia CMS reads it too), made by\n" +
	"# `seutu cms` from the content model and content/site.toml: do not edit it, run\n" +
	"# seutu cms again (the build publishes it at /admin/config.yml by itself).\n"

// Config returns the editor's config.yml for the site c configures. The
// same c and opts give the same bytes.
func Config(c *config.Config, opts Options) []byte {
	var b bytes.Buffer
	b.WriteString(Header)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(document(c, opts)); err != nil {
		panic(err) // the document is made of maps, lists and strings
	}
	enc.Close()
	return b.Bytes()
}

// document is the whole configuration.
func document(c *config.Config, opts Options) omap {
	cm := c.CMS
	name := cm.Backend
	if cm.Repo == "" && name != "git-gateway" && name != "test-repo" {
		// No repository yet (site.toml leaves it to the deploy's
		// -cms-repo): the editor works on this clone, through
		// decap-server on the editor's own machine, which is what
		// local_backend would find.
		name = "proxy"
	}
	backend := omap{{"name", name}}
	if name == "proxy" {
		backend = append(backend, kv{"proxy_url", or(opts.LocalBackend, "http://localhost:8081/api/v1")})
	}
	if cm.Repo != "" {
		backend = append(backend, kv{"repo", cm.Repo})
	}
	backend = append(backend, kv{"branch", cm.Branch})
	if cm.BaseURL != "" {
		backend = append(backend, kv{"base_url", cm.BaseURL})
	}
	if cm.AuthEndpoint != "" {
		backend = append(backend, kv{"auth_endpoint", cm.AuthEndpoint})
	}
	doc := omap{{"backend", backend}}
	if opts.LocalBackend != "" {
		doc = append(doc, kv{"local_backend", omap{{"url", opts.LocalBackend}, {"allowed_hosts", []string{"127.0.0.1", "localhost"}}}})
	} else {
		doc = append(doc, kv{"local_backend", true})
	}
	if cm.EditorialWorkflow {
		doc = append(doc, kv{"publish_mode", "editorial_workflow"})
	}
	doc = append(doc,
		kv{"locale", "fi"},
		kv{"site_url", c.BaseURL},
		kv{"display_url", c.BaseURL},
		kv{"logo_url", "/assets/img/logo.svg"},
		kv{"media_folder", "assets/kuvat"},
		kv{"public_folder", "/assets/kuvat"},
		// File names as seutu makes them from a title: lowercase a–z,
		// 0–9 and hyphens, ä → a and ö → o (fi.Slugify).
		kv{"slug", omap{{"encoding", "ascii"}, {"clean_accents", true}, {"sanitize_replacement", "-"}}},
	)
	multi := len(c.Languages) > 1
	if multi {
		// x.md in the default language and x.sv.md beside it holding
		// the translated fields. Sveltia CMS writes the default language's
		// file without its code; Decap CMS, which has no such option,
		// writes x.fi.md.
		doc = append(doc, kv{"i18n", omap{
			{"structure", "multiple_files"},
			{"locales", c.Languages},
			{"default_locale", c.Language},
			{"omit_default_locale_from_filename", true},
		}})
	}
	var cols []any
	for _, in := range model.Kinds {
		cols = append(cols, collection(c, in, multi))
	}
	return append(doc, kv{"collections", cols})
}

// collection is the folder collection of one kind.
func collection(c *config.Config, in model.KindInfo, multi bool) omap {
	name, folder, label := collectionOf(in.Kind), "content/"+in.Folder, in.Title
	if in.Kind == model.KindPage {
		// Plain pages live directly in content/ (and in folders of no
		// kind, which the editor leaves to git).
		folder, label = "content", "Sivut"
	}
	slug := "{{slug}}"
	if in.Kind == model.KindNews {
		slug = "{{year}}-{{month}}-{{day}}-{{slug}}" // seutu new's news file names
	}
	col := omap{
		{"name", name},
		{"label", label},
		{"label_singular", in.Finnish},
		{"folder", folder},
		{"create", true},
		{"extension", "md"},
		{"format", "frontmatter"},
		{"slug", slug},
		{"identifier_field", "title"},
		{"summary", summary(in.Kind)},
		{"sortable_fields", sortable(in.Kind)},
	}
	if multi {
		col = append(col, kv{"i18n", true})
	}
	var fields []any
	for _, f := range model.FieldsOf(in.Kind) {
		if !f.GitOnly {
			fields = append(fields, field(c, f, multi))
		}
	}
	body := omap{{"name", "body"}, {"label", "Teksti"}, {"widget", "markdown"},
		{"hint", "Sivun teksti; väliotsikoissa (##) vain ensimmäinen sana alkaa isolla kirjaimella"}, {"required", false}}
	if multi {
		body = append(body, kv{"i18n", true})
	}
	fields = append(fields, body)
	return append(col, kv{"fields", fields})
}

// summary is how the editor's list names an entry.
func summary(k model.Kind) string {
	if k == model.KindNews {
		return "{{date}} – {{title}}"
	}
	return "{{title}}"
}

func sortable(k model.Kind) []string {
	if k == model.KindNews {
		return []string{"date", "title"}
	}
	return []string{"title", "updated"}
}

// Patterns the editor checks a text field against, with the message it
// shows; each is what load accepts (the contract test holds them to it).
var patterns = map[model.FieldType][2]string{
	model.TypePartialDate: {`^\d{4}(-\d{2}(-\d{2})?)?$`, "Kirjoita päivä muodossa VVVV-KK-PP, tai VVVV-KK tai VVVV, jos vain kuukausi tai vuosi tiedetään"},
	model.TypeRoughDate:   {`^\d{4}(-\d{2}(-\d{2})?)?$|^\d{4}-\d{2}/\d{4}-\d{2}$`, "Kirjoita päivä muodossa VVVV-KK-PP (tai VVVV-KK, VVVV tai kuukausiväli VVVV-KK/VVVV-KK)"},
	model.TypeURL:         {`^https?://[^\s\\]+$`, "Kirjoita koko osoite, joka alkaa https://"},
	model.TypePhone:       {model.PhonePattern, "Kirjoita koko puhelinnumero, esim. 040 595 0002 tai +358 40 595 0002"},
	model.TypeEmail:       {`^[^\s@]+@[^\s@]+\.[^\s@]+$`, "Kirjoita sähköpostiosoite, esim. etunimi.sukunimi@keskisuomi.fi"},
	model.TypeSlug:        {`^[a-z0-9]+(-[a-z0-9]+)*$`, "Vain pieniä kirjaimia a–z, numeroita ja väliviivoja"},
	model.TypeAliases:     {`^/\S*$`, "Vanha osoite alkaa kauttaviivalla, esim. /vanha-sivu/"},
	model.TypeRelated:     {`^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$`, "Kirjoita kansio/nimi, esim. verkostot/kunnanjohtajakokoukset"},
}

// Date formats, as seutu's front matter takes them (Helsinki time, which
// is the editors' own: the widget writes the browser's local time).
const (
	dateFormat     = "YYYY-MM-DD"
	dateTimeFormat = "YYYY-MM-DDTHH:mm"
)

// field is one field's widget.
func field(c *config.Config, f model.Field, multi bool) omap {
	w := omap{{"name", f.Name}, {"label", f.Label}}
	add := func(k string, v any) { w = append(w, kv{k, v}) }
	switch f.Type {
	case model.TypeText:
		if f.Name == "summary" {
			add("widget", "text")
		} else {
			add("widget", "string")
		}
	case model.TypeTexts, model.TypeRefsOrText:
		add("widget", "list")
		add("field", omap{{"name", "item"}, {"label", f.Label}, {"widget", "string"}})
	case model.TypeBool:
		// No default: Decap would write it into an event block left
		// empty, which seutu would then read as an event with no start.
		add("widget", "boolean")
	case model.TypeInt:
		add("widget", "number")
		add("value_type", "int")
	case model.TypeNumber:
		add("widget", "number")
		add("value_type", "float")
	case model.TypeYear:
		add("widget", "number")
		add("value_type", "int")
		add("min", 1000)
		add("max", 9999)
	case model.TypeDate:
		add("widget", "datetime")
		add("format", dateFormat)
		add("date_format", "D.M.YYYY")
		add("time_format", false)
	case model.TypeMoment, model.TypeRoughMoment:
		add("widget", "datetime")
		add("format", dateTimeFormat)
		add("date_format", "D.M.YYYY")
		add("time_format", "HH.mm")
	case model.TypePartialDates:
		add("widget", "list")
		p := patterns[model.TypePartialDate]
		add("field", omap{{"name", "item"}, {"label", f.Label}, {"widget", "string"}, {"pattern", []string{p[0], p[1]}}})
	case model.TypeAliases, model.TypeRelated:
		add("widget", "list")
		p := patterns[f.Type]
		add("field", omap{{"name", "item"}, {"label", f.Label}, {"widget", "string"}, {"pattern", []string{p[0], p[1]}}})
	case model.TypeChoice, model.TypeVocabulary, model.TypeVocabularies:
		values := f.Allowed(c)
		if len(values) == 0 {
			// Decap refuses a select of nothing; the hint says why.
			add("widget", "string")
			f.Hint += "; site.toml ei määrittele yhtään (lisää " + f.Vocabulary + " kohtaan [vocabularies]), joten jätä tyhjäksi"
			break
		}
		add("widget", "select")
		add("options", values)
		if f.Type == model.TypeVocabularies {
			add("multiple", true)
		}
	case model.TypeRef, model.TypeRefs:
		add("widget", "relation")
		add("collection", collectionOf(f.Target))
		add("search_fields", []string{"title"})
		add("display_fields", []string{"title"})
		add("value_field", "{{slug}}")
		if f.Type == model.TypeRefs {
			add("multiple", true)
		}
	case model.TypeObject:
		add("widget", "object")
		add("collapsed", true)
		// Decap checks a group's required fields even when the group is
		// left empty, which would make every news item an event: inside an
		// optional group they are marked in the hint, and seutu's check
		// holds them ("an event needs start").
		var sub []model.Field
		for _, s := range f.Fields {
			if s.Required && !f.Required {
				s.Required = false
				s.Hint += " (pakollinen, jos " + strings.ToLower(f.Label) + " on)"
			}
			sub = append(sub, s)
		}
		add("fields", subfields(c, sub, multi))
	case model.TypeObjects:
		add("widget", "list")
		add("fields", subfields(c, f.Fields, multi))
	default: // text checked against a pattern: partial and rough dates, URL, phone, e-mail, slug; ref or text
		add("widget", "string")
		if p, ok := patterns[f.Type]; ok {
			add("pattern", []string{p[0], p[1]})
		}
	}
	hint := f.Hint
	if f.Type == model.TypeObject {
		hint += "; jätä tyhjäksi, jos uutinen ei ole tapahtuma"
	}
	add("hint", upperFirst(hint))
	add("required", f.Required)
	if multi && f.Translated {
		add("i18n", true)
	}
	return w
}

func subfields(c *config.Config, fs []model.Field, multi bool) []any {
	var out []any
	for _, s := range fs {
		out = append(out, field(c, s, multi))
	}
	return out
}

// collectionOf is the name of the collection of kind k.
func collectionOf(k model.Kind) string {
	if k == model.KindPage {
		return PagesCollection
	}
	return model.SectionOf(k)
}

func upperFirst(s string) string {
	for i := range s {
		if i > 0 {
			return strings.ToUpper(s[:i]) + s[i:]
		}
	}
	return strings.ToUpper(s)
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// kv is one entry of an omap.
type kv struct {
	k string
	v any
}

// omap is a YAML mapping that keeps its order, so that the file reads as
// written here and comes out the same every time.
type omap []kv

func (m omap) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, e := range m {
		var v yaml.Node
		if err := v.Encode(e.v); err != nil {
			return nil, fmt.Errorf("%s: %w", e.k, err)
		}
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: e.k}, &v)
	}
	return n, nil
}
