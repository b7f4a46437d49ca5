package tmplexec

import (
	"html/template"
	"reflect"
	"text/template/parse"
)

// compiler turns escaped parse trees into closures.
type compiler struct {
	set     *template.Template
	funcs   map[string]reflect.Value
	direct  map[string]*Direct // funcs to call without reflection
	methods map[methodKey]*Direct
	tmpls   map[string]*tmpl
}

// template returns the compiled template name, compiling it on first use.
// A template calling itself gets the *tmpl being compiled.
func (c *compiler) template(name string) *tmpl {
	if t, ok := c.tmpls[name]; ok {
		return t
	}
	h := c.set.Lookup(name)
	if h == nil || h.Tree == nil || h.Tree.Root == nil {
		unsupported("template %q is not in the set", name)
	}
	t := &tmpl{name: name}
	c.tmpls[name] = t
	f := &frame{c: c, scope: []variable{{"$", 0}}, nslots: 1}
	t.root = f.list(h.Tree.Root)
	t.nslots = f.nslots
	return t
}

// frame compiles one template: it gives each variable a slot of the
// template's frame, and keeps the names in scope as text/template does at
// run time.
type frame struct {
	c      *compiler
	scope  []variable
	nslots int
}

type variable struct {
	name string
	slot int
}

func (f *frame) mark() int    { return len(f.scope) }
func (f *frame) pop(mark int) { f.scope = f.scope[:mark] }

func (f *frame) declare(name string) int {
	f.scope = append(f.scope, variable{name, f.nslots})
	f.nslots++
	return f.nslots - 1
}

func (f *frame) lookup(name string) int {
	for i := len(f.scope) - 1; i >= 0; i-- {
		if f.scope[i].name == name {
			return f.scope[i].slot
		}
	}
	unsupported("undefined variable %s", name)
	return 0
}

func (f *frame) list(l *parse.ListNode) node {
	if l == nil {
		return func(*state, reflect.Value, int) ctl { return ctlNext }
	}
	var nodes []node
	for _, n := range l.Nodes {
		if n := f.node(n); n != nil {
			nodes = append(nodes, n)
		}
	}
	if len(nodes) == 1 {
		return nodes[0]
	}
	return func(s *state, dot reflect.Value, fp int) ctl {
		for _, n := range nodes {
			if c := n(s, dot, fp); c != ctlNext {
				return c
			}
		}
		return ctlNext
	}
}

func (f *frame) node(n parse.Node) node {
	switch n := n.(type) {
	case *parse.TextNode:
		text := n.Text
		return func(s *state, _ reflect.Value, _ int) ctl {
			s.buf.Write(text)
			return ctlNext
		}
	case *parse.ActionNode:
		return f.action(n)
	case *parse.IfNode:
		return f.ifWith(false, n.Pipe, n.List, n.ElseList)
	case *parse.WithNode:
		return f.ifWith(true, n.Pipe, n.List, n.ElseList)
	case *parse.RangeNode:
		return f.rangeNode(n)
	case *parse.TemplateNode:
		return f.templateCall(n)
	case *parse.BreakNode:
		return func(*state, reflect.Value, int) ctl { return ctlBreak }
	case *parse.ContinueNode:
		return func(*state, reflect.Value, int) ctl { return ctlContinue }
	case *parse.CommentNode:
		return nil
	}
	unsupported("node %s", n)
	return nil
}

// action compiles {{pipeline}}. html/template ends every pipeline that
// prints with its escapers; they run here on the pipeline's value, and
// what they return is written.
func (f *frame) action(a *parse.ActionNode) node {
	p := a.Pipe
	if len(p.Decl) > 0 {
		pipe := f.pipeline(p, len(p.Cmds))
		return func(s *state, dot reflect.Value, fp int) ctl {
			pipe(s, dot, fp)
			return ctlNext
		}
	}
	n := len(p.Cmds)
	var escs []escaper
	for n > 1 {
		e, ok := trailingEscaper(p.Cmds[n-1])
		if !ok {
			break
		}
		escs = append([]escaper{e}, escs...)
		n--
	}
	if text, ok := constant(p, n, escs); ok {
		return func(s *state, _ reflect.Value, _ int) ctl {
			s.buf.WriteString(text)
			return ctlNext
		}
	}
	pipe := f.pipeline(p, n)
	if len(escs) == 0 {
		return func(s *state, dot reflect.Value, fp int) ctl {
			v := pipe(s, dot, fp)
			if !v.IsValid() || v.Type() != stringType {
				unsupported("printing a %s without an escaper", v.Kind())
			}
			s.buf.WriteString(v.String())
			return ctlNext
		}
	}
	return func(s *state, dot reflect.Value, fp int) ctl {
		str, t := stringify(pipe(s, dot, fp))
		for _, e := range escs {
			var ok bool
			if str, ok = e(str, t); !ok {
				unsupported("escaping a value of content type %d", t)
			}
			t = contentTypePlain
		}
		s.buf.WriteString(str)
		return ctlNext
	}
}

// constant is the output of an action whose pipeline, before its
// escapers, is one string constant ({{"Ota yhteyttä"}}, as package render
// folds {{t "Ota yhteyttä"}}): escaped once, here, rather than on every
// run.
func constant(p *parse.PipeNode, n int, escs []escaper) (string, bool) {
	if n != 1 || len(escs) == 0 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	c, ok := p.Cmds[0].Args[0].(*parse.StringNode)
	if !ok {
		return "", false
	}
	str, t := c.Text, contentTypePlain
	for _, e := range escs {
		if str, ok = e(str, t); !ok {
			return "", false
		}
		t = contentTypePlain
	}
	return str, true
}

// trailingEscaper reports whether cmd is one of html/template's escapers
// as its escaping appends them: a name without arguments.
func trailingEscaper(cmd *parse.CommandNode) (escaper, bool) {
	if len(cmd.Args) != 1 {
		return nil, false
	}
	id, ok := cmd.Args[0].(*parse.IdentifierNode)
	if !ok {
		return nil, false
	}
	e, ok := escapers[id.Ident]
	return e, ok
}

// pipeline compiles the first n commands of p; declared variables get the
// value, as in text/template.
func (f *frame) pipeline(p *parse.PipeNode, n int) expr {
	if p == nil {
		return func(*state, reflect.Value, int) reflect.Value { return reflect.Value{} }
	}
	cmds := make([]cmd, n)
	for i, c := range p.Cmds[:n] {
		cmds[i] = f.command(c, i > 0)
	}
	var slots []int
	for _, v := range p.Decl {
		if p.IsAssign {
			slots = append(slots, f.lookup(v.Ident[0]))
		} else {
			slots = append(slots, f.declare(v.Ident[0]))
		}
	}
	return func(s *state, dot reflect.Value, fp int) reflect.Value {
		var v reflect.Value
		for _, c := range cmds {
			v = c(s, dot, fp, v)
			// As text/template: a value of type any is what it holds.
			if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
				v = reflect.ValueOf(v.Interface())
			}
		}
		for _, slot := range slots {
			s.vars[fp+slot] = v
		}
		return v
	}
}

func (f *frame) ifWith(with bool, p *parse.PipeNode, list, elseList *parse.ListNode) node {
	outer := f.mark()
	pipe := f.pipeline(p, len(p.Cmds))
	inner := f.mark()
	body := f.list(list)
	f.pop(inner) // the else branch runs without what the body declared
	var els node
	if elseList != nil {
		els = f.list(elseList)
	}
	f.pop(outer)
	return func(s *state, dot reflect.Value, fp int) ctl {
		v := pipe(s, dot, fp)
		truth, ok := isTrue(indirectInterface(v))
		if !ok {
			unsupported("if/with on %s", v.Kind())
		}
		if truth {
			if with {
				return body(s, v, fp)
			}
			return body(s, dot, fp)
		}
		if els != nil {
			return els(s, dot, fp)
		}
		return ctlNext
	}
}

func (f *frame) rangeNode(r *parse.RangeNode) node {
	if r.Pipe.IsAssign {
		unsupported("range with = ")
	}
	outer := f.mark()
	pipe := f.pipeline(r.Pipe, len(r.Pipe.Cmds))
	elemSlot, indexSlot := -1, -1
	switch d := len(r.Pipe.Decl); d {
	case 0:
	case 1:
		elemSlot = f.lookup(r.Pipe.Decl[0].Ident[0])
	default:
		indexSlot, elemSlot = f.lookup(r.Pipe.Decl[0].Ident[0]), f.lookup(r.Pipe.Decl[1].Ident[0])
	}
	inner := f.mark()
	body := f.list(r.List)
	f.pop(inner)
	var els node
	if r.ElseList != nil {
		els = f.list(r.ElseList)
	}
	f.pop(outer)
	iterate := func(s *state, fp int, index, elem reflect.Value) ctl {
		if elemSlot >= 0 {
			s.vars[fp+elemSlot] = elem
		}
		if indexSlot >= 0 {
			s.vars[fp+indexSlot] = index
		}
		return body(s, elem, fp)
	}
	return func(s *state, dot reflect.Value, fp int) ctl {
		val, _ := indirectValue(pipe(s, dot, fp))
		n := 0
		switch val.Kind() {
		case reflect.Array, reflect.Slice:
			for n = 0; n < val.Len(); n++ {
				var index reflect.Value
				if indexSlot >= 0 {
					index = reflect.ValueOf(n) // boxed only when a range names it
				}
				if iterate(s, fp, index, val.Index(n)) == ctlBreak {
					n++
					break
				}
			}
		case reflect.Map:
			for _, k := range sortedKeys(val) {
				n++
				if iterate(s, fp, k, val.MapIndex(k)) == ctlBreak {
					break
				}
			}
		case reflect.Int:
			if val.Type() != intType || indexSlot >= 0 {
				unsupported("range over %s", val.Type())
			}
			for n = 0; n < int(val.Int()); n++ {
				if iterate(s, fp, reflect.Value{}, reflect.ValueOf(n)) == ctlBreak {
					n++
					break
				}
			}
		case reflect.Invalid:
		default:
			unsupported("range over %s", val.Kind())
		}
		if n == 0 && els != nil {
			return els(s, dot, fp)
		}
		return ctlNext
	}
}

func (f *frame) templateCall(n *parse.TemplateNode) node {
	var pipe expr
	if n.Pipe != nil {
		pipe = f.pipeline(n.Pipe, len(n.Pipe.Cmds))
	}
	t := f.c.template(n.Name)
	return func(s *state, dot reflect.Value, fp int) ctl {
		var v reflect.Value
		if pipe != nil {
			v = pipe(s, dot, fp)
		}
		if s.depth++; s.depth > maxDepth {
			unsupported("template depth")
		}
		t.run(s, v)
		s.depth--
		return ctlNext
	}
}
