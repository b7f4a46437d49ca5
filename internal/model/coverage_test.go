package model

import (
	"testing"
	"time"

	"seutu/internal/config"
)

func TestCoverage(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	a := &Page{File: "content/verkostot/a.md", Updated: day(20)}
	b := &Page{File: "content/verkostot/b.md", Updated: day(10)}
	c := &Page{File: "content/verkostot/c.md"}
	draft := &Page{File: "content/verkostot/d.md", Draft: true}
	in := &Content{
		Config: &config.Config{Languages: []string{"fi", "sv", "en"}},
		Pages:  []*Page{c, b, a, draft},
		Translations: []*Page{
			{File: "content/verkostot/a.en.md", Lang: "en", Updated: day(15)}, // older than a
			{File: "content/verkostot/b.en.md", Lang: "en", Updated: day(12)},
			{File: "content/verkostot/a.sv.md", Lang: "sv", Updated: day(21)},
		},
	}
	got := in.Coverage()
	if len(got) != 2 || got[0].Lang != "sv" || got[1].Lang != "en" {
		t.Fatalf("got %+v", got)
	}
	tests := []struct {
		name                string
		cov                 Coverage
		translated, missing int
		stale               []string
	}{
		{"sv", got[0], 1, 2, nil},
		{"en", got[1], 2, 1, []string{"content/verkostot/a.en.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.cov.Pages() != 3 || len(tt.cov.Translated) != tt.translated || len(tt.cov.Missing) != tt.missing {
				t.Errorf("pages %d, translated %d, missing %d", tt.cov.Pages(), len(tt.cov.Translated), len(tt.cov.Missing))
			}
			var stale []string
			for _, s := range tt.cov.Stale {
				stale = append(stale, s.Translation.File)
			}
			if len(stale) != len(tt.stale) || len(stale) > 0 && stale[0] != tt.stale[0] {
				t.Errorf("stale %v, want %v", stale, tt.stale)
			}
		})
	}
	if (&Content{Config: &config.Config{Languages: []string{"fi"}}}).Coverage() != nil {
		t.Error("a site in one language has coverage")
	}
}
