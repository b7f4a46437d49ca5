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

// Builder builds indexes. Made with NewCaching it keeps, for the next
// build, each page's words and scores and every word's key and parts, as
// the dev server wants: a build after one page's edit redoes that page.
type Builder struct {
	mu    sync.Mutex
	cache map[string]*analysed // by URL; nil: keep nothing

	// Words and keys numbered across builds (with a cache), and each
	// word's key and parts by number as the last build found them.
	words     map[string]int32
	wordList  []string
	keys      map[string]int32
	keyList   []string
	wordKey   []int32
	wordParts [][]int32
	stem      map[string]string // word → Key, right parts too

	// The last build's encodings (with a cache): each key's postings and
	// their JSON, and each record file with its documents.
	encoded map[int32]encodedPostings
	recs    map[int]encodedRecords
}

type encodedPostings struct {
	postings []posting
	json     []byte
}

type encodedRecords struct {
	docs [RecordChunk]*analysed
	file File
}

// NewBuilder returns a Builder for one build.
func NewBuilder() *Builder { return &Builder{} }

// NewCaching returns a Builder that keeps what it can reuse.
func NewCaching() *Builder { return &Builder{cache: map[string]*analysed{}} }

// analysed is a document's words and how often each field has them, and
// what the last build made of them.
type analysed struct {
	doc    Doc      // the inputs, to tell whether the page changed
	words  []string // each once
	counts [][numFields]uint16
	text   string // the start of the text, for excerpts

	ids    []int32    // the words' numbers (Builder.words); nil until numbered
	scores []keyScore // by key number; nil until scored
}

type keyScore struct {
	key   int32
	score int32
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
	if b.words == nil || len(b.wordList) > 2*b.present(an)+4096 {
		// A fresh start, or words edited away pile up: number afresh.
		b.words, b.wordList, b.keys, b.keyList = map[string]int32{}, nil, map[string]int32{}, nil
		b.wordKey, b.wordParts, b.stem, b.encoded = nil, nil, map[string]string{}, map[int32]encodedPostings{}
		for _, a := range an {
			a.ids, a.scores = nil, nil
		}
	}

	// Number the words of the documents not numbered yet.
	for _, a := range an {
		if a.ids != nil {
			continue
		}
		a.ids = make([]int32, len(a.words))
		for j, w := range a.words {
			id, ok := b.words[w]
			if !ok {
				id = int32(len(b.wordList))
				b.words[w] = id
				b.wordList = append(b.wordList, w)
			}
			a.ids[j] = id
		}
	}

	// The words present, their keys, and their parts as the site's
	// vocabulary splits them now.
	present := make([]bool, len(b.wordList))
	for _, a := range an {
		for _, id := range a.ids {
			present[id] = true
		}
	}
	var words, missing []string
	for id, ok := range present {
		if ok {
			w := b.wordList[id]
			words = append(words, w)
			if _, ok := b.stem[w]; !ok {
				missing = append(missing, w)
			}
		}
	}
	got := make([]string, len(missing))
	par.Do(len(missing), func(i int) { got[i] = Key(missing[i]) })
	for i, w := range missing {
		b.stem[w] = got[i]
	}
	key := func(w string) string {
		if k, ok := b.stem[w]; ok {
			return k
		}
		k := Key(w)
		b.stem[w] = k
		return k
	}
	keyID := func(k string) int32 {
		id, ok := b.keys[k]
		if !ok {
			id = int32(len(b.keyList))
			b.keys[k] = id
			b.keyList = append(b.keyList, k)
		}
		return id
	}
	dc := NewDecompounder(words, key)
	changed := make([]bool, len(b.wordList)) // a word whose key or parts differ from the last build's
	for len(b.wordKey) < len(b.wordList) {
		b.wordKey = append(b.wordKey, -1)
		b.wordParts = append(b.wordParts, nil)
	}
	for id, ok := range present {
		if !ok {
			continue
		}
		w := b.wordList[id]
		k := keyID(b.stem[w])
		var parts []int32
		for _, p := range dc.Parts(w) {
			if pid := keyID(p); pid != k {
				parts = append(parts, pid)
			}
		}
		if k != b.wordKey[id] || !slices.Equal(parts, b.wordParts[id]) {
			changed[id] = true
			b.wordKey[id], b.wordParts[id] = k, parts
		}
	}

	// Each document's score for each key, on every core, where the
	// document or what its words stand for changed; then into the
	// postings, in the order of the documents.
	scratch := sync.Pool{New: func() any { return make([]float64, len(b.keyList)) }}
	par.Do(len(an), func(d int) {
		a := an[d]
		if a.scores != nil && !slices.ContainsFunc(a.ids, func(id int32) bool { return changed[id] }) {
			return
		}
		acc := scratch.Get().([]float64)
		var touched []int32
		add := func(k int32, s float64) {
			if acc[k] == 0 {
				touched = append(touched, k)
			}
			acc[k] += s
		}
		for j, id := range a.ids {
			s := 0.0
			for f, c := range a.counts[j] {
				if c > 0 {
					tf := float64(c)
					s += weights[f] * tf * 2.2 / (tf + 1.2)
				}
			}
			add(b.wordKey[id], s)
			for _, p := range b.wordParts[id] {
				add(p, s*partWeight)
			}
		}
		boost := docs[d].Boost
		if boost == 0 {
			boost = 1
		}
		out := make([]keyScore, len(touched))
		for i, k := range touched {
			q := int32(math.Round(acc[k] * boost * 10))
			out[i] = keyScore{k, max(q, 1)}
			acc[k] = 0
		}
		scratch.Put(acc)
		a.scores = out
	})
	counts := make([]int32, len(b.keyList))
	for _, a := range an {
		for _, x := range a.scores {
			counts[x.key]++
		}
	}
	postings := make([][]posting, len(b.keyList))
	for k, n := range counts {
		if n > 0 {
			postings[k] = make([]posting, 0, n)
		}
	}
	for d, a := range an {
		for _, x := range a.scores {
			postings[x.key] = append(postings[x.key], posting{doc: d, score: int(x.score)})
		}
	}
	var used []int // the keys with postings
	var usedKeys []string
	for k, ps := range postings {
		if len(ps) > 0 {
			used = append(used, k)
			usedKeys = append(usedKeys, b.keyList[k])
		}
	}

	var files []File
	var mu sync.Mutex
	encode := func(buf *bytes.Buffer, i int) {
		k := int32(used[i])
		if b.cache == nil {
			encodePostings(buf, postings[k])
			return
		}
		mu.Lock()
		e, ok := b.encoded[k]
		mu.Unlock()
		if ok && slices.Equal(e.postings, postings[k]) {
			buf.Write(e.json)
			return
		}
		encodePostings(buf, postings[k])
		mu.Lock()
		b.encoded[k] = encodedPostings{postings[k], bytes.Clone(buf.Bytes())}
		mu.Unlock()
	}
	termFiles, termLeaves := shard("t", usedKeys, encode)
	files = append(files, termFiles...)
	dels, delKeys := deletions(usedKeys)
	delFiles, delLeaves := shard("d", delKeys, func(buf *bytes.Buffer, i int) { encodeKeys(buf, dels[delKeys[i]]) })
	files = append(files, delFiles...)
	files = append(files, b.records(an)...)
	files = append(files, File{"index.json", manifest(len(docs), termLeaves, delLeaves)})
	if b.cache == nil {
		b.words, b.wordList, b.keys, b.keyList, b.wordKey, b.wordParts, b.stem = nil, nil, nil, nil, nil, nil, nil
	}
	return files
}

// present counts the distinct words of the documents already numbered,
// roughly: the largest document's count stands for the rest when none is.
func (b *Builder) present(an []*analysed) int {
	seen := 0
	for _, a := range an {
		seen = max(seen, len(a.words))
	}
	if len(b.wordList) == 0 {
		return 0
	}
	marks := make([]bool, len(b.wordList))
	n := 0
	for _, a := range an {
		for _, id := range a.ids {
			if !marks[id] {
				marks[id] = true
				n++
			}
		}
	}
	return max(n, seen)
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
	c := counters.Get().(*counter)
	defer counters.Put(c)
	c.reset()
	c.text(d.Title, fieldTitle)
	c.text(d.Summary, fieldSummary)
	for _, f := range []struct {
		n     int
		texts []string
	}{{fieldHeadings, d.Headings}, {fieldTags, d.Tags}, {fieldKind, d.KindWords}, {fieldFacts, d.Facts}} {
		for _, t := range f.texts {
			c.text(t, f.n)
		}
	}
	c.text(strings.ReplaceAll(d.Slug, "-", " "), fieldSlug)
	// The same pass keeps the start of the text for excerpts.
	ex := plainWriter{limit: 2 * ExcerptText}
	texts(d.HTML, func(s string, block bool) bool {
		if !block {
			c.text(s, fieldText)
		}
		ex.write(s, block)
		return true
	})
	// c's slices are used again: the document keeps copies of its size
	return &analysed{doc: *d, words: slices.Clone(c.words), counts: slices.Clone(c.counts), text: cut(ex.String(), ExcerptText)}
}

// counters are analyse's, reused.
var counters = sync.Pool{New: func() any { return new(counter) }}

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
// under w less one letter. It returns the map and its strings.
func deletions(keys []string) (map[string][]string, []string) {
	out := map[string][]string{}
	var d []rune
	for _, k := range keys {
		r := []rune(k)
		if len(r) < 3 || allDigits(k) {
			continue
		}
		out[k] = append(out[k], k)
		if len(r) < 4 {
			continue
		}
		for i := range r {
			d = append(append(d[:0], r[:i]...), r[i+1:]...)
			s := string(d)
			if l := out[s]; len(l) == 0 || l[len(l)-1] != k {
				out[s] = append(l, k)
			}
		}
	}
	list := make([]string, 0, len(out))
	for s, l := range out {
		slices.Sort(l)
		out[s] = slices.Compact(l)
		list = append(list, s)
	}
	return out, list
}

// shard splits the entries named by keys into files by prefix (see
// leaves0), each entry's value written by encode(buffer, its index in
// keys), on every core.
func shard(dir string, keys []string, encode func(*bytes.Buffer, int)) ([]File, []string) {
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	sorted := make([]string, len(keys))
	values := make([][]byte, len(keys))
	sizes := make([]int, len(keys))
	par.Do(len(order), func(i int) {
		var buf bytes.Buffer
		encode(&buf, order[i])
		sorted[i], values[i] = keys[order[i]], buf.Bytes()
		sizes[i] = len(sorted[i]) + 4 + buf.Len()
	})
	ls := leaves0(sorted, sizes, "", 0)
	files := make([]File, len(ls))
	leaves := make([]string, len(ls))
	par.Do(len(ls), func(j int) {
		l := ls[j]
		var buf bytes.Buffer
		buf.WriteByte('{')
		for i := l.from; i < l.to; i++ {
			if i > l.from {
				buf.WriteByte(',')
			}
			writeString(&buf, sorted[i])
			buf.WriteByte(':')
			buf.Write(values[i])
		}
		buf.WriteString("}\n")
		files[j] = File{dir + "/" + FileName(l.prefix) + ".json", buf.Bytes()}
		leaves[j] = l.prefix
	})
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
func (b *Builder) records(an []*analysed) []File {
	files := make([]File, (len(an)+RecordChunk-1)/RecordChunk)
	var last map[int]encodedRecords
	if b.cache != nil {
		last, b.recs = b.recs, make(map[int]encodedRecords, len(files))
	}
	var mu sync.Mutex
	par.Do(len(files), func(n int) {
		from := n * RecordChunk
		chunk := an[from:min(from+RecordChunk, len(an))]
		var docs [RecordChunk]*analysed
		copy(docs[:], chunk)
		if e, ok := last[n]; ok && e.docs == docs {
			files[n] = e.file
		} else {
			files[n] = encodeRecords(n, chunk)
		}
		if b.cache != nil {
			mu.Lock()
			b.recs[n] = encodedRecords{docs, files[n]}
			mu.Unlock()
		}
	})
	return files
}

// encodeRecords is the record file n of chunk's documents.
func encodeRecords(n int, chunk []*analysed) File {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, a := range chunk {
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
	return File{"r/" + strconv.Itoa(n) + ".json", b.Bytes()}
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
// backslashes and control characters escaped, and U+2028 and U+2029 too;
// bytes that are not UTF-8 as U+FFFD.
func writeString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		// A run that needs no escaping is written whole.
		j := i
		for j < len(s) {
			c := s[j]
			if c < utf8.RuneSelf {
				if c < 0x20 || c == '"' || c == '\\' {
					break
				}
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if r == utf8.RuneError || r == 0x2028 || r == 0x2029 {
				break
			}
			j += size
		}
		b.WriteString(s[i:j])
		if j == len(s) {
			break
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteByte(byte(r))
		default:
			fmt.Fprintf(b, `\u%04x`, r)
		}
		i = j + size
	}
	b.WriteByte('"')
}
