package build

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"seutu/internal/write"
)

// sessionOn copies the site folder in fsys to a temporary folder, under
// the folder under (. for the site itself), and builds it in a session.
func sessionOn(t *testing.T, fsys fs.FS, under string) (s *Session, src string, opts Options, first *Result) {
	t.Helper()
	src = t.TempDir()
	if err := os.CopyFS(filepath.Join(src, under), fsys); err != nil {
		t.Fatal(err)
	}
	opts = Options{Source: src, Now: testNow}
	s, err := NewSession(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	first = s.Rebuild(context.Background(), nil)
	if first.Failed() {
		t.Fatal(first.Report.Diags)
	}
	return s, src, opts, first
}

// differsFromFull builds src in full and lists, sorted, the files whose
// bytes in served differ from it.
func differsFromFull(src string, opts Options, served map[string][]byte) (full *Report, stale []string) {
	mem := write.NewMemory()
	full = Run(os.DirFS(src), opts, mem)
	want := mem.Files()
	for p, b := range want {
		if !bytes.Equal(served[p], b) {
			stale = append(stale, p)
		}
	}
	for p := range served {
		if _, ok := want[p]; !ok {
			stale = append(stale, p+" (not in a full build)")
		}
	}
	slices.Sort(stale)
	return full, stale
}

// TestIncrementalEqualsFull edits a site step by step, rebuilds the session
// after each edit with only the changed files named, and compares the whole
// site with a clean full build of the same content.
func TestIncrementalEqualsFull(t *testing.T) {
	s, src, opts, first := sessionOn(t, os.DirFS("testdata/site"), ".")
	all := first.Rendered

	file := func(p string) string { return filepath.Join(src, filepath.FromSlash(p)) }
	edit := func(p, old, new string) func(t *testing.T) []string {
		return func(t *testing.T) []string {
			b, err := os.ReadFile(file(p))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("%s lacks %q", p, old)
			}
			os.WriteFile(file(p), bytes.Replace(b, []byte(old), []byte(new), 1), 0o644)
			return []string{p}
		}
	}
	steps := []struct {
		name    string
		do      func(t *testing.T) []string
		partial bool   // the rebuild should render fewer pages than the site has
		fails   string // the rebuild should fail with this in its diagnostics
	}{
		{"edit body", edit("content/verkostot/hyte.md", "Verkosto kokoontuu", "Hyte-verkosto kokoontuu"), true, ""},
		{"add heading", edit("content/verkostot/hyte.md", "Hyte-verkosto kokoontuu", "## Kokoukset\n\nHyte-verkosto kokoontuu"), true, ""},
		// A body edit after a failed rebuild must still bring what the
		// failed one changed in the front matter.
		{"retitle and break body", func(t *testing.T) []string {
			edit("content/verkostot/hyte.md", "title: Alueellinen hyte-verkosto\n", "title: Hyte-verkosto\n")(t)
			return edit("content/verkostot/hyte.md", "Hyte-verkosto kokoontuu", "Hyte-verkosto [kokoontuu](/ei-ole/)")(t)
		}, false, "/ei-ole/"},
		{"fix body", edit("content/verkostot/hyte.md", "[kokoontuu](/ei-ole/)", "kokoontuu"), true, ""},
		{"edit title", edit("content/henkilot/matti-makinen.md", "title: Matti Mäkinen", "title: Matti Mäkinen-Testi"), true, ""},
		{"edit reference", edit("content/verkostot/hyte.md", "coordinator: hyvaks", "coordinator: keski-suomen-liitto"), true, ""},
		{"edit list order", edit("content/ajankohtaista/2022-08-11-webinaari.md", "date: 2022-08-11", "date: 2022-08-12"), true, ""},
		{"edit tags", edit("content/verkostot/kunnanjohtajat.md", "tags: [kuntajohto]", "tags: [kuntajohto, uusi-aihe]"), false, ""},
		{"add", func(t *testing.T) []string {
			os.WriteFile(file("content/verkostot/uusi.md"), []byte("---\ntitle: Uusi verkosto\nsummary: Uusi.\ncategory: Kuntajohto\nchair: kirsi-mukkala\n---\nUusi.\n"), 0o644)
			return []string{"content/verkostot/uusi.md"}
		}, false, ""},
		{"rename", func(t *testing.T) []string {
			os.Rename(file("content/verkostot/uusi.md"), file("content/verkostot/uudempi.md"))
			return []string{"content/verkostot/uusi.md", "content/verkostot/uudempi.md"}
		}, false, ""},
		{"break", edit("content/verkostot/uudempi.md", "chair: kirsi-mukkala", "chair: kirsi-mukala"), false, `unknown person "kirsi-mukala"`},
		{"fix", edit("content/verkostot/uudempi.md", "chair: kirsi-mukala", "chair: matti-makinen"), true, ""},
		{"delete", func(t *testing.T) []string {
			os.Remove(file("content/verkostot/uudempi.md"))
			return []string{"content/verkostot/uudempi.md"}
		}, false, ""},
		{"layout edit", func(t *testing.T) []string {
			os.MkdirAll(file("layouts"), 0o755)
			os.WriteFile(file("layouts/person.html"), []byte(`{{define "main"}}<h1>{{.Title}}</h1><p>oma</p>{{end}}`), 0o644)
			return []string{"layouts/person.html"}
		}, true, ""},
		{"asset edit", func(t *testing.T) []string {
			os.MkdirAll(file("assets/css"), 0o755)
			os.WriteFile(file("assets/css/site.css"), []byte("body{color:#222}"), 0o644)
			return []string{"assets/css/site.css"}
		}, true, ""},
		{"site.toml edit", edit("content/site.toml", `title = "Testiseutu"`, `title = "Testiseutu 2"`), false, ""},
		{"section intro edit", edit("content/verkostot/_index.md", "Verkostoissa kunnat", "Verkostoissa kaikki kunnat"), false, ""},
	}
	for _, step := range steps {
		changed := step.do(t)
		got := s.Rebuild(context.Background(), changed)
		if step.fails != "" {
			if !got.Failed() || !strings.Contains(got.Report.Diags.Error(), step.fails) {
				t.Fatalf("%s: diagnostics %v", step.name, got.Report.Diags)
			}
			continue
		}
		checkRebuild(t, step.name, got, src, opts, step.partial, all)
	}
}

// checkRebuild checks a session's rebuild after the step called name: it
// succeeded, its site is byte for byte a full build's, and, when partial,
// it rendered fewer than all pages.
func checkRebuild(t *testing.T, name string, got *Result, src string, opts Options, partial bool, all int) {
	t.Helper()
	if got.Failed() {
		t.Fatalf("%s: %v", name, got.Report.Diags)
	}
	full, stale := differsFromFull(src, opts, got.Files)
	if full.Failed() {
		t.Fatalf("%s: full build: %v", name, full.Diags)
	}
	if len(stale) > 0 {
		t.Errorf("%s: %d files differ from a full build: %s", name, len(stale), strings.Join(stale, ", "))
	}
	if partial && got.Rendered >= all {
		t.Errorf("%s: rendered %d of %d pages; want fewer", name, got.Rendered, all)
	}
	t.Logf("%s: rendered %d of %d pages, %d files changed", name, got.Rendered, full.Pages, len(got.Changed))
}

// TestSessionKeepsTheSearchIndexCurrent edits a page's text in a session:
// the search index served has the new word at once, and no file of it
// that a full build would not write, after the word is removed again too.
func TestSessionKeepsTheSearchIndexCurrent(t *testing.T) {
	s, src, opts, _ := sessionOn(t, os.DirFS("testdata/site"), ".")
	file := filepath.Join(src, "content", "verkostot", "hyte.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		name string
		text []byte
		has  bool
	}{
		{"add a word", bytes.Replace(orig, []byte("Verkosto kokoontuu"), []byte("Zyxwyläinen verkosto kokoontuu"), 1), true},
		{"remove it", orig, false},
	} {
		if bytes.Equal(step.text, orig) == step.has {
			t.Fatalf("%s: the edit does nothing", step.name)
		}
		os.WriteFile(file, step.text, 0o644)
		res := s.Rebuild(context.Background(), []string{"content/verkostot/hyte.md"})
		if res.Failed() {
			t.Fatalf("%s: %v", step.name, res.Report.Diags)
		}
		if got := indexHas(res.Files, "zyxwyläin"); got != step.has {
			t.Errorf("%s: the served index has the word: %v, want %v", step.name, got, step.has)
		}
		if !slices.ContainsFunc(res.Changed, func(p string) bool { return strings.HasPrefix(p, "haku/") }) {
			t.Errorf("%s: no file of the index changed: %v", step.name, res.Changed)
		}
		if _, stale := differsFromFull(src, opts, res.Files); len(stale) > 0 {
			t.Errorf("%s: served files differ from a full build: %v", step.name, stale)
		}
	}
}

// TestIndexAfterReload is the dev server's way: a rebuild serves the
// edited page with the last index, and UpdateIndex then brings the index
// of the new text, byte for byte a full build's, after a word is added
// and after it is removed again.
func TestIndexAfterReload(t *testing.T) {
	s, src, opts, _ := sessionOn(t, os.DirFS("testdata/site"), ".")
	s.IndexAfterReload()
	if idx := s.UpdateIndex(); idx != nil {
		t.Fatalf("an index to write before any rebuild left one: %v", idx.Changed)
	}
	file := filepath.Join(src, "content", "verkostot", "hyte.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		name string
		text []byte
		has  bool
	}{
		{"add a word", bytes.Replace(orig, []byte("Verkosto kokoontuu"), []byte("Zyxwyläinen verkosto kokoontuu"), 1), true},
		{"remove it", orig, false},
	} {
		os.WriteFile(file, step.text, 0o644)
		res := s.Rebuild(context.Background(), []string{"content/verkostot/hyte.md"})
		if res.Failed() {
			t.Fatalf("%s: %v", step.name, res.Report.Diags)
		}
		if page := string(res.Files["verkostot/hyte/index.html"]); strings.Contains(page, "Zyxwyläinen") != step.has {
			t.Errorf("%s: the page is not the edited one", step.name)
		}
		if indexHas(res.Files, "zyxwyläin") == step.has {
			t.Errorf("%s: the index changed before UpdateIndex", step.name)
		}
		if slices.ContainsFunc(res.Changed, func(p string) bool { return strings.HasPrefix(p, "haku/") }) {
			t.Errorf("%s: the rebuild changed the index: %v", step.name, res.Changed)
		}
		idx := s.UpdateIndex()
		if idx == nil || idx.Failed() {
			t.Fatalf("%s: UpdateIndex: %+v", step.name, idx)
		}
		if indexHas(idx.Files, "zyxwyläin") != step.has {
			t.Errorf("%s: the index after UpdateIndex has the word: %v, want %v", step.name, !step.has, step.has)
		}
		if _, stale := differsFromFull(src, opts, idx.Files); len(stale) > 0 {
			t.Errorf("%s: served files differ from a full build: %v", step.name, stale)
		}
		if again := s.UpdateIndex(); again != nil {
			t.Errorf("%s: a second UpdateIndex wrote %v", step.name, again.Changed)
		}
	}
}

// indexHas reports whether the Finnish search index among files has the
// key w.
func indexHas(files map[string][]byte, w string) bool {
	for p, b := range files {
		if strings.HasPrefix(p, "haku/t/") && bytes.Contains(b, []byte(`"`+w+`"`)) {
			return true
		}
	}
	return false
}
