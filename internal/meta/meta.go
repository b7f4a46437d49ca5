// Package meta reads structured metadata — front matter and site.toml —
// into a small format-neutral tree that remembers where every key and value
// was written, and decodes that tree into typed Go values with diagnostics
// that point at the exact line and column.
//
// YAML goes through gopkg.in/yaml.v3's node API, which carries positions,
// unless it is the plain kind editors write nearly always (key: value
// lines, [lists], "- item" lists, nested keys): a small reader builds the
// same tree for that without yaml.v3's parser, and is fuzzed against it
// (yamlfast.go).
// TOML goes through github.com/BurntSushi/toml, which does not, so positions
// of TOML keys come from a small line scanner (tomlpos.go); a value's
// position is its key's.
package meta

import (
	"seutu/internal/diag"
)

// Kind is the shape of a Value.
type Kind int

const (
	Null Kind = iota
	Scalar
	List
	Map
)

func (k Kind) String() string {
	return [...]string{"nothing", "a single value", "a list", "a map"}[k]
}

// Value is one node of the tree.
type Value struct {
	Kind Kind
	// Text is a scalar as written (for YAML, before implicit typing, so
	// "Yes" stays "Yes"); TOML numbers, booleans and dates are printed back.
	Text string
	// Type is the scalar's type as the format sees it: str, int, float, bool
	// or timestamp.
	Type   string
	Items  []*Value // Kind == List
	Fields []*Field // Kind == Map, in source order
	Pos    diag.Pos
}

// Field is one key of a map.
type Field struct {
	Key    string
	KeyPos diag.Pos
	Value  *Value
}

// Get returns the field named key of a map, or nil.
func (v *Value) Get(key string) *Field {
	if v == nil {
		return nil
	}
	for _, f := range v.Fields {
		if f.Key == key {
			return f
		}
	}
	return nil
}
