package load

import (
	"io/fs"
	"slices"
	"strings"

	"seutu/internal/diag"
	"seutu/internal/meta"
	"seutu/internal/model"
	"seutu/internal/sitefs"
)

// checkTranslations checks every translation against the site's languages
// and its original (read holds what each of files gave, indexes their
// _index.md sections): its language must be one the site publishes, not
// the default; its original must exist; and a field it may not translate
// (model.IsTranslatable) must not be there with another value than the
// original's, since a fact is typed once. The same value is only a warning:
// nothing differs yet, but the next edit of the original would. Run on
// every load, so that an edit of the original is checked against its
// translations too.
func (r *Result) checkTranslations(fsys fs.FS, read []file, indexes []*model.Section) diag.List {
	var diags diag.List
	published := map[string]bool{}
	for _, code := range r.Config.Languages[1:] {
		published[code] = true
	}
	// The originals, by the name of x.md: the web editor names one
	// x.fi.md, which is the same page.
	have := make(map[string]int, len(r.list))
	for i, f := range r.list {
		orig, code := sitefs.Original(f, r.Config.Language)
		if code != "" || read[i].page == nil && indexes[i] == nil {
			continue
		}
		if j, twice := have[orig]; twice {
			diags.Errorf(diag.Pos{File: f, Line: 1, Col: 1}, "%s and %s are both the original of one page (x.md and x.%s.md name the same): keep one of them", r.list[j], f, r.Config.Language)
			continue
		}
		have[orig] = i
	}
	limit := int64(r.Config.MaxFileKB) * 1024
	for i, f := range r.list {
		orig, code := sitefs.Original(f, r.Config.Language)
		if code == "" {
			continue
		}
		at := diag.Pos{File: f, Line: 1, Col: 1}
		switch {
		case !published[code]:
			diags.Errorf(at, "%q is not among the site's languages (%s): add it to languages in site.toml to publish this translation", code, strings.Join(r.Config.Languages, ", "))
			continue
		}
		oi, ok := have[orig]
		if !ok {
			if !sitefs.IsIndex(f) {
				diags.Errorf(at, "%s translates %s, which does not exist: a translation has the name of its original with the language before .md%s", f, orig, diag.DidYouMean(orig, r.originals()))
			}
			continue
		}
		if tr := read[i].page; tr != nil && read[oi].page != nil {
			diags.Merge(sharedFields(fsys, tr, r.list[oi], limit))
		}
	}
	return diags
}

// originals lists the files in the default language, for suggestions.
func (r *Result) originals() []string {
	var out []string
	for _, f := range r.list {
		if _, code := sitefs.Original(f, r.Config.Language); code == "" {
			out = append(out, f)
		}
	}
	return out
}

// sharedFields reports each field of translation tr that is not its to
// set. Only then are the two files' front matter read again, to compare
// the values as written.
func sharedFields(fsys fs.FS, tr *model.Page, orig string, limit int64) diag.List {
	var diags diag.List
	var shared []string
	for _, name := range tr.Pos.Names() {
		if !model.IsTranslatable(tr.Kind, name) && !slices.Contains(shared, name) {
			shared = append(shared, name)
		}
	}
	if len(shared) == 0 {
		return nil
	}
	ts, _ := readSource(fsys, tr.File, limit)
	osrc, _ := readSource(fsys, orig, limit)
	if ts == nil || ts.meta == nil || osrc == nil || osrc.meta == nil {
		return nil // the file's own errors say why
	}
	for _, name := range shared {
		tf, of := ts.meta.Get(name), osrc.meta.Get(name)
		if tf == nil {
			continue
		}
		if of != nil && sameValue(tf.Value, of.Value) {
			diags.Warnf(tf.KeyPos, "%s is shared with %s and has the same value there: remove it here, so that the fact is kept in one place", name, orig)
			continue
		}
		diags.Errorf(tf.KeyPos, "%s is shared by every language and is set in %s: a translation gives only its texts (%s); remove %s here, or change it in %s", name, orig, strings.Join(translatable(tr.Kind), ", "), name, orig)
	}
	return diags
}

// translatable lists the fields a translation of kind k may set.
func translatable(k model.Kind) []string {
	var out []string
	for _, f := range model.TextFields {
		if f.Kind == "" || f.Kind == k {
			out = append(out, f.Field)
		}
	}
	return append(out, model.PerLanguage...)
}

// sameValue reports whether two values are written alike, ignoring where.
func sameValue(a, b *meta.Value) bool {
	if a.Kind != b.Kind || a.Text != b.Text || len(a.Items) != len(b.Items) || len(a.Fields) != len(b.Fields) {
		return false
	}
	for i := range a.Items {
		if !sameValue(a.Items[i], b.Items[i]) {
			return false
		}
	}
	for i := range a.Fields {
		if a.Fields[i].Key != b.Fields[i].Key || !sameValue(a.Fields[i].Value, b.Fields[i].Value) {
			return false
		}
	}
	return true
}
