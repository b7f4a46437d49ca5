package meta

import (
	"context"
	"testing"

	"seutu/internal/diag"
	"seutu/internal/testwait"
)

// FuzzParse checks that no front matter makes the parsers panic or hang,
// and that every problem points into the file.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"title: X\ntags: [a, b]\nevent:\n  start: 2023-01-01T10:00\n",
		"a: &x [1, 2]\nb: *x\n",
		"title = \"X\"\n[event]\nstart = 2023-01-01T10:00\n[[documents]]\ntitle = \"A\"\n",
		"key = '''\nmulti\n'''\n",
		": :\n- [",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		// A hang would end in go test's -timeout panic, which does not
		// name the input: name it. Parsing takes microseconds, so the
		// limit is one step's (testwait.StepTimeout), which a busy machine
		// cannot reach. While fuzzing, Go's worker gives up on an input
		// after 10 s, sooner, and saves it as "fuzzing process hung".
		done := make(chan struct{})
		go func() {
			defer close(done)
			check(t, src)
		}()
		step, cancel := testwait.Step(testwait.Context(t))
		defer cancel()
		select {
		case <-done:
		case <-step.Done():
			t.Fatalf("parsing %q: %v", src, context.Cause(step))
		}
	})
}

// check parses src both ways and decodes every value; it runs on its own
// goroutine, so it reports with Errorf.
func check(t *testing.T, src []byte) {
	for _, parse := range []func([]byte, string, int) (*Value, diag.List){ParseYAML, ParseTOML} {
		v, diags := parse(src, "x.md", 2)
		for _, d := range diags {
			if d.Pos.File != "x.md" || d.Pos.Line < 2 {
				t.Errorf("diagnostic outside the file: %v", d)
				return
			}
		}
		if v != nil {
			var dec Decoder
			walk(v, func(v *Value) { dec.Text(v); dec.Moment(v); dec.Int(v); dec.Float(v) })
		}
	}
}

func walk(v *Value, fn func(*Value)) {
	fn(v)
	for _, it := range v.Items {
		walk(it, fn)
	}
	for _, f := range v.Fields {
		walk(f.Value, fn)
	}
}
