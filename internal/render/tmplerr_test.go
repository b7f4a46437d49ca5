package render

import (
	"bytes"
	"errors"
	"html/template"
	"slices"
	"strings"
	"testing"

	"seutu/internal/diag"
	"seutu/internal/tmplexec"
)

// Every template error render reports is at the file, line and column of
// the fault, with html/template's message after it: the errors come from
// broken layouts of a whole render, parsed, escaped and executed as a
// site's are (html/template's run, then tmplexec's program).
func TestTemplateErrorPositions(t *testing.T) {
	const main = "{{define \"main\"}}\n\n"
	at := func(file string, line, col int, msg string) diag.Diagnostic {
		return diag.Diagnostic{Pos: diag.Pos{File: "layouts/" + file, Line: line, Col: col}, Msg: msg}
	}
	tests := []struct {
		name    string
		layouts map[string]string // over testLayouts
		want    []diag.Diagnostic
	}{
		{"parse: missing value for if",
			map[string]string{"network.html": main + "{{if}}{{end}}{{end}}"},
			[]diag.Diagnostic{at("network.html", 3, 0, "missing value for if")}},
		{"parse: unknown function",
			map[string]string{"network.html": main + "  {{frob .}}{{end}}"},
			[]diag.Diagnostic{at("network.html", 3, 0, `function "frob" not defined`)}},
		{"parse: a partial",
			map[string]string{"partials/list.html": "{{define \"list\"}}\n{{end}}{{end}}"},
			[]diag.Diagnostic{at("partials/list.html", 2, 0, "unexpected {{end}}")}},
		{"parse: base.html",
			map[string]string{"base.html": "<title>{{.Title}</title>"},
			[]diag.Diagnostic{at("base.html", 1, 0, "bad character U+007D '}'")}},
		// The column counts characters: ä is two bytes.
		{"execute: a method on nil",
			map[string]string{"404.html": main + "  ä{{.Page.IsEvent}}{{end}}"},
			[]diag.Diagnostic{at("404.html", 3, 11, `executing "main" at <.Page.IsEvent>: error calling IsEvent: runtime error: invalid memory address or nil pointer dereference`)}},
		{"execute: index of the wrong type",
			map[string]string{"404.html": main + `  {{index .Crumbs "x"}}{{end}}`},
			[]diag.Diagnostic{at("404.html", 3, 5, `executing "main" at <index .Crumbs "x">: error calling index: cannot index slice/array with type string`)}},
		{"execute: in a partial",
			map[string]string{
				"partials/x.html": "{{define \"x\"}}\n<p>{{.Page.Nope}}</p>{{end}}",
				"network.html":    main + `{{template "x" .}}{{end}}`,
			},
			[]diag.Diagnostic{at("partials/x.html", 2, 11, `executing "x" at <.Page.Nope>: can't evaluate field Nope in type *model.Page`)}},
		// A card runs its partial on its own: the fault is in the partial,
		// the call in the layout.
		{"execute: in a card",
			map[string]string{
				"partials/x.html": "{{define \"x\"}}\n<p>{{.Nope}}</p>{{end}}",
				"network.html":    main + `  {{card "x" .Page}}{{end}}`,
			},
			[]diag.Diagnostic{at("partials/x.html", 2, 6, `executing "x" at <.Nope>: can't evaluate field Nope in type *model.Page (from layouts/network.html:3:5: executing "main" at <card "x" .Page>: error calling card)`)}},
		{"escape: ambiguous URL",
			map[string]string{"network.html": main + `<a href="{{if .Page}}/path/{{else}}/search?q={{end}}{{.URL}}">x</a>{{end}}`},
			[]diag.Diagnostic{at("network.html", 3, 55, `{{.URL}} appears in an ambiguous context within a URL`)}},
		{"escape: undefined template",
			map[string]string{"network.html": main + `{{template "nada" .}}{{end}}`},
			[]diag.Diagnostic{at("network.html", 3, 12, `no such template "nada"`)}},
		// html/template names only the template it escaped, base.html,
		// wherever the fault is: the layout run is the place.
		{"escape: attribute never closed",
			map[string]string{"network.html": main + `<a href="{{.URL}}{{end}}`},
			[]diag.Diagnostic{at("network.html", 0, 0, `layouts/base.html: ends in a non-text context: {stateURL delimDoubleQuote urlPartNone jsCtxRegexp [] attrURL elementNone <nil>}`)}},
		{"escape: division or regexp in a script",
			map[string]string{"network.html": main + `<script>{{if .Page}}var x = 1{{end}}/-{{.URL}}/i.test(x)</script>{{end}}`},
			[]diag.Diagnostic{at("network.html", 0, 0, `layouts/base.html: '/' could start a division or regexp: "/-"`)}},
		{"escape: in a card",
			map[string]string{
				"partials/x.html": "{{define \"x\"}}\n<a href=\"{{.URL}}{{end}}",
				"network.html":    main + `  {{card "x" .Page}}{{end}}`,
			},
			[]diag.Diagnostic{at("network.html", 3, 5, `executing "main" at <card "x" .Page>: error calling card: html/template:x: ends in a non-text context: {stateURL delimDoubleQuote urlPartNone jsCtxRegexp [] attrURL elementNone <nil>}`)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			layouts := map[string]string{}
			for k, v := range testLayouts {
				layouts[k] = v
			}
			for k, v := range tt.layouts {
				layouts[k] = v
			}
			_, diags := renderSite(t, testContent, layouts)
			if !slices.Equal(diags, diag.List(tt.want)) {
				t.Errorf("got\n%s\nwant\n%s", diags.Error(), diag.List(tt.want).Error())
			}
		})
	}
}

// tmplexec's errors name no place; one that wraps a template's error (a
// function that runs a template) is at that template's fault.
func TestTemplateDiagTmplexec(t *testing.T) {
	partial := template.Must(template.New("layouts/partials/x.html").Parse("<p>\n {{.Nope}}</p>"))
	fm := template.FuncMap{
		"fail": func(fail bool) (string, error) {
			if fail {
				return "", errors.New("boom")
			}
			return "", nil
		},
		"inner": func(fail bool) (template.HTML, error) {
			if !fail {
				return "", nil
			}
			var b strings.Builder
			err := partial.Execute(&b, 1)
			return template.HTML(b.String()), err
		},
	}
	type p struct{ Title string }
	type data struct {
		A, B bool
		P    *p
	}
	set := template.Must(template.New("layouts/network.html").Funcs(fm).Parse("{{define \"main\"}}{{fail .A}}{{inner .B}}{{.P.Title}}{{end}}"))
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, "main", data{P: &p{}}); err != nil {
		t.Fatal(err)
	}
	prog, err := tmplexec.Compile(set, "main", fm)
	if err != nil {
		t.Fatal(err)
	}
	sources := map[string]string{"layouts/partials/x.html": "<p>\n {{.Nope}}</p>"}
	tests := []struct {
		name string
		data data
		pos  diag.Pos
		msg  string
	}{
		{"a function's error", data{A: true, P: &p{}},
			diag.Pos{File: "layouts/network.html"}, "error calling function: boom"},
		{"left to html/template", data{},
			diag.Pos{File: "layouts/network.html"}, "not supported by tmplexec: nil pointer evaluating Title"},
		{"a template's error in a function", data{B: true, P: &p{}},
			diag.Pos{File: "layouts/partials/x.html", Line: 2, Col: 4}, "at <.Nope>: can't evaluate field Nope in type int (from error calling function)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := prog.Execute(&bytes.Buffer{}, tt.data)
			if err == nil {
				t.Fatal("no error")
			}
			pos, msg := templateDiag(err, "layouts/network.html", sources)
			if pos != tt.pos || msg != tt.msg {
				t.Errorf("templateDiag(%q) = %v, %q; want %v, %q", err, pos, msg, tt.pos, tt.msg)
			}
		})
	}
}
