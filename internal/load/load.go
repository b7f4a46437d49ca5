// Package load reads a site folder: content/site.toml, and every Markdown
// file under content/ with its front matter, into the typed structs of
// package model. It checks what can be checked within one file (syntax,
// field names, types, required fields, fixed value lists) and keeps the
// line and column of every field so that later stages can point at it.
//
// Files are parsed on every core; the result does not depend on the order
// in which they finish.
package load

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"seutu/internal/config"
	"seutu/internal/diag"
	"seutu/internal/fi"
	"seutu/internal/lang"
	"seutu/internal/model"
	"seutu/internal/par"
	"seutu/internal/sitefs"
)

// Result is everything read from a site folder.
type Result struct {
	model.Content // what resolve takes
	Diags         diag.List

	configDiags diag.List
	files       map[string]file // what each content file gave, for Reload
	list        []string        // the content files, sorted
	listDiags   diag.List       // what listing them found
	bodies      []string        // see BodiesOnly
}

// file is what reading one content file gave. A Reload hands out copies
// of its page.
type file struct {
	page       *model.Page
	index      *model.Section
	body       []byte    // the Markdown after the front matter
	bodyLine   int       // the file's line number of body's first line
	diags      diag.List // all that reading the file found
	front      []byte    // the file's bytes before the body
	frontDiags diag.List // what reading and decoding the front matter found: diags less the body's
	readDiags  diag.List // what reading the bytes found, before decoding
	bodyOnly   bool      // the page of the previous read, with only a new body
}

// BodiesOnly returns the files of a Reload when nothing but the bodies of
// those pages changed: no front matter, no file added or removed, no
// site.toml, nothing outside content/: the site resolves as before, only
// the Bodies of those files differ, and Pages are the previous Reload's,
// as the caller resolved them (CopyPages makes them fresh). Otherwise it
// returns nil.
func (r *Result) BodiesOnly() []string { return r.bodies }

// Load reads the site in fsys, whose root is the site folder.
func Load(fsys fs.FS) *Result { return LoadContext(context.Background(), fsys) }

// LoadContext is Load that stops reading when ctx ends, returning an
// incomplete result for the caller to drop.
func LoadContext(ctx context.Context, fsys fs.FS) *Result { return reload(ctx, fsys, nil, nil, false) }

// Reload reads the site again after the files in changed (slash paths from
// the site folder) changed, taking every other file as prev read it. With
// no prev, or a changed site.toml, it reads everything; prev must be a
// Reload's (Load keeps nothing of the files for a next read). The pages it
// returns are copies of what it keeps for the next Reload: resolving them
// changes nothing a later Reload hands out, so no page outlives a build.
//
// When ctx ends, Reload stops reading and returns what it has: an
// incomplete result, for the caller to drop.
func Reload(ctx context.Context, fsys fs.FS, prev *Result, changed map[string]bool) *Result {
	return reload(ctx, fsys, prev, changed, true)
}

func reload(ctx context.Context, fsys fs.FS, prev *Result, changed map[string]bool, copies bool) *Result {
	if changed[config.File] {
		prev = nil
	}
	r := &Result{files: map[string]file{}}
	r.Bodies = map[string]model.Source{}
	if prev != nil {
		r.Config, r.configDiags = prev.Config, prev.configDiags
	} else {
		r.Config, r.configDiags = readConfig(fsys)
	}
	r.Diags.Merge(r.configDiags)

	if prev != nil && editsOnly(fsys, prev, changed) {
		r.list, r.listDiags = prev.list, prev.listDiags
	} else {
		r.list, r.listDiags = listContent(fsys)
	}
	files := r.list
	r.Diags.Merge(r.listDiags)

	limit := int64(r.Config.MaxFileKB) * 1024
	read := make([]file, len(files))
	_ = par.DoContext(ctx, len(files), func(i int) { // the caller checks ctx
		f := files[i]
		old, ok := prev.cached(f)
		if ok && !changed[f] {
			read[i] = old
			return
		}
		if sitefs.IsIndex(f) {
			read[i] = readIndex(fsys, f, limit, r.Config.Language)
		} else {
			read[i] = readPage(fsys, f, limit, old, r.Config.Language)
		}
	})
	// With the same files as prev, only the changed ones differ from
	// prev's: its maps are copied whole, where putting 10 000 files into
	// each again took 4.5 ms of a one-file rebuild.
	same := copies && prev != nil && slices.Equal(files, prev.list) && prev.files != nil && prev.Bodies != nil
	if same {
		r.files, r.Bodies = maps.Clone(prev.files), maps.Clone(prev.Bodies)
	}
	indexes := make([]*model.Section, len(files))
	for i, f := range files {
		fresh := !same || changed[f]
		if copies && fresh { // kept for the next Reload; a one-shot load lets the texts go with Bodies
			r.files[f] = read[i]
		}
		r.Diags.Merge(read[i].diags)
		indexes[i] = read[i].index
		switch {
		case !fresh:
		case read[i].page != nil || read[i].index != nil:
			r.Bodies[f] = model.Source{Text: read[i].body, Line: read[i].bodyLine}
		default:
			delete(r.Bodies, f)
		}
		if p := read[i].page; p != nil && p.Lang != "" {
			r.Translations = append(r.Translations, p)
		} else if p != nil {
			r.Pages = append(r.Pages, p)
		} else if read[i].index == nil {
			if r.Unread == nil {
				r.Unread = map[string]bool{}
			}
			r.Unread[f] = true
		}
	}
	if prev != nil && slices.Equal(files, prev.list) {
		r.bodies = r.bodyEdits(changed)
	}
	if copies {
		if r.bodies != nil && len(prev.Pages) == len(r.Pages) {
			// Only bodies changed, and the site resolves as before: the
			// caller reuses it, pages and all (see BodiesOnly). Copying
			// 10 000 pages took 13 ms of such a rebuild.
			r.Pages = prev.Pages
		} else {
			r.CopyPages()
		}
	}
	r.Sections, r.Home = sections(files, indexes, r.Pages)
	for _, idx := range indexes {
		if idx != nil && idx.Lang != "" {
			r.SectionTranslations = append(r.SectionTranslations, idx)
		}
	}
	r.Diags.Merge(r.checkTranslations(fsys, read, indexes))
	return r
}

// CopyPages makes Pages fresh copies of the pages as decoded, for resolve
// to change. Reload does, unless only bodies changed (see BodiesOnly); a
// caller that cannot reuse the site it resolved from the previous read
// calls it then.
func (r *Result) CopyPages() {
	for i, p := range r.Pages {
		if q := r.files[p.File].page; q != nil { // a Load keeps no files: its pages are its own
			r.Pages[i] = q.Clone()
		}
	}
}

// bodyEdits returns the changed files, sorted, when each is a page read
// again with only a new body; nil when any is not (layouts/, assets/,
// site.toml, a file gone).
func (r *Result) bodyEdits(changed map[string]bool) []string {
	var out []string
	for f := range changed {
		if !r.files[f].bodyOnly {
			return nil
		}
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// editsOnly reports whether every change under content/ is an edit of a
// file prev read, which is still a regular file: then the list of files
// is prev's, and the folder need not be walked again.
func editsOnly(fsys fs.FS, prev *Result, changed map[string]bool) bool {
	if len(changed) == 0 {
		return false
	}
	for f := range changed {
		if isOutsideContent(f) {
			continue
		}
		if _, ok := prev.files[f]; !ok {
			return false
		}
		st, err := fs.Lstat(fsys, f)
		if err != nil || !st.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// isOutsideContent reports whether a changed path is not under content/
// (layouts and assets): not load's business.
func isOutsideContent(f string) bool { return !strings.HasPrefix(f, "content/") }

// cached returns what a previous load read of file.
func (r *Result) cached(f string) (file, bool) {
	if r == nil {
		return file{}, false
	}
	old, ok := r.files[f]
	return old, ok
}

// Config reads the site's content/site.toml alone, as Load does: the
// defaults when there is none.
func Config(fsys fs.FS) (*config.Config, diag.List) { return readConfig(fsys) }

func readConfig(fsys fs.FS) (*config.Config, diag.List) {
	src, err := fs.ReadFile(fsys, config.File)
	if err != nil {
		if !isNotExist(err) {
			var l diag.List
			if nr := (*sitefs.NotRegularError)(nil); errors.As(err, &nr) {
				l.Errorf(diag.Pos{File: config.File}, "%v", nr)
			} else {
				l.Errorf(diag.Pos{File: config.File}, "cannot read: %v", err)
			}
			return config.Default(), l
		}
		src = nil
	}
	return config.Parse(src)
}

// listContent returns the Markdown files under content/, sorted, and
// reports what cannot be published: files of other kinds, names that make
// no clean URL, symbolic links that lead out of the site folder.
func listContent(fsys fs.FS) ([]string, diag.List) {
	var files []string
	var diags diag.List
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != "content" {
				diags.Errorf(diag.Pos{File: p, Line: 1, Col: 1}, "cannot read: %v", err)
			}
			return nil
		}
		name := d.Name()
		if p == "content" {
			return nil
		}
		if strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		at := diag.Pos{File: p, Line: 1, Col: 1}
		if d.Type()&fs.ModeSymlink != 0 {
			if !followLink(fsys, p, &diags) {
				return nil
			}
		}
		if d.IsDir() {
			if !fi.IsSlug(name) {
				diags.Errorf(at, "folder name %q cannot become a clean URL: rename the folder %q", name, suggestName(name))
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case strings.HasSuffix(name, ".md"):
			orig, code := sitefs.SplitLang(name)
			base := strings.TrimSuffix(orig, ".md")
			if code == "" {
				if stem, c, ok := cutLang(base); ok && fi.IsSlug(stem) {
					diags.Errorf(at, "%q is not a language seutu knows (%s): a translation is named like x.sv.md%s", c, strings.Join(lang.Codes(), ", "), diag.DidYouMean(c, lang.Codes()))
					return nil
				}
			}
			if base != "_index" && !fi.IsSlug(base) {
				diags.Errorf(at, "file name %q cannot become a clean URL: rename the file %q", name, suggestName(base)+strings.TrimPrefix(name, base))
				return nil
			}
			files = append(files, p)
		case p == config.File:
		default:
			diags.Warnf(at, "not a Markdown file, so not published; images and documents belong under assets/")
		}
		return nil
	})
	if err != nil && !isNotExist(err) {
		diags.Errorf(diag.Pos{File: "content"}, "cannot read: %v", err)
	}
	if _, err := fs.Stat(fsys, "content"); err != nil {
		diags.Errorf(diag.Pos{File: "content"}, "no content folder: a site keeps its pages in content/")
	}
	slices.Sort(files)
	return files, diags
}

// cutLang splits x.de into x and de when what follows the last dot looks
// like a language code: two lowercase letters.
func cutLang(base string) (stem, code string, ok bool) {
	dot := strings.LastIndexByte(base, '.')
	if dot < 0 || len(base)-dot != 3 {
		return base, "", false
	}
	code = base[dot+1:]
	for _, c := range code {
		if c < 'a' || c > 'z' {
			return base, "", false
		}
	}
	return base[:dot], code, true
}

// suggestName is what a file or folder could be renamed: its slug, or a
// placeholder when nothing usable is left.
func suggestName(name string) string {
	if s := fi.Slugify(name); s != "" {
		return s
	}
	return "nimi-pienin-kirjaimin"
}

// followLink checks a symbolic link under content/: one that leads out of
// the site folder is refused, one to a folder is not followed (its files
// would appear twice), one to a file inside the site is read as the file.
func followLink(fsys fs.FS, p string, diags *diag.List) bool {
	at := diag.Pos{File: p, Line: 1, Col: 1}
	target, err := fs.ReadLink(fsys, p)
	if err != nil {
		diags.Errorf(at, "cannot read the symbolic link: %v", err)
		return false
	}
	inside := path.Clean(path.Join(path.Dir(p), target))
	if path.IsAbs(target) || inside == ".." || strings.HasPrefix(inside, "../") {
		diags.Errorf(at, "symbolic link to %s leads outside the site folder: refused; copy the file into content/ instead", target)
		return false
	}
	st, err := fs.Stat(fsys, p)
	if err != nil {
		diags.Errorf(at, "symbolic link to %s leads nowhere: %v", target, err)
		return false
	}
	if st.IsDir() {
		diags.Warnf(at, "symbolic link to the folder %s is not followed; move the files into content/", target)
		return false
	}
	return true
}

// sections groups the pages by their first folder and attaches each
// folder's _index.md; content/_index.md is the home page's.
func sections(files []string, indexes []*model.Section, pages []*model.Page) (secs []*model.Section, home *model.Section) {
	byName := map[string]*model.Section{}
	get := func(name string) *model.Section {
		s := byName[name]
		if s == nil {
			s = &model.Section{Name: name, Kind: kindOf(name)}
			byName[name] = s
			secs = append(secs, s)
		}
		return s
	}
	for i, f := range files {
		idx := indexes[i]
		if idx == nil || idx.Lang != "" {
			continue
		}
		if idx.Name == "" {
			h := *idx // resolve gives the home page its URL: a copy's
			home = &h
			continue
		}
		if strings.Count(f, "/") > 2 {
			continue // _index.md of a nested folder: its pages belong to the top folder
		}
		s := get(idx.Name)
		kind := s.Kind
		*s = *idx
		s.Kind = kind
	}
	for _, p := range pages {
		if p.Section != "" {
			get(p.Section)
		}
	}
	slices.SortFunc(secs, func(a, b *model.Section) int { return strings.Compare(a.Name, b.Name) })
	return secs, home
}

// kindOf returns the kind of pages in a section folder.
func kindOf(section string) model.Kind {
	if k, ok := model.Sections[section]; ok {
		return k
	}
	return model.KindPage
}
