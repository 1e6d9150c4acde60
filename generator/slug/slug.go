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

// Reserved reports whether Windows refuses s as a file or folder name,
// with or without an extension: con, prn, aux, nul, com0–com9 and
// lpt0–lpt9. A site built from a page called nul.md could not be copied
// to, or served from, a Windows disk.
func Reserved(s string) bool {
	switch strings.ToLower(s) {
	case "con", "prn", "aux", "nul":
		return true
	}
	if len(s) == 4 && s[3] >= '0' && s[3] <= '9' {
		switch strings.ToLower(s[:3]) {
		case "com", "lpt":
			return true
		}
	}
	return false
}
