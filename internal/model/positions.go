package model

import (
	"strconv"
	"strings"

	"seutu/internal/diag"
)

// Positions holds where each front matter field of one file is written,
// for checks that run after loading: a field by its name ("title"), an
// item of a list as "field.N" ("members.2"). A slice, not a map: a site
// keeps one per page, and at 10 000 pages maps of positions were a tenth
// of the live heap.
type Positions struct {
	File string
	at   []fieldPos
}

type fieldPos struct {
	field     string
	item      int32 // -1 for the field itself
	line, col int32
}

// Add records the position of field, or of its item'th item when item ≥ 0.
func (ps *Positions) Add(field string, item int, pos diag.Pos) {
	ps.File = pos.File
	ps.at = append(ps.at, fieldPos{field, int32(item), int32(pos.Line), int32(pos.Col)})
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
		if a.field == field && int(a.item) == item {
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
