package body

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"seutu/internal/markdown"
)

// samples are bodies with every construct that shapes a conversion.
var samples = []string{
	"# Otsikko\n\nTeksti, jossa [linkki](../verkostot/x.md#osa) ja ”lainaus”.\n",
	"## Tehtävät\n\n- [x] tehty\n- [ ] ~~kesken~~\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n",
	"Alaviite[^1] ja https://example.org/.\n\n[^1]: Selitys.\n",
	"![kuva [sisällä](/a/)](/kuva.png) ja <b>raaka</b> HTML.\n",
	"[tyhjä]() [skripti](javascript:alert(1)) [viite][x]\n\n[x]: /kunnat/&#x6a;amsa/ \"Otsikko\"\n",
	"Otsikko\n=======\n\nOtsikko\n-------\n\n    koodia\n\n```go\nfunc main() {}\n```\n",
}

// formatDigest is the digest of the samples' conversions. When it changes,
// markdown's output changed: bump FormatVersion, so that caches made
// before are not read, and write the new digest here.
const formatDigest = "b86bebba896eb98b92780ec28ee63937c183df99a4e3c2ccae3e2f759c98ed36"

func TestFormatVersion(t *testing.T) {
	md := markdown.New()
	h := sha256.New()
	for i, s := range samples {
		res := md.Convert([]byte(s), fmt.Sprintf("content/%d.md", i), 4)
		html, links, diags := res.Link(nil)
		fmt.Fprintf(h, "%q\n%+v\n%+v\n%+v\n%+v\n", html, res.Headings, res.Links, links, diags)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != formatDigest {
		t.Errorf("the conversions' digest is %s, want %s: if markdown's output changed, bump FormatVersion (%s) and write the new digest in formatDigest", got, formatDigest, FormatVersion)
	}
}

// convertSamples converts the samples into a memo made by Load, as a build
// would, and returns their keys and conversions.
func convertSamples(m *Memo, md *markdown.Converter) ([]Key, []markdown.Result) {
	var keys []Key
	var results []markdown.Result
	for i, s := range samples {
		file := fmt.Sprintf("content/%d.md", i)
		k := m.Key([]byte(s), file, 4)
		res := md.Convert([]byte(s), file, 4)
		m.put(k, res)
		keys, results = append(keys, k), append(results, res)
	}
	return keys, results
}

// linkedAs is what a conversion gives once linked, with the holes filled.
func linkedAs(res markdown.Result) string {
	html, links, diags := res.Link(nil)
	return fmt.Sprintf("%s\n%+v\n%+v\n%+v\n%+v", html, res.Headings, res.Links, links, diags)
}

// A conversion saved and loaded links as it did, in another process (a
// Converter with another mark).
func TestCacheRoundTrip(t *testing.T) {
	dir := t.TempDir()
	m := Load(dir)
	keys, results := convertSamples(m, markdown.New())
	if err := m.Save(dir); err != nil {
		t.Fatal(err)
	}
	loaded := Load(dir)
	if loaded.Note() != "" || loaded.Len() != len(samples) {
		t.Fatalf("loaded %d entries (%q), want %d", loaded.Len(), loaded.Note(), len(samples))
	}
	md := markdown.New()
	for i, k := range keys {
		res, ok := loaded.get(k, md)
		if !ok {
			t.Fatalf("sample %d: not in the cache", i)
		}
		if got, want := linkedAs(res), linkedAs(results[i]); got != want {
			t.Errorf("sample %d: loaded\n%s\nwant\n%s", i, got, want)
		}
	}
	// Saved again, the file is the same: entries are written as read.
	before, _ := os.ReadFile(filepath.Join(dir, CacheFile))
	if err := loaded.Save(dir); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, CacheFile))
	if !bytes.Equal(before, after) {
		t.Error("saving what was loaded changed the file")
	}
}

// A file of another version is not read, even when it is whole; an entry
// that does not decode is a miss.
func TestCacheVersionAndEntries(t *testing.T) {
	dir := t.TempDir()
	m := Load(dir)
	m.version = "seutu-body-0"
	keys, _ := convertSamples(m, markdown.New())
	if err := m.Save(dir); err != nil {
		t.Fatal(err)
	}
	if l := Load(dir); l.Len() != 0 || l.Note() == "" {
		t.Errorf("another version: %d entries (%q), want none", l.Len(), l.Note())
	}

	keys, results := convertSamples(NewMemo(), markdown.New()) // of this version
	entries := map[Key][]byte{}
	for i, k := range keys {
		entries[k] = appendEntry(nil, results[i].Freeze())
	}
	entries[keys[0]] = entries[keys[0]][:len(entries[keys[0]])-1] // short
	entries[keys[1]] = append(entries[keys[1]], 0)                // long
	if err := writeCache(dir, version(), slices.Clone(keys), func(k Key) ([]byte, error) { return entries[k], nil }); err != nil {
		t.Fatal(err)
	}
	l := Load(dir)
	md := markdown.New()
	for i, k := range keys {
		if _, ok := l.get(k, md); ok != (i > 1) {
			t.Errorf("entry %d: found %v", i, ok)
		}
	}
}

// A caching Converter converts a body again only when its text changed,
// whatever slice holds it.
func TestMemoBySlice(t *testing.T) {
	site, bodies := resolveSite(t, testContent)
	c := NewCaching()
	ix := NewIndex(site, nil)
	_, first, _, err := c.Link(context.Background(), site, bodies, ix)
	if err != nil || first == 0 {
		t.Fatalf("first: %d converted, %v", first, err)
	}
	for f, b := range bodies {
		b.Text = bytes.Clone(b.Text) // the same text in another slice
		bodies[f] = b
	}
	const edited = "content/verkostot/kunnanjohtajat.md"
	b := bodies[edited]
	b.Text = append(b.Text, "\nLisää.\n"...)
	bodies[edited] = b
	_, again, _, err := c.Link(context.Background(), site, bodies, ix)
	if err != nil || again != 1 {
		t.Errorf("after an edit of one body: %d converted, %v", again, err)
	}
	if got := c.memo.Len(); got != first {
		t.Errorf("the memo holds %d conversions, want %d: the old text's should go", got, first)
	}
}

// FuzzCacheFile reads any bytes as a cache file: never a panic, and what
// it accepts thaws or is refused.
func FuzzCacheFile(f *testing.F) {
	dir := f.TempDir()
	m := Load(dir)
	convertSamples(m, markdown.New())
	if err := m.Save(dir); err != nil {
		f.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, CacheFile))
	f.Add(data)
	_, results := convertSamples(NewMemo(), markdown.New())
	for _, res := range results {
		f.Add(appendEntry(nil, res.Freeze()))
	}
	md := markdown.New()
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := parseIndex(bytes.NewReader(data), int64(len(data)), version())
		if err == nil {
			for _, at := range entries {
				if at.off < 0 || at.off+int64(at.n) > int64(len(data))-4 {
					t.Fatalf("an entry at %d, %d bytes, in a file of %d", at.off, at.n, len(data))
				}
				if fr, ok := decodeEntry(data[at.off : at.off+int64(at.n)]); ok {
					md.Thaw(fr)
				}
			}
		}
		if fr, ok := decodeEntry(data); ok {
			if res, ok := md.Thaw(fr); ok {
				got, _ := decodeEntry(appendEntry(nil, res.Freeze()))
				if !reflect.DeepEqual(got, fr) {
					t.Errorf("thawed and frozen again:\n%+v\nwant\n%+v", got, fr)
				}
			}
		}
	})
}

// A Memo keeps no file of its own but the cache file: not the new
// conversions' once closed, whether it was saved or not.
func TestCacheLeavesNoOtherFiles(t *testing.T) {
	dir := t.TempDir()
	m := Load(dir)
	convertSamples(m, markdown.New())
	m.Close()
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Errorf("closed unsaved, the folder holds %v", files)
	}
	m = Load(dir)
	convertSamples(m, markdown.New())
	if err := m.Save(dir); err != nil {
		t.Fatal(err)
	}
	m.Close()
	if files, _ := os.ReadDir(dir); len(files) != 1 || files[0].Name() != CacheFile {
		t.Errorf("saved, the folder holds %v", files)
	}
	if l := Load(dir); l.Len() != len(samples) || l.Note() != "" {
		t.Errorf("loaded %d entries (%q)", l.Len(), l.Note())
	} else {
		l.Close()
	}
}

// What a caching Converter keeps of each body follows the site: a page
// that is gone drops out, and one that comes in is kept.
func TestLinkedFollowsTheSite(t *testing.T) {
	site, bodies := resolveSite(t, testContent)
	c := NewCaching()
	if _, _, _, err := c.Link(context.Background(), site, bodies, NewIndex(site, nil)); err != nil {
		t.Fatal(err)
	}
	const gone, added = "content/erikois.md", "content/uusi.md"
	if _, ok := c.linked[gone]; !ok {
		t.Fatalf("%s not kept after the first Link", gone)
	}
	content := maps.Clone(testContent)
	delete(content, gone)
	content[added] = "---\ntitle: Uusi\n---\nUusi sivu.\n"
	site, bodies = resolveSite(t, content)
	if _, _, _, err := c.Link(context.Background(), site, bodies, NewIndex(site, nil)); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.linked[gone]; ok {
		t.Errorf("%s is still kept after it was removed", gone)
	}
	if _, ok := c.linked[added]; !ok {
		t.Errorf("%s is not kept", added)
	}
	want := 0
	for f := range bodies {
		if f != "" {
			want++
		}
	}
	if len(c.linked) != want {
		t.Errorf("%d bodies kept, want %d", len(c.linked), want)
	}
}
