package markdown

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"seutu/internal/corpus"
	"seutu/internal/fi"

	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

type fakeLinks map[string]string

func (f fakeLinks) ResolveLink(dest string, image bool) (string, string) {
	if out, ok := f[dest]; ok {
		return out, ""
	}
	if strings.HasPrefix(dest, "https://") {
		return dest, ""
	}
	return "", "no page at " + dest
}

func TestConvert(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // substrings of the HTML
	}{
		{"finnish quotes", `Hän sanoi "tervetuloa" ja 'kiitos'.`, []string{"Hän sanoi ”tervetuloa” ja ’kiitos’."}},
		{"dashes", "klo 10--12", []string{"klo 10–12"}},
		{"heading id", "## Yhteystiedot ja tehtävät\n\n## Yhteystiedot ja tehtävät", []string{`<h2 id="yhteystiedot-ja-tehtavat">`, `<h2 id="yhteystiedot-ja-tehtavat-2">`}},
		{"raw html is left out", "<script>alert(1)</script>\n\nteksti <b>lihava</b>", []string{"<!-- raw HTML omitted -->", "teksti <!-- raw HTML omitted -->lihava"}},
		{"table", "| a | b |\n|---|--:|\n| 1 | 2 |", []string{"<table>", `<td style="text-align:right">2</td>`}},
		{"strikethrough", "~~vanha~~", []string{"<del>vanha</del>"}},
		{"autolink", "Katso https://www.keskisuomi.fi nyt", []string{`<a href="https://www.keskisuomi.fi">https://www.keskisuomi.fi</a>`}},
		{"footnote", "Teksti[^1].\n\n[^1]: Lähde.", []string{`class="footnote-ref"`, "Lähde."}},
		{"link rewritten", "[verkosto](../verkostot/x.md)", []string{`<a href="/verkostot/x/">verkosto</a>`}},
	}
	c := New()
	links := fakeLinks{"../verkostot/x.md": "/verkostot/x/"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.Convert([]byte(tt.src), "content/x.md", 5)
			html, _, diags := res.Link(links)
			if len(res.Diags)+len(diags) > 0 {
				t.Fatalf("diagnostics: %v %v", res.Diags, diags)
			}
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("HTML lacks %q:\n%s", w, html)
				}
			}
		})
	}
}

func TestBrokenLinkPosition(t *testing.T) {
	src := "Ensimmäinen rivi.\n\nToisella rivillä on [rikki](/ei-ole/) ja ![kuva](puuttuu.png).\n"
	_, _, diags := New().Convert([]byte(src), "content/x.md", 5).Link(fakeLinks{})
	want := "content/x.md:7:21: error: no page at /ei-ole/\ncontent/x.md:7:42: error: no page at puuttuu.png"
	diags.Sort()
	if got := diags.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestHeadings(t *testing.T) {
	res := New().Convert([]byte("# Otsikko\n\n### Ala *otsikko*\n"), "x.md", 1)
	if len(res.Headings) != 2 || res.Headings[1].ID != "ala-otsikko" || res.Headings[1].Text != "Ala otsikko" || res.Headings[1].Level != 3 {
		t.Errorf("Headings = %+v", res.Headings)
	}
}

// The fast table cells must write what goldmark's table extension writes.
func TestTableCellsAsGoldmark(t *testing.T) {
	srcs := []string{
		"| a | b | c | d |\n|---|:--|:-:|--:|\n| 1 | *2* | `3` | [4](https://x.fi) |\n| | ä & <b> | 5 \\| 6 | |",
		"- lista\n\n  | x | y |\n  |--:|---|\n  | 1 | 2 |\n\n> | q |\n> |:-:|\n> | r |",
		"| vain otsikko |\n|:--|",
	}
	for _, f := range corpus.Generate(corpus.Options{Pages: 300, Seed: 3, Now: time.Date(2026, 5, 1, 12, 0, 0, 0, fi.Helsinki)}) {
		if bytes.Contains(f.Data, []byte("\n|")) {
			srcs = append(srcs, string(f.Data))
		}
	}
	if len(srcs) < 50 {
		t.Fatalf("only %d texts with tables", len(srcs))
	}
	fast, plain := New(), &Converter{md: newGoldmark(linkTransformer{}), mark: newMark()}
	for _, src := range srcs {
		got, _, _ := fast.Convert([]byte(src), "x.md", 1).Link(nil)
		want, _, _ := plain.Convert([]byte(src), "x.md", 1).Link(nil)
		if got != want {
			t.Fatalf("%.60q:\nfast cells:\n%s\ngoldmark:\n%s", src, got, want)
		}
		if strings.Contains(src, "|--:|") && !strings.Contains(got, `style="text-align:right"`) {
			t.Fatalf("%.60q: no aligned cell in\n%s", src, got)
		}
	}
}
