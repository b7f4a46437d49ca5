package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ldObject is a JSON object for JSON-LD, its members in any order: it is
// written with its keys sorted, as encoding/json writes a map, but without
// a map and reflection for each of the dozen objects of every page.
type ldObject []ldMember

// ldMember is a key and its value: a string, an int, an ldObject or a
// []ldObject. Each key appears once in an object.
type ldMember struct {
	key   string
	value any
}

// setIf adds the member when the value is not empty.
func (o ldObject) setIf(key, value string) ldObject {
	if value == "" {
		return o
	}
	return append(o, ldMember{key, value})
}

// appendJSON appends o as JSON, its keys sorted; it sorts o in place.
func (o ldObject) appendJSON(b []byte) []byte {
	slices.SortFunc(o, func(x, y ldMember) int { return strings.Compare(x.key, y.key) })
	b = append(b, '{')
	for i, m := range o {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, m.key)
		b = append(b, ':')
		b = appendJSONValue(b, m.value)
	}
	return append(b, '}')
}

func appendJSONValue(b []byte, v any) []byte {
	switch v := v.(type) {
	case string:
		return appendJSONString(b, v)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case ldObject:
		return v.appendJSON(b)
	case []ldObject:
		b = append(b, '[')
		for i, o := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = o.appendJSON(b)
		}
		return append(b, ']')
	}
	panic(fmt.Sprintf("render: no JSON for %T", v)) // a bug in jsonld.go
}

// appendJSONString appends s as a JSON string the way encoding/json writes
// it: quotes, backslashes and control characters escaped; <, > and & as
// \u003c, \u003e and \u0026, so that no text can end a <script>; U+2028
// and U+2029, which end a line in JavaScript, as escapes; and each byte of
// invalid UTF-8 as \ufffd. FuzzAppendJSONString holds it to encoding/json.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[done:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			done = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[done:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[done:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		done = i
	}
	b = append(b, s[done:]...)
	return append(b, '"')
}
