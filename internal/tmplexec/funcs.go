package tmplexec

import (
	"cmp"
	"fmt"
	"html/template"
	"reflect"
	"text/template/parse"
	"time"
)

// function compiles a call of a named function: the set's own, which hide
// text/template's builtins of the same name as in text/template, or a
// builtin.
func (f *frame) function(name string, args []parse.Node, hasFinal bool) cmd {
	if fn, ok := f.c.funcs[name]; ok {
		return f.call(fn, args, hasFinal, f.c.direct[name])
	}
	if fn, ok := printFuncs[name]; ok {
		return f.call(fn, args, hasFinal, nil)
	}
	if b, ok := builtins[name]; ok {
		exprs := make([]expr, len(args))
		for i, a := range args {
			exprs[i] = f.arg(a, nil)
		}
		return func(s *state, dot reflect.Value, fp int, final reflect.Value) reflect.Value {
			return b(operands{s: s, dot: dot, fp: fp, exprs: exprs, final: final, hasFinal: hasFinal})
		}
	}
	unsupported("function %q", name)
	return nil
}

// printFuncs are text/template's print builtins: plain Go functions.
var printFuncs = map[string]reflect.Value{
	"print":   reflect.ValueOf(fmt.Sprint),
	"printf":  reflect.ValueOf(fmt.Sprintf),
	"println": reflect.ValueOf(fmt.Sprintln),
}

// call compiles a call of fn, whose parameter types are known now: the
// literal arguments are converted once, here. direct, when not nil, is fn
// to call without reflection.
func (f *frame) call(fn reflect.Value, args []parse.Node, hasFinal bool, direct *Direct) cmd {
	typ := fn.Type()
	numIn := len(args)
	if hasFinal {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			unsupported("too few arguments")
		}
	} else if numIn != typ.NumIn() {
		unsupported("wrong number of arguments")
	}
	if !goodResults(typ) {
		unsupported("function of %d results", typ.NumOut())
	}
	exprs := make([]expr, len(args))
	for i, a := range args {
		if i < numFixed {
			exprs[i] = f.arg(a, typ.In(i))
		} else {
			exprs[i] = f.arg(a, typ.In(typ.NumIn()-1).Elem())
		}
	}
	var finalType reflect.Type
	if hasFinal {
		finalType = typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				finalType = typ.In(numIn - 1)
			} else {
				finalType = finalType.Elem()
			}
		}
	}
	if s, ok := fn.Interface().(func(string) string); ok && numIn == 1 {
		return stringFunc(s, exprs, finalType)
	}
	if t, ok := fn.Interface().(func(time.Time) string); ok && numIn == 1 {
		return timeFunc(t, exprs, finalType)
	}
	if c := htmlFunc(fn, exprs, hasFinal); c != nil {
		return c
	}
	if direct != nil && numIn == 1 {
		d := *direct
		return func(s *state, dot reflect.Value, fp int, final reflect.Value) reflect.Value {
			return directResult(d, onlyArg(s, dot, fp, final, exprs, finalType))
		}
	}
	return func(s *state, dot reflect.Value, fp int, final reflect.Value) reflect.Value {
		argv := make([]reflect.Value, numIn)
		for i, e := range exprs {
			argv[i] = e(s, dot, fp)
		}
		if hasFinal {
			argv[numIn-1] = validateType(final, finalType)
		}
		return call(fn, argv)
	}
}

// stringFunc calls a func(string) string without reflection: most of a
// site's functions (URLs, words) are.
func stringFunc(fn func(string) string, exprs []expr, finalType reflect.Type) cmd {
	return func(s *state, dot reflect.Value, fp int, final reflect.Value) (v reflect.Value) {
		arg := onlyArg(s, dot, fp, final, exprs, finalType)
		defer failOnPanic()
		return reflect.ValueOf(fn(arg.String()))
	}
}

// timeFunc calls a func(time.Time) string without reflection: the date
// and time formats are, and a list calls them for every item it shows.
func timeFunc(fn func(time.Time) string, exprs []expr, finalType reflect.Type) cmd {
	return func(s *state, dot reflect.Value, fp int, final reflect.Value) (v reflect.Value) {
		arg := onlyArg(s, dot, fp, final, exprs, finalType)
		defer failOnPanic()
		return reflect.ValueOf(fn(timeOf(arg)))
	}
}

// onlyArg is the argument of a function of one: written after its name,
// or the pipeline's value before it.
func onlyArg(s *state, dot reflect.Value, fp int, final reflect.Value, exprs []expr, finalType reflect.Type) reflect.Value {
	if len(exprs) == 1 {
		return exprs[0](s, dot, fp)
	}
	return validateType(final, finalType)
}

// timeOf is the time.Time in v, taken by its address when it has one,
// which spares copying it into an interface.
func timeOf(v reflect.Value) time.Time {
	if v.CanAddr() {
		return *v.Addr().Interface().(*time.Time)
	}
	return v.Interface().(time.Time)
}

// htmlFunc calls, without reflection, the two kinds of function that
// return ready HTML for a name and a value (and variants): a page's card
// and a cached fragment, called many times on every page. It returns nil
// for any other function, and for a call that takes a pipeline's value.
func htmlFunc(fn reflect.Value, exprs []expr, hasFinal bool) cmd {
	if hasFinal || len(exprs) < 2 {
		return nil
	}
	switch f := fn.Interface().(type) {
	case func(string, any) (template.HTML, error):
		return func(s *state, dot reflect.Value, fp int, final reflect.Value) reflect.Value {
			name, data := exprs[0](s, dot, fp).String(), valueOf(exprs[1](s, dot, fp))
			return htmlResult(func() (template.HTML, error) { return f(name, data) })
		}
	case func(string, any, ...string) (template.HTML, error):
		return func(s *state, dot reflect.Value, fp int, final reflect.Value) reflect.Value {
			name, data := exprs[0](s, dot, fp).String(), valueOf(exprs[1](s, dot, fp))
			variants := make([]string, len(exprs)-2)
			for i, e := range exprs[2:] {
				variants[i] = e(s, dot, fp).String()
			}
			return htmlResult(func() (template.HTML, error) { return f(name, data, variants...) })
		}
	}
	return nil
}

// htmlResult calls call, and fails on an error or a panic as the
// reflective call does.
func htmlResult(call func() (template.HTML, error)) (v reflect.Value) {
	defer failOnPanic()
	h, err := call()
	if err != nil {
		fail("error calling function: %w", err)
	}
	return reflect.ValueOf(h)
}

// valueOf is v as an argument of type any: nil for a missing value.
func valueOf(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	return v.Interface()
}

// operands are a builtin's arguments, evaluated as it asks: and and or
// stop at the first that decides.
type operands struct {
	s        *state
	dot      reflect.Value
	fp       int
	exprs    []expr
	final    reflect.Value
	hasFinal bool
}

func (o operands) len() int {
	if o.hasFinal {
		return len(o.exprs) + 1
	}
	return len(o.exprs)
}

// at evaluates the i-th argument. text/template refuses a missing value
// for a builtin's reflect.Value parameter; so does this, and lets it say
// so.
func (o operands) at(i int) reflect.Value {
	var v reflect.Value
	if i < len(o.exprs) {
		v = o.exprs[i](o.s, o.dot, o.fp)
	} else {
		v = o.final
	}
	if !v.IsValid() {
		unsupported("invalid value as a builtin's argument")
	}
	return v
}

var (
	trueValue  = reflect.ValueOf(true)
	falseValue = reflect.ValueOf(false)
)

func boolValue(b bool) reflect.Value {
	if b {
		return trueValue
	}
	return falseValue
}

// builtins are text/template's, for the arguments whose results are
// plain; any other case is refused (and left to html/template).
var builtins = map[string]func(operands) reflect.Value{
	"and": func(o operands) reflect.Value { return andOr(o, false) },
	"or":  func(o operands) reflect.Value { return andOr(o, true) },
	"not": func(o operands) reflect.Value {
		if o.len() != 1 {
			unsupported("not takes one argument")
		}
		return boolValue(!truth(o.at(0)))
	},
	"eq": func(o operands) reflect.Value {
		if o.len() < 2 {
			unsupported("eq takes two or more arguments")
		}
		a := o.at(0)
		for i := 1; i < o.len(); i++ {
			if compare(a, o.at(i), true) == 0 {
				return trueValue
			}
		}
		return falseValue
	},
	"ne": func(o operands) reflect.Value { return boolValue(compare2(o, true) != 0) },
	"lt": func(o operands) reflect.Value { return boolValue(compare2(o, false) < 0) },
	"le": func(o operands) reflect.Value { return boolValue(compare2(o, false) <= 0) },
	"gt": func(o operands) reflect.Value { return boolValue(compare2(o, false) > 0) },
	"ge": func(o operands) reflect.Value { return boolValue(compare2(o, false) >= 0) },
	"len": func(o operands) reflect.Value {
		if o.len() != 1 {
			unsupported("len takes one argument")
		}
		v, isNil := indirectValue(o.at(0))
		if isNil {
			unsupported("len of nil pointer")
		}
		switch v.Kind() {
		case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
			return reflect.ValueOf(v.Len())
		}
		unsupported("len of %s", v.Kind())
		return reflect.Value{}
	},
	"index": index,
}

// andOr returns the first argument that decides, or the last, as
// text/template's and and or.
func andOr(o operands, isOr bool) reflect.Value {
	if o.len() < 1 {
		unsupported("and/or without arguments")
	}
	var v reflect.Value
	for i := range o.len() {
		v = o.at(i)
		if truth(v) == isOr {
			break
		}
	}
	return v
}

func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

func compare2(o operands, equality bool) int {
	if o.len() != 2 {
		unsupported("comparison takes two arguments")
	}
	return compare(o.at(0), o.at(1), equality)
}

// compare orders two values of the same basic kind (booleans only for
// equality). text/template compares more (integers of either sign,
// pointers for eq); those are left to it.
func compare(a, b reflect.Value, equality bool) int {
	a, b = indirectInterface(a), indirectInterface(b)
	if equality && a.Kind() == reflect.Pointer && b.Kind() == reflect.Pointer {
		// text/template compares them as interfaces: the same type and
		// address, or both nil.
		if a.IsNil() || b.IsNil() {
			return boolCompare(a.IsNil() == b.IsNil())
		}
		return boolCompare(a.Type() == b.Type() && a.Pointer() == b.Pointer())
	}
	ka, kb := basicKind(a.Kind()), basicKind(b.Kind())
	if ka != kb || ka == reflect.Invalid {
		unsupported("comparing %s with %s", a.Kind(), b.Kind())
	}
	switch ka {
	case reflect.Bool:
		if !equality {
			unsupported("ordering booleans")
		}
		return boolCompare(a.Bool() == b.Bool())
	case reflect.Int:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.Float64:
		x, y := a.Float(), b.Float()
		if x != x || y != y {
			unsupported("comparing NaN")
		}
		return cmp.Compare(x, y)
	}
	return cmp.Compare(a.String(), b.String())
}

// boolCompare is compare's result for equal or not.
func boolCompare(equal bool) int {
	if equal {
		return 0
	}
	return 1
}

// basicKind folds the sizes of a kind: Int for every signed integer, and
// so on; Invalid for what is not a basic kind.
func basicKind(k reflect.Kind) reflect.Kind {
	switch k {
	case reflect.Bool, reflect.String:
		return k
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return reflect.Int
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return reflect.Uint
	case reflect.Float32, reflect.Float64:
		return reflect.Float64
	}
	return reflect.Invalid
}

// index is text/template's for slices, arrays, strings and maps.
func index(o operands) reflect.Value {
	if o.len() < 1 {
		unsupported("index without arguments")
	}
	item := indirectInterface(o.at(0))
	for i := 1; i < o.len(); i++ {
		ix := indirectInterface(o.at(i))
		var isNil bool
		if item, isNil = indirectValue(item); isNil {
			unsupported("index of nil pointer")
		}
		switch item.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			var x int64
			switch basicKind(ix.Kind()) {
			case reflect.Int:
				x = ix.Int()
			case reflect.Uint:
				x = int64(ix.Uint())
			default:
				unsupported("index of type %s", ix.Type())
			}
			if x < 0 || x >= int64(item.Len()) {
				unsupported("index out of range: %d", x)
			}
			item = item.Index(int(x))
		case reflect.Map:
			if !ix.Type().AssignableTo(item.Type().Key()) {
				unsupported("map key of type %s", ix.Type())
			}
			if v := item.MapIndex(ix); v.IsValid() {
				item = v
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			unsupported("can't index item of type %s", item.Type())
		}
	}
	return item
}
