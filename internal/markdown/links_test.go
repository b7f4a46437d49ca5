package markdown

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	gutil "github.com/yuin/goldmark/util"
)

// inPlace is the reference that holes are held to: it resolves each link
// while the tree is walked and writes the result into the tree, so that
// goldmark itself escapes and writes it.
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
	if out, problem := t.links.ResolveLink(string(dest), image); problem == "" {
		return []byte(out)
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
// that filling in place (LinkInPlace) meets both.
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

// linkBoth fills src's holes with Link and with LinkInPlace, each on a
// conversion of its own, and requires the same HTML of both.
func linkBoth(t *testing.T, c *Converter, src string, links LinkResolver) string {
	t.Helper()
	html, _, _ := c.Convert([]byte(src), "x.md", 1).Link(links)
	inPlace, _, _ := c.Convert([]byte(src), "x.md", 1).LinkInPlace(links)
	if inPlace != html {
		t.Fatalf("%q: filled in place:\n%s\ncopied:\n%s", src, inPlace, html)
	}
	return html
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
			html := linkBoth(t, got, src, links)
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

// The site's own paths are shorter than the holes: LinkInPlace writes
// them over the converted bytes rather than into a copy.
func TestLinkInPlaceCopiesNothing(t *testing.T) {
	res := New().Convert([]byte(strings.Repeat("[l](sivu.md) ", 20)), "x.md", 1)
	bytes := unsafe.StringData(res.HTML)
	html, _, _ := res.LinkInPlace(sizedLinks{})
	if unsafe.StringData(html) != bytes || !strings.Contains(html, `href="/a/sivu/"`) {
		t.Errorf("filled into a copy, or wrongly:\n%s", html)
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
		if html, ref := linkBoth(t, got, src, oddLinks{}), odd.Convert([]byte(src), "x.md", 1).HTML; html != ref {
			t.Fatalf("holes filled:\n%s\ngoldmark:\n%s", html, ref)
		}
		if html, ref := linkBoth(t, got, src, sizedLinks{}), sized.Convert([]byte(src), "x.md", 1).HTML; html != ref {
			t.Fatalf("holes filled:\n%s\ngoldmark:\n%s", html, ref)
		}
	})
}

// FuzzEscapeDest holds escapeDest's shortcut for plain destinations to
// goldmark's own escaping, for any destination.
func FuzzEscapeDest(f *testing.F) {
	for _, seed := range []string{"/verkostot/x/", "/a?b=c#d", "javascript-x", "a~b_c.d", "%20", "&amp;", "a b", "data:x", "\\#", "JAVASCRIPT:x"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, dest string) {
		u := gutil.URLEscape([]byte(dest), true)
		want := string(gutil.EscapeHTML(u))
		if html.IsDangerousURL(u) {
			want = ""
		}
		if got := escapeDest(dest); got != want {
			t.Fatalf("escapeDest(%q) = %q, goldmark writes %q", dest, got, want)
		}
	})
}
