package jsonld

import (
	"strconv"
	"unicode/utf8"
)

// writer writes JSON for JSON-LD straight into its buffer, with no
// objects built first. An object's members must come in the order of
// their keys, as encoding/json writes a map's; a key out of order panics,
// a bug in jsonld.go that its tests catch.
type writer struct {
	b    []byte
	open []level // the objects and arrays being written, innermost last
}

// level is an open object or array: how many members or items it has
// so far, and an object's last key.
type level struct {
	array bool
	n     int
	last  string
}

func (w *writer) reset() { w.b, w.open = w.b[:0], w.open[:0] }

// key starts an object's member, or with key "" an array's item (or the
// outermost value).
func (w *writer) key(key string) {
	if len(w.open) == 0 {
		return
	}
	l := &w.open[len(w.open)-1]
	if l.n > 0 {
		w.b = append(w.b, ',')
	}
	l.n++
	if key == "" {
		return
	}
	if l.n > 1 && key <= l.last {
		panic("jsonld: key " + strconv.Quote(key) + " after " + strconv.Quote(l.last))
	}
	l.last = key
	w.b = appendJSONString(w.b, key)
	w.b = append(w.b, ':')
}

// object opens an object as the member key (see key); end closes it.
func (w *writer) object(key string) {
	w.key(key)
	w.b = append(w.b, '{')
	w.open = append(w.open, level{})
}

// array opens an array as the member key (see key); end closes it.
func (w *writer) array(key string) {
	w.key(key)
	w.b = append(w.b, '[')
	w.open = append(w.open, level{array: true})
}

// end closes the innermost object or array.
func (w *writer) end() {
	closing := byte('}')
	if w.open[len(w.open)-1].array {
		closing = ']'
	}
	w.b = append(w.b, closing)
	w.open = w.open[:len(w.open)-1]
}

func (w *writer) str(key, value string) {
	w.key(key)
	w.b = appendJSONString(w.b, value)
}

// strIf writes the member when the value is not empty.
func (w *writer) strIf(key, value string) {
	if value != "" {
		w.str(key, value)
	}
}

func (w *writer) int(key string, value int) {
	w.key(key)
	w.b = strconv.AppendInt(w.b, int64(value), 10)
}

// raw writes JSON already written.
func (w *writer) raw(key string, json []byte) {
	w.key(key)
	w.b = append(w.b, json...)
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
