package build

import (
	"context"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"seutu/internal/model"
)

// frontField is one top-level field of a page's front matter as written:
// its key line and the indented lines under it.
type frontField struct {
	name string
	text string // every line of it, each ending in a line feed
}

var fieldKey = regexp.MustCompile(`^([a-z_]+):`)

// splitFront cuts a page written with YAML front matter into its fields
// and the rest of the file (the closing --- and the body).
func splitFront(src string) (fields []frontField, rest string, ok bool) {
	body, found := strings.CutPrefix(src, "---\n")
	if !found {
		return nil, "", false
	}
	end := strings.Index(body, "\n---\n")
	if end < 0 {
		return nil, "", false
	}
	for _, line := range strings.SplitAfter(body[:end+1], "\n") {
		if line == "" {
			continue
		}
		if m := fieldKey.FindStringSubmatch(line); m != nil {
			fields = append(fields, frontField{m[1], line})
		} else if len(fields) > 0 {
			fields[len(fields)-1].text += line
		}
	}
	return fields, body[end+1:], true
}

func joinFront(fields []frontField, rest string) string {
	var b strings.Builder
	b.WriteString("---\n")
	for _, f := range fields {
		b.WriteString(f.text)
	}
	b.WriteString(rest)
	return b.String()
}

// TestEveryFieldEditEqualsFull is the dev server's contract, field by field:
// on the repository's own content, for a page of every kind (the one other
// pages name most) and every field it has, an edit of that field alone,
// then its undoing, each followed by a rebuild, serve exactly what a full
// build of the same content makes. An edit takes the value another page of
// the kind gives the field, so that it stays valid; a field no other page
// has is altered (see alter).
func TestEveryFieldEditEqualsFull(t *testing.T) {
	files := map[string]string{} // content path → text
	err := filepath.WalkDir("../../content", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || d.Name() == "_index.md" {
			return err
		}
		b, err := os.ReadFile(p)
		files[strings.TrimPrefix(filepath.ToSlash(p), "../../")] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	kindOf := func(file string) model.Kind {
		dir := strings.Split(file, "/")[1]
		if k, ok := model.Sections[dir]; ok {
			return k
		}
		return model.KindPage
	}
	for _, in := range model.Kinds {
		// The page of the kind whose name the most other files mention.
		var sample string
		best := -1
		for f := range files {
			if kindOf(f) != in.Kind {
				continue
			}
			key := strings.TrimSuffix(path.Base(f), ".md")
			n := 0
			for g, text := range files {
				if g != f && strings.Contains(text, key) {
					n++
				}
			}
			if n > best || n == best && f < sample {
				sample, best = f, n
			}
		}
		if sample == "" {
			t.Fatalf("the content has no %s", in.English)
		}
		t.Run(string(in.Kind), func(t *testing.T) {
			t.Parallel()
			editFieldsOf(t, files, sample, kindOf)
		})
	}
}

func editFieldsOf(t *testing.T, files map[string]string, sample string, kindOf func(string) model.Kind) {
	s, src, opts, _ := sessionOn(t, os.DirFS("../../content"), "content")
	original := files[sample]
	fields, rest, ok := splitFront(original)
	if !ok {
		t.Fatalf("%s has no YAML front matter", sample)
	}
	type edit struct{ name, text string }
	var edits []edit
	for i, f := range fields {
		value := ""
		for other, text := range files { // another page's value of the field
			if other == sample || kindOf(other) != kindOf(sample) {
				continue
			}
			theirs, _, _ := splitFront(text)
			for _, g := range theirs {
				if g.name == f.name && g.text != f.text && (value == "" || g.text < value) {
					value = g.text
				}
			}
		}
		if value == "" {
			value = alter(f)
		}
		if value == "" {
			t.Logf("%s: no other value for %s", sample, f.name)
			continue
		}
		changed := slices.Clone(fields)
		changed[i].text = value
		edits = append(edits, edit{f.name, joinFront(changed, rest)})
	}
	edits = append(edits, edit{"body", original + "\nLisätty kappale.\n"})

	file := filepath.Join(src, filepath.FromSlash(sample))
	for _, e := range edits {
		for _, step := range []struct{ what, text string }{{"edit", e.text}, {"undo", original}} {
			if err := os.WriteFile(file, []byte(step.text), 0o644); err != nil {
				t.Fatal(err)
			}
			got := s.Rebuild(context.Background(), []string{sample})
			full, stale := differsFromFull(src, opts, got.Files)
			name := sample + ": " + step.what + " " + e.name
			if full.Failed() {
				if !got.Failed() {
					t.Errorf("%s: a full build fails (%v) but the rebuild did not", name, full.Diags)
				}
				continue
			}
			if got.Failed() {
				t.Fatalf("%s: %v", name, got.Report.Diags)
			}
			if len(stale) > 0 {
				t.Errorf("%s: %d files differ from a full build: %s", name, len(stale), strings.Join(stale, ", "))
			}
		}
	}
}

// alter changes a field's value so that it stays valid: a word added to
// a one-line text, a date moved by a day, a number grown by one, a list
// without its last item; "" when none of these fits.
func alter(f frontField) string {
	lines := strings.SplitAfter(strings.TrimSuffix(f.text, "\n"), "\n")
	if len(lines) > 2 && strings.HasPrefix(strings.TrimSpace(lines[len(lines)-1]), "- ") &&
		!strings.HasPrefix(lines[len(lines)-1], "    ") { // a block list of two or more
		return strings.Join(lines[:len(lines)-1], "")
	}
	if len(lines) > 1 {
		return ""
	}
	value := strings.TrimSpace(strings.TrimPrefix(lines[0], f.name+":"))
	if m := regexp.MustCompile(`^(\d{4}-\d\d-)(\d\d)$`).FindStringSubmatch(value); m != nil {
		day := "14"
		if m[2] == day {
			day = "15"
		}
		return f.name + ": " + m[1] + day + "\n"
	}
	if n, err := strconv.Atoi(value); err == nil {
		return f.name + ": " + strconv.Itoa(n+1) + "\n"
	}
	if items, ok := strings.CutPrefix(value, "["); ok && strings.Count(items, ",") > 0 {
		return f.name + ": [" + items[strings.Index(items, ",")+1:] + "\n"
	}
	switch {
	case len(value) > 1 && value[0] == '"' && value[len(value)-1] == '"':
		return f.name + `: "` + value[1:len(value)-1] + ` muutettu"` + "\n"
	case regexp.MustCompile(`^[\p{L}][\p{L} ,.]*$`).MatchString(value) && !slices.Contains([]string{"true", "false"}, value):
		return f.name + ": " + value + " muutettu\n"
	}
	return ""
}
