// Package config reads content/site.toml: the site's name and address, its
// menu, footer contact details and the controlled vocabularies that front
// matter is checked against.
package config

import (
	"net/url"
	"strings"

	"seutu/internal/diag"
	"seutu/internal/meta"
)

// File is where the configuration lives, relative to the site folder.
const File = "content/site.toml"

// Config is the whole of site.toml.
type Config struct {
	Title       string // the site's name, in the header and in every <title>
	Description string // one sentence on what the site is, for the home page and meta tags
	BaseURL     string // absolute URL of the site's root, ending in "/"
	Language    string // BCP 47, "fi"
	Menu        []MenuItem
	Contact     Contact

	MaxFileKB   int // a content file larger than this is refused
	NewsPerPage int // news items on one page of /ajankohtaista/
	PastEvents  int // past events on /tapahtumat/ before older years move to their own pages

	// Controlled vocabularies: front matter must use one of these values.
	NetworkCategories []string
	NewsCategories    []string
	Themes            []string
	OrganizationTypes []string
}

// MenuItem is one link of the main menu.
type MenuItem struct {
	Name string
	URL  string
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
		Title:    "Keski-Suomen kuntayhteistyö",
		BaseURL:  "http://127.0.0.1:1313/",
		Language: "fi",
		Menu: []MenuItem{
			{"Verkostot", "/verkostot/"},
			{"Hankkeet", "/hankkeet/"},
			{"Strategiat", "/strategiat/"},
			{"Ajankohtaista", "/ajankohtaista/"},
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
	d.Fields(root, map[string]meta.FieldFunc{
		"title":         func(v *meta.Value) { c.Title = d.Text(v) },
		"description":   func(v *meta.Value) { c.Description = d.Text(v) },
		"base_url":      func(v *meta.Value) { c.BaseURL = baseURL(&d, v) },
		"language":      func(v *meta.Value) { c.Language = d.Text(v) },
		"menu":          func(v *meta.Value) { c.Menu = menu(&d, v) },
		"contact":       func(v *meta.Value) { c.Contact = contact(&d, v) },
		"news_per_page": func(v *meta.Value) { c.NewsPerPage = positive(&d, v) },
		"max_file_kb":   func(v *meta.Value) { c.MaxFileKB = positive(&d, v) },
		"past_events":   func(v *meta.Value) { c.PastEvents = positive(&d, v) },
		"vocabularies": func(v *meta.Value) {
			d.Fields(v, map[string]meta.FieldFunc{
				"network_categories": func(v *meta.Value) { c.NetworkCategories = d.Texts(v) },
				"news_categories":    func(v *meta.Value) { c.NewsCategories = d.Texts(v) },
				"themes":             func(v *meta.Value) { c.Themes = d.Texts(v) },
				"organization_types": func(v *meta.Value) { c.OrganizationTypes = d.Texts(v) },
			}, "[vocabularies]")
		},
	}, "site.toml")
	if c.Title == "" {
		d.Diags.Errorf(diag.Pos{File: File, Line: 1, Col: 1}, "title must not be empty")
	}
	return c, d.Diags
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
		d.Fields(it, map[string]meta.FieldFunc{
			"name": func(v *meta.Value) { m.Name = d.Text(v) },
			"url":  func(v *meta.Value) { m.URL = d.Text(v) },
		}, "[[menu]]")
		if m.Name == "" || m.URL == "" {
			d.Diags.Errorf(it.Pos, "a menu item needs both name and url")
			continue
		}
		items = append(items, m)
	}
	return items
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
