// Package layouts embeds seutu's default html/template layouts, so that a
// site folder with only content/ builds. A site's own layouts/ folder
// overrides them file by file.
package layouts

import "embed"

// FS holds the default layouts: base.html, one per kind, the derived pages'
// and partials/.
//
//go:embed *.html partials/*.html
var FS embed.FS
