package build

import (
	"crypto/sha256"
	"hash"
	"path"
	"slices"
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
//   - a content file: its page, the pages it names, the pages that name
//     it and the pages that name those (before and after the change; see
//     reached), every list whose pages, order, headings or filters
//     changed or that shows one of those pages, the home page and
//     404.html;
//   - a layout: the pages that use it;
//   - an asset: no page (assets are copied on every rebuild), but a
//     stylesheet or script when names are fingerprinted: every page.

// What a page shows of other pages, by the fields of model.RefFields: the
// pages it names and the pages that name it (a network's coordinator, an
// organisation's networks), and the pages those it names name in turn (a
// network's contact person's organisation). A list's card of a page shows
// as much. So an edit of a page reaches the pages it names, the pages that
// name it, and the pages that name those; nothing farther.

// snapshot is what a plan compares between two resolved sites.
type snapshot struct {
	urls      string              // every page and list URL: a change means a full render
	url       map[string]string   // page file → its URL
	names     map[string][]string // page file → the files of the pages it names
	namedBy   map[string][]string // page file → the files of the pages that name it
	lists     map[string]string   // list URL → what it shows: its pages' URLs in order, headings, filters
	listPages map[string][]string // list URL → its pages' files
	noTerms   []bool              // no tags, no themes, by language: the footer links depend on it
	versions  map[string][]string // page file → the files of its versions in the other languages
	homes     []string            // every language's home page and 404.html, as output paths
}

func takeSnapshot(site *model.Site) *snapshot {
	s := &snapshot{url: map[string]string{}, names: map[string][]string{}, namedBy: map[string][]string{},
		lists: map[string]string{}, listPages: map[string][]string{}, versions: map[string][]string{}}
	h := sha256.New()
	// Who names a page is read off the references, not its back-links:
	// a translation that names a page not translated shows it, but is
	// not among its back-links (those are the language's own).
	for _, p := range site.AllPages() {
		h.Write([]byte(p.URL + "\x00"))
		s.url[p.File] = p.URL
		s.names[p.File] = refFiles(p)
		for _, t := range s.names[p.File] {
			s.namedBy[t] = append(s.namedBy[t], p.File)
		}
		for _, v := range p.Versions {
			if v != p {
				s.versions[p.File] = append(s.versions[p.File], v.File)
			}
		}
	}
	for _, l := range site.All() {
		s.homes = append(s.homes, model.OutputPath(l.HomeURL()), model.OutputPath(l.Prefix+"/404.html"))
		s.takeLists(l, h)
	}
	s.urls = string(h.Sum(nil))
	return s
}

// takeLists records the lists of one language's site.
func (s *snapshot) takeLists(site *model.Site, h hash.Hash) {
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
	s.noTerms = append(s.noTerms, len(site.Tags) == 0, len(site.Themes) == 0)
}

// refFiles lists the files of the pages p names, by the fields of
// model.RefFields.
func refFiles(p *model.Page) (names []string) {
	p.EachRef(func(r *model.Ref) {
		if r.Target != nil {
			names = append(names, r.Target.File)
		}
	})
	return names
}

// reached adds to set the files whose pages show something of file's: its
// own, the pages it names, the pages that name it and the pages that name
// those; and so for each of its versions in other languages, which share
// its facts.
func (s *snapshot) reached(file string, set map[string]bool) {
	s.reachedOne(file, set)
	for _, v := range s.versions[file] {
		s.reachedOne(v, set)
	}
}

func (s *snapshot) reachedOne(file string, set map[string]bool) {
	set[file] = true
	for _, f := range s.names[file] {
		set[f] = true
	}
	for _, f := range s.namedBy[file] {
		set[f] = true
		for _, g := range s.namedBy[f] {
			set[g] = true
		}
	}
}

// plan returns the output paths to render after the files in changed
// changed, or nil for all of them.
func plan(old, now *snapshot, changed map[string]bool, uses map[string]string, fingerprint bool) map[string]bool {
	if old == nil || old.urls != now.urls || !slices.Equal(old.noTerms, now.noTerms) {
		return nil
	}
	dirty := map[string]bool{}
	for _, h := range now.homes {
		dirty[h] = true
	}
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
			old.reached(f, touchedFiles)
			now.reached(f, touchedFiles)
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
