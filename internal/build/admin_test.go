package build

import (
	"crypto/sha512"
	"encoding/base64"
	"slices"
	"strings"
	"testing"

	"seutu/internal/cms"
	"seutu/internal/write"
)

// TestAdminPublishedWhenEnabled builds one site with [cms] enabled = true
// and without: the first has /admin/ (its page noindex, its config, its
// script under a hashed name whose integrity the page gives), and nothing
// else differs, the sitemap included.
func TestAdminPublishedWhenEnabled(t *testing.T) {
	built := func(toml string) map[string][]byte {
		t.Helper()
		site := txtarSite(minimalSite)
		site["content/site.toml"].Data = []byte(toml)
		mem := write.NewMemory()
		rep := Run(site, Options{Now: testNow, Minify: true, Fingerprint: true}, mem)
		if rep.Failed() {
			t.Fatal(rep.Diags)
		}
		return mem.Files()
	}
	base := string(txtarSite(minimalSite)["content/site.toml"].Data)
	off := built(base)
	on := built(base + "\n[cms]\nenabled = true\nrepo = \"keskisuomi/kuntayhteistyo\"\n")

	var added []string
	for p, data := range on {
		old, ok := off[p]
		switch {
		case !ok:
			added = append(added, p)
		case string(old) != string(data):
			t.Errorf("%s differs with the web editor on", p)
		}
	}
	for p := range off {
		if _, ok := on[p]; !ok {
			t.Errorf("%s is missing with the web editor on", p)
		}
	}
	slices.Sort(added)
	want := []string{"admin/" + cms.ScriptName(), "admin/" + cms.LocaleName(), "admin/config.yml", "admin/decap-cms.js.LICENSE.txt", "admin/index.html"}
	slices.Sort(want)
	if !slices.Equal(added, want) {
		t.Errorf("added %v, want %v", added, want)
	}

	page := string(on["admin/index.html"])
	sum := sha512.Sum384(on["admin/"+cms.ScriptName()])
	for _, s := range []string{
		`<meta name="robots" content="noindex, nofollow">`,
		`<script src="` + cms.ScriptName() + `" integrity="sha384-` + base64.StdEncoding.EncodeToString(sum[:]) + `"></script>`,
		`href="config.yml"`,
	} {
		if !strings.Contains(page, s) {
			t.Errorf("admin/index.html lacks %s:\n%s", s, page)
		}
	}
	if !strings.Contains(string(on["admin/config.yml"]), "repo: keskisuomi/kuntayhteistyo") {
		t.Errorf("admin/config.yml does not name the repository:\n%s", on["admin/config.yml"])
	}
	for p, data := range on {
		if strings.Contains(p, "sitemap") && strings.Contains(string(data), "/admin/") {
			t.Errorf("%s lists /admin/", p)
		}
	}
}
