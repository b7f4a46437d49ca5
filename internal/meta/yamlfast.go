package meta

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"seutu/internal/diag"
)

// parseSimpleYAML reads the front matter editors write nearly always — a
// mapping of plain, quoted and [flow] values, nested mappings and "- item"
// lists, one value to a line — without yaml.v3, which costs a parser, a
// token queue and a node tree per file. It builds the tree ParseYAML would
// build from yaml.v3's nodes, positions included, and reports false for
// anything outside that subset (anchors, block scalars, escapes, values
// over several lines, tabs, empty values, duplicate keys, errors), which
// then goes to yaml.v3. FuzzSimpleYAML holds every accepted input to
// yaml.v3's reading.
func parseSimpleYAML(src []byte, file string, firstLine int) (*Value, bool) {
	if !simpleBytes(src) {
		return nil, false
	}
	p := simpleParser{file: file}
	p.split(string(src), firstLine)
	if len(p.lines) == 0 || p.lines[0].indent != 0 {
		return nil, false
	}
	root, ok := p.mapping(0, 0)
	if !ok || p.next < len(p.lines) {
		return nil, false
	}
	return root, true
}

// simpleBytes reports whether src holds only what the simple reader knows
// how to place: valid UTF-8, no tabs, no carriage returns but in CRLF, no characters
// yaml.v3 rejects or takes as line breaks (NEL, LS, PS).
func simpleBytes(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n', c >= 0x20 && c < 0x7f:
			case c == '\r' && i+1 < len(src) && src[i+1] == '\n':
			default:
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 || !printable(r) {
			return false
		}
		i += size
	}
	return true
}

// printable is yaml.v3's set of printable characters without its line
// breaks.
func printable(r rune) bool {
	switch {
	case r == 0x85, r == 0x2028, r == 0x2029, r == 0xfeff:
		return false
	case r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd, r >= 0x10000 && r <= 0x10ffff:
		return true
	}
	return false
}

// simpleLine is one line that holds content, neither blank nor a comment.
type simpleLine struct {
	num    int    // the line's number in the file
	indent int    // leading spaces
	text   string // the rest, without the line end
}

type simpleParser struct {
	file  string
	lines []simpleLine
	next  int // the first line not yet read
}

func (p *simpleParser) split(src string, firstLine int) {
	p.lines = make([]simpleLine, 0, strings.Count(src, "\n")+1)
	num := firstLine
	for line := range strings.Lines(src) {
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		text := strings.TrimLeft(line, " ")
		if text != "" && text[0] != '#' {
			p.lines = append(p.lines, simpleLine{num: num, indent: len(line) - len(text), text: text})
		}
		num++
	}
}

func (p *simpleParser) pos(l simpleLine, i int) diag.Pos {
	return diag.Pos{File: p.file, Line: l.num, Col: l.indent + utf8.RuneCountInString(l.text[:i]) + 1}
}

// maxSimpleDepth keeps deep nesting, which front matter never needs, for
// yaml.v3 and ParseYAML's own limit.
const maxSimpleDepth = 8

// mapping reads the keys written at indent, from the next line on.
func (p *simpleParser) mapping(indent, depth int) (*Value, bool) {
	if depth > maxSimpleDepth {
		return nil, false
	}
	m := &Value{Kind: Map, Pos: p.pos(p.lines[p.next], 0)}
	for p.next < len(p.lines) {
		l := p.lines[p.next]
		if l.indent < indent {
			break
		}
		key, ok := simpleKey(l.text)
		if !ok || l.indent > indent || m.Get(key) != nil {
			return nil, false
		}
		p.next++
		v, ok := p.fieldValue(l, len(key)+1, indent, depth)
		if !ok {
			return nil, false
		}
		m.Fields = append(m.Fields, &Field{Key: key, KeyPos: p.pos(l, 0), Value: v})
	}
	return m, true
}

// simpleKey returns the key of a "key: value" or "key:" line: letters,
// digits, _ and -, as plain YAML reads them whatever their type.
func simpleKey(text string) (string, bool) {
	i := 0
	for i < len(text) && (isAlnum(text[i]) || text[i] == '_' || i > 0 && text[i] == '-') {
		i++
	}
	if i == 0 || i > 256 || i == len(text) || text[i] != ':' || i+1 < len(text) && text[i+1] != ' ' {
		return "", false
	}
	return text[:i], true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// fieldValue reads the value after a key: on the key's line, or on the
// more indented lines below it.
func (p *simpleParser) fieldValue(l simpleLine, i, indent, depth int) (*Value, bool) {
	i = skipSpaces(l.text, i)
	if i < len(l.text) && l.text[i] != '#' {
		v, end, ok := p.inline(l, i, false)
		return v, ok && lineEnds(l.text, end)
	}
	if p.next == len(p.lines) || p.lines[p.next].indent <= indent {
		return nil, false // an empty value: yaml.v3 places it by the next token
	}
	if below := p.lines[p.next]; isItem(below.text) {
		return p.sequence(below.indent)
	}
	return p.mapping(p.lines[p.next].indent, depth+1)
}

func isItem(text string) bool {
	return text == "-" || strings.HasPrefix(text, "- ")
}

// sequence reads "- item" lines written at indent; an item is one scalar.
func (p *simpleParser) sequence(indent int) (*Value, bool) {
	s := &Value{Kind: List, Pos: p.pos(p.lines[p.next], 0)}
	for p.next < len(p.lines) {
		l := p.lines[p.next]
		if l.indent < indent || l.indent == indent && !isItem(l.text) {
			break
		}
		if l.indent > indent {
			return nil, false
		}
		p.next++
		i := skipSpaces(l.text, 1)
		if i == len(l.text) || l.text[i] == '[' {
			return nil, false
		}
		v, end, ok := p.inline(l, i, false)
		if !ok || !lineEnds(l.text, end) {
			return nil, false
		}
		s.Items = append(s.Items, v)
	}
	return s, true
}

// inline reads the value that starts at text[i]: a quoted or plain scalar,
// or outside a flow list a flow list. It returns where the value ends.
func (p *simpleParser) inline(l simpleLine, i int, inFlow bool) (*Value, int, bool) {
	switch l.text[i] {
	case '"':
		return p.doubleQuoted(l, i)
	case '\'':
		return p.singleQuoted(l, i)
	case '[':
		if inFlow {
			return nil, 0, false
		}
		return p.flowList(l, i)
	}
	return p.plain(l, i, inFlow)
}

func (p *simpleParser) doubleQuoted(l simpleLine, i int) (*Value, int, bool) {
	n := strings.IndexAny(l.text[i+1:], `"\`)
	if n < 0 {
		return nil, 0, false // a string over several lines
	}
	if l.text[i+1+n] == '"' {
		v := &Value{Kind: Scalar, Text: l.text[i+1 : i+1+n], Type: "str", Pos: p.pos(l, i)}
		return v, i + n + 2, true
	}
	var text strings.Builder
	for j := i + 1; j < len(l.text); j++ {
		switch c := l.text[j]; c {
		case '"':
			return &Value{Kind: Scalar, Text: text.String(), Type: "str", Pos: p.pos(l, i)}, j + 1, true
		case '\\':
			j++
			if j == len(l.text) {
				return nil, 0, false
			}
			e, ok := simpleEscapes[l.text[j]]
			if !ok {
				return nil, 0, false
			}
			text.WriteByte(e)
		default:
			text.WriteByte(c)
		}
	}
	return nil, 0, false
}

// simpleEscapes are the escapes the simple reader knows; the rest of
// YAML's (\x, \u, \N, ...; yaml.v3 has no \/) go to yaml.v3.
var simpleEscapes = map[byte]byte{'"': '"', '\\': '\\', 'n': '\n', 't': '\t'}

func (p *simpleParser) singleQuoted(l simpleLine, i int) (*Value, int, bool) {
	var text strings.Builder
	for j := i + 1; ; {
		n := strings.IndexByte(l.text[j:], '\'')
		if n < 0 {
			return nil, 0, false
		}
		text.WriteString(l.text[j : j+n])
		j += n + 1
		if j < len(l.text) && l.text[j] == '\'' { // '' is one quote
			text.WriteByte('\'')
			j++
			continue
		}
		return &Value{Kind: Scalar, Text: text.String(), Type: "str", Pos: p.pos(l, i)}, j, true
	}
}

// flowList reads [a, "b", c] written on one line.
func (p *simpleParser) flowList(l simpleLine, i int) (*Value, int, bool) {
	list := &Value{Kind: List, Pos: p.pos(l, i)}
	j := skipSpaces(l.text, i+1)
	if j < len(l.text) && l.text[j] == ']' {
		return list, j + 1, true
	}
	for j < len(l.text) {
		v, end, ok := p.inline(l, j, true)
		if !ok {
			return nil, 0, false
		}
		list.Items = append(list.Items, v)
		j = skipSpaces(l.text, end)
		if j == len(l.text) {
			break
		}
		switch l.text[j] {
		case ']':
			return list, j + 1, true
		case ',':
			if j = skipSpaces(l.text, j+1); j < len(l.text) && l.text[j] == ']' {
				return nil, 0, false // a trailing comma
			}
			continue
		}
		return nil, 0, false
	}
	return nil, 0, false // a list over several lines
}

// plain reads an unquoted scalar and types it as yaml.v3 does. It refuses
// any text whose reading turns on YAML's finer rules: indicators first,
// ": " and " #" inside, and in a flow list any of ",[]{}#:?".
func (p *simpleParser) plain(l simpleLine, i int, inFlow bool) (*Value, int, bool) {
	text := l.text[i:]
	if !plainStart(text, inFlow) {
		return nil, 0, false
	}
	end := len(text)
	if inFlow {
		end = strings.IndexAny(text, ",[]{}#:?")
		if end < 0 || text[end] != ',' && text[end] != ']' {
			return nil, 0, false
		}
	} else if c := strings.Index(text, " #"); c >= 0 {
		end = c
	}
	text = strings.TrimRight(text[:end], " ")
	if !inFlow && (strings.Contains(text, ": ") || strings.HasSuffix(text, ":")) {
		return nil, 0, false
	}
	v := &Value{Kind: Scalar, Text: text, Type: plainType(text), Pos: p.pos(l, i)}
	if v.Type == "null" {
		v = &Value{Kind: Null, Pos: v.Pos}
	}
	return v, i + len(text), true
}

// plainStart reports whether text may start a plain scalar here: not with
// an indicator, but for a '-' that a character other than a space follows.
func plainStart(text string, inFlow bool) bool {
	switch text[0] {
	case '-':
		return len(text) > 1 && text[1] != ' ' && !(inFlow && strings.IndexByte(",[]{}", text[1]) >= 0)
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	}
	return true
}

// lineEnds reports whether only spaces or a comment follow text[i:].
func lineEnds(text string, i int) bool {
	j := skipSpaces(text, i)
	return j == len(text) || text[j] == '#' && j > i
}

func skipSpaces(text string, i int) int {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i
}

// plainType is the type yaml.v3 gives an unquoted scalar (its resolve and
// parser.scalar, reduced to the tag): "str", "int", "float", "bool",
// "timestamp", "null" or "merge".
func plainType(s string) string {
	if s == "<<" {
		return "merge"
	}
	if s == "" {
		return "null"
	}
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "bool"
	case "~", "null", "Null", "NULL":
		return "null"
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "float"
	}
	switch c := s[0]; {
	case c == '.':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "float"
		}
	case c >= '0' && c <= '9', c == '+', c == '-':
		return numberType(s)
	}
	return "str"
}

var yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// numberType types a plain scalar that starts with a digit or a sign.
func numberType(s string) string {
	if isTimestamp(s) {
		return "timestamp"
	}
	plain := strings.ReplaceAll(s, "_", "")
	if isInt(plain, 0) {
		return "int"
	}
	if yamlStyleFloat.MatchString(plain) && isFloat(plain) {
		return "float"
	}
	for _, b := range []struct {
		prefix string
		base   int
	}{{"0b", 2}, {"0o", 8}} {
		if digits, ok := strings.CutPrefix(plain, b.prefix); ok && isInt(digits, b.base) {
			return "int"
		}
		if digits, ok := strings.CutPrefix(plain, "-"+b.prefix); ok {
			if _, err := strconv.ParseInt("-"+digits, b.base, 64); err == nil {
				return "int"
			}
		}
	}
	return "str"
}

func isInt(s string, base int) bool {
	if _, err := strconv.ParseInt(s, base, 64); err == nil {
		return true
	}
	_, err := strconv.ParseUint(s, base, 64)
	return err == nil
}

func isFloat(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// timestampFormats are yaml.v3's.
var timestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

func isTimestamp(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	// Only formats that can match are tried: each failed time.Parse
	// allocates its error. A date has no T, t or space; a date and time
	// has at least two colons (15:4:5).
	formats := timestampFormats[3:]
	if strings.ContainsAny(s, "Tt ") {
		if strings.Count(s, ":") < 2 {
			return false
		}
		formats = timestampFormats[:3]
	}
	for _, format := range formats {
		if _, err := time.Parse(format, s); err == nil {
			return true
		}
	}
	return false
}
