// The escapers below are those of Go's html/template (html.go, url.go,
// js.go and content.go), adapted to take one value and to refuse, rather
// than handle, the rare inputs that need html/template's HTML parser or
// encoding/json. Copyright 2011 The Go Authors; used under the BSD licence
// in LICENSE.go-authors. FuzzEscapers holds them to html/template's output.

package tmplexec

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
)

// contentType is html/template's: what a typed string (template.HTML, …)
// says its content is.
type contentType uint8

const (
	contentTypePlain contentType = iota
	contentTypeCSS
	contentTypeHTML
	contentTypeHTMLAttr
	contentTypeJS
	contentTypeJSStr
	contentTypeURL
	contentTypeSrcset
)

// escaper is one of html/template's escaping functions applied to s, of
// content type t. ok is false when html/template would need more than
// this package has: the caller falls back to html/template.
type escaper func(s string, t contentType) (out string, ok bool)

// escapers are html/template's escapers by the names its escaping gives
// them in a template's parse tree.
var escapers = map[string]escaper{
	"_html_template_htmlescaper":   htmlEscaper,
	"_html_template_attrescaper":   attrEscaper,
	"_html_template_rcdataescaper": rcdataEscaper,
	"_html_template_urlfilter":     urlFilter,
	"_html_template_urlnormalizer": urlNormalizer,
	"_html_template_urlescaper":    urlEscaper,
	"_html_template_jsvalescaper":  jsValEscaper,
}

const filterFailsafe = "ZgotmplZ"

var (
	stringType      = reflect.TypeFor[string]()
	errorType       = reflect.TypeFor[error]()
	fmtStringerType = reflect.TypeFor[fmt.Stringer]()
)

// stringify is html/template's stringify for the one argument an escaper
// gets: the pipeline's value as text/template passes it on.
func stringify(v reflect.Value) (string, contentType) {
	if v.IsValid() && v.Type() == stringType {
		return v.String(), contentTypePlain // the common case, without boxing
	}
	var a any
	if v.IsValid() {
		a = v.Interface()
	}
	switch s := indirect(a).(type) {
	case string:
		return s, contentTypePlain
	case template.CSS:
		return string(s), contentTypeCSS
	case template.HTML:
		return string(s), contentTypeHTML
	case template.HTMLAttr:
		return string(s), contentTypeHTMLAttr
	case template.JS:
		return string(s), contentTypeJS
	case template.JSStr:
		return string(s), contentTypeJSStr
	case template.URL:
		return string(s), contentTypeURL
	case template.Srcset:
		return string(s), contentTypeSrcset
	}
	if a == nil {
		// html/template skips an untyped nil: fmt.Sprint() is "".
		return "", contentTypePlain
	}
	return fmt.Sprint(indirectToStringerOrError(a)), contentTypePlain
}

// indirect dereferences a as often as it takes to reach a non-pointer
// (or nil).
func indirect(a any) any {
	if a == nil {
		return nil
	}
	if t := reflect.TypeOf(a); t.Kind() != reflect.Pointer {
		return a
	}
	v := reflect.ValueOf(a)
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v.Interface()
}

// indirectToStringerOrError dereferences a until it reaches a non-pointer,
// nil, a fmt.Stringer or an error.
func indirectToStringerOrError(a any) any {
	v := reflect.ValueOf(a)
	for !v.Type().Implements(fmtStringerType) && !v.Type().Implements(errorType) && v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v.Interface()
}

// htmlEscaper escapes for HTML text.
func htmlEscaper(s string, t contentType) (string, bool) {
	if t == contentTypeHTML {
		return s, true
	}
	return htmlReplacer(s, htmlReplacementTable), true
}

// attrEscaper escapes for a quoted attribute value. HTML content would
// first lose its tags, which takes html/template's parser.
func attrEscaper(s string, t contentType) (string, bool) {
	if t == contentTypeHTML {
		return "", false
	}
	return htmlReplacer(s, htmlReplacementTable), true
}

// rcdataEscaper escapes for the body of <title> or <textarea>.
func rcdataEscaper(s string, t contentType) (string, bool) {
	if t == contentTypeHTML {
		return htmlReplacer(s, htmlNormReplacementTable), true
	}
	return htmlReplacer(s, htmlReplacementTable), true
}

// htmlReplacementTable holds the runes escaped in text and quoted
// attribute values.
var htmlReplacementTable = []string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// htmlNormReplacementTable is htmlReplacementTable without '&', so that
// existing entities stay.
var htmlNormReplacementTable = []string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// htmlReplacer is html/template's with badRunes true, the only way the
// escapers above call it: s with the table's runes replaced. Every rune
// the tables replace is ASCII, and no byte of a multi-byte or invalid
// UTF-8 sequence is, so replacing bytes gives html/template's result.
func htmlReplacer(s string, table []string) string {
	i := 0
	for i < len(s) && (int(s[i]) >= len(table) || table[s[i]] == "") {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	written := 0
	for ; i < len(s); i++ {
		if c := s[i]; int(c) < len(table) && table[c] != "" {
			b.WriteString(s[written:i])
			b.WriteString(table[c])
			written = i + 1
		}
	}
	b.WriteString(s[written:])
	return b.String()
}

// urlFilter lets through relative URLs and those of http, https and
// mailto; any other is replaced with #ZgotmplZ unless typed template.URL.
func urlFilter(s string, t contentType) (string, bool) {
	if t == contentTypeURL {
		return s, true
	}
	if !isSafeURL(s) {
		return "#" + filterFailsafe, true
	}
	return s, true
}

func isSafeURL(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return false
		}
	}
	return true
}

// urlEscaper escapes for a URL's query.
func urlEscaper(s string, t contentType) (string, bool) {
	return urlProcessor(false, s, t), true
}

// urlNormalizer normalises a URL for a quoted attribute (but leaves '&'
// to attrEscaper).
func urlNormalizer(s string, t contentType) (string, bool) {
	return urlProcessor(true, s, t), true
}

func urlProcessor(norm bool, s string, t contentType) string {
	if t == contentTypeURL {
		norm = true
	}
	var b strings.Builder
	if processURLOnto(s, norm, &b) {
		return b.String()
	}
	return s
}

// processURLOnto appends the normalised or escaped s to b and reports
// whether that differs from s; when it does not, it appends nothing.
func processURLOnto(s string, norm bool, b *strings.Builder) bool {
	written := 0
	for i, n := 0, len(s); i < n; i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16) // most URLs need no escape: no builder
		}
		b.WriteString(s[written:i])
		b.Write([]byte{'%', hexLower[c>>4], hexLower[c&0xf]})
		written = i + 1
	}
	if written == 0 {
		return false // s as it is: nothing written
	}
	b.WriteString(s[written:])
	return true
}

const hexLower = "0123456789abcdef"

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// jsValEscaper handles the values a template hands a script as they are:
// template.JS and template.JSStr. Any other goes through encoding/json in
// html/template, which this package leaves to it.
func jsValEscaper(s string, t contentType) (string, bool) {
	switch t {
	case contentTypeJS:
		return s, true
	case contentTypeJSStr:
		return `"` + s + `"`, true
	}
	return "", false
}
