package render

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"seutu/internal/model"
)

// redirectPage is what an old address serves: a page that sends the reader
// on at once, tells search engines where the page lives now, and shows a
// link for anyone whose browser does not follow it.
var redirectPage = template.Must(template.New("redirect").Parse(`<!doctype html>
<html lang="fi">
<head>
<meta charset="utf-8">
<title>Sivu on siirtynyt: {{.Title}}</title>
<link rel="canonical" href="{{.Canonical}}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.Target}}">
</head>
<body>
<p>Sivu on siirtynyt osoitteeseen <a href="{{.Target}}">{{.Title}}</a>.</p>
</body>
</html>
`))

// aliases writes a redirect page at each old address of a page, and
// _redirects, the list static hosts read to answer with a real 301.
func aliases(site *model.Site, ix *linkIndex, out *output) error {
	base := strings.TrimSuffix(site.Config.BaseURL, "/")
	var list bytes.Buffer
	for _, p := range site.Pages {
		for _, a := range p.Aliases {
			from := "/" + strings.Trim(a, "/") + "/"
			var page bytes.Buffer
			err := redirectPage.Execute(&page, map[string]string{
				"Title": p.Title, "Target": ix.rel(p.URL), "Canonical": base + p.URL,
			})
			if err != nil {
				return err
			}
			// The folder has the name a host decodes the address to; load
			// refused escapes that decode to a slash or a control character.
			folder, err := url.PathUnescape(from)
			if err != nil {
				return fmt.Errorf("alias %s: %w", a, err)
			}
			if err := out.put(strings.TrimPrefix(folder, "/")+"index.html", page.Bytes()); err != nil {
				return err
			}
			list.WriteString(ix.rel(from) + " " + ix.rel(p.URL) + " 301\n")
			if a != from && !strings.HasSuffix(a, "/") {
				list.WriteString(ix.rel("/"+strings.Trim(a, "/")) + " " + ix.rel(p.URL) + " 301\n")
			}
		}
	}
	if list.Len() == 0 {
		return nil
	}
	return out.put("_redirects", list.Bytes())
}
