package model

import (
	"reflect"
	"slices"
	"testing"
)

// TestRefFieldsCoverEveryRef fails when a struct of the model gets a field
// that holds references without a line in RefFields: nothing would
// decode, resolve or back-link it.
func TestRefFieldsCoverEveryRef(t *testing.T) {
	p := &Page{Network: &Network{}, Project: &Project{}, Strategy: &Strategy{}, News: &News{Event: &Event{}},
		Person: &Person{}, Organization: &Organization{}, Municipality: &Municipality{}}
	covered := map[any]bool{}
	for _, in := range Kinds {
		p.Kind = in.Kind
		for i := range RefFields {
			if slot := RefFields[i].Slot(p); slot != nil {
				covered[reflect.ValueOf(slot).Pointer()] = true
			}
		}
	}
	refTypes := []reflect.Type{reflect.TypeFor[*Ref](), reflect.TypeFor[[]*Ref](), reflect.TypeFor[RefOrText](), reflect.TypeFor[[]RefOrText]()}
	var walk func(v reflect.Value, name string)
	walk = func(v reflect.Value, name string) {
		for i := 0; i < v.NumField(); i++ {
			f, sf := v.Field(i), v.Type().Field(i)
			switch {
			case slices.Contains(refTypes, sf.Type):
				t.Run(name+"."+sf.Name, func(t *testing.T) {
					if !covered[f.Addr().Pointer()] {
						t.Errorf("%s.%s holds references but has no line in RefFields", name, sf.Name)
					}
				})
			case sf.Type.Kind() == reflect.Pointer && sf.Type.Elem().Kind() == reflect.Struct && !f.IsNil() && sf.Name != "Target":
				walk(f.Elem(), sf.Type.Elem().Name())
			}
		}
	}
	walk(reflect.ValueOf(p).Elem(), "Page")
	if len(covered) != len(RefFields) {
		t.Errorf("%d fields covered by %d lines of RefFields: two lines name the same field", len(covered), len(RefFields))
	}
}

// TestRefFieldsTargetsAndKinds holds the table to the kinds: a field's
// page and target kinds exist, and no kind has a field twice.
func TestRefFieldsTargetsAndKinds(t *testing.T) {
	seen := map[[2]string]bool{}
	for _, f := range RefFields {
		t.Run(f.Field, func(t *testing.T) {
			if f.Kind != "" && Info(f.Kind).Kind != f.Kind {
				t.Errorf("kind %q is not in Kinds", f.Kind)
			}
			if f.Target != "" && Info(f.Target).Kind != f.Target {
				t.Errorf("target %q is not in Kinds", f.Target)
			}
			key := [2]string{string(f.Kind), f.Field}
			if seen[key] {
				t.Errorf("%s.%s is listed twice", f.Kind, f.Field)
			}
			seen[key] = true
		})
	}
	for k, in := range Sections {
		if Info(in).Folder != k {
			t.Errorf("Sections[%q] = %s, whose folder is %q", k, in, Info(in).Folder)
		}
	}
}

// TestCloneSharesNothingResolveChanges resolves a clone of a page of every
// kind, as resolve would, and checks that the page itself is untouched.
func TestCloneSharesNothingResolveChanges(t *testing.T) {
	ref := func(key string) *Ref { return &Ref{Key: key} }
	pages := []*Page{
		{Kind: KindNetwork, Network: &Network{Coordinator: ref("o"), Organizers: []*Ref{ref("o")}, Chair: ref("p"), Members: []*Ref{ref("m")}, Parent: ref("n")}},
		{Kind: KindProject, Project: &Project{Administrator: ref("o"), Funders: []RefOrText{{Ref: ref("o")}, {Text: "STEA"}}, Partners: []*Ref{ref("o")}, Municipalities: []*Ref{ref("m")}}},
		{Kind: KindStrategy, Strategy: &Strategy{Owner: ref("o"), Steering: RefOrText{Ref: ref("n")}}},
		{Kind: KindNews, News: &News{Author: RefOrText{Ref: ref("p")}, Event: &Event{Organizers: []*Ref{ref("o")}}}},
		{Kind: KindPerson, Person: &Person{Organization: ref("o")}},
		{Kind: KindOrganization, Organization: &Organization{}},
		{Kind: KindMunicipality, Municipality: &Municipality{}},
		{Kind: KindPage},
	}
	target := &Page{Kind: KindPage, URL: "/x/"}
	for _, p := range pages {
		p.Contacts, p.Related = []*Ref{ref("p")}, []*Ref{ref("verkostot/n")}
		t.Run(string(p.Kind), func(t *testing.T) {
			c := p.Clone()
			n := 0
			c.EachRef(func(r *Ref) { r.Target = target; n++ })
			c.URL, c.Back.Related = "/c/", []*Page{target}
			if c.Project != nil {
				c.Project.Status = "käynnissä"
			}
			p.EachRef(func(r *Ref) {
				n--
				if r.Target != nil {
					t.Errorf("resolving the clone resolved %s of the page", r.Key)
				}
			})
			if n != 0 {
				t.Errorf("the clone has %d more references than the page", n)
			}
			if p.URL != "" || p.Back.Related != nil || p.Project != nil && p.Project.Status != "" {
				t.Errorf("resolving the clone changed the page")
			}
		})
	}
}
