package render

import (
	"bytes"
	"html/template"
	"text/template/parse"
)

// squeeze minifies the layouts themselves, once, instead of every page
// they make: in each template's text, a run of white space that holds a
// line break becomes one line break. HTML shows any run of white space as
// one space, so the page looks the same, and what the templates indent
// for their authors stops costing every reader (at 10 000 pages the HTML
// minifier took about a sixth of the build to save 5 %; this saves most of
// those bytes at no cost per page).
//
// The text of <pre>, <textarea>, <script> and <style> keeps its white
// space: there it is content. squeeze runs before html/template escapes
// the set, and escaping sees the same contexts: a line break still ends an
// unquoted attribute value and a JavaScript line comment.
func squeeze(set *template.Template) {
	for _, t := range set.Templates() {
		if t.Tree == nil || t.Tree.Root == nil {
			continue
		}
		var raw rawText
		squeezeNode(t.Tree.Root, &raw)
	}
}

func squeezeNode(n parse.Node, raw *rawText) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			squeezeNode(c, raw)
		}
	case *parse.TextNode:
		n.Text = raw.squeeze(n.Text)
	case *parse.IfNode:
		squeezeNode(n.List, raw)
		squeezeNode(n.ElseList, raw)
	case *parse.RangeNode:
		squeezeNode(n.List, raw)
		squeezeNode(n.ElseList, raw)
	case *parse.WithNode:
		squeezeNode(n.List, raw)
		squeezeNode(n.ElseList, raw)
	}
}

// rawText follows the template's text in order, to know when it is inside
// an element whose white space matters.
type rawText struct {
	end []byte // the closing tag being waited for, as "</pre"; nil outside
}

var rawElements = [][]byte{[]byte("pre"), []byte("textarea"), []byte("script"), []byte("style")}

// squeeze returns text with its line-breaking white-space runs made single
// line breaks, except inside raw elements.
func (r *rawText) squeeze(text []byte) []byte {
	out := make([]byte, 0, len(text))
	for i := 0; i < len(text); {
		if r.end != nil {
			j := indexFold(text[i:], r.end)
			if j < 0 {
				return append(out, text[i:]...)
			}
			out = append(out, text[i:i+j+len(r.end)]...)
			i += j + len(r.end)
			r.end = nil
			continue
		}
		c := text[i]
		if c == '<' {
			if name := rawStart(text[i+1:]); name != nil {
				r.end = append([]byte("</"), name...)
			}
			out = append(out, c)
			i++
			continue
		}
		if !isSpace(c) {
			out = append(out, c)
			i++
			continue
		}
		j := i
		for j < len(text) && isSpace(text[j]) {
			j++
		}
		switch {
		case endsBlockTag(out) || startsBlockTag(text[j:]):
			// White space beside a block's tag starts or ends a line,
			// where HTML shows none.
		case bytes.IndexByte(text[i:j], '\n') >= 0:
			out = append(out, '\n')
		default:
			out = append(out, text[i:j]...)
		}
		i = j
	}
	return out
}

// blockElements are the elements that begin and end a line (or are not
// shown at all), so that white space beside their tags shows nothing.
var blockElements = map[string]bool{
	"html": true, "head": true, "body": true, "title": true, "meta": true, "link": true,
	"header": true, "footer": true, "main": true, "nav": true, "section": true, "article": true, "aside": true,
	"div": true, "p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "hgroup": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true,
	"table": true, "caption": true, "thead": true, "tbody": true, "tfoot": true, "tr": true, "th": true, "td": true,
	"figure": true, "figcaption": true, "blockquote": true, "address": true, "details": true, "summary": true,
	"form": true, "fieldset": true, "legend": true, "hr": true, "noscript": true,
}

// endsBlockTag reports whether out ends with a block element's tag: its
// last '>' closes a tag that the last '<' opened, outside quotes, as in
// <div class="a">, not <div title="a > b or <li>a -> b.
func endsBlockTag(out []byte) bool {
	if len(out) == 0 || out[len(out)-1] != '>' {
		return false
	}
	lt := bytes.LastIndexByte(out, '<')
	if lt < 0 || !isBlockTag(out[lt+1:]) {
		return false
	}
	var quote byte
	for i, c := range out[lt+1:] {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return lt+1+i == len(out)-1
		}
	}
	return false
}

// startsBlockTag reports whether s starts with a block element's tag.
func startsBlockTag(s []byte) bool {
	return len(s) > 0 && s[0] == '<' && isBlockTag(s[1:])
}

// isBlockTag reports whether s, just after a '<', names a block element,
// in a start or an end tag.
func isBlockTag(s []byte) bool {
	s = bytes.TrimPrefix(s, []byte("/"))
	n := 0
	for n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z' || s[n] >= '0' && s[n] <= '9') {
		n++
	}
	if n == 0 || n == len(s) {
		return false
	}
	switch s[n] {
	case '>', ' ', '\t', '\n', '\r', '\f', '/':
		return blockElements[string(bytes.ToLower(s[:n]))]
	}
	return false
}

// rawStart returns the raw element's name when s (just after a '<')
// starts one of their start tags.
func rawStart(s []byte) []byte {
	for _, name := range rawElements {
		if len(s) > len(name) && bytes.EqualFold(s[:len(name)], name) {
			switch s[len(name)] {
			case '>', ' ', '\t', '\n', '\r', '\f', '/':
				return name
			}
		}
	}
	return nil
}

// indexFold is bytes.Index without regard to ASCII case.
func indexFold(s, sep []byte) int {
	for i := 0; i+len(sep) <= len(s); i++ {
		if bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
