package load

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"seutu/internal/corpus"
	"seutu/internal/fi"
)

// readSource hands adrg/frontmatter a line at a time and takes the body
// from the file itself: the split must fall exactly after the closing
// delimiter whatever the lines look like.
func TestReadSourceSplits(t *testing.T) {
	long := strings.Repeat("pitkä ", 2000) // longer than bufio's 4 kB
	tests := []struct {
		name, src, front, body string
		bodyLine               int
	}{
		{"yaml", "---\ntitle: X\n---\nRunko.\n", "---\ntitle: X\n---\n", "Runko.\n", 4},
		{"toml", "+++\ntitle = \"X\"\n+++\nRunko.\n", "+++\ntitle = \"X\"\n+++\n", "Runko.\n", 4},
		{"crlf", "---\r\ntitle: X\r\n---\r\nRunko.\r\n", "---\r\ntitle: X\r\n---\r\n", "Runko.\r\n", 4},
		{"blank lines first", "\n\n---\ntitle: X\n---\n\nRunko.", "\n\n---\ntitle: X\n---\n", "\nRunko.", 6},
		{"no body", "---\ntitle: X\n---", "---\ntitle: X\n---", "", 3},
		{"rule in the body", "---\ntitle: X\n---\na\n\n---\n\nb\n", "---\ntitle: X\n---\n", "a\n\n---\n\nb\n", 4},
		{"long front line", "---\ntitle: X\nsummary: " + long + "\n---\nRunko.\n", "---\ntitle: X\nsummary: " + long + "\n---\n", "Runko.\n", 5},
		{"long body line", "---\ntitle: X\n---\n" + long, "---\ntitle: X\n---\n", long, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, diags := readSource(site(map[string]string{"content/x.md": tt.src}), "content/x.md", 0)
			if len(diags) > 0 || s == nil {
				t.Fatalf("diagnostics: %v", diags)
			}
			if string(s.front) != tt.front || string(s.body) != tt.body || s.bodyLine != tt.bodyLine {
				t.Errorf("front %.40q, body %.40q, body line %d; want %.40q, %.40q, %d", s.front, s.body, s.bodyLine, tt.front, tt.body, tt.bodyLine)
			}
			if s.meta == nil || s.meta.Get("title") == nil {
				t.Errorf("no title read")
			}
		})
	}
}

// frontInputs are files to split: the odd ones and a generated site's.
func frontInputs() []string {
	long := strings.Repeat("pitkä ", 2000) // longer than bufio's 4 kB
	inputs := []string{
		"", "\n", "---", "---\n", "---\n---", "---\n---\n", "+++\n+++\nx", "---\r\n---\r\n",
		"---\ntitle: X\n---\nRunko.\n", "+++\ntitle = \"X\"\n+++\nRunko.\n",
		"---\r\ntitle: X\r\n---\r\nRunko.\r\n", "\n\n  \n---\ntitle: X\n---\n\nRunko.",
		"---\ntitle: X\n", "---\ntitle: X\n+++\nRunko.\n", "+++\ntitle = 1\n---\n", "Runko.\n---\ntitle: X\n---\n",
		"  ---  \ntitle: X\n\t---\nRunko.", "---yaml\ntitle: X\n---\n", "---\ntitle: X\n---\na\n\n---\n\nb\n",
		"---\ntitle: X\nsummary: " + long + "\n---\nRunko.\n", "---\ntitle: X\n---\n" + long, "---\n" + long,
		"---\ntitle: X\n---" + long, "---\rtitle: X\r---\r", "\xef\xbb\xbf---\ntitle: X\n---\n",
	}
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, fi.Helsinki)
	for _, f := range corpus.Generate(corpus.Options{Pages: 300, Seed: 2, Now: now}) {
		if strings.HasSuffix(f.Path, ".md") {
			inputs = append(inputs, string(f.Data))
		}
	}
	return inputs
}

// splitFront must split every file as adrg/frontmatter does when it reads
// the whole file (splitFrontPlain).
func TestSplitFrontAsPlain(t *testing.T) {
	for _, src := range frontInputs() {
		checkSplitFront(t, []byte(src))
	}
}

func checkSplitFront(t *testing.T, src []byte) {
	t.Helper()
	c, start, err := splitFront(src)
	wc, wstart, werr := splitFrontPlain(src)
	if (err != nil) != (werr != nil) || c.format != wc.format || !bytes.Equal(c.raw, wc.raw) || start != wstart {
		t.Fatalf("%.60q: split as %q %.40q at %d (%v); plain %q %.40q at %d (%v)", src, c.format, c.raw, start, err, wc.format, wc.raw, wstart, werr)
	}
}
