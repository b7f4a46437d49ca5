package load

import (
	"regexp"
	"testing"
)

// isKey and isRelated are the patterns references follow, without a regexp.
var (
	keyPattern     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	relatedPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$`)
)

func FuzzIsKey(f *testing.F) {
	for _, s := range []string{"", "a", "kirsi-mukkala", "-a", "a-", "a--b", "A", "ä", "a/b", "verkostot/x-1", "/a", "a/", "a/b/c", "a_b", "1-2-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isKey(s), keyPattern.MatchString(s); got != want {
			t.Errorf("isKey(%q) = %v, want %v", s, got, want)
		}
		if got, want := isRelated(s), relatedPattern.MatchString(s); got != want {
			t.Errorf("isRelated(%q) = %v, want %v", s, got, want)
		}
	})
}
