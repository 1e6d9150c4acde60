// Package slug turns Norwegian names into the ASCII words used in URLs and
// heading anchors: "Møre og Romsdal" becomes "more-og-romsdal".
package slug

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Make returns the URL slug of s: lower case ASCII letters and digits
// separated by single hyphens. æ becomes ae, ø becomes o, å becomes a (the
// spellings Norwegians use when a system has no æøå); other accents are
// dropped, so Sámi "Kárášjohka" becomes "karasjohka".
func Make(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for _, r := range norm.NFD.String(s) {
		r = unicode.ToLower(r)
		var out string
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			out = string(r)
		case unicode.Is(unicode.Mn, r):
			continue // a combining accent: keep the base letter only
		default:
			out = fold[r]
		}
		if out == "" {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(out)
	}
	return b.String()
}

// fold spells letters that do not decompose into ASCII plus accents.
var fold = map[rune]string{
	'æ': "ae", 'ø': "o", 'đ': "d", 'ŋ': "n", 'ŧ': "t", 'ß': "ss",
	'œ': "oe", 'ł': "l", 'þ': "th", 'ð': "d",
}

// Valid reports whether s is already a slug as Make would write it.
func Valid(s string) bool {
	return s != "" && Make(s) == s
}
