package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// samplePR is a pull request's diff, as git shows it: a network gets a
// chair whose name is misspelt.
const samplePR = `diff --git a/content/verkostot/kunnanjohtajat.md b/content/verkostot/kunnanjohtajat.md
--- a/content/verkostot/kunnanjohtajat.md
+++ b/content/verkostot/kunnanjohtajat.md
@@ -1,5 +1,6 @@
 ---
 title: Kunnanjohtajakokoukset
 summary: Kunnanjohtajat kokoontuvat kuukausittain.
+chair: kirsi-mukala
 contacts: [kirsi-mukkala]
 ---
`

// addedLines returns the lines a unified diff adds, by file, as the new
// file numbers them: the lines a pull request's "Files changed" shows with
// a +, where GitHub puts an annotation of that file and line.
func addedLines(diff string) map[string]map[int]bool {
	out := map[string]map[int]bool{}
	hunk := regexp.MustCompile(`^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@`)
	file, line := "", 0
	for l := range strings.Lines(diff) {
		l = strings.TrimSuffix(l, "\n")
		switch {
		case strings.HasPrefix(l, "+++ b/"):
			file = strings.TrimPrefix(l, "+++ b/")
			out[file] = map[int]bool{}
		case strings.HasPrefix(l, "--- "), strings.HasPrefix(l, "diff "):
		case hunk.MatchString(l):
			line, _ = strconv.Atoi(hunk.FindStringSubmatch(l)[1])
		case strings.HasPrefix(l, "+"):
			out[file][line] = true
			line++
		case strings.HasPrefix(l, "-"):
		default:
			line++
		}
	}
	return out
}

// TestGitHubAnnotationOnTheDiff applies samplePR to a site, runs seutu
// check -format github over it and requires the error's annotation to be
// on the line the pull request added: where the reviewer sees it.
func TestGitHubAnnotationOnTheDiff(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"content/site.toml":                   "title = \"Pieni\"\n",
		"content/henkilot/kirsi-mukkala.md":   "---\ntitle: Kirsi Mukkala\nsummary: Aluekehitysasiantuntija.\n---\nTeksti.\n",
		"content/verkostot/kunnanjohtajat.md": "---\ntitle: Kunnanjohtajakokoukset\nsummary: Kunnanjohtajat kokoontuvat kuukausittain.\nchair: kirsi-mukala\ncontacts: [kirsi-mukkala]\n---\nTeksti.\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	added := addedLines(samplePR)
	if !added["content/verkostot/kunnanjohtajat.md"][4] || len(added["content/verkostot/kunnanjohtajat.md"]) != 1 {
		t.Fatalf("the sample diff adds %v; the parser is broken", added)
	}

	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"check", "-format", "github", "-cache", "off", "-source", dir}, &stdout, &stderr); code != exitFailed {
		t.Fatalf("exit %d, want %d\n%s%s", code, exitFailed, stdout.String(), stderr.String())
	}
	cmd := regexp.MustCompile(`^::error file=([^,]*),line=(\d+),col=(\d+),title=seutu check::(.*)$`)
	var errs int
	for l := range strings.Lines(stdout.String()) {
		m := cmd.FindStringSubmatch(strings.TrimSuffix(l, "\n"))
		if m == nil {
			continue
		}
		errs++
		file := strings.TrimPrefix(m[1], filepath.ToSlash(dir)+"/")
		line, _ := strconv.Atoi(m[2])
		if !added[file][line] {
			t.Errorf("the annotation %s:%s is not on a line the pull request added (%v)", m[1], m[2], added)
		}
		if !strings.Contains(m[4], `unknown person "kirsi-mukala"`) || m[3] != "8" {
			t.Errorf("annotation %q at column %s", m[4], m[3])
		}
	}
	if errs != 1 {
		t.Errorf("%d error annotations, want 1:\n%s", errs, stdout.String())
	}
}
