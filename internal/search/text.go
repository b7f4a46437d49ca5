package search

import (
	"html"
	"strings"
	"unicode/utf8"
)

// plainWriter collects the text of texts' pieces as a reader reads it,
// until it holds more than limit letters (limit < 0: no limit), ending in
// a word.
type plainWriter struct {
	b       []byte
	letters int // in b
	limit   int
	text    bool // the last byte written is not a space
	done    bool // past the limit: no more is wanted
}

// write adds a piece; it reports whether more are wanted.
func (w *plainWriter) write(s string, block bool) bool {
	if w.done {
		return false
	}
	if block {
		s = " "
	}
	// Runs of other bytes are written whole, with the single spaces
	// between their words; other white space, the no-break space (C2 A0)
	// too, becomes one space, and none at the start.
	for i := 0; i < len(s); {
		if n := spaceAt(s, i); n > 0 {
			if w.text {
				w.b = append(w.b, ' ')
				w.letters++
				w.text = false
			}
			i += n
			continue
		}
		// Past the limit the text needs but one more letter (cut): no run
		// is read further than the letters it still needs could take,
		// four bytes each, and nothing after it. Before, every piece of a
		// page after its excerpt was read too, at 10 000 generated pages
		// a twelfth of the index's instructions.
		end := len(s)
		if w.limit >= 0 {
			end = min(end, i+4*(w.limit+1-w.letters))
		}
		j := i + 1
		for j < end {
			if plainByte[s[j]] {
				j++
			} else if s[j] == ' ' && j+1 < len(s) && plainByte[s[j+1]] {
				j += 2 // one space between words
			} else if spaceAt(s, j) > 0 {
				break
			} else {
				j++ // a control character, or a C2 of no no-break space: as it is
			}
		}
		w.b = append(w.b, s[i:j]...)
		w.letters += utf8.RuneCountInString(s[i:j])
		w.text = true
		i = j
		if w.limit >= 0 && w.letters > w.limit {
			w.done = true // ending in a word, as cut wants
			return false
		}
	}
	return true
}

// plainByte tells the bytes that are neither white space nor can begin a
// no-break space (C2).
var plainByte = func() (t [256]bool) {
	for c := '!'; c < 256; c++ {
		t[c] = c != 0xc2
	}
	return t
}()

// String is the text, without a space at the end.
func (w *plainWriter) String() string { return strings.TrimSuffix(string(w.b), " ") }

// spaceAt is the length of the white space at s[i], 0 for none.
func spaceAt(s string, i int) int {
	switch c := s[i]; {
	case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f':
		return 1
	case c == 0xc2 && i+1 < len(s) && s[i+1] == 0xa0:
		return 2
	}
	return 0
}

// texts calls fn with the text between the tags of h, character
// references decoded, and with block true where a tag other than an
// inline one divides it, until fn returns false.
func texts(h string, fn func(text string, block bool) bool) {
	emit := func(s string) bool {
		if s == "" {
			return true
		}
		if strings.IndexByte(s, '&') >= 0 {
			s = html.UnescapeString(s)
		}
		return fn(s, false)
	}
	for len(h) > 0 {
		lt := strings.IndexByte(h, '<')
		if lt < 0 {
			emit(h)
			return
		}
		if !emit(h[:lt]) {
			return
		}
		h = h[lt:]
		switch {
		case strings.HasPrefix(h, "<!--"):
			end := strings.Index(h, "-->")
			if end < 0 {
				return
			}
			h = h[end+3:]
			continue
		case len(h) > 1 && h[1]|0x20 == 's' && (hasTagPrefix(h, "<script") || hasTagPrefix(h, "<style")):
			name := "</script"
			if hasTagPrefix(h, "<style") {
				name = "</style"
			}
			end := strings.Index(strings.ToLower(h), name)
			if end < 0 {
				return
			}
			h = h[end+1:] // the closing tag goes as any tag
		}
		gt := strings.IndexByte(h, '>')
		if gt < 0 {
			return
		}
		if !inline(h[1:gt]) && !fn("", true) {
			return
		}
		h = h[gt+1:]
	}
}

func hasTagPrefix(h, tag string) bool {
	if len(h) <= len(tag) || h[1]|0x20 != tag[1] || !strings.EqualFold(h[:len(tag)], tag) {
		return false
	}
	c := h[len(tag)]
	return c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '/'
}

// inline reports whether a tag (its text between < and >) is of an inline
// element, which does not divide words: <strong>kunta</strong>n.
func inline(tag string) bool {
	if tag != "" && tag[0] == '/' {
		tag = tag[1:]
	}
	if tag == "" {
		return false
	}
	switch tag[0] | 0x20 { // the first letter, lowercase, rules most tags out: p, li, h2, ul
	case 'a', 'b', 'c', 'd', 'e', 'i', 'k', 'm', 'q', 's', 't', 'u':
	default:
		return false
	}
	// The name, lowercased into a buffer: none of the inline ones is
	// longer than six letters.
	var name [6]byte
	n := 0
	for ; n < len(tag); n++ {
		c := tag[n]
		if c == ' ' || c == '\t' || c == '\n' || c == '/' {
			break
		}
		if n == len(name) {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		name[n] = c
	}
	switch string(name[:n]) {
	case "a", "abbr", "b", "code", "em", "i", "mark", "s", "small", "span", "strong", "sub", "sup", "u", "del", "ins", "kbd", "q", "time":
		return true
	}
	return false
}
