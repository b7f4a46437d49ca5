package load

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"seutu/internal/diag"
	"seutu/internal/model"
)

// The schema in model (model.FieldsOf) is what the web editor's
// configuration is generated from; these tests hold it to what load
// accepts, both ways: every field load decodes is in the schema and every
// schema field is decoded (names), a value of the schema's type passes and
// a value of another type is refused (types), and a page without a
// required field is refused (required).

// validValue is a value of each type, as YAML.
var validValue = map[model.FieldType]string{
	model.TypeText:         "Jokin teksti",
	model.TypeTexts:        "[yksi, kaksi]",
	model.TypeBool:         "true",
	model.TypeInt:          "12",
	model.TypeNumber:       "2.5",
	model.TypeYear:         "2015",
	model.TypeDate:         "2026-01-02",
	model.TypePartialDate:  "2021-12",
	model.TypePartialDates: "[2013, 2024-05]",
	model.TypeRoughDate:    "2018-01/2018-02",
	model.TypeMoment:       "2026-05-04T13:00",
	model.TypeRoughMoment:  "2026-05-04T13:00",
	model.TypeURL:          "https://example.fi/",
	model.TypePhone:        "040 595 0002",
	model.TypeEmail:        "etunimi.sukunimi@example.fi",
	model.TypeSlug:         "oma-osoite",
	model.TypeAliases:      "[/vanha-osoite/]",
	model.TypeVocabulary:   "Jokin luokka", // resolve checks the value, load the type
	model.TypeVocabularies: "[Jokin teema]",
	model.TypeRef:          "kirsi-mukkala",
	model.TypeRefs:         "[kirsi-mukkala, matti-makinen]",
	model.TypeRelated:      "[verkostot/kunnanjohtajat]",
	model.TypeRefOrText:    "kirsi-mukkala",
	model.TypeRefsOrText:   "[stea, Järjestö 2.0 -ohjelma]",
}

// invalidValue is a value each type refuses.
var invalidValue = map[model.FieldType]string{
	model.TypeText:         "{a: b}",
	model.TypeTexts:        "[{a: b}]",
	model.TypeBool:         "joo",
	model.TypeInt:          "kaksitoista",
	model.TypeNumber:       "paljon",
	model.TypeYear:         "15",
	model.TypeDate:         "1.1.2026",
	model.TypePartialDate:  "joulukuu",
	model.TypePartialDates: "[joulukuu]",
	model.TypeRoughDate:    "alkuvuosi",
	model.TypeMoment:       "2026-05-04 klo 13",
	model.TypeRoughMoment:  "2026-05-04 klo 13",
	model.TypeURL:          "www.example.fi",
	model.TypePhone:        "0405",
	model.TypeEmail:        "kirsi[at]keski",
	model.TypeSlug:         "Iso Kirjain",
	model.TypeAliases:      "[vanha-osoite]",
	model.TypeChoice:       "jotain-muuta",
	model.TypeVocabulary:   "{a: b}",
	model.TypeVocabularies: "[{a: b}]",
	model.TypeRef:          "Kirsi Mukkala",
	model.TypeRefs:         "[Kirsi Mukkala]",
	model.TypeRelated:      "[kunnanjohtajat]",
	model.TypeRefOrText:    "{a: b}",
	model.TypeRefsOrText:   "[{a: b}]",
	model.TypeObject:       "tapahtuma",
	model.TypeObjects:      "[asiakirja]",
}

// sample is a valid YAML value of f, in flow style.
func sample(f model.Field) string {
	switch f.Type {
	case model.TypeChoice:
		return f.Values[0]
	case model.TypeObject, model.TypeObjects:
		var parts []string
		for _, s := range f.Fields {
			if s.Required {
				parts = append(parts, s.Name+": "+quoteFlow(sample(s)))
			}
		}
		obj := "{" + strings.Join(parts, ", ") + "}"
		if f.Type == model.TypeObjects {
			return "[" + obj + "]"
		}
		return obj
	}
	v, ok := validValue[f.Type]
	if !ok {
		panic("no sample value of type " + string(f.Type))
	}
	return v
}

// quoteFlow quotes a scalar that YAML's flow style would split (a URL's
// colon is fine, but keep it plain to read).
func quoteFlow(s string) string {
	if strings.ContainsAny(s, ":,[]{}") && !strings.HasPrefix(s, "[") && !strings.HasPrefix(s, "{") {
		return `"` + s + `"`
	}
	return s
}

// folderOf is where a page of kind k goes in a test site.
func folderOf(k model.Kind) string {
	if f := model.SectionOf(k); f != "" {
		return "content/" + f + "/"
	}
	return "content/"
}

// loadOne loads a site of one page of kind k with the given front matter
// lines (after title, and a news item's date) and returns the errors.
func loadOne(t *testing.T, k model.Kind, lines ...string) []string {
	t.Helper()
	front := []string{"title: Testi"}
	if k == model.KindNews {
		front = append(front, "date: 2026-01-02")
	}
	front = append(front, lines...)
	return loadFront(t, k, front)
}

func loadFront(t *testing.T, k model.Kind, front []string) []string {
	t.Helper()
	r := Load(site(map[string]string{
		"content/site.toml":      `title = "Testi"`,
		folderOf(k) + "testi.md": "---\n" + strings.Join(front, "\n") + "\n---\nRunko.\n",
	}))
	var errs []string
	for _, d := range r.Diags {
		if d.Severity == diag.Error {
			errs = append(errs, d.String())
		}
	}
	return errs
}

func TestSchemaNamesMatchLoad(t *testing.T) {
	names := func(fs []model.Field) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Name)
		}
		slices.Sort(out)
		return out
	}
	for _, in := range model.Kinds {
		t.Run(string(in.Kind), func(t *testing.T) {
			want := slices.Collect(maps.Keys(commonFields))
			want = slices.AppendSeq(want, maps.Keys(kindTables[in.Kind]))
			slices.Sort(want)
			if got := names(model.FieldsOf(in.Kind)); !slices.Equal(got, want) {
				t.Errorf("schema fields\n%v\nload decodes\n%v", got, want)
			}
		})
	}
	groups := map[string][]string{
		"event":     slices.Sorted(maps.Keys(eventFields)),
		"documents": slices.Sorted(maps.Keys(documentFields)),
	}
	for name, want := range groups {
		t.Run(name, func(t *testing.T) {
			var got []string
			for _, in := range model.Kinds {
				for _, f := range model.FieldsOf(in.Kind) {
					if f.Name == name {
						got = names(f.Fields)
					}
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("schema fields of %s\n%v\nload decodes\n%v", name, got, want)
			}
		})
	}
}

func TestSchemaTypesMatchLoad(t *testing.T) {
	for _, in := range model.Kinds {
		for _, f := range model.FieldsOf(in.Kind) {
			cases := []struct {
				name, line string
				ok         bool
			}{
				{"valid", f.Name + ": " + sample(f), true},
				{"invalid", f.Name + ": " + invalidValue[f.Type], false},
			}
			for _, s := range f.Fields {
				// A group's field: the group's required fields, and this one.
				item := func(v string) string {
					parts := []string{s.Name + ": " + quoteFlow(v)}
					for _, r := range f.Fields {
						if r.Required && r.Name != s.Name {
							parts = append(parts, r.Name+": "+quoteFlow(sample(r)))
						}
					}
					obj := "{" + strings.Join(parts, ", ") + "}"
					if f.Type == model.TypeObjects {
						obj = "[" + obj + "]"
					}
					return f.Name + ": " + obj
				}
				cases = append(cases,
					struct {
						name, line string
						ok         bool
					}{s.Name + "/valid", item(sample(s)), true},
					struct {
						name, line string
						ok         bool
					}{s.Name + "/invalid", item(invalidValue[s.Type]), false})
			}
			for _, c := range cases {
				t.Run(fmt.Sprintf("%s/%s/%s", in.Kind, f.Name, c.name), func(t *testing.T) {
					if f.Name == "title" || f.Name == "date" && in.Kind == model.KindNews {
						return // given by loadOne; required below
					}
					errs := loadOne(t, in.Kind, c.line)
					if c.ok && len(errs) > 0 {
						t.Errorf("%s (type %s) refused:\n%s", c.line, f.Type, strings.Join(errs, "\n"))
					}
					if !c.ok && len(errs) == 0 {
						t.Errorf("%s (type %s) accepted", c.line, f.Type)
					}
				})
			}
		}
	}
}

func TestSchemaRequiredMatchesLoad(t *testing.T) {
	for _, in := range model.Kinds {
		for _, f := range model.FieldsOf(in.Kind) {
			t.Run(string(in.Kind)+"/"+f.Name, func(t *testing.T) {
				var front []string
				for _, r := range model.FieldsOf(in.Kind) {
					if r.Required && r.Name != f.Name {
						front = append(front, r.Name+": "+quoteFlow(sample(r)))
					}
				}
				errs := loadFront(t, in.Kind, front)
				if f.Required && len(errs) == 0 {
					t.Errorf("a page without %s is accepted, but the schema says it is required", f.Name)
				}
				if !f.Required && len(errs) > 0 {
					t.Errorf("a page without %s is refused, but the schema does not require it:\n%s", f.Name, strings.Join(errs, "\n"))
				}
			})
			for _, s := range f.Fields {
				t.Run(string(in.Kind)+"/"+f.Name+"."+s.Name, func(t *testing.T) {
					var parts []string
					for _, r := range f.Fields {
						if r.Required && r.Name != s.Name {
							parts = append(parts, r.Name+": "+quoteFlow(sample(r)))
						}
					}
					if len(parts) == 0 {
						parts = append(parts, "location: Sali") // a group of no fields is no group
					}
					obj := "{" + strings.Join(parts, ", ") + "}"
					if f.Type == model.TypeObjects {
						obj = "[" + obj + "]"
					}
					errs := loadOne(t, in.Kind, f.Name+": "+obj)
					if s.Required && len(errs) == 0 {
						t.Errorf("%s without %s is accepted, but the schema says it is required", f.Name, s.Name)
					}
					if !s.Required && len(errs) > 0 {
						t.Errorf("%s without %s is refused, but the schema does not require it:\n%s", f.Name, s.Name, strings.Join(errs, "\n"))
					}
				})
			}
		}
	}
}
