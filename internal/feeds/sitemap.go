package feeds

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strconv"
	"strings"
	"time"

	"seutu/internal/fi"
	"seutu/internal/model"
)

// Limits of one sitemap file (sitemaps.org): beyond either, Sitemap splits
// the URLs into parts under a sitemap index. Variables so that tests can
// lower them.
var (
	MaxSitemapURLs  = 50000
	MaxSitemapBytes = 50 * 1024 * 1024 // 52 428 800 bytes, uncompressed
)

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

type sitemapURL struct {
	XMLName xml.Name `xml:"url"`
	Loc     string   `xml:"loc"`
	Lastmod string   `xml:"lastmod,omitempty"`
}

type sitemapRef struct {
	XMLName xml.Name `xml:"sitemap"`
	Loc     string   `xml:"loc"`
	Lastmod string   `xml:"lastmod,omitempty"`
}

// Sitemap returns sitemap.xml listing the HTML pages at the given
// site-relative URLs ("/", "/verkostot/", "/verkostot/x/"), absolute, once
// each, sorted. Pass every HTML page the build renders (content pages, list
// pages and each page of a paged list, tag and theme pages, the home page),
// but not 404.html, alias redirects, feeds, calendars or assets.
//
// Lastmod comes from site.Pages: a URL that is a content page's URL gets
// the later of the page's updated date and its news date (YYYY-MM-DD, in
// Helsinki), when it has either; any other URL has none.
//
// When the URLs do not fit in one file (MaxSitemapURLs, MaxSitemapBytes),
// they go to sitemap-1.xml, sitemap-2.xml, … in order, and sitemap.xml is a
// sitemap index of those parts, each with the latest lastmod among its URLs.
func Sitemap(site *model.Site, urls []string) []File { return SitemapWith(site, urls, nil) }

// Alternate is a version of a page in another language, for the
// sitemap's xhtml:link and the page's <link rel="alternate" hreflang>.
type Alternate struct {
	Lang string // hreflang: fi, sv, en
	URL  string // site-relative
}

// SitemapWith is Sitemap with the language versions of each URL, when
// alternates gives any (every version, the URL's own included), as
// xhtml:link elements: how search engines learn that /en/x/ is /x/ in
// English.
func SitemapWith(site *model.Site, urls []string, alternates func(u string) []Alternate) []File {
	pages := make(map[string]*model.Page, len(site.Pages))
	for _, p := range site.Pages {
		pages[p.URL] = p
	}
	rel := make([]string, 0, len(urls))
	for _, u := range urls {
		if !strings.HasPrefix(u, "/") {
			u = "/" + u
		}
		rel = append(rel, u)
	}
	slices.Sort(rel)
	rel = slices.Compact(rel)

	ns := ""
	if alternates != nil {
		ns = ` xmlns:xhtml="http://www.w3.org/1999/xhtml"`
	}
	head := []byte(xml.Header + `<urlset xmlns="` + sitemapNS + `"` + ns + `>` + "\n")
	foot := []byte("</urlset>\n")
	type part struct {
		body    bytes.Buffer
		n       int
		lastmod time.Time
	}
	parts := []*part{{}}
	var entry []byte
	for _, u := range rel {
		e := sitemapURL{Loc: absURL(site, u)}
		var mod time.Time
		if p := pages[u]; p != nil {
			mod = modified(p)
		}
		if !mod.IsZero() {
			e.Lastmod = mod.Format(time.DateOnly)
		}
		entry = urlElement(entry[:0], e)
		if alternates != nil {
			entry = alternateLinks(entry, site, alternates(u))
		}
		cur := parts[len(parts)-1]
		if cur.n > 0 && (cur.n >= MaxSitemapURLs || len(head)+cur.body.Len()+len(entry)+len(foot) > MaxSitemapBytes) {
			cur = &part{}
			parts = append(parts, cur)
		}
		cur.body.Write(entry)
		cur.n++
		if mod.After(cur.lastmod) {
			cur.lastmod = mod
		}
	}
	doc := func(p *part) []byte { return slices.Concat(head, p.body.Bytes(), foot) }
	if len(parts) == 1 {
		return []File{{Path: "sitemap.xml", Data: doc(parts[0])}}
	}

	var out []File
	var index bytes.Buffer
	index.WriteString(xml.Header + `<sitemapindex xmlns="` + sitemapNS + `">` + "\n")
	for i, p := range parts {
		name := "sitemap-" + strconv.Itoa(i+1) + ".xml"
		out = append(out, File{Path: name, Data: doc(p)})
		ref := sitemapRef{Loc: absURL(site, "/"+name)}
		if !p.lastmod.IsZero() {
			ref.Lastmod = p.lastmod.In(fi.Helsinki).Format(time.DateOnly)
		}
		index.Write(element(ref))
	}
	index.WriteString("</sitemapindex>\n")
	return append([]File{{Path: "sitemap.xml", Data: index.Bytes()}}, out...)
}

// urlElement appends what element(e) returns, without encoding/xml's
// reflection and buffers: a large site has tens of thousands of URLs.
// TestURLElementIsElement keeps the two the same.
func urlElement(b []byte, e sitemapURL) []byte {
	w := bytes.NewBuffer(b)
	w.WriteString("  <url>\n    <loc>")
	xml.EscapeText(w, []byte(e.Loc)) // #nosec: writes to a buffer cannot fail
	w.WriteString("</loc>\n")
	if e.Lastmod != "" {
		w.WriteString("    <lastmod>")
		xml.EscapeText(w, []byte(e.Lastmod))
		w.WriteString("</lastmod>\n")
	}
	w.WriteString("  </url>\n")
	return w.Bytes()
}

// alternateLinks puts the xhtml:link of each version before the </url>
// that entry ends with.
func alternateLinks(entry []byte, site *model.Site, alts []Alternate) []byte {
	if len(alts) == 0 {
		return entry
	}
	const end = "  </url>\n"
	w := bytes.NewBuffer(entry[:len(entry)-len(end)])
	for _, a := range alts {
		w.WriteString(`    <xhtml:link rel="alternate" hreflang="`)
		xml.EscapeText(w, []byte(a.Lang))
		w.WriteString(`" href="`)
		xml.EscapeText(w, []byte(absURL(site, a.URL)))
		w.WriteString("\"/>\n")
	}
	w.WriteString(end)
	return w.Bytes()
}

// element marshals one child of a urlset or sitemapindex, indented under
// it and ending in a newline.
func element(v any) []byte {
	b, err := xml.MarshalIndent(v, "  ", "  ")
	if err != nil {
		panic("feeds: " + err.Error()) // cannot happen: the types are fixed and marshal
	}
	return append(b, '\n')
}

// Robots returns robots.txt: every crawler may fetch everything, and the
// sitemap is at its absolute URL. Crawlers read robots.txt only at the root
// of a host, so for a site under a path (https://example.fi/kunnat/) the
// file only helps if the host's own robots.txt points at it or copies it.
func Robots(site *model.Site) File {
	return File{Path: "robots.txt", Data: []byte("User-agent: *\nAllow: /\n\nSitemap: " + absURL(site, "/sitemap.xml") + "\n")}
}
