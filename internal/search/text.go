package search

import (
	"bytes"
	"html"
	"math/bits"
	"strings"
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
	at      int  // when done, where in b the limit's letters end
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
		// Past the limit the text needs but one more letter (excerpt): no run
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
			if j+8 <= end {
				// Eight bytes at a time, to the first where the run may
				// stop: words and the single spaces between them go by.
				if m := runStops(load8(s[j:])); m != 0 {
					j += bits.TrailingZeros64(m) / 8
				} else {
					j += 8
					continue
				}
			}
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
		start, before := len(w.b), w.letters
		w.b = append(w.b, s[i:j]...)
		w.letters += letterCount(s[i:j])
		w.text = true
		if w.limit >= 0 && w.letters > w.limit {
			// Ending in a word, as excerpt wants; the limit fell in this
			// run, or on the space before it (one letter back).
			w.at = start + offsetOf(s[i:j], w.limit-before)
			w.done = true
			return false
		}
		i = j
	}
	return true
}

// textStops marks with a high bit each of the eight bytes of x that is not
// plainByte's; the lowest mark is exact, the ones above it may be wrong (a
// borrow). Reading an excerpt a byte at a time took 8 % of the index's
// instructions at 10 000 generated pages.
func textStops(x uint64) uint64 {
	space := (x - 0x21*ones) &^ x // a high bit where a byte is below 0x21 (one of 0x80 or more: never)
	c2 := x ^ 0xc2*ones
	c2 = (c2 - ones) &^ c2 // … where it is C2
	return (space | c2) & highs
}

// runStops marks with a high bit each of the eight bytes of x where a
// run of an excerpt may stop (plainWriter.write): a byte textStops marks
// (white space, a control character, C2), but not a space followed by a
// byte it does not mark, as between two words. A space in the last byte
// is marked, its follower unseen. The lowest mark is never past the
// first such byte, and before it only where a space is followed by a !
// (textStops' borrow), which write reads on. Stopping at every space
// made the excerpts' runs a word long: 6 million instructions more a
// build of 10 000 generated pages.
func runStops(x uint64) uint64 {
	stop := textStops(x)
	y := x ^ ' '*ones
	space := ^((y&^highs + 0x7f*ones) | y) & highs // where a byte is a space
	return stop&^space | space&(stop>>8|0x80<<56)
}

// plainByte tells the bytes above the space that cannot begin a no-break
// space (C2): a run of them is written as it is.
var plainByte = func() (t [256]bool) {
	for c := '!'; c < 256; c++ {
		t[c] = c != 0xc2
	}
	return t
}()

// excerpt is the text's first limit letters, ended at a space when one is
// near, and " …" when the text goes on; the whole text, but a space at its
// end, when it has no more letters than that.
func (w *plainWriter) excerpt() string {
	if !w.done {
		return string(bytes.TrimSuffix(w.b, []byte(" ")))
	}
	i := w.at
	if j := bytes.LastIndexByte(w.b[:i], ' '); j > i*3/4 {
		i = j
	}
	var b strings.Builder
	b.Grow(i + len(" …"))
	b.Write(w.b[:i])
	b.WriteString(" …")
	return b.String()
}

// letterCount is the number of letters of s: of its bytes, those that
// do not continue a UTF-8 sequence (10xxxxxx), eight bytes at a time. For
// UTF-8, as a page's text is (load refuses any other), that is
// utf8.RuneCountInString(s); a stray byte of a sequence counts with the
// letter before it. Counting rune by rune, and then eight bytes at a time
// where they held at most one letter beyond ASCII (ä and ö, which fall
// across the eights), took 40 million of the index's instructions at
// 10 000 generated pages; this takes 27 (callgrind).
func letterCount(s string) int {
	n, i := len(s), 0
	for ; i+8 <= len(s); i += 8 {
		n -= bits.OnesCount64(follows(load8(s[i:])))
	}
	for ; i < len(s); i++ {
		if s[i]&0xc0 == 0x80 {
			n--
		}
	}
	return n
}

// follows marks with a high bit each of the eight bytes of x that
// continues a UTF-8 sequence: 10xxxxxx.
func follows(x uint64) uint64 { return x &^ (x << 1) & highs }

// offsetOf is where in s its first n letters (letterCount) end: where its
// letter n+1 begins, or len(s); n of -1 is -1, the byte before s.
func offsetOf(s string, n int) int {
	if n < 0 {
		return n
	}
	i := 0
	for ; i+8 <= len(s); i += 8 {
		k := 8 - bits.OnesCount64(follows(load8(s[i:])))
		if k > n {
			break
		}
		n -= k
	}
	for ; i < len(s); i++ {
		if s[i]&0xc0 != 0x80 {
			if n == 0 {
				return i
			}
			n--
		}
	}
	return len(s)
}

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

// readBody reads the text between the tags of the HTML h, character
// references decoded: it counts its words in c (the text field) and
// writes it to ex until ex wants no more, with a space where a tag other
// than an inline one divides it. Until then it cuts the text into pieces
// at the tags (nextTag); after, c counts the words from the HTML as it
// stands (dict.html), and only a piece with a character reference is
// decoded. Against calling a function for each piece and each tag,
// analysing the generated 10 000 pages went from 900 to 868 million
// instructions, and counting the words past the excerpt in place took it
// from 860 to 825 (callgrind); FuzzExcerpt holds it to a reader of
// pieces.
func readBody(h string, c *dict, ex *plainWriter) {
	for h != "" && !ex.done {
		text, tag, isTag, rest := nextTag(h)
		if text != "" {
			text = unescape(text)
			c.text(text, fieldText)
			ex.write(text, false)
		}
		if isTag && !ex.done && !inline(tag) {
			ex.write("", true)
		}
		h = rest
	}
	// Past the excerpt the words alone are wanted: they are counted from
	// the HTML as it stands, up to each tag or character reference, not
	// from its pieces cut out and decoded one by one.
	for h != "" {
		h = h[c.html(h):]
		switch {
		case h == "":
		case h[0] == '<' && len(h) > 1 && h[1] != '!' && h[1]|0x20 != 's':
			// A tag, neither a comment nor a script or style: it ends at
			// its >, as nextTag has it. nextTag took 156 instructions a
			// tag here: 58 million a build of 10 000 generated pages,
			// against 258 million for counting the words between.
			if gt := strings.IndexByte(h, '>'); gt >= 0 {
				h = h[gt+1:]
			} else {
				h = ""
			}
		case h[0] == '<':
			_, _, _, h = nextTag(h)
		default: // a character reference, in the word at h or at its start: the text to the next tag, decoded
			end := strings.IndexByte(h, '<')
			if end < 0 {
				end = len(h)
			}
			c.text(html.UnescapeString(h[:end]), fieldText)
			h = h[end:]
		}
	}
}

// nextTag splits h at its first tag: the text before it, the tag's text
// between < and > when there is one (isTag; a comment is none), and the
// rest of h after it. A script's or a style's content is passed over,
// their closing tag being the tag; rest is "" when a tag, a comment or a
// script does not end, as h does then.
func nextTag(h string) (text, tag string, isTag bool, rest string) {
	lt := strings.IndexByte(h, '<')
	if lt < 0 {
		return h, "", false, ""
	}
	text, h = h[:lt], h[lt:]
	switch {
	case strings.HasPrefix(h, "<!--"):
		end := strings.Index(h, "-->")
		if end < 0 {
			return text, "", false, ""
		}
		return text, "", false, h[end+3:]
	case len(h) > 1 && h[1]|0x20 == 's' && (hasTagPrefix(h, "<script") || hasTagPrefix(h, "<style")):
		name := "</script"
		if hasTagPrefix(h, "<style") {
			name = "</style"
		}
		end := closingTag(h, name)
		if end < 0 {
			return text, "", false, ""
		}
		h = h[end+1:] // the closing tag goes as any tag
	}
	gt := strings.IndexByte(h, '>')
	if gt < 0 {
		return text, "", false, ""
	}
	return text, h[1:gt], true, h[gt+1:]
}

// unescape decodes the character references of s, if it has any.
func unescape(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		return html.UnescapeString(s)
	}
	return s
}

// closingTag is where in h the text name (</script, </style) first is,
// its letters in either case, or -1. Tag names are ASCII, and only their
// ASCII letters' case is folded, as HTML does: strings.ToLower, which
// this replaced, changes the length of some letters (İ, Ⱥ; and of bytes
// that are not UTF-8), and an index in its result could fall past the
// end of h (FuzzExcerpt found it).
func closingTag(h, name string) int {
	for i := 0; ; i += 2 {
		k := strings.Index(h[i:], "</")
		if k < 0 {
			return -1
		}
		i += k
		if len(h)-i >= len(name) && equalFoldASCII(name, h[i:i+len(name)]) {
			return i
		}
	}
}

func hasTagPrefix(h, tag string) bool {
	if len(h) <= len(tag) || h[1]|0x20 != tag[1] || !equalFoldASCII(tag, h[:len(tag)]) {
		return false
	}
	c := h[len(tag)]
	return c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '/'
}

// inlineNames are the inline elements, which do not divide words:
// <strong>kunta</strong>n. inline has them as numbers.
var inlineNames = []string{"a", "abbr", "b", "code", "em", "i", "mark", "s", "small", "span", "strong", "sub", "sup", "u", "del", "ins", "kbd", "q", "time"}

// inline reports whether a tag (its text between < and >) is of an inline
// element (inlineNames).
func inline(tag string) bool {
	if tag != "" && tag[0] == '/' {
		tag = tag[1:]
	}
	if tag == "" {
		return false
	}
	switch tag[0] | 0x20 { // the first letter, lowercase, rules most tags out: p, li, h2, ul
	case 'a', 'b', 'c', 'd', 'e', 'i', 'k', 'm', 'q', 's', 'u':
	case 't':
		if len(tag) < 2 || tag[1]|0x20 != 'i' {
			return false // td, tr, table: of the names with t, only time's goes on with i
		}
	default:
		return false
	}
	// The name, lowercased, as a number (its first letter lowest, its
	// length highest): none of the inline ones is longer than six
	// letters, and numbers compare faster than strings: reading tags took
	// 8 % of the index's instructions at 10 000 generated pages.
	var name uint64
	n := 0
	for ; n < len(tag); n++ {
		c := tag[n]
		if c == ' ' || c == '\t' || c == '\n' || c == '/' {
			break
		}
		if n == 6 {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		name |= uint64(c) << (8 * n)
	}
	switch name | uint64(n)<<56 { // its length in the top byte
	case 0x100000000000061,
		0x400000072626261,
		0x100000000000062,
		0x400000065646f63,
		0x200000000006d65,
		0x100000000000069,
		0x40000006b72616d,
		0x100000000000073,
		0x500006c6c616d73,
		0x40000006e617073,
		0x600676e6f727473,
		0x300000000627573,
		0x300000000707573,
		0x100000000000075,
		0x3000000006c6564,
		0x300000000736e69,
		0x30000000064626b,
		0x100000000000071,
		0x4000000656d6974:
		return true // inlineNames, in order
	}
	return false
}
