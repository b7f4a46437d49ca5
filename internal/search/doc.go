// Package search builds the site's search index: static files under the
// search page's folder (/haku/ in Finnish) that assets/js/search.js reads,
// a few at a time, to answer a query in the reader's browser with no
// server.
//
// # Words and keys
//
// Text is split into words (runs of letters and digits, lowercased; ä, ö
// and å stay distinct from a and o), common function words are dropped
// (Stopwords), and each word becomes a key: its Snowball stem
// (github.com/blevesearch/snowballstem/finnish), evened out where Finnish
// consonant gradation and plural stems make Snowball give one word
// several stems (kunta, kuntien and kunnat all give "kun"; hyvinvointi and
// hyvinvoinnin "hyvinvoin"). The client computes the same key from what
// the reader types (search.js holds a port of the stemmer; the tests run
// both over the site's words and over random ones).
//
// A compound also gives the keys of its parts, found in the site's own
// vocabulary (Decompounder): kunnanjohtajakokoukset gives
// kunnanjohtajakokous, kunnanjohtaja, johtaja and kokous, so "johtaja" and
// "kokous" find it. A genitive modifier (kunnan-) gives no key of its own.
//
// # The index
//
// Build writes, under the search folder:
//
//   - index.json: the manifest: the number of documents, the stop words,
//     and the prefixes that name the shards;
//   - t/<prefix>.json: the postings of the keys that begin with prefix
//     (each document's number and score); a query loads the shards of
//     its words only. Shards are split by a longer prefix until each is
//     small (ShardBytes);
//   - d/<prefix>.json: the deletion neighbourhood of the keys, keyed like
//     them: every key of four letters or more under each string one
//     letter shorter, so that the client finds the keys within one edit
//     of a word without the whole vocabulary (typo tolerance);
//   - r/<n>.json: the records of documents n*RecordChunk … : URL, title,
//     kind, date, summary and the start of the text, for the results and
//     their excerpts.
//
// A document's score for a key weighs where the key occurs (title >
// summary > headings, tags > facts > text; a compound's part counts half)
// and, for news, how recent it is. The same content gives the same bytes.
package search

// pageSegments are the search page's folder by language, under the
// language's prefix (model.Site.Prefix): /haku/, /sv/sok/, /en/search/.
var pageSegments = map[string]string{"fi": "/haku/", "sv": "/sok/", "en": "/search/"}

// PageURL is the search page's URL in the language of code, without the
// language's prefix: /haku/ for Finnish (and any language not known).
// The index is written under it.
func PageURL(code string) string {
	if u, ok := pageSegments[code]; ok {
		return u
	}
	return pageSegments["fi"]
}
