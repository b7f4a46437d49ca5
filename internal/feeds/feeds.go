// Package feeds owns the site's machine-readable outputs, the files made
// for programs rather than read as pages: the RSS 2.0 and Atom feeds of
// the news (all news and each news category) and the feed links that
// pages announce (feeds.go); sitemap.xml (split into parts under a sitemap
// index when it grows too large) and robots.txt (sitemap.go); the
// calendars of the events, the whole listing's and one beside each event
// page (calendars.go); and the redirects of old addresses, _redirects for
// the host and a small page at each (redirects.go).
//
// They sit together, apart from render, because none of them is a page
// made from a layout: each is a function of the resolved site (plus the
// few values render knows: the URLs of the pages it renders, for the
// sitemap; the base path its links have, for the redirects) that returns
// files for the write stage. Package ical stays a format of its own, which
// knows nothing of a site: calendars.go says what of an event page goes
// into a calendar, ical how a calendar is written; JSON-LD, which is part
// of every page, is package jsonld's.
//
// Every function is pure: it reads the resolved site and returns files,
// with the same bytes for the same site. Nothing reads the clock; site.Now
// is used only where a time is needed and the content gives none (the
// updated time of a feed with no entries).
package feeds

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"strings"
	"time"

	"seutu/internal/fi"
	"seutu/internal/lang"
	"seutu/internal/model"
)

// File is one output file.
type File struct {
	Path string // slash path in the output: "ajankohtaista/rss.xml"
	Data []byte
}

// Link is a feed that a page announces with <link rel="alternate">.
type Link struct {
	Title string // shown by browsers and feed readers
	Type  string // application/rss+xml or application/atom+xml
	URL   string // site-relative: /ajankohtaista/rss.xml
}

// MaxItems is the most items one feed holds, newest first; 0 or less
// means no limit.
var MaxItems = 50

// Media types of the feeds.
const (
	RSSType  = "application/rss+xml"
	AtomType = "application/atom+xml"
)

const (
	newsURL  = "/ajankohtaista/" // the news section's list page
	rssName  = "rss.xml"
	atomName = "atom.xml"
	atomNS   = "http://www.w3.org/2005/Atom"
)

// feed is one news feed before it is written in either format.
type feed struct {
	dir         string // site-relative list page the feed belongs to: /ajankohtaista/
	title       string
	description string
	pages       []*model.Page // newest first, at most MaxItems
}

// Feeds returns the RSS 2.0 and Atom feeds of all news and of each news
// category: ajankohtaista/rss.xml and atom.xml, and
// ajankohtaista/luokka/<slug>/rss.xml and atom.xml for each category of
// site.toml that has news. The all-news feeds are written even when there
// is no news, so that the links every page announces never break.
func Feeds(site *model.Site) []File {
	var out []File
	for _, f := range newsFeeds(site) {
		out = append(out,
			File{Path: strings.TrimPrefix(f.dir, "/") + rssName, Data: rss(site, f)},
			File{Path: strings.TrimPrefix(f.dir, "/") + atomName, Data: atom(site, f)})
	}
	return out
}

// FeedLinks returns the feeds that the page at the site-relative url (as in
// Page.URL or List.URL, "/ajankohtaista/luokka/uutinen/") announces: on a
// news category's list page that category's feeds first, then everywhere
// URLs lists the site-relative URLs of the files Feeds and Calendars make,
// for the link checker, without making them.
func URLs(site *model.Site) []string {
	var urls []string
	for _, f := range newsFeeds(site) {
		urls = append(urls, f.dir+rssName, f.dir+atomName)
	}
	if hasCalendar(site) {
		urls = append(urls, site.Prefix+"/"+CalendarFile)
	}
	for _, p := range site.Events {
		if inCalendar(p) {
			urls = append(urls, p.URL+EventCalendarName)
		}
	}
	return urls
}

// the feeds of all news. Each feed comes as RSS, then Atom.
func FeedLinks(site *model.Site, url string) []Link {
	var links []Link
	all := newsFeeds(site)
	if len(all) == 0 {
		return nil
	}
	for _, f := range all[1:] {
		if f.dir == url {
			links = append(links, feedLinks(f)...)
		}
	}
	return append(links, feedLinks(all[0])...)
}

func feedLinks(f feed) []Link {
	return []Link{
		{Title: f.title + " (RSS)", Type: RSSType, URL: f.dir + rssName},
		{Title: f.title + " (Atom)", Type: AtomType, URL: f.dir + atomName},
	}
}

// newsFeeds returns the feed of all news, then one per news category with
// items, in site.toml's order. A category whose slug an earlier one took
// gets no feed of its own, so no two feeds share a path.
func newsFeeds(site *model.Site) []feed {
	if site.Prefix != "" && len(site.News) == 0 {
		return nil // a language without news has no news page to announce feeds
	}
	cfg := site.Config
	title := cfg.Title + " – " + lang.Or(site.Lang).T("Ajankohtaista")
	newsURL := site.Prefix + newsURL
	feeds := []feed{{dir: newsURL, title: title, pages: site.News}}
	seen := map[string]bool{}
	for _, cat := range cfg.NewsCategories {
		slug := fi.Slugify(cat)
		if slug == "" || seen[slug] {
			continue
		}
		var pages []*model.Page
		for _, p := range site.News {
			if p.News.Category == cat {
				pages = append(pages, p)
			}
		}
		if len(pages) == 0 {
			continue
		}
		seen[slug] = true
		feeds = append(feeds, feed{dir: newsURL + "luokka/" + slug + "/", title: title + " – " + cat, pages: pages})
	}
	for i := range feeds {
		f := &feeds[i]
		if MaxItems > 0 && len(f.pages) > MaxItems {
			f.pages = f.pages[:MaxItems]
		}
		f.description = describe(site, f.dir, f.title)
	}
	return feeds
}

// describe is the summary of the list page at url, else the site's
// description, else the title: RSS needs a description.
func describe(site *model.Site, url, title string) string {
	for _, l := range site.Lists {
		if l.URL == url && l.Summary != "" {
			return l.Summary
		}
	}
	if d := site.Config.Description; d != "" {
		return d
	}
	return title
}

// absURL makes a site-relative URL absolute under the base URL, which may
// have a path of its own (https://example.fi/kunnat/).
func absURL(site *model.Site, rel string) string {
	base := site.Config.BaseURL
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return base + strings.TrimPrefix((&url.URL{Path: rel}).EscapedPath(), "/")
}

// day is the start of t's day in Helsinki; the zero time stays zero.
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.In(fi.Helsinki).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, fi.Helsinki)
}

// published is the news item's date at 00:00 in Helsinki.
func published(p *model.Page) time.Time {
	if p.News == nil {
		return time.Time{}
	}
	return day(p.News.Date.Time) // a rough date: its first day
}

// modified is the later of the news date and the page's updated date, in
// Helsinki; zero when the page has neither.
func modified(p *model.Page) time.Time {
	t := published(p)
	if u := p.Updated; !u.IsZero() && u.After(t) {
		t = u.In(fi.Helsinki)
	}
	return t
}

// author is the name of the news item's author, "" when not given.
func author(p *model.Page) string {
	if p.News == nil {
		return ""
	}
	a := p.News.Author
	if a.Ref != nil {
		if a.Ref.Target != nil {
			return a.Ref.Target.Title
		}
		return ""
	}
	return a.Text
}

func category(p *model.Page) string {
	if p.News == nil {
		return ""
	}
	return p.News.Category
}

func language(site *model.Site) string {
	if site.Lang != nil {
		return site.Lang.Code
	}
	if l := site.Config.Language; l != "" {
		return l
	}
	return "fi"
}

// marshal writes v as an indented XML document with its declaration.
func marshal(v any) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic("feeds: " + err.Error()) // cannot happen: the types are fixed and marshal
	}
	b.WriteByte('\n')
	return b.Bytes()
}

// RSS 2.0, with atom:link rel="self" as the RSS Advisory Board recommends.

type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	AtomNS  string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string      `xml:"title"`
	Link          string      `xml:"link"`
	Description   string      `xml:"description"`
	Language      string      `xml:"language"`
	LastBuildDate string      `xml:"lastBuildDate,omitempty"`
	Self          rssAtomLink `xml:"atom:link"`
	Items         []rssItem   `xml:"item"`
}

type rssAtomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	Description string  `xml:"description,omitempty"`
	GUID        rssGUID `xml:"guid"`
	PubDate     string  `xml:"pubDate,omitempty"`
	Category    string  `xml:"category,omitempty"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

func rss(site *model.Site, f feed) []byte {
	ch := rssChannel{
		Title:       f.title,
		Link:        absURL(site, f.dir),
		Description: f.description,
		Language:    language(site),
		Self:        rssAtomLink{Href: absURL(site, f.dir+rssName), Rel: "self", Type: RSSType},
	}
	var last time.Time
	for _, p := range f.pages {
		u := absURL(site, p.URL)
		it := rssItem{Title: p.Title, Link: u, Description: p.Summary,
			GUID: rssGUID{IsPermaLink: "true", Value: u}, Category: category(p)}
		if t := published(p); !t.IsZero() {
			it.PubDate = t.Format(time.RFC1123Z)
		}
		if t := modified(p); t.After(last) {
			last = t
		}
		ch.Items = append(ch.Items, it)
	}
	if !last.IsZero() {
		ch.LastBuildDate = last.Format(time.RFC1123Z)
	}
	return marshal(rssDoc{Version: "2.0", AtomNS: atomNS, Channel: ch})
}

// Atom (RFC 4287).

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID       string      `xml:"id"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Author   atomPerson  `xml:"author"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string        `xml:"id"`
	Title     string        `xml:"title"`
	Link      atomLink      `xml:"link"`
	Updated   string        `xml:"updated"`
	Published string        `xml:"published,omitempty"`
	Author    *atomPerson   `xml:"author,omitempty"`
	Summary   string        `xml:"summary,omitempty"`
	Category  *atomCategory `xml:"category,omitempty"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

func atom(site *model.Site, f feed) []byte {
	doc := atomFeed{
		Lang:     language(site),
		ID:       absURL(site, f.dir+atomName),
		Title:    f.title,
		Subtitle: f.description,
		Links: []atomLink{
			{Rel: "self", Type: AtomType, Href: absURL(site, f.dir+atomName)},
			{Rel: "alternate", Type: "text/html", Href: absURL(site, f.dir)},
		},
		Author: atomPerson{Name: publisher(site)},
	}
	var last time.Time
	for _, p := range f.pages {
		u := absURL(site, p.URL)
		up := modified(p)
		if up.IsZero() { // Atom needs updated; news always has a date
			up = site.Now.In(fi.Helsinki)
		}
		if up.After(last) {
			last = up
		}
		e := atomEntry{ID: u, Title: p.Title, Link: atomLink{Rel: "alternate", Type: "text/html", Href: u},
			Updated: up.Format(time.RFC3339), Summary: p.Summary}
		if t := published(p); !t.IsZero() {
			e.Published = t.Format(time.RFC3339)
		}
		if a := author(p); a != "" {
			e.Author = &atomPerson{Name: a}
		}
		if c := category(p); c != "" {
			e.Category = &atomCategory{Term: c}
		}
		doc.Entries = append(doc.Entries, e)
	}
	if last.IsZero() {
		last = site.Now.In(fi.Helsinki)
	}
	doc.Updated = last.Format(time.RFC3339)
	return marshal(doc)
}

// publisher names the feed's author: the contact organisation of site.toml,
// or the site itself.
func publisher(site *model.Site) string {
	if n := site.Config.Contact.Name; n != "" {
		return n
	}
	return site.Config.Title
}
