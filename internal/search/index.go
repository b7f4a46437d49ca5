package search

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"seutu/internal/par"
)

// A Doc is one page as the index sees it.
type Doc struct {
	URL       string
	Title     string
	Kind      string   // for readers: Verkosto, Uutinen
	KindWords []string // what a query names the kind by: verkosto; such a query ranks the page up
	Date      string   // as shown, "" for none
	Summary   string
	Headings  []string
	Tags      []string // tags and themes
	Facts     []string // short fields the page shows: a person's role, a network's category
	Slug      string   // the URL's last segment: saarijarvi finds Saarijärvi
	HTML      string   // the body as HTML
	Boost     float64  // a factor for every score (recency of news); 0 means 1
}

// Fields of a document, by weight: a match in the title counts most.
const (
	fieldTitle = iota
	fieldSummary
	fieldHeadings
	fieldTags
	fieldKind
	fieldFacts
	fieldSlug
	fieldText
	numFields
)

var weights = [numFields]float64{10, 5, 3, 3, 3, 2, 2, 1}

// partWeight is what a compound's part counts for, against the word.
const partWeight = 0.5

// Sizes of the files, chosen by measuring the first query's bytes at 10 000
// generated pages (internal/benchcmp/README.md).
const (
	ShardBytes  = 16 << 10 // a shard is split by a longer prefix above this
	RecordChunk = 4        // documents per record file
	ExcerptText = 600      // letters of a page's text kept for excerpts
)

// Version is the index format's; the manifest carries it.
const Version = 1

// A File is one file of the index, its path relative to the search folder.
type File struct {
	Path string
	Data []byte
}

// Builder builds indexes. Made with NewCaching it keeps each page's words
// and every word's key for the next build, as the dev server wants.
type Builder struct {
	mu    sync.Mutex
	cache map[string]*analysed // by URL
	keys  map[string]string    // word → Key
}

// NewBuilder returns a Builder for one build.
func NewBuilder() *Builder { return &Builder{} }

// NewCaching returns a Builder that keeps what it can reuse.
func NewCaching() *Builder {
	return &Builder{cache: map[string]*analysed{}, keys: map[string]string{}}
}

// analysed is a document's words and how often each field has them.
type analysed struct {
	doc   Doc // the inputs, to tell whether the page changed
	words map[string]*[numFields]uint16
	text  string // the start of the text, for excerpts
}

// Build returns the index of docs, in the order given (a document's number
// is its place).
func (b *Builder) Build(docs []*Doc) []File {
	b.mu.Lock()
	defer b.mu.Unlock()
	an := make([]*analysed, len(docs))
	par.Do(len(docs), func(i int) {
		if b.cache != nil {
			if old := b.cache[docs[i].URL]; old != nil && sameDoc(&old.doc, docs[i]) {
				an[i] = old
				return
			}
		}
		an[i] = analyse(docs[i])
	})
	if b.cache != nil {
		clear(b.cache)
		for _, a := range an {
			b.cache[a.doc.URL] = a
		}
	}

	// Every distinct word, sorted, and its key.
	seen := map[string]bool{}
	var words []string
	for _, a := range an {
		for w := range a.words {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	slices.Sort(words)
	keys := b.keys
	if keys == nil {
		keys = make(map[string]string, len(words))
	}
	var missing []string
	for _, w := range words {
		if _, ok := keys[w]; !ok {
			missing = append(missing, w)
		}
	}
	got := make([]string, len(missing))
	par.Do(len(missing), func(i int) { got[i] = Key(missing[i]) })
	for i, w := range missing {
		keys[w] = got[i]
	}
	key := func(w string) string {
		if k, ok := keys[w]; ok {
			return k
		}
		k := Key(w)
		keys[w] = k
		return k
	}
	dc := NewDecompounder(words, key)
	parts := make(map[string][]string, len(words))
	for _, w := range words {
		if p := dc.Parts(w); len(p) > 0 {
			parts[w] = p
		}
	}
	if b.keys != nil && len(keys) > 4*len(words)+1024 {
		clear(keys) // words edited away, and the right parts tried: start afresh next time
	}

	// Each document's score for each key, into postings.
	postings := map[string][]posting{}
	for i, a := range an {
		scores := map[string]float64{}
		for w, counts := range a.words {
			s := 0.0
			for f, c := range counts {
				if c > 0 {
					tf := float64(c)
					s += weights[f] * tf * 2.2 / (tf + 1.2)
				}
			}
			k := keys[w]
			scores[k] += s
			for _, p := range parts[w] {
				if p != k {
					scores[p] += s * partWeight
				}
			}
		}
		boost := docs[i].Boost
		if boost == 0 {
			boost = 1
		}
		for k, s := range scores {
			q := int(math.Round(s * boost * 10))
			postings[k] = append(postings[k], posting{doc: i, score: max(q, 1)})
		}
	}

	var files []File
	termFiles, termLeaves := shard("t", postings, encodePostings)
	files = append(files, termFiles...)
	dels := deletions(postings)
	delFiles, delLeaves := shard("d", dels, encodeKeys)
	files = append(files, delFiles...)
	files = append(files, records(an)...)
	files = append(files, File{"index.json", manifest(len(docs), termLeaves, delLeaves)})
	return files
}

type posting struct{ doc, score int }

func sameDoc(a, b *Doc) bool {
	return a.URL == b.URL && a.Title == b.Title && a.Kind == b.Kind && a.Date == b.Date &&
		a.Summary == b.Summary && a.Slug == b.Slug && a.HTML == b.HTML && a.Boost == b.Boost &&
		slices.Equal(a.KindWords, b.KindWords) && slices.Equal(a.Headings, b.Headings) &&
		slices.Equal(a.Tags, b.Tags) && slices.Equal(a.Facts, b.Facts)
}

// analyse counts the words of each field of d.
func analyse(d *Doc) *analysed {
	a := &analysed{doc: *d, words: map[string]*[numFields]uint16{}}
	count := func(f int, text string) {
		Words(Normalize(text), func(w string, _, _ int) {
			if IsStop(w) {
				return
			}
			c := a.words[w]
			if c == nil {
				c = new([numFields]uint16)
				a.words[w] = c
			}
			if c[f] < math.MaxUint16 {
				c[f]++
			}
		})
	}
	count(fieldTitle, d.Title)
	count(fieldSummary, d.Summary)
	for _, h := range d.Headings {
		count(fieldHeadings, h)
	}
	for _, t := range d.Tags {
		count(fieldTags, t)
	}
	for _, k := range d.KindWords {
		count(fieldKind, k)
	}
	for _, f := range d.Facts {
		count(fieldFacts, f)
	}
	count(fieldSlug, strings.ReplaceAll(d.Slug, "-", " "))
	text := PlainText(d.HTML)
	count(fieldText, text)
	a.text = cut(text, ExcerptText)
	return a
}

// cut returns the first n letters of s, ended at a space when one is near.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for range n {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if j := strings.LastIndexByte(s[:i], ' '); j > i*3/4 {
		i = j
	}
	return s[:i] + " …"
}

// deletions maps every string one letter shorter than a key of four or
// more letters to those keys, and every key of three or more to itself:
// the keys within one edit of a word w are among those listed under w and
// under w less one letter.
func deletions(postings map[string][]posting) map[string][]string {
	out := map[string][]string{}
	for k := range postings {
		r := []rune(k)
		if len(r) < 3 || allDigits(k) {
			continue
		}
		out[k] = append(out[k], k)
		if len(r) < 4 {
			continue
		}
		var d []rune
		for i := range r {
			d = append(append(d[:0], r[:i]...), r[i+1:]...)
			s := string(d)
			if l := out[s]; len(l) == 0 || l[len(l)-1] != k {
				out[s] = append(l, k)
			}
		}
	}
	for _, l := range out {
		slices.Sort(l)
	}
	return out
}

// shard splits entries into files by prefix (see leaves) and encodes each.
func shard[V any](dir string, entries map[string]V, encode func(*bytes.Buffer, V)) ([]File, []string) {
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	sizes := make([]int, len(keys))
	var buf bytes.Buffer
	for i, k := range keys {
		buf.Reset()
		encode(&buf, entries[k])
		sizes[i] = len(k) + 4 + buf.Len()
	}
	var files []File
	var leaves []string
	for _, l := range leaves0(keys, sizes, "", 0) {
		buf.Reset()
		buf.WriteByte('{')
		for i, k := range keys[l.from:l.to] {
			if i > 0 {
				buf.WriteByte(',')
			}
			writeString(&buf, k)
			buf.WriteByte(':')
			encode(&buf, entries[k])
		}
		buf.WriteString("}\n")
		files = append(files, File{dir + "/" + FileName(l.prefix) + ".json", bytes.Clone(buf.Bytes())})
		leaves = append(leaves, l.prefix)
	}
	return files, leaves
}

// End ends every key when keys are matched with shard prefixes: the key
// "kun" lies in the shard "kun." when "kun" is split further.
const End = "."

type leaf struct {
	prefix   string
	from, to int
}

// leaves0 splits keys (sorted, all beginning with prefix of depth runes)
// into shards no larger than ShardBytes where it can: a shard too large is
// split by the next letter, and a key that ends there goes to prefix+End.
func leaves0(keys []string, sizes []int, prefix string, depth int) []leaf {
	total := 0
	for _, s := range sizes {
		total += s
	}
	if total <= ShardBytes || len(keys) <= 1 {
		if len(keys) == 0 {
			return nil
		}
		return []leaf{{prefix: prefix, to: len(keys)}}
	}
	var out []leaf
	for i := 0; i < len(keys); {
		next := nextRune(keys[i], prefix)
		j := i + 1
		for j < len(keys) && nextRune(keys[j], prefix) == next {
			j++
		}
		sub := leaves0(keys[i:j], sizes[i:j], prefix+next, depth+1)
		for _, l := range sub {
			out = append(out, leaf{prefix: l.prefix, from: l.from + i, to: l.to + i})
		}
		i = j
	}
	return out
}

// nextRune is the letter of key after prefix, or End.
func nextRune(key, prefix string) string {
	rest := key[len(prefix):]
	if rest == "" {
		return End
	}
	_, n := utf8.DecodeRuneInString(rest)
	return rest[:n]
}

// FileName makes a shard's prefix a file name: a–z and 0–9 stay, any
// other letter becomes its code point in hex between hyphens (ä: -e4-).
// search.js names them the same way.
func FileName(prefix string) string {
	if prefix == "" {
		return "-"
	}
	var b strings.Builder
	for _, r := range prefix {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "-%x-", r)
		}
	}
	return b.String()
}

// encodePostings writes [doc, score, doc-delta, score, …].
func encodePostings(b *bytes.Buffer, ps []posting) {
	b.WriteByte('[')
	prev := 0
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(p.doc - prev))
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(p.score))
		prev = p.doc
	}
	b.WriteByte(']')
}

func encodeKeys(b *bytes.Buffer, keys []string) {
	b.WriteByte('[')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		writeString(b, k)
	}
	b.WriteByte(']')
}

// records writes the documents' records, RecordChunk a file: [URL, title,
// kind, date, summary, text].
func records(an []*analysed) []File {
	var files []File
	var b bytes.Buffer
	for from := 0; from < len(an); from += RecordChunk {
		b.Reset()
		b.WriteByte('[')
		for i, a := range an[from:min(from+RecordChunk, len(an))] {
			if i > 0 {
				b.WriteByte(',')
			}
			d := &a.doc
			b.WriteByte('[')
			for j, s := range []string{d.URL, d.Title, d.Kind, d.Date, d.Summary, a.text} {
				if j > 0 {
					b.WriteByte(',')
				}
				writeString(&b, s)
			}
			b.WriteByte(']')
		}
		b.WriteString("]\n")
		files = append(files, File{fmt.Sprintf("r/%d.json", from/RecordChunk), bytes.Clone(b.Bytes())})
	}
	return files
}

func manifest(docs int, terms, dels []string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"v":%d,"lang":"fi","docs":%d,"chunk":%d,"stop":`, Version, docs, RecordChunk)
	encodeKeys(&b, Stopwords)
	b.WriteString(`,"t":`)
	encodeKeys(&b, terms)
	b.WriteString(`,"d":`)
	encodeKeys(&b, dels)
	b.WriteString("}\n")
	return b.Bytes()
}

// writeString writes s as a JSON string: the letters as they are, quotes,
// backslashes and control characters escaped, and U+2028 and U+2029 too.
func writeString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x2028 || r == 0x2029 || r == utf8.RuneError:
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}
