package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"seutu/internal/feeds"
	"seutu/internal/fi"
	"seutu/internal/jsonld"
	"seutu/internal/lang"
	"seutu/internal/model"
)

// funcs are the template functions. All dates and times are shown in
// Helsinki time, in the site's language (Finnish when it has none).
func funcs(site *model.Site, ix *linkIndex, assets *assetSet, c *fragments) template.FuncMap {
	l := lang.Or(site.Lang)
	base := strings.TrimSuffix(site.Config.BaseURL, "/")
	return template.FuncMap{
		// URLs
		"rel":       ix.rel,                                           // /verkostot/ under the base path
		"abs":       func(u string) string { return base + u },        // absolute, for canonical links and feeds
		"tel":       func(s string) template.URL { return telURL(s) }, // 040 595 0002 → tel:+358405950002
		"searchURL": func() string { return searchURL(site) },         // /haku/: the search page, in the site's language
		// nbsp joins a phone number's groups with no-break spaces, so that
		// the number never breaks across lines (html-validate's
		// tel-non-breaking)
		"nbsp": func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") },
		// asset "/assets/css/site.css" is the file's URL, with a content
		// hash in the name of stylesheets and scripts; integrity gives
		// their Subresource Integrity value. An unknown file is an error.
		"asset": func(u string) (string, error) {
			if h, ok := assets.hashed[u]; ok {
				return ix.rel(h), nil
			}
			if _, ok := assets.data[strings.TrimPrefix(u, "/assets/")]; ok {
				return ix.rel(u), nil
			}
			return "", fmt.Errorf("no asset %s", u)
		},
		"integrity": func(u string) string { return assets.integrity[u] },
		"feeds":     feedLinks(site), // for <link rel="alternate">
		"jsonld":    jsonLD(site),    // schema.org for search engines
		"card":      c.card,          // card "page-card" .: a partial for a page, rendered once
		"cached":    c.cached,        // cached "site-footer" . variant…: a partial rendered once per variant

		// the site's own words in the page's language (package lang's
		// table, keyed by the Finnish): t "Ota yhteyttä"; tf "(vuoden %d
		// lopussa)" 2024; tn 2 "tapahtuma" (2 tapahtumaa, 2 evenemang, 2
		// events); tw "Päivitetty %s." around a piece of markup, as
		// .Before and .After. A t of a constant is translated once, when
		// the layouts are parsed (foldTexts).
		"t":           l.T,
		"tf":          l.TextF,
		"tn":          l.Count,
		"tw":          l.Around,
		"scriptTexts": l.ScriptTexts,                                                   // data-texts of a script: scriptTexts "directory"
		"kindName":    func(k model.Kind) string { return l.T(model.Info(k).Finnish) }, // Verkosto, Hanke, …

		// languages: a vocabulary value of site.toml as the page's language
		// writes it ([translations.<code>.vocabulary]); the code of a
		// page's language when it is not the view's (a reference to a
		// page not translated), "" when it is; the language of a code, for
		// its InItself and NotHere; and a path of the site's own pages
		// (/tapahtumat/) in the page's language, or the default
		// language's when this one has none.
		"term":      func(v string) string { return site.Config.Term(l.Code, v) },
		"otherLang": otherLang(site),
		"language":  func(code string) *lang.Lang { return lang.Or(lang.ByCode(code)) },
		"local":     localPaths(site, ix),

		// dates and times, in the page's language
		"date":           l.Date,         // 24.4.2023
		"longDate":       l.LongDate,     // 24. huhtikuuta 2023
		"weekdayDate":    l.WeekdayDate,  // maanantaina 24. huhtikuuta 2023
		"monthYear":      l.MonthYear,    // huhtikuu 2023
		"clock":          l.Clock,        // 13.00
		"dateTime":       l.DateTime,     // 24.4.2023 klo 13.00
		"dateRange":      l.DateRange,    // 1.12.2022–30.6.2024
		"eventTime":      eventTime(l),   // ke 24.8.2022 klo 13.00–15.00, or huhti–toukokuu 2018
		"partialDate":    partialDate(l), // 24. huhtikuuta 2023, tammikuu 2011, 2011 or tammi–helmikuu 2018
		"roughDate":      roughDate(l),   // 24.4.2023, tammikuu 2011, 2011 or tammi–helmikuu 2018
		"isoPartialDate": isoPartialDate, // 2023-04-24, 2011-01 or 2011
		"isoDate":        func(t time.Time) string { return t.In(fi.Helsinki).Format("2006-01-02") },
		"isoMonth":       func(t time.Time) string { return t.In(fi.Helsinki).Format("2006-01") },
		"isoDateTime":    func(t time.Time) string { return t.In(fi.Helsinki).Format("2006-01-02T15:04-07:00") },
		"year":           func(t time.Time) int { return t.In(fi.Helsinki).Year() },
		"rfc3339":        func(t time.Time) string { return t.In(fi.Helsinki).Format(time.RFC3339) }, // for scripts

		// numbers and words, in the page's language
		"number":     l.Number,  // 147 821
		"euros":      l.Euros,   // 116 475 €
		"decimal":    l.Decimal, // 3,5
		"plural":     l.Plural,  // plural 2 "tapahtuma" "tapahtumaa" "ei tapahtumia"; the layouts use tn
		"capitalize": capitalize,
		"join":       strings.Join,
		"hasPrefix":  strings.HasPrefix,
		"slug":       fi.Slugify,
		"inc":        func(i int) int { return i + 1 }, // page numbers from indexes
		"dict":       dict,                             // arguments for a partial: dict "Page" . "Level" 4
	}
}

// jsonLD is the template function jsonld: the page's schema.org
// description (package jsonld), from what its view says of it.
func jsonLD(site *model.Site) func(*View) template.JS {
	d := jsonld.New(site)
	return func(v *View) template.JS {
		var crumbs [8]jsonld.Crumb // on the stack: trails are short
		p := jsonld.Page{URL: v.URL, Title: v.Title, Summary: v.Summary, Content: v.Page,
			NotFound: v.Layout == "404", Crumbs: crumbs[:0]}
		for _, c := range v.Crumbs {
			p.Crumbs = append(p.Crumbs, jsonld.Crumb(c))
		}
		return template.JS(d.JSON(p)) // #nosec: JSON, with <, > and & escaped
	}
}

// telURL turns a Finnish phone number into an international tel: link.
func telURL(s string) template.URL {
	var digits strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' || r == '+' {
			digits.WriteRune(r)
		}
	}
	d := digits.String()
	if strings.HasPrefix(d, "0") {
		d = "+358" + d[1:]
	}
	return template.URL("tel:" + d) // #nosec: only digits and +
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// partialDate writes a date as precisely as it is known, a day in full.
func partialDate(l *lang.Lang) func(model.PartialDate) string {
	rough := roughDate(l)
	return func(d model.PartialDate) string {
		if d.Precision == model.Day {
			return l.LongDate(d.Time)
		}
		return rough(d)
	}
}

// roughDate writes a date as precisely as it is known, a day short.
func roughDate(l *lang.Lang) func(model.PartialDate) string {
	return func(d model.PartialDate) string {
		switch {
		case !d.Through.IsZero():
			return l.MonthSpan(d.Time, d.Through)
		case d.Precision == model.Month:
			return l.MonthYear(d.Time)
		case d.Precision == model.Year:
			return strconv.Itoa(d.Year())
		}
		return l.Date(d.Time)
	}
}

func isoPartialDate(d model.PartialDate) string { return d.ISO() }

// eventTime writes when an event happens; an event whose days are not
// known, by its months.
func eventTime(l *lang.Lang) func(*model.Event) string {
	return func(e *model.Event) string {
		if e.Rough() {
			through := e.Start.Time
			if !e.End.IsZero() {
				through = e.End.Time
			}
			return l.MonthSpan(e.Start.Time, through)
		}
		return l.EventTime(e.Start.Time, e.End.Time, e.WholeDays())
	}
}

// dict makes a map of its key, value pairs, so that a partial can take more
// than one argument.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: odd number of arguments")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// feedLinks returns the function that gives a page's feeds. It asks
// package feeds once for the default and once for each news category,
// rather than once for each page; a category's later pages (…/sivu/2/)
// announce its feeds too.
func feedLinks(site *model.Site) func(url string) []feeds.Link {
	all := feeds.FeedLinks(site, "/")
	own := map[string][]feeds.Link{}
	for _, l := range site.Lists {
		if l.Section == nil || l.Section.Kind != model.KindNews || !strings.Contains(l.URL, "/luokka/") || l.Pager != nil && l.Pager.Page > 1 {
			continue
		}
		if links := feeds.FeedLinks(site, l.URL); len(links) != len(all) {
			own[l.URL] = links
		}
	}
	return func(url string) []feeds.Link {
		if i := strings.Index(url, "sivu/"); i > 0 {
			url = url[:i] // a later page of a list: its first page's feeds
		}
		if links, ok := own[url]; ok {
			return links
		}
		return all
	}
}

// otherLang returns the function that gives the code of a page's language
// when it differs from site's, else "".
func otherLang(site *model.Site) func(p *model.Page) string {
	own := langOf(site)
	def := site.Lang.Code
	if site.Languages != nil {
		def = site.Languages[0].Lang.Code
	}
	return func(p *model.Page) string {
		if p == nil || p.Lang == own {
			return ""
		}
		if p.Lang == "" {
			return def
		}
		return p.Lang
	}
}

// localPaths returns the function that gives a path of the default
// language (/tapahtumat/) in site's language, when site has that page
// (ix, the link index, knows every language's), else the default
// language's path.
func localPaths(site *model.Site, ix *linkIndex) func(u string) string {
	return func(u string) string {
		if site.Prefix != "" && ix.Has(site.Prefix+u) {
			return site.Prefix + u
		}
		return u
	}
}
