package search

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A dict counts documents' words by field, one document at a time: the
// words as Words gives them, stop words left out. It is analyse's hot
// loop, so it splits and counts in one pass, and it keeps the words it
// has met from one document to the next: a word met before is found by a
// hash of its lowercase bytes, with no new string and no look in the
// stop words; only a word new to the dict is lowercased, copied and
// looked up. Each of an index's analysing goroutines has a dict of its own
// (Builder.takeDict), and a document's words are its dict's numbers
// (FuzzCounter holds the counts to Words).
//
// At 10 000 generated pages this took analysis from 0.20 to N s of CPU
// against a table of each document's own (BenchmarkIndex).
type dict struct {
	slots []slot   // open addressing; len a power of two
	words []string // by number, lowercase; a stop word too, never counted
	stop  []bool   // by number
	doc   uint32   // the document being counted, for slot.doc

	// The document's words, each once, by number, and how often each
	// field has them.
	ids    []int32
	counts []counts

	excerpt []byte // analyse's, for the start of the document's text

	global []int32 // by number, the word's number in Builder.words, or -1 (Builder.number)
	lang   *Analyzer
}

type slot struct {
	hash uint32 // the hash's top bits; its low bits place the slot
	word int32  // 1 + the word's number; 0: empty
	doc  uint32 // the last document that had the word
	at   int32  // its place in that document's ids
}

// counts are how often each field of a document has a word, a byte a
// field (field f in bits 8f to 8f+7), each stopping at 255: eight bytes a
// word of a document, not sixteen. Past 255 a word's weight in a field,
// tf·2.2/(tf+1.2), is within half a percent of its limit.
type counts uint64

func (c counts) of(f int) int { return int(c >> (8 * f) & 0xff) }

func (c *counts) inc(f int) {
	if c.of(f) < 0xff {
		*c += 1 << (8 * f)
	}
}

// A word's hash is taken a byte at a time as the text is read, by a
// rotate and an exclusive or, which cost a cycle each where a multiply
// costs three, and mixed once at the word's end (mix).
func hashByte(h uint64, b byte) uint64 { return bits.RotateLeft64(h, 7) ^ uint64(b) }

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

// hashWord is the mixed hash of w.
func hashWord(w string) uint64 {
	var h uint64
	for i := 0; i < len(w); i++ {
		h = hashByte(h, w[i])
	}
	return mix(h)
}

func newDict(lang *Analyzer) *dict { return &dict{slots: make([]slot, 1024), lang: lang} }

// start begins a document.
func (c *dict) start() {
	c.doc++
	if c.doc == 0 { // after 4 294 967 295 documents: no slot may seem to have this one
		for i := range c.slots {
			c.slots[i].doc = 0
		}
		c.doc = 1
	}
	c.ids, c.counts = c.ids[:0], c.counts[:0]
}

// text counts the words of text in field f.
func (c *dict) text(text string, f int) {
	start := -1
	var h uint64
	slow := false  // a letter to lowercase beyond ASCII, or a combining mark: the word goes through word()
	marks := false // a combining mark: word() composes the word
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			if k := asciiClass[b]; k != 0 {
				if start < 0 {
					start, h, slow, marks = i, 0, false, false
				}
				h = hashByte(h, k)
			} else if start >= 0 {
				c.add(text[start:i], h, slow, marks, f)
				start = -1
			}
			i++
			continue
		}
		if b == 0xc3 && i+1 < len(text) {
			// ä, ö, å (C3 A4, B6, A5), the most of Finnish's letters
			// beyond ASCII: lowercase letters, hashed as they are.
			if c := text[i+1]; c == 0xa4 || c == 0xb6 || c == 0xa5 {
				if start < 0 {
					start, h, slow, marks = i, 0, false, false
				}
				h = hashByte(hashByte(h, b), c)
				i += 2
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		mark := !word && unicode.IsMark(r)
		if word || mark {
			if start < 0 {
				start, h, slow, marks = i, 0, false, false
			}
			if mark || unicode.ToLower(r) != r {
				slow = true
			}
			marks = marks || mark
			for j := i; j < i+size; j++ {
				h = hashByte(h, text[j])
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

// asciiClass is an ASCII byte as a word's letter, lowercase, or 0 for a
// byte that is no letter or digit.
var asciiClass = func() (t [utf8.RuneSelf]byte) {
	for b := byte('0'); b <= '9'; b++ {
		t[b] = b
	}
	for b := byte('a'); b <= 'z'; b++ {
		t[b], t[b-'a'+'A'] = b, b
	}
	return t
}()

// add counts raw, whose lowercase ASCII hashes to h, not mixed yet
// (slow: it needs word() to be the word Words gives; marks: it has
// combining marks).
func (c *dict) add(raw string, h uint64, slow, marks bool, f int) {
	var w string
	if slow {
		w = word(raw, marks)
		h = hashWord(w)
		raw = w
	} else {
		h = mix(h)
	}
	top := uint32(h >> 32)
	mask := uint64(len(c.slots) - 1)
	p := h & mask
	for ; ; p = (p + 1) & mask {
		s := &c.slots[p]
		if s.word == 0 {
			break
		}
		if s.hash != top || !equalFoldASCII(c.words[s.word-1], raw) {
			continue
		}
		if c.stop[s.word-1] {
			return
		}
		if s.doc != c.doc {
			s.doc, s.at = c.doc, int32(len(c.ids))
			c.ids = append(c.ids, s.word-1)
			c.counts = append(c.counts, 0)
		}
		c.counts[s.at].inc(f)
		return
	}
	// A word the dict has not met: its own copy, not a piece of the
	// document's text, which it would keep.
	if w == "" {
		w = lower(raw)
	}
	w = strings.Clone(w)
	id := int32(len(c.words))
	c.words = append(c.words, w)
	stop := c.lang.IsStop(w)
	c.stop = append(c.stop, stop)
	c.slots[p] = slot{hash: top, word: id + 1, doc: c.doc, at: int32(len(c.ids))}
	if !stop {
		c.ids = append(c.ids, id)
		c.counts = append(c.counts, 0)
		c.counts[len(c.counts)-1].inc(f)
	}
	if len(c.words) > len(c.slots)/2 {
		c.grow()
	}
}

// grow doubles the slots, rehashing each word.
func (c *dict) grow() {
	old := c.slots
	c.slots = make([]slot, 2*len(old))
	mask := uint64(len(c.slots) - 1)
	for _, s := range old {
		if s.word == 0 {
			continue
		}
		h := hashWord(c.words[s.word-1])
		for p := h & mask; ; p = (p + 1) & mask {
			if c.slots[p].word == 0 {
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
