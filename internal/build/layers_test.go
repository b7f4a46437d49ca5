package build

import (
	"go/build"
	"slices"
	"strings"
	"testing"
)

// TestStagesImportNoOtherStage holds the pipeline's layering: each stage
// is handed what the one before it made, as model values, and imports no
// other stage; only package build calls them all. Package body is not a
// stage but render's converter of bodies, which imports no stage either.
func TestStagesImportNoOtherStage(t *testing.T) {
	stages := []string{"load", "resolve", "render", "write", "build"}
	tests := []struct {
		pkg    string
		banned []string
	}{
		{"model", append([]string{"meta"}, stages...)},
		{"load", stages},
		{"resolve", stages},
		{"body", stages},
		{"render", stages},
		{"write", stages},
		{"feeds", stages},
		{"jsonld", stages},
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			p, err := build.ImportDir("../"+tt.pkg, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range p.Imports {
				name, ok := strings.CutPrefix(imp, "seutu/internal/")
				if ok && name != tt.pkg && slices.Contains(tt.banned, name) {
					t.Errorf("internal/%s imports %s", tt.pkg, imp)
				}
			}
		})
	}
}
