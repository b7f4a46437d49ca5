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
