package live

import (
	"path"
	"strings"
)

// Kind is what a changed path is to the site.
type Kind int

const (
	Ignore Kind = iota
	Content
	Config
	Layout
	Asset
)

// Classify tells what a changed path (slash-separated, relative to the
// site folder) is. Editors' temporary and backup files, hidden files, the
// output folder and anything outside content/, layouts/ and assets/ are
// ignored.
func Classify(p string) Kind {
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
	case top == "content":
		return Content
	case top == "layouts":
		return Layout
	case top == "assets":
		return Asset
	}
	return Ignore
}
