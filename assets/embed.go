// Package assets embeds seutu's default stylesheets, scripts and images. A
// site's own assets/ folder overrides them file by file; all are published
// under /assets/.
package assets

import "embed"

// FS holds the default assets.
//
//go:embed css js img
var FS embed.FS
