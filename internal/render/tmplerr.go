package render

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"seutu/internal/diag"
)

// templateDiag turns an error of html/template (parsing, escaping or
// executing a layout) or of tmplexec into the diagnostic's position and
// message, so that a layout's fault is reported as a content file's is:
// at the file, line and column of the fault, and the message without the
// name and prefix html/template puts first.
//
// The shapes, from text/template and html/template:
//
//	template: NAME:LINE: MSG                                     parsing
//	template: NAME:LINE:COL: executing "T" at <ACTION>: MSG      executing
//	template: NAME: MSG                                          executing, no node
//	html/template:NAME:LINE:COL: MSG                             escaping, at a node
//	html/template:NAME:LINE: MSG, html/template:NAME: MSG        escaping, no node
//	html/template: MSG, template: MSG                            no name
//
// NAME with a line is the file the fault is in (text/template's
// ParseName: a partial's file when the fault is in a partial), and COL a
// byte offset from 0; diagnostics count columns from 1, in characters, as
// the content's do, so sources (file → text, may be nil) gives the line's
// text to count them in. NAME without a line is the template being
// escaped or run (html/template names the entry, base.html, whatever
// layout holds the fault), so such an error, and one with no place at all
// (tmplexec's), is put at layout, its name kept in the message.
//
// A template function may fail with a template's error: card and cached
// run a partial. The diagnostic is then at the innermost fault with a
// line, and the calls that led there follow in the message.
func templateDiag(err error, layout string, sources map[string]string) (diag.Pos, string) {
	// The layers: each error of the chain whose text is a template's and
	// ends the text of the one before (text/template wraps a function's
	// error with %w).
	texts := []string{err.Error()}
	for e := errors.Unwrap(err); e != nil; e = errors.Unwrap(e) {
		t, last := e.Error(), texts[len(texts)-1]
		if t != last && isTemplateText(t) && strings.HasSuffix(last, t) {
			texts = append(texts, t)
		}
	}
	layers := make([]tmplLayer, len(texts))
	at := -1 // the innermost layer with a line
	for i, t := range texts {
		layers[i] = parseTemplateText(t)
		if layers[i].line > 0 {
			at = i
		}
	}
	if at < 0 {
		l := layers[0]
		if l.name == "" || l.name == layout {
			return diag.Pos{File: layout}, l.msg
		}
		return diag.Pos{File: layout}, l.name + ": " + l.msg
	}
	l := layers[at]
	pos := diag.Pos{File: l.name, Line: l.line, Col: l.column(sources)}
	msg := l.msg
	// "executing "layouts/x.html"" repeats the position's file; a
	// define's name ("main") does not.
	if rest, ok := strings.CutPrefix(msg, `executing "`+l.name+`" `); ok {
		msg = rest
	}
	// The outer layers are the calls that led to the fault: each one's own
	// text, without the inner layer's that it ends with.
	var from []string
	for i := range at {
		own := strings.TrimSuffix(texts[i], texts[i+1])
		o := parseTemplateText(strings.TrimRight(own, ": "))
		p := diag.Pos{File: o.name, Line: o.line, Col: o.column(sources)}.String()
		if p == "" && o.name != "" {
			p = o.name
		}
		if p != "" {
			p += ": "
		}
		from = append(from, p+o.msg)
	}
	if len(from) > 0 {
		msg += " (from " + strings.Join(from, "; ") + ")"
	}
	return pos, msg
}

// templateErrorf adds err to diags as templateDiag places it.
func templateErrorf(diags *diag.List, err error, layout string, sources map[string]string) {
	pos, msg := templateDiag(err, layout, sources)
	diags.Errorf(pos, "%s", msg)
}

// tmplLayer is one template error's text, taken apart.
type tmplLayer struct {
	name      string // the template's, or its file's; "" when not given
	line, col int    // col: text/template's byte offset from 0; line 0: not given
	hasCol    bool
	msg       string // the rest, or the whole text when it is no template's
}

var (
	// A name is taken to run up to the first colon, and to hold no space
	// or quote: `template: "x" is undefined` names none.
	tmplLineCol = regexp.MustCompile(`(?s)^([^\s:"]+):(\d+):(\d+): (.*)$`)
	tmplLine    = regexp.MustCompile(`(?s)^([^\s:"]+):(\d+): (.*)$`)
	tmplName    = regexp.MustCompile(`(?s)^([^\s:"]+): (.*)$`)
)

func isTemplateText(s string) bool {
	return strings.HasPrefix(s, "template: ") || strings.HasPrefix(s, "html/template:")
}

func parseTemplateText(s string) tmplLayer {
	rest, ok := strings.CutPrefix(s, "template: ")
	if !ok {
		if rest, ok = strings.CutPrefix(s, "html/template:"); !ok {
			return tmplLayer{msg: s} // tmplexec's, or a function's
		}
		if r, ok := strings.CutPrefix(rest, " "); ok {
			return tmplLayer{msg: r} // html/template: MSG
		}
	}
	if m := tmplLineCol.FindStringSubmatch(rest); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		return tmplLayer{name: m[1], line: line, col: col, hasCol: true, msg: m[4]}
	}
	if m := tmplLine.FindStringSubmatch(rest); m != nil {
		line, _ := strconv.Atoi(m[2])
		return tmplLayer{name: m[1], line: line, msg: m[3]}
	}
	if m := tmplName.FindStringSubmatch(rest); m != nil {
		return tmplLayer{name: m[1], msg: m[2]}
	}
	return tmplLayer{msg: rest}
}

// column is the layer's column from 1 in characters: the byte offset
// counted in the characters of its line, when the source is at hand and
// holds it; else the offset plus one.
func (l tmplLayer) column(sources map[string]string) int {
	if !l.hasCol || l.line == 0 {
		return 0
	}
	src, ok := sources[l.name]
	for i := 1; ok && i < l.line; i++ {
		_, src, ok = strings.Cut(src, "\n")
	}
	if line, _, _ := strings.Cut(src, "\n"); ok && l.col <= len(line) {
		return utf8.RuneCountInString(line[:l.col]) + 1
	}
	return l.col + 1
}
