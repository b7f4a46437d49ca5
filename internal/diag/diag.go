// Package diag collects problems found in a site's sources and reports them
// the way go/scanner.ErrorList does: every problem at once, sorted by file,
// line and column, one "path:line:col: severity: message" per line.
//
// A List is not safe for concurrent use; give each goroutine its own and
// Merge them when the work is done.
package diag

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Pos is a place in a source file. Line and Col are 1-based; zero means
// unknown, and the printed form leaves unknown parts out.
type Pos struct {
	File string // slash path relative to the site folder, e.g. content/verkostot/x.md
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return ""
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity tells whether a problem stops the build.
type Severity int

const (
	Error   Severity = iota // the build fails and writes nothing
	Warning                 // reported; the build goes on
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem at one place.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
}

func (d Diagnostic) String() string {
	if p := d.Pos.String(); p != "" {
		return p + ": " + d.Severity.String() + ": " + d.Msg
	}
	return d.Severity.String() + ": " + d.Msg
}

// List is a set of diagnostics. The zero value is ready to use.
type List []Diagnostic

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Merge appends all of other's diagnostics to l.
func (l *List) Merge(other List) { *l = append(*l, other...) }

// Sort orders the list by file, line, column, then message, and drops
// exact duplicates (two stages may find the same problem).
func (l *List) Sort() {
	slices.SortFunc(*l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	*l = slices.Compact(*l)
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	e, _ := l.Count()
	return e > 0
}

// Err returns the list as an error if it holds any errors, else nil.
func (l List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

// Error prints every diagnostic on its own line.
func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// Summary says how many errors and warnings there are, in English, for the
// last line of a report: "2 errors, 1 warning".
func (l List) Summary() string {
	e, w := l.Count()
	return plural(e, "error") + ", " + plural(w, "warning")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// jsonDiagnostic is how a diagnostic looks to tools.
type jsonDiagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

// JSON returns the list for tools: every diagnostic with its file, line,
// column, severity and message, and the counts.
func (l List) JSON() []byte {
	out := struct {
		Diagnostics []jsonDiagnostic `json:"diagnostics"`
		Errors      int              `json:"errors"`
		Warnings    int              `json:"warnings"`
	}{Diagnostics: []jsonDiagnostic{}}
	for _, d := range l {
		out.Diagnostics = append(out.Diagnostics, jsonDiagnostic{d.Pos.File, d.Pos.Line, d.Pos.Col, d.Severity.String(), d.Msg})
	}
	out.Errors, out.Warnings = l.Count()
	b, _ := json.MarshalIndent(out, "", "  ") // cannot fail: strings and ints
	return append(b, '\n')
}
