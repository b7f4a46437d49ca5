package model

import (
	"slices"
	"strings"

	"seutu/internal/sitefs"
)

// Coverage is how much of the site one language other than the default
// has: what an editor needs to see the gap (a city's youth council found
// its Swedish and English pages far thinner than the Finnish ones).
type Coverage struct {
	Lang       string
	Translated []*Page // the default language's pages (drafts left out) with a translation into Lang, by file
	Missing    []*Page // those without one, by file
	Stale      []Stale // translations updated before their original was
}

// Pages counts the default language's pages, drafts left out.
func (c *Coverage) Pages() int { return len(c.Translated) + len(c.Missing) }

// Stale is a translation older than its original.
type Stale struct {
	Translation, Original *Page
}

// Coverage reports, for each language of the site but the default, the
// pages without a translation and the translations whose updated date is
// before their original's. Information for editors, not errors.
func (c *Content) Coverage() []Coverage {
	if c.Config == nil || len(c.Config.Languages) < 2 {
		return nil
	}
	byFile := map[string]*Page{}
	var pages []*Page
	for _, p := range c.Pages {
		if !p.Draft {
			orig, _ := sitefs.SplitLang(p.File) // x.md, or x.fi.md as the web editor names it
			byFile[orig] = p
			pages = append(pages, p)
		}
	}
	slices.SortFunc(pages, func(a, b *Page) int { return strings.Compare(a.File, b.File) })
	var out []Coverage
	for _, code := range c.Config.Languages[1:] {
		cov := Coverage{Lang: code}
		has := map[*Page]bool{}
		for _, tr := range c.Translations {
			if tr.Lang != code || tr.Draft {
				continue
			}
			name, _ := sitefs.SplitLang(tr.File)
			orig := byFile[name]
			if orig == nil {
				continue
			}
			has[orig] = true
			if !orig.Updated.IsZero() && tr.Updated.Before(orig.Updated) {
				cov.Stale = append(cov.Stale, Stale{tr, orig})
			}
		}
		for _, p := range pages {
			if has[p] {
				cov.Translated = append(cov.Translated, p)
			} else {
				cov.Missing = append(cov.Missing, p)
			}
		}
		slices.SortFunc(cov.Stale, func(a, b Stale) int { return strings.Compare(a.Translation.File, b.Translation.File) })
		out = append(out, cov)
	}
	return out
}
