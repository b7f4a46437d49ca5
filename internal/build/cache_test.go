package build

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"seutu/internal/body"
	"seutu/internal/write"
)

// siteFS is testdata/site in memory, for edits.
func siteFS(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := "testdata/site"
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// buildCached builds fsys with the cache folder cache ("" for none).
func buildCached(t *testing.T, fsys fstest.MapFS, cache string) (*Report, map[string][]byte) {
	t.Helper()
	mem := write.NewMemory()
	rep := Run(fsys, Options{Now: testNow, Minify: true, Fingerprint: true, Cache: cache}, mem)
	if rep.Failed() {
		t.Fatal(rep.Diags)
	}
	return rep, maps.Clone(mem.Files())
}

func sameSite(t *testing.T, what string, got, want map[string][]byte) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d files, want %d", what, len(got), len(want))
	}
	for name, w := range want {
		if !bytes.Equal(got[name], w) {
			t.Errorf("%s: %s differs from the build without a cache", what, name)
		}
	}
}

// A build with a warm cache converts nothing and writes the same bytes
// as one without; an edit of one body converts that body alone.
func TestCacheSameBytes(t *testing.T) {
	fsys := siteFS(t)
	none, want := buildCached(t, fsys, "")
	if none.Converted == 0 || none.Cached != 0 {
		t.Fatalf("without a cache: %d converted, %d cached", none.Converted, none.Cached)
	}
	cache := t.TempDir()
	cold, got := buildCached(t, fsys, cache)
	sameSite(t, "cold cache", got, want)
	if cold.Converted != none.Converted || cold.Cached != 0 || cold.CacheNote != "" {
		t.Errorf("cold cache: %d converted, %d cached (%q), want %d, 0", cold.Converted, cold.Cached, cold.CacheNote, none.Converted)
	}
	warm, got := buildCached(t, fsys, cache)
	sameSite(t, "warm cache", got, want)
	if warm.Converted != 0 || warm.Cached != none.Converted {
		t.Errorf("warm cache: %d converted, %d cached, want 0, %d", warm.Converted, warm.Cached, none.Converted)
	}
	if !strings.Contains(warm.Summary("build"), "bodies from the cache") {
		t.Errorf("the summary does not tell: %s", warm.Summary("build"))
	}

	const page = "content/verkostot/kunnanjohtajat.md"
	edited := maps.Clone(fsys)
	f := *edited[page]
	f.Data = append(bytes.Clone(f.Data), "\nUusi kappale.\n"...)
	edited[page] = &f
	_, want = buildCached(t, edited, "")
	rep, got := buildCached(t, edited, cache)
	sameSite(t, "after an edit", got, want)
	if rep.Converted != 1 || rep.Cached != none.Converted-1 {
		t.Errorf("after an edit of one body: %d converted, %d cached, want 1, %d", rep.Converted, rep.Cached, none.Converted-1)
	}
	// The file keeps what the last build used: not the edited body's old text.
	if n := body.Load(cache).Len(); n != none.Converted {
		t.Errorf("the cache holds %d bodies, want %d", n, none.Converted)
	}
}

// Whatever is wrong with the cache, the build writes the same bytes and
// does not fail.
func TestBrokenCache(t *testing.T) {
	fsys := siteFS(t)
	_, want := buildCached(t, fsys, "")
	good := t.TempDir()
	buildCached(t, fsys, good)
	data, err := os.ReadFile(filepath.Join(good, body.CacheFile))
	if err != nil {
		t.Fatal(err)
	}
	other := t.TempDir()
	otherSite := maps.Clone(fsys)
	for name, f := range otherSite {
		if strings.HasSuffix(name, ".md") {
			g := *f
			g.Data = append(bytes.Clone(f.Data), "\nToinen sivusto.\n"...)
			otherSite[name] = &g
		}
	}
	buildCached(t, otherSite, other)
	foreign, err := os.ReadFile(filepath.Join(other, body.CacheFile))
	if err != nil {
		t.Fatal(err)
	}
	flip := func(at int) []byte {
		b := bytes.Clone(data)
		b[at] ^= 0x20
		return b
	}
	tests := []struct {
		name  string
		setup func(file string)
	}{
		{"empty", func(file string) { os.WriteFile(file, nil, 0o644) }},
		{"truncated", func(file string) { os.WriteFile(file, data[:len(data)/2], 0o644) }},
		{"without its checksum", func(file string) { os.WriteFile(file, data[:len(data)-4], 0o644) }},
		{"a byte flipped in the middle", func(file string) { os.WriteFile(file, flip(len(data)/2), 0o644) }},
		{"a byte flipped in the header", func(file string) { os.WriteFile(file, flip(3), 0o644) }},
		{"another version", func(file string) {
			os.WriteFile(file, bytes.Replace(data, []byte(body.FormatVersion), []byte("seutu-body-0"), 1), 0o644)
		}},
		{"another site's", func(file string) { os.WriteFile(file, foreign, 0o644) }},
		{"garbage", func(file string) { os.WriteFile(file, bytes.Repeat([]byte("seutu bodies\n"), 1000), 0o644) }},
		{"unreadable", func(file string) { os.Symlink(file, file) }}, // a loop: root reads any mode
		{"a folder", func(file string) { os.Mkdir(file, 0o755) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.setup(filepath.Join(dir, body.CacheFile))
			_, got := buildCached(t, fsys, dir)
			sameSite(t, tt.name, got, want)
			_, got = buildCached(t, fsys, dir) // as saved, or not
			sameSite(t, tt.name+", again", got, want)
		})
	}
}

// A build on disk loads and saves the cache as Run does, and a cache that
// cannot be saved is a note, not an error.
func TestBuildSavesCache(t *testing.T) {
	tmp := t.TempDir()
	cache := filepath.Join(tmp, "cache")
	opts := Options{Source: "testdata/site", Dest: filepath.Join(tmp, "public"), Now: testNow, Cache: cache}
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	rep, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Converted != 0 || rep.Cached == 0 {
		t.Errorf("the second build converted %d bodies, took %d from the cache", rep.Converted, rep.Cached)
	}
	opts.Cache = filepath.Join(opts.Dest, "index.html") // a file: no folder can be made there
	rep, err = Build(context.Background(), opts)
	if err != nil || rep.CacheNote == "" {
		t.Errorf("a cache that cannot be saved: %v, note %q", err, rep.CacheNote)
	}
}
