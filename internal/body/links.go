package body

import (
	"crypto/sha256"
	"io"
	"net/url"
	"path"
	"slices"
	"strings"

	"seutu/internal/diag"
	"seutu/internal/model"
	"seutu/internal/sitefs"
)

// Index knows every URL of the site, so that links in bodies can be
// rewritten (source paths to URLs) and checked.
type Index struct {
	byFile map[string]*model.Page // content/verkostot/x.md → page
	byURL  map[string]*model.Page // /verkostot/x/ → page
	pageAt map[string]int         // /verkostot/x/ → its place in the site's Pages
	urls   map[string]bool        // every site-relative URL that exists
	files  []string               // for suggestions
	paths  []string               // for suggestions
	base   string                 // the base URL's path: "/" or "/kunnat/"

	// signature changes whenever a link could resolve differently: it
	// covers every URL and source file of the site and the base path.
	signature string
}

// place is the place of the content page at url in the site's Pages, or
// -1 when url is not a content page's.
func (ix *Index) place(url string) int {
	if k, ok := ix.pageAt[url]; ok {
		return k
	}
	return -1
}

// NewIndex indexes the site's pages and lists, and extra: the URLs of
// what else the site publishes (assets, calendars, feeds, taxonomies),
// which only render knows.
func NewIndex(site *model.Site, extra []string) *Index {
	ix := &Index{byFile: map[string]*model.Page{}, byURL: map[string]*model.Page{}, pageAt: map[string]int{},
		urls: map[string]bool{"/": true}, base: BasePath(site.Config.BaseURL)}
	addURL := func(u string) {
		ix.urls[u] = true
		ix.paths = append(ix.paths, u)
	}
	for i, p := range site.AllPages() {
		ix.byFile[p.File] = p
		ix.byURL[p.URL] = p
		ix.pageAt[p.URL] = i
		ix.files = append(ix.files, p.File)
		addURL(p.URL)
	}
	for _, s := range site.All() {
		if s.Prefix != "" {
			addURL(s.HomeURL())
		}
		for _, l := range s.Lists {
			addURL(l.URL)
		}
	}
	for _, u := range extra {
		addURL(u)
	}
	h := sha256.New()
	io.WriteString(h, ix.base)
	for _, list := range [][]string{ix.paths, ix.files} {
		for _, s := range slices.Sorted(slices.Values(list)) {
			io.WriteString(h, "\x00"+s)
		}
	}
	ix.signature = string(h.Sum(nil))
	return ix
}

// BasePath is the path part of the base URL, with slashes at both ends.
func BasePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil {
		return "/"
	}
	if p := strings.Trim(u.Path, "/"); p != "" {
		return "/" + p + "/"
	}
	return "/"
}

// Rel makes a site-relative URL (/verkostot/) relative to the host, under
// the base path (/kunnat/verkostot/).
func (ix *Index) Rel(u string) string { return Rel(ix.base, u) }

// Rel makes a site-relative URL relative to the host, under base, a path
// as BasePath returns it.
func Rel(base, u string) string {
	if !strings.HasPrefix(u, "/") || base == "/" {
		return u
	}
	return base + strings.TrimPrefix(u, "/")
}

// from returns the resolver for links in the file at source path file,
// published at the site-relative URL page.
func (ix *Index) from(file, page string) pageLinks {
	_, code := sitefs.SplitLang(file)
	return pageLinks{ix: ix, dir: path.Dir(file), page: page, lang: code}
}

type pageLinks struct {
	ix   *Index
	dir  string // the source file's folder, for links to .md files
	page string // the page's URL, for relative links and bare #fragments
	lang string // the translation's language; "" in the default language
}

// inLanguage returns the URL of the page at u in the linking page's
// language when it is translated, so that a translation's body may link
// as its original does: /verkostot/x/ in an English body leads to
// /en/verkostot/x/ when there is one, and so does a list's address.
func (l pageLinks) inLanguage(u string) string {
	if l.lang == "" {
		return u
	}
	if p := l.ix.byURL[u]; p != nil {
		for _, v := range p.Versions {
			if v.Lang == l.lang {
				return v.URL
			}
		}
		return u
	}
	if own := "/" + l.lang + u; strings.HasPrefix(u, "/") && l.ix.urls[own] {
		return own // a list: the language's own
	}
	return u
}

// resolve rewrites and checks one destination, and says where in the
// site it leads (for the checks that need every body; a link to another
// site leads nowhere in it):
//   - a web address, mailto: or tel: stays as it is;
//   - a link to a source file (../verkostot/x.md#osa) becomes the page's URL;
//   - a site path (/verkostot/x/) or a path relative to the page (kuva.png,
//     ../y/) must be a page, list or asset of the site;
//   - a bare #fragment stays as it is (checkBodies checks it).
//
// dest is as markdown.Link has it, its character references resolved as
// goldmark resolves them when it writes the link: /kunnat/&#x6a;amsa/ is
// /kunnat/jamsa/, not /kunnat/& with the #fragment x6a;amsa/. A
// javascript: or data: address resolves as any address with a scheme
// does; markdown reports that goldmark writes no address for it.
func (l pageLinks) resolve(dest string, image bool) (out string, to linkTarget, problem string) {
	if dest == "" {
		return "", to, "empty link: write the address between the parentheses"
	}
	u, err := url.Parse(dest)
	if err != nil {
		return "", to, "cannot read the link address " + quote(dest) + ": " + err.Error()
	}
	target, problem := l.locate(u, image)
	if problem != "" {
		return "", to, problem
	}
	to = linkTarget{url: target, frag: u.Fragment, dest: dest}
	if u.Scheme != "" || u.Host != "" || u.Path == "" ||
		!strings.HasSuffix(u.Path, ".md") && !strings.HasPrefix(u.Path, "/") {
		return dest, to, "" // relative links work as written, under any base path
	}
	return l.ix.Rel(withFragment(target, u.Fragment)), to, ""
}

// bodyLinks resolves a body's links for markdown.Result.Link, and keeps
// where each that resolved leads, in order.
type bodyLinks struct {
	pageLinks
	found []linkTarget
}

func (b *bodyLinks) ResolveLink(dest string, image bool) (string, string) {
	out, to, problem := b.resolve(dest, image)
	if problem == "" {
		b.found = append(b.found, to)
	}
	return out, problem
}

// locate finds the site-relative URL a link leads to, or says why it leads
// nowhere. Links to other sites locate to "".
func (l pageLinks) locate(u *url.URL, image bool) (string, string) {
	switch {
	case u.Scheme != "" || u.Host != "":
		return "", ""
	case u.Path == "":
		return l.page, ""
	case strings.HasSuffix(u.Path, ".md"):
		file := path.Clean(path.Join(l.dir, u.Path))
		if strings.HasPrefix(u.Path, "/") {
			file = path.Clean(path.Join("content", u.Path))
		}
		p := l.ix.byFile[file]
		if p == nil {
			return "", "link to " + quote(u.Path) + ": there is no page " + file + diag.DidYouMean(file, l.ix.files)
		}
		return l.inLanguage(p.URL), ""
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = path.Join(l.page, p)
		if strings.HasSuffix(u.Path, "/") {
			p += "/"
		}
	}
	if !l.ix.urls[p] && !strings.HasSuffix(p, "/") && path.Ext(p) == "" {
		p += "/" // /verkostot/x means /verkostot/x/
	}
	if !l.ix.urls[p] {
		what := "page"
		if image {
			what = "image"
		}
		return "", "link to " + quote(u.Path) + ": no " + what + " of this site has that address" + diag.DidYouMean(p, l.ix.paths)
	}
	return l.inLanguage(p), ""
}

func withFragment(u, frag string) string {
	if frag == "" {
		return u
	}
	return u + "#" + frag
}

func quote(s string) string { return `"` + s + `"` }

// Has reports whether the site-relative URL u is a page, list or file of
// the site.
func (ix *Index) Has(u string) bool { return ix.urls[u] }
