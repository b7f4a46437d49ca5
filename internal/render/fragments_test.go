package render

import (
	"testing"
	"time"
	"unsafe"

	"seutu/internal/fi"
	"seutu/internal/load"
	"seutu/internal/model"
	"seutu/internal/resolve"
)

// A card is executed once for its page, whether the page has a slot (the
// site's pages) or not (a page the site does not list).
func TestCardsOnceEach(t *testing.T) {
	site, diags := resolve.Resolve(&load.Load(mapFS(testContent)).Content, resolve.Options{Now: time.Date(2023, 1, 1, 0, 0, 0, 0, fi.Helsinki)})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	layouts := mapFS(map[string]string{"base.html": `{{define "c"}}<li>{{.Title}}</li>{{end}}{{define "d"}}<p>{{.URL}}</p>{{end}}`})
	for _, f := range []*fragments{newFragments(site), newFragments(&model.Site{})} {
		if _, diags := loadTemplates(layouts, funcs(site, newLinkIndex(site, &assetSet{}), &assetSet{}, f), f, false, false); diags.HasErrors() {
			t.Fatal(diags)
		}
		for _, p := range site.Pages {
			for name, want := range map[string]string{"c": "<li>" + p.Title + "</li>", "d": "<p>" + p.URL + "</p>"} {
				first, err := f.card(name, p)
				if err != nil || string(first) != want {
					t.Fatalf("card %s of %s = %q, %v; want %q", name, p.File, first, err, want)
				}
				again, _ := f.card(name, p)
				if unsafe.StringData(string(again)) != unsafe.StringData(string(first)) {
					t.Errorf("card %s of %s executed twice", name, p.File)
				}
			}
		}
		if _, err := f.card("c", nil); err == nil {
			t.Error("a card of nil succeeded")
		}
	}
}
