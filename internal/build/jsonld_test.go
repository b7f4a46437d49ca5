package build

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

var ldScript = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// ldGraph returns the schema.org objects of a page by @type.
func ldGraph(t *testing.T, name string, page []byte) map[string][]map[string]any {
	t.Helper()
	m := ldScript.FindAllSubmatch(page, -1)
	if len(m) != 1 {
		t.Fatalf("%s: %d JSON-LD blocks, want 1", name, len(m))
	}
	var doc struct {
		Context string           `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(m[0][1], &doc); err != nil {
		t.Fatalf("%s: JSON-LD does not parse: %v", name, err)
	}
	if doc.Context != "https://schema.org" {
		t.Errorf("%s: @context %q", name, doc.Context)
	}
	by := map[string][]map[string]any{}
	for _, o := range doc.Graph {
		typ, _ := o["@type"].(string)
		by[typ] = append(by[typ], o)
	}
	return by
}

// requireAsEncodingJSON requires a page's JSON-LD to be what
// encoding/json writes for the same values: keys in order, strings
// escaped alike.
func requireAsEncodingJSON(t *testing.T, name string, page []byte) {
	t.Helper()
	block := ldScript.FindSubmatch(page)[1]
	d := json.NewDecoder(bytes.NewReader(block))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	want, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(block, want) {
		t.Errorf("%s: JSON-LD\n%s\nencoding/json writes\n%s", name, block, want)
	}
}

func requireProps(t *testing.T, where string, o map[string]any, props ...string) {
	t.Helper()
	for _, p := range props {
		if v, ok := o[p]; !ok || v == "" || v == nil {
			t.Errorf("%s: %s lacks %s", where, o["@type"], p)
		}
	}
}

func TestJSONLD(t *testing.T) {
	rep, files := buildInMemory(t, os.DirFS("testdata/site"))
	if rep.Failed() {
		t.Fatal(rep.Diags)
	}
	for name, page := range files {
		if !strings.HasSuffix(name, ".html") || name == "404.html" || strings.Contains(string(page), `http-equiv="refresh"`) {
			continue
		}
		g := ldGraph(t, name, page)
		requireAsEncodingJSON(t, name, page)
		if name != "index.html" {
			if len(g["BreadcrumbList"]) != 1 {
				t.Errorf("%s: no BreadcrumbList", name)
			} else {
				items := g["BreadcrumbList"][0]["itemListElement"].([]any)
				first := items[0].(map[string]any)
				if first["position"] != 1.0 || first["item"] != "https://testi.example/" {
					t.Errorf("%s: breadcrumbs start %v", name, first)
				}
			}
		}
	}
	home := ldGraph(t, "index.html", files["index.html"])
	requireProps(t, "home", home["Organization"][0], "name", "url")
	requireProps(t, "home", home["WebSite"][0], "name", "url")

	webinar := ldGraph(t, "webinar", files["ajankohtaista/2022-08-11-webinaari/index.html"])
	requireProps(t, "webinar", webinar["NewsArticle"][0], "headline", "datePublished", "author", "publisher")
	ev := webinar["Event"][0]
	requireProps(t, "webinar", ev, "name", "startDate", "endDate", "location", "eventAttendanceMode", "eventStatus", "organizer", "description")
	if _, err := time.Parse(time.RFC3339, ev["startDate"].(string)); err != nil || !strings.HasSuffix(ev["startDate"].(string), "+03:00") {
		t.Errorf("a summer event's start %v: want RFC 3339 with +03:00", ev["startDate"])
	}
	if loc := ev["location"].(map[string]any); loc["@type"] != "VirtualLocation" || ev["eventAttendanceMode"] != "https://schema.org/OnlineEventAttendanceMode" {
		t.Errorf("an online event: location %v, mode %v", loc, ev["eventAttendanceMode"])
	}
	seminar := ldGraph(t, "seminar", files["ajankohtaista/2026-11-01-tuleva-seminaari/index.html"])["Event"][0]
	if seminar["startDate"] != "2027-01-15" || seminar["location"].(map[string]any)["@type"] != "Place" {
		t.Errorf("a whole-day event in a place: %v %v", seminar["startDate"], seminar["location"])
	}
	person := ldGraph(t, "person", files["henkilot/kirsi-mukkala/index.html"])["Person"][0]
	requireProps(t, "person", person, "name", "jobTitle", "worksFor")
	org := ldGraph(t, "organization", files["organisaatiot/keski-suomen-liitto/index.html"])["Organization"][0]
	requireProps(t, "organization", org, "name", "url")
}

func TestJSONLDCannotBreakOut(t *testing.T) {
	rep, files := buildInMemory(t, txtarSite(minimalSite+`
-- content/ajankohtaista/x.md --
---
title: "Otsikko </script><!-- <script>alert(1)</script>"
summary: "& kaikki"
date: 2026-01-01
---
`))
	if rep.Failed() {
		t.Fatal(rep.Diags)
	}
	page := files["ajankohtaista/x/index.html"]
	block := ldScript.FindSubmatch(page)
	if block == nil || strings.Contains(string(block[1]), "</") || strings.Contains(string(block[1]), "<!--") {
		t.Fatalf("the title broke out of the JSON-LD: %s", block)
	}
	requireAsEncodingJSON(t, "x", page)
	g := ldGraph(t, "x", page)
	if g["NewsArticle"][0]["headline"] != "Otsikko </script><!-- <script>alert(1)</script>" {
		t.Errorf("headline = %v", g["NewsArticle"][0]["headline"])
	}
}
