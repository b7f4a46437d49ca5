package jsonld

import (
	"encoding/json"
	"testing"
)

// The writer writes what encoding/json writes for the same maps and
// slices: members in the order of their keys, strings escaped alike.
func TestLDWriterIsEncodingJSON(t *testing.T) {
	tests := []struct {
		write func(w *writer)
		want  any
	}{
		{func(w *writer) { w.object(""); w.end() }, map[string]any{}},
		{func(w *writer) {
			w.object("")
			w.str("@type", "Thing")
			w.str("a", "1")
			w.int("b", -3)
			w.strIf("c", "")
			w.strIf("d", "x")
			w.end()
		}, map[string]any{"@type": "Thing", "a": "1", "b": -3, "d": "x"}},
		{func(w *writer) {
			w.object("")
			w.array("list")
			w.object("")
			w.str("k", "v")
			w.end()
			w.object("")
			w.end()
			w.raw("", []byte(`{"a":[1,"\u003c"]}`))
			w.end()
			w.str("name", `<script>"x" & 'y'</script>`)
			w.object("nested")
			w.str("z", "ä\u2028\u2029\x00\x1f\x7f\xff")
			w.end()
			w.end()
		}, map[string]any{
			"list":   []any{map[string]any{"k": "v"}, map[string]any{}, json.RawMessage(`{"a":[1,"\u003c"]}`)},
			"name":   `<script>"x" & 'y'</script>`,
			"nested": map[string]any{"z": "ä\u2028\u2029\x00\x1f\x7f\xff"},
		}},
	}
	for _, tt := range tests {
		want, err := json.Marshal(tt.want)
		if err != nil {
			t.Fatal(err)
		}
		w := &writer{}
		tt.write(w)
		if string(w.b) != string(want) {
			t.Errorf("got  %s\nwant %s", w.b, want)
		}
		if len(w.open) != 0 {
			t.Errorf("%s: %d left open", w.b, len(w.open))
		}
	}
}

// A key out of order, or twice, is a bug in jsonld.go: the writer panics
// rather than write members in an order encoding/json would not.
func TestLDWriterRefusesKeysOutOfOrder(t *testing.T) {
	for _, keys := range [][2]string{{"name", "@type"}, {"url", "url"}, {"datePublished", "dateModified"}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%q after %q did not panic", keys[1], keys[0])
				}
			}()
			w := &writer{}
			w.object("")
			w.str(keys[0], "x")
			w.str(keys[1], "y")
		}()
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "Jyväskylä", `"\<>&`, "\b\f\n\r\t\x00\x1f\x7f", "\u2028\u2029", "\xff\xfe", "a\xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got[1:], want)
		}
	})
}
