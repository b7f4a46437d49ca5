package markdown

import (
	"strconv"
	"strings"

	"seutu/internal/diag"
)

// Frozen is a Result in a form that outlives the Converter that made it,
// for a cache kept between runs. A Result's holes carry its Converter's
// mark, new in every process and never stored (links.go), so a Frozen has
// its HTML cut at the holes instead; Thaw puts the holes back with the
// thawing Converter's mark.
type Frozen struct {
	Text     []string // the HTML before each hole, and after the last: one more than Holes
	Holes    []int    // each hole's link, an index into Links
	Headings []Heading
	Links    []Link
	Diags    diag.List
}

// Freeze cuts r's HTML at its holes.
func (r Result) Freeze() Frozen {
	f := Frozen{Headings: r.Headings, Links: r.Links, Diags: r.Diags}
	s, start := r.HTML, 0
	for r.mark != "" {
		i := strings.Index(s[start:], r.mark)
		if i < 0 {
			break
		}
		i += start
		j := i + len(r.mark)
		k, n := 0, j
		for n < len(s) && '0' <= s[n] && s[n] <= '9' && n-j < 9 {
			k = k*10 + int(s[n]-'0')
			n++
		}
		if n == j || k >= len(r.Links) {
			start = n // not a hole (see forHoles): kept as text
			continue
		}
		f.Text = append(f.Text, s[:i])
		f.Holes = append(f.Holes, k)
		s, start = s[n:], 0
	}
	f.Text = append(f.Text, s)
	return f
}

// Thaw makes f a Result of c, whose Link fills its holes. It reports false
// for a Frozen that no Freeze made: a hole without its link, text that
// would run into a hole's number, or text holding c's mark.
func (c *Converter) Thaw(f Frozen) (Result, bool) {
	if len(f.Text) != len(f.Holes)+1 {
		return Result{}, false
	}
	size := 0
	for i, t := range f.Text {
		if i > 0 && t != "" && '0' <= t[0] && t[0] <= '9' || strings.Contains(t, c.mark) {
			return Result{}, false
		}
		size += len(t) + len(c.mark) + 9
	}
	var b strings.Builder
	b.Grow(size)
	for i, h := range f.Holes {
		if h < 0 || h >= len(f.Links) {
			return Result{}, false
		}
		b.WriteString(f.Text[i])
		b.WriteString(c.mark)
		b.WriteString(strconv.Itoa(h))
	}
	b.WriteString(f.Text[len(f.Holes)])
	return Result{HTML: b.String(), Headings: f.Headings, Links: f.Links, Diags: f.Diags, mark: c.mark}, true
}
