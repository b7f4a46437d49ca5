// Package tmplexec executes templates that html/template has already
// escaped, with html/template's output, several times faster.
//
// html/template escapes a template the first time it runs, by adding its
// escaping functions to the parse tree's actions; text/template then walks
// that tree for every execution, looking up each field by name, each
// function in a locked map, and calling everything through reflection with
// freshly allocated arguments. Compile does that work once: it turns the
// escaped tree into Go closures, with fields found once per type, the
// variables in numbered slots, literal arguments converted ahead of time,
// and the escapers called directly (escape.go).
//
// It is a faster path, not a second template language. What it does not
// know (html/template's rarer escapers, such as CSS's or that of a value
// inside a script, range over channels, the call and slice builtins,
// comparing an integer with an unsigned one, a value an escaper here
// cannot take) it refuses: Compile with an error, Execute with an error at
// run time. The caller then executes the same template with html/template,
// which gives the same output, or the exact error message an editor should
// see; package render does so for that layout or that page. Templates must
// use the default options (missingkey=default).
//
// A Direct names a method or function the templates call often (on every
// page, or every item of a list) with its types, so that Execute calls it
// as Go code rather than through reflection; Compile checks that each is
// what it names (direct.go).
//
// At 10 000 pages, executing seutu's layouts took 2.0 s of CPU through
// html/template and 0.6 s compiled, with the same bytes out; see
// internal/benchcmp/README.md.
package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"sync"
)

// Program is one compiled template, with every template it calls.
// It is safe for concurrent use.
type Program struct {
	entry *tmpl
}

// tmpl is a compiled template: its body and how many variable slots a
// call needs (slot 0 is $).
type tmpl struct {
	name   string
	root   node
	nslots int
}

// ctl tells a range what the node it ran asked for.
type ctl uint8

const (
	ctlNext ctl = iota
	ctlBreak
	ctlContinue
)

type (
	// node runs a piece of a template. fp is where the template's
	// variable slots start in state.vars.
	node func(s *state, dot reflect.Value, fp int) ctl
	// expr evaluates to a value.
	expr func(s *state, dot reflect.Value, fp int) reflect.Value
	// cmd evaluates a command of a pipeline; final is the previous
	// command's value, which it takes as its last argument.
	cmd func(s *state, dot reflect.Value, fp int, final reflect.Value) reflect.Value
)

// state is one execution's.
type state struct {
	buf   *bytes.Buffer
	vars  []reflect.Value
	depth int
}

var states = sync.Pool{New: func() any { return &state{vars: make([]reflect.Value, 0, 64)} }}

// maxDepth bounds template recursion; html/template reports the overflow.
const maxDepth = 10000

// failure is how execution stops: Execute recovers it as an error.
type failure struct{ err error }

func fail(format string, args ...any) {
	panic(failure{fmt.Errorf(format, args...)})
}

// ErrUnsupported marks what this package leaves to html/template.
var ErrUnsupported = errors.New("not supported by tmplexec")

func unsupported(what string, args ...any) {
	panic(failure{fmt.Errorf("%w: "+what, append([]any{ErrUnsupported}, args...)...)})
}

// Execute runs the program with data, appending its output to buf. On an
// error, buf holds partial output: the caller truncates it and executes
// the template with html/template instead.
func (p *Program) Execute(buf *bytes.Buffer, data any) (err error) {
	s := states.Get().(*state)
	s.buf, s.depth = buf, 0
	defer func() {
		if r := recover(); r != nil {
			if f, ok := r.(failure); ok {
				err = f.err
			} else {
				// A reflect panic is a case this package got wrong; the
				// caller's html/template gets it right.
				err = fmt.Errorf("tmplexec: %v", r)
			}
		}
		clear(s.vars[:cap(s.vars)])
		s.vars, s.buf = s.vars[:0], nil
		states.Put(s)
	}()
	dot, ok := data.(reflect.Value)
	if !ok {
		dot = reflect.ValueOf(data)
	}
	p.entry.run(s, dot)
	return nil
}

func (t *tmpl) run(s *state, dot reflect.Value) {
	fp := len(s.vars)
	for range t.nslots {
		s.vars = append(s.vars, reflect.Value{})
	}
	s.vars[fp] = dot
	t.root(s, dot, fp)
	clear(s.vars[fp:])
	s.vars = s.vars[:fp]
}

// Compile compiles the template name of set, and every template it calls.
// html/template must already have escaped it: the caller executes it with
// html/template once first. funcs are the set's functions; direct, methods
// and functions among them to call without reflection.
func Compile(set *template.Template, name string, funcs template.FuncMap, direct ...Direct) (p *Program, err error) {
	c := &compiler{set: set, funcs: map[string]reflect.Value{}, tmpls: map[string]*tmpl{}}
	for n, f := range funcs {
		c.funcs[n] = reflect.ValueOf(f)
	}
	c.direct, c.methods = directs(direct, c.funcs)
	defer func() {
		if r := recover(); r != nil {
			f, ok := r.(failure)
			if !ok {
				panic(r)
			}
			p, err = nil, f.err
		}
	}()
	return &Program{entry: c.template(name)}, nil
}
