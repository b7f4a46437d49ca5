package search

import (
	"unicode/utf8"
)

// minPart is the fewest letters a part of a compound has: työ, maa, yö.
const minPart = 3

// Decompounder splits compound words into parts that are themselves words
// of the site: a left part as it is written elsewhere (sivistys, kunnan,
// ilmasto), or with a vowel at its end and the key of a word of the site;
// a right part by its key (kokoukset → kokous, seen as kokous or
// kokouksen). Finnish writes the first part of a compound in the
// nominative or, as a linking genitive, with -n (kunnan+johtaja); both
// are forms the site itself uses.
//
// A number is no compound, though it may be a part of one (ilmasto2030):
// a phone number holds no other number.
//
// A Decompounder is not safe for concurrent use.
type Decompounder struct {
	words map[string]string // the site's words of minPart letters or more, but stop words, and their keys
	keys  map[string]bool   // their keys
	key   func(string) string
	memo  map[string]split
	lang  *Analyzer
}

type split struct {
	at int // byte offset of the right part; 0: not a compound
}

// newDecompounder returns a Decompounder over the site's words
// (lowercase) in a's language, whose keys are keys, in their order, or
// else those key gives (a.Key, or a cache of it). Swedish compounds as
// Finnish does, but links its parts with an s (utvecklingsprojekt), not a
// genitive n: a left part ending in s stands for its word.
func newDecompounder(a *Analyzer, words, keys []string, key func(string) string) *Decompounder {
	d := &Decompounder{words: make(map[string]string, len(words)), keys: make(map[string]bool, len(words)),
		key: key, memo: map[string]split{}, lang: a}
	for i, w := range words {
		if utf8.RuneCountInString(w) >= minPart && !a.IsStop(w) {
			var k string
			if keys != nil {
				k = keys[i]
			} else {
				k = key(w)
			}
			d.words[w] = k
			d.keys[k] = true
		}
	}
	return d
}

// fork returns a Decompounder over the same words for another goroutine,
// with a memo of its own and key for the keys of the pieces it tries.
func (d *Decompounder) fork(key func(string) string) *Decompounder {
	return &Decompounder{words: d.words, keys: d.keys, key: key, memo: map[string]split{}, lang: d.lang}
}

// Parts returns the keys of w's parts and of the compounds within it, not
// w's own key, each once, left to right: kunnanjohtajakokoukset gives
// kunnanjohtaja, johtaja and kokous. A part that is only a linking
// genitive (kunnan) gives no key: "kunta" would find every municipal
// manager.
func (d *Decompounder) Parts(w string) []string {
	if allDigits(w) {
		return nil // a number: 2026 or 0401234567 is no compound
	}
	var out []string
	d.parts(w, &out)
	return out
}

func (d *Decompounder) parts(w string, out *[]string) {
	s := d.split(w)
	if s.at == 0 {
		return
	}
	left, right := w[:s.at], w[s.at:]
	if d.split(left).at != 0 || d.lang.linkS || !genitive(left) {
		add(out, d.key(left))
	}
	d.parts(left, out)
	add(out, d.key(right))
	d.parts(right, out)
}

func add(out *[]string, k string) {
	for _, x := range *out {
		if x == k {
			return
		}
	}
	*out = append(*out, k)
}

// genitive reports whether a left part reads as a linking genitive:
// kunnan, maakunnan.
func genitive(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == 'n' && isVowel(rune(w[n-2]))
}

// left reports whether a (of n letters) can begin a compound: a word of
// the site, or a form that ends in a vowel, as the nominative does, with
// the key of a word of the site (seutukaupunki, when the site writes only
// seutukaupungit and seutukaupunkien).
func (d *Decompounder) left(a string, n int) bool {
	if _, ok := d.words[a]; ok {
		return true
	}
	if n < minPart+1 || d.lang.IsStop(a) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	return (d.lang.isVowel(last) || d.lang.linkS && last == 's') && d.keys[d.key(a)]
}

// split finds where w divides: the longest left part that can begin a
// compound (see left), whose right part's key is a key of the site or which divides
// again.
func (d *Decompounder) split(w string) split {
	if len(w) < 2*minPart {
		return split{} // too short to divide, whatever its letters: no memo needed
	}
	if s, ok := d.memo[w]; ok {
		return s
	}
	d.memo[w] = split{} // a word in progress does not divide (no cycles)
	var s split
	n := utf8.RuneCountInString(w)
	if n >= 2*minPart {
		// i runs over the rune boundaries, from the right.
		count := n
		for i := len(w); i > 0; {
			_, size := utf8.DecodeLastRuneInString(w[:i])
			i -= size
			count--
			if count < minPart {
				break
			}
			if n-count < minPart || !d.left(w[:i], count) {
				continue
			}
			right := w[i:]
			if k := d.key(right); utf8.RuneCountInString(k) >= minPart && d.keys[k] || d.split(right).at != 0 {
				s = split{at: i}
				break
			}
		}
	}
	d.memo[w] = s
	return s
}
