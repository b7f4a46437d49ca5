package render

import (
	"strings"
	"testing"
)

// TestBodiesFirst holds the one-shot render's order: the pages that show
// a body first, then the others, each group in the order it had.
func TestBodiesFirst(t *testing.T) {
	tests := []struct {
		name string
		in   string // a job per letter: upper case shows a body
		want string
	}{
		{"none", "", ""},
		{"bodies only", "ABC", "ABC"},
		{"lists only", "abc", "abc"},
		{"lists first", "abcDEF", "DEFabc"},
		{"mixed", "aBcDeF", "BDFace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var run []job
			for _, c := range tt.in {
				v := &View{URL: string(c)}
				if strings.ToUpper(string(c)) == string(c) {
					v.Content = "<p>x</p>"
				}
				run = append(run, job{view: v})
			}
			bodiesFirst(run)
			var got strings.Builder
			for _, j := range run {
				got.WriteString(j.view.URL)
			}
			if got.String() != tt.want {
				t.Errorf("bodiesFirst(%q) = %q, want %q", tt.in, got.String(), tt.want)
			}
		})
	}
}
