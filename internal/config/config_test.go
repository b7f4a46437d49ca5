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
