package search

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"html"
	"maps"
	"math/bits"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func words(text string) []string {
	var out []string
	Words(text, func(w string, start, end int) { out = append(out, w) })
	return out
}

func TestWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"Kunnanjohtajat ja SÄÄ", []string{"kunnanjohtajat", "ja", "sää"}},
		{"hyte-verkosto, 24.8.2022!", []string{"hyte", "verkosto", "24", "8", "2022"}},
		{"Åland Öljy ÄÄNEKOSKI", []string{"åland", "öljy", "äänekoski"}},
		{"ICT:n", []string{"ict", "n"}},
		{"  café  ", []string{"café"}},
		{"a\u0308", []string{"ä"}},                    // composed
		{"SA\u0308A\u0308 ja", []string{"sää", "ja"}}, // composed, then lowercased
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := words(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestKey holds the forms of a word to one key, and apart the words that
// only look alike.
func TestKey(t *testing.T) {
	same := [][]string{
		{"kunta", "kunnat", "kuntien", "kunnan", "kuntaa", "kunnissa", "kunnille"},
		{"pienet", "pienten", "pieni", "pienille", "pientä"},
		{"johtaja", "johtajat", "johtajien", "johtajana"},
		{"kokous", "kokoukset", "kokouksen", "kokouksia"},
		{"hyvinvointi", "hyvinvoinnin", "hyvinvoinnissa", "hyvinvointia"},
		{"ilmastotyö", "ilmastotyöhön", "ilmastotyön", "ilmastotyössä"},
		{"työpaja", "työpajat", "työpajojen"},
		{"verkosto", "verkostot", "verkoston", "verkostoon", "verkostoja"},
		{"kaupunki", "kaupungin", "kaupungit", "kaupunkien"},
		{"järjestö", "järjestöjen", "järjestöt"},
		{"tieto", "tiedon", "tietoa"},
		{"strategia", "strategian", "strategiat"},
	}
	for _, forms := range same {
		t.Run(forms[0], func(t *testing.T) {
			want := Finnish.Key(forms[0])
			for _, f := range forms[1:] {
				if got := Finnish.Key(f); got != want {
					t.Errorf("Key(%q) = %q, Key(%q) = %q", f, got, forms[0], want)
				}
			}
		})
	}
	apart := [][2]string{{"sää", "saa"}, {"työ", "tyo"}, {"pöytä", "poyta"}, {"2022", "2023"}, {"kunta", "kaupunki"}}
	for _, p := range apart {
		if Finnish.Key(p[0]) == Finnish.Key(p[1]) {
			t.Errorf("Key(%q) = Key(%q) = %q", p[0], p[1], Finnish.Key(p[0]))
		}
	}
}

// TestInline holds inline's names as numbers to inlineNames: every name,
// in any case, opening or closing, with attributes, and names that are
// one letter more or less, or hold a NUL.
func TestInline(t *testing.T) {
	want := func(tag string) bool {
		tag = strings.TrimPrefix(tag, "/")
		if i := strings.IndexAny(tag, " \t\n/"); i >= 0 {
			tag = tag[:i]
		}
		return slices.Contains(inlineNames, strings.ToLower(tag))
	}
	var tags []string
	for _, n := range append(slices.Clone(inlineNames), "p", "li", "td", "table", "strongest", "") {
		for _, v := range []string{n, strings.ToUpper(n), "/" + n, n + " class=x", n + "/", n + "x", n + "\x00", "\x00" + n, n + "\tid=y"} {
			tags = append(tags, v)
			if len(n) > 1 {
				tags = append(tags, v[:len(v)-1])
			}
		}
	}
	for _, tag := range tags {
		if got := inline(tag); got != want(tag) {
			t.Errorf("inline(%q) = %v, want %v", tag, got, want(tag))
		}
	}
}

func TestDecompounder(t *testing.T) {
	site := strings.Fields(`kunnanjohtaja kunnanjohtajakokoukset kokous kokouksen johtaja johtajat
		sivistysjohtajien sivistys ilmastotyöpajoja ilmasto työpaja työ kunnan maakunnan maa kunta
		seutukaupunkiverkosto seutu kaupunki verkosto verkostot tila ja kokoustilat
		040 1234567 0401234567 ilmasto2030 2030`)
	key := func(w string) string { return Finnish.Key(w) }
	d := newDecompounder(Finnish, site, nil, key)
	tests := []struct {
		word string
		want []string
	}{
		{"kunnanjohtajakokoukset", []string{"kunnanjohtaja", "johtaja", "kokous"}},
		{"sivistysjohtajien", []string{"sivistys", "johtaja"}},
		{"ilmastotyöpajoja", []string{"ilmasto", "työpaja"}},
		{"seutukaupunkiverkosto", []string{"seutu", "kaupunkiverkosto", "kaupunki", "verkosto"}},
		{"maakunnan", []string{"maa", "kunta"}},
		{"kunnanjohtaja", []string{"johtaja"}},
		{"kokous", nil},
		{"jakokous", nil}, // "ja" is a stop word and too short
		{"kokoustilat", []string{"kokous", "tila"}},
		{"verkostot", nil},
		// A number is no compound, but may be a part.
		{"0401234567", nil},
		{"ilmasto2030", []string{"ilmasto", "2030"}},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			var want []string
			for _, w := range tt.want {
				want = append(want, Finnish.Key(w))
			}
			got := d.Parts(tt.word)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("Parts(%q) = %q, want %q", tt.word, got, want)
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ html, want string }{
		{"<p>Kunta <strong>ja</strong>\n<em>kaupunki</em></p><p>Toinen</p>", "Kunta ja kaupunki Toinen"},
		{"<h2 id=\"x\">Otsikko</h2><ul><li>yksi</li><li>kaksi</li></ul>", "Otsikko yksi kaksi"},
		{"<p>a &amp; b &lt;c&gt;&nbsp;d</p>", "a & b <c> d"},
		{"<p>ennen<!-- kommentti --><script>var x = '<p>';</script>jälkeen</p>", "ennen jälkeen"},
		{"<strong>kunta</strong>n", "kuntan"},
		{"keskeneräinen <p", "keskeneräinen"},
		// Tag names in any case; a name that only begins as an inline
		// one's, or is one's longer, divides words.
		{"<P>kunta</P><p>n</p>", "kunta n"},
		{"<STRONG>kunta</Strong>n <SPAN\nclass=x>ja</SPAN>kin", "kuntan jakin"},
		{"<strongest>kunta</strongest>n<subtitle>x</subtitle>y<br/>z", "kunta n x y z"},
		{"<abbr title=\"Keski-Suomi\">K-S</abbr>:n <a href=\"/x/\">kunta</a>n", "K-S:n kuntan"},
		// Every inline element, opened and closed, in either case, and
		// block ones that begin with the same letters.
		{"a<A>b</A>c<abbr>d</abbr>e<b>f</b>g<code>h</code>i<em>j</em>k<i>l</i>m<mark>n</mark>o<s>p</s>q<small>r</small>s", "abcdefghijklmnopqrs"},
		{"a<span>b</span>c<strong>d</strong>e<sub>f</sub>g<sup>h</sup>i<U>j</U>k<del>l</del>m<ins>n</ins>o<kbd>p</kbd>q<q>r</q>s<time>t</time>u", "abcdefghijklmnopqrstu"},
		{"a<table>b<td>c<dl>d<em2>e<i-x>f<section>g<STYLE>x</STYLE>h<Script >y</scrIPT>i<u/>j", "a b c d e f g h ij"},
	}
	for _, tt := range tests {
		t.Run(tt.html, func(t *testing.T) {
			if got := plainText(tt.html); got != tt.want {
				t.Errorf("PlainText = %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"Kunnanjohtajat ja SÄÄ", "hyte-verkosto 24.8.2022", "a\u0308", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		Words(text, func(w string, start, end int) {
			if start < last || end <= start || end > len(text) {
				t.Fatalf("offsets %d..%d after %d in %q", start, end, last, text)
			}
			last = end
			if w == "" || !utf8.ValidString(w) && utf8.ValidString(text) {
				t.Fatalf("word %q", w)
			}
			k := Finnish.Key(w)
			if k == "" {
				t.Fatalf("Key(%q) is empty", w)
			}
		})
	})
}

func FuzzDecompound(f *testing.F) {
	f.Add("kunnanjohtajakokoukset kunnanjohtaja kokous johtaja", "kunnanjohtajakokoukset")
	f.Add("maa kunta", "maakuntamaakunta")
	f.Fuzz(func(t *testing.T, vocab, word string) {
		d := newDecompounder(Finnish, words(vocab), nil, Finnish.Key)
		for _, p := range d.Parts(word) {
			if p == "" {
				t.Fatalf("empty part of %q", word)
			}
		}
	})
}

// referenceCounts counts text's words as Words gives them, stop words
// left out: what counter must find.
func referenceCounts(text string) map[string]int {
	out := map[string]int{}
	Words(text, func(w string, _, _ int) {
		if !Finnish.IsStop(w) {
			out[w]++
		}
	})
	return out
}

// counterCounts counts text as two documents of one dict, the second
// with every word met before; each document counts it in two fields.
func counterCounts(text string) map[string]int {
	c := newDict(Finnish)
	var first map[string]int
	for range 2 {
		c.start()
		c.text(text, fieldText)
		c.text(text, fieldTitle) // a second field, with every word already met
		out := map[string]int{}
		for i, id := range c.ids {
			w := c.words[id]
			if c.counts[i].of(fieldText) != c.counts[i].of(fieldTitle) {
				out["!mismatch "+w] = 1
			}
			out[w] += c.counts[i].of(fieldText)
		}
		if first != nil && !maps.Equal(first, out) {
			out["!second document differs"] = 1
		}
		// Each word once in the dict, wherever in a text it stood (the
		// fast path for short words and add must hash alike).
		seen := map[string]bool{}
		for _, w := range c.words {
			if seen[w] {
				out["!twice "+w] = 1
			}
			seen[w] = true
		}
		first = out
	}
	return first
}

func TestCounter(t *testing.T) {
	var many strings.Builder
	for i := range 300 {
		many.WriteString(strings.Repeat("x", i%7+1) + string(rune('a'+i%26)) + string(rune('a'+i/26)) + " ")
	}
	for _, text := range []string{
		"", "Kunta KUNTA kunta ja Ja JA", "Äänekoski äänekoski ÄÄNEKOSKI",
		"sa\u0308a\u0308 SÄÄ sää", "İstanbul ΣΑΣ σας", "ICT:n 2022 24.8.2022", many.String(),
	} {
		t.Run(text[:min(len(text), 20)], func(t *testing.T) {
			if got, want := counterCounts(text), referenceCounts(text); !maps.Equal(got, want) {
				t.Errorf("counter: %v\nWords: %v", got, want)
			}
		})
	}
}

// TestDictCollisions gives words the same hash, which the dict's hash
// almost never does: each is still told from the others by its length,
// its ends and, past sixteen bytes, its middle, and is found again with
// capitals.
func TestDictCollisions(t *testing.T) {
	for _, tc := range []struct {
		name  string
		words []string // each a word of its own
	}{
		{"short", []string{"kunta", "kunto", "kunt", "kuntaa"}},
		{"ends", []string{"hyvinvointi", "hyvinvoinTI", "hyvinvointa", "hyvinvoinnit", "hyvinvxinti"}},
		{"middle", []string{"kunnanjohtajakokoukset", "kunnanjohtxjakokoukset", "kunnanjohtajakokoukseT", "kunnanjohtajakokoukseet"}},
		{"lengths", []string{"aaaaaaaaa", "aaaaaaaaaa", "aaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaa"}},
		{"long", []string{strings.Repeat("a", 300), strings.Repeat("a", 600)}}, // lengths past the tag's 255
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newDict(Finnish)
			c.start()
			add := func(w string) {
				_, first, last := hashWord(w)
				low := strings.ToLower(w)
				c.add(w, 42, first, last, w != low, fieldText) // one hash for all
			}
			for _, w := range tc.words {
				add(w)
				add(strings.ToUpper(w))
			}
			seen := map[string]bool{}
			for _, w := range tc.words {
				seen[strings.ToLower(w)] = true
			}
			if len(c.words) != len(seen) {
				t.Fatalf("words %q, want each of %q once", c.words, tc.words)
			}
			for i, id := range c.ids {
				if n := c.counts[i].of(fieldText); n != 2*countOf(tc.words, c.words[id]) {
					t.Errorf("%q counted %d times", c.words[id], n)
				}
			}
		})
	}
}

// dictCounts are the counts of the document c has counted, by word.
func dictCounts(c *dict) map[string]counts {
	out := map[string]counts{}
	for i, id := range c.ids {
		out[c.words[id]] = c.counts[i]
	}
	return out
}

// countOf is how many of words are w, lowercased.
func countOf(words []string, w string) int {
	n := 0
	for _, x := range words {
		if strings.ToLower(x) == w {
			n++
		}
	}
	return n
}

func FuzzCounter(f *testing.F) {
	for _, s := range []string{"Kunta KUNTA kunta ja", "Äänekoski äänekoski", "sa\u0308a\u0308 SÄÄ", "\xff\xfeA", "kunta ja kunta",
		// Words of nine to sixteen bytes, told by their ends alone, and
		// longer ones of the same ends and length but another middle.
		"Varhaiskasvatus varhaiskasvatus hyvinvointi Hyvinvointi",
		"kunnanjohtajakokoukset KUNNANJOHTAJAKOKOUKSET kunnanjohtXjakokoukset kunnanjohtxjakokoukset"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := counterCounts(text), referenceCounts(text); !maps.Equal(got, want) {
			t.Errorf("counter: %v\nWords: %v", got, want)
		}
	})
}

// FuzzHashWord holds hashWord's lowering of eight bytes at a time to a
// byte-by-byte one: a word hashes as its ASCII capitals lowered do, and
// its first and last eight bytes are those lowered. Within a text, a word hashes
// as it does alone, its last bytes loaded with the text's next ones.
func FuzzHashWord(f *testing.F) {
	for _, s := range []string{"Kunta", "KUNNANJOHTAJAKOKOUKSET", "Jämsä", "@[`{\x80\xc1\xda", "AZaz09", "kunta ja kaupunki tekevät yhteistyötä"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		low := []byte(s)
		for i, b := range low {
			if 'A' <= b && b <= 'Z' {
				low[i] = b + 'a' - 'A'
			}
		}
		h, first, last := hashWord(s)
		if lh, _, _ := hashWord(string(low)); h != lh {
			t.Errorf("hashWord(%q) differs from hashWord(%q)", s, low)
		}
		if want := load8(string(low[:min(len(low), 8)]) + "\x00\x00\x00\x00\x00\x00\x00\x00"); first != want {
			t.Errorf("hashWord(%q): first bytes %x, want %x", s, first, want)
		}
		var want uint64
		if len(low) > 8 {
			want = load8(string(low[len(low)-8:]))
		}
		if last != want {
			t.Errorf("hashWord(%q): last bytes %x, want %x", s, last, want)
		}
		text := s[:min(len(s), 40)] // words at every place: not quadratic in a long input
		for i := 0; i <= len(text); i += 3 {
			for j := i; j <= len(text); j += 2 {
				gh, gf, gl := hashAt(text, i, j)
				if wh, wf, wl := hashWord(text[i:j]); gh != wh || gf != wf || gl != wl {
					t.Errorf("hashAt(%q, %d, %d) = %x, %x, %x; hashWord(%q) = %x, %x, %x", text, i, j, gh, gf, gl, text[i:j], wh, wf, wl)
				}
			}
		}
		if got := lower8(load8(s + "........")); got != load8(string(low)+"........") {
			t.Errorf("lower8 of %q: %x, want %x", s, got, load8(string(low)+"........"))
		}
	})
}

// FuzzExcerpt holds a document's excerpt, collected only up to its limit
// and cut where the collecting found it, to the excerpt cut rune by rune
// from the whole text; and the words readBody counts on the way to those
// of the pieces of texts, the reference reader.
func FuzzExcerpt(f *testing.F) {
	for _, s := range []string{"<p>Kunta ja\nkaupunki  tekevät</p><p>yhteistyötä\u00a0aina</p>", "a b  c\td", "<li>x</li>\n<li> y </li>", "\xc2 \xc2\xa0ää öö",
		"<p>Jyv&auml;skyl&auml; <strong>kunta</strong>n<!-- x -->kin</p><script>var a = 'b'</script>c<style>d</style>e<>f<g"} {
		f.Add(s, uint8(3))
	}
	f.Add("<p><em>Kunta</em>n tai <b>kaupungin</b> talo</p>", uint8(30))
	// Letters whose lowercase is longer or shorter, before a script's end.
	f.Add("<p>a</p><script>İİİİ x</SCRIPT>b<style>ȺȺ</style >c<script>K</scrİpt></script>d", uint8(1))
	// Past the excerpt's letters: character references in and between
	// words, and tags that end them.
	f.Add("<p>Alku.</p><p>Jyv&auml;skyl&auml;n kunta&shy;liitto &amp; &quot;muut&quot; e&#x301;e&#228;x</p>k<b>o</b>ulu<!-- <p>ei</p> -->ja<script>x<y</script>&lt;z", uint8(2))
	// Past the excerpt: words inside a comment, a script and a style,
	// which must go uncounted (the seed above has only a stop word and a
	// single letter there, which no count shows).
	f.Add("<p>Alku.</p><!-- <p>piilo</p> --><p>kunta</p><script>if (kunta) { kaupunki() }</script><STYLE>.seutu { color: red }</STYLE><svg><title>kartta</title></svg>loppu", uint8(2))
	f.Fuzz(func(t *testing.T, h string, n uint8) {
		limit := int(n%40) + 1
		whole := plainWriter{limit: -1}
		texts(h, whole.write)
		part := plainWriter{limit: limit}
		c := newDict(Finnish)
		c.start()
		readBody(h, c, &part)
		ref := newDict(Finnish)
		ref.start()
		texts(h, func(s string, block bool) bool {
			if !block {
				ref.text(s, fieldText)
			}
			return true
		})
		if got, want := dictCounts(c), dictCounts(ref); !maps.Equal(got, want) {
			t.Errorf("words of %q: %v, from texts %v", h, got, want)
		}
		if got, want := part.excerpt(), cut(whole.b, limit); got != want {
			t.Errorf("excerpt of %d letters of %q: %q, from the whole text %q", limit, h, got, want)
		}
	})
}

// FuzzLetterCount holds the excerpts' letter counting, eight bytes at a
// time, to a count byte by byte of the bytes that do not continue a UTF-8
// sequence, and that to utf8's, rune by rune, where s is UTF-8.
func FuzzLetterCount(f *testing.F) {
	for _, s := range []string{"Kunta ja kaupunki tekevät yhteistyötä aina ", "ääää öööö åååå", "a\xffb\xc3", "abcdefghijklmnop qrstuvwxyz ", "\xc3\xa4\xe2\x80\xa6\xf0\x9f\x98\x80\xc2",
		"äöäöåäöä yö", "abcdefg\xc3\xa4bcdefgh", "\xa4bcdefg\xc3", "\xc0\x80abcdef", "a\xc1\xbfbcdefgh", "ab\xdf\xbfcd\xc2\x80ef", "abcdefg\xc3", "\x80\x80ab"} {
		f.Add(s, uint8(5))
	}
	f.Fuzz(func(t *testing.T, s string, n uint8) {
		want := 0
		for i := range len(s) {
			if s[i]&0xc0 != 0x80 {
				want++
			}
		}
		got := letterCount(s)
		if got != want {
			t.Errorf("letterCount(%q) = %d, want %d", s, got, want)
		}
		if runes := utf8.RuneCountInString(s); utf8.ValidString(s) && got != runes {
			t.Errorf("letterCount(%q) = %d, utf8 counts %d", s, got, runes)
		}
		if got, want := offsetOf(s, int(n)), letterEnd([]byte(s), int(n)); got != want {
			t.Errorf("offsetOf(%q, %d) = %d, want %d", s, n, got, want)
		}
	})
}

// letterEnd is where the first n letters of s end, byte by byte: where
// its letter n+1 begins (a byte that does not continue a UTF-8 sequence),
// or len(s).
func letterEnd(s []byte, n int) int {
	i := 0
	for i < len(s) && (n > 0 || s[i]&0xc0 == 0x80) {
		if s[i]&0xc0 != 0x80 {
			n--
		}
		i++
	}
	return i
}

// cut is the reference excerpt: the first n letters of s, ended at a
// space when one is near, and " …" when s goes on, letter by letter
// (letterEnd).
func cut(s []byte, n int) string {
	s = bytes.TrimSuffix(s, []byte(" "))
	i := letterEnd(s, n)
	if i == len(s) {
		return string(s)
	}
	if j := bytes.LastIndexByte(s[:i], ' '); j > i*3/4 {
		i = j
	}
	return string(s[:i]) + " …"
}

func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", `a"b\c`, "\x00\x1f", "sää\u2028\u2029", "\xff", "\ufffd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := appendString(nil, s)
		var got string
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("%q gives %q: %v", s, b, err)
		}
		// Each byte that is not UTF-8 reads back as U+FFFD.
		if want := string([]rune(s)); got != want {
			t.Fatalf("%q reads back as %q, want %q", s, got, want)
		}
	})
}

// FuzzStops holds the eight-byte checks of appendString (jsonStops) and of
// excerpts (textStops, runStops) to byte-by-byte ones: the lowest mark is
// the first byte that stops a run (runStops: or a space before a !).
func FuzzStops(f *testing.F) {
	for _, s := range []string{"kuntaliitto", "sää ja yö", "a\"bcdefgh", "abc\\defg", "\x1fabcdefg", "abcdefg\x7f", "\x00\x00\x00\x00\x00\x00\x00\x00", "abc\xc2\xa0def", "abcdefg!", "\xff\x80\xc3\xa4\xe2\x80\xa6 ", "kunta123", "kuntA123", "az09`{/:", "ab cd ef", "ab  cd e", "abcdefg ", "a\nb c\xc2\xa0d", "a !b c d"} {
		f.Add(uint64(0), s)
	}
	f.Fuzz(func(t *testing.T, x uint64, s string) {
		if len(s) >= 8 {
			x = load8(s)
		}
		run := func(ok func(c byte) bool) int {
			n := 0
			for n < 8 && ok(byte(x>>(8*n))) {
				n++
			}
			return n
		}
		first := func(m uint64) int { return bits.TrailingZeros64(m) / 8 }
		if got, want := first(jsonStops(x)), run(func(c byte) bool { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\' }); got != want {
			t.Errorf("jsonStops(%#016x): first stop %d, want %d", x, got, want)
		}
		if got, want := first(textStops(x)), run(func(c byte) bool { return plainByte[c] }); got != want {
			t.Errorf("textStops(%#016x): first stop %d, want %d", x, got, want)
		}
		// A run's stop: a byte that is not plainByte's, but a space
		// that one is known to follow.
		k := 0
		for k < 8 {
			c := byte(x >> (8 * k))
			if !plainByte[c] && (c != ' ' || k == 7 || !plainByte[byte(x>>(8*(k+1)))]) {
				break
			}
			k++
		}
		if got := first(runStops(x)); got > k || got < k && !bytes.Contains(binary.LittleEndian.AppendUint64(nil, x), []byte(" !")) {
			t.Errorf("runStops(%#016x): first stop %d, want %d", x, got, k)
		}
	})
}

// TestOtherLanguages holds the Swedish and English analysis: one key for a
// word's forms, Swedish compounds split at a linking s too, and the
// manifest naming the language.
func TestOtherLanguages(t *testing.T) {
	for _, tc := range []struct {
		code  string
		forms [][]string
		parts map[string][]string // a word of vocab and its parts' keys' words
		vocab []string
	}{
		{code: "sv",
			forms: [][]string{{"kommun", "kommuner", "kommunerna", "kommunens"}, {"nätverk", "nätverken"}, {"samarbete", "samarbeten"}},
			parts: map[string][]string{"utvecklingsprojekt": {"utveckling", "projekt"}, "kommunsamarbete": {"kommun", "samarbete"}},
			vocab: []string{"utveckling", "projekt", "utvecklingsprojekt", "kommun", "samarbete", "kommunsamarbete"}},
		{code: "en",
			forms: [][]string{{"network", "networks", "networking"}, {"manager", "managers"}, {"municipality", "municipalities"}},
			parts: map[string][]string{"workshop": nil},
			vocab: []string{"work", "shop", "workshop"}},
	} {
		t.Run(tc.code, func(t *testing.T) {
			a := ForLang(tc.code)
			for _, forms := range tc.forms {
				for _, f := range forms[1:] {
					if a.Key(f) != a.Key(forms[0]) {
						t.Errorf("Key(%q) = %q, Key(%q) = %q", f, a.Key(f), forms[0], a.Key(forms[0]))
					}
				}
			}
			docs := []*Doc{{URL: "/a/", Title: strings.Join(tc.vocab, " ")}}
			b := NewCaching(tc.code) // keeps its words after the build, for the look below
			files := b.Build(docs)
			m := files[len(files)-1]
			if !strings.Contains(string(m.Data), `"lang":"`+tc.code+`"`) {
				t.Errorf("manifest: %s", m.Data)
			}
			// The parts the builder gave each word (none for English,
			// which does not compound), as their keys.
			for w, want := range tc.parts {
				id, ok := b.words[w]
				if !ok {
					t.Fatalf("%q is not among the index's words", w)
				}
				var got []string
				for _, k := range b.wordParts[id] {
					got = append(got, b.keyList[k])
				}
				var keys []string
				for _, p := range want {
					keys = append(keys, a.Key(p))
				}
				if !slices.Equal(got, keys) {
					t.Errorf("parts of %q: %q, want %q", w, got, keys)
				}
			}
		})
	}
}

// plainText is the text of an HTML fragment as analyse reads it: tags
// dropped, a space for a block's, runs of white space one space.
func plainText(h string) string {
	w := plainWriter{limit: -1}
	readBody(h, newDict(Finnish), &w)
	return w.String()
}

// texts is the reference reader of HTML that readBody is held to, a
// piece at a time: it calls fn with the text between the tags of h,
// character references decoded, and with block true where a tag other
// than an inline one divides it, until fn returns false.
func texts(h string, fn func(text string, block bool) bool) {
	emit := func(s string) bool {
		if s == "" {
			return true
		}
		return fn(html.UnescapeString(s), false)
	}
	for len(h) > 0 {
		lt := strings.IndexByte(h, '<')
		if lt < 0 {
			emit(h)
			return
		}
		if !emit(h[:lt]) {
			return
		}
		h = h[lt:]
		switch {
		case strings.HasPrefix(h, "<!--"):
			end := strings.Index(h, "-->")
			if end < 0 {
				return
			}
			h = h[end+3:]
			continue
		case hasTagPrefix(h, "<script") || hasTagPrefix(h, "<style"):
			name := "</script"
			if hasTagPrefix(h, "<style") {
				name = "</style"
			}
			end := strings.Index(lowerASCII(h), name)
			if end < 0 {
				return
			}
			h = h[end+1:] // the closing tag goes as any tag
		}
		gt := strings.IndexByte(h, '>')
		if gt < 0 {
			return
		}
		if !inline(h[1:gt]) && !fn("", true) {
			return
		}
		h = h[gt+1:]
	}
}

// lowerASCII is s with its ASCII capitals lowered, and nothing else
// changed: the same length, as an index into it must be s's.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
