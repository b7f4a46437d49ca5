package markdown

import (
	"bytes"
	"encoding/binary"
	"maps"
	"slices"
	"strings"
	"testing"

	"seutu/internal/diag"
)

// countPos is the simple count that pos is held to: newlines and runes
// from the start of the body, for every offset.
func countPos(src []byte, file string, firstLine, offset int) diag.Pos {
	if offset < 0 || offset > len(src) {
		return diag.Pos{File: file, Line: firstLine}
	}
	before := src[:offset]
	line := bytes.Count(before, []byte("\n"))
	col := offset - (bytes.LastIndexByte(before, '\n') + 1)
	return diag.Pos{File: file, Line: firstLine + line, Col: len([]rune(string(before[len(before)-col:]))) + 1}
}

// checkPos asks one state for the position of each offset, in turn, and
// requires the simple count's.
func checkPos(t *testing.T, src string, offsets []int) {
	t.Helper()
	s := &state{file: "x.md", firstLine: 3, src: []byte(src)}
	for i, off := range offsets {
		if got, want := s.pos(off), countPos(s.src, "x.md", 3, off); got != want {
			t.Fatalf("%q: offset %d (the %d. of %v): got %v, want %v", src, off, i+1, offsets, got, want)
		}
	}
}

func TestPos(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		offsets []int
	}{
		{"forward over lines", "ab\ncd\n\nef", []int{0, 1, 2, 3, 5, 6, 7, 9}},
		{"forward within a line of runes", "äö [x](y) å [z](w)", []int{5, 14}},
		{"back within the line", "äöå abc äöå", []int{12, 3, 14, 0}},
		{"back a line, then on", "a\nbä\nc\nd", []int{7, 3, 1, 8, 5, 2}},
		{"footnote order", "[a](1)\n\n[^2]: [b](2)\n\n[^1]: [c](3)\n", []int{0, 22, 8}},
		{"inside a rune", "aä€😀b\n€", []int{2, 4, 5, 7, 9, 6, 3, 12, 13, 11}},
		{"invalid and cut UTF-8", "a\xe2\x82\xffb\xf0\x9f\x98\n\x80\xc3", []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 4, 0}},
		{"outside the body", "ab\nc", []int{-1, 2, 5, 4, 1}},
		{"empty", "", []int{0, 0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkPos(t, tt.src, tt.offsets)
		})
	}
}

// FuzzPos holds pos, which counts on from the last position, to the simple
// count, for any body and any offsets in any order: each two bytes of
// offs are an offset, and the first one being odd walks forward by them.
func FuzzPos(f *testing.F) {
	f.Add("a\nbä\nc\nd", []byte{7, 0, 3, 0, 1, 0, 8, 0})
	f.Add("äö [x](y) å\n\n[z](w)", []byte{1, 4, 0, 4, 0, 2, 0})
	f.Add("[^1] [^2]\n\n[^2]: [a](b)\n[^1]: [c](d) €", []byte{0, 24, 0, 11, 0})
	f.Add("\xf0\x9f\x98\x80\xe2\x82\n\xc3\xa4", []byte{0, 1, 0, 2, 0, 3, 0, 9, 0, 6, 0})
	f.Fuzz(func(t *testing.T, src string, offs []byte) {
		var offsets []int
		walk, at := len(offs) > 0 && offs[0]%2 == 1, 0
		if len(offs) > 0 {
			offs = offs[1:]
		}
		for ; len(offs) >= 2; offs = offs[2:] {
			n := int(binary.LittleEndian.Uint16(offs))
			if walk {
				at += n % 64
				offsets = append(offsets, at%(len(src)+1))
			} else {
				offsets = append(offsets, n%(len(src)+3)-1) // -1 and len+1 are outside
			}
		}
		checkPos(t, src, offsets)
	})
}

// A megabyte of links on one line: every link counted from the start of
// the body took 61 s for it (4 minutes on a busy machine).
func BenchmarkPositionsOneLongLine(b *testing.B) {
	const link = "[k](/kunnat/) "
	src := []byte(strings.Repeat("ä"+link, 1<<20/(len(link)+2)))
	var offsets []int
	for i := 0; i < len(src); {
		k := bytes.IndexByte(src[i:], '[')
		if k < 0 {
			break
		}
		offsets = append(offsets, i+k)
		i += k + 1
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		s := &state{file: "x.md", firstLine: 1, src: src}
		for _, off := range offsets {
			s.pos(off)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(offsets)), "ns/link")
}

// Finding positions reads each byte of the body a few times, however the
// links lie: counted from the start of the body for each link, a megabyte
// of links on one line was read 71 428 times over (61 s).
func TestPosReadsTheBodyAFewTimes(t *testing.T) {
	const mb = 1 << 20
	footnotes := strings.Repeat("[^1]: ää [x](/y/)\n", mb/22)
	tests := []struct {
		name  string
		src   string
		order func(starts []int) []int // the order links come in, by where each starts
	}{
		{"one long line", strings.Repeat("ä[k](/kunnat/) ", mb/16), nil},
		{"a link a line", strings.Repeat("ä[k](/kunnat/)\n", mb/16), nil},
		{"footnotes referred to from last to first", footnotes, func(starts []int) []int {
			slices.Reverse(starts)
			return starts
		}},
		{"footnotes referred to from both ends", footnotes, func(starts []int) []int {
			var zigzag []int
			for i, j := 0, len(starts)-1; i <= j; i, j = i+1, j-1 {
				zigzag = append(zigzag, starts[i], starts[j])
			}
			return zigzag
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			var offsets []int
			for i, c := range src {
				if c == '[' && src[i+1] != '^' {
					offsets = append(offsets, i)
				}
			}
			if tt.order != nil {
				offsets = tt.order(offsets)
			}
			s := &state{file: "x.md", firstLine: 1, src: src}
			for _, off := range offsets {
				s.pos(off)
			}
			if s.scanned > 4*len(src) {
				t.Errorf("%d links in %d bytes: read %d bytes (%.1f times the body), want 4 times at most", len(offsets), len(src), s.scanned, float64(s.scanned)/float64(len(src)))
			}
			for _, off := range offsets[len(offsets)-3:] { // the simple count is quadratic: a few
				if got, want := s.pos(off), countPos(src, "x.md", 1, off); got != want {
					t.Errorf("offset %d: got %v, want %v", off, got, want)
				}
			}
		})
	}
}

// Links come to pos in the order of the tree, where footnotes are moved
// together: to the first one's place while the body is parsed, to the end
// after.
func TestLinkPositions(t *testing.T) {
	src := "Teksti[^2] ja [ä](/a/)[^1].\n\n[^1]: Alaviite ööö [b](/b/).\n\nVälissä [c](/c/) ja ![d](/d.png).\n\n[^2]: Toinen [e](/e/).\n"
	res := New().Convert([]byte(src), "content/x.md", 5)
	got, back := map[string]string{}, false
	for i, l := range res.Links {
		got[l.Dest] = l.Pos.String()
		if i > 0 && l.Pos.Line < res.Links[i-1].Pos.Line {
			back = true
		}
	}
	want := map[string]string{"/a/": "content/x.md:5:15", "/b/": "content/x.md:7:20", "/c/": "content/x.md:9:9", "/d.png": "content/x.md:9:21", "/e/": "content/x.md:11:14"}
	if !maps.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if !back {
		t.Errorf("no link came before the one before it: %+v", res.Links)
	}
}
