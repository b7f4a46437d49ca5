package build

import (
	"fmt"
	"strings"
	"testing"
)

// A tag on more pages than news_per_page gets a page of its list for every
// news_per_page of them, with a pager, each card on one page only.
func TestTermPagesArePaged(t *testing.T) {
	site := "-- content/site.toml --\ntitle = \"Pieni\"\nnews_per_page = 2\n"
	for i := 1; i <= 5; i++ {
		site += fmt.Sprintf("-- content/ajankohtaista/uutinen-%d.md --\n---\ntitle: Uutinen %d\nsummary: Lyhyesti.\ndate: 2026-01-0%d\ntags: [ilmasto]\n---\nTeksti.\n", i, i, i)
	}
	rep, files := buildInMemory(t, txtarSite(site))
	if rep.Diags.HasErrors() {
		t.Fatal(rep.Diags)
	}
	pages := []string{"avainsanat/ilmasto/index.html", "avainsanat/ilmasto/sivu/2/index.html", "avainsanat/ilmasto/sivu/3/index.html"}
	if _, ok := files["avainsanat/ilmasto/sivu/4/index.html"]; ok {
		t.Error("a fourth page for 5 pages, 2 a page")
	}
	seen := map[string]string{}
	for _, name := range pages {
		page := string(files[name])
		if page == "" {
			t.Fatalf("%s was not written", name)
		}
		if !strings.Contains(page, `<h2 class="list-count">5 sivua</h2>`) {
			t.Errorf("%s does not count all 5 pages", name)
		}
		if !strings.Contains(page, `<nav class="pager" aria-label="Sivut">`) {
			t.Errorf("%s has no pager", name)
		}
		for i := 1; i <= 5; i++ {
			title := fmt.Sprintf(">Uutinen %d</a>", i)
			if strings.Contains(page, title) {
				if other, ok := seen[title]; ok {
					t.Errorf("%s is on %s and %s", title, other, name)
				}
				seen[title] = name
			}
		}
	}
	if len(seen) != 5 {
		t.Errorf("cards shown: %v, want all 5 once", seen)
	}
	// Newest first: the last page holds the oldest.
	if seen[">Uutinen 1</a>"] != pages[2] || seen[">Uutinen 5</a>"] != pages[0] {
		t.Errorf("order: %v", seen)
	}
	assertLines(t, files, pages[1],
		"<title>Ilmasto, sivu 2 – Pieni</title>",
		`<a href="/avainsanat/ilmasto/" rel="prev">`,
		`<a href="/avainsanat/ilmasto/sivu/2/" aria-current="page">`,
		`<a href="/avainsanat/ilmasto/sivu/3/" rel="next">`)
	assertLines(t, files, "sitemap.xml", "/avainsanat/ilmasto/</loc>", "/avainsanat/ilmasto/sivu/2/</loc>", "/avainsanat/ilmasto/sivu/3/</loc>")
}
