package build

import (
	"encoding/xml"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// The feed structures as a reader sees them, defined here apart from the
// writer's so that the test checks the format, not the code.
type testRSS struct {
	Version string `xml:"version,attr"`
	Channel struct {
		Title string `xml:"title"`
		// <link> and <atom:link rel="self"> share a local name: keep both
		// and look at the one without a namespace.
		Links []struct {
			XMLName xml.Name
			Value   string `xml:",chardata"`
		} `xml:"link"`
		Description string `xml:"description"`
		Items       []struct {
			Title    string `xml:"title"`
			Link     string `xml:"link"`
			GUID     string `xml:"guid"`
			PubDate  string `xml:"pubDate"`
			Category string `xml:"category"`
		} `xml:"item"`
	} `xml:"channel"`
}

type testAtom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
	} `xml:"entry"`
}

func TestFeedsAndSitemap(t *testing.T) {
	rep, files := buildInMemory(t, os.DirFS("testdata/site"))
	if rep.Failed() {
		t.Fatal(rep.Diags)
	}
	abs := func(u string) bool {
		p, err := url.Parse(u)
		return err == nil && p.Scheme == "https" && p.Host == "testi.example"
	}
	var feeds int
	for name, data := range files {
		switch {
		case strings.HasSuffix(name, "rss.xml"):
			feeds++
			var f testRSS
			if err := xml.Unmarshal(data, &f); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			c := f.Channel
			link := ""
			for _, l := range c.Links {
				if l.XMLName.Space == "" {
					link = l.Value
				}
			}
			if f.Version != "2.0" || c.Title == "" || !abs(link) || c.Description == "" || len(c.Items) == 0 {
				t.Errorf("%s: channel %+v", name, c)
			}
			var last time.Time
			for i, it := range c.Items {
				d, err := time.Parse(time.RFC1123Z, it.PubDate)
				if it.Title == "" || !abs(it.Link) || it.GUID != it.Link || err != nil {
					t.Errorf("%s: item %+v (%v)", name, it, err)
				}
				if i > 0 && d.After(last) {
					t.Errorf("%s: items not newest first", name)
				}
				last = d
				if strings.Contains(name, "/luokka/") && it.Category != c.Items[0].Category {
					t.Errorf("%s: a category feed with %q and %q", name, it.Category, c.Items[0].Category)
				}
			}
		case strings.HasSuffix(name, "atom.xml"):
			feeds++
			var f testAtom
			if err := xml.Unmarshal(data, &f); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if _, err := time.Parse(time.RFC3339, f.Updated); err != nil || !abs(f.ID) || f.Title == "" {
				t.Errorf("%s: feed %q %q %q", name, f.ID, f.Title, f.Updated)
			}
			if !slices.ContainsFunc(f.Links, func(l struct {
				Href string `xml:"href,attr"`
				Rel  string `xml:"rel,attr"`
			}) bool {
				return l.Rel == "self" && strings.HasSuffix(l.Href, name)
			}) {
				t.Errorf("%s: no rel=self link", name)
			}
			for _, e := range f.Entries {
				if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || !abs(e.ID) || e.Title == "" {
					t.Errorf("%s: entry %+v", name, e)
				}
			}
		}
	}
	if feeds < 4 { // all news and at least one category, RSS and Atom each
		t.Errorf("%d feeds", feeds)
	}
	if !regexp.MustCompile(`<link rel="alternate" type="application/rss(\+|&#43;)xml"`).Match(files["index.html"]) {
		t.Error("the home page announces no feed")
	}
	if !strings.Contains(string(files["ajankohtaista/luokka/tapahtumat/index.html"]), `href="https://testi.example/ajankohtaista/luokka/tapahtumat/rss.xml"`) {
		t.Error("a category's page does not announce the category's feed")
	}
	if strings.Contains(string(files["verkostot/index.html"]), "/luokka/tapahtumat/rss.xml") {
		t.Error("another page announces a category's feed")
	}

	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &sm); err != nil {
		t.Fatal(err)
	}
	var listed, pages []string
	for _, u := range sm.URLs {
		listed = append(listed, strings.TrimPrefix(u.Loc, "https://testi.example"))
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") && name != "404.html" && !strings.Contains(string(data), `http-equiv="refresh"`) {
			pages = append(pages, "/"+strings.TrimSuffix(name, "index.html"))
		}
	}
	slices.Sort(listed)
	slices.Sort(pages)
	if !slices.Equal(listed, pages) {
		t.Errorf("sitemap.xml lists\n%v\nbut the pages are\n%v", listed, pages)
	}
	if !strings.Contains(string(files["robots.txt"]), "Sitemap: https://testi.example/sitemap.xml") {
		t.Errorf("robots.txt: %s", files["robots.txt"])
	}
}
