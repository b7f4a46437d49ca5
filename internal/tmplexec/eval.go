package tmplexec

import (
	"cmp"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"text/template/parse"
)

var (
	intType          = reflect.TypeFor[int]()
	emptyIfaceType   = reflect.TypeFor[any]()
	reflectValueType = reflect.TypeFor[reflect.Value]()
)

// command compiles one command of a pipeline; hasFinal says whether a
// previous command's value comes in as its last argument.
func (f *frame) command(c *parse.CommandNode, hasFinal bool) cmd {
	args := c.Args[1:]
	notAFunction := func() {
		if len(args) > 0 || hasFinal {
			unsupported("can't give argument to non-function")
		}
	}
	switch n := c.Args[0].(type) {
	case *parse.FieldNode:
		return f.fieldChain(nil, n.Ident, args, hasFinal)
	case *parse.ChainNode:
		if len(n.Field) == 0 {
			unsupported("empty chain")
		}
		return f.fieldChain(f.arg(n.Node, nil), n.Field, args, hasFinal)
	case *parse.VariableNode:
		slot := f.lookup(n.Ident[0])
		variable := func(s *state, _ reflect.Value, fp int) reflect.Value { return s.vars[fp+slot] }
		if len(n.Ident) > 1 {
			return f.fieldChain(variable, n.Ident[1:], args, hasFinal)
		}
		notAFunction()
		return func(s *state, dot reflect.Value, fp int, _ reflect.Value) reflect.Value { return variable(s, dot, fp) }
	case *parse.IdentifierNode:
		return f.function(n.Ident, args, hasFinal)
	case *parse.PipeNode:
		notAFunction()
		pipe := f.pipeline(n, len(n.Cmds))
		return func(s *state, dot reflect.Value, fp int, _ reflect.Value) reflect.Value { return pipe(s, dot, fp) }
	case *parse.DotNode:
		notAFunction()
		return func(_ *state, dot reflect.Value, _ int, _ reflect.Value) reflect.Value { return dot }
	}
	notAFunction()
	v := f.constant(c.Args[0], emptyIfaceType)
	return func(*state, reflect.Value, int, reflect.Value) reflect.Value { return v }
}

// constant converts a literal to typ as text/template's evalArg does;
// for an empty interface, a literal keeps its own type.
func (f *frame) constant(n parse.Node, typ reflect.Type) reflect.Value {
	if typ.Kind() == reflect.Interface && typ.NumMethod() == 0 {
		switch n := n.(type) {
		case *parse.BoolNode:
			return reflect.ValueOf(n.True)
		case *parse.StringNode:
			return reflect.ValueOf(n.Text)
		case *parse.NumberNode:
			// text/template's idealConstant: written as a float, a
			// float64; else an int.
			switch {
			case n.IsComplex || n.Text[0] == '\'':
			case n.IsFloat && hasFloatSyntax(n.Text):
				return reflect.ValueOf(n.Float64)
			case n.IsInt && int64(int(n.Int64)) == n.Int64:
				return reflect.ValueOf(int(n.Int64))
			}
		}
		unsupported("literal %s", n)
	}
	v := reflect.New(typ).Elem()
	switch n := n.(type) {
	case *parse.BoolNode:
		if typ.Kind() == reflect.Bool {
			v.SetBool(n.True)
			return v
		}
	case *parse.StringNode:
		if typ.Kind() == reflect.String {
			v.SetString(n.Text)
			return v
		}
	case *parse.NumberNode:
		switch typ.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			if n.IsInt && !v.OverflowInt(n.Int64) {
				v.SetInt(n.Int64)
				return v
			}
		case reflect.Float32, reflect.Float64:
			if n.IsFloat && !v.OverflowFloat(n.Float64) {
				v.SetFloat(n.Float64)
				return v
			}
		}
	}
	unsupported("literal %s as %s", n, typ)
	return v
}

// hasFloatSyntax is whether a number is written as a float (1.0, 1e3,
// 0x1p4), which text/template makes a float64 even when it is whole.
func hasFloatSyntax(s string) bool {
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		return strings.ContainsAny(s, "pP")
	}
	return strings.ContainsAny(s, ".eEpP")
}

// arg compiles an argument evaluated for a parameter of type typ (nil:
// any value as it is), as text/template's evalArg.
func (f *frame) arg(n parse.Node, typ reflect.Type) expr {
	var e expr
	switch n := n.(type) {
	case *parse.DotNode:
		e = func(_ *state, dot reflect.Value, _ int) reflect.Value { return dot }
	case *parse.FieldNode, *parse.ChainNode, *parse.VariableNode, *parse.PipeNode, *parse.IdentifierNode:
		c := f.command(&parse.CommandNode{NodeType: parse.NodeCommand, Args: []parse.Node{n}}, false)
		e = func(s *state, dot reflect.Value, fp int) reflect.Value { return c(s, dot, fp, reflect.Value{}) }
	case *parse.NilNode:
		if typ == nil || !canBeNil(typ) {
			unsupported("nil argument")
		}
		v := reflect.Zero(typ)
		return func(*state, reflect.Value, int) reflect.Value { return v }
	default:
		if typ == nil {
			typ = emptyIfaceType
		}
		v := f.constant(n, typ)
		return func(*state, reflect.Value, int) reflect.Value { return v }
	}
	if typ == nil {
		return e
	}
	return func(s *state, dot reflect.Value, fp int) reflect.Value {
		return validateType(e(s, dot, fp), typ)
	}
}

// validateType is text/template's: v made fit for a parameter of type typ.
func validateType(v reflect.Value, typ reflect.Type) reflect.Value {
	if !v.IsValid() {
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		unsupported("invalid value; expected %s", typ)
	}
	if v.Type() == typ {
		return v
	}
	if !v.Type().AssignableTo(typ) {
		if v.Kind() == reflect.Interface && !v.IsNil() {
			v = v.Elem()
			if v.Type().AssignableTo(typ) {
				return v
			}
		}
		switch {
		case v.Kind() == reflect.Pointer && v.Type().Elem().AssignableTo(typ):
			v = v.Elem()
			if !v.IsValid() {
				unsupported("dereference of nil pointer of type %s", typ)
			}
		case reflect.PointerTo(v.Type()).AssignableTo(typ) && v.CanAddr():
			v = v.Addr()
		default:
			unsupported("wrong type for value; expected %s; got %s", typ, v.Type())
		}
	}
	return v
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	}
	return false
}

// fieldChain compiles .A.B.C on dot, or on what receiver gives: every
// name but the last takes no arguments.
func (f *frame) fieldChain(receiver expr, names []string, args []parse.Node, hasFinal bool) cmd {
	steps := make([]*field, len(names))
	for i, name := range names {
		steps[i] = &field{name: name, key: reflect.ValueOf(name), methods: f.c.methods}
	}
	last := steps[len(steps)-1]
	lateArgs := make([]lateArg, len(args))
	for i, a := range args {
		lateArgs[i] = f.lateArg(a)
	}
	return func(s *state, dot reflect.Value, fp int, final reflect.Value) reflect.Value {
		v := dot
		if receiver != nil {
			v = receiver(s, dot, fp)
		}
		for _, st := range steps[:len(steps)-1] {
			v = st.get(s, dot, fp, v, nil, reflect.Value{}, false)
		}
		return last.get(s, dot, fp, v, lateArgs, final, hasFinal)
	}
}

// lateArg is an argument to a method, whose parameter types are known
// only once the receiver is.
type lateArg func(s *state, dot reflect.Value, fp int, typ reflect.Type) reflect.Value

func (f *frame) lateArg(n parse.Node) lateArg {
	switch n.(type) {
	case *parse.BoolNode, *parse.StringNode, *parse.NumberNode, *parse.NilNode:
		return func(_ *state, _ reflect.Value, _ int, typ reflect.Type) reflect.Value {
			return f.constant(n, typ)
		}
	}
	e := f.arg(n, nil)
	return func(s *state, dot reflect.Value, fp int, typ reflect.Type) reflect.Value {
		return validateType(e(s, dot, fp), typ)
	}
}

// field is one name of a chain, with what it was found to be on the types
// it met: a small cache shared by every execution.
type field struct {
	name    string
	key     reflect.Value // the name as a map key
	methods map[methodKey]*Direct
	cache   atomic.Pointer[[]found]
}

type found struct {
	typ    reflect.Type  // the receiver's type, made a pointer when addressable
	method reflect.Value // the method's func, taking the receiver first,
	direct *Direct       // and the method to call without reflection; or
	index  []int         // the struct field's index; or
	isMap  bool          // a map's element
}

func (fl *field) find(typ reflect.Type) found {
	if c := fl.cache.Load(); c != nil {
		for _, f := range *c {
			if f.typ == typ {
				return f
			}
		}
	}
	f := found{typ: typ}
	if m, ok := typ.MethodByName(fl.name); ok {
		f.method, f.direct = m.Func, fl.methods[methodKey{typ, fl.name}]
	} else {
		recv := typ
		if recv.Kind() == reflect.Pointer {
			recv = recv.Elem()
		}
		switch recv.Kind() {
		case reflect.Struct:
			if sf, ok := recv.FieldByName(fl.name); ok && sf.IsExported() {
				f.index = sf.Index
			}
		case reflect.Map:
			f.isMap = stringType.AssignableTo(recv.Key())
		}
	}
	var next []found
	if c := fl.cache.Load(); c != nil && len(*c) < 8 {
		next = append(next, *c...)
	}
	next = append(next, f)
	fl.cache.Store(&next)
	return f
}

// get is text/template's evalField.
func (fl *field) get(s *state, dot reflect.Value, fp int, receiver reflect.Value, args []lateArg, final reflect.Value, hasFinal bool) reflect.Value {
	if !receiver.IsValid() {
		return reflect.Value{} // missingkey=default
	}
	receiver, isNil := indirectValue(receiver)
	if receiver.Kind() == reflect.Interface && isNil {
		unsupported("nil pointer evaluating %s", fl.name)
	}
	ptr := receiver
	if k := ptr.Kind(); k != reflect.Interface && k != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	found := fl.find(ptr.Type())
	if found.method.IsValid() {
		if found.direct != nil && len(args) == 0 && !hasFinal {
			return directResult(*found.direct, ptr)
		}
		return callFunc(s, dot, fp, found.method, ptr, args, final, hasFinal)
	}
	if isNil {
		unsupported("nil pointer evaluating %s", fl.name)
	}
	if len(args) > 0 || hasFinal {
		unsupported("%s has arguments but is not a method", fl.name)
	}
	switch {
	case found.index != nil:
		if len(found.index) == 1 {
			return receiver.Field(found.index[0])
		}
		v, err := receiver.FieldByIndexErr(found.index)
		if err != nil {
			unsupported("%v", err)
		}
		return v
	case found.isMap:
		return receiver.MapIndex(fl.key) // missingkey=default: invalid when absent
	}
	unsupported("can't evaluate field %s in type %s", fl.name, receiver.Type())
	return reflect.Value{}
}

// callFunc calls a method (fn with its receiver) with late-typed
// arguments: text/template's evalCall.
func callFunc(s *state, dot reflect.Value, fp int, fn, receiver reflect.Value, args []lateArg, final reflect.Value, hasFinal bool) reflect.Value {
	typ := fn.Type()
	numIn := 1 + len(args)
	if hasFinal {
		numIn++
	}
	if typ.IsVariadic() || numIn != typ.NumIn() || !goodResults(typ) {
		unsupported("call of method with %d arguments", numIn-1)
	}
	argv := make([]reflect.Value, numIn)
	argv[0] = receiver
	for i, a := range args {
		argv[i+1] = a(s, dot, fp, typ.In(i+1))
	}
	if hasFinal {
		argv[numIn-1] = validateType(final, typ.In(numIn-1))
	}
	return call(fn, argv)
}

// goodResults is text/template's rule: one result, or a result and an
// error.
func goodResults(typ reflect.Type) bool {
	switch typ.NumOut() {
	case 1:
		return true
	case 2:
		return typ.Out(1) == errorType
	}
	return false
}

// call calls fn; an error result or a panic stops execution, as in
// text/template.
func call(fn reflect.Value, argv []reflect.Value) (v reflect.Value) {
	defer failOnPanic()
	out := fn.Call(argv)
	if len(out) == 2 && !out[1].IsNil() {
		fail("error calling function: %w", out[1].Interface().(error))
	}
	v = out[0]
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v
}

// failOnPanic, deferred around a call of a template function, turns its
// panic into the execution's error, as text/template does.
func failOnPanic() {
	if r := recover(); r != nil {
		if _, ok := r.(failure); ok {
			panic(r)
		}
		fail("error calling function: %v", r)
	}
}

func indirectValue(v reflect.Value) (reflect.Value, bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

// isTrue is text/template's truth.
func isTrue(v reflect.Value) (truth, ok bool) {
	if !v.IsValid() {
		return false, true
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0, true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0, true
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !v.IsNil(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0, true
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0, true
	case reflect.Struct:
		return true, true
	}
	return false, false
}

// sortedKeys are a map's keys in text/template's order, for the keys this
// package sorts: strings and ints.
func sortedKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	switch m.Type().Key().Kind() {
	case reflect.String:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.Int(), b.Int()) })
	default:
		unsupported("range over a map keyed by %s", m.Type().Key())
	}
	return keys
}
