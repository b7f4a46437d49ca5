package jsonld

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"seutu/internal/config"
	"seutu/internal/model"
)

func testSite() *model.Site {
	return &model.Site{Config: &config.Config{
		Title: "Seutu", Description: "Yhteistyötä", BaseURL: "https://seutu.example/",
		Contact: config.Contact{Name: "Liitto", Email: "info@seutu.example"},
	}}
}

// JSON is a function of the page alone: each kind of page gets its
// description, exactly.
func TestJSON(t *testing.T) {
	person := &model.Page{Title: "Kirsi", URL: "/henkilot/kirsi/"}
	date := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	crumbs := []Crumb{{Title: "Etusivu", URL: "/"}}
	tests := []struct {
		name string
		page Page
		want string
	}{
		{"404 without crumbs", Page{URL: "/404.html", Title: "Ei löydy", NotFound: true}, ``},
		{"404 with crumbs", Page{URL: "/404.html", Title: "Ei löydy", NotFound: true, Crumbs: crumbs},
			`{"@context":"https://schema.org","@graph":[{"@type":"BreadcrumbList","itemListElement":[` +
				`{"@type":"ListItem","item":"https://seutu.example/","name":"Etusivu","position":1},` +
				`{"@type":"ListItem","item":"https://seutu.example/404.html","name":"Ei löydy","position":2}]}]}`},
		{"home", Page{URL: "/", Title: "Seutu"},
			`{"@context":"https://schema.org","@graph":[` +
				`{"@id":"https://seutu.example/#julkaisija","@type":"Organization","email":"info@seutu.example","name":"Liitto","url":"https://seutu.example/"},` +
				`{"@type":"WebSite","description":"Yhteistyötä","inLanguage":"fi","name":"Seutu","publisher":{"@id":"https://seutu.example/#julkaisija"},"url":"https://seutu.example/"}]}`},
		{"a list", Page{URL: "/verkostot/", Title: "Verkostot", Summary: "Kaikki", Crumbs: crumbs},
			`{"@context":"https://schema.org","@graph":[` +
				`{"@type":"CollectionPage","description":"Kaikki","inLanguage":"fi","name":"Verkostot","url":"https://seutu.example/verkostot/"},` +
				`{"@type":"BreadcrumbList","itemListElement":[` +
				`{"@type":"ListItem","item":"https://seutu.example/","name":"Etusivu","position":1},` +
				`{"@type":"ListItem","item":"https://seutu.example/verkostot/","name":"Verkostot","position":2}]}]}`},
		{"a plain page", Page{URL: "/tietoa/", Title: "Tietoa", Content: &model.Page{Title: "Tietoa", URL: "/tietoa/", Updated: date}},
			`{"@context":"https://schema.org","@graph":[` +
				`{"@type":"WebPage","dateModified":"2026-03-01","inLanguage":"fi","name":"Tietoa","url":"https://seutu.example/tietoa/"}]}`},
		{"news by a person, escaped", Page{URL: "/ajankohtaista/x/", Title: "</script>", Content: &model.Page{
			Title: "</script>", URL: "/ajankohtaista/x/", Summary: "a & b",
			News: &model.News{Date: model.PartialDate{Time: date}, Author: model.RefOrText{Ref: &model.Ref{Target: person}}}}},
			`{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",` +
				`"author":{"@type":"Person","name":"Kirsi","url":"https://seutu.example/henkilot/kirsi/"},` +
				`"datePublished":"2026-03-01","description":"a \u0026 b","headline":"\u003c/script\u003e","inLanguage":"fi",` +
				`"mainEntityOfPage":"https://seutu.example/ajankohtaista/x/",` +
				`"publisher":{"@id":"https://seutu.example/#julkaisija","@type":"Organization","email":"info@seutu.example","name":"Liitto","url":"https://seutu.example/"},` +
				`"url":"https://seutu.example/ajankohtaista/x/"}]}`},
	}
	d := New(testSite())
	for _, tt := range tests {
		got := d.JSON(tt.page)
		if got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, got, tt.want)
		}
		if got == "" {
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(got), &v); err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if again, _ := json.Marshal(v); !bytes.Equal(again, []byte(got)) {
			t.Errorf("%s: not as encoding/json writes it:\n%s", tt.name, again)
		}
	}
}
