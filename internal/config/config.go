// Package config reads content/site.toml: the site's name and address, its
// menu, footer contact details and the controlled vocabularies that front
// matter is checked against.
package config

import (
	"net/url"
	"slices"
	"strings"

	"seutu/internal/diag"
	"seutu/internal/lang"
	"seutu/internal/meta"
)

// File is where the configuration lives, relative to the site folder.
const File = "content/site.toml"

// Config is the whole of site.toml.
type Config struct {
	Title       string // the site's name, in the header and in every <title>
	Description string // one sentence on what the site is, for the home page and meta tags
	BaseURL     string // absolute URL of the site's root, ending in "/"
	Language    string // BCP 47, "fi": the default language, published at /
	Menu        []MenuItem
	Contact     Contact

	// Languages are the languages the site is published in, the default
	// (Language) first; the others under /<code>/. Translations holds, by
	// language code, what site.toml says in that language.
	Languages    []string
	Translations map[string]*Translation

	MaxFileKB   int // a content file larger than this is refused
	NewsPerPage int // news items on one page of /ajankohtaista/
	PastEvents  int // past events on /tapahtumat/ before older years move to their own pages

	// CMS is the web editor at /admin/ ([cms]); off unless enabled.
	CMS CMS

	// Controlled vocabularies: front matter must use one of these values.
	NetworkCategories []string
	NewsCategories    []string
	Themes            []string
	OrganizationTypes []string
}

// Vocabularies are the controlled vocabularies of [vocabularies], by their
// keys there: the one list that site.toml's reading, the web editor's
// selects (Vocabulary) and the check of [translations.x.vocabulary] read.
var Vocabularies = []struct {
	Key string
	of  func(*Config) *[]string
}{
	{"network_categories", func(c *Config) *[]string { return &c.NetworkCategories }},
	{"news_categories", func(c *Config) *[]string { return &c.NewsCategories }},
	{"themes", func(c *Config) *[]string { return &c.Themes }},
	{"organization_types", func(c *Config) *[]string { return &c.OrganizationTypes }},
}

// Vocabulary returns the values of the vocabulary under key, and whether
// there is such a vocabulary.
func (c *Config) Vocabulary(key string) ([]string, bool) {
	for _, voc := range Vocabularies {
		if voc.Key == key {
			return *voc.of(c), true
		}
	}
	return nil, false
}

// MenuItem is one link of the main menu.
type MenuItem struct {
	Name  string
	URL   string            // in the default language; other languages' menus put their prefix before it
	Names map[string]string // the name in other languages, by code: name_sv, name_en

	namePos map[string]diag.Pos
}

// Translation is what site.toml says in a language other than the
// default: [translations.sv].
type Translation struct {
	Title       string
	Description string
	Contact     Contact           // the fields given here replace the default language's
	Vocabulary  map[string]string // a vocabulary value in this language, by its value as written

	pos      diag.Pos
	vocabPos []*meta.Field // Vocabulary's keys as written, for checkLanguages
}

// NameIn returns the item's name in language code, falling back to the
// default language's.
func (m MenuItem) NameIn(code string) string {
	if n := m.Names[code]; n != "" {
		return n
	}
	return m.Name
}

// In returns the configuration as language code shows it: title,
// description and footer contact in that language where site.toml gives
// them. For the default language, c itself.
func (c *Config) In(code string) *Config {
	t := c.Translations[code]
	if code == c.Language || t == nil {
		return c
	}
	out := *c
	if t.Title != "" {
		out.Title = t.Title
	}
	if t.Description != "" {
		out.Description = t.Description
	}
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&out.Contact.Name, t.Contact.Name}, {&out.Contact.Address, t.Contact.Address},
		{&out.Contact.Phone, t.Contact.Phone}, {&out.Contact.Email, t.Contact.Email},
		{&out.Contact.Website, t.Contact.Website},
	} {
		if f.src != "" {
			*f.dst = f.src
		}
	}
	return &out
}

// Term returns a vocabulary value as language code writes it: its
// translation in site.toml, or the value itself.
func (c *Config) Term(code, value string) string {
	if t := c.Translations[code]; t != nil {
		if v := t.Vocabulary[value]; v != "" {
			return v
		}
	}
	return value
}

// CMS is site.toml's [cms]: whether the build publishes the web editor at
// /admin/, and the git host it commits through (Decap CMS's backend).
type CMS struct {
	Enabled      bool
	Backend      string // github, gitlab, gitea, git-gateway, …: Decap's backend name (default github)
	Repo         string // owner/name on the git host
	Branch       string // the branch editors' changes go to (default main)
	BaseURL      string // the OAuth service's address, when the host needs one
	AuthEndpoint string // its path, when not Decap's default
	// EditorialWorkflow makes every edit a pull request (a draft, then
	// ready for review, then published by merging), where the check runs.
	EditorialWorkflow bool
}

// Contact is the publisher's contact information in the footer.
type Contact struct {
	Name    string
	Address string
	Phone   string
	Email   string
	Website string
}

// Default returns the configuration used for anything site.toml leaves out.
func Default() *Config {
	return &Config{
		Title:     "Keski-Suomen kuntayhteistyö",
		BaseURL:   "http://127.0.0.1:1313/",
		Language:  "fi",
		Languages: []string{"fi"},
		CMS:       CMS{Backend: "github", Branch: "main"},
		Menu: []MenuItem{
			{Name: "Verkostot", URL: "/verkostot/"},
			{Name: "Hankkeet", URL: "/hankkeet/"},
			{Name: "Strategiat", URL: "/strategiat/"},
			{Name: "Ajankohtaista", URL: "/ajankohtaista/"},
		},
		MaxFileKB:   1024,
		NewsPerPage: 20,
		PastEvents:  30,
		OrganizationTypes: []string{"liitto", "kunta", "hyvinvointialue", "yhdistys", "säätiö",
			"oppilaitos", "yritys", "valtio", "kuntayhtymä", "muu"},
	}
}

// Parse reads site.toml's text. A missing file is not an error: pass nil.
func Parse(src []byte) (*Config, diag.List) {
	c := Default()
	if src == nil {
		return c, nil
	}
	root, diags := meta.ParseTOML(src, File, 1)
	if root == nil {
		return c, diags
	}
	d := meta.Decoder{Diags: diags}
	var languageAt, languagesAt *meta.Value
	d.Fields(root, map[string]meta.FieldFunc{
		"title":         func(v *meta.Value) { c.Title = d.Text(v) },
		"description":   func(v *meta.Value) { c.Description = d.Text(v) },
		"base_url":      func(v *meta.Value) { c.BaseURL = baseURL(&d, v) },
		"language":      func(v *meta.Value) { c.Language = d.Text(v); languageAt = v },
		"languages":     func(v *meta.Value) { c.Languages = d.Texts(v); languagesAt = v },
		"translations":  func(v *meta.Value) { c.Translations = translations(&d, v) },
		"menu":          func(v *meta.Value) { c.Menu = menu(&d, v) },
		"contact":       func(v *meta.Value) { c.Contact = contact(&d, v) },
		"news_per_page": func(v *meta.Value) { c.NewsPerPage = positive(&d, v) },
		"max_file_kb":   func(v *meta.Value) { c.MaxFileKB = positive(&d, v) },
		"past_events":   func(v *meta.Value) { c.PastEvents = positive(&d, v) },
		"cms":           func(v *meta.Value) { c.CMS = cms(&d, v, c.CMS) },
		"vocabularies": func(v *meta.Value) {
			fields := map[string]meta.FieldFunc{}
			for _, voc := range Vocabularies {
				fields[voc.Key] = func(v *meta.Value) { *voc.of(c) = d.Texts(v) }
			}
			d.Fields(v, fields, "[vocabularies]")
		},
	}, "site.toml")
	if c.Title == "" {
		d.Diags.Errorf(diag.Pos{File: File, Line: 1, Col: 1}, "title must not be empty")
	}
	c.checkLanguages(&d, languageAt, languagesAt)
	return c, d.Diags
}

// checkLanguages makes Languages start with the default language and
// checks that every language, and every [translations.x] table, is one
// seutu knows and the site publishes.
func (c *Config) checkLanguages(d *meta.Decoder, languageAt, at *meta.Value) {
	if lang.ByCode(c.Language) == nil {
		d.Diags.Errorf(languageAt.Pos, "language %q is not one seutu knows (%s)%s", c.Language, strings.Join(lang.Codes(), ", "), diag.DidYouMean(c.Language, lang.Codes()))
		c.Language = "fi"
	}
	if at == nil {
		c.Languages = []string{c.Language}
	} else {
		seen := map[string]bool{}
		var codes []string
		for i, code := range c.Languages {
			pos := at.Pos
			if i < len(at.Items) {
				pos = at.Items[i].Pos
			}
			switch {
			case lang.ByCode(code) == nil:
				d.Diags.Errorf(pos, "languages: %q is not one seutu knows (%s)%s", code, strings.Join(lang.Codes(), ", "), diag.DidYouMean(code, lang.Codes()))
			case seen[code]:
				d.Diags.Errorf(pos, "languages: %q is listed twice", code)
			default:
				seen[code] = true
				codes = append(codes, code)
			}
		}
		if len(codes) == 0 || codes[0] != c.Language {
			d.Diags.Errorf(at.Pos, "languages must begin with the default language, %q", c.Language)
			codes = slices.DeleteFunc(codes, func(s string) bool { return s == c.Language })
			codes = append([]string{c.Language}, codes...)
		}
		c.Languages = codes
	}
	var values []string // every vocabulary's
	for _, voc := range Vocabularies {
		values = append(values, *voc.of(c)...)
	}
	for code, t := range c.Translations {
		if !slices.Contains(c.Languages, code) {
			d.Diags.Errorf(t.pos, "[translations.%s]: %q is not among languages (%s)", code, code, strings.Join(c.Languages, ", "))
		}
		for _, f := range t.vocabPos {
			if !slices.Contains(values, f.Key) {
				d.Diags.Warnf(f.KeyPos, "[translations.%s.vocabulary]: %q is no value of [vocabularies], so it translates nothing%s", code, f.Key, diag.DidYouMean(f.Key, values))
			}
		}
	}
	for _, m := range c.Menu {
		for code, pos := range m.namePos {
			if !slices.Contains(c.Languages, code) || code == c.Language {
				d.Diags.Errorf(pos, "name_%s: %q is not among the site's other languages (%s)", code, code, strings.Join(c.Languages[1:], ", "))
			}
		}
	}
}

func translations(d *meta.Decoder, v *meta.Value) map[string]*Translation {
	if v.Kind != meta.Map {
		d.Diags.Errorf(v.Pos, "[translations] must be tables such as [translations.sv]")
		return nil
	}
	out := map[string]*Translation{}
	for _, f := range v.Fields {
		t := &Translation{pos: f.KeyPos}
		d.Fields(f.Value, map[string]meta.FieldFunc{
			"title":       func(v *meta.Value) { t.Title = d.Text(v) },
			"description": func(v *meta.Value) { t.Description = d.Text(v) },
			"contact":     func(v *meta.Value) { t.Contact = contact(d, v) },
			"vocabulary": func(v *meta.Value) {
				if v.Kind != meta.Map {
					d.Diags.Errorf(v.Pos, "[translations.%s.vocabulary] must be a table of \"value\" = \"translation\"", f.Key)
					return
				}
				t.Vocabulary = map[string]string{}
				for _, w := range v.Fields {
					t.Vocabulary[w.Key] = d.Text(w.Value)
					t.vocabPos = append(t.vocabPos, w)
				}
			},
		}, "[translations."+f.Key+"]")
		out[f.Key] = t
	}
	return out
}

func baseURL(d *meta.Decoder, v *meta.Value) string {
	s := d.Text(v)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		d.Diags.Errorf(v.Pos, "base_url must be an absolute http(s) URL, found %q", s)
		return Default().BaseURL
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s
}

func menu(d *meta.Decoder, v *meta.Value) []MenuItem {
	var items []MenuItem
	for _, it := range d.ListOf(v) {
		var m MenuItem
		fields := map[string]meta.FieldFunc{
			"name": func(v *meta.Value) { m.Name = d.Text(v) },
			"url":  func(v *meta.Value) { m.URL = d.Text(v) },
		}
		for _, f := range it.Fields {
			if code, ok := strings.CutPrefix(f.Key, "name_"); ok {
				fields[f.Key] = func(v *meta.Value) {
					if m.Names == nil {
						m.Names, m.namePos = map[string]string{}, map[string]diag.Pos{}
					}
					m.Names[code], m.namePos[code] = d.Text(v), f.KeyPos
				}
			}
		}
		d.Fields(it, fields, "[[menu]]")
		if m.Name == "" || m.URL == "" {
			d.Diags.Errorf(it.Pos, "a menu item needs both name and url")
			continue
		}
		items = append(items, m)
	}
	return items
}

// cmsBackends are the git hosts Decap CMS commits through, by its names.
var cmsBackends = []string{"github", "gitlab", "gitea", "forgejo", "bitbucket", "azure", "git-gateway", "proxy", "test-repo"}

// cms reads [cms] over the defaults in c.
func cms(d *meta.Decoder, v *meta.Value, c CMS) CMS {
	d.Fields(v, map[string]meta.FieldFunc{
		"enabled":            func(v *meta.Value) { c.Enabled = d.Bool(v) },
		"backend":            func(v *meta.Value) { c.Backend = d.OneOf(v, cmsBackends, "backend") },
		"repo":               func(v *meta.Value) { c.Repo = d.Text(v) },
		"branch":             func(v *meta.Value) { c.Branch = d.Text(v) },
		"base_url":           func(v *meta.Value) { c.BaseURL = d.Text(v) },
		"auth_endpoint":      func(v *meta.Value) { c.AuthEndpoint = d.Text(v) },
		"editorial_workflow": func(v *meta.Value) { c.EditorialWorkflow = d.Bool(v) },
	}, "[cms]")
	// repo may be left to the build (-cms-repo, which the deploy workflow
	// gives as the repository it runs in): without it the editor works
	// against decap-server on the editor's own machine only.
	return c
}

func contact(d *meta.Decoder, v *meta.Value) Contact {
	var c Contact
	d.Fields(v, map[string]meta.FieldFunc{
		"name":    func(v *meta.Value) { c.Name = d.Text(v) },
		"address": func(v *meta.Value) { c.Address = d.Text(v) },
		"phone":   func(v *meta.Value) { c.Phone = d.Text(v) },
		"email":   func(v *meta.Value) { c.Email = d.Text(v) },
		"website": func(v *meta.Value) { c.Website = d.Text(v) },
	}, "[contact]")
	return c
}

func positive(d *meta.Decoder, v *meta.Value) int {
	n := d.Int(v)
	if n < 1 {
		d.Diags.Errorf(v.Pos, "expected a whole number of at least 1, found %q", v.Text)
		return 1
	}
	return n
}
