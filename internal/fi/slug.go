package fi

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slugify turns a title or file name into a URL segment: lowercase ASCII
// letters and digits joined by single hyphens, with ä→a, ö→o, å→a and other
// accents dropped, as keskisuomi.fi does. It returns "" when nothing usable
// is left.
func Slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// a combining accent left by NFD: ä is a + ¨, so drop the ¨
		case r == 'ß':
			b.WriteString("ss")
		default:
			hyphen = true
		}
	}
	return b.String()
}

// IsSlug reports whether s is already a clean slug (Slugify(s) == s).
func IsSlug(s string) bool { return s != "" && Slugify(s) == s }
