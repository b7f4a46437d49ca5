package render

import (
	"html/template"
	"strings"
	"testing"
)

func TestSqueeze(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"indentation between blocks goes",
			"<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n",
			"<ul><li>a</li><li>b</li></ul>"},
		{"a line break between inline elements stays one",
			"<a href=\"/\">x</a>\n    <em>y</em>",
			"<a href=\"/\">x</a>\n<em>y</em>"},
		{"spaces on one line stay",
			"<span>a</span>  <span>b</span>",
			"<span>a</span>  <span>b</span>"},
		{"text keeps its words apart",
			"<p>Yksi\n      kaksi</p>",
			"<p>Yksi\nkaksi</p>"},
		{"beside an action",
			"<div>\n  {{.}}\n</div>",
			"<div>x &lt; y</div>"},
		{"inline beside an action",
			"<span>\n  {{.}}\n</span>",
			"<span>\nx &lt; y\n</span>"},
		{"pre keeps its white space",
			"<div>\n<pre>\n  a\n    b\n</pre>\n</div>",
			"<div><pre>\n  a\n    b\n</pre></div>"},
		{"textarea, in any case, across an action",
			"<TEXTAREA name=t>\n  {{.}}\n  </TEXTAREA>\n<p>\n  z</p>",
			"<TEXTAREA name=t>\n  x &lt; y\n  </TEXTAREA><p>z</p>"},
		{"script and style keep theirs",
			"<script>\nvar a = 1;\n    a++;\n</script>\n<style>\n  p {\n    margin: 0 }\n</style>",
			"<script>\nvar a = 1;\n    a++;\n</script>\n<style>\n  p {\n    margin: 0 }\n</style>"},
		{"a tag name that only starts like a block's",
			"<pre-x>\n  a\n</pre-x>\n<divider>\n</divider>",
			"<pre-x>\na\n</pre-x>\n<divider>\n</divider>"},
		{"a > in text is no tag's end",
			"<li>a -> b</li>\n<li>c >\n  d</li>",
			"<li>a -> b</li><li>c >\nd</li>"},
		{"nor is a > in a quoted attribute",
			"<div title=\"a > b\">x</div>\n<div title='c >  d'>y</div>",
			"<div title=\"a > b\">x</div><div title='c >  d'>y</div>"},
		{"an unquoted attribute still ends",
			"<a href={{.}}\n    class=x>y</a>",
			"<a href=x%20%3c%20y\nclass=x>y</a>"},
		{"inside if and range",
			"{{if .}}\n  <p>\n    a\n  </p>\n{{else}}\n  <p>b</p>\n{{end}}{{range $i := 2}}\n  <li>{{$i}}</li>\n{{end}}",
			"<p>a</p><li>0</li><li>1</li>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmpl := template.Must(template.New("t").Parse(tt.in))
			squeeze(tmpl)
			var b strings.Builder
			if err := tmpl.Execute(&b, "x < y"); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("squeezed\n%q\nto\n%q\nwant\n%q", tt.in, b.String(), tt.want)
			}
		})
	}
}

// Squeezing twice changes nothing more: a layout set is squeezed once per
// clone, over templates it shares with base.
func TestSqueezeIsIdempotent(t *testing.T) {
	src := "<div>\n  <pre> a\n  b</pre>\n  <span>\n c </span>\n</div>"
	once := template.Must(template.New("t").Parse(src))
	squeeze(once)
	twice := template.Must(template.New("t").Parse(src))
	squeeze(twice)
	squeeze(twice)
	if a, b := once.Tree.Root.String(), twice.Tree.Root.String(); a != b {
		t.Errorf("once %q, twice %q", a, b)
	}
}
