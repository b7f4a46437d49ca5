package search

import (
	"html"
	"strings"
)

// PlainText returns the text of an HTML fragment (a page's body as
// package markdown made it): tags dropped, with a space for a block's
// (not for <strong>, <a>, …), the contents of script and style elements and comments
// left out, character references decoded, and runs of white space made
// one space.
func PlainText(h string) string {
	var b strings.Builder
	b.Grow(len(h))
	space := true // trim the start
	emit := func(s string) {
		if strings.IndexByte(s, '&') >= 0 {
			s = html.UnescapeString(s)
		}
		for _, r := range s {
			if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == 0xa0 {
				if !space {
					b.WriteByte(' ')
					space = true
				}
				continue
			}
			b.WriteRune(r)
			space = false
		}
	}
	for len(h) > 0 {
		lt := strings.IndexByte(h, '<')
		if lt < 0 {
			emit(h)
			break
		}
		emit(h[:lt])
		h = h[lt:]
		switch {
		case strings.HasPrefix(h, "<!--"):
			end := strings.Index(h, "-->")
			if end < 0 {
				h = ""
				continue
			}
			h = h[end+3:]
			continue
		case hasTagPrefix(h, "<script"), hasTagPrefix(h, "<style"):
			name := "</script"
			if hasTagPrefix(h, "<style") {
				name = "</style"
			}
			end := strings.Index(strings.ToLower(h), name)
			if end < 0 {
				h = ""
				continue
			}
			h = h[end+1:] // the closing tag goes as any tag
		}
		gt := strings.IndexByte(h, '>')
		if gt < 0 {
			break
		}
		if !inline(h[1:gt]) {
			emit(" ")
		}
		h = h[gt+1:]
	}
	return strings.TrimSuffix(b.String(), " ")
}

func hasTagPrefix(h, tag string) bool {
	if len(h) <= len(tag) || !strings.EqualFold(h[:len(tag)], tag) {
		return false
	}
	c := h[len(tag)]
	return c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '/'
}

// inline reports whether a tag (its text between < and >) is of an inline
// element, which does not divide words: <strong>kunta</strong>n.
func inline(tag string) bool {
	tag = strings.TrimPrefix(tag, "/")
	if i := strings.IndexAny(tag, " \t\n/"); i >= 0 {
		tag = tag[:i]
	}
	switch strings.ToLower(tag) {
	case "a", "abbr", "b", "code", "em", "i", "mark", "s", "small", "span", "strong", "sub", "sup", "u", "del", "ins", "kbd", "q", "time":
		return true
	}
	return false
}
