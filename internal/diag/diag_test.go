package diag

import (
	"testing"

	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

func TestListSortAndPrint(t *testing.T) {
	var l List
	l.Errorf(Pos{File: "content/b.md", Line: 3, Col: 1}, "second file")
	l.Warnf(Pos{File: "content/a.md", Line: 10, Col: 2}, "later line")
	l.Errorf(Pos{File: "content/a.md", Line: 2, Col: 5}, "first")
	l.Errorf(Pos{File: "content/a.md", Line: 2, Col: 5}, "first") // duplicate
	l.Errorf(Pos{}, "no place")
	l.Sort()
	want := "error: no place\n" +
		"content/a.md:2:5: error: first\n" +
		"content/a.md:10:2: warning: later line\n" +
		"content/b.md:3:1: error: second file"
	if got := l.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := l.Summary(); got != "3 errors, 1 warning" {
		t.Errorf("Summary = %q", got)
	}
	if l.Err() == nil {
		t.Error("Err() = nil with errors present")
	}
}

func TestWarningsOnlyIsNotAnError(t *testing.T) {
	var l List
	l.Warnf(Pos{File: "x.md", Line: 1}, "w")
	if l.Err() != nil {
		t.Errorf("Err() = %v, want nil for warnings only", l.Err())
	}
}

func TestPosString(t *testing.T) {
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{}, ""},
		{Pos{File: "a.md"}, "a.md"},
		{Pos{File: "a.md", Line: 3}, "a.md:3"},
		{Pos{File: "a.md", Line: 3, Col: 7}, "a.md:3:7"},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	people := []string{"kirsi-mukkala", "heidi-kervinen", "kari-pirinen"}
	tests := []struct {
		name, want string
	}{
		{"kirsi-mukala", "kirsi-mukkala"},
		{"heidi-kervnien", "heidi-kervinen"}, // swapped letters
		{"KARI-PIRINEN", "kari-pirinen"},
		{"matti-makinen", ""},
		{"x", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Suggest(tt.name, people); got != tt.want {
				t.Errorf("Suggest(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"äiti", "aiti", 1},
		{"ab", "ba", 1},
		{"kitten", "sitting", 3},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestJSON(t *testing.T) {
	var l List
	l.Errorf(Pos{File: "content/a.md", Line: 2, Col: 5}, "first")
	l.Warnf(Pos{File: "content/b.md", Line: 1, Col: 1}, "second")
	want := `{
  "diagnostics": [
    {
      "file": "content/a.md",
      "line": 2,
      "column": 5,
      "severity": "error",
      "message": "first"
    },
    {
      "file": "content/b.md",
      "line": 1,
      "column": 1,
      "severity": "warning",
      "message": "second"
    }
  ],
  "errors": 1,
  "warnings": 1
}
`
	if got := string(l.JSON()); got != want {
		t.Errorf("got\n%s", got)
	}
	if got := string(List(nil).JSON()); got != "{\n  \"diagnostics\": [],\n  \"errors\": 0,\n  \"warnings\": 0\n}\n" {
		t.Errorf("empty: %s", got)
	}
}
