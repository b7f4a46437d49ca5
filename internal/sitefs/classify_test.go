package sitefs

import "testing"

func TestClassify(t *testing.T) {
	tests := []struct {
		path string
		want Role
	}{
		{"content/verkostot/x.md", Content},
		{"content/site.toml", Config},
		{"content/_index.md", Index},
		{"content/verkostot/_index.md", Index},
		{"layouts/network.html", Layout},
		{"layouts/base.html", Shared},
		{"layouts/partials/cards.html", Shared},
		{"assets/css/site.css", Asset},
		{"./content/x.md", Content},
		{"public/index.html", Ignore},
		{"content/verkostot/.x.md.swp", Ignore},
		{"content/verkostot/x.md~", Ignore},
		{"content/verkostot/4913", Ignore},
		{"content/.git/config", Ignore},
		{".git/index", Ignore},
		{"README.md", Ignore},
		{"../content/x.md", Ignore},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := Classify(tt.path); got != tt.want {
				t.Errorf("Classify(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}

func TestSplitLang(t *testing.T) {
	tests := []struct{ in, orig, code string }{
		{"content/verkostot/x.sv.md", "content/verkostot/x.md", "sv"},
		{"content/_index.en.md", "content/_index.md", "en"},
		{"x.fi.md", "x.md", "fi"},
		{"content/verkostot/x.md", "content/verkostot/x.md", ""},
		{"content/verkostot/x.de.md", "content/verkostot/x.de.md", ""},
		{"content/v.sv/x.md", "content/v.sv/x.md", ""},
		{"content/x.sv", "content/x.sv", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			orig, code := SplitLang(tt.in)
			if orig != tt.orig || code != tt.code {
				t.Errorf("got %q, %q; want %q, %q", orig, code, tt.orig, tt.code)
			}
		})
	}
	for _, p := range []string{"content/_index.md", "content/verkostot/_index.sv.md"} {
		if !IsIndex(p) || Classify(p) != Index {
			t.Errorf("%s: not an index", p)
		}
	}
	if IsIndex("content/_index.de.md") {
		t.Error("_index.de.md is an index")
	}
}
