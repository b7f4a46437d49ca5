package tmplexec

import (
	"fmt"
	"reflect"
)

// A template calls a few small methods and functions on every page, many
// of them on every item of a list: IsHome, IsZero, kindName. Through
// reflect.Value.Call each costs more than its work, and allocates its
// arguments and results. A Direct is such a method or function given with
// its types, so that Execute calls it as Go code.

// Direct is a method of no arguments or a function of one that Execute
// calls without reflection. Make one with Method, Func or FuncErr.
type Direct struct {
	name string        // the method's name, or the function's in the FuncMap
	recv reflect.Type  // the method's receiver; nil for a function
	fn   reflect.Value // the method expression or the function
	call func(arg reflect.Value) (reflect.Value, error)
}

// Method is the method name of T, given as the method expression fn
// ((*model.Page).IsEvent). Compile checks that fn is that method.
func Method[T, R any](name string, fn func(T) R) Direct {
	mustBeConcrete[R](name)
	return Direct{name: name, recv: reflect.TypeFor[T](), fn: reflect.ValueOf(fn),
		call: func(recv reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(fn(recv.Interface().(T))), nil
		}}
}

// Func is the function name of the FuncMap, which must be fn itself.
func Func[A, R any](name string, fn func(A) R) Direct {
	mustBeConcrete[R](name)
	return Direct{name: name, fn: reflect.ValueOf(fn),
		call: func(a reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(fn(argOf[A](a))), nil
		}}
}

// FuncErr is Func for a function that may fail.
func FuncErr[A, R any](name string, fn func(A) (R, error)) Direct {
	mustBeConcrete[R](name)
	return Direct{name: name, fn: reflect.ValueOf(fn),
		call: func(a reflect.Value) (reflect.Value, error) {
			r, err := fn(argOf[A](a))
			return reflect.ValueOf(r), err
		}}
}

// argOf is a as an A: the zero A for a missing value, as reflection
// passes a nil interface.
func argOf[A any](a reflect.Value) A {
	if !a.IsValid() {
		var zero A
		return zero
	}
	v, _ := a.Interface().(A)
	return v
}

// mustBeConcrete refuses a result of interface type: reflect.ValueOf
// would give its dynamic type where a call gives the interface.
func mustBeConcrete[R any](name string) {
	if t := reflect.TypeFor[R](); t.Kind() == reflect.Interface || t == reflectValueType {
		panic(fmt.Sprintf("tmplexec: %s returns %s, which a Direct cannot", name, t))
	}
}

type methodKey struct {
	recv reflect.Type
	name string
}

// directs sorts the Directs Compile was given by function name and by
// method, and panics at one that is not what it claims: the receiver's
// method of that name, or the FuncMap's function. That is a bug in the
// caller, which its tests meet.
func directs(list []Direct, funcs map[string]reflect.Value) (map[string]*Direct, map[methodKey]*Direct) {
	byFunc, byMethod := map[string]*Direct{}, map[methodKey]*Direct{}
	for i := range list {
		d := &list[i]
		if d.recv != nil {
			m, ok := d.recv.MethodByName(d.name)
			if !ok || m.Func.Pointer() != d.fn.Pointer() {
				panic(fmt.Sprintf("tmplexec: Direct %s is not the method %s of %s", d.fn.Type(), d.name, d.recv))
			}
			byMethod[methodKey{d.recv, d.name}] = d
			continue
		}
		fn, ok := funcs[d.name]
		if !ok || fn.Pointer() != d.fn.Pointer() || fn.Type() != d.fn.Type() {
			panic(fmt.Sprintf("tmplexec: Direct %s is not the function %s", d.fn.Type(), d.name))
		}
		byFunc[d.name] = d
	}
	return byFunc, byMethod
}

// directResult is d's result, failing on an error or a panic as the
// reflective call does.
func directResult(d Direct, arg reflect.Value) (v reflect.Value) {
	defer failOnPanic()
	v, err := d.call(arg)
	if err != nil {
		fail("error calling %s: %w", d.name, err)
	}
	return v
}
