package build

import (
	"crypto/sha256"
	"path"
	"strings"

	"seutu/internal/model"
)

// The dev server's rebuilds render again only what a change can reach.
// The rules are few, and a test holds them to a full build's output:
//
//   - site.toml, base.html, partials, an _index.md, a file added or
//     removed, or any change of a URL: render everything;
//   - a content file: its page, the pages it refers to and that refer to
//     it (before and after the change), every list whose pages or order
//     changed or that shows it, the home page and 404.html;
//   - a layout: the pages that use it;
//   - an asset: no page (assets are copied on every rebuild), but a
//     stylesheet or script when names are fingerprinted: every page.

// snapshot is what a plan compares between two resolved sites.
type snapshot struct {
	urls      string              // every page and list URL: a change means a full render
	related   map[string][]string // page file → its URL and the URLs it refers to or is referred from
	lists     map[string]string   // list URL → its pages' URLs in order
	listPages map[string][]string // list URL → its pages' files
	noTerms   [2]bool             // no tags, no themes: the footer links depend on it
}

func takeSnapshot(site *model.Site) *snapshot {
	s := &snapshot{related: map[string][]string{}, lists: map[string]string{}, listPages: map[string][]string{}}
	h := sha256.New()
	for _, p := range site.Pages {
		h.Write([]byte(p.URL + "\x00"))
		s.related[p.File] = relatedURLs(p)
	}
	addList := func(url string, groups ...[]model.Group) {
		h.Write([]byte(url + "\x00"))
		var b strings.Builder
		var files []string
		for _, gs := range groups {
			for _, g := range gs {
				b.WriteString(g.Title + "\x01" + g.URL + "\x01")
				for _, p := range g.Pages {
					b.WriteString(p.URL + "\x00")
					files = append(files, p.File)
				}
			}
		}
		s.lists[url] = b.String()
		s.listPages[url] = files
	}
	for _, l := range site.Lists {
		addList(l.URL, l.Groups, l.Past)
	}
	for _, terms := range [][]*model.Term{site.Tags, site.Themes} {
		var all strings.Builder
		for _, t := range terms {
			addList(t.URL, []model.Group{{Pages: t.Pages}})
			all.WriteString(t.URL + "\x00" + s.lists[t.URL])
		}
		if len(terms) > 0 {
			index := path.Dir(strings.TrimSuffix(terms[0].URL, "/")) + "/"
			s.lists[index] = all.String()
		}
	}
	s.noTerms = [2]bool{len(site.Tags) == 0, len(site.Themes) == 0}
	s.urls = string(h.Sum(nil))
	return s
}

// relatedURLs is p's URL and the URLs of the pages it names or that name it.
func relatedURLs(p *model.Page) []string {
	urls := []string{p.URL}
	add := func(q *model.Page) {
		if q != nil {
			urls = append(urls, q.URL)
		}
	}
	p.EachRef(func(r *model.Ref) { add(r.Target) })
	for _, l := range p.Back.BackLists() {
		for _, q := range *l {
			add(q)
		}
	}
	return urls
}

// plan returns the output paths to render after the files in changed
// changed, or nil for all of them.
func plan(old, now *snapshot, changed map[string]bool, uses map[string]string, fingerprint bool) map[string]bool {
	if old == nil || old.urls != now.urls || old.noTerms != now.noTerms {
		return nil
	}
	dirty := map[string]bool{"index.html": true, "404.html": true}
	touchedFiles := map[string]bool{}
	for f := range changed {
		switch {
		case f == "content/site.toml", f == "layouts/base.html", strings.HasPrefix(f, "layouts/partials/"),
			path.Base(f) == "_index.md":
			return nil
		case fingerprint && strings.HasPrefix(f, "assets/") && (path.Ext(f) == ".css" || path.Ext(f) == ".js"):
			return nil
		case strings.HasPrefix(f, "layouts/"):
			for out, layout := range uses {
				if layout == f {
					dirty[out] = true
				}
			}
		case strings.HasPrefix(f, "content/"):
			touchedFiles[f] = true
			for _, u := range old.related[f] {
				dirty[outputPath(u)] = true
			}
			for _, u := range now.related[f] {
				dirty[outputPath(u)] = true
			}
		}
	}
	for url, sig := range now.lists {
		if old.lists[url] != sig || containsAny(now.listPages[url], touchedFiles) {
			dirty[outputPath(url)] = true
		}
	}
	return dirty
}

func containsAny(files []string, set map[string]bool) bool {
	for _, f := range files {
		if set[f] {
			return true
		}
	}
	return false
}

// outputPath is the file a URL is written to: /x/ is x/index.html.
func outputPath(url string) string {
	p := strings.TrimPrefix(url, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}
