package render

import (
	"bytes"
	"html/template"
	"sync"
	"sync/atomic"

	"seutu/internal/tmplexec"
)

// executor runs one template of a parsed set. The first run is
// html/template's, which escapes the template; from then on the program
// tmplexec compiled from the escaped tree runs it, several times faster.
// Where that program refuses (a construct or value it leaves to
// html/template) or fails, html/template runs the template again: its
// output, or its error message, is the one that counts.
type executor struct {
	set    *template.Template
	name   string
	funcs  template.FuncMap
	shared *execShared

	once  sync.Once   // compiles, after the first run html/template finished
	tried atomic.Bool // compiled, or tried to
	prog  atomic.Pointer[tmplexec.Program]
}

// execShared is what a render's executors share: whether to compile at
// all, and a count of the runs html/template made once a template was
// compiled, or could not be (the layouts the compiled path cannot take,
// which the tests keep at zero for seutu's own).
type execShared struct {
	reference bool              // tests: html/template only
	direct    []tmplexec.Direct // see directCalls
	sources   map[string]string // the layouts' text by file, for errors' columns; read-only once loaded
	slowRuns  atomic.Int64
}

func (e *executor) execute(buf *bytes.Buffer, data any) error {
	if p := e.prog.Load(); p != nil {
		n := buf.Len()
		if p.Execute(buf, data) == nil {
			return nil
		}
		buf.Truncate(n)
	}
	if e.tried.Load() {
		e.shared.slowRuns.Add(1)
	}
	if err := e.set.ExecuteTemplate(buf, e.name, data); err != nil {
		return err
	}
	if !e.tried.Load() && !e.shared.reference {
		e.once.Do(func() {
			if p, err := tmplexec.Compile(e.set, e.name, e.funcs, e.shared.direct...); err == nil {
				e.prog.Store(p)
			}
			e.tried.Store(true)
		})
	}
	return nil
}
