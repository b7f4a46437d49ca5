package search

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// counter counts a document's words by field: the words as Words gives
// them, stop words left out. It is analyse's hot loop, so it splits and
// counts in one pass: a word is looked up by a hash of its lowercase
// bytes in a table of its own, and lowercased into a new string only the
// first time a document has it (FuzzCounter holds it to Words).
type counter struct {
	slots  []slot // open addressing; len a power of two
	used   int
	words  []string // each once, lowercase
	counts [][numFields]uint16
	stops  []string // the stop words met
	lang   *Analyzer
}

type slot struct {
	hash uint64
	idx  int32 // 1 + the word's place in words; -1 - its place in stops; 0 empty
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func (c *counter) reset() {
	clear(c.slots)
	c.used = 0
	c.words, c.counts, c.stops = c.words[:0], c.counts[:0], c.stops[:0]
}

// text counts the words of text in field f.
func (c *counter) text(text string, f int) {
	start := -1
	var h uint64
	slow := false  // a letter to lowercase beyond ASCII, or a combining mark: the word goes through word()
	marks := false // a combining mark: word() composes the word
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			if 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || 'A' <= b && b <= 'Z' {
				if start < 0 {
					start, h, slow, marks = i, fnvOffset, false, false
				}
				if 'A' <= b && b <= 'Z' {
					b += 'a' - 'A'
				}
				h = (h ^ uint64(b)) * fnvPrime
			} else if start >= 0 {
				c.add(text[start:i], h, slow, marks, f)
				start = -1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		mark := !word && unicode.IsMark(r)
		if word || mark {
			if start < 0 {
				start, h, slow, marks = i, fnvOffset, false, false
			}
			if mark || unicode.ToLower(r) != r {
				slow = true
			}
			marks = marks || mark
			for j := i; j < i+size; j++ {
				h = (h ^ uint64(text[j])) * fnvPrime
			}
		} else if start >= 0 {
			c.add(text[start:i], h, slow, marks, f)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		c.add(text[start:], h, slow, marks, f)
	}
}

// add counts raw, whose lowercase ASCII hashes to h (slow: it needs
// word() to be the word Words gives; marks: it has combining marks).
func (c *counter) add(raw string, h uint64, slow, marks bool, f int) {
	var w string
	if slow {
		w = word(raw, marks)
		h = fnvOffset
		for j := 0; j < len(w); j++ {
			h = (h ^ uint64(w[j])) * fnvPrime
		}
		raw = w
	}
	if len(c.slots) == 0 {
		c.slots = make([]slot, 64)
	}
	mask := uint64(len(c.slots) - 1)
	for p := h & mask; ; p = (p + 1) & mask {
		s := &c.slots[p]
		if s.idx == 0 {
			break
		}
		if s.hash != h {
			continue
		}
		if s.idx < 0 {
			if equalFoldASCII(c.stops[-s.idx-1], raw) {
				return
			}
			continue
		}
		if equalFoldASCII(c.words[s.idx-1], raw) {
			if n := &c.counts[s.idx-1][f]; *n < math.MaxUint16 {
				*n++
			}
			return
		}
	}
	// A word this document has not had yet.
	if w == "" {
		w = lower(raw)
	}
	var idx int32
	if c.lang.IsStop(w) {
		c.stops = append(c.stops, w)
		idx = -int32(len(c.stops))
	} else {
		c.words = append(c.words, w)
		c.counts = append(c.counts, [numFields]uint16{})
		c.counts[len(c.counts)-1][f] = 1
		idx = int32(len(c.words))
	}
	if c.used+1 > len(c.slots)/2 {
		c.grow()
		mask = uint64(len(c.slots) - 1)
	}
	for p := h & mask; ; p = (p + 1) & mask {
		if c.slots[p].idx == 0 {
			c.slots[p] = slot{hash: h, idx: idx}
			c.used++
			return
		}
	}
}

func (c *counter) grow() {
	old := c.slots
	c.slots = make([]slot, 2*len(old))
	mask := uint64(len(c.slots) - 1)
	for _, s := range old {
		if s.idx == 0 {
			continue
		}
		for p := s.hash & mask; ; p = (p + 1) & mask {
			if c.slots[p].idx == 0 {
				c.slots[p] = s
				break
			}
		}
	}
}

// equalFoldASCII reports whether w (lowercase) is raw with its ASCII
// letters lowercased.
func equalFoldASCII(w, raw string) bool {
	if len(w) != len(raw) {
		return false
	}
	for i := 0; i < len(w); i++ {
		b := raw[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if w[i] != b {
			return false
		}
	}
	return true
}
