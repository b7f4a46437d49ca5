package write

import (
	"path"
	"regexp"
	"sync/atomic"
	"time"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Sink receives the files of a site: Dir, Memory and Discard are Sinks.
// Put may be called from many goroutines at once, and must not keep data
// once it returns: its caller may reuse it.
type Sink interface {
	Put(path string, data []byte) error
}

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

// Output is the write stage in front of a Sink: every file of a build
// goes through it, minified when the build minifies, with the bytes
// counted before and after and the time spent in it summed.
//
// Put minifies CSS, JS, SVG, JSON, XML and HTML by the file's extension;
// Final writes bytes that are final already: the pages, which their
// squeezed layouts made small (package render), and the assets, which
// render minified through Minify ahead of writing, to name them by their
// content's hash. An Output is safe for concurrent use.
type Output struct {
	sink   Sink
	minify bool
	before atomic.Int64
	after  atomic.Int64
	busy   atomic.Int64 // nanoseconds, summed over the goroutines
}

// NewOutput returns the write stage into sink, minifying when minify is
// set.
func NewOutput(sink Sink, minify bool) *Output { return &Output{sink: sink, minify: minify} }

// Minify returns data minified for its file's type, or as it is when
// minifying is off, the type is not minified, or the minifier fails (a
// page is better served whole than lost). It is for bytes that must be
// final before they are written, to be hashed; Put minifies by itself.
func (o *Output) Minify(p string, data []byte) []byte {
	start := time.Now()
	defer o.since(start)
	return o.shrink(p, data)
}

// Put minifies and writes one file.
func (o *Output) Put(p string, data []byte) error {
	start := time.Now()
	defer o.since(start)
	return o.put(p, o.shrink(p, data), len(data))
}

// Final writes data as it is; it was size bytes before minifying.
func (o *Output) Final(p string, data []byte, size int) error {
	start := time.Now()
	defer o.since(start)
	return o.put(p, data, size)
}

func (o *Output) shrink(p string, data []byte) []byte {
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

func (o *Output) put(p string, data []byte, size int) error {
	o.before.Add(int64(size))
	o.after.Add(int64(len(data)))
	return o.sink.Put(p, data)
}

func (o *Output) since(start time.Time) { o.busy.Add(int64(time.Since(start))) }

// Bytes returns the bytes written so far, counted before and after
// minifying.
func (o *Output) Bytes() (before, after int64) { return o.before.Load(), o.after.Load() }

// Busy returns the time spent writing so far (minifying included), summed
// over the goroutines that wrote: with pages written on every core as they
// render, it can be more than the time that passed.
func (o *Output) Busy() time.Duration { return time.Duration(o.busy.Load()) }
