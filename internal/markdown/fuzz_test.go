package markdown

import "testing"

// FuzzConvert checks that no body makes conversion panic, and that every
// link problem has a line within the body.
func FuzzConvert(f *testing.F) {
	for _, seed := range []string{"[a](b.md) ![c](/d/)", "# Ö\n\n| a |\n|---|\n| [x](/y/) |", "[^1]\n\n[^1]: x", "<b>x</b>"} {
		f.Add(seed)
	}
	c := New()
	f.Fuzz(func(t *testing.T, src string) {
		lines := 1
		for _, r := range src {
			if r == '\n' {
				lines++
			}
		}
		res := c.Convert([]byte(src), "x.md", 10)
		_, _, diags := res.Link(fakeLinks{})
		for _, d := range append(res.Diags, diags...) {
			if d.Pos.Line < 10 || d.Pos.Line >= 10+lines {
				t.Fatalf("diagnostic outside the body: %v", d)
			}
		}
	})
}
