package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A named pipe anywhere the build reads (content/, site.toml, layouts/,
// assets/) is an error naming it, not a build that waits for ever (issue
// #21: a FIFO as content/putki.md blocked open(2) until killed), and the
// destination stays as it was.
func TestNamedPipesAreErrors(t *testing.T) {
	for _, fifo := range []string{"content/putki.md", "content/site.toml", "layouts/partials/putki.html", "assets/css/putki.css"} {
		t.Run(fifo, func(t *testing.T) {
			src := copyTestSite(t)
			p := filepath.Join(src, fifo)
			os.Remove(p)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Fatal(err)
			}
			dest := filepath.Join(t.TempDir(), "public")
			rep, err := Build(context.Background(), Options{Source: src, Dest: dest, Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			want := fifo + ": error: a named pipe (FIFO), not a regular file"
			if !strings.Contains(rep.Diags.Error(), want) {
				t.Errorf("diagnostics:\n%s\nwant %q", rep.Diags.Error(), want)
			}
			if _, err := os.Stat(dest); !os.IsNotExist(err) {
				t.Errorf("the failed build wrote %s: %v", dest, err)
			}
		})
	}
}

// In the dev server a named pipe that came and went stops no later
// rebuild: the rebuild with it fails and says so, the one after its
// removal succeeds.
func TestSessionOutlivesANamedPipe(t *testing.T) {
	src := copyTestSite(t)
	s, err := NewSession(Options{Source: src, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if res := s.Rebuild(context.Background(), nil); res.Failed() {
		t.Fatalf("first build: %v", res.Report.Diags)
	}
	pipe := filepath.Join(src, "content/putki.md")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	res := s.Rebuild(context.Background(), []string{"content/putki.md"})
	if !res.Failed() || !strings.Contains(res.Report.Diags.Error(), "content/putki.md: error: a named pipe") {
		t.Fatalf("rebuild with the pipe: %v", res.Report.Diags)
	}
	os.Remove(pipe)
	page := filepath.Join(src, "content/verkostot/hyte.md")
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(page, []byte(strings.Replace(string(b), "Alueellinen hyte-verkosto", "Hyte-verkosto", 1)), 0o644)
	res = s.Rebuild(context.Background(), []string{"content/putki.md", "content/verkostot/hyte.md"})
	if res.Failed() {
		t.Fatalf("rebuild after the pipe was removed: %v", res.Report.Diags)
	}
	if !strings.Contains(string(res.Files["verkostot/hyte/index.html"]), "<h1>Hyte-verkosto</h1>") {
		t.Error("the edit after the pipe was removed is not served")
	}
}

// copyTestSite copies testdata/site to a folder of the test's.
func copyTestSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// An alias in percent-escapes, as old addresses with Finnish letters
// were, is one line of _redirects as written and a redirect page in the
// folder a host decodes it to; no line of _redirects has more than three
// fields, whatever the aliases.
func TestAliasesInRedirects(t *testing.T) {
	rep, files := buildInMemory(t, txtarSite(`
-- content/site.toml --
title = "T"
-- content/sivu.md --
---
title: Sivu
summary: S.
aliases: [/vanha-s%C3%A4%C3%A4/, /toinen, /kolmas/sivu.html]
---
Teksti.
`))
	if rep.Failed() {
		t.Fatal(rep.Diags)
	}
	assertLines(t, files, "_redirects",
		"/vanha-s%C3%A4%C3%A4/ /sivu/ 301",
		"/toinen/ /sivu/ 301",
		"/toinen /sivu/ 301",
		"/kolmas/sivu.html/ /sivu/ 301",
		"/kolmas/sivu.html /sivu/ 301")
	for _, l := range strings.Split(strings.TrimSpace(string(files["_redirects"])), "\n") {
		if f := strings.Fields(l); len(f) != 3 || f[2] != "301" {
			t.Errorf("_redirects line %q: want from, to and 301", l)
		}
	}
	if _, ok := files["vanha-sää/index.html"]; !ok {
		t.Error("no redirect page in vanha-sää/, where a host looks for /vanha-s%C3%A4%C3%A4/")
	}
}

// A destination that is a symbolic link to the site folder itself is
// refused, as the folder itself is: the build would replace the sources.
func TestDestLinkToTheSources(t *testing.T) {
	src := copyTestSite(t)
	link := filepath.Join(t.TempDir(), "public")
	if err := os.Symlink(src, link); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), Options{Source: src, Dest: link, Now: testNow})
	if err == nil || !strings.Contains(err.Error(), "would replace the site folder itself") {
		t.Errorf("Build into a link to the sources: %v", err)
	}
	if _, err := os.Stat(filepath.Join(src, "content")); err != nil {
		t.Errorf("the sources: %v", err)
	}
}
