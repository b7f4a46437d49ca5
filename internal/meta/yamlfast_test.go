package meta

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"seutu/internal/corpus"
	"seutu/internal/fi"
)

// The simple reader must take what editors write and leave the rest to
// yaml.v3; whatever it takes, it must read exactly as yaml.v3 does.
func TestSimpleYAMLEqualsYAMLv3(t *testing.T) {
	tests := []struct {
		name, src string
		simple    bool
	}{
		{"types", "a: 2026-11-23\nb: 12\nc: 1_000\nd: 0x1F\ne: 1.5\nf: .5\ng: true\nh: yes\ni: ~\nj: null\n" +
			"k: 2026-03-16T14:00\nl: 2024-06\nm: -3\nn: +.inf\no: 0o17\np: 0b101\nq: 010\nr: <<\ns: 1e3\n" +
			"t: 2026-01-02 10:00:00\nu: -0b11\nv: 99999999999999999999\nw: 2026-1-2\nx: 1.\ny: -.5e-3\nz: NULL\n" +
			"za: 2026-01-02t10:00:00Z\nzb: 2026-01-02T10:00:00.5+02:00\nzc: 2026-01-02T10:00Z\nzd: 2026-01-02 10:00\n", true},
		{"quoted", `a: "x: y # z"` + "\nb: 'it''s'\nc: \"\"\nd: ''\nphone: \"050 599 6293\"\n", true},
		{"flow lists", "tags: [a, b c, \"d, e\", 'f']\nrevised: [2013]\nempty: []\nspaced: [ a ,b ]\nnull: [~]\n", true},
		{"block list", "contacts:\n  - kari-pirinen\n  - 'valtteri'\n  - 12\nnext: x\n", true},
		{"nested map", "event:\n  start: 2023-02-24T13:00\n  location: Kyyjärvi\nafter: x\n", true},
		{"map in map", "a:\n  b:\n    - x\n    - y\n  c: [y]\n  d:\n    e: f\ng: h\n", true},
		{"comments", "# top\ntitle: x # trailing\n\n  # indented\ntags: [a] # c\nb: 'q' #c\nc:  # on the key\n  - d\n", true},
		{"crlf", "title: x\r\ntags: [a]\r\nevent:\r\n  start: 2026-01-01\r\n", true},
		{"unicode columns", "title: Äänekoski\ntags: [Ää, öö, 'å']\nsummary: Jyväskylän seutu – ”lainaus”\n", true},
		{"plain specials", "summary: Hanke (JAMK), 2020 [x] {y} a:b a#b 50 % -z ?q\nurl: https://example.fi/a?b=c#d\n", true},
		{"dashes", "a: -5\nb: -x\nc: --\nperiod: 2021–2030\n", true},
		{"keys", "meetings_per_year: 6\nx-y: 1\nTitle: 2\n1: one\ntrue: t\n", true},
		{"no final newline", "title: x", true},

		{"anchor", "a: &x 1\nb: *x\n", false},
		{"literal", "a: |\n  text\n", false},
		{"folded", "a: >\n  text\n", false},
		{"escape", `a: "x\ny \"z\" \\ \t"` + "\n", true},
		{"unknown escape", `a: "\x41 \/"` + "\n", false},
		{"plain over lines", "a: b\n  c\n", false},
		{"quoted over lines", "a: \"b\n  c\"\n", false},
		{"flow over lines", "a: [b,\n  c]\n", false},
		{"empty value", "a:\nb: 1\n", false},
		{"duplicate", "a: 1\na: 2\n", false},
		{"tab", "a:\tb\n", false},
		{"list at the key's indent", "a:\n- b\n", false},
		{"nested flow in list", "a:\n  - [b]\n", false},
		{"map in list", "a:\n  - b: c\n", false},
		{"flow map", "a: {b: c}\n", false},
		{"colon in value", "a: b: c\n", false},
		{"colon at end", "a: b:\n", false},
		{"root list", "- a\n", false},
		{"unclosed flow", "a: [b\n", false},
		{"indented root", "  a: 1\n", false},
		{"space before colon", "a : 1\n", false},
		{"tag", "a: !!str 1\n", false},
		{"quoted key", "\"a\": 1\n", false},
		{"trailing comma", "a: [b, ]\n", false},
		{"colon in flow", "a: [http://x]\n", false},
		{"nothing", "", false},
		{"only a comment", "# x\n", false},
		{"uneven nesting", "a:\n    b: 1\n  c: 2\n", false},
		{"text after quote", "a: \"b\"c\n", false},
		{"comment without space", "a: [b]#c\n", false},
		{"CR alone", "a: b\rc: d\n", false},
		{"NEL", "a: b\u0085c\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseSimpleYAML([]byte(tt.src), "x.md", 2)
			if ok != tt.simple {
				t.Fatalf("simple reader took it: %v, want %v", ok, tt.simple)
			}
			if ok {
				sameAsYAMLv3(t, []byte(tt.src), got)
			}
		})
	}
}

// sameAsYAMLv3 fails unless yaml.v3 reads src without a problem into got.
func sameAsYAMLv3(t *testing.T, src []byte, got *Value) {
	t.Helper()
	want, diags := parseYAMLNodes(src, "x.md", 2)
	if len(diags) > 0 {
		t.Fatalf("the simple reader took %q, which yaml.v3 rejects: %v", src, diags)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\nsimple reader:\n%s\nyaml.v3:\n%s", src, dump(got), dump(want))
	}
}

func dump(v *Value) string {
	var b strings.Builder
	var walk func(v *Value, indent string)
	walk = func(v *Value, indent string) {
		fmt.Fprintf(&b, "%s%v %s %q %s\n", indent, v.Pos, v.Kind, v.Text, v.Type)
		for _, it := range v.Items {
			walk(it, indent+"  ")
		}
		for _, f := range v.Fields {
			fmt.Fprintf(&b, "%s  %q at %v:\n", indent, f.Key, f.KeyPos)
			walk(f.Value, indent+"    ")
		}
	}
	if v == nil {
		return "nil\n"
	}
	walk(v, "")
	return b.String()
}

// Every front matter of the repository's site and of a generated one must
// take the simple reader: it is what makes loading fast.
func TestSimpleYAMLReadsTheSites(t *testing.T) {
	files := map[string][]byte{}
	err := filepath.WalkDir("../../content", func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".md") {
			files[path], err = os.ReadFile(path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range corpus.Generate(corpus.Options{Pages: 2000, Seed: 7, Now: time.Date(2026, 5, 1, 12, 0, 0, 0, fi.Helsinki)}) {
		if strings.HasSuffix(f.Path, ".md") {
			files[f.Path] = f.Data
		}
	}
	if len(files) < 2000 {
		t.Fatalf("only %d files", len(files))
	}
	for path, data := range files {
		front := frontMatter(data)
		if front == nil {
			t.Fatalf("%s: no front matter", path)
		}
		got, ok := parseSimpleYAML(front, "x.md", 2)
		if !ok {
			t.Fatalf("%s: left to yaml.v3:\n%s", path, front)
		}
		sameAsYAMLv3(t, front, got)
	}
}

// frontMatter returns the lines between a file's first two "---" lines.
func frontMatter(data []byte) []byte {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil
	}
	end := bytes.Index(rest, []byte("\n---\n"))
	if end < 0 {
		return nil
	}
	return rest[:end+1]
}

// FuzzSimpleYAML holds the simple reader to yaml.v3 on any input it takes.
func FuzzSimpleYAML(f *testing.F) {
	for _, seed := range []string{
		"title: X\ntags: [a, 'b', \"c\"]\nevent:\n  start: 2023-01-01T10:00\n  end: 12\n",
		"a:\n  - b\n  - 'c''d'\nx: y # z\n",
		"summary: a (b), c [d] e:f\nn: -1_0\nt: 2026-1-2 3:4:5\n",
		"a:\n  b:\n    c: [~, true, .inf, 0o7]\n",
		"a: [b?, -c, 'd', \"e\\\"\"] # f\nb: x ? y\nc: - d\n\n  # g\r\nh:\n  - \"i\\\\\"\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if got, ok := parseSimpleYAML(src, "x.md", 2); ok {
			sameAsYAMLv3(t, src, got)
		}
	})
}
