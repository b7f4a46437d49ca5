package render

import (
	"encoding/xml"
	"fmt"
	"strings"

	"seutu/internal/fi"
	"seutu/internal/model"
)

// sitemapLimit is how many URLs one sitemap file may list (the protocol's
// limit); beyond it sitemap.xml becomes an index of sitemap-N.xml files.
var sitemapLimit = 50_000

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	NS       string       `xml:"xmlns,attr"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

// writeSitemap lists every HTML page of the site (not 404.html, not the
// redirect pages of old addresses) in sitemap.xml, and robots.txt points
// at it. jobs are the pages the build renders.
func writeSitemap(site *model.Site, jobs []job, out *output) error {
	base := strings.TrimSuffix(site.Config.BaseURL, "/")
	lastmod := map[string]string{}
	for _, p := range site.Pages {
		t := p.Updated
		if p.News != nil && p.News.Date.After(t) {
			t = p.News.Date
		}
		if !t.IsZero() {
			lastmod[p.URL] = t.In(fi.Helsinki).Format("2006-01-02")
		}
	}
	var urls []sitemapURL
	for _, j := range jobs {
		if j.view.Layout == "404" {
			continue
		}
		urls = append(urls, sitemapURL{Loc: base + j.view.URL, LastMod: lastmod[j.view.URL]})
	}
	if len(urls) <= sitemapLimit {
		data, err := marshal(urlset{NS: sitemapNS, URLs: urls})
		if err != nil {
			return err
		}
		if err := out.put("sitemap.xml", data); err != nil {
			return err
		}
	} else {
		index := sitemapIndex{NS: sitemapNS}
		for i := 0; i*sitemapLimit < len(urls); i++ {
			name := fmt.Sprintf("sitemap-%d.xml", i+1)
			part := urls[i*sitemapLimit : min((i+1)*sitemapLimit, len(urls))]
			data, err := marshal(urlset{NS: sitemapNS, URLs: part})
			if err != nil {
				return err
			}
			if err := out.put(name, data); err != nil {
				return err
			}
			index.Sitemaps = append(index.Sitemaps, sitemapURL{Loc: base + "/" + name})
		}
		data, err := marshal(index)
		if err != nil {
			return err
		}
		if err := out.put("sitemap.xml", data); err != nil {
			return err
		}
	}
	robots := "User-agent: *\nAllow: /\n\nSitemap: " + base + "/sitemap.xml\n"
	return out.put("robots.txt", []byte(robots))
}
