package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"seutu/internal/fi"
	"seutu/internal/model"
)

// feedItems is how many news items a feed carries.
const feedItems = 50

// Feed is a news feed of the site, announced with <link rel="alternate">.
type Feed struct {
	Title string
	Type  string // application/rss+xml or application/atom+xml
	URL   string // site-relative
}

// newsFeeds are the feeds of all news and of each news category, as
// (site-relative folder, title suffix, items).
type newsFeed struct {
	dir   string // "/ajankohtaista/" or "/ajankohtaista/luokka/blogi/"
	title string
	items []*model.Page
}

func newsFeeds(site *model.Site) []newsFeed {
	s := site.Section("ajankohtaista")
	if s == nil || len(site.News) == 0 {
		return nil
	}
	feeds := []newsFeed{{dir: s.URL, title: site.Config.Title + " – " + s.Title, items: site.News}}
	for _, l := range site.Lists {
		if l.Section != s || !strings.HasPrefix(l.URL, s.URL+"luokka/") {
			continue
		}
		var items []*model.Page
		for _, g := range l.Groups {
			items = append(items, g.Pages...)
		}
		feeds = append(feeds, newsFeed{dir: l.URL, title: site.Config.Title + " – " + s.Title + ": " + l.Title, items: items})
	}
	return feeds
}

// feedLinks are the feeds a page at url announces: all news everywhere,
// and a category's feeds on its own list page.
func feedLinks(site *model.Site, url string) []Feed {
	var out []Feed
	for i, f := range newsFeeds(site) {
		if i > 0 && f.dir != url {
			continue
		}
		out = append(out,
			Feed{Title: f.title + " (RSS)", Type: "application/rss+xml", URL: f.dir + "rss.xml"},
			Feed{Title: f.title + " (Atom)", Type: "application/atom+xml", URL: f.dir + "atom.xml"})
	}
	return out
}

// writeFeeds writes the RSS 2.0 and Atom feed of each news feed.
func writeFeeds(site *model.Site, out *output) error {
	base := strings.TrimSuffix(site.Config.BaseURL, "/")
	for _, f := range newsFeeds(site) {
		items := f.items[:min(len(f.items), feedItems)]
		rss, err := rssFeed(site, base, f, items)
		if err != nil {
			return err
		}
		atom, err := atomFeed(site, base, f, items)
		if err != nil {
			return err
		}
		dir := strings.TrimPrefix(f.dir, "/")
		if err := out.put(dir+"rss.xml", rss); err != nil {
			return err
		}
		if err := out.put(dir+"atom.xml", atom); err != nil {
			return err
		}
	}
	return nil
}

type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title string   `xml:"title"`
	Self  atomLink `xml:"atom:link"` // before link: readers that ignore namespaces keep the last
	Link  string   `xml:"link"`

	Description string    `xml:"description"`
	Language    string    `xml:"language"`
	LastBuild   string    `xml:"lastBuildDate,omitempty"`
	Items       []rssItem `xml:"item"`
}

type rssItem struct {
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	Description string  `xml:"description,omitempty"`
	GUID        rssGUID `xml:"guid"`
	PubDate     string  `xml:"pubDate"`
	Category    string  `xml:"category,omitempty"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

func rssFeed(site *model.Site, base string, f newsFeed, items []*model.Page) ([]byte, error) {
	doc := rssDoc{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: rssChannel{
		Title:       f.title,
		Link:        base + f.dir,
		Description: site.Config.Description,
		Language:    "fi",
		Self:        atomLink{Href: base + f.dir + "rss.xml", Rel: "self", Type: "application/rss+xml"},
	}}
	if doc.Channel.Description == "" {
		doc.Channel.Description = f.title
	}
	if len(items) > 0 {
		doc.Channel.LastBuild = updated(items[0]).Format(time.RFC1123Z)
	}
	for _, p := range items {
		doc.Channel.Items = append(doc.Channel.Items, rssItem{
			Title:       p.Title,
			Link:        base + p.URL,
			Description: p.Summary,
			GUID:        rssGUID{IsPermaLink: "true", Value: base + p.URL},
			PubDate:     p.News.Date.In(fi.Helsinki).Format(time.RFC1123Z),
			Category:    p.News.Category,
		})
	}
	return marshal(doc)
}

type atomFeedDoc struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string        `xml:"id"`
	Title     string        `xml:"title"`
	Link      atomLink      `xml:"link"`
	Updated   string        `xml:"updated"`
	Published string        `xml:"published"`
	Summary   string        `xml:"summary,omitempty"`
	Category  *atomCategory `xml:"category,omitempty"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

func atomFeed(site *model.Site, base string, f newsFeed, items []*model.Page) ([]byte, error) {
	doc := atomFeedDoc{
		Lang:   "fi",
		ID:     base + f.dir,
		Title:  f.title,
		Links:  []atomLink{{Href: base + f.dir + "atom.xml", Rel: "self", Type: "application/atom+xml"}, {Href: base + f.dir, Rel: "alternate", Type: "text/html"}},
		Author: atomPerson{Name: cmpOr(site.Config.Contact.Name, site.Config.Title)},
	}
	newest := site.Now
	if len(items) > 0 {
		newest = updated(items[0])
	}
	for _, p := range items {
		e := atomEntry{
			ID:        base + p.URL,
			Title:     p.Title,
			Link:      atomLink{Href: base + p.URL, Rel: "alternate", Type: "text/html"},
			Updated:   updated(p).Format(time.RFC3339),
			Published: p.News.Date.In(fi.Helsinki).Format(time.RFC3339),
			Summary:   p.Summary,
		}
		if p.News.Category != "" {
			e.Category = &atomCategory{Term: p.News.Category}
		}
		if u := updated(p); u.After(newest) {
			newest = u
		}
		doc.Entries = append(doc.Entries, e)
	}
	doc.Updated = newest.In(fi.Helsinki).Format(time.RFC3339)
	return marshal(doc)
}

// updated is when a news item last changed: its date, or a later updated.
func updated(p *model.Page) time.Time {
	t := p.News.Date
	if p.Updated.After(t) {
		t = p.Updated
	}
	return t.In(fi.Helsinki)
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func cmpOr(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
