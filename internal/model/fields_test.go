package model

import (
	"testing"

	"seutu/internal/config"
)

// TestFieldsAreComplete holds every schema field to what the web editor
// needs: a label and a hint, a reference's target, a choice's values, a
// vocabulary that site.toml has.
func TestFieldsAreComplete(t *testing.T) {
	var check func(k Kind, prefix string, fs []Field)
	check = func(k Kind, prefix string, fs []Field) {
		seen := map[string]bool{}
		for _, f := range fs {
			t.Run(string(k)+"/"+prefix+f.Name, func(t *testing.T) {
				if seen[f.Name] {
					t.Errorf("given twice")
				}
				seen[f.Name] = true
				if f.Label == "" || f.Hint == "" {
					t.Errorf("no label or no hint")
				}
				switch f.Type {
				case TypeRef, TypeRefs, TypeRefOrText, TypeRefsOrText:
					if Info(f.Target).Kind != f.Target {
						t.Errorf("target %q is not a kind", f.Target)
					}
				case TypeChoice:
					if len(f.Values) == 0 {
						t.Errorf("a choice of nothing")
					}
				case TypeVocabulary, TypeVocabularies:
					if _, ok := config.Default().Vocabulary(f.Vocabulary); !ok {
						t.Errorf("vocabulary %q is not in site.toml", f.Vocabulary)
					}
				case TypeObject, TypeObjects:
					if len(f.Fields) == 0 {
						t.Errorf("a group of no fields")
					}
				}
			})
			check(k, prefix+f.Name+".", f.Fields)
		}
	}
	for _, in := range Kinds {
		fs := FieldsOf(in.Kind)
		if len(fs) == 0 || fs[0].Name != "title" || !fs[0].Required {
			t.Errorf("%s: the first field is not the required title", in.Kind)
		}
		check(in.Kind, "", fs)
	}
}
