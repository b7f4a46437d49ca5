package config

import (
	"slices"
	"strings"
	"testing"

	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

func TestParse(t *testing.T) {
	src := `title = "Kuntayhteistyö"
base_url = "https://example.fi/kunnat"

[[menu]]
name = "Verkostot"
url = "/verkostot/"

[contact]
name = "Keski-Suomen liitto"
email = "kirjaamo@example.fi"

[vocabularies]
network_categories = ["Kuntajohto", "Hyvinvointi"]
themes = ["Ilmasto"]
`
	c, diags := Parse([]byte(src))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if c.BaseURL != "https://example.fi/kunnat/" {
		t.Errorf("BaseURL = %q", c.BaseURL)
	}
	if len(c.Menu) != 1 || c.Menu[0].URL != "/verkostot/" {
		t.Errorf("Menu = %v", c.Menu)
	}
	if !slices.Equal(c.NetworkCategories, []string{"Kuntajohto", "Hyvinvointi"}) {
		t.Errorf("NetworkCategories = %v", c.NetworkCategories)
	}
	if c.Contact.Email != "kirjaamo@example.fi" {
		t.Errorf("Contact = %+v", c.Contact)
	}
	if len(c.OrganizationTypes) == 0 {
		t.Error("defaults lost")
	}
}

func TestParseErrors(t *testing.T) {
	src := "title = \"x\"\nbase_url = \"example.fi\"\n[vocabularies]\nthemse = [\"a\"]\n"
	_, diags := Parse([]byte(src))
	diags.Sort()
	want := `content/site.toml:2:1: error: base_url must be an absolute http(s) URL, found "example.fi"
content/site.toml:4:1: error: unknown field "themse" in [vocabularies]; did you mean "themes"?`
	if got := diags.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestMissingFileUsesDefaults(t *testing.T) {
	c, diags := Parse(nil)
	if len(diags) != 0 || !strings.HasPrefix(c.BaseURL, "http") {
		t.Errorf("got %+v, %v", c, diags)
	}
}

func TestLanguages(t *testing.T) {
	src := `title = "Kuntayhteistyö"
languages = ["fi", "sv", "en"]

[[menu]]
name = "Verkostot"
name_sv = "Nätverk"
name_en = "Networks"
url = "/verkostot/"

[contact]
name = "Kirsi Mukkala, aluekehitysasiantuntija"
phone = "040 595 0002"

[translations.en]
title = "Municipal cooperation"
contact = { name = "Kirsi Mukkala, regional development specialist" }
[translations.en.vocabulary]
"Kuntajohto" = "Municipal management"

[vocabularies]
network_categories = ["Kuntajohto"]
`
	c, diags := Parse([]byte(src))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if !slices.Equal(c.Languages, []string{"fi", "sv", "en"}) {
		t.Errorf("Languages = %v", c.Languages)
	}
	tests := []struct{ name, got, want string }{
		{"menu sv", c.Menu[0].NameIn("sv"), "Nätverk"},
		{"menu fi", c.Menu[0].NameIn("fi"), "Verkostot"},
		{"title en", c.In("en").Title, "Municipal cooperation"},
		{"title sv falls back", c.In("sv").Title, "Kuntayhteistyö"},
		{"contact name en", c.In("en").Contact.Name, "Kirsi Mukkala, regional development specialist"},
		{"contact phone en inherited", c.In("en").Contact.Phone, "040 595 0002"},
		{"title fi unchanged", c.In("fi").Title, "Kuntayhteistyö"},
		{"term en", c.Term("en", "Kuntajohto"), "Municipal management"},
		{"term sv falls back", c.Term("sv", "Kuntajohto"), "Kuntajohto"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestLanguageErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown default", "title = \"x\"\n\nlanguage = \"fin\"\n",
			`content/site.toml:3:1: error: language "fin" is not one seutu knows (fi, sv, en); did you mean "fi"?`},
		{"unknown code", "title = \"x\"\nlanguages = [\"fi\", \"se\"]\n",
			`content/site.toml:2:1: error: languages: "se" is not one seutu knows (fi, sv, en); did you mean "sv"?`},
		{"default not first", "title = \"x\"\nlanguages = [\"sv\", \"fi\"]\n",
			`content/site.toml:2:1: error: languages must begin with the default language, "fi"`},
		{"twice", "title = \"x\"\nlanguages = [\"fi\", \"sv\", \"sv\"]\n",
			`content/site.toml:2:1: error: languages: "sv" is listed twice`},
		{"translation not published", "title = \"x\"\n[translations.en]\ntitle = \"y\"\n",
			`content/site.toml:2:1: error: [translations.en]: "en" is not among languages (fi)`},
		{"translation of no vocabulary value", "title = \"x\"\nlanguages = [\"fi\", \"sv\"]\n[translations.sv.vocabulary]\n\"Ilmsto\" = \"Klimat\"\n[vocabularies]\nthemes = [\"Ilmasto\"]\n",
			`content/site.toml:4:1: warning: [translations.sv.vocabulary]: "Ilmsto" is no value of [vocabularies], so it translates nothing; did you mean "Ilmasto"?`},
		{"menu name in unpublished language", "title = \"x\"\nlanguages = [\"fi\", \"sv\"]\n[[menu]]\nname = \"A\"\nname_en = \"B\"\nurl = \"/a/\"\n",
			`content/site.toml:5:1: error: name_en: "en" is not among the site's other languages (sv)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse([]byte(tt.src))
			diags.Sort()
			if got := diags.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestCMSBackend(t *testing.T) {
	_, diags := Parse([]byte("title = \"x\"\n[cms]\nenabled = true\nbackend = \"githb\"\n"))
	want := `content/site.toml:4:1: error: unknown backend "githb"; did you mean "github"? (allowed: github, gitlab, gitea, forgejo, bitbucket, azure, git-gateway, proxy, test-repo)`
	if got := diags.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
