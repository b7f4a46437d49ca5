package meta

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/BurntSushi/toml"

	"seutu/internal/diag"
)

// ParseTOML parses src as a TOML document; file and firstLine place it in its
// file as for ParseYAML.
func ParseTOML(src []byte, file string, firstLine int) (*Value, diag.List) {
	var diags diag.List
	var data map[string]any
	if _, err := toml.Decode(string(src), &data); err != nil {
		pos := diag.Pos{File: file, Line: firstLine}
		msg := err.Error()
		var pe toml.ParseError
		if errors.As(err, &pe) {
			msg = pe.Message
			if pe.Position.Line > 0 { // the parser reports line 0 at the very end
				pos.Line, pos.Col = firstLine+pe.Position.Line-1, max(pe.Position.Col, 1)
			}
		}
		diags.Errorf(pos, "not valid TOML: %s", msg)
		return nil, diags
	}
	b := tomlBuilder{positions: scanTOMLKeys(src), file: file, lineOffset: firstLine - 1}
	root := diag.Pos{File: file, Line: firstLine, Col: 1}
	return b.mapValue(data, "", root), nil
}

type tomlBuilder struct {
	positions  map[string]keyPos
	file       string
	lineOffset int
}

func (b *tomlBuilder) pos(path string, fallback diag.Pos) diag.Pos {
	p, ok := b.positions[path]
	if !ok {
		return fallback
	}
	return diag.Pos{File: b.file, Line: p.line + b.lineOffset, Col: p.col}
}

func (b *tomlBuilder) mapValue(m map[string]any, path string, pos diag.Pos) *Value {
	v := &Value{Kind: Map, Pos: pos}
	for k, val := range m {
		kp := join(path, k)
		p := b.pos(kp, pos)
		v.Fields = append(v.Fields, &Field{Key: k, KeyPos: p, Value: b.value(val, kp, p)})
	}
	// A Go map has no order: put the fields back in the order written.
	slices.SortFunc(v.Fields, func(x, y *Field) int {
		if x.KeyPos.Line != y.KeyPos.Line {
			return x.KeyPos.Line - y.KeyPos.Line
		}
		if x.KeyPos.Col != y.KeyPos.Col {
			return x.KeyPos.Col - y.KeyPos.Col
		}
		if x.Key < y.Key {
			return -1
		}
		return 1
	})
	return v
}

func (b *tomlBuilder) value(x any, path string, pos diag.Pos) *Value {
	switch x := x.(type) {
	case map[string]any:
		return b.mapValue(x, path, pos)
	case []map[string]any:
		v := &Value{Kind: List, Pos: pos}
		for i, m := range x {
			ip := fmt.Sprintf("%s[%d]", path, i)
			v.Items = append(v.Items, b.mapValue(m, ip, b.pos(ip, pos)))
		}
		return v
	case []any:
		v := &Value{Kind: List, Pos: pos}
		for i, it := range x {
			v.Items = append(v.Items, b.value(it, fmt.Sprintf("%s[%d]", path, i), pos))
		}
		return v
	case string:
		return &Value{Kind: Scalar, Text: x, Type: "str", Pos: pos}
	case int64:
		return &Value{Kind: Scalar, Text: strconv.FormatInt(x, 10), Type: "int", Pos: pos}
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return &Value{Kind: Scalar, Text: fmt.Sprint(x), Type: "float", Pos: pos}
		}
		return &Value{Kind: Scalar, Text: strconv.FormatFloat(x, 'f', -1, 64), Type: "float", Pos: pos}
	case bool:
		return &Value{Kind: Scalar, Text: strconv.FormatBool(x), Type: "bool", Pos: pos}
	case time.Time:
		return &Value{Kind: Scalar, Text: tomlTime(x), Type: "timestamp", Pos: pos}
	}
	return &Value{Kind: Scalar, Text: fmt.Sprint(x), Type: "str", Pos: pos}
}

// tomlTime prints a TOML date back as it would be written: local dates and
// date-times have no offset, and must stay without one.
func tomlTime(t time.Time) string {
	switch t.Location().String() {
	case "date-local":
		return t.Format("2006-01-02")
	case "datetime-local":
		if t.Second() == 0 && t.Nanosecond() == 0 {
			return t.Format("2006-01-02T15:04")
		}
		return t.Format("2006-01-02T15:04:05")
	case "time-local":
		return t.Format("15:04")
	}
	return t.Format(time.RFC3339)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
