package fi

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Slugify turns a title or file name into a URL segment: lowercase ASCII
// letters and digits joined by single hyphens, with ä→a, ö→o, å→a and other
// accents dropped, as keskisuomi.fi does. It returns "" when nothing usable
// is left.
func Slugify(s string) string {
	if slug, ok := slugifyFinnish(s); ok {
		return slug
	}
	return slugifyNFD(s)
}

// slugifyNFD is Slugify for any text: NFD splits an accented letter into
// its letter and its accents, which are dropped.
func slugifyNFD(s string) string {
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

// finnishLetters are the letters beyond ASCII that Finnish text holds, as
// slugifyNFD writes them.
var finnishLetters = map[rune]byte{
	'ä': 'a', 'Ä': 'a', 'å': 'a', 'Å': 'a', 'á': 'a', 'Á': 'a', 'à': 'a', 'â': 'a',
	'ö': 'o', 'Ö': 'o', 'ó': 'o', 'Ó': 'o', 'ô': 'o',
	'é': 'e', 'É': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'ü': 'u', 'Ü': 'u', 'ú': 'u', 'í': 'i', 'š': 's', 'Š': 's', 'ž': 'z', 'Ž': 'z',
}

// slugifyFinnish is Slugify without normalising, for text of ASCII and
// finnishLetters, punctuation and spaces: nearly every heading and title.
// ok is false for anything else. TestSlugifyFinnishIsNFD holds it to slugifyNFD.
func slugifyFinnish(s string) (string, bool) {
	b := make([]byte, 0, len(s))
	hyphen := false
	for _, r := range s {
		var c byte
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			c = byte(r)
		case r >= 'A' && r <= 'Z':
			c = byte(r) + 'a' - 'A'
		case r < utf8.RuneSelf:
			hyphen = true
			continue
		case unicode.IsPunct(r) || unicode.IsSpace(r): // – ” … and no-break spaces
			hyphen = true
			continue
		default:
			if c = finnishLetters[r]; c == 0 {
				return "", false
			}
		}
		if hyphen && len(b) > 0 {
			b = append(b, '-')
		}
		hyphen = false
		b = append(b, c)
	}
	return string(b), true
}

// IsSlug reports whether s is already a clean slug (Slugify(s) == s).
func IsSlug(s string) bool { return s != "" && Slugify(s) == s }
