package resolve

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"seutu/internal/diag"
	"seutu/internal/fi"
	"seutu/internal/model"
	"seutu/internal/search"
)

// EventsURL is where the event listing lives.
const EventsURL = "/tapahtumat/"

// lists decides every derived list page: each section's list (news paged),
// network categories, news years and categories, and the event listing.
func (r *resolver) lists() {
	for _, s := range r.site.Sections {
		layout := cmpOr(s.Layout, "section")
		switch s.Kind {
		case model.KindNews:
			r.newsLists(s, layout)
		case model.KindNetwork:
			r.categoryLists(s)
			r.add(&model.List{Layout: layout, URL: s.URL, Title: s.Title, Summary: s.Summary, Section: s, Groups: s.Groups,
				Filters: r.networkFilters(s)})
		default:
			r.add(&model.List{Layout: layout, URL: s.URL, Title: s.Title, Summary: s.Summary, Section: s, Groups: s.Groups})
		}
	}
	r.eventLists()
	slices.SortFunc(r.site.Lists, func(a, b *model.List) int { return strings.Compare(a.URL, b.URL) })
}

func (r *resolver) add(l *model.List) { r.site.Lists = append(r.site.Lists, l) }

// categoryLists gives each network category its own page under the
// directory, so that the directory works without scripts too.
func (r *resolver) categoryLists(s *model.Section) {
	for i, g := range s.Groups {
		if g.Pages[0].Network.Category == "" {
			continue // "Muut verkostot" has no category to link to
		}
		url := s.URL + fi.Slugify(g.Title) + "/"
		s.Groups[i].URL = url
		r.add(&model.List{Layout: "list", URL: url, Title: g.Title, Section: s, Key: g.Pages[0].Network.Category,
			Summary: fmt.Sprintf("%s: %s.", s.Title, strings.ToLower(r.site.Lang.Count(len(g.Pages), "verkosto"))),
			Groups:  []model.Group{{Pages: g.Pages}}})
	}
}

// newsLists pages the news section and adds its year and category
// archives, paged the same way.
func (r *resolver) newsLists(s *model.Section, layout string) {
	byYear := func(p *model.Page) string { return strconv.Itoa(p.News.Date.Year()) }
	var years, topics []model.Link
	for _, g := range s.Groups { // by year, newest first
		years = append(years, model.Link{Title: g.Title, URL: s.URL + g.Title + "/"})
	}
	for _, cat := range r.site.Config.NewsCategories {
		if slices.ContainsFunc(s.Pages, func(p *model.Page) bool { return p.News.Category == cat }) {
			topics = append(topics, model.Link{Title: cat, URL: s.URL + "luokka/" + fi.Slugify(cat) + "/"})
		}
	}
	r.paged(&model.List{Layout: layout, URL: s.URL, Title: s.Title, Summary: s.Summary, Section: s, Archive: years, Topics: topics},
		s.Pages, byYear)
	for i, g := range s.Groups {
		r.paged(&model.List{Layout: "list", URL: years[i].URL, Title: s.Title + " " + g.Title, Section: s,
			Summary: r.site.Lang.TextF("%s vuodelta %s.", s.Title, g.Title)}, g.Pages, nil)
	}
	for _, t := range topics {
		var pages []*model.Page
		for _, p := range s.Pages {
			if p.News.Category == t.Title {
				pages = append(pages, p)
			}
		}
		r.paged(&model.List{Layout: "list", URL: t.URL, Title: t.Title, Section: s,
			Summary: fmt.Sprintf("%s: %s.", s.Title, t.Title)}, pages, byYear)
	}
}

// paged adds list l of pages, news_per_page a page: the first at l.URL, the
// others at l.URL/sivu/2/, … Each page's pages are grouped by group, or
// form one untitled group when group is nil.
func (r *resolver) paged(l *model.List, pages []*model.Page, group func(*model.Page) string) {
	for _, part := range model.Paginate(l.URL, len(pages), r.site.Config.NewsPerPage) {
		page := *l
		page.URL, page.Pager, page.Title = part.URL, part.Pager, part.Title(l.Title, r.site.Lang)
		if group != nil {
			page.Groups = groupBy(pages[part.From:part.To], group)
		} else {
			page.Groups = []model.Group{{Pages: pages[part.From:part.To]}}
		}
		r.add(&page)
	}
}

// eventLists makes /tapahtumat/: upcoming events by month, then past events
// by year, newest first. When there are more past events than the listing
// shows, every year of them gets its own page.
func (r *resolver) eventLists() {
	site, l := r.site, r.site.Lang
	if site.Prefix != "" && len(site.Events) == 0 {
		return // a language without events has no event listing
	}
	byMonth := func(p *model.Page) string { return capitalizeFirst(l.MonthYear(p.News.Event.Start.Time)) }
	byYear := func(p *model.Page) string { return strconv.Itoa(p.News.Event.Start.Year()) }
	past := site.Past()
	list := &model.List{Layout: "events", URL: site.Prefix + EventsURL, Title: l.T("Tapahtumat"),
		Summary: l.T("Tulevat ja menneet tapahtumat kuntien yhteistyöstä Keski-Suomessa."),
		Groups:  groupBy(site.Upcoming(0), byMonth)}
	limit := site.Config.PastEvents
	if len(past) <= limit {
		list.Past = groupBy(past, byYear)
		r.add(list)
		return
	}
	list.Past = groupBy(past[:limit], byYear)
	for _, g := range groupBy(past, byYear) {
		url := site.Prefix + EventsURL + g.Title + "/"
		list.Archive = append(list.Archive, model.Link{Title: g.Title, URL: url})
		r.add(&model.List{Layout: "list", URL: url, Title: l.TextF("Tapahtumat %s", g.Title),
			Summary: l.TextF("Menneet tapahtumat vuodelta %s.", g.Title), Groups: groupBy(g.Pages, byMonth)})
	}
	r.add(list)
}

// groupBy splits ordered pages into runs with the same title.
func groupBy(pages []*model.Page, title func(*model.Page) string) []model.Group {
	var groups []model.Group
	for _, p := range pages {
		t := title(p)
		if n := len(groups); n > 0 && groups[n-1].Title == t {
			groups[n-1].Pages = append(groups[n-1].Pages, p)
			continue
		}
		groups = append(groups, model.Group{Title: t, Pages: []*model.Page{p}})
	}
	return groups
}

// checkListURLs reports a page or an alias whose URL a derived page needs.
func (r *resolver) checkListURLs() {
	derived := map[string]string{}
	for _, l := range r.site.Lists {
		derived[l.URL] = "a list page"
	}
	for _, tx := range []struct {
		what  string
		terms []*model.Term
	}{{"the tag page", r.site.Tags}, {"the theme page", r.site.Themes}} {
		for _, t := range tx.terms {
			for _, part := range t.Parts {
				derived[part.URL] = tx.what
			}
		}
	}
	derived[r.site.Prefix+search.PageURL(r.site.Lang.Code)] = "the search page"
	for _, p := range r.site.Pages {
		if what, ok := derived[p.URL]; ok {
			r.diags.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "%s is the URL of %s that seutu makes; rename the file or give it another slug", p.URL, what)
		}
		for i, a := range p.Aliases {
			if what, ok := derived["/"+strings.Trim(a, "/")+"/"]; ok {
				r.diags.Errorf(r.at(p, "aliases."+strconv.Itoa(i), "aliases"), "alias %s is the URL of %s that seutu makes", a, what)
			}
		}
	}
}

// at returns the position of a field's value, or of another field.
func (r *resolver) at(p *model.Page, field, fallback string) diag.Pos {
	if pos, ok := p.Pos.Lookup(field); ok {
		return pos
	}
	return p.Pos.Of(fallback)
}

func cmpOr(s, fallback string) string {
	if s != "" {
		return s
	}
	return fallback
}

func capitalizeFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// networkFilters lists the values a reader can narrow the directory by:
// the categories, scopes, coordinators and member municipalities that the
// networks use, each in the order a reader expects.
func (r *resolver) networkFilters(s *model.Section) []model.Filter {
	l := r.site.Lang
	cats := model.Filter{Param: "luokka", Label: l.T("Luokka"), All: l.T("Kaikki luokat")}
	for _, g := range s.Groups {
		if g.URL != "" {
			cats.Options = append(cats.Options, model.Link{Title: g.Title, URL: fi.Slugify(g.Title)})
		}
	}
	scopes := model.Filter{Param: "laajuus", Label: l.T("Laajuus"), All: l.T("Kaikki laajuudet")}
	for _, sc := range []string{"seudullinen", "maakunnallinen", "valtakunnallinen"} {
		if slices.ContainsFunc(s.Pages, func(p *model.Page) bool { return p.Network.Scope == sc }) {
			scopes.Options = append(scopes.Options, model.Link{Title: capitalizeFirst(l.T(sc)), URL: sc})
		}
	}
	coords := model.Filter{Param: "koordinoija", Label: l.T("Koordinoija"), All: l.T("Kaikki koordinoijat")}
	members := model.Filter{Param: "kunta", Label: l.T("Jäsenkunta"), All: l.T("Kaikki kunnat")}
	seen := map[string]bool{}
	for _, p := range s.Pages {
		if c := p.Network.Coordinator; c != nil && c.Target != nil && !seen["c:"+c.Key] {
			seen["c:"+c.Key] = true
			coords.Options = append(coords.Options, model.Link{Title: c.Target.Title, URL: c.Key})
		}
		for _, m := range p.Network.Members {
			if m.Target != nil && !seen["m:"+m.Key] {
				seen["m:"+m.Key] = true
				members.Options = append(members.Options, model.Link{Title: m.Target.Title, URL: m.Key})
			}
		}
	}
	fi.SortBy(r.col, coords.Options, func(l model.Link) string { return l.Title })
	fi.SortBy(r.col, members.Options, func(l model.Link) string { return l.Title })
	var out []model.Filter
	for _, f := range []model.Filter{cats, scopes, coords, members} {
		if len(f.Options) > 0 {
			out = append(out, f)
		}
	}
	return out
}
