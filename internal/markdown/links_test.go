package markdown

import (
	"fmt"
	goparser "go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	gutil "github.com/yuin/goldmark/util"
)

// inPlace is the reference that holes are held to: it resolves each link
// while the tree is walked and writes the result into the tree, so that
// goldmark itself escapes and writes it. The resolver is given the
// destination goldmark renders, escapes and references resolved, and its
// answer goes into the tree with & and \ escaped, so that goldmark's
// resolving them gives back the answer.
type inPlace struct{ links LinkResolver }

func (t inPlace) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			l.Destination = t.resolve(l.Destination, false)
		case *ast.Image:
			l.Destination = t.resolve(l.Destination, true)
		}
		return ast.WalkContinue, nil
	})
}

func (t inPlace) resolve(dest []byte, image bool) []byte {
	decoded := gutil.ResolveEntityNames(gutil.ResolveNumericReferences(gutil.UnescapePunctuations(dest)))
	if out, problem := t.links.ResolveLink(string(decoded), image); problem == "" {
		return []byte(strings.NewReplacer(`&`, `&amp;`, `\`, `\\`).Replace(out))
	}
	return dest
}

// oddLinks resolves links into destinations that goldmark must escape or
// drop, and refuses some.
type oddLinks struct{}

func (oddLinks) ResolveLink(dest string, image bool) (string, string) {
	switch {
	case strings.HasPrefix(dest, "rikki"):
		return "", "no page at " + dest
	case strings.HasPrefix(dest, "js"):
		return "javascript:alert(1)", ""
	case strings.HasPrefix(dest, "data"):
		return "data:image/png;base64,AAAA", ""
	case image:
		return "/kuvat/" + dest + "?a=1&b=\"2\"", ""
	}
	return "/sivut/" + dest + "/ä ö<>#osa", ""
}

// sizedLinks resolves a link to the site's kind of path, as long as the
// destination asks: "pitka…" far longer than its hole, others shorter, so
// that the result is both longer and shorter than the holes' HTML.
type sizedLinks struct{}

func (sizedLinks) ResolveLink(dest string, image bool) (string, string) {
	switch {
	case strings.HasPrefix(dest, "rikki"):
		return "", "no page at " + dest
	case strings.HasPrefix(dest, "js"):
		return "javascript:alert(1)", ""
	case strings.Contains(dest, "pitka"):
		return "/verkostot/" + strings.Repeat("pitka-", 12) + "/#otsikko", ""
	}
	return "/a/" + strings.TrimSuffix(dest, ".md") + "/", ""
}

// linkTwice fills src's holes twice over one conversion, as the dev
// server does from render to render, and requires the same HTML both
// times, with the holes' HTML and the first answer as they were.
func linkTwice(t *testing.T, c *Converter, src string, links LinkResolver) string {
	t.Helper()
	res := c.Convert([]byte(src), "x.md", 1)
	holes := strings.Clone(res.HTML)
	first, _, _ := res.Link(links)
	kept := strings.Clone(first)
	again, _, _ := res.Link(links)
	if res.HTML != holes || first != kept || again != first {
		t.Fatalf("%q: linking changed what was linked before:\nholes %q, now %q\nfirst %q, now %q\nagain %q", src, holes, res.HTML, kept, first, again)
	}
	return first
}

func TestLinkFillsHolesAsGoldmarkWrites(t *testing.T) {
	srcs := []string{
		"[a](b.md) ja ![kuva](c.png \"otsikko\")",
		"[viite][v] ja [toinen][v]\n\n[v]: /viite/ \"Viite\"",
		"![kuva jossa [linkki](sisalla.md)](kuva.png) ja [perään](perassa.md)",
		"| a | b |\n|---|---|\n| [x](x.md) | ![y](y.png) |",
		"Teksti[^1] ja [linkki](l.md).\n\n[^1]: Alaviite, jossa [lähde](lahde.md).",
		"<https://www.keskisuomi.fi> ja https://jyvaskyla.fi ja [oma](oma.md)",
		"[vaara](js) ja ![data](data) ja [data-linkki](data)",
		"[rikki](rikki.md) ja [ehjä](ehja.md)",
		"[e](/kunnat/&#x6a;amsa/) ja [f](a&amp;amp;b.md) ja [g](\\_x\\\\y.md) ja ![h](js&#46;png) ja [i](&#106;s)",
		"[väli](<kohde jossa väli.md>) ja [lainaus](a\"b.md)",
		"QQ-seutu-link- on tekstiä, samoin QQ-seutu-link-0 ja QQ ja [oikea](oikea.md)",
		strings.Repeat("[l](sivu.md) ", 25),
		"Ei linkkejä lainkaan.",
	}
	srcs = append(srcs, "[lyhyt](a.md) [pitkä](pitka.md) [lyhyt](b.md)", "[pitkä](pitka.md) [lyhyt](a.md)",
		strings.Repeat("[l](sivu.md) ", 20)+"[p](pitka.md)")
	got := New()
	for _, links := range []LinkResolver{oddLinks{}, sizedLinks{}} {
		want := &Converter{md: newGoldmark(inPlace{links}, tableCells{})}
		for _, src := range srcs {
			html := linkTwice(t, got, src, links)
			ref := want.Convert([]byte(src), "x.md", 1).HTML
			if html != ref {
				t.Errorf("%q:\nholes filled:\n%s\ngoldmark:\n%s", src, html, ref)
			}
			if strings.Contains(html, got.mark) {
				t.Errorf("%q: a hole is left in\n%s", src, html)
			}
		}
	}
}

// Linking leaves every string a caller holds as it was (#22: filling the
// holes in place wrote over the bytes of the HTML a caller had), and
// allocates the linked HTML once, at its size.
func TestLinkChangesNoString(t *testing.T) {
	res := New().Convert([]byte(strings.Repeat("[l](sivu.md) ", 20)+"[p](pitka.md)"), "x.md", 1)
	holes := res.HTML
	before := strings.Clone(holes)
	html, _, _ := res.Link(sizedLinks{})
	if holes != before || res.HTML != before {
		t.Errorf("the HTML with holes changed when linked:\n%s", holes)
	}
	if !strings.Contains(html, `href="/a/sivu/"`) || strings.Contains(html, res.mark) {
		t.Errorf("linked wrongly:\n%s", html)
	}
	dests := make([]string, len(res.Links))
	for i := range dests {
		dests[i] = "/a/sivu/"
	}
	if n := testing.AllocsPerRun(10, func() { _ = fill(res.HTML, res.mark, dests) }); n != 1 {
		t.Errorf("fill allocates %v times, want once", n)
	}
}

// The package must not use unsafe: it once made the HTML a string over
// bytes that linking then changed (#22), guarded by a comment alone.
func TestNoUnsafe(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := goparser.ParseFile(fset, name, nil, goparser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if imp.Path.Value == `"unsafe"` {
				t.Errorf("%s imports unsafe", fset.Position(imp.Pos()))
			}
		}
	}
}

func TestLinkReportsWhatDidNotResolve(t *testing.T) {
	res := New().Convert([]byte("[a](a.md)\n\n[b](rikki.md) ![c](c.png)"), "content/x.md", 3)
	if len(res.Links) != 3 {
		t.Fatalf("Links = %+v, want all three", res.Links)
	}
	html, resolved, diags := res.Link(oddLinks{})
	if len(resolved) != 2 || resolved[0].Dest != "a.md" || resolved[1].Dest != "c.png" || !resolved[1].Image {
		t.Errorf("resolved = %+v", resolved)
	}
	if got, want := diags.Error(), "content/x.md:5:1: error: no page at rikki.md"; got != want {
		t.Errorf("diags = %q, want %q", got, want)
	}
	if !strings.Contains(html, `<a href="rikki.md">`) {
		t.Errorf("a link that did not resolve must stay as written:\n%s", html)
	}
	asWritten, all, none := res.Link(nil)
	if len(all) != 3 || len(none) != 0 || !strings.Contains(asWritten, `<a href="a.md">`) {
		t.Errorf("Link(nil) = %q, %+v, %v", asWritten, all, none)
	}
}

// Each Converter has its own mark, so that no text written for one (nor a
// mark seen in a test's output) opens a hole in another's.
func TestMarksDiffer(t *testing.T) {
	a, b := New(), New()
	if a.mark == b.mark || len(a.mark) < 30 {
		t.Fatalf("marks %q and %q", a.mark, b.mark)
	}
	src := fmt.Sprintf("%s0 ja [x](x.md)", a.mark)
	html, _, _ := b.Convert([]byte(src), "x.md", 1).Link(oddLinks{})
	if !strings.Contains(html, a.mark+"0 ja") {
		t.Errorf("another converter's mark was taken for a hole:\n%s", html)
	}
}

// FuzzLinkHoles holds filled holes to goldmark writing the resolved links
// itself, for any body.
func FuzzLinkHoles(f *testing.F) {
	for _, seed := range []string{"[a](b.md) ![c](d.png)", "![x [y](z)](w)", "[v]\n\n[v]: js", "[a](<b c>)"} {
		f.Add(seed)
	}
	got := New()
	odd, sized := &Converter{md: newGoldmark(inPlace{oddLinks{}}, tableCells{})}, &Converter{md: newGoldmark(inPlace{sizedLinks{}}, tableCells{})}
	f.Fuzz(func(t *testing.T, src string) {
		if html, ref := linkTwice(t, got, src, oddLinks{}), odd.Convert([]byte(src), "x.md", 1).HTML; html != ref {
			t.Fatalf("holes filled:\n%s\ngoldmark:\n%s", html, ref)
		}
		if html, ref := linkTwice(t, got, src, sizedLinks{}), sized.Convert([]byte(src), "x.md", 1).HTML; html != ref {
			t.Fatalf("holes filled:\n%s\ngoldmark:\n%s", html, ref)
		}
	})
}

// FuzzEscapeDest holds decodeDest and escapeDest, with its shortcut for
// plain destinations, to goldmark's own rendering of a destination as
// written, and escapeDest alone to goldmark's escaping of a URL (a
// resolver's answer), for any destination.
func FuzzEscapeDest(f *testing.F) {
	for _, seed := range []string{"/verkostot/x/", "/a?b=c#d", "javascript-x", "a~b_c.d", "%20", "&amp;", "a b", "data:x", "\\#", "JAVASCRIPT:x",
		"/kunnat/&#x6a;amsa/", "&amp;amp;", "javascript&#58;x", "\\&amp;", "&#0;"} {
		f.Add(seed)
	}
	goldmark := func(dest []byte, resolveReference bool) string {
		u := gutil.URLEscape(dest, resolveReference)
		if html.IsDangerousURL(u) {
			return ""
		}
		return string(gutil.EscapeHTML(u))
	}
	f.Fuzz(func(t *testing.T, dest string) {
		if got, want := escapeDest(decodeDest([]byte(dest))), goldmark([]byte(dest), true); got != want {
			t.Fatalf("escapeDest(decodeDest(%q)) = %q, goldmark writes %q", dest, got, want)
		}
		if got, want := escapeDest(dest), goldmark([]byte(dest), false); got != want {
			t.Fatalf("escapeDest(%q) = %q, goldmark escapes it as %q", dest, got, want)
		}
	})
}

// passLinks resolves every link to its destination as it is.
type passLinks struct{}

func (passLinks) ResolveLink(dest string, _ bool) (string, string) { return dest, "" }

// A destination's escapes and character references are resolved before it
// is resolved as a link, as goldmark resolves them before writing it, and
// only once.
func TestLinkDestResolvesReferences(t *testing.T) {
	tests := []struct {
		name, src, dest, href string
	}{
		{"hexadecimal reference", "[x](/kunnat/&#x6a;amsa/)", "/kunnat/jamsa/", `href="/kunnat/jamsa/"`},
		{"decimal reference", "[x](/kunnat/j&#228;ms&#228;/)", "/kunnat/jämsä/", `href="/kunnat/j%C3%A4ms%C3%A4/"`},
		{"named reference", "[x](https://x.fi/?a=1&amp;b=2)", "https://x.fi/?a=1&b=2", `href="https://x.fi/?a=1&amp;b=2"`},
		{"backslash escape", `[x](/a\_b/)`, "/a_b/", `href="/a_b/"`},
		{"reference written out, resolved once", "[x](/a/&amp;amp;/)", "/a/&amp;/", `href="/a/&amp;amp;/"`},
		{"escaped reference, resolved as goldmark does", `[x](/a/\&amp;/)`, "/a/&/", `href="/a/&amp;/"`},
		{"in angle brackets", "[x](</kunnat/&#x6a;amsa/ 2.md>)", "/kunnat/jamsa/ 2.md", `href="/kunnat/jamsa/%202.md"`},
		{"by reference", "[x][v]\n\n[v]: /kunnat/&#x6a;amsa/", "/kunnat/jamsa/", `href="/kunnat/jamsa/"`},
		{"image", "![k](/kuvat/&#x6b;.png)", "/kuvat/k.png", `src="/kuvat/k.png"`},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.Convert([]byte(tt.src), "x.md", 1)
			if len(res.Links) != 1 || res.Links[0].Dest != tt.dest {
				t.Fatalf("Links = %+v, want one to %q", res.Links, tt.dest)
			}
			for _, links := range []LinkResolver{nil, passLinks{}} {
				html, _, diags := res.Link(links)
				if !strings.Contains(html, tt.href) || len(diags) > 0 {
					t.Errorf("%T: want %s in\n%s%v", links, tt.href, html, diags)
				}
			}
		})
	}
}

// goldmark writes no address for a script, a file or data that is not a
// common image (html.IsDangerousURL): the editor hears of it.
func TestLinkDroppedIsReported(t *testing.T) {
	tests := []struct {
		name, src string
		links     LinkResolver
		want      string // the diagnostics; "" for none
	}{
		{"script", "Katso [tämä](javascript:alert(1)).", passLinks{},
			`x.md:3:7: error: link to "javascript:alert(1)": links that run scripts are not published; link to a page or an https:// address`},
		{"script in capitals", "[x](JavaScript:void(0))", nil,
			`x.md:3:1: error: link to "JavaScript:void(0)": links that run scripts are not published; link to a page or an https:// address`},
		{"script behind a reference", "[x](javascript&#58;alert(1))", passLinks{},
			`x.md:3:1: error: link to "javascript:alert(1)": links that run scripts are not published; link to a page or an https:// address`},
		{"vbscript", "rivi\n\n[x](vbscript:msgbox)", passLinks{},
			`x.md:5:1: error: link to "vbscript:msgbox": links that run scripts are not published; link to a page or an https:// address`},
		{"a resolver's answer", "[x](js.md)", oddLinks{},
			`x.md:3:1: error: link to "javascript:alert(1)": links that run scripts are not published; link to a page or an https:// address`},
		{"file", "[ohje](file:///S:/yhteiset/ohje.pdf)", passLinks{},
			`x.md:3:1: error: link to "file:///S:/yhteiset/ohje.pdf": readers cannot open a file on your computer, so the link is not published; put the file under assets/ and link to it`},
		{"data", "[x](data:text/html,moi)", passLinks{},
			`x.md:3:1: warning: link to "data:text/html,moi": a data: address is published only for a PNG, GIF, JPEG or WebP image, so the page has this one without its address; put the file under assets/ and link to it`},
		{"data image, long", "![kuva](data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=)", passLinks{},
			`x.md:3:1: warning: link to "data:image/svg+xml;base64,PHN2ZyB4bWxucz…": a data: address is published only for a PNG, GIF, JPEG or WebP image, so the page has this one without its address; put the file under assets/ and link to it`},
		{"png image", "![kuva](data:image/png;base64,iVBORw0KGgo=)", passLinks{}, ""},
		{"web address", "[x](https://javascript.info/)", passLinks{}, ""},
		{"refused by the resolver: said once", "[x](javascript:alert(1))", fakeLinks{}, "x.md:3:1: error: no page at javascript:alert(1)"},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html, _, diags := c.Convert([]byte(tt.src), "x.md", 3).Link(tt.links)
			if got := diags.Error(); got != tt.want {
				t.Errorf("diagnostics\n%s\nwant\n%s", got, tt.want)
			}
			if tt.want != "" && !strings.Contains(html, `href=""`) && !strings.Contains(html, `src=""`) {
				t.Errorf("the address is written:\n%s", html)
			}
		})
	}
}
