package build

import (
	"crypto/sha256"
	"path"
	"strings"

	"seutu/internal/model"
	"seutu/internal/sitefs"
)

// The dev server's rebuilds render again only what a change can reach.
// The rules are few, and tests hold them to a full build's output, one
// field of every kind at a time (TestEveryFieldEditEqualsFull):
//
//   - site.toml, base.html, partials, an _index.md, a file added or
//     removed, or any change of a URL: render everything;
//   - a content file: the pages at most reach references away from it
//     (before and after the change), every list whose pages, order,
//     headings or filters changed or that shows one of those pages, the
//     home page and 404.html;
//   - a layout: the pages that use it;
//   - an asset: no page (assets are copied on every rebuild), but a
//     stylesheet or script when names are fingerprinted: every page.

// reach is how far what a page shows of other pages goes, in references
// either way: a network's page shows its contact person (1) and that
// person's organisation (2); a list's card of a page shows as much. The
// pages model.RefFields links are the only way one page shows another.
const reach = 2

// snapshot is what a plan compares between two resolved sites.
type snapshot struct {
	urls      string              // every page and list URL: a change means a full render
	url       map[string]string   // page file → its URL
	near      map[string][]string // page file → the files of the pages it names or that name it
	lists     map[string]string   // list URL → what it shows: its pages' URLs in order, headings, filters
	listPages map[string][]string // list URL → its pages' files
	noTerms   [2]bool             // no tags, no themes: the footer links depend on it
}

func takeSnapshot(site *model.Site) *snapshot {
	s := &snapshot{url: map[string]string{}, near: map[string][]string{}, lists: map[string]string{}, listPages: map[string][]string{}}
	h := sha256.New()
	for _, p := range site.Pages {
		h.Write([]byte(p.URL + "\x00"))
		s.url[p.File] = p.URL
		s.near[p.File] = nearFiles(p)
	}
	addList := func(url string, extra string, groups ...[]model.Group) {
		h.Write([]byte(url + "\x00"))
		var b strings.Builder
		b.WriteString(extra)
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
		// A list's filters and links name pages (the directory's
		// coordinators and municipalities) without listing them.
		var extra strings.Builder
		for _, f := range l.Filters {
			for _, o := range f.Options {
				extra.WriteString(f.Param + "\x01" + o.Title + "\x01" + o.URL + "\x00")
			}
		}
		for _, links := range [][]model.Link{l.Archive, l.Topics} {
			for _, k := range links {
				extra.WriteString(k.Title + "\x01" + k.URL + "\x00")
			}
		}
		addList(l.URL, extra.String(), l.Groups, l.Past)
	}
	for _, terms := range [][]*model.Term{site.Tags, site.Themes} {
		var all strings.Builder
		for _, t := range terms {
			addList(t.URL, "", []model.Group{{Pages: t.Pages}})
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

// nearFiles lists the files of the pages p names or that name p, by the
// fields of model.RefFields.
func nearFiles(p *model.Page) []string {
	var files []string
	p.EachRef(func(r *model.Ref) {
		if r.Target != nil {
			files = append(files, r.Target.File)
		}
	})
	for _, l := range p.Back.BackLists() {
		for _, q := range *l {
			files = append(files, q.File)
		}
	}
	return files
}

// within adds to set the files at most reach references away from file.
func (s *snapshot) within(file string, set map[string]bool) {
	frontier := []string{file}
	set[file] = true
	for range reach {
		var next []string
		for _, f := range frontier {
			for _, g := range s.near[f] {
				if !set[g] {
					set[g] = true
					next = append(next, g)
				}
			}
		}
		frontier = next
	}
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
		switch role := sitefs.Classify(f); {
		case role == sitefs.Config, role == sitefs.Index, role == sitefs.Shared:
			return nil
		case role == sitefs.Asset && fingerprint && (path.Ext(f) == ".css" || path.Ext(f) == ".js"):
			return nil
		case role == sitefs.Layout:
			for out, layout := range uses {
				if layout == f {
					dirty[out] = true
				}
			}
		case role == sitefs.Content:
			old.within(f, touchedFiles)
			now.within(f, touchedFiles)
		}
	}
	for f := range touchedFiles {
		for _, u := range []string{old.url[f], now.url[f]} {
			if u != "" {
				dirty[model.OutputPath(u)] = true
			}
		}
	}
	for url, sig := range now.lists {
		if old.lists[url] != sig || containsAny(now.listPages[url], touchedFiles) {
			dirty[model.OutputPath(url)] = true
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
