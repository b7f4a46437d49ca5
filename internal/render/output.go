package render

import (
	"path"
	"regexp"
	"sync/atomic"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// minifier is built once: minify.M is safe for concurrent use once its
// minifiers are added.
var minifier = newMinifier()

// mediaTypes maps the extensions seutu minifies to their media types.
// Calendars (.ics) are left as they are: their line folding is exact.
var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".svg":  "image/svg+xml",
	".json": "application/json",
	".xml":  "text/xml",
}

func newMinifier() *minify.M {
	m := minify.New()
	// The document tags stay: <html lang="fi"> must keep its language.
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.Add("text/css", &css.Minifier{})
	m.AddRegexp(regexp.MustCompile("^(application|text)/(x-)?(java|ecma)script$"), &js.Minifier{})
	m.Add("image/svg+xml", &svg.Minifier{})
	m.Add("application/json", &json.Minifier{})
	m.AddRegexp(regexp.MustCompile(`^(application|text)/(.+\+)?xml$`), &xml.Minifier{})
	return m
}

// output is the one way render writes a file: minified when asked, then
// put into the sink, with the bytes counted before and after.
type output struct {
	sink   Sink
	minify bool
	before atomic.Int64
	after  atomic.Int64
}

// shrink returns data minified for its file's type, or as it is when
// minifying is off, the type is not minified, or the minifier fails (a
// page is better served whole than lost).
func (o *output) shrink(p string, data []byte) []byte {
	mt, ok := mediaTypes[path.Ext(p)]
	if !o.minify || !ok {
		return data
	}
	small, err := minifier.Bytes(mt, data)
	if err != nil {
		return data
	}
	return small
}

// put minifies and writes one file.
func (o *output) put(p string, data []byte) error {
	return o.write(p, o.shrink(p, data), len(data))
}

// write writes data, which was size bytes before minifying.
func (o *output) write(p string, data []byte, size int) error {
	o.before.Add(int64(size))
	o.after.Add(int64(len(data)))
	return o.sink.Put(p, data)
}
