package render

import (
	"strings"

	"seutu/internal/feeds"
	"seutu/internal/model"
)

// writeFeeds writes the news feeds, and the sitemap of every page the
// build renders (but 404.html) with robots.txt pointing at it.
func writeFeeds(site *model.Site, jobs []job, out *output) error {
	var urls []string
	for _, j := range jobs {
		if j.view.Layout != "404" {
			urls = append(urls, j.view.URL)
		}
	}
	files := append(feeds.Feeds(site), feeds.Sitemap(site, urls)...)
	files = append(files, feeds.Robots(site))
	for _, f := range files {
		if err := out.put(f.Path, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// feedURLs lists the feeds' site-relative URLs, for the link checker.
func feedURLs(site *model.Site) []string {
	var urls []string
	for _, f := range feeds.Feeds(site) {
		if strings.HasSuffix(f.Path, ".xml") {
			urls = append(urls, "/"+f.Path)
		}
	}
	return urls
}
