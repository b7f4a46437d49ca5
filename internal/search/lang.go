package search

import (
	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/finnish"
	"github.com/blevesearch/snowballstem/swedish"
)

// An Analyzer is how one language's words become keys: its Snowball
// stemmer, its stop words, and whether its compounds are split. The
// manifest names it by Code, and search.js picks the same stemmer by it.
type Analyzer struct {
	Code      string
	Stopwords []string // too common to search for: neither indexed nor looked up

	stop  map[string]bool
	stem  func(*snowball.Env) bool
	even  bool // Finnish: make the stems of one word's forms one key (even)
	split bool // the language writes compounds as one word: split them (Decompounder)
	// linkS: a compound's left part may end in a linking s, as Swedish
	// writes (utvecklingsprojekt); vowels are the letters a left part in
	// its base form may end in.
	linkS  bool
	vowels string
}

// Finnish, Swedish and English are the languages the index knows.
var (
	Finnish = newAnalyzer(&Analyzer{Code: "fi", Stopwords: Stopwords, stem: finnish.Stem, even: true, split: true,
		vowels: "aeiouyäö"})
	Swedish = newAnalyzer(&Analyzer{Code: "sv", Stopwords: swedishStopwords, stem: swedish.Stem, split: true,
		linkS: true, vowels: "aeiouyåäö"})
	English = newAnalyzer(&Analyzer{Code: "en", Stopwords: englishStopwords, stem: english.Stem})
)

func newAnalyzer(a *Analyzer) *Analyzer {
	a.stop = make(map[string]bool, len(a.Stopwords))
	for _, w := range a.Stopwords {
		a.stop[w] = true
	}
	return a
}

// ForLang returns the Analyzer of a language code: Finnish for fi and
// any language not known, as PageURL.
func ForLang(code string) *Analyzer {
	switch code {
	case "sv":
		return Swedish
	case "en":
		return English
	}
	return Finnish
}

// IsStop reports whether word (lowercase) is one of a's stop words.
func (a *Analyzer) IsStop(word string) bool { return a.stop[word] }

// Key returns the index key of a lowercase word: its Snowball stem, for
// Finnish evened out (see even). A word of digits is its own key.
func (a *Analyzer) Key(word string) string {
	if word == "" || allDigits(word) {
		return word
	}
	env := snowball.NewEnv(word)
	a.stem(env)
	if a.even {
		return even(env.Current())
	}
	return env.Current()
}

func (a *Analyzer) isVowel(r rune) bool {
	for _, v := range a.vowels {
		if r == v {
			return true
		}
	}
	return false
}

// swedishStopwords are Swedish's function words, short as the Finnish
// list: what a query for a topic never needs.
var swedishStopwords = []string{
	"att", "av", "de", "dem", "den", "denna", "deras", "dess", "dessa", "det", "detta", "du", "där",
	"eller", "en", "ett", "från", "för", "har", "hon", "hur", "han", "i", "inte", "jag", "kan", "man",
	"med", "men", "mm", "när", "och", "också", "om", "osv", "på", "samt", "sig", "sin", "sina", "sitt",
	"ska", "skulle", "som", "så", "till", "under", "var", "vara", "vi", "vid", "vilka", "vilken", "är",
}

// englishStopwords are English's.
var englishStopwords = []string{
	"a", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "etc", "for", "from",
	"had", "has", "have", "he", "her", "his", "if", "in", "into", "is", "its", "not", "of", "on",
	"or", "she", "so", "such", "than", "that", "the", "their", "them", "then", "there", "these",
	"they", "this", "those", "to", "was", "we", "were", "which", "who", "will", "with",
}
