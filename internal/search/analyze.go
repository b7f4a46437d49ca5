package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Words calls fn with every word of text, lowercased and in Unicode NFC,
// and its byte offsets in text. A word is a run of letters, digits and
// combining marks; ä, ö and å stay as they are, and an ä written as a and
// a combining diaeresis is the same ä. search.js splits the same way
// (words).
func Words(text string, fn func(word string, start, end int)) {
	start := -1
	marks := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			// ASCII, the most of any text, without decoding
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				fn(word(text[start:i], marks), start, i)
				start, marks = -1, false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
		} else if unicode.IsMark(r) {
			if start < 0 {
				start = i
			}
			marks = true
		} else if start >= 0 {
			fn(word(text[start:i], marks), start, i)
			start, marks = -1, false
		}
		i += size
	}
	if start >= 0 {
		fn(word(text[start:], marks), start, len(text))
	}
}

// word is a word as Words gives it: lowercase, and composed when it has
// combining marks.
func word(w string, marks bool) string {
	if marks {
		w = norm.NFC.String(w)
	}
	return lower(w)
}

// lower lowercases rune by rune (unicode.ToLower), as search.js does, with
// no allocation for a word already in lowercase ASCII.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.Map(unicode.ToLower, w)
		}
	}
	return w
}

// Stopwords are the Finnish words too common to search for: they are
// neither indexed nor looked up. The manifest hands them to the client.
var Stopwords = []string{
	"ei", "eli", "ellei", "em", "emme", "en", "et", "ette", "että", "he", "heidän", "heitä",
	"hän", "hänen", "häntä", "ja", "jo", "joiden", "joita", "joka", "jolla", "jonka", "jos",
	"jota", "jotka", "kanssa", "koska", "kuin", "kun", "me", "meidän", "mikä", "minkä",
	"mitä", "mm", "mukaan", "mutta", "muun", "myös", "ne", "niiden", "niin", "niitä", "noin",
	"nyt", "oli", "olivat", "olla", "ollut", "olleet", "on", "ovat", "se", "sekä", "sen",
	"siitä", "siinä", "sitä", "sille", "tai", "te", "tämä", "tämän", "tässä", "tästä",
	"tätä", "nämä", "näiden", "vaan", "vai", "vain", "voi", "yms", "jne", "esim",
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// even makes the stems of one word's forms one key where Snowball leaves
// them apart: it drops the stem's last vowels, and a j after ö or ä
// (piene, pieni → pien; järjestöj → järjest), while more than four
// letters remain, then weakens its last consonants the way
// consonant gradation does (kunt → kun as kunn already became; kaupunk
// and kaupung → kaupun; kokouks → kokous; tied and tiet → tiet). Both
// sides use it, so a collision costs a little precision, never a match.
// search.js has the same rules (even).
func even(stem string) string {
	r := []rune(stem)
	for n := len(r); n > 4 && (isVowel(r[n-1]) || r[n-1] == 'j' && (r[n-2] == 'ö' || r[n-2] == 'ä')); n = len(r) {
		r = r[:n-1]
	}
	n := len(r)
	if n >= 4 {
		a, b := r[n-2], r[n-1]
		switch {
		case a == 'k' && b == 's':
			r = append(r[:n-2], 's')
		case b == 't' && (a == 'n' || a == 'l' || a == 'r' || a == 'h' || a == 't'),
			b == 'k' && (a == 'n' || a == 'k'),
			b == 'g' && a == 'n',
			b == 'p' && (a == 'm' || a == 'p'),
			b == 'd' && a == 'h':
			r = r[:n-1]
		case b == 'd' && isVowel(a):
			r[n-1] = 't'
		}
	}
	return string(r)
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö':
		return true
	}
	return false
}
