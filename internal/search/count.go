package search

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A dict counts documents' words by field, one document at a time: the
// words as Words gives them, stop words left out. It is analyse's hot
// loop, so it splits and counts as it reads, and it keeps the words it
// has met from one document to the next: a word met before is found by a
// hash of its lowercase bytes, with no new string and no look in the
// stop words; only a word new to the dict is lowercased, copied and
// looked up. Each of an index's analysing goroutines has a dict of its own
// (Builder.takeDict), and a document's words are its dict's numbers
// (FuzzCounter holds the counts to Words).
//
// Against a table of each document's own, this and the changes that came
// with it took the index of 10 000 generated pages from 4.1 to 2.2
// billion instructions, 0.40 to 0.24 s on one core (BenchmarkIndex).
type dict struct {
	slots []slot   // open addressing; len a power of two
	words []string // by number, lowercase; a stop word too, never counted (slot.at)
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
	tag   uint32 // the hash's top 24 bits, and the word's length (255: or more)
	word  int32  // 1 + the word's number; 0: empty
	doc   uint32 // the last document that had the word
	at    int32  // its place in that document's ids; -1: a stop word, never counted
	first uint64 // the word's first eight bytes, and
	last  uint64 // its last eight when it has more than eight (hashAt)
}

// slotTag is what a slot keeps of a word's hash and length: a word of up
// to sixteen bytes is told by it and its first and last bytes alone.
// Reading every word from the dict's list to compare it took 40 of the
// 160 instructions that counting a word took (BenchmarkIndex, callgrind).
func slotTag(h uint64, n int) uint32 { return uint32(h>>32)&^0xff | uint32(min(n, 0xff)) }

// holds reports whether the slot's word may be the one of this tag and
// these ends: it is, unless it has more than sixteen bytes (dict.add).
func (s *slot) holds(tag uint32, first, last uint64) bool {
	return s.tag == tag && s.first == first && s.last == last
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

// A word's hash is taken from its first and its last eight bytes, their
// ASCII capitals lowered on the way (lower8), and from the eight-byte
// runs between them when it is longer than sixteen; then mixed. The text
// is read once to find where a word ends, and its hash costs a multiply
// or two. A word of up to sixteen bytes is told from another by its
// length and its two ends alone, without reading it again: two in three
// of the generated 10 000 pages' words have nine to sixteen bytes, and
// counting the words went from 633 to 555 million instructions when
// these stopped being hashed and compared eight bytes at a time from the
// start (BenchmarkIndex's analysis, callgrind).
func hashWord(w string) (h, first, last uint64) { return hashAt(w, 0, len(w)) }

// hashAt is hashWord(text[i:j]): the word's hash, its first eight bytes
// with capitals lowered (the bytes after a shorter word's end zeros), and
// its last eight the same way when it has more than eight bytes (else
// zero), which a slot keeps to tell its word from another without
// reading the word (dict.add). A word shorter than eight bytes is loaded
// at once and the rest masked away when the text goes on for eight bytes
// from its start, not read a byte at a time.
func hashAt(text string, i, j int) (h, first, last uint64) {
	n := j - i
	if n >= 8 || i+8 <= len(text) {
		first, last = ends(text, i, j)
	} else {
		for k := j - 1; k >= i; k-- {
			first = first<<8 | uint64(text[k])
		}
		first = lower8(first)
	}
	h = hashEnds(n, first, last)
	for k := i + 8; k < j-8; k += 8 { // a word of more than sixteen bytes: its middle too
		h = (bits.RotateLeft64(h, 31) ^ lower8(load8(text[k:]))) * hashMul
	}
	return mix(h), first, last
}

// ends are the first and last eight bytes of the word text[i:j] as hashAt
// gives them, for a word of eight bytes or more or a text that goes on
// for eight bytes from i.
func ends(text string, i, j int) (first, last uint64) {
	first, last = rawEnds(text, i, j)
	return lower8(first), lower8(last)
}

// rawEnds are ends before their capitals are lowered, text's own bytes:
// text's short words take them so, and lower them only when the word has
// an ASCII capital, as most words have none (lowering every word's ends
// made BenchmarkCount's counting 487 million instructions a round, not
// 463; callgrind). One function for hashAt and text's short words: its
// call, which the compiler does not inline, costs about 12 million.
func rawEnds(text string, i, j int) (first, last uint64) {
	if n := j - i; n < 8 {
		return load8(text[i:]) & (1<<(8*n) - 1), 0
	}
	first = load8(text[i:])
	if j-i > 8 {
		last = load8(text[j-8:])
	}
	return first, last
}

// hashEnds is the hash, before mix, of a word of n bytes whose first and
// last eight bytes, lowered, are first and last (hashAt); that of a word
// of up to sixteen bytes.
func hashEnds(n int, first, last uint64) uint64 {
	h := (uint64(n)*hashLen ^ first) * hashMul
	if n > 8 {
		h = (bits.RotateLeft64(h, 31) ^ last) * hashMul
	}
	return h
}

// The constants of hashAt: a word's length, each eight bytes, and mix's.
const (
	hashLen = 0x9e3779b97f4a7c15
	hashMul = 0xbf58476d1ce4e5b9
	hashMix = 0xff51afd7ed558ccd
)

// mix spreads a hash's bits, so that its low bits place a slot well.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= hashMix
	return h ^ h>>33
}

// load8 is the first eight bytes of s, the first the lowest.
func load8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// ones and highs are each of eight bytes' lowest and highest bit, for the
// checks that read eight bytes at a time (lower8, jsonStops, textStops,
// follows).
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// twoByte reports whether c and d are a letter of two bytes as utf8
// decodes it, as ä and ö are: a lead byte of two and its follower.
func twoByte(c, d byte) bool { return c >= 0xc2 && c <= 0xdf && d&0xc0 == 0x80 }

// lower8 lowers the ASCII capitals A–Z among the eight bytes of x and
// leaves every other byte as it is (a byte of 0x80 or more too).
func lower8(x uint64) uint64 {
	low := x &^ highs                      // each byte's low seven bits
	geA := (low + (0x80-'A')*ones) & highs // high bit set where the byte is ≥ 'A'
	gtZ := (low + (0x7f-'Z')*ones) & highs // … where it is > 'Z'
	upper := geA &^ gtZ &^ x               // … where it is A–Z, and ASCII
	return x | upper>>2                    // 0x80 >> 2 = 0x20: a capital's lower case
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
func (c *dict) text(text string, f int) { c.scan(text, f, &wordByte) }

// html counts the words of the HTML h in the text field up to its first
// tag or character reference, and returns where that is: at its <, or at
// the start of the word that its & may be part of, or at the &. len(h)
// when h has neither. The text between tags is counted as it stands,
// not cut out and decoded first (readBody).
func (c *dict) html(h string) int { return c.scan(h, fieldText, &htmlByte) }

// scan counts the words of text in field f, the bytes told apart by t,
// up to the first byte that t has as 4 (after the word it ends) or 5
// (before the word it may be part of), and returns where it stopped.
func (c *dict) scan(text string, f int, t *[256]byte) int {
	for i := 0; i < len(text); {
		if t[text[i]] == 0 {
			i++
			continue
		}
		if t[text[i]] >= 4 {
			return i
		}
		// A word begins at i: find its end, and whether it is the word
		// Words gives once its ASCII capitals are lowered (fold) or needs
		// word() (slow: a capital beyond ASCII, or a combining mark).
		j, skip := i, 0
		fold, slow, marks := false, false, false
	scan:
		for j < len(text) {
			for j < len(text) && t[text[j]] == 1 { // the most of any word
				j++
			}
			if j == len(text) {
				break
			}
			switch t[text[j]] {
			case 0, 4:
				break scan
			case 2:
				fold = true
				j++
			case 5:
				return i
			default:
				if text[j] == 0xc3 && j+1 < len(text) {
					// ä, ö, å (C3 A4, B6, A5), the most of Finnish's
					// letters beyond ASCII: lowercase as they are.
					if b := text[j+1]; b == 0xa4 || b == 0xb6 || b == 0xa5 {
						j += 2
						continue
					}
				}
				r, size := utf8.DecodeRuneInString(text[j:])
				word := unicode.IsLetter(r) || unicode.IsDigit(r)
				mark := !word && unicode.IsMark(r)
				if !word && !mark {
					skip = size // when the word is empty: the character to pass
					break scan
				}
				if mark || unicode.ToLower(r) != r {
					slow = true
				}
				marks = marks || mark
				j += size
			}
		}
		if j == i { // a character beyond ASCII that is no letter
			i += skip
			continue
		}
		switch n := j - i; {
		case slow:
			raw := word(text[i:j], marks)
			h, first, last := hashWord(raw)
			c.add(raw, h, first, last, false, f)
		case n <= 16 && (n >= 8 || i+8 <= len(text)):
			// A word of up to sixteen bytes, met before: hashed as hashAt
			// does and told by its ends as add does, here, without their
			// calls, which cost a sixth of counting the generated 10 000
			// pages' words. A word new to the dict goes to add. A word
			// without capitals is its own lowercase.
			first, last := rawEnds(text, i, j)
			if fold {
				first, last = lower8(first), lower8(last)
			}
			h := mix(hashEnds(n, first, last))
			tag := slotTag(h, n)
			mask := uint64(len(c.slots) - 1)
			for p := h & mask; ; p = (p + 1) & mask {
				s := &c.slots[p]
				if s.word == 0 {
					c.add(text[i:j], h, first, last, fold, f)
					break
				}
				if s.holds(tag, first, last) {
					c.count(s, f)
					break
				}
			}
		default:
			h, first, last := hashAt(text, i, j)
			c.add(text[i:j], h, first, last, fold, f)
		}
		i = j
	}
	return len(text)
}

// wordByte is what a byte is to text: 0 no part of a word (ASCII other
// than letters and digits), 1 a lowercase letter or a digit, 2 an ASCII
// capital, 3 a byte beyond ASCII, read as UTF-8.
var wordByte = func() (t [256]byte) {
	for b := '0'; b <= '9'; b++ {
		t[b] = 1
	}
	for b := 'a'; b <= 'z'; b++ {
		t[b], t[b-'a'+'A'] = 1, 2
	}
	for b := utf8.RuneSelf; b < 256; b++ {
		t[b] = 3
	}
	return t
}()

// htmlByte is wordByte for html: 4 the < of a tag, which ends a word as
// a space does, and 5 the & of a character reference, which may decode
// to a letter.
var htmlByte = func() (t [256]byte) {
	t = wordByte
	t['<'], t['&'] = 4, 5
	return t
}()

// add counts raw, which hashes to h and begins and ends with first and
// last (hashAt), and which is the word Words gives as it is or, with
// fold, once its ASCII capitals are lowered.
func (c *dict) add(raw string, h, first, last uint64, fold bool, f int) {
	n := len(raw)
	tag := slotTag(h, n)
	mask := uint64(len(c.slots) - 1)
	p := h & mask
	for ; ; p = (p + 1) & mask {
		s := &c.slots[p]
		if s.word == 0 {
			break
		}
		if !s.holds(tag, first, last) {
			continue
		}
		if n > 16 {
			// The ends are equal, lowered: the middle too?
			w := c.words[s.word-1]
			if len(w) != n || fold && !equalFoldASCII(w[8:n-8], raw[8:n-8]) || !fold && w[8:n-8] != raw[8:n-8] {
				continue
			}
		}
		c.count(s, f)
		return
	}
	// A word the dict has not met: its own copy, not a piece of the
	// document's text, which it would keep.
	w := raw
	if fold {
		w = lower(raw)
	}
	w = strings.Clone(w)
	id := int32(len(c.words))
	c.words = append(c.words, w)
	stop := c.lang.IsStop(w)
	c.slots[p] = slot{tag: tag, word: id + 1, doc: c.doc, at: int32(len(c.ids)), first: first, last: last}
	if stop {
		c.slots[p].at = -1
	} else {
		c.ids = append(c.ids, id)
		c.counts = append(c.counts, 0)
		c.counts[len(c.counts)-1].inc(f)
	}
	if len(c.words) > len(c.slots)/2 {
		c.grow()
	}
}

// count counts the word of slot s, met in field f: nothing for a stop
// word.
func (c *dict) count(s *slot, f int) {
	if s.at < 0 {
		return // a stop word
	}
	if s.doc != c.doc {
		s.doc, s.at = c.doc, int32(len(c.ids))
		c.ids = append(c.ids, s.word-1)
		c.counts = append(c.counts, 0)
	}
	c.counts[s.at].inc(f)
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
		h, _, _ := hashWord(c.words[s.word-1])
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
