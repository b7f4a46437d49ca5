package overlay

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

func TestOverlay(t *testing.T) {
	site := fstest.MapFS{
		"layouts/network.html":       {Data: []byte("site network")},
		"layouts/partials/mine.html": {Data: []byte("mine")},
	}
	embedded := fstest.MapFS{
		"layouts/network.html":       {Data: []byte("default network")},
		"layouts/base.html":          {Data: []byte("default base")},
		"layouts/partials/card.html": {Data: []byte("card")},
	}
	o := FS{Dir(site, "layouts"), Dir(embedded, "layouts")}
	for name, want := range map[string]string{
		"network.html":       "site network",
		"base.html":          "default base",
		"partials/mine.html": "mine",
		"partials/card.html": "card",
	} {
		got, err := fs.ReadFile(o, name)
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	var names []string
	err := fs.WalkDir(o, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names, " "); got != "base.html network.html partials/card.html partials/mine.html" {
		t.Errorf("walk = %s", got)
	}
	if _, err := o.Open("missing.html"); err == nil {
		t.Error("missing file opened")
	}
	if _, err := o.Open("../etc/passwd"); err == nil {
		t.Error("invalid path opened")
	}
}

func TestDirOfMissingFolderIsNil(t *testing.T) {
	if Dir(fstest.MapFS{"content/x.md": {}}, "assets") != nil {
		t.Error("Dir of a missing folder is not nil")
	}
	o := FS{nil, fstest.MapFS{"a.css": {Data: []byte("a")}}}
	if b, err := fs.ReadFile(o, "a.css"); err != nil || string(b) != "a" {
		t.Errorf("read through a nil layer: %q, %v", b, err)
	}
}
