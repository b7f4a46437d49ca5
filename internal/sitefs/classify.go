package sitefs

import (
	"path"
	"strings"

	"seutu/internal/lang"
)

// Role is what a file is to the site. The dev server watches the files
// that have one, and a rebuild decides from it what an edit can reach.
type Role int

const (
	Ignore  Role = iota // not part of the site
	Config              // content/site.toml
	Index               // an _index.md: a section's or the home page's intro
	Content             // a page
	Shared              // layouts/base.html or a partial: every page may show it
	Layout              // a layout of some pages
	Asset               // a file copied from assets/
)

// Classify tells what a path (slash-separated, relative to the site
// folder) is. Editors' temporary and backup files, hidden files, the
// output folder and anything outside content/, layouts/ and assets/ are
// ignored.
func Classify(p string) Role {
	p = strings.TrimPrefix(path.Clean(p), "./")
	base := path.Base(p)
	switch {
	case p == "." || strings.HasPrefix(p, "../"):
		return Ignore
	case strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") ||
		strings.HasSuffix(base, ".swx") || strings.HasSuffix(base, ".tmp") || base == "4913":
		return Ignore // vim, emacs and other editors' scratch files
	}
	for _, seg := range strings.Split(path.Dir(p), "/") {
		if strings.HasPrefix(seg, ".") && seg != "." {
			return Ignore
		}
	}
	top, _, _ := strings.Cut(p, "/")
	switch {
	case p == "content/site.toml":
		return Config
	case top == "content" && IsIndex(p):
		return Index
	case top == "content":
		return Content
	case p == "layouts/base.html" || strings.HasPrefix(p, "layouts/partials/"):
		return Shared
	case top == "layouts":
		return Layout
	case top == "assets":
		return Asset
	}
	return Ignore
}

// IsIndex reports whether a content path is an _index.md (or a
// translation of one, _index.sv.md), a section's or the home page's intro:
// load asks it of every file, so it is a comparison or two, not Classify.
func IsIndex(p string) bool {
	base := path.Base(p)
	if base == "_index.md" {
		return true
	}
	orig, code := SplitLang(base)
	return code != "" && orig == "_index.md"
}

// Original is SplitLang for a site whose default language is def: a file
// named with def's code (x.fi.md, as the web editor names it) is the
// original, x.md, and its code "".
func Original(p, def string) (orig, code string) {
	orig, code = SplitLang(p)
	if code == def {
		return orig, ""
	}
	return orig, code
}

// SplitLang splits a content file's path into its original's and the
// language of the translation it is: verkostot/x.sv.md gives
// verkostot/x.md and sv. A path without a language seutu knows before .md
// gives itself and "".
func SplitLang(p string) (orig, code string) {
	stem, ok := strings.CutSuffix(p, ".md")
	if !ok {
		return p, ""
	}
	dot := strings.LastIndexByte(stem, '.')
	if dot < 0 || strings.Contains(stem[dot:], "/") || lang.ByCode(stem[dot+1:]) == nil {
		return p, ""
	}
	return stem[:dot] + ".md", stem[dot+1:]
}
