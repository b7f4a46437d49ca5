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

// ldMember is a key and its value: a string, an int, an ldObject, a
// []ldObject or ldJSON. Each key appears once in an object.
type ldMember struct {
	key   string
	value any
}

// ldJSON is a value already encoded.
type ldJSON []byte

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
	case ldJSON:
		return append(b, v...)
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
	if !utf8.ValidString(s) {
		return appendJSONStringSlow(b, s)
	}
	b = append(b, '"')
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case jsonPlain[c]:
			continue
		case c == 0xe2:
			if i+2 >= len(s) || s[i+1] != 0x80 || (s[i+2] != 0xa8 && s[i+2] != 0xa9) {
				continue // another character than U+2028 and U+2029
			}
			b = append(b, s[done:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[s[i+2]&0xf])
			i += 2
		default:
			b = append(b, s[done:i]...)
			b = appendJSONEscape(b, c)
		}
		done = i + 1
	}
	b = append(b, s[done:]...)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// jsonPlain marks the bytes a JSON string may keep as they are: every
// byte but the control characters, quote, backslash, <, > and &, and but
// 0xe2, which may begin U+2028 or U+2029 (appendJSONString looks closer).
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = true
	}
	for _, c := range []byte{'"', '\\', '<', '>', '&', 0xe2} {
		t[c] = false
	}
	return t
}()

// appendJSONEscape appends the escape of an ASCII byte.
func appendJSONEscape(b []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
}

// appendJSONStringSlow is appendJSONString for text that is not valid
// UTF-8: it decodes rune by rune, to write each bad byte as \ufffd.
func appendJSONStringSlow(b []byte, s string) []byte {
	b = append(b, '"')
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if !jsonPlain[c] {
				b = append(b, s[done:i-1]...)
				b = appendJSONEscape(b, c)
				done = i
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[done:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[done:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
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
