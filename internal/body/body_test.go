package body

import (
	"testing"
	"testing/fstest"
	"time"

	"seutu/internal/fi"
	"seutu/internal/load"
	"seutu/internal/model"
	"seutu/internal/resolve"
)

var testContent = map[string]string{
	"content/site.toml": "title = \"Testi\"\nbase_url = \"https://example.fi/kunnat/\"\n[vocabularies]\nnews_categories = [\"Uutinen\"]\n",
	"content/_index.md": "---\ntitle: Etusivu\n---\nTervetuloa.\n",
	"content/verkostot/kunnanjohtajat.md": "---\ntitle: Kunnanjohtajat\ncoordinator: liitto\ntags: [kuntajohto]\n---\n" +
		"## Tehtävät\n\nKatso [liitto](../organisaatiot/liitto.md) ja [kunnat](/kunnat/#lista).\n",
	"content/organisaatiot/liitto.md": "---\ntitle: Keski-Suomen liitto\n---\nLiitto [koordinoi](../verkostot/kunnanjohtajat.md#tehtavat).\n",
	"content/kunnat/_index.md":        "---\ntitle: Kunnat\n---\n",
	"content/erikois.md":              "---\ntitle: Erikoissivu\n---\n",
}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, s := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(s)}
	}
	return fsys
}

func resolveSite(t testing.TB, content map[string]string) (*model.Site, map[string]model.Source) {
	t.Helper()
	loaded := load.Load(mapFS(content))
	site, diags := resolve.Resolve(&loaded.Content, resolve.Options{Now: time.Date(2023, 1, 1, 0, 0, 0, 0, fi.Helsinki)})
	if diags.HasErrors() {
		t.Fatalf("resolve: %v", diags)
	}
	return site, loaded.Bodies
}

func pageOf(site *model.Site, file string) *model.Page {
	for _, p := range site.Pages {
		if p.File == file {
			return p
		}
	}
	return nil
}
