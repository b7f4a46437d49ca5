package search

import (
	"bytes"
	"fmt"
	"maps"
	"math"
	"math/bits"
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

// fieldScores are what a word counts for in a field, by how often the
// field has it: the field's weight, saturating with repeats
// (tf·2.2/(tf+1.2), as BM25 does). A table, since counts stop at 255.
var fieldScores = func() (t [numFields][256]float64) {
	for f, w := range weights {
		for n := range t[f] {
			tf := float64(n)
			t[f][n] = w * tf * 2.2 / (tf + 1.2)
		}
	}
	return t
}()

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

	// Unchanged says that the last build of this (caching) Builder made
	// the same file: the dev server need not take it again.
	Unchanged bool
}

// Builder builds indexes. Made with NewCaching it keeps, for the next
// build, what a build after an edit can reuse, as the dev server wants:
// each page's words and scores, every word's key and parts, and the
// postings and files; a build after one page's text changed redoes that
// page's part and the files it reaches.
type Builder struct {
	lang  *Analyzer
	mu    sync.Mutex
	cache map[string]*analysed // by URL; nil: keep nothing

	dictMu sync.Mutex
	free   []*dict // the dicts no goroutine is counting with

	// Words and keys numbered across builds (with a cache), and each
	// word's key and parts by number as the last build found them.
	words     map[string]int32
	wordList  []string
	keys      map[string]int32
	keyList   []string
	wordKey   []int32
	wordParts [][]int32
	stem      map[string]string // word → Key, right parts too

	// The last build's (with a cache).
	last *built
}

// built is what a build made, for the next to start from.
type built struct {
	urls     []string    // the documents, in order
	present  []bool      // the words present, by number
	postings [][]posting // by key number
	json     [][]byte    // each key's postings' JSON, by key number
	shards   map[string]leafFile
	dels     []File // the deletion shards, and their prefixes
	delNames []string
	used     []string // the keys with postings, sorted
	recs     map[int]encodedRecords
	manifest []byte
}

type leafFile struct {
	keys []string // the keys it holds
	file File
}

type encodedRecords struct {
	docs [RecordChunk]*analysed
	file File
}

// Forget drops what the last build made, keeping the pages' words: the
// next build writes every file. For a build whose files were not taken (the
// dev server keeps the last good site when a rebuild fails).
func (b *Builder) Forget() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.last = nil
}

// NewBuilder returns a Builder for one build of an index of pages in the
// language of code (see ForLang).
func NewBuilder(code string) *Builder { return &Builder{lang: ForLang(code)} }

// NewCaching returns a Builder for the language of code that keeps what it
// can reuse.
func NewCaching(code string) *Builder {
	return &Builder{lang: ForLang(code), cache: map[string]*analysed{}}
}

// analysed is a document's words and how often each field has them, and
// what the last build made of them.
type analysed struct {
	doc    Doc      // the inputs, to tell whether the page changed
	src    *Doc     // the Doc they came from: the same one is the same inputs
	dict   *dict    // the dict that counted it
	words  []int32  // each once, by its number in dict
	counts []counts // by word
	text   string   // the start of the text, for excerpts

	ids    []int32    // the words' numbers (Builder.words); nil until numbered
	scores []keyScore // by key number; nil until scored
}

type keyScore struct {
	key   int32
	score int32
}

// Build returns the index of docs, in the order given (a document's number
// is its place).
func (b *Builder) Build(docs []*Doc) []File { return b.BuildTo(docs, nil) }

// BuildTo is Build that also hands each file to put, when put is not nil,
// as soon as the file is made, from any goroutine: the record files while
// the terms are still worked out, much of which is one core's work.
func (b *Builder) BuildTo(docs []*Doc, put func(File)) []File {
	if put == nil {
		put = func(File) {}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	an := make([]*analysed, len(docs))
	old := make([][]keyScore, len(docs)) // the last build's scores of a page analysed again
	par.Do(len(docs), func(i int) {
		if b.cache != nil {
			prev := b.cache[docs[i].URL]
			if prev != nil && (prev.src == docs[i] || sameDoc(&prev.doc, docs[i])) {
				prev.src = docs[i]
				an[i] = prev
				return
			}
			if prev != nil {
				old[i] = prev.scores
			}
		}
		an[i] = b.analyse(docs[i])
		an[i].src = docs[i]
	})
	if b.cache != nil {
		clear(b.cache)
		for _, a := range an {
			b.cache[a.doc.URL] = a
		}
	}
	last := b.last
	b.last = nil

	// The records need the documents' texts alone: they are made, and
	// handed out, beside the rest. A record file of the same documents is
	// the last build's, whatever happened to the numbers of words.
	var lastRecs map[int]encodedRecords
	if last != nil {
		lastRecs = last.recs
	}
	var recFiles []File
	var recs map[int]encodedRecords
	recsDone := make(chan struct{})
	go func() {
		defer close(recsDone)
		recFiles, recs = records(an, lastRecs, put)
	}()

	if b.words == nil {
		b.reset(an)
		last = nil
	}
	present, n := b.number(an)
	if len(b.wordList) > 2*n+4096 {
		// Words edited away pile up, in the dicts too: number afresh, and
		// let the documents analysed from now on start new dicts.
		b.dictMu.Lock()
		b.free = nil
		b.dictMu.Unlock()
		b.reset(an)
		last = nil
		present, _ = b.number(an)
	}
	urls := make([]string, len(an))
	for i, a := range an {
		urls[i] = a.doc.URL
	}
	if last != nil && !slices.Equal(urls, last.urls) {
		last = nil // pages added, removed or moved: every number changed
	}

	// Each word's key and parts, as the site's vocabulary splits them now:
	// unchanged while the vocabulary is.
	changed := make([]bool, len(b.wordList)) // a word whose key or parts differ from the last build's
	if last == nil || !slices.Equal(present, last.present) {
		b.split(present, changed)
	}
	if b.cache == nil {
		// A one-shot build is done with the dicts and the words' maps:
		// the scores need only the words' numbers, keys and parts. (At
		// 10 000 generated pages the build's most live heap went from
		// 143 to 123 MB, BenchmarkPeakMemory.)
		b.free, b.words, b.stem = nil, nil, nil
		for _, a := range an {
			a.dict = nil
		}
	}

	// Each document's score for each key, where the document or what its
	// words stand for changed, on every core.
	rescored := make([]bool, len(an))
	parted := make([]bool, len(b.wordParts))
	for id, p := range b.wordParts {
		parted[id] = len(p) > 0
	}
	scratch := sync.Pool{New: func() any { return &scoring{acc: make([]float64, len(b.keyList)), parted: parted} }}
	par.Do(len(an), func(d int) {
		a := an[d]
		if a.scores != nil && !slices.ContainsFunc(a.ids, func(id int32) bool { return changed[id] }) {
			return
		}
		if a.scores != nil {
			old[d] = a.scores
		}
		rescored[d] = true
		sc := scratch.Get().(*scoring)
		a.scores = b.score(a, docs[d].Boost, sc)
		scratch.Put(sc)
		if b.cache == nil {
			// A one-shot build lets go of each part as soon as it is
			// done with it, so that its parts are not live all at once
			// (the build's peak, BenchmarkPeakMemory).
			a.words, a.ids, a.counts = nil, nil, nil
		}
	})

	// The postings: the last build's with the rescored documents'
	// entries replaced, or all afresh.
	var postings [][]posting
	var sortedKeys chan []string
	dirty := make([]bool, len(b.keyList)) // keys whose postings may differ from the last build's
	if last != nil {
		postings = slices.Grow(last.postings, len(b.keyList)-len(last.postings))[:len(b.keyList)]
		for d, ok := range rescored {
			if !ok {
				continue
			}
			for _, x := range old[d] {
				postings[x.key] = removePosting(postings[x.key], d)
				dirty[x.key] = true
			}
			for _, x := range an[d].scores {
				postings[x.key] = insertPosting(postings[x.key], posting{doc: int32(d), score: x.score})
				dirty[x.key] = true
			}
		}
	} else {
		// Every key is sorted beside the postings, which are one core's
		// work: the keys with postings are then taken in order (used).
		sortedKeys = make(chan []string, 1)
		go func() { sortedKeys <- slices.Sorted(slices.Values(b.keyList)) }()
		postings = allPostings(an, len(b.keyList))
		for k := range dirty {
			dirty[k] = true
		}
		if b.cache == nil {
			for _, a := range an {
				a.scores = nil
			}
		}
	}

	// Each key's postings as JSON: the last build's where they did not
	// change.
	json := make([][]byte, len(b.keyList))
	encode := func(k int) {
		json[k] = nil
		if len(postings[k]) > 0 {
			// A posting takes about 8 bytes.
			json[k] = appendPostings(make([]byte, 0, 2+8*len(postings[k])), postings[k])
		}
	}
	if last != nil {
		copy(json, last.json)
		for k, d := range dirty {
			if d {
				encode(k)
			}
		}
	} else {
		par.Do(len(b.keyList), encode)
	}
	if b.cache == nil {
		postings = nil
	}
	var used []string // the keys with postings, sorted
	keysChanged := last == nil
	if sortedKeys != nil {
		for _, k := range <-sortedKeys {
			if json[b.keys[k]] != nil {
				used = append(used, k)
			}
		}
	} else {
		for k, j := range json {
			if j != nil {
				used = append(used, b.keyList[k])
			}
			if last != nil && (j == nil) != (k >= len(last.json) || last.json[k] == nil) {
				keysChanged = true
			}
		}
		if !keysChanged {
			used = last.used
		} else {
			slices.Sort(used)
		}
	}

	// The term shards: a shard holding the same keys, none of them
	// changed, is the last build's file.
	var lastShards map[string]leafFile
	if last != nil {
		lastShards = last.shards
	}
	shards := map[string]leafFile{}
	termFiles, termLeaves := shardFiles("t", used, put, func(k string) []byte { return json[b.keys[k]] },
		func(prefix string, keys []string) (File, bool) {
			l, ok := lastShards[prefix]
			if !ok || !slices.Equal(l.keys, keys) || slices.ContainsFunc(keys, func(k string) bool { return dirty[b.keys[k]] }) {
				return File{}, false
			}
			return l.file, true
		}, func(prefix string, keys []string, f File) { shards[prefix] = leafFile{keys, f} })
	files := append([]File(nil), termFiles...)

	// The deletion shards depend on the keys alone.
	var delFiles []File
	var delLeaves []string
	if keysChanged {
		dels, delKeys := deletions(used)
		slices.Sort(delKeys)
		delFiles, delLeaves = shardFiles("d", delKeys, put, func(k string) []byte {
			return appendKeys(nil, dels[k])
		}, nil, nil)
	} else {
		delLeaves = last.delNames
		for _, f := range last.dels {
			f.Unchanged = true
			put(f)
			delFiles = append(delFiles, f)
		}
	}
	files = append(files, delFiles...)
	<-recsDone
	files = append(files, recFiles...)
	m := manifest(b.lang, len(docs), termLeaves, delLeaves)
	mf := File{Path: "index.json", Data: m, Unchanged: last != nil && bytes.Equal(m, last.manifest)}
	put(mf)
	files = append(files, mf)
	if b.cache != nil {
		b.last = &built{urls: urls, present: present, postings: postings, json: json, shards: shards,
			dels: delFiles, delNames: delLeaves, used: used, recs: recs, manifest: m}
	} else {
		b.words, b.wordList, b.keys, b.keyList, b.wordKey, b.wordParts, b.stem = nil, nil, nil, nil, nil, nil, nil
		b.free = nil
	}
	return files
}

// reset forgets the numbers of words and keys.
func (b *Builder) reset(an []*analysed) {
	// The maps are made at about the size they grow to: the words of the
	// dicts, which count a word met by two of them twice. Growing them
	// took 16 million instructions and 1.7 MB more at 10 000 generated
	// pages (BenchmarkIndex, of 1 190 million and 81 MB).
	n := 0
	b.dictMu.Lock()
	for _, d := range b.free {
		n += len(d.words)
	}
	b.dictMu.Unlock()
	b.words, b.wordList, b.keys, b.keyList = make(map[string]int32, n), nil, make(map[string]int32, n), nil
	b.wordKey, b.wordParts, b.stem = nil, nil, map[string]string{}
	for _, a := range an {
		a.ids, a.scores = nil, nil
		a.dict.global = a.dict.global[:0]
	}
}

// number numbers the words of the documents not numbered yet, and returns
// which words the documents have and how many, found document by
// document as they are numbered.
func (b *Builder) number(an []*analysed) ([]bool, int) {
	present := make([]bool, len(b.wordList))
	n := 0
	for _, a := range an {
		if a.ids == nil {
			d := a.dict
			for len(d.global) < len(d.words) {
				d.global = append(d.global, -1)
			}
			if b.cache == nil {
				a.ids = a.words // numbered once: the words' own slice will do
			} else {
				a.ids = make([]int32, len(a.words))
			}
			for j, l := range a.words {
				id := d.global[l]
				if id < 0 {
					w := d.words[l]
					var ok bool
					if id, ok = b.words[w]; !ok {
						id = int32(len(b.wordList))
						b.words[w] = id
						b.wordList = append(b.wordList, w)
						present = append(present, false)
					}
					d.global[l] = id
				}
				a.ids[j] = id
			}
		}
		for _, id := range a.ids { // still in the cache when just numbered
			if !present[id] {
				present[id] = true
				n++
			}
		}
	}
	return present, n
}

// split finds the key and the parts of every word present, and marks in
// changed the words for which either differs from the last build's.
func (b *Builder) split(present, changed []bool) {
	var words []string
	for id, ok := range present {
		if ok {
			words = append(words, b.wordList[id])
		}
	}
	// Each word's key, on every core, as the last build found it where
	// there was one (b.stem is read only meanwhile). A one-shot build
	// keeps them in this slice alone, not in the map as well.
	stems := make([]string, len(words))
	missing := make([]bool, len(words))
	par.Do(len(words), func(i int) {
		k, ok := b.stem[words[i]]
		if !ok {
			k, missing[i] = b.lang.Key(words[i]), true
		}
		stems[i] = k
	})
	if b.cache != nil {
		for i, w := range words {
			if missing[i] {
				b.stem[w] = stems[i]
			}
		}
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
	var dparts [][]string // by place in words
	if b.lang.split {
		dparts = b.decompound(words, stems)
	}
	b.wordKey = slices.Grow(b.wordKey, len(b.wordList)-len(b.wordKey))
	b.wordParts = slices.Grow(b.wordParts, len(b.wordList)-len(b.wordParts))
	for len(b.wordKey) < len(b.wordList) {
		b.wordKey = append(b.wordKey, -1)
		b.wordParts = append(b.wordParts, nil)
	}
	n := 0
	for id, ok := range present {
		if !ok {
			continue
		}
		k := keyID(stems[n])
		var parts []int32
		var wparts []string
		if dparts != nil {
			wparts = dparts[n]
		}
		n++
		for _, p := range wparts {
			if pid := keyID(p); pid != k {
				parts = append(parts, pid)
			}
		}
		if k != b.wordKey[id] || !slices.Equal(parts, b.wordParts[id]) {
			changed[id] = true
			b.wordKey[id], b.wordParts[id] = k, parts
		}
	}
}

// decompound returns the keys of the parts of each of words (the site's
// vocabulary, with their keys in stems), as Decompounder.Parts gives
// them, on every core: at 10 000 generated pages splitting the 25 000
// words one after another took 10 to 15 ms, most of what the index's
// split step took. A caching Builder keeps the keys of the pieces tried
// along the way in b.stem for the next build.
func (b *Builder) decompound(words, stems []string) [][]string {
	dc := newDecompounder(b.lang, words, stems, nil)
	// Each goroutine splits batches of words with a Decompounder of its
	// own: the same words, its own memo, and a key function that keeps
	// what it computes apart from b.stem, which they all read. A word's
	// parts do not depend on the memo: split recurses only into shorter
	// words.
	type worker struct {
		dc   *Decompounder
		keys map[string]string
	}
	var mu sync.Mutex
	var all, free []*worker
	take := func() *worker {
		mu.Lock()
		defer mu.Unlock()
		if n := len(free); n > 0 {
			w := free[n-1]
			free = free[:n-1]
			return w
		}
		w := &worker{keys: map[string]string{}}
		w.dc = dc.fork(func(s string) string {
			if k, ok := dc.words[s]; ok {
				return k // a word of the site: its key is known
			}
			if k, ok := b.stem[s]; ok {
				return k
			}
			k, ok := w.keys[s]
			if !ok {
				k = b.lang.Key(s)
				w.keys[s] = k
			}
			return k
		})
		all = append(all, w)
		return w
	}
	const batch = 256
	parts := make([][]string, len(words))
	par.Do((len(words)+batch-1)/batch, func(n int) {
		w := take()
		for i := n * batch; i < min(len(words), (n+1)*batch); i++ {
			parts[i] = w.dc.Parts(words[i])
		}
		mu.Lock()
		free = append(free, w)
		mu.Unlock()
	})
	if b.cache != nil {
		for _, w := range all {
			maps.Copy(b.stem, w.keys)
		}
	}
	return parts
}

// scoring is score's scratch space, kept from one document to the next:
// acc is zeros, one for each key, and is left so.
type scoring struct {
	acc     []float64
	touched []int32
	parted  []bool // by word number: the word has parts (Builder.wordParts)
}

// score is a document's score for each of its keys.
func (b *Builder) score(a *analysed, boost float64, sc *scoring) []keyScore {
	acc, touched := sc.acc, sc.touched[:0]
	for j, id := range a.ids {
		s := 0.0
		for c := a.counts[j]; c != 0; { // the fields that have the word, in order
			f := bits.TrailingZeros64(uint64(c)) / 8
			s += fieldScores[f][c.of(f)]
			c &^= 0xff << (8 * f)
		}
		k := b.wordKey[id]
		if acc[k] == 0 {
			touched = append(touched, k)
		}
		acc[k] += s
		if !sc.parted[id] {
			continue // most words: no parts, and their slice need not be read
		}
		for _, p := range b.wordParts[id] {
			if acc[p] == 0 {
				touched = append(touched, p)
			}
			acc[p] += s * partWeight
		}
	}
	if boost == 0 {
		boost = 1
	}
	out := make([]keyScore, len(touched))
	for i, k := range touched {
		q := int32(math.Round(acc[k] * boost * 10))
		out[i] = keyScore{k, max(q, 1)}
		acc[k] = 0
	}
	sc.touched = touched
	return out
}

// allPostings gathers every document's scores into postings by key, in
// the order of the documents.
func allPostings(an []*analysed, keys int) [][]posting {
	counts := make([]int32, keys)
	for _, a := range an {
		for _, x := range a.scores {
			counts[x.key]++
		}
	}
	postings := make([][]posting, keys)
	for k, n := range counts {
		if n > 0 {
			postings[k] = make([]posting, 0, n)
		}
	}
	for d, a := range an {
		for _, x := range a.scores {
			postings[x.key] = append(postings[x.key], posting{doc: int32(d), score: x.score})
		}
	}
	return postings
}

// removePosting returns ps without document d's entry; ps is not changed
// (the last build's files may share it).
func removePosting(ps []posting, d int) []posting {
	i, ok := slices.BinarySearchFunc(ps, int32(d), func(p posting, d int32) int { return int(p.doc - d) })
	if !ok {
		return ps
	}
	return slices.Concat(ps[:i], ps[i+1:])
}

// insertPosting returns ps with p in document order; ps is not changed.
func insertPosting(ps []posting, p posting) []posting {
	i, _ := slices.BinarySearchFunc(ps, p.doc, func(q posting, d int32) int { return int(q.doc - d) })
	return slices.Concat(ps[:i], []posting{p}, ps[i:])
}

// A posting is a document's number and its score for a key.
type posting struct{ doc, score int32 }

func sameDoc(a, b *Doc) bool {
	return a.URL == b.URL && a.Title == b.Title && a.Kind == b.Kind && a.Date == b.Date &&
		a.Summary == b.Summary && a.Slug == b.Slug && a.HTML == b.HTML && a.Boost == b.Boost &&
		slices.Equal(a.KindWords, b.KindWords) && slices.Equal(a.Headings, b.Headings) &&
		slices.Equal(a.Tags, b.Tags) && slices.Equal(a.Facts, b.Facts)
}

// analyse counts the words of each field of d.
func (b *Builder) analyse(d *Doc) *analysed {
	c := b.takeDict()
	defer b.putDict(c)
	c.start()
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
	c.text(d.Slug, fieldSlug) // its hyphens end words, as spaces do
	// The same pass keeps the start of the text for excerpts.
	ex := plainWriter{b: c.excerpt[:0], limit: ExcerptText}
	readBody(d.HTML, c, &ex)
	c.excerpt = ex.b
	// c's slices are used again: the document keeps copies of its size
	return &analysed{doc: *d, dict: c, words: slices.Clone(c.ids), counts: slices.Clone(c.counts), text: ex.excerpt()}
}

// takeDict is a dict for one goroutine's analysis, until putDict.
func (b *Builder) takeDict() *dict {
	b.dictMu.Lock()
	defer b.dictMu.Unlock()
	if n := len(b.free); n > 0 {
		c := b.free[n-1]
		b.free = b.free[:n-1]
		return c
	}
	return newDict(b.lang)
}

func (b *Builder) putDict(c *dict) {
	b.dictMu.Lock()
	defer b.dictMu.Unlock()
	b.free = append(b.free, c)
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

// shardFiles splits keys (sorted) into files by prefix (see leaves0),
// each key's value being value(key), and hands each file to put once made.
// reuse, when not nil, may give a shard's file as it was (it reports
// whether it did), and made, when not nil, hears of every shard's file.
// It works on every core.
func shardFiles(dir string, keys []string, put func(File), value func(string) []byte,
	reuse func(prefix string, keys []string) (File, bool), made func(prefix string, keys []string, f File)) ([]File, []string) {
	values := make([][]byte, len(keys))
	sizes := make([]int, len(keys))
	par.Do(len(keys), func(i int) {
		values[i] = value(keys[i])
		sizes[i] = len(keys[i]) + 4 + len(values[i])
	})
	ls := leaves0(keys, sizes, "", 0)
	files := make([]File, len(ls))
	leaves := make([]string, len(ls))
	par.Do(len(ls), func(j int) {
		l := ls[j]
		leaves[j] = l.prefix
		if reuse != nil {
			if f, ok := reuse(l.prefix, keys[l.from:l.to]); ok {
				f.Unchanged = true
				files[j] = f
				put(f)
				return
			}
		}
		n := 3
		for _, size := range sizes[l.from:l.to] {
			n += size
		}
		buf := make([]byte, 0, n) // its size, known: no copies as it grows
		buf = append(buf, '{')
		for i := l.from; i < l.to; i++ {
			if i > l.from {
				buf = append(buf, ',')
			}
			buf = appendString(buf, keys[i])
			buf = append(buf, ':')
			buf = append(buf, values[i]...)
		}
		buf = append(buf, "}\n"...)
		files[j] = File{Path: dir + "/" + FileName(l.prefix) + ".json", Data: buf}
		put(files[j])
	})
	if made != nil {
		for j, l := range ls {
			made(l.prefix, keys[l.from:l.to], files[j])
		}
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

// appendPostings appends [doc, score, doc-delta, score, …] to b. The
// index's JSON is appended to slices, not written to a bytes.Buffer: at
// 10 000 generated pages the Buffer's calls took 110 million of the
// index's 2 100 million instructions.
func appendPostings(b []byte, ps []posting) []byte {
	b = append(b, '[')
	var prev int32
	for i, p := range ps {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendUint(b, uint32(p.doc-prev))
		b = append(b, ',')
		b = appendUint(b, uint32(p.score))
		prev = p.doc
	}
	return append(b, ']')
}

// appendUint appends n in decimal. A posting's numbers are mostly of one
// to three digits (a score, the gap to the last document), which it writes
// without strconv's general path: the postings' numbers took 67 of the
// index's 1 870 million instructions at 10 000 generated pages.
func appendUint(b []byte, n uint32) []byte {
	switch {
	case n < 10:
		return append(b, byte('0'+n))
	case n < 100:
		return append(b, byte('0'+n/10), byte('0'+n%10))
	case n < 1000:
		return append(b, byte('0'+n/100), byte('0'+n/10%10), byte('0'+n%10))
	}
	return strconv.AppendUint(b, uint64(n), 10)
}

// appendKeys appends keys to b as a JSON array.
func appendKeys(b []byte, keys []string) []byte {
	b = append(b, '[')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
	}
	return append(b, ']')
}

// records writes the documents' records, RecordChunk a file: [URL, title,
// kind, date, summary, text], and hands each file to put once made.
func records(an []*analysed, last map[int]encodedRecords, put func(File)) ([]File, map[int]encodedRecords) {
	files := make([]File, (len(an)+RecordChunk-1)/RecordChunk)
	docs := make([][RecordChunk]*analysed, len(files))
	par.Do(len(files), func(n int) {
		from := n * RecordChunk
		chunk := an[from:min(from+RecordChunk, len(an))]
		copy(docs[n][:], chunk)
		if e, ok := last[n]; ok && e.docs == docs[n] {
			files[n] = e.file
			files[n].Unchanged = true
		} else {
			files[n] = encodeRecords(n, chunk)
		}
		put(files[n])
	})
	recs := make(map[int]encodedRecords, len(files))
	for n, f := range files {
		recs[n] = encodedRecords{docs[n], f}
	}
	return files, recs
}

// encodeRecords is the record file n of chunk's documents.
func encodeRecords(n int, chunk []*analysed) File {
	size := 4
	for _, a := range chunk {
		d := &a.doc
		size += 16 + len(d.URL) + len(d.Title) + len(d.Kind) + len(d.Date) + len(d.Summary) + len(a.text)
	}
	b := make([]byte, 0, size+size/32) // about its size: escapes are few
	b = append(b, '[')
	for i, a := range chunk {
		if i > 0 {
			b = append(b, ',')
		}
		d := &a.doc
		b = append(b, '[')
		for j, s := range [...]string{d.URL, d.Title, d.Kind, d.Date, d.Summary, a.text} {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendString(b, s)
		}
		b = append(b, ']')
	}
	b = append(b, "]\n"...)
	return File{Path: "r/" + strconv.Itoa(n) + ".json", Data: b}
}

func manifest(lang *Analyzer, docs int, terms, dels []string) []byte {
	b := fmt.Appendf(nil, `{"v":%d,"lang":%q,"docs":%d,"chunk":%d,"stop":`, Version, lang.Code, docs, RecordChunk)
	b = appendKeys(b, lang.Stopwords)
	b = append(b, `,"t":`...)
	b = appendKeys(b, terms)
	b = append(b, `,"d":`...)
	b = appendKeys(b, dels)
	return append(b, "}\n"...)
}

// appendString appends s to b as a JSON string: the letters as they are,
// quotes, backslashes and control characters escaped, and U+2028 and
// U+2029 too; bytes that are not UTF-8 as U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		// A run that needs no escaping is written whole.
		j := i
		for j < len(s) {
			for j+8 <= len(s) { // eight letters of ASCII at a time, to the first other byte
				if m := jsonStops(load8(s[j:])); m != 0 {
					j += bits.TrailingZeros64(m) / 8
					break
				}
				j += 8
			}
			if j == len(s) {
				break
			}
			c := s[j]
			if c < utf8.RuneSelf {
				if c < 0x20 || c == '"' || c == '\\' {
					break
				}
				j++
				continue
			}
			if j+1 < len(s) && twoByte(c, s[j+1]) {
				j += 2 // a letter of two bytes, as ä and ö: valid, and none to escape
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if r == utf8.RuneError || r == 0x2028 || r == 0x2029 {
				break
			}
			j += size
		}
		b = append(b, s[i:j]...)
		if j == len(s) {
			break
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		default:
			b = fmt.Appendf(b, `\u%04x`, r)
		}
		i = j + size
	}
	return append(b, '"')
}

// jsonStops marks with a high bit each of the eight bytes of x that a JSON
// string does not hold as it is, or that is not ASCII: a control
// character, a quote or a backslash. The lowest mark is exact, the ones
// above it may be wrong (a borrow). Records and shards are mostly text,
// and writing them a byte at a time took 15 ms of a 10 000-page build's
// CPU.
func jsonStops(x uint64) uint64 {
	ctl := (x - 0x20*ones) &^ x // a high bit where a byte is below 0x20
	q := x ^ '"'*ones
	q = (q - ones) &^ q // … where it is a quote
	bs := x ^ '\\'*ones
	bs = (bs - ones) &^ bs // … a backslash
	return (x | ctl | q | bs) & highs
}
