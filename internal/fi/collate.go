package fi

import (
	"bytes"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Collation puts strings in Finnish alphabetical order — a … z å ä ö, case
// and accents secondary; an undetermined language would sort ä with a,
// which is wrong — or another language's (NewCollationIn), and remembers each string's sort key, so that one
// Collation sorts the many lists of a build cheaply. It is not safe for
// concurrent use.
type Collation struct {
	c    *collate.Collator
	buf  collate.Buffer
	keys map[string][]byte
}

// NewCollation returns an empty Collation.
func NewCollation() *Collation {
	return &Collation{c: collate.New(language.Finnish, collate.Loose), keys: map[string][]byte{}}
}

// Key returns s's sort key: comparing keys bytewise orders the strings.
func (c *Collation) Key(s string) []byte {
	if k, ok := c.keys[s]; ok {
		return k
	}
	k := slices.Clone(c.c.KeyFromString(&c.buf, s))
	c.buf.Reset()
	c.keys[s] = k
	return k
}

// Compare compares two strings in Finnish order.
func (c *Collation) Compare(a, b string) int { return bytes.Compare(c.Key(a), c.Key(b)) }

// SortBy sorts items in Finnish order of key(item), stably. Each item's
// sort key is found once, not at every comparison.
func SortBy[T any](c *Collation, items []T, key func(T) string) { SortByAfter(c, items, nil, key) }

// SortByAfter sorts items by first, and the items that first finds equal
// (all of them when first is nil) in Finnish order of key(item), stably:
// one sort where a stable sort by name and another by first would take
// two, and neither needs a stable sort's extra log n.
func SortByAfter[T any](c *Collation, items []T, first func(a, b T) int, key func(T) string) {
	if len(items) < 2 {
		return
	}
	type keyed struct {
		k []byte
		i int // the item's place before sorting, for stability
		v T
	}
	ks := make([]keyed, len(items))
	for i, it := range items {
		ks[i] = keyed{c.Key(key(it)), i, it}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if first != nil {
			if o := first(a.v, b.v); o != 0 {
				return o
			}
		}
		if o := bytes.Compare(a.k, b.k); o != 0 {
			return o
		}
		return a.i - b.i
	})
	for i := range ks {
		items[i] = ks[i].v
	}
}

// Compare compares two strings in Finnish alphabetical order.
func Compare(a, b string) int { return NewCollation().Compare(a, b) }

// SortFunc sorts items in Finnish alphabetical order of key(item), stably.
func SortFunc[T any](items []T, key func(T) string) { SortBy(NewCollation(), items, key) }

// Strings sorts s in Finnish alphabetical order.
func Strings(s []string) { SortFunc(s, func(x string) string { return x }) }

// NewCollationIn returns an empty Collation in the alphabetical order of
// language tag: Swedish, like Finnish, puts å, ä and ö after z; English
// sorts ä with a.
func NewCollationIn(tag language.Tag) *Collation {
	return &Collation{c: collate.New(tag, collate.Loose), keys: map[string][]byte{}}
}
