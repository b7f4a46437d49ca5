package model

import (
	"slices"
	"strconv"
	"strings"

	"seutu/internal/diag"
)

// Positions holds where each front matter field of one file is written,
// for checks that run after loading: a field by its name ("title"), an
// item of a list as "field.N" ("members.2"). A site keeps one per page, so
// they are small and hold no pointers but three: the names are bytes of
// one slice, and the records numbers only. The garbage collector then has
// nothing to scan in them; with a string per record they were a sixth of
// the heap it scanned in every cycle at 50 000 pages.
type Positions struct {
	File  string
	names []byte     // the fields' names, one after another
	at    []fieldPos // no pointers
}

type fieldPos struct {
	name, size uint32 // the field's name: names[name:name+size]
	item       int32  // -1 for the field itself
	line, col  int32
}

// Grow makes room for n more records, so that adding them allocates once.
func (ps *Positions) Grow(n int) { ps.at = slices.Grow(ps.at, n) }

// Add records the position of field, or of its item'th item when item ≥ 0.
func (ps *Positions) Add(field string, item int, pos diag.Pos) {
	ps.File = pos.File
	rec := fieldPos{item: int32(item), line: int32(pos.Line), col: int32(pos.Col)}
	if n := len(ps.at); n > 0 && ps.is(ps.at[n-1], field) {
		rec.name, rec.size = ps.at[n-1].name, ps.at[n-1].size // a list's items follow the list
	} else {
		rec.name, rec.size = uint32(len(ps.names)), uint32(len(field))
		ps.names = append(ps.names, field...)
	}
	ps.at = append(ps.at, rec)
}

// is reports whether a is a record of field.
func (ps *Positions) is(a fieldPos, field string) bool {
	return string(ps.names[a.name:a.name+a.size]) == field // compared, not copied
}

// Lookup returns the position of field ("title" or "members.2").
func (ps *Positions) Lookup(field string) (diag.Pos, bool) {
	item := -1
	if dot := strings.LastIndexByte(field, '.'); dot >= 0 {
		if i, err := strconv.Atoi(field[dot+1:]); err == nil && i >= 0 {
			field, item = field[:dot], i
		}
	}
	for _, a := range ps.at {
		if int(a.item) == item && ps.is(a, field) {
			return diag.Pos{File: ps.File, Line: int(a.line), Col: int(a.col)}, true
		}
	}
	return diag.Pos{}, false
}

// Of returns the position of field, or the zero Pos when it is not written.
func (ps *Positions) Of(field string) diag.Pos {
	pos, _ := ps.Lookup(field)
	return pos
}

// Names returns the fields written, in order, once each.
func (ps *Positions) Names() []string {
	var out []string
	for i, a := range ps.at {
		if a.item < 0 || i == 0 || ps.at[i-1].name != a.name {
			if name := string(ps.names[a.name : a.name+a.size]); len(out) == 0 || out[len(out)-1] != name {
				out = append(out, name)
			}
		}
	}
	return out
}
