// Package overlay merges file trees by name: a file in an upper tree hides
// the file of the same path in the trees below it. This is how a site's own
// layouts/ and assets/ override the defaults embedded in seutu.
package overlay

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
)

// FS is a stack of trees, the first one on top. It implements fs.FS and
// fs.ReadDirFS; it is safe for concurrent use if its trees are.
type FS []fs.FS

// Open opens name from the first tree that has it.
func (o FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	for _, t := range o {
		if t == nil {
			continue
		}
		f, err := t.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadDir lists the union of name in every tree, sorted; an entry of an
// upper tree hides the same name below.
func (o FS) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	found := false
	for _, t := range o {
		if t == nil {
			continue
		}
		entries, err := fs.ReadDir(t, name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, err
		}
		found = true
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// Dir returns t's subtree dir, or nil when t has no such folder, so that
// FS{Dir(site, "layouts"), embedded} works for sites without layouts/.
func Dir(t fs.FS, dir string) fs.FS {
	if t == nil {
		return nil
	}
	if st, err := fs.Stat(t, dir); err != nil || !st.IsDir() {
		return nil
	}
	sub, err := fs.Sub(t, dir)
	if err != nil {
		return nil
	}
	return sub
}
