package body

import (
	"context"
	"maps"
	"strings"
	"testing"
)

// A body's links are checked as goldmark writes them: with their character
// references resolved, and those it writes no address for reported at
// their position.
func TestBodyLinks(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		href  string // in the page's HTML, "" for no page
		diags string
	}{
		{"reference in a site path", "Katso [Jämsä](/kunnat/&#x6a;amsa/).", `<a href="/kunnat/kunnat/jamsa/">Jämsä</a>`, ""},
		{"reference in a source path", "Katso [liitto](organisaatiot/&#x6c;iitto.md).", `<a href="/kunnat/organisaatiot/liitto/">liitto</a>`, ""},
		{"backslash escape in a source path", `Katso [liitto](organisaatiot/liitto\.md).`, `<a href="/kunnat/organisaatiot/liitto/">liitto</a>`, ""},
		{"reference in a fragment", "Katso [lista](/kunnat/&#35;lista).", `<a href="/kunnat/kunnat/#lista">lista</a>`, ""},
		{"reference in a web address", "Katso [haku](https://example.org/?a=1&amp;b=2).", `<a href="https://example.org/?a=1&amp;b=2">haku</a>`, ""},
		{"broken, said as goldmark reads it", "Katso [Jämsä](/kunnat/&#x6b;amsa/).", "",
			`content/erikois.md:4:7: error: link to "/kunnat/kamsa/": no page of this site has that address; did you mean "/kunnat/jamsa/"?`},
		{"script", "Katso [tämä](javascript:alert(1)).", "",
			`content/erikois.md:4:7: error: link to "javascript:alert(1)": links that run scripts are not published; link to a page or an https:// address`},
		{"data", "Kuva:\n\n![kaavio](data:image/svg+xml;utf8,<svg/>)", `<img src="" alt="kaavio">`,
			`content/erikois.md:6:1: warning: link to "data:image/svg+xml;utf8,<svg/>": a data: address is published only for a PNG, GIF, JPEG or WebP image, so the page has this one without its address; put the file under assets/ and link to it`},
		{"data image that is published", "![piste](data:image/png;base64,iVBORw0KGgo=)", `<img src="data:image/png;base64,iVBORw0KGgo=" alt="piste">`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			content := maps.Clone(testContent)
			content["content/kunnat/jamsa.md"] = "---\ntitle: Jämsä\n---\n"
			content["content/erikois.md"] = "---\ntitle: Erikoissivu\n---\n" + tt.body + "\n"
			site, bodies := resolveSite(t, content)
			set, _, diags, err := New(nil).Link(context.Background(), site, bodies, NewIndex(site, nil))
			if err != nil {
				t.Fatal(err)
			}
			if got := diags.Error(); got != tt.diags {
				t.Errorf("diagnostics\n%s\nwant\n%s", got, tt.diags)
			}
			if page := string(set.Pages[pageOf(site, "content/erikois.md")].HTML); tt.href != "" && !strings.Contains(page, tt.href) {
				t.Errorf("the page lacks %s:\n%s", tt.href, page)
			}
		})
	}
}
