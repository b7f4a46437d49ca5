package scaffold

import (
	"strings"
	"testing"
	"time"

	"seutu/internal/config"
	"seutu/internal/model"
)

// A translation's skeleton holds the text fields of its kind and nothing
// shared, and is a draft that load accepts beside its original.
func TestTranslation(t *testing.T) {
	cfg := config.Default()
	cfg.Languages = []string{"fi", "sv", "en"}
	orig := &model.Page{Kind: model.KindNetwork, File: "content/verkostot/x.md", Title: "Johtajat", Summary: "Kuukausittain.",
		Network: &model.Network{Cadence: "kuukausittain", Category: "Kuntajohto", Participants: []string{"a", "b"}}}
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	path, text, err := Translation(orig, "sv", cfg, now)
	if err != nil {
		t.Fatal(err)
	}
	if path != "content/verkostot/x.sv.md" {
		t.Errorf("path %s", path)
	}
	s := string(text)
	for _, want := range []string{"# Alkuperäinen: Johtajat\ntitle: Kirjoita tähän ruotsiksi.\n", "cadence: ", "participants:\n  - Kirjoita tähän ruotsiksi.\n  - Kirjoita tähän ruotsiksi.\n", "draft: true\n", "updated: 2026-12-02\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q in\n%s", want, s)
		}
	}
	for _, shared := range []string{"category:", "chair_title:", "members:"} {
		if strings.Contains(s, shared) {
			t.Errorf("%s in\n%s", shared, s)
		}
	}
	for _, tt := range []struct{ code, want string }{
		{"fi", "default language"}, {"de", "not a language seutu knows"}, {"en", ""},
	} {
		t.Run(tt.code, func(t *testing.T) {
			if tt.code == "en" {
				cfg.Languages = []string{"fi", "sv"}
				tt.want = "add \"en\" to languages"
			}
			if _, _, err := Translation(orig, tt.code, cfg, now); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}
