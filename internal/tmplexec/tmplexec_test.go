package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"testing"
	"time"
)

type page struct {
	Title   string
	URL     string
	Tags    []string
	Count   int
	Score   float64
	Draft   bool
	Parent  *page
	Kids    []*page
	Meta    map[string]string
	Nums    map[int]string
	Any     any
	When    time.Time
	Body    template.HTML
	Link    template.URL
	Script  template.JS
	private string
	embedded
}

type embedded struct{ Note string }

func (p *page) Upper() string               { return strings.ToUpper(p.Title) }
func (p *page) Greet(who string) string     { return "hei " + who + " " + p.Title }
func (p *page) Fails() (string, error)      { return "", errors.New("no") }
func (p page) ValueMethod() string          { return "value:" + p.Title }
func (p *page) Sum(a, b int) int            { return a + b }
func (p *page) IsRoot() bool                { return p.Parent == nil }
func (p *page) Maybe() *page                { return nil }
func (p *page) Pair(s string, n int) string { return fmt.Sprint(s, n) }
func (p *page) Later() time.Time            { return p.When.AddDate(0, 0, 1) }
func (p *page) IsRootString() string        { return fmt.Sprint(p.IsRoot()) }

var testFuncs = template.FuncMap{
	"upper": strings.ToUpper,
	"rel":   func(s string) string { return "/base" + s },
	"join":  strings.Join,
	"date":  func(t time.Time) string { return t.Format("2.1.2006") },
	"dict": func(kv ...any) map[string]any {
		m := map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	},
	"fail": func() (string, error) { return "", errors.New("failed") },
	"boom": func() string { panic("boom") },
	"inc":  func(i int) int { return i + 1 },
	"url":  func(s string) template.URL { return template.URL(s) },
	"same": func(v any) any { return v },
	"failOn": func(v any) (string, error) {
		if v == nil {
			return "", errors.New("nothing")
		}
		return fmt.Sprint(v), nil
	},
	"parts": func(s string) []string { return strings.Split(s, "/") },
	"card":  card,
	"cached": func(name string, data any, variants ...string) (template.HTML, error) {
		return template.HTML(fmt.Sprintf("<b>%s %T %q</b>", name, data, variants)), nil
	},
}

// card is a partial's HTML for a page, as render's card is.
func card(name string, data any) (template.HTML, error) {
	p, _ := data.(*page)
	switch {
	case name == "boom":
		panic("boom")
	case p == nil:
		return "", fmt.Errorf("card %q takes a page, not %T", name, data)
	}
	return template.HTML("<li>" + name + ": " + template.HTMLEscapeString(p.Title) + "</li>"), nil
}

func testData() *page {
	root := &page{Title: "Juuri", URL: "/"}
	return &page{
		Title: `Kunnat & "kumppanit" <b>`, URL: "/kunnat/jämsä/?a=1&b=2", Tags: []string{"talous", "sote", "A&B"},
		Count: 3, Score: 2.5, Parent: root, Kids: []*page{{Title: "Eka"}, {Title: "Toka", Draft: true}},
		Meta: map[string]string{"b": "2", "a": "1"}, Nums: map[int]string{2: "kaksi", 1: "yksi"},
		Any: "jotain", When: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC),
		Body: "<p>valmis</p>", Link: "javascript:ok()", Script: `{"a":1}`, private: "x",
		embedded: embedded{Note: "huom"},
	}
}

// TestExecuteEqualsHTMLTemplate runs each template with html/template
// and with its compiled program: the output must be the same, and the
// program must neither refuse nor fail, unless the case says it may.
func TestExecuteEqualsHTMLTemplate(t *testing.T) {
	tests := []struct {
		name, src string
		refuse    bool // the program may refuse (ErrUnsupported) and leave it to html/template
	}{
		{"text", `<p>{{.Title}}</p>`, false},
		{"attr", `<a title="{{.Title}}" href="{{.URL}}">x</a>`, false},
		{"unsafe url", `<a href="{{.Link}}">{{.Link}}</a><a href="{{printf "%s" .Link}}">y</a>`, false},
		{"query", `<a href="/haku?q={{.Title}}&t={{index .Tags 2}}">x</a>`, false},
		{"title rcdata", `<title>{{.Title}} {{.Body}}</title>`, false},
		{"typed html", `<div>{{.Body}}</div>`, false},
		{"json-ld", `<script type="application/ld+json">{{.Script}}</script>`, false},
		{"fields and methods", `{{.Parent.Title}} {{.Upper}} {{.Greet "Anna"}} {{.ValueMethod}} {{.Sum 2 3}} {{.Note}} {{.Pair "a" 1}}`, false},
		{"chain", `{{(.Parent).Title}} {{(index .Kids 1).Title}}`, false},
		{"maps", `{{.Meta.a}} {{.Meta.zz}}|{{range $k, $v := .Meta}}{{$k}}={{$v}};{{end}}{{range .Nums}}{{.}}{{end}}`, false},
		{"if else", `{{if .Draft}}luonnos{{else if .Count}}{{.Count}} kpl{{else}}ei{{end}}`, false},
		{"with else", `{{with .Maybe}}{{.Title}}{{else with .Parent}}vanhempi {{.Title}}{{else}}ei{{end}}`, false},
		{"range", `{{range $i, $k := .Kids}}{{if $i}}, {{end}}{{$i}}:{{$k.Title}}{{if $k.Draft}}!{{end}}{{end}}`, false},
		{"range else", `{{range .Missing}}x{{else}}tyhjä{{end}}`, true},
		{"range empty", `{{range .Tags}}{{.}}{{break}}{{end}}|{{range $t := .Tags}}{{if eq $t "sote"}}{{continue}}{{end}}{{$t}}{{end}}`, false},
		{"range int", `{{range $i := 3}}{{$i}}{{end}}`, false},
		{"variables", `{{$x := .Title}}{{$n := 0}}{{range .Tags}}{{$n = inc $n}}{{end}}{{$x}} {{$n}} {{$.Count}}`, false},
		{"scope", `{{$x := "ulko"}}{{with .Parent}}{{$x := "sisä"}}{{$x}}{{end}} {{$x}}`, false},
		{"builtins", `{{and .Count .Title}} {{or .Draft "oletus"}} {{not .Draft}} {{len .Tags}} {{index .Tags 0}} {{index .Meta "b"}} {{eq .Count 3}} {{ne .Title "x"}} {{lt .Score 3.0}} {{ge .Count 3}} {{eq .Count 1 2 3}}`, false},
		{"ordering", `{{lt .Count 3}} {{le .Count 3}} {{gt .Count 3}} {{gt .Count 2}} {{lt "a" "b"}} {{ge "a" "b"}} {{le 2.5 .Score}}`, false},
		{"pointer eq", `{{range .Kids}}{{if eq . (index $.Kids 1)}}toka{{end}}{{end}} {{eq .Parent .Maybe}}`, false},
		{"constants", `<p title="{{"A & B"}}">{{"<ei>"}} {{"x"}}</p><a href="/{{"ö ö"}}?q={{"a&b"}}">{{"'+'"}}</a>`, false},
		{"funcs", `{{upper .Title}} {{rel .URL}} {{join .Tags ", "}} {{date .When}} {{.Title | upper}} {{"/x" | rel}}`, false},
		{"time funcs", `{{date .When}} {{.When | date}} {{date .Later}} {{.Later | date}} {{with .When}}{{date .}}{{end}} {{range .Kids}}{{date .When}}{{end}} {{date .Parent.When}}`, false},
		{"time func, wrong type", `{{date .Title}}`, true},
		{"time func, missing", `{{date .Missing}}`, true},
		{"print", `{{print .Count .Title}} {{printf "%d-%s" .Count .Title}} {{println 1}}`, false},
		{"dict", `{{with dict "A" 1 "B" .Title}}{{.A}} {{.B}}{{end}}`, false},
		{"any", `{{.Any}} {{same .Count}} {{same .Title | upper}}`, false},
		{"numbers", `{{1}} {{1.5}} {{1e3}} {{0x10}} {{-2}} {{.Score}}`, false},
		{"template call", `{{define "kid"}}<li>{{.Title}}</li>{{end}}<ul>{{range .Kids}}{{template "kid" .}}{{end}}</ul>`, false},
		{"block", `{{block "extra" .Parent}}[{{.Title}}]{{end}}`, false},
		{"recursion", `{{define "tree"}}{{.Title}}{{range .Kids}}({{template "tree" .}}){{end}}{{end}}{{template "tree" .}}`, false},
		{"url parts", `{{range parts .URL}}<a href="{{.}}">{{.}}</a>{{end}}`, false},
		{"typed url", `<a href="{{url "javascript:x()"}}">x</a>`, false},
		{"nil field", `{{.Parent.Parent}}|{{with .Parent.Parent}}x{{end}}`, false},
		{"nil map", `{{.Parent.Meta.x}}|{{range .Parent.Meta}}x{{else}}ei{{end}}`, false},
		{"comment", `a{{/* kommentti */}}b<!-- html -->c`, false},
		{"html funcs", `<ul>{{range .Kids}}{{card "kortti" .}}{{end}}</ul>{{cached "ala" .}}{{cached "ylä" .Parent .Title "x"}}{{cached "ei" nil}}`, false},
		{"html func in a pipeline", `{{. | card "kortti"}} {{"v" | cached "ala" .}}`, false},
		{"html func error", `{{card "kortti" .Maybe}}`, true},
		{"html func nil", `{{card "kortti" nil}}`, true},
		{"html func panic", `{{card "boom" .}}`, true},
		{"direct funcs", `{{inc .Count}} {{.Count | inc | inc}} {{date .When}} {{.Later | date}} {{failOn .Title}} {{.Score | failOn}}`, false},
		{"direct func error", `{{failOn nil}}`, true},
		{"direct func missing value", `{{failOn .Meta.nosuch}}`, true},
		{"direct methods", `{{.Upper}} {{.IsRoot}} {{.Parent.IsRoot}} {{.Later.Year}} {{.ValueMethod}} {{range .Kids}}{{.Upper}}{{.ValueMethod}}{{end}} {{with .Maybe}}x{{else}}none{{end}}`, false},
		{"direct method on nil", `{{.Maybe.Upper}}`, true},
		{"error func", `{{fail}}`, true},
		{"panic func", `{{boom}}`, true},
		{"error method", `{{.Fails}}`, true},
		{"missing field", `{{.Nope}}`, true},
		{"private field", `{{.private}}`, true},
		{"nil pointer", `{{.Maybe.Title}}`, true},
		{"index out of range", `{{index .Tags 9}}`, true},
		{"attr with html", `<a title="{{.Body}}">x</a>`, true},
		{"json value", `<script>var x = {{.Title}};</script>`, true},
		{"css", `<p style="color: {{.Title}}">x</p>`, true},
		{"call builtin", `{{call .Any}}`, true},
		{"incomparable", `{{eq .Count "3"}}`, true},
		{"slice builtin", `{{slice .Title 1 2}}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := template.New("t").Funcs(testFuncs).Parse(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			var want bytes.Buffer
			wantErr := set.Execute(&want, testData())
			// Each case runs with reflection alone, and with the Directs.
			for _, direct := range [][]Direct{nil, testDirect} {
				p, err := Compile(set, "t", testFuncs, direct...)
				if err != nil {
					if !tt.refuse || !errors.Is(err, ErrUnsupported) {
						t.Fatalf("Compile: %v", err)
					}
					return
				}
				var got bytes.Buffer
				got.WriteString("prefix:")
				err = p.Execute(&got, testData())
				switch {
				case err != nil && !tt.refuse:
					t.Fatalf("Execute (%d Directs): %v (html/template: %q, %v)", len(direct), err, want.String(), wantErr)
				case err == nil && wantErr != nil:
					t.Fatalf("Execute (%d Directs) succeeded with %q where html/template failed: %v", len(direct), got.String(), wantErr)
				case err == nil && got.String() != "prefix:"+want.String():
					t.Errorf("%d Directs: got  %q\nwant %q", len(direct), strings.TrimPrefix(got.String(), "prefix:"), want.String())
				}
			}
		})
	}
}

// testDirect are the test data's methods and testFuncs' functions that a
// Direct can call.
var testDirect = []Direct{
	Method("Upper", (*page).Upper),
	Method("IsRoot", (*page).IsRoot),
	Method("Maybe", (*page).Maybe),
	Method("Later", (*page).Later),
	Method("ValueMethod", page.ValueMethod),
	Method("ValueMethod", (*page).ValueMethod),
	Func("upper", strings.ToUpper),
	Func("inc", testFuncs["inc"].(func(int) int)),
	Func("date", testFuncs["date"].(func(time.Time) string)),
	FuncErr("failOn", testFuncs["failOn"].(func(any) (string, error))),
}

// Directs are called as Go code: without reflect.Value.Call, which
// allocates its arguments and results.
func TestDirectCallsSkipReflection(t *testing.T) {
	for _, src := range []string{`{{.IsRoot}}{{.Upper}}{{.Later}}`, `{{inc .Count}}{{.Count | inc}}{{failOn .Title}}`} {
		set := template.Must(template.New("t").Funcs(testFuncs).Parse(src))
		var want bytes.Buffer
		if err := set.Execute(&want, testData()); err != nil {
			t.Fatal(err)
		}
		data := reflect.ValueOf(testData())
		allocs := func(direct ...Direct) float64 {
			p, err := Compile(set, "t", testFuncs, direct...)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			return testing.AllocsPerRun(50, func() {
				buf.Reset()
				if err := p.Execute(&buf, data); err != nil || buf.String() != want.String() {
					t.Fatalf("got %q, %v; want %q", buf.String(), err, want.String())
				}
			})
		}
		if with, without := allocs(testDirect...), allocs(); with >= without {
			t.Errorf("%s: with Directs a run allocates %v times, without %v", src, with, without)
		}
	}
}

// A Direct must be what it names: another function under the name, or a
// method expression of another method, is a bug in the caller.
func TestDirectMustBeWhatItNames(t *testing.T) {
	for _, d := range []Direct{
		Method("Upper", (*page).IsRootString),
		Func("upper", strings.ToLower),
		Func("nosuch", strings.ToLower),
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Direct %s %v taken", d.name, d.fn.Type())
				}
			}()
			directs([]Direct{d}, map[string]reflect.Value{"upper": reflect.ValueOf(strings.ToUpper)})
		}()
	}
}

// The functions that give ready HTML are called without reflection, and
// others are not taken for them.
func TestHTMLFuncsSkipReflection(t *testing.T) {
	args := []expr{nil, nil}
	for _, name := range []string{"card", "cached"} {
		if htmlFunc(reflect.ValueOf(testFuncs[name]), args, false) == nil {
			t.Errorf("%s is called through reflection", name)
		}
	}
	for _, name := range []string{"upper", "dict", "same", "url"} {
		if htmlFunc(reflect.ValueOf(testFuncs[name]), args, false) != nil {
			t.Errorf("%s taken for a function of ready HTML", name)
		}
	}
}

// TestExecuteConcurrently runs one program from many goroutines, for the
// race detector: the field caches are shared.
func TestExecuteConcurrently(t *testing.T) {
	set := template.Must(template.New("t").Funcs(testFuncs).Parse(`{{range .Kids}}{{.Title}}{{.Upper}}{{end}}{{.Meta.a}}{{.Parent.Title}}`))
	var want bytes.Buffer
	if err := set.Execute(&want, testData()); err != nil {
		t.Fatal(err)
	}
	p, err := Compile(set, "t", testFuncs)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			for range 50 {
				var got bytes.Buffer
				if err := p.Execute(&got, testData()); err != nil || got.String() != want.String() {
					errs <- fmt.Errorf("got %q, %v", got.String(), err)
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzEscapers holds the escapers to html/template's: any text, as a
// plain string and as each typed string, in each context seutu's layouts
// use.
func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"", "a&b", `"'<>+`, "\x00", "jämsä", "\xff\xfe", "javascript:alert(1)", "HTTP://x", "mailto:a@b", "/a b?c=d&e=%zz%41", "\ufdd0\ufffe", "<b>x</b>&amp;"} {
		f.Add(s)
	}
	contexts := []string{
		`<p>{{.}}</p>`,
		`<a title="{{.}}">x</a>`,
		`<a href="{{.}}">x</a>`,
		`<a href="/haku?q={{.}}">x</a>`,
		`<title>{{.}}</title>`,
		`<script type="application/ld+json">{{.}}</script>`,
	}
	f.Fuzz(func(t *testing.T, s string) {
		values := []any{s, &s, template.HTML(s), template.URL(s), template.JS(s), template.JSStr(s), template.HTMLAttr(s), template.CSS(s), len(s), nil}
		for _, src := range contexts {
			set := template.Must(template.New("t").Parse(src))
			for _, v := range values {
				var want bytes.Buffer
				if err := set.Execute(&want, v); err != nil {
					continue
				}
				p, err := Compile(set, "t", nil)
				if err != nil {
					t.Fatal(err)
				}
				var got bytes.Buffer
				if err := p.Execute(&got, v); err != nil {
					if !errors.Is(err, ErrUnsupported) {
						t.Fatalf("%s with %T: %v", src, v, err)
					}
					continue
				}
				if got.String() != want.String() {
					t.Fatalf("%s with %T %q:\ngot  %q\nwant %q", src, v, s, got.String(), want.String())
				}
			}
		}
	})
}
