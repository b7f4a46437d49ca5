package render

import (
	"fmt"
	"html/template"
	"strings"

	"seutu/internal/body"
	"seutu/internal/config"
	"seutu/internal/diag"
	"seutu/internal/lang"
	"seutu/internal/markdown"
	"seutu/internal/model"
)

// View is what every layout receives.
type View struct {
	Site     *model.Site
	Layout   string         // the layout's name: network, home, section, term, terms, 404, …
	Page     *model.Page    // a content page; nil on derived pages
	Section  *model.Section // a section's list page, or the section a page is in
	List     *model.List    // a derived list page: a section's list, an archive, the events
	Taxonomy *Taxonomy      // tag and theme pages
	Term     *model.Term    // one tag or theme
	Pages    []*model.Page  // the term's pages this page of its list shows
	Pager    *model.Pager   // the term's pages, news_per_page a page; nil when one is enough
	Title    string         // the page's h1 and <title>
	Summary  string         // the meta description
	URL      string         // site-relative: /verkostot/x/
	Content  template.HTML  // the rendered Markdown body
	Headings []markdown.Heading
	Crumbs   []Crumb // from the home page down to the parent of this page

	langs *languages // the site's languages, for the switcher and hreflang
}

// Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Title string
	URL   string
}

// Taxonomy is tags or themes.
type Taxonomy struct {
	Name  string // Avainsanat, Teemat
	One   string // avainsana, teema: what one term is called
	URL   string
	Terms []*model.Term
}

// IsHome reports whether the view is the home page.
func (v *View) IsHome() bool { return v.URL == v.Site.HomeURL() }

// InSection reports whether the view is in the section whose list page is
// at url, for aria-current in menus.
func (v *View) InSection(url string) bool {
	return url != v.Site.HomeURL() && strings.HasPrefix(v.URL, url)
}

// MenuLink is a link of the main menu as one view shows it.
type MenuLink struct {
	Name, URL string
	Current   string // aria-current: "page" on the item's own page, "true" within its section, else ""
}

// Menu is the main menu with this view's place in it marked.
func (v *View) Menu() []MenuLink {
	links := make([]MenuLink, 0, len(v.Site.Config.Menu))
	for _, m := range v.Site.Config.Menu {
		url := v.Site.Prefix + m.URL
		if v.Site.Prefix != "" && strings.HasPrefix(m.URL, "/") && !v.langs.has(url) {
			continue // not in this language: no link to a missing page
		}
		links = append(links, MenuLink{Name: v.menuName(m, url), URL: url})
		i := len(links) - 1
		m.URL = url
		switch {
		case v.URL == m.URL:
			links[i].Current = "page"
		case v.InSection(m.URL):
			links[i].Current = "true"
		}
	}
	return links
}

// menuName is a menu item's name in the view's language: name_<code> of
// site.toml, else, for a section's list, its title in that language (its
// _index.<code>.md's, or the kind's); a default language's name only when
// neither is there.
func (v *View) menuName(m config.MenuItem, url string) string {
	if n := m.Names[v.Site.Lang.Code]; n != "" || v.Site.Prefix == "" {
		return m.NameIn(v.Site.Lang.Code)
	}
	for _, s := range v.Site.Sections {
		if s.URL == url {
			return s.Title
		}
	}
	return m.Name
}

// MenuKey names everything the site header shows that differs between
// views: whether this is the home page, and which menu item is current
// how. Views with the same key share one rendered header.
func (v *View) MenuKey() string {
	var b strings.Builder
	if v.IsHome() {
		b.WriteString("home")
	}
	for i, m := range v.Menu() {
		if m.Current != "" {
			fmt.Fprintf(&b, " %d=%s", i, m.Current)
		}
	}
	return b.String()
}

// pageJobs lists every page to render with its layout and view, or, with
// keep, only the pages whose output paths it keeps.
func pageJobs(site *model.Site, b *body.Set, t *templates, diags *diag.List, keep func(path string) bool, langs *languages) []job {
	var jobs []job
	l := lang.Or(site.Lang)
	homeCrumb := Crumb{Title: l.T("Etusivu"), URL: site.HomeURL()}
	add := func(layout string, pos diag.Pos, v *View) {
		if keep != nil && !keep(model.OutputPath(v.URL)) {
			return
		}
		if set := t.lookup(layout, pos, diags); set != nil {
			v.Site, v.Layout, v.langs = site, layout, langs
			jobs = append(jobs, job{path: model.OutputPath(v.URL), layout: "layouts/" + layout + ".html", tmpl: set, view: v})
		}
	}

	home := &View{URL: site.HomeURL(), Title: site.Config.Title, Summary: site.Config.Description}
	layout, pos := "home", diag.Pos{}
	if h := site.Home; h != nil {
		home.Content = b.Sections[h].HTML
		home.Summary = firstNonEmpty(h.Summary, home.Summary)
		if h.Layout != "" {
			layout, pos = h.Layout, diag.Pos{File: h.File, Line: 1}
		}
	}
	add(layout, pos, home)

	for _, l := range site.Lists {
		v := &View{List: l, Section: l.Section, URL: l.URL, Title: l.Title, Summary: l.Summary, Crumbs: []Crumb{homeCrumb}}
		pos := diag.Pos{}
		if s := l.Section; s != nil {
			if l.URL == s.URL {
				// The section's own list page carries its _index.md.
				v.Content, v.Headings = b.Sections[s].HTML, b.Sections[s].Headings
				if s.Layout != "" {
					pos = diag.Pos{File: s.File, Line: 1}
				}
			} else {
				v.Crumbs = append(v.Crumbs, Crumb{Title: s.Title, URL: s.URL})
			}
		}
		add(l.Layout, pos, v)
	}

	for _, p := range site.Pages {
		if keep != nil && !keep(model.OutputPath(p.URL)) {
			continue
		}
		layout, pos := string(p.Kind), diag.Pos{}
		if p.Layout != "" {
			layout, pos = p.Layout, p.Pos.Of("layout")
		}
		v := &View{Page: p, URL: p.URL, Title: p.Title, Summary: p.Summary,
			Content: b.Pages[p].HTML, Headings: b.Pages[p].Headings, Crumbs: []Crumb{homeCrumb}}
		if s := site.Section(p.Section); s != nil {
			v.Section = s
			v.Crumbs = append(v.Crumbs, Crumb{Title: s.Title, URL: s.URL})
		}
		add(layout, pos, v)
	}

	for _, tx := range taxonomies(site) {
		if len(tx.Terms) == 0 {
			continue
		}
		add("terms", diag.Pos{}, &View{Taxonomy: tx, URL: tx.URL, Title: tx.Name, Crumbs: []Crumb{homeCrumb}})
		for _, term := range tx.Terms {
			for _, part := range term.Parts {
				add("term", diag.Pos{}, &View{Taxonomy: tx, Term: term, URL: part.URL, Title: part.Title(capitalize(term.Name), l),
					Pages: term.Pages[part.From:part.To], Pager: part.Pager,
					Crumbs: []Crumb{homeCrumb, {tx.Name, tx.URL}}})
			}
		}
	}

	// The embedded layouts have search.html; only a test's own set of
	// layouts can lack it, and then has no search page.
	if _, ok := t.sets["search"]; ok {
		add("search", diag.Pos{}, &View{URL: searchURL(site), Title: l.T("Haku"),
			Summary: l.T("Hae sivuston verkostoista, hankkeista, strategioista ja uutisista."), Crumbs: []Crumb{homeCrumb}})
	}
	add("404", diag.Pos{}, &View{URL: site.Prefix + "/404.html", Title: l.T("Sivua ei löytynyt"), Crumbs: nil})
	return jobs
}

func taxonomies(site *model.Site) []*Taxonomy {
	var out []*Taxonomy
	for i, terms := range [][]*model.Term{site.Tags, site.Themes} {
		tx := model.Taxonomies[i]
		out = append(out, &Taxonomy{Name: lang.Or(site.Lang).T(tx.Name), One: tx.One, URL: site.Prefix + tx.URL, Terms: terms})
	}
	return out
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
