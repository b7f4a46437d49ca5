package render

import (
	"html/template"
	"io/fs"
	"path"
	"strings"

	"seutu/internal/diag"
)

// templates are the parsed layouts, one set per layout file, each holding
// base.html, the partials and the layout itself.
type templates struct {
	sets   map[string]*executor // by layout name: "network", "home", …; each runs base.html
	shared *execShared
}

// loadTemplates parses every layout of the layouts tree; compact squeezes
// their white space (see squeeze).
func loadTemplates(layouts fs.FS, fm template.FuncMap, c *fragments, compact, reference bool) (*templates, diag.List) {
	var diags diag.List
	t := &templates{sets: map[string]*executor{}, shared: &execShared{reference: reference, direct: directCalls(fm), sources: map[string]string{}}}
	read := func(name string) string {
		src, err := fs.ReadFile(layouts, name)
		if err != nil {
			diags.Errorf(diag.Pos{File: "layouts/" + name}, "%s", cannotRead(err))
		}
		t.shared.sources["layouts/"+name] = string(src)
		return string(src)
	}
	// Each template is named by its file, which html/template's messages
	// then give with the line (see templateDiag).
	base := template.New("layouts/base.html").Funcs(fm)
	if _, err := base.Parse(read("base.html")); err != nil {
		templateErrorf(&diags, err, "layouts/base.html", t.shared.sources)
		return t, diags
	}
	partials, _ := fs.Glob(layouts, "partials/*.html")
	for _, p := range partials {
		if _, err := base.New("layouts/" + p).Parse(read(p)); err != nil {
			templateErrorf(&diags, err, "layouts/"+p, t.shared.sources)
		}
	}
	t2, _ := fm["t"].(func(string) string)
	fold := func(set *template.Template) {
		if t2 != nil {
			foldTexts(set, t2)
		}
	}
	fold(base)
	if compact {
		squeeze(base)
	}
	c.set, c.funcs, c.shared = base, fm, t.shared
	names, _ := fs.Glob(layouts, "*.html")
	for _, name := range names {
		if name == "base.html" {
			continue
		}
		set, err := base.Clone()
		if err == nil {
			_, err = set.New("layouts/" + name).Parse(read(name))
		}
		if err != nil {
			templateErrorf(&diags, err, "layouts/"+name, t.shared.sources)
			continue
		}
		fold(set)
		if compact {
			squeeze(set)
		}
		if set.Lookup("main") == nil {
			diags.Errorf(diag.Pos{File: "layouts/" + name, Line: 1}, `a layout must define "main": {{define "main"}}…{{end}}`)
			continue
		}
		t.sets[strings.TrimSuffix(name, ".html")] = &executor{set: set, name: "layouts/base.html", funcs: fm, shared: t.shared}
	}
	return t, diags
}

// lookup returns the layout name's set; a missing layout that the content
// asked for by name is an error at that field, a missing default layout an
// error of the layouts folder.
func (t *templates) lookup(name string, pos diag.Pos, diags *diag.List) *executor {
	if set, ok := t.sets[name]; ok {
		return set
	}
	file := path.Join("layouts", name+".html")
	if pos.File != "" {
		diags.Errorf(pos, "no layout %s%s", file, diag.DidYouMean(name, t.names()))
	} else {
		diags.Errorf(diag.Pos{File: file}, "missing layout: add %s", file)
	}
	return nil
}

func (t *templates) names() []string {
	var out []string
	for n := range t.sets {
		out = append(out, n)
	}
	return out
}
