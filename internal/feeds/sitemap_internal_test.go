package feeds

import "testing"

func TestURLElementIsElement(t *testing.T) {
	for _, e := range []sitemapURL{
		{Loc: "https://example.fi/verkostot/x/"},
		{Loc: "https://example.fi/a?b=1&c=<2>\"'\t\n\r", Lastmod: "2026-11-23"},
		{Loc: "https://example.fi/ä/\x00\xff\u2028/", Lastmod: "2026-01-01"},
	} {
		want := string(element(e))
		if got := string(urlElement([]byte("kept"), e)); got != "kept"+want {
			t.Errorf("urlElement(%q):\n got %q\nwant %q", e.Loc, got, "kept"+want)
		}
	}
}

func FuzzURLElement(f *testing.F) {
	f.Add("https://example.fi/x/", "2026-11-23")
	f.Fuzz(func(t *testing.T, loc, lastmod string) {
		e := sitemapURL{Loc: loc, Lastmod: lastmod}
		if got, want := string(urlElement(nil, e)), string(element(e)); got != want {
			t.Errorf("urlElement(%q, %q) = %q, want %q", loc, lastmod, got, want)
		}
	})
}
