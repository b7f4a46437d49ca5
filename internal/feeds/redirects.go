package feeds

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"seutu/internal/lang"
	"seutu/internal/model"
)

// redirectPage is what an old address serves: a page that sends the reader
// on at once, tells search engines where the page lives now, and shows a
// link for anyone whose browser does not follow it.
var redirectPage = template.Must(template.New("redirect").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Moved}}: {{.Title}}</title>
<link rel="canonical" href="{{.Canonical}}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.Target}}">
</head>
<body>
<p>{{.MovedTo.Before}}<a href="{{.Target}}">{{.Title}}</a>{{.MovedTo.After}}</p>
</body>
</html>
`))

// Redirects returns a redirect page at each old address (aliases:) of a
// page, and _redirects, the list static hosts read to answer with a real
// 301; nothing when no page has aliases. base is the site's base path
// ("/", or "/alakansio/" for a site under a folder), which every address
// in them starts with, as the pages' own links do.
func Redirects(site *model.Site, base string) ([]File, error) {
	rel := func(u string) string {
		if !strings.HasPrefix(u, "/") || base == "/" {
			return u
		}
		return base + strings.TrimPrefix(u, "/")
	}
	abs := strings.TrimSuffix(site.Config.BaseURL, "/")
	l := lang.Or(site.Lang)
	var out []File
	var list bytes.Buffer
	for _, p := range site.Pages {
		for _, a := range p.Aliases {
			from := "/" + strings.Trim(a, "/") + "/"
			var page bytes.Buffer
			err := redirectPage.Execute(&page, map[string]any{
				"Title": p.Title, "Target": rel(p.URL), "Canonical": abs + p.URL,
				"Lang": l.Code, "Moved": l.T("Sivu on siirtynyt"), "MovedTo": l.Around("Sivu on siirtynyt osoitteeseen %s."),
			})
			if err != nil {
				return nil, err
			}
			// The folder has the name a host decodes the address to; load
			// refused escapes that decode to a slash or a control character.
			folder, err := url.PathUnescape(from)
			if err != nil {
				return nil, fmt.Errorf("alias %s: %w", a, err)
			}
			out = append(out, File{Path: strings.TrimPrefix(folder, "/") + "index.html", Data: page.Bytes()})
			list.WriteString(rel(from) + " " + rel(p.URL) + " 301\n")
			if a != from && !strings.HasSuffix(a, "/") {
				list.WriteString(rel("/"+strings.Trim(a, "/")) + " " + rel(p.URL) + " 301\n")
			}
		}
	}
	if list.Len() == 0 {
		return out, nil
	}
	return append(out, File{Path: "_redirects", Data: list.Bytes()}), nil
}
