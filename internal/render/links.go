package render

import (
	"seutu/internal/body"
	"seutu/internal/feeds"
	"seutu/internal/model"
)

// linkIndex is package body's index of the site's URLs, with the base
// path for the links render writes itself (redirects, the rel function).
type linkIndex struct {
	*body.Index
	base string
}

// newLinkIndex indexes the site's URLs: its pages and lists, and the
// files render publishes besides them.
func newLinkIndex(site *model.Site, assets *assetSet) *linkIndex {
	extra := feeds.URLs(site)
	for _, tx := range taxonomies(site) {
		if len(tx.Terms) > 0 {
			extra = append(extra, tx.URL)
		}
		for _, t := range tx.Terms {
			extra = append(extra, t.URL)
		}
	}
	extra = append(extra, assets.urls()...)
	return &linkIndex{Index: body.NewIndex(site, extra), base: basePath(site.Config.BaseURL)}
}

// basePath is the path part of the base URL, with slashes at both ends.
func basePath(baseURL string) string { return body.BasePath(baseURL) }

// rel makes a site-relative URL (/verkostot/) relative to the host, under
// the base path (/kunnat/verkostot/).
func (ix *linkIndex) rel(u string) string { return body.Rel(ix.base, u) }
