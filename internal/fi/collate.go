package fi

import (
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// newCollator returns a Finnish collator: a … z å ä ö, case and accents
// secondary. An undetermined language would sort ä with a, which is wrong.
// A Collator is not safe for concurrent use, so each sort makes its own.
func newCollator() *collate.Collator {
	return collate.New(language.Finnish, collate.Loose)
}

// Compare compares two strings in Finnish alphabetical order.
func Compare(a, b string) int { return newCollator().CompareString(a, b) }

// SortFunc sorts items in Finnish alphabetical order of key(item), stably.
func SortFunc[T any](items []T, key func(T) string) {
	c := newCollator()
	var buf collate.Buffer
	keys := make(map[string][]byte, len(items))
	for _, it := range items {
		k := key(it)
		if _, ok := keys[k]; !ok {
			keys[k] = slices.Clone(c.KeyFromString(&buf, k))
			buf.Reset()
		}
	}
	slices.SortStableFunc(items, func(x, y T) int {
		return compareBytes(keys[key(x)], keys[key(y)])
	})
}

// Strings sorts s in Finnish alphabetical order.
func Strings(s []string) { SortFunc(s, func(x string) string { return x }) }

func compareBytes(a, b []byte) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}
