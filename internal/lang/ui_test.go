package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template/parse"

	"seutu/layouts"
)

// TestUITable holds the table of UI texts to the layouts and the code:
// every row complete in Swedish and English, formats with the same verbs
// and counts with their three forms in every language; every literal of
// t, tf, tn and tw in a layout in the table; and no row that neither a
// layout nor the code names.
func TestUITable(t *testing.T) {
	texts, counts := map[string]row{}, map[string]row{}
	for _, r := range ui {
		t.Run(r.fi, func(t *testing.T) {
			if r.fi == "" || r.sv == "" || r.en == "" {
				t.Fatalf("a language is missing: %q", [3]string{r.fi, r.sv, r.en})
			}
			if key, _, ok := strings.Cut(r.fi, "|"); ok {
				if _, dup := counts[key]; dup {
					t.Errorf("count %q twice", key)
				}
				counts[key] = r
				for _, s := range []string{r.fi, r.sv, r.en} {
					if forms := strings.Split(s, "|"); len(forms) != 3 || slices.Contains(forms, "") {
						t.Errorf("%q: want one|other|none", s)
					}
				}
				return
			}
			if _, dup := texts[r.fi]; dup {
				t.Errorf("%q twice", r.fi)
			}
			texts[r.fi] = r
			want := verbs.FindAllString(r.fi, -1)
			for _, s := range []string{r.sv, r.en} {
				if got := verbs.FindAllString(s, -1); !slices.Equal(got, want) {
					t.Errorf("%q has verbs %q, the Finnish %q", s, got, want)
				}
				if strings.Contains(r.fi, "{n}") != strings.Contains(s, "{n}") {
					t.Errorf("%q and its Finnish differ in {n}", s)
				}
			}
		})
	}

	used := goLiterals(t, "..")
	calls := layoutCalls(t)
	for _, c := range calls {
		used[c.text] = true
		switch _, isText := texts[c.text]; {
		case c.fn == "tn":
			if _, ok := counts[c.text]; !ok {
				t.Errorf("%s: tn %q: no such count in the table (ui.go)", c.file, c.text)
			}
		case !isText:
			t.Errorf("%s: %s %q: not in the table (ui.go)", c.file, c.fn, c.text)
		case c.fn == "tw":
			r := texts[c.text]
			for _, s := range []string{r.fi, r.sv, r.en} {
				if strings.Count(s, "%s") != 1 {
					t.Errorf("%s: tw %q: %q must have one %%s, where the markup goes", c.file, c.text, s)
				}
			}
		}
	}
	for key := range texts {
		if !used[key] {
			t.Errorf("%q: no layout or code uses it; remove it from ui.go", key)
		}
	}
	for key := range counts {
		if !used[key] {
			t.Errorf("count %q: no layout or code uses it; remove it from ui.go", key)
		}
	}
	if len(calls) < 100 {
		t.Errorf("found only %d texts in the layouts: is the walk broken?", len(calls))
	}
}

var verbs = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

type call struct{ file, fn, text string }

// layoutCalls returns every t, tf, tn and tw of the embedded layouts whose
// text is a literal.
func layoutCalls(t *testing.T) []call {
	var out []call
	err := fs.WalkDir(layouts.FS, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".html") {
			return err
		}
		src, err := fs.ReadFile(layouts.FS, name)
		if err != nil {
			return err
		}
		tr := parse.New(name)
		tr.Mode = parse.SkipFuncCheck
		trees := map[string]*parse.Tree{}
		if _, err := tr.Parse(string(src), "{{", "}}", trees); err != nil {
			return err
		}
		for _, tree := range trees {
			walk(tree.Root, func(c *parse.CommandNode) {
				id, ok := c.Args[0].(*parse.IdentifierNode)
				if !ok {
					return
				}
				at := map[string]int{"t": 1, "tf": 1, "tw": 1, "tn": 2}
				i, ok := at[id.Ident]
				if !ok || len(c.Args) <= i {
					return
				}
				if s, ok := c.Args[i].(*parse.StringNode); ok {
					out = append(out, call{"layouts/" + name, id.Ident, s.Text})
				}
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// walk calls fn on every command under n.
func walk(n parse.Node, fn func(*parse.CommandNode)) {
	var pipe func(p *parse.PipeNode)
	pipe = func(p *parse.PipeNode) {
		if p == nil {
			return
		}
		for _, c := range p.Cmds {
			fn(c)
			for _, a := range c.Args {
				if sub, ok := a.(*parse.PipeNode); ok {
					pipe(sub)
				}
			}
		}
	}
	branch := func(b *parse.BranchNode) {
		pipe(b.Pipe)
		if b.List != nil {
			walk(b.List, fn)
		}
		if b.ElseList != nil {
			walk(b.ElseList, fn)
		}
	}
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			walk(c, fn)
		}
	case *parse.ActionNode:
		pipe(n.Pipe)
	case *parse.IfNode:
		branch(&n.BranchNode)
	case *parse.WithNode:
		branch(&n.BranchNode)
	case *parse.RangeNode:
		branch(&n.BranchNode)
	case *parse.TemplateNode:
		pipe(n.Pipe)
	}
}

// goLiterals returns every string literal of the Go code under dir, tests
// and the table itself aside: what the code may pass to T, TextF, Count and
// Around, directly (l.T("Etusivu")) or through a table of its own
// (model.Kinds' titles, resolve's group titles, the vocabulary values).
func goLiterals(t *testing.T, dir string) map[string]bool {
	out := map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if v, ok := n.(*ast.ValueSpec); ok && len(v.Names) == 1 && v.Names[0].Name == "ui" && f.Name.Name == "lang" {
				return false // the table itself
			}
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					out[s] = true
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestUIWords(t *testing.T) {
	tests := []struct {
		name string
		got  func(*Lang) string
		want [3]string // fi, sv, en
	}{
		{"T", func(l *Lang) string { return l.T("Ota yhteyttä") }, [3]string{"Ota yhteyttä", "Kontakta oss", "Contact us"}},
		{"T with a context", func(l *Lang) string { return l.T("Koordinoi@verkosto") }, [3]string{"Koordinoi", "Koordinator", "Coordinator"}},
		{"T of a text not in the table", func(l *Lang) string { return l.T("Oma teksti") }, [3]string{"Oma teksti", "Oma teksti", "Oma teksti"}},
		{"TextF", func(l *Lang) string { return l.TextF("%s, sivu %d", "Ajankohtaista", 2) },
			[3]string{"Ajankohtaista, sivu 2", "Ajankohtaista, sida 2", "Ajankohtaista, page 2"}},
		{"Count of none", func(l *Lang) string { return l.Count(0, "tapahtuma") }, [3]string{"Ei tapahtumia", "Inga evenemang", "No events"}},
		{"Count of one", func(l *Lang) string { return l.Count(1, "tapahtuma") }, [3]string{"1 tapahtuma", "1 evenemang", "1 event"}},
		{"Count of many", func(l *Lang) string { return l.Count(1200, "strategia") },
			[3]string{"1\u00a0200 strategiaa", "1\u00a0200 strategier", "1,200 strategies"}},
		{"Around", func(l *Lang) string { w := l.Around("%s alkaen"); return w.Before + "|" + w.After },
			[3]string{"| alkaen", "från |", "from |"}},
		{"DateTime", func(l *Lang) string { return l.DateTime(at(2023, 4, 24, 13, 0)) },
			[3]string{"24.4.2023 klo 13.00", "24.4.2023 kl. 13.00", "24 April 2023, 13:00"}},
		{"Euros", func(l *Lang) string { return l.Euros(116475) }, [3]string{"116\u00a0475\u00a0€", "116\u00a0475\u00a0€", "€116,475"}},
		{"Decimal", func(l *Lang) string { return l.Decimal(2500.25, 2) }, [3]string{"2\u00a0500,25", "2\u00a0500,25", "2,500.25"}},
		{"Locale", func(l *Lang) string { return l.Locale() }, [3]string{"fi_FI", "sv_FI", "en_GB"}},
		{"ScriptTexts", func(l *Lang) string { return l.ScriptTexts("directory")[:9] },
			[3]string{`{"none":"`, `{"none":"`, `{"none":"`}},
	}
	for _, tt := range tests {
		for i, l := range All {
			t.Run(tt.name+"/"+l.Code, func(t *testing.T) {
				if got := tt.got(l); got != tt.want[i] {
					t.Errorf("got %q, want %q", got, tt.want[i])
				}
			})
		}
	}
	if got := Finnish.ScriptTexts("nothing"); got != "{}" {
		t.Errorf("ScriptTexts of a script without texts = %q", got)
	}
}

// Swedish sorts å, ä and ö after z as Finnish does; English sorts ä with a.
func TestCollation(t *testing.T) {
	words := []string{"Öljy", "Zeta", "Äänekoski", "Aalto", "Åbo", "Bertil"}
	want := map[string][]string{
		"fi": {"Aalto", "Bertil", "Zeta", "Åbo", "Äänekoski", "Öljy"},
		"sv": {"Aalto", "Bertil", "Zeta", "Åbo", "Äänekoski", "Öljy"},
		"en": {"Aalto", "Äänekoski", "Åbo", "Bertil", "Öljy", "Zeta"},
	}
	for _, l := range All {
		got := slices.Clone(words)
		c := l.NewCollation()
		slices.SortStableFunc(got, c.Compare)
		if !slices.Equal(got, want[l.Code]) {
			t.Errorf("%s: %q, want %q", l.Code, got, want[l.Code])
		}
	}
}
