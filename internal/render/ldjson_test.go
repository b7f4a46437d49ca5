package render

import (
	"encoding/json"
	"testing"
)

// asMap is o as the maps and slices encoding/json would be given.
func asMap(v any) any {
	switch v := v.(type) {
	case ldObject:
		m := map[string]any{}
		for _, mem := range v {
			m[mem.key] = asMap(mem.value)
		}
		return m
	case ldJSON:
		return json.RawMessage(v)
	case []ldObject:
		var out []any
		for _, o := range v {
			out = append(out, asMap(o))
		}
		return out
	}
	return v
}

func TestLDObjectIsEncodingJSON(t *testing.T) {
	tests := []ldObject{
		{},
		{{"b", "2"}, {"a", 1}, {"@type", "Thing"}},
		{{"name", `<script>"x" & 'y'</script>`}, {"nested", ldObject{{"z", "ä\u2028\u2029\x00\x1f\x7f\xff"}, {"y", -3}}},
			{"list", []ldObject{{{"k", "v"}}, {}, {{"b", "1"}, {"a", "2"}}}}},
		{{"raw", ldJSON(`{"a":[1,"\u003c"]}`)}, {"after", "x"}},
	}
	for _, o := range tests {
		want, err := json.Marshal(asMap(o))
		if err != nil {
			t.Fatal(err)
		}
		if got := o.appendJSON(nil); string(got) != string(want) {
			t.Errorf("got  %s\nwant %s", got, want)
		}
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
