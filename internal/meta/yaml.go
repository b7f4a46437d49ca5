package meta

import (
	"errors"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"seutu/internal/diag"
)

// ParseYAML parses src as a YAML mapping. file and firstLine place src in its
// file: firstLine is the file's line number of src's first line. A syntax
// error is returned as a diagnostic at its line.
func ParseYAML(src []byte, file string, firstLine int) (*Value, diag.List) {
	if v, ok := parseSimpleYAML(src, file, firstLine); ok {
		return v, nil
	}
	return parseYAMLNodes(src, file, firstLine)
}

// parseYAMLNodes is ParseYAML through yaml.v3's node tree. It reads every
// input the simple reader refuses, and it is the reference the simple
// reader is tested against.
func parseYAMLNodes(src []byte, file string, firstLine int) (*Value, diag.List) {
	var doc yaml.Node
	var diags diag.List
	if err := yaml.Unmarshal(src, &doc); err != nil {
		pos := yamlErrPos(err, file, firstLine)
		if tab, ok := tabAt(src, err, pos.Line-firstLine+1); ok {
			pos.Line, pos.Col = firstLine+tab.line-1, tab.col
			diags.Errorf(pos, "a tab in the front matter: indent with spaces (YAML does not allow tabs)")
			return nil, diags
		}
		diags.Errorf(pos, "front matter is not valid YAML: %s", yamlErrText(err))
		return nil, diags
	}
	if len(doc.Content) == 0 { // empty front matter
		return &Value{Kind: Map, Pos: diag.Pos{File: file, Line: firstLine, Col: 1}}, nil
	}
	b := yamlBuilder{file: file, lineOffset: firstLine - 1}
	root := b.value(doc.Content[0], 0)
	if root.Kind != Map {
		diags.Errorf(root.Pos, "front matter must be a list of fields (key: value), found %s", root.Kind)
		return nil, diags
	}
	diags.Merge(b.diags)
	return root, diags
}

type yamlBuilder struct {
	file       string
	lineOffset int
	diags      diag.List
	nodes      int // built so far, to stop aliases that multiply
}

// maxNodes bounds what aliases may expand to: front matter is small, and
// "billion laughs" aliases must not exhaust memory.
const maxNodes = 100_000

func (b *yamlBuilder) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: b.file, Line: n.Line + b.lineOffset, Col: n.Column}
}

func (b *yamlBuilder) value(n *yaml.Node, depth int) *Value {
	v := &Value{Pos: b.pos(n)}
	b.nodes++
	if depth > 32 || b.nodes > maxNodes {
		if b.nodes <= maxNodes+1 {
			b.diags.Errorf(v.Pos, "front matter is nested too deeply or repeats itself through aliases")
		}
		return v
	}
	switch n.Kind {
	case yaml.AliasNode:
		alias := b.value(n.Alias, depth+1)
		alias.Pos = v.Pos
		return alias
	case yaml.ScalarNode:
		tag := strings.TrimPrefix(n.ShortTag(), "!!")
		if tag == "null" {
			v.Kind = Null
			return v
		}
		v.Kind, v.Text, v.Type = Scalar, n.Value, tag
	case yaml.SequenceNode:
		v.Kind = List
		for _, c := range n.Content {
			v.Items = append(v.Items, b.value(c, depth+1))
		}
	case yaml.MappingNode:
		v.Kind = Map
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				b.diags.Errorf(b.pos(k), "a field name must be plain text")
				continue
			}
			if seen[k.Value] {
				b.diags.Errorf(b.pos(k), "field %q is given twice", k.Value)
				continue
			}
			seen[k.Value] = true
			v.Fields = append(v.Fields, &Field{Key: k.Value, KeyPos: b.pos(k), Value: b.value(val, depth+1)})
		}
	}
	return v
}

// yamlErrPos finds the line of a yaml.v3 syntax error. yaml.v3 reports it
// only inside the message ("yaml: line 3: ..."), so this is the one place
// that reads a position from an error's text; the column is unknown.
func yamlErrPos(err error, file string, firstLine int) diag.Pos {
	pos := diag.Pos{File: file, Line: firstLine}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return pos
	}
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "yaml: line "); ok {
		n := 0
		for _, r := range rest {
			if r < '0' || r > '9' {
				break
			}
			n = n*10 + int(r-'0')
		}
		if n > 0 {
			pos.Line, pos.Col = firstLine+n-1, 1 // yaml.v3 gives no column
		}
	}
	return pos
}

// tabAt finds the tab that a yaml.v3 syntax error is about, at line (1
// for the first of src). yaml.v3 says "found character that cannot start
// any token" for a tab that stands where a token should start, on the
// line it gives, and "found a tab character ..." for one in the
// indentation, on the line it gives or a later one. tabAt returns the
// first tab from there on that stands in a line's indentation (before any
// text but a list's "-"), or for a message that names a tab, the first tab
// from there on at all.
func tabAt(src []byte, err error, line int) (keyPos, bool) {
	msg := err.Error()
	namesTab := strings.Contains(msg, "tab character")
	if !namesTab && !strings.Contains(msg, "cannot start any token") {
		return keyPos{}, false
	}
	var first keyPos
	n := 0
	for l := range strings.Lines(string(src)) {
		n++
		if n < line {
			continue
		}
		if n > line && !namesTab {
			break
		}
		i := strings.IndexByte(l, '\t')
		if i < 0 {
			continue
		}
		at := keyPos{n, utf8.RuneCountInString(l[:i]) + 1}
		if strings.Trim(l[:i], " -") == "" {
			return at, true
		}
		if first.line == 0 {
			first = at
		}
	}
	return first, namesTab && first.line > 0
}

func yamlErrText(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if strings.HasPrefix(msg, "line ") {
		if _, after, ok := strings.Cut(msg, ": "); ok {
			msg = after
		}
	}
	return msg
}
