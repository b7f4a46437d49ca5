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
