package feeds_test

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"seutu/internal/feeds"
	"seutu/internal/fi"
	"seutu/internal/golden"
	"seutu/internal/load"
	"seutu/internal/model"
	"seutu/internal/resolve"
)

var testNow = time.Date(2023, 11, 23, 12, 0, 0, 0, fi.Helsinki)

const base = "https://example.fi/kunnat/"

// testFiles is a small site: news in two categories (one of them with an
// event and a later update), a third category without news, a network and
// a person, under a base URL with a path.
var testFiles = map[string]string{
	"content/site.toml": `title = "Testisivusto"
description = "Kuntien yhteistyö."
base_url = "` + base + `"
language = "fi"
[contact]
name = "Keski-Suomen liitto"
[vocabularies]
network_categories = ["Kuntajohto"]
news_categories = ["Uutinen", "Tapahtumat", "Tiedote"]
`,
	"content/ajankohtaista/_index.md": "---\ntitle: Ajankohtaista\nsummary: Uutiset ja tapahtumat.\n---\n",
	"content/ajankohtaista/talvi.md":  "---\ntitle: Talven uutinen\nsummary: Pakkasta & lunta <paljon>.\ndate: 2023-01-15\ncategory: Uutinen\nauthor: kirsi-mukkala\n---\nTeksti.\n",
	"content/ajankohtaista/kesa.md":   "---\ntitle: Kesän uutinen\nsummary: Aurinko paistaa.\ndate: 2023-06-20\ncategory: Uutinen\nauthor: Toimitus\n---\nTeksti.\n",
	"content/ajankohtaista/webinaari.md": "---\ntitle: Webinaari \"ilmasto\"\nsummary: Verkossa.\ndate: 2023-03-01\nupdated: 2023-03-20\ncategory: Tapahtumat\n" +
		"event:\n  start: 2023-03-15T13:00\n  end: 2023-03-15T15:00\n  online: true\n---\nTeksti.\n",
	"content/ajankohtaista/sama-paiva.md": "---\ntitle: Samana päivänä\nsummary: Toinen uutinen.\ndate: 2023-06-20\ncategory: Uutinen\n---\n",
	"content/verkostot/johtajat.md":       "---\ntitle: Johtajat\nsummary: Verkosto.\ncategory: Kuntajohto\nupdated: 2023-05-02\ntags: [johto]\n---\n",
	"content/henkilot/kirsi-mukkala.md":   "---\ntitle: Kirsi Mukkala\nsummary: Asiantuntija.\n---\n",
}

func buildSite(t *testing.T, files map[string]string) *model.Site {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, s := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(s)}
	}
	loaded := load.Load(fsys)
	if loaded.Diags.HasErrors() {
		t.Fatalf("load: %v", loaded.Diags)
	}
	site, diags := resolve.Resolve(&loaded.Content, resolve.Options{Now: testNow})
	if diags.HasErrors() {
		t.Fatalf("resolve: %v", diags)
	}
	return site
}

// htmlURLs is what the build renders as HTML: every content page, list
// page, tag and theme page, and the home page.
func htmlURLs(site *model.Site) []string {
	urls := []string{"/"}
	for _, p := range site.Pages {
		urls = append(urls, p.URL)
	}
	for _, l := range site.Lists {
		urls = append(urls, l.URL)
	}
	for _, ts := range [][]*model.Term{site.Tags, site.Themes} {
		for _, term := range ts {
			urls = append(urls, term.URL)
		}
	}
	return urls
}

// RSS 2.0 as a reader parses it.
type rssDoc struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel struct {
		Title string `xml:"title"`
		// Links holds both <link> and <atom:link>: a field named without
		// a namespace takes elements of any namespace, so they are told
		// apart by XMLName.
		Links []struct {
			XMLName xml.Name
			Href    string `xml:"href,attr"`
			Rel     string `xml:"rel,attr"`
			Type    string `xml:"type,attr"`
			Value   string `xml:",chardata"`
		} `xml:"link"`
		Description string `xml:"description"`
		Language    string `xml:"language"`
		Items       []struct {
			Title       string `xml:"title"`
			Link        string `xml:"link"`
			Description string `xml:"description"`
			GUID        struct {
				IsPermaLink string `xml:"isPermaLink,attr"`
				Value       string `xml:",chardata"`
			} `xml:"guid"`
			PubDate    string   `xml:"pubDate"`
			Categories []string `xml:"category"`
		} `xml:"item"`
	} `xml:"channel"`
}

// Atom as a reader parses it.
type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

type atomDoc struct {
	XMLName xml.Name   `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string     `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string     `xml:"http://www.w3.org/2005/Atom id"`
	Title   string     `xml:"http://www.w3.org/2005/Atom title"`
	Updated string     `xml:"http://www.w3.org/2005/Atom updated"`
	Links   []atomLink `xml:"http://www.w3.org/2005/Atom link"`
	Author  []struct {
		Name string `xml:"http://www.w3.org/2005/Atom name"`
	} `xml:"http://www.w3.org/2005/Atom author"`
	Entries []struct {
		ID        string     `xml:"http://www.w3.org/2005/Atom id"`
		Title     string     `xml:"http://www.w3.org/2005/Atom title"`
		Updated   string     `xml:"http://www.w3.org/2005/Atom updated"`
		Published string     `xml:"http://www.w3.org/2005/Atom published"`
		Summary   string     `xml:"http://www.w3.org/2005/Atom summary"`
		Links     []atomLink `xml:"http://www.w3.org/2005/Atom link"`
		Category  []struct {
			Term string `xml:"term,attr"`
		} `xml:"http://www.w3.org/2005/Atom category"`
	} `xml:"http://www.w3.org/2005/Atom entry"`
}

// Sitemaps as a crawler parses them.
type urlsetDoc struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		Lastmod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

type indexDoc struct {
	XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []struct {
		Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		Lastmod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemap"`
}

func filesByPath(t *testing.T, files []feeds.File) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	for _, f := range files {
		if _, dup := m[f.Path]; dup {
			t.Errorf("%s written twice", f.Path)
		}
		m[f.Path] = f.Data
	}
	return m
}

func paths(files []feeds.File) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Path)
	}
	return out
}

// checkURL fails unless u is absolute, on the site's host and under its path.
func checkURL(t *testing.T, what, u string) {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil || p.Scheme != "https" || p.Host != "example.fi" || !strings.HasPrefix(p.Path, "/kunnat/") {
		t.Errorf("%s: %q is not an absolute URL under %s", what, u, base)
	}
}

// pageAt returns the page whose absolute URL is u.
func pageAt(t *testing.T, site *model.Site, u string) *model.Page {
	t.Helper()
	rel := "/" + strings.TrimPrefix(u, base)
	for _, p := range site.Pages {
		if p.URL == rel {
			return p
		}
	}
	t.Fatalf("no page at %s", u)
	return nil
}

var feedCases = []struct {
	dir      string // output folder of the feed
	title    string
	category string // "" for all news
	want     []string
}{
	{"ajankohtaista/", "Testisivusto – Ajankohtaista", "",
		[]string{"/ajankohtaista/kesa/", "/ajankohtaista/sama-paiva/", "/ajankohtaista/webinaari/", "/ajankohtaista/talvi/"}},
	{"ajankohtaista/luokka/uutinen/", "Testisivusto – Ajankohtaista – Uutinen", "Uutinen",
		[]string{"/ajankohtaista/kesa/", "/ajankohtaista/sama-paiva/", "/ajankohtaista/talvi/"}},
	{"ajankohtaista/luokka/tapahtumat/", "Testisivusto – Ajankohtaista – Tapahtumat", "Tapahtumat",
		[]string{"/ajankohtaista/webinaari/"}},
}

func TestFeedsWritesEachFeedOnce(t *testing.T) {
	site := buildSite(t, testFiles)
	got := paths(feeds.Feeds(site))
	want := []string{
		"ajankohtaista/rss.xml", "ajankohtaista/atom.xml",
		"ajankohtaista/luokka/uutinen/rss.xml", "ajankohtaista/luokka/uutinen/atom.xml",
		"ajankohtaista/luokka/tapahtumat/rss.xml", "ajankohtaista/luokka/tapahtumat/atom.xml",
	}
	if !slices.Equal(got, want) {
		t.Errorf("paths = %q, want %q (Tiedote has no news and no feed)", got, want)
	}
}

func TestRSS(t *testing.T) {
	site := buildSite(t, testFiles)
	files := filesByPath(t, feeds.Feeds(site))
	for _, tc := range feedCases {
		t.Run(tc.dir, func(t *testing.T) {
			data := files[tc.dir+"rss.xml"]
			if !bytes.HasPrefix(data, []byte(xml.Header)) {
				t.Errorf("no XML declaration")
			}
			var doc rssDoc
			if err := xml.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			ch := doc.Channel
			var link, self []string
			for _, l := range ch.Links {
				switch {
				case l.XMLName.Space == "":
					link = append(link, l.Value)
				case l.XMLName.Space == "http://www.w3.org/2005/Atom" && l.Rel == "self" && l.Type == "application/rss+xml":
					self = append(self, l.Href)
				default:
					t.Errorf("unexpected link %+v", l)
				}
			}
			if doc.Version != "2.0" {
				t.Errorf("version = %q", doc.Version)
			}
			if ch.Title != tc.title || !slices.Equal(link, []string{base + tc.dir}) || ch.Description == "" {
				t.Errorf("channel title/link/description = %q, %q, %q", ch.Title, link, ch.Description)
			}
			if ch.Language != "fi" {
				t.Errorf("language = %q", ch.Language)
			}
			if !slices.Equal(self, []string{base + tc.dir + "rss.xml"}) {
				t.Errorf("atom:link rel=self = %q", self)
			}
			var got []string
			var prev time.Time
			for i, it := range ch.Items {
				checkURL(t, "link", it.Link)
				p := pageAt(t, site, it.Link)
				got = append(got, p.URL)
				if it.Title != p.Title || it.Description != p.Summary {
					t.Errorf("item %d title/description = %q, %q; want %q, %q", i, it.Title, it.Description, p.Title, p.Summary)
				}
				if it.GUID.Value != it.Link || it.GUID.IsPermaLink != "true" {
					t.Errorf("item %d guid = %+v, want the link as a permalink", i, it.GUID)
				}
				d, err := time.Parse(time.RFC1123Z, it.PubDate)
				if err != nil {
					t.Errorf("item %d pubDate: %v", i, err)
				}
				y, m, dd := p.News.Date.Date()
				if want := time.Date(y, m, dd, 0, 0, 0, 0, fi.Helsinki); !d.Equal(want) {
					t.Errorf("item %d pubDate = %s, want %s", i, d, want)
				}
				if i > 0 && d.After(prev) {
					t.Errorf("item %d is newer than the one before it", i)
				}
				prev = d
				if !slices.Equal(it.Categories, []string{p.News.Category}) || tc.category != "" && p.News.Category != tc.category {
					t.Errorf("item %d categories = %q in the feed of %q", i, it.Categories, tc.category)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("items = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestAtom(t *testing.T) {
	site := buildSite(t, testFiles)
	files := filesByPath(t, feeds.Feeds(site))
	for _, tc := range feedCases {
		t.Run(tc.dir, func(t *testing.T) {
			var doc atomDoc
			if err := xml.Unmarshal(files[tc.dir+"atom.xml"], &doc); err != nil {
				t.Fatal(err)
			}
			self := base + tc.dir + "atom.xml"
			if doc.ID != self || doc.Title != tc.title || doc.Lang != "fi" {
				t.Errorf("feed id/title/lang = %q, %q, %q", doc.ID, doc.Title, doc.Lang)
			}
			if !slices.Contains(doc.Links, atomLink{Rel: "self", Type: "application/atom+xml", Href: self}) {
				t.Errorf("no link rel=self to %s in %+v", self, doc.Links)
			}
			if !slices.Contains(doc.Links, atomLink{Rel: "alternate", Type: "text/html", Href: base + tc.dir}) {
				t.Errorf("no link rel=alternate to %s in %+v", base+tc.dir, doc.Links)
			}
			if len(doc.Author) != 1 || doc.Author[0].Name == "" {
				t.Errorf("feed author = %+v", doc.Author)
			}
			updated, err := time.Parse(time.RFC3339, doc.Updated)
			if err != nil {
				t.Fatalf("feed updated: %v", err)
			}
			var got []string
			var newest, prev time.Time
			for i, e := range doc.Entries {
				checkURL(t, "id", e.ID)
				p := pageAt(t, site, e.ID)
				got = append(got, p.URL)
				if e.Title != p.Title || e.Summary != p.Summary {
					t.Errorf("entry %d title/summary = %q, %q", i, e.Title, e.Summary)
				}
				if len(e.Links) != 1 || e.Links[0] != (atomLink{Rel: "alternate", Type: "text/html", Href: e.ID}) {
					t.Errorf("entry %d links = %+v", i, e.Links)
				}
				up, err := time.Parse(time.RFC3339, e.Updated)
				if err != nil {
					t.Errorf("entry %d updated: %v", i, err)
				}
				pub, err := time.Parse(time.RFC3339, e.Published)
				if err != nil {
					t.Errorf("entry %d published: %v", i, err)
				}
				if !pub.Equal(p.News.Date) {
					t.Errorf("entry %d published = %s, want %s", i, pub, p.News.Date)
				}
				want := p.News.Date
				if p.Updated.After(want) {
					want = p.Updated
				}
				if !up.Equal(want) {
					t.Errorf("entry %d updated = %s, want %s", i, up, want)
				}
				if i > 0 && pub.After(prev) {
					t.Errorf("entry %d is newer than the one before it", i)
				}
				prev = pub
				if up.After(newest) {
					newest = up
				}
				if len(e.Category) != 1 || e.Category[0].Term != p.News.Category || tc.category != "" && p.News.Category != tc.category {
					t.Errorf("entry %d category = %+v in the feed of %q", i, e.Category, tc.category)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("entries = %q, want %q", got, tc.want)
			}
			if !updated.Equal(newest) {
				t.Errorf("feed updated = %s, want the newest entry's %s", updated, newest)
			}
		})
	}
}

func TestFeedTimesInHelsinki(t *testing.T) {
	files := filesByPath(t, feeds.Feeds(buildSite(t, testFiles)))
	for _, tc := range []struct{ file, want string }{
		{"ajankohtaista/rss.xml", "<pubDate>Tue, 20 Jun 2023 00:00:00 +0300</pubDate>"},
		{"ajankohtaista/rss.xml", "<pubDate>Sun, 15 Jan 2023 00:00:00 +0200</pubDate>"},
		{"ajankohtaista/atom.xml", "<updated>2023-03-20T00:00:00+02:00</updated>"},
		{"ajankohtaista/atom.xml", "<published>2023-03-01T00:00:00+02:00</published>"},
		{"ajankohtaista/atom.xml", "<updated>2023-06-20T00:00:00+03:00</updated>"},
	} {
		if !bytes.Contains(files[tc.file], []byte(tc.want)) {
			t.Errorf("%s lacks %s", tc.file, tc.want)
		}
	}
}

func TestFeedsEscape(t *testing.T) {
	files := filesByPath(t, feeds.Feeds(buildSite(t, testFiles)))
	for _, name := range []string{"ajankohtaista/rss.xml", "ajankohtaista/atom.xml"} {
		data := files[name]
		if !bytes.Contains(data, []byte("Pakkasta &amp; lunta &lt;paljon&gt;.")) || bytes.Contains(data, []byte("<paljon>")) {
			t.Errorf("%s does not escape the summary", name)
		}
	}
}

func TestFeedsLimit(t *testing.T) {
	defer func(n int) { feeds.MaxItems = n }(feeds.MaxItems)
	feeds.MaxItems = 2
	files := filesByPath(t, feeds.Feeds(buildSite(t, testFiles)))
	for _, tc := range []struct {
		file string
		want int
	}{
		{"ajankohtaista/rss.xml", 2},
		{"ajankohtaista/luokka/uutinen/rss.xml", 2},
		{"ajankohtaista/luokka/tapahtumat/rss.xml", 1},
	} {
		var doc rssDoc
		if err := xml.Unmarshal(files[tc.file], &doc); err != nil {
			t.Fatal(err)
		}
		if n := len(doc.Channel.Items); n != tc.want {
			t.Errorf("%s has %d items, want %d", tc.file, n, tc.want)
		}
		if tc.want == 2 && doc.Channel.Items[0].Title != "Kesän uutinen" {
			t.Errorf("%s does not start with the newest item", tc.file)
		}
	}
}

func TestFeedsWithoutNews(t *testing.T) {
	site := buildSite(t, map[string]string{
		"content/site.toml":             testFiles["content/site.toml"],
		"content/verkostot/johtajat.md": testFiles["content/verkostot/johtajat.md"],
	})
	files := feeds.Feeds(site)
	if got := paths(files); !slices.Equal(got, []string{"ajankohtaista/rss.xml", "ajankohtaista/atom.xml"}) {
		t.Fatalf("paths = %q", got)
	}
	var rss rssDoc
	if err := xml.Unmarshal(files[0].Data, &rss); err != nil || len(rss.Channel.Items) != 0 || rss.Channel.Description != "Kuntien yhteistyö." {
		t.Errorf("rss = %+v, %v", rss, err)
	}
	var atom atomDoc
	if err := xml.Unmarshal(files[1].Data, &atom); err != nil {
		t.Fatal(err)
	}
	if up, err := time.Parse(time.RFC3339, atom.Updated); err != nil || !up.Equal(testNow) || len(atom.Entries) != 0 {
		t.Errorf("empty feed updated = %q (%v), entries %d; want site.Now", atom.Updated, err, len(atom.Entries))
	}
}

func TestFeedLinks(t *testing.T) {
	site := buildSite(t, testFiles)
	all := []feeds.Link{
		{"Testisivusto – Ajankohtaista (RSS)", "application/rss+xml", "/ajankohtaista/rss.xml"},
		{"Testisivusto – Ajankohtaista (Atom)", "application/atom+xml", "/ajankohtaista/atom.xml"},
	}
	uutinen := []feeds.Link{
		{"Testisivusto – Ajankohtaista – Uutinen (RSS)", "application/rss+xml", "/ajankohtaista/luokka/uutinen/rss.xml"},
		{"Testisivusto – Ajankohtaista – Uutinen (Atom)", "application/atom+xml", "/ajankohtaista/luokka/uutinen/atom.xml"},
	}
	written := filesByPath(t, feeds.Feeds(site))
	for _, tc := range []struct {
		url  string
		want []feeds.Link
	}{
		{"/", all},
		{"/verkostot/johtajat/", all},
		{"/ajankohtaista/", all},
		{"/ajankohtaista/kesa/", all},
		{"/ajankohtaista/luokka/uutinen/", slices.Concat(uutinen, all)},
		{"/ajankohtaista/luokka/tiedote/", all}, // no news, no feed
	} {
		got := feeds.FeedLinks(site, tc.url)
		if !slices.Equal(got, tc.want) {
			t.Errorf("feeds.FeedLinks(%s) = %q, want %q", tc.url, got, tc.want)
		}
		for _, l := range got {
			if _, ok := written[strings.TrimPrefix(l.URL, "/")]; !ok {
				t.Errorf("feeds.FeedLinks(%s) announces %s, which Feeds does not write", tc.url, l.URL)
			}
		}
	}
}

func TestSitemap(t *testing.T) {
	site := buildSite(t, testFiles)
	urls := htmlURLs(site)
	files := feeds.Sitemap(site, slices.Concat(urls, urls[:3])) // duplicates are listed once
	if len(files) != 1 || files[0].Path != "sitemap.xml" {
		t.Fatalf("files = %q", paths(files))
	}
	var doc urlsetDoc
	if err := xml.Unmarshal(files[0].Data, &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	lastmod := map[string]string{}
	for _, u := range doc.URLs {
		checkURL(t, "loc", u.Loc)
		got = append(got, u.Loc)
		lastmod[u.Loc] = u.Lastmod
	}
	var want []string
	for _, u := range urls {
		want = append(want, base+strings.TrimPrefix(u, "/"))
	}
	slices.Sort(want)
	want = slices.Compact(want)
	if !slices.Equal(got, want) {
		t.Errorf("locs = %q\nwant %q", got, want)
	}
	for _, tc := range []struct{ url, lastmod string }{
		{"", ""},                                   // home page
		{"ajankohtaista/", ""},                     // list page
		{"ajankohtaista/talvi/", "2023-01-15"},     // news date
		{"ajankohtaista/webinaari/", "2023-03-20"}, // updated after the date
		{"verkostot/johtajat/", "2023-05-02"},      // updated
		{"henkilot/kirsi-mukkala/", ""},            // neither
		{"avainsanat/johto/", ""},                  // tag page
	} {
		got, ok := lastmod[base+tc.url]
		if !ok {
			t.Errorf("%s not listed", tc.url)
		} else if got != tc.lastmod {
			t.Errorf("lastmod of %s = %q, want %q", tc.url, got, tc.lastmod)
		}
	}
}

func TestSitemapSplits(t *testing.T) {
	site := buildSite(t, testFiles)
	urls := htmlURLs(site)
	one := feeds.Sitemap(site, urls)[0].Data
	for _, tc := range []struct {
		name        string
		urls, bytes int
	}{
		{"by count", 2, feeds.MaxSitemapBytes},
		{"by size", feeds.MaxSitemapURLs, len(xml.Header) + 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func(n, b int) { feeds.MaxSitemapURLs, feeds.MaxSitemapBytes = n, b }(feeds.MaxSitemapURLs, feeds.MaxSitemapBytes)
			feeds.MaxSitemapURLs, feeds.MaxSitemapBytes = tc.urls, tc.bytes
			files := feeds.Sitemap(site, urls)
			byPath := filesByPath(t, files)
			if files[0].Path != "sitemap.xml" || len(files) < 3 {
				t.Fatalf("files = %q, want an index and parts", paths(files))
			}
			var index indexDoc
			if err := xml.Unmarshal(byPath["sitemap.xml"], &index); err != nil {
				t.Fatal(err)
			}
			if len(index.Sitemaps) != len(files)-1 {
				t.Errorf("index lists %d parts, %d written", len(index.Sitemaps), len(files)-1)
			}
			var got []string
			for i, sm := range index.Sitemaps {
				checkURL(t, "sitemap loc", sm.Loc)
				name := strings.TrimPrefix(sm.Loc, base)
				if want := "sitemap-" + strconv.Itoa(i+1) + ".xml"; name != want {
					t.Errorf("part %d is %s, want %s", i, name, want)
				}
				data, ok := byPath[name]
				if !ok {
					t.Fatalf("%s listed but not written", name)
				}
				if len(data) > tc.bytes {
					t.Errorf("%s has %d bytes, over the limit %d", name, len(data), tc.bytes)
				}
				var part urlsetDoc
				if err := xml.Unmarshal(data, &part); err != nil {
					t.Fatal(err)
				}
				if n := len(part.URLs); n == 0 || n > tc.urls {
					t.Errorf("%s has %d URLs", name, n)
				}
				var newest string
				for _, u := range part.URLs {
					got = append(got, u.Loc)
					newest = max(newest, u.Lastmod)
				}
				if sm.Lastmod != newest {
					t.Errorf("%s lastmod in the index = %q, want %q", name, sm.Lastmod, newest)
				}
			}
			var whole urlsetDoc
			if err := xml.Unmarshal(one, &whole); err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, u := range whole.URLs {
				want = append(want, u.Loc)
			}
			if !slices.Equal(got, want) {
				t.Errorf("the parts list %q\nwant %q", got, want)
			}
		})
	}
}

func TestSitemapEmpty(t *testing.T) {
	files := feeds.Sitemap(buildSite(t, testFiles), nil)
	var doc urlsetDoc
	if len(files) != 1 || xml.Unmarshal(files[0].Data, &doc) != nil || len(doc.URLs) != 0 {
		t.Errorf("empty sitemap = %q", paths(files))
	}
}

func TestRobots(t *testing.T) {
	f := feeds.Robots(buildSite(t, testFiles))
	if f.Path != "robots.txt" {
		t.Errorf("path = %s", f.Path)
	}
	for _, line := range []string{"User-agent: *", "Allow: /", "Sitemap: " + base + "sitemap.xml"} {
		if !slices.Contains(strings.Split(string(f.Data), "\n"), line) {
			t.Errorf("robots.txt lacks %q:\n%s", line, f.Data)
		}
	}
}

func TestDeterministic(t *testing.T) {
	outputs := func() []feeds.File {
		site := buildSite(t, testFiles)
		urls := htmlURLs(site)
		slices.Reverse(urls) // the order passed in does not matter
		return slices.Concat(feeds.Feeds(site), feeds.Sitemap(site, urls), []feeds.File{feeds.Robots(site)})
	}
	a := outputs()
	for range 3 {
		b := outputs()
		if !slices.EqualFunc(a, b, func(x, y feeds.File) bool { return x.Path == y.Path && bytes.Equal(x.Data, y.Data) }) {
			t.Fatal("two runs differ")
		}
	}
	site := buildSite(t, testFiles)
	if !bytes.Equal(feeds.Sitemap(site, htmlURLs(site))[0].Data, a[len(a)-2].Data) {
		t.Error("the sitemap depends on the order of the URLs passed in")
	}
}

func TestGolden(t *testing.T) {
	site := buildSite(t, testFiles)
	written := filesByPath(t, feeds.Feeds(site))
	for _, tc := range []struct{ golden, data string }{
		{"testdata/uutinen-rss.xml", string(written["ajankohtaista/luokka/uutinen/rss.xml"])},
		{"testdata/atom.xml", string(written["ajankohtaista/atom.xml"])},
		{"testdata/sitemap.xml", string(feeds.Sitemap(site, htmlURLs(site))[0].Data)},
		{"testdata/robots.txt", string(feeds.Robots(site).Data)},
	} {
		golden.Check(t, tc.golden, []byte(tc.data))
	}
}

// TestURLsNameWhatIsMade holds URLs, which the link checker reads, to the
// files Feeds and Calendars make.
func TestURLsNameWhatIsMade(t *testing.T) {
	site := buildSite(t, testFiles)
	var want []string
	for _, f := range append(feeds.Feeds(site), feeds.Calendars(site)...) {
		want = append(want, "/"+f.Path)
	}
	got := feeds.URLs(site)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) || len(got) == 0 {
		t.Errorf("URLs = %q\nmade   %q", got, want)
	}
}
