package diag

import "testing"

func TestGitHub(t *testing.T) {
	l := List{
		{Pos{"content/verkostot/a,b.md", 6, 12}, Error, `unknown person "kirsi-mukala"; did you mean "kirsi-mukkala"?`},
		{Pos{"content/henkilot/x.md", 1, 1}, Warning, "100% sure:\nline two\r"},
		{Pos{"content/site.toml", 3, 0}, Error, "no column"},
		{Pos{}, Error, "no place"},
	}
	for _, c := range []struct{ dir, want string }{
		{"", `::error file=content/verkostot/a%2Cb.md,line=6,col=12,title=seutu check::unknown person "kirsi-mukala"; did you mean "kirsi-mukkala"?
::warning file=content/henkilot/x.md,line=1,col=1,title=seutu check::100%25 sure:%0Aline two%0D
::error file=content/site.toml,line=3,title=seutu check::no column
::error title=seutu check::no place
`},
		{"site", "::error file=site/content/verkostot/a%2Cb.md,line=6,col=12,title=seutu check::unknown person \"kirsi-mukala\"; did you mean \"kirsi-mukkala\"?\n"},
	} {
		t.Run(c.dir, func(t *testing.T) {
			got := string(l.GitHub(c.dir))
			if c.dir != "" {
				got = string(l[:1].GitHub(c.dir))
			}
			if got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestEscapeProperty(t *testing.T) {
	if got, want := escapeProperty("a:b,c%d\ne\rf"), "a%3Ab%2Cc%25d%0Ae%0Df"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
