package model

import (
	"testing"

	"seutu/internal/diag"
)

func TestPositions(t *testing.T) {
	var ps Positions
	at := func(line, col int) diag.Pos { return diag.Pos{File: "content/x.md", Line: line, Col: col} }
	ps.Add("title", -1, at(2, 8))
	ps.Add("members", -1, at(3, 10))
	ps.Add("members", 0, at(4, 5))
	ps.Add("members", 1, at(5, 5))
	ps.Add("a.b", -1, at(6, 6))
	tests := []struct {
		field string
		want  diag.Pos
		ok    bool
	}{
		{"title", at(2, 8), true},
		{"members", at(3, 10), true},
		{"members.0", at(4, 5), true},
		{"members.1", at(5, 5), true},
		{"members.2", diag.Pos{}, false},
		{"title.0", diag.Pos{}, false},
		{"a.b", at(6, 6), true},
		{"summary", diag.Pos{}, false},
		{"members.-1", diag.Pos{}, false},
	}
	for _, tt := range tests {
		got, ok := ps.Lookup(tt.field)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Lookup(%q) = %v, %v; want %v, %v", tt.field, got, ok, tt.want, tt.ok)
		}
		if ps.Of(tt.field) != tt.want {
			t.Errorf("Of(%q) = %v", tt.field, ps.Of(tt.field))
		}
	}
}

// Looking up a position compares names in place: checks look up many.
func TestPositionsLookupAllocatesNothing(t *testing.T) {
	var ps Positions
	ps.Grow(3)
	for i, f := range []string{"title", "a-rather-long-field-name-beyond-32-bytes", "members"} {
		ps.Add(f, -1, diag.Pos{File: "content/x.md", Line: i + 2, Col: 1})
	}
	ps.Add("members", 0, diag.Pos{File: "content/x.md", Line: 5, Col: 3})
	if n := testing.AllocsPerRun(100, func() {
		ps.Lookup("a-rather-long-field-name-beyond-32-bytes")
		ps.Lookup("members.0")
	}); n != 0 {
		t.Errorf("Lookup allocates %v times", n)
	}
	if got := ps.Of("members.0"); got.Line != 5 || got.Col != 3 {
		t.Errorf(`Of("members.0") = %v`, got)
	}
}
