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
	"io/fs"
	"path"
	"slices"
	"strings"

	"seutu/internal/config"
	"seutu/internal/diag"
	"seutu/internal/model"
	"seutu/internal/par"
)

// Result is everything read from a site folder.
type Result struct {
	Config   *config.Config
	Pages    []*model.Page    // every page, drafts included, in file order
	Sections []*model.Section // one per folder holding pages or an _index.md
	Home     *model.Section   // content/_index.md, nil when there is none
	Diags    diag.List
}

// Load reads the site in fsys, whose root is the site folder.
func Load(fsys fs.FS) *Result {
	r := &Result{}
	r.Config, r.Diags = readConfig(fsys)

	files, diags := listContent(fsys)
	r.Diags.Merge(diags)

	pages := make([]*model.Page, len(files))
	indexes := make([]*model.Section, len(files))
	lists := make([]diag.List, len(files))
	par.Do(len(files), func(i int) {
		f := files[i]
		if path.Base(f) == "_index.md" {
			indexes[i], lists[i] = readIndex(fsys, f)
		} else {
			pages[i], lists[i] = readPage(fsys, f)
		}
	})
	for i := range files {
		r.Diags.Merge(lists[i])
		if pages[i] != nil {
			r.Pages = append(r.Pages, pages[i])
		}
	}
	r.Sections, r.Home = sections(files, indexes, r.Pages)
	return r
}

func readConfig(fsys fs.FS) (*config.Config, diag.List) {
	src, err := fs.ReadFile(fsys, config.File)
	if err != nil {
		if !isNotExist(err) {
			var l diag.List
			l.Errorf(diag.Pos{File: config.File}, "cannot read: %v", err)
			return config.Default(), l
		}
		src = nil
	}
	return config.Parse(src)
}

// listContent returns the Markdown files under content/, sorted. Other files
// are reported: they would not be published.
func listContent(fsys fs.FS) ([]string, diag.List) {
	var files []string
	var diags diag.List
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags.Errorf(diag.Pos{File: p}, "cannot read: %v", err)
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && p != "content" {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
		case strings.HasSuffix(name, ".md"):
			files = append(files, p)
		case p == config.File:
		default:
			diags.Warnf(diag.Pos{File: p}, "not a Markdown file, so not published; images and documents belong under assets/")
		}
		return nil
	})
	if err != nil && !isNotExist(err) {
		diags.Errorf(diag.Pos{File: "content"}, "cannot read: %v", err)
	}
	if len(files) == 0 && err != nil {
		diags.Errorf(diag.Pos{File: "content"}, "no content folder: a site keeps its pages in content/")
	}
	slices.Sort(files)
	return files, diags
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
		if idx == nil {
			continue
		}
		if idx.Name == "" {
			home = idx
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
