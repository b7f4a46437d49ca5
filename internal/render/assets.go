package render

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"strings"

	"seutu/internal/diag"
	"seutu/internal/sitefs"
)

// assetSet is the site's assets, read once per render: each file's final
// bytes (minified when the build minifies), and for stylesheets and
// scripts a name with a hash of those bytes, safe to cache forever, and a
// Subresource Integrity value.
//
// Fingerprinting stays here, with render, rather than in the write stage
// that minifies: the hashed names and integrity values are what the pages
// link to, so they must be known before the first page executes, and they
// are hashes of the bytes written. Render therefore asks the write stage
// for an asset's final bytes ahead (Output.Minify), hashes them, and hands
// them back to be written as they are (Output.Final).
type assetSet struct {
	paths     []string          // files of the assets tree, in walk order
	data      map[string][]byte // by path in the tree
	size      map[string]int    // before minifying
	hashed    map[string]string // "/assets/css/site.css" → "/assets/css/site.1a2b3c4d5e.css"
	integrity map[string]string // "/assets/css/site.css" → "sha384-…"
}

// fingerprinted are the types whose names carry their content's hash.
var fingerprinted = map[string]bool{".css": true, ".js": true}

func readAssets(assets fs.FS, o Output, fingerprint bool) (*assetSet, diag.List) {
	a := &assetSet{data: map[string][]byte{}, size: map[string]int{}, hashed: map[string]string{}, integrity: map[string]string{}}
	var diags diag.List
	if assets == nil {
		return a, nil
	}
	err := fs.WalkDir(assets, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || isHidden(d.Name()) || isGo(d.Name()) {
			return nil
		}
		raw, err := fs.ReadFile(assets, p)
		if err != nil {
			diags.Errorf(diag.Pos{File: "assets/" + p}, "%s", cannotRead(err))
			return nil
		}
		data := o.Minify(p, raw)
		a.paths = append(a.paths, p)
		a.data[p], a.size[p] = data, len(raw)
		if ext := path.Ext(p); fingerprint && fingerprinted[ext] {
			sum := sha256.Sum256(data)
			url := "/assets/" + p
			a.hashed[url] = "/assets/" + strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:5]) + ext
			sri := sha512.Sum384(data)
			a.integrity[url] = "sha384-" + base64.StdEncoding.EncodeToString(sri[:])
		}
		return nil
	})
	if err != nil {
		diags.Errorf(diag.Pos{File: "assets"}, "cannot read assets: %v", err)
	}
	return a, diags
}

// cannotRead says why a file could not be read: what it is, when it is no
// regular file (its path is the diagnostic's), else the error.
func cannotRead(err error) string {
	var nr *sitefs.NotRegularError
	if errors.As(err, &nr) {
		return nr.Error()
	}
	return "cannot read: " + err.Error()
}

// write publishes every asset at its own path, and stylesheets and
// scripts also under their fingerprinted names.
func (a *assetSet) write(o Output) (int, error) {
	n := 0
	for _, p := range a.paths {
		if err := o.Final("assets/"+p, a.data[p], a.size[p]); err != nil {
			return n, err
		}
		n++
		if h, ok := a.hashed["/assets/"+p]; ok {
			if err := o.Final(strings.TrimPrefix(h, "/"), a.data[p], a.size[p]); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// urls lists every URL the assets are published at.
func (a *assetSet) urls() []string {
	var out []string
	for _, p := range a.paths {
		out = append(out, "/assets/"+p)
		if h, ok := a.hashed["/assets/"+p]; ok {
			out = append(out, h)
		}
	}
	return out
}
