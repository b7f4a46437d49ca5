package markdown

import (
	"bytes"
	"slices"
	"unicode/utf8"

	"seutu/internal/diag"
)

// Positions are counted on from the last link's, not from the start of the
// body for every link: counting from the start made a body quadratic in
// its links, and a megabyte of "[k](/kunnat/) " on one line took 61 s to
// convert (issue #21). Counted on, its 71 428 positions take about 5 ms
// (BenchmarkPositionsOneLongLine), and the conversion 0.2 s.
//
// Links mostly come in the body's order. Those that do not (a footnote's
// links come after the rest of the body's) find their line in an index of
// line starts, made the first time a link lies before the line of the one
// before it; the column is counted within the line, from the last
// position when it is on the same line.

// cursor is a position of the body: its byte offset, its line (from 0),
// where that line starts, and its column in runes. Its offset is where a
// rune starts, so that rune counts from it add up to counts from the line
// start.
type cursor struct{ off, line, start, col int }

// pos turns a byte offset of the body into a file position.
func (s *state) pos(offset int) diag.Pos {
	if offset < 0 || offset > len(s.src) {
		return diag.Pos{File: s.file, Line: s.firstLine}
	}
	line, col := s.lineCol(offset)
	return diag.Pos{File: s.file, Line: s.firstLine + line, Col: col + 1}
}

// lineCol returns the line (from 0) and the column in runes (from 0) of
// a byte offset of the body, 0 <= off <= len(s.src), and moves the cursor
// there.
func (s *state) lineCol(off int) (line, col int) {
	at := s.at
	switch {
	case off >= at.off && s.lines == nil: // on, in the body's order
		gap := s.src[at.off:off]
		s.scanned += len(gap)
		if nl := bytes.LastIndexByte(gap, '\n'); nl >= 0 {
			line, start := at.line+bytes.Count(gap, newline), at.off+nl+1
			s.scanned += len(gap)
			at = cursor{off: start, line: line, start: start}
		}
	case off >= at.start && (off < at.off || off <= s.lineEnd(at.line)):
		// on the cursor's line, before the cursor or with the index made
	default: // another line, with no cursor to count from
		if s.lines == nil {
			s.lines = lineStarts(s.src)
			s.scanned += len(s.src)
		}
		i, _ := slices.BinarySearch(s.lines, off+1) // the first line after off's
		at = cursor{off: s.lines[i-1], line: i - 1, start: s.lines[i-1]}
	}
	b := runeStart(s.src, at.start, off)
	switch {
	case b >= at.off:
		s.scanned += b - at.off
		at.col += utf8.RuneCount(s.src[at.off:b])
	case b-at.start < at.off-b:
		s.scanned += b - at.start
		at.col = utf8.RuneCount(s.src[at.start:b])
	default:
		s.scanned += at.off - b
		at.col -= utf8.RuneCount(s.src[b:at.off])
	}
	at.off = b
	s.at = at
	return at.line, at.col + off - b // each byte of a rune cut short counts as one, as utf8.RuneCount counts it
}

var newline = []byte{'\n'}

// lineEnd is where line ends, its newline or the end of the body, with
// the index of line starts made.
func (s *state) lineEnd(line int) int {
	if line+1 < len(s.lines) {
		return s.lines[line+1] - 1
	}
	return len(s.src)
}

// lineStarts returns where each line of src starts.
func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, newline)+1)
	for i := 0; ; {
		nl := bytes.IndexByte(src[i:], '\n')
		if nl < 0 {
			return starts
		}
		i += nl + 1
		starts = append(starts, i)
	}
}

// runeStart is where the rune that the byte at off belongs to starts,
// reading from start, where a line starts: off itself, unless off is
// inside a valid UTF-8 sequence, whose first byte is then at most three
// bytes back.
func runeStart(src []byte, start, off int) int {
	if off >= len(src) || utf8.RuneStart(src[off]) {
		return off // nothing valid goes on at off
	}
	for i := off - 1; i >= start && i >= off-3; i-- {
		if utf8.RuneStart(src[i]) {
			if _, n := utf8.DecodeRune(src[i:]); i+n > off {
				return i
			}
			return off
		}
	}
	return off
}
