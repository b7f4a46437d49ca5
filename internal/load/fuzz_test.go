package load

import (
	"testing"
	"testing/fstest"
)

// FuzzLoad checks that no content file makes loading panic or hang, and
// that every problem names the file.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: X\ncoordinator: a\nmembers: [b, c]\nevent:\n  start: 2023-01-01\n---\nBody\n",
		"+++\ntitle = \"X\"\n+++\n",
		"---\ntitle: X\n",
		"\xef\xbb\xbf---\r\ntitle: X\r\n---\r\n",
		"",
		"---\n---\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, file := range []string{"content/verkostot/x.md", "content/ajankohtaista/x.md", "content/hankkeet/x.md", "content/strategiat/x.md"} {
			r := Load(fstest.MapFS{file: {Data: []byte(src)}})
			for _, d := range r.Diags {
				if d.Pos.File != file {
					t.Fatalf("diagnostic for another file: %v", d)
				}
			}
		}
	})
}

// FuzzSplitFront holds splitFront to adrg/frontmatter reading the whole
// file.
func FuzzSplitFront(f *testing.F) {
	for _, src := range frontInputs()[:40] {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) { checkSplitFront(t, src) })
}
