package cms

import (
	"crypto/sha256"
	"crypto/sha512"
	_ "embed"
	"encoding/base64"
	"encoding/hex"
	"html"
	"strings"
	"sync"
	"text/template"

	"seutu/internal/config"
)

// The editor's script, decap-cms's dist/decap-cms.js as the npm package
// pinned in tools/package-lock.json ships it, vendored so that a build
// (and `go run ./cmd/seutu serve` on a fresh clone) needs no npm; a test
// holds it to the lockfile's package. Its license notice goes beside it,
// where the script's first line points.
var (
	//go:embed decap/decap-cms.js
	script []byte
	//go:embed decap/decap-cms.js.LICENSE.txt
	scriptLicense []byte
	// Decap's interface in Finnish, ours: Decap ships none.
	//go:embed decap/fi.js
	localeFI []byte
)

// File is one file of /admin/.
type File struct {
	Path string // in the output folder: admin/index.html
	Data []byte
}

// ScriptName is the script's file name under /admin/: its content's hash
// in the name, so that a browser may keep it for ever and a new version
// is a new name. The names and integrity values are worked out once: the
// script is 5 MB, and every build publishing /admin/ asks for them.
func ScriptName() string { return scriptName() }

// LocaleName is the Finnish interface's file name under /admin/.
func LocaleName() string { return localeName() }

var (
	scriptName      = sync.OnceValue(func() string { return hashed("decap-cms", script) })
	scriptIntegrity = sync.OnceValue(func() string { return integrity(script) })
	localeName      = sync.OnceValue(func() string { return hashed("fi", localeFI) })
	localeIntegrity = sync.OnceValue(func() string { return integrity(localeFI) })
)

func hashed(base string, data []byte) string {
	sum := sha256.Sum256(data)
	return base + "." + hex.EncodeToString(sum[:5]) + ".js"
}

// Integrity is the script's Subresource Integrity value.
func Integrity() string { return scriptIntegrity() }

func integrity(data []byte) string {
	sum := sha512.Sum384(data)
	return "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
}

// Files returns the files the build publishes under /admin/ when
// site.toml's [cms] says enabled = true, else none: the editor's page
// (noindex, and linked from nowhere, so outside the sitemap and the
// search engines), its configuration and its script from the site itself.
// Every path is relative, so that the editor works wherever the site is.
func Files(c *config.Config) []File {
	if !c.CMS.Enabled {
		return nil
	}
	var page strings.Builder
	err := adminPage.Execute(&page, struct {
		Title, Script, Integrity, Locale, LocaleIntegrity string
	}{html.EscapeString(c.Title), ScriptName(), Integrity(), LocaleName(), localeIntegrity()})
	if err != nil {
		panic(err) // the template and its data are fixed
	}
	return []File{
		{"admin/index.html", []byte(page.String())},
		{"admin/config.yml", Config(c, Options{})},
		{"admin/" + ScriptName(), script},
		{"admin/" + LocaleName(), localeFI},
		{"admin/decap-cms.js.LICENSE.txt", scriptLicense},
	}
}

// adminPage is the editor's page; text/template, since the only text from
// the site is escaped above and the integrity value's + must stay as it is.
var adminPage = template.Must(template.New("admin").Parse(`<!doctype html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Sisällön muokkaus – {{.Title}}</title>
<link rel="cms-config-url" type="text/yaml" href="config.yml">
</head>
<body>
<noscript>Sisällön muokkaus tarvitsee JavaScriptin.</noscript>
<script src="{{.Script}}" integrity="{{.Integrity}}"></script>
<script src="{{.Locale}}" integrity="{{.LocaleIntegrity}}"></script>
</body>
</html>
`))
