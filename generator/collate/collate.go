// Package collate orders text the way Norwegians expect: a–z, then æ, ø,
// å, with ä sorting as æ, ö as ø and ü as y; other accents and case only
// break ties. golang.org/x/text/collate with the nb tag gets æøå wrong
// (golang/go#59908), so the order is spelled out here.
package collate

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Compare returns -1, 0 or +1 as a sorts before, with or after b.
func Compare(a, b string) int {
	if a == b {
		return 0
	}
	if c := slices.Compare(Key(a), Key(b)); c != 0 {
		return c
	}
	return Tie(a, b)
}

// Tie orders two texts with the same Key: accents, then case (lower case
// first), then bytes. Sorting many items, compare precomputed Keys and
// call Tie only when they are equal.
func Tie(a, b string) int {
	if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return strings.Compare(swapCase(a), swapCase(b))
}

func swapCase(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		return unicode.ToUpper(r)
	}, s)
}

// Less reports whether a sorts before b.
func Less(a, b string) bool { return Compare(a, b) < 0 }

// Key returns the primary sort weights of s: letters folded to their base
// and punctuation left out, so «Ikke sammen» sorts under I.
func Key(s string) []rune {
	key := make([]rune, 0, len(s))
	for _, r := range norm.NFC.String(s) {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z':
			key = append(key, 0x100+r)
		case r >= '0' && r <= '9':
			key = append(key, 0x10+r-'0')
		case unicode.IsSpace(r) || r == '-' || r == '–':
			// Word breaks sort before letters: "Oslo sør" before "Oslofjord".
			if len(key) > 0 && key[len(key)-1] != 1 {
				key = append(key, 1)
			}
		default:
			if w, ok := special[r]; ok {
				key = append(key, w)
				continue
			}
			if base := baseLetter(r); base != 0 {
				key = append(key, 0x100+base)
			} else if unicode.IsLetter(r) {
				key = append(key, 0x1000+r) // other scripts after å
			}
			// punctuation and symbols carry no weight
		}
	}
	if n := len(key); n > 0 && key[n-1] == 1 {
		key = key[:n-1]
	}
	return key
}

// Weights of the letters after z, and of letters Norwegian sorts as them.
const (
	ae = 0x100 + 'z' + 1 + iota
	oe
	aa
)

var special = map[rune]rune{
	'æ': ae, 'ä': ae, 'ø': oe, 'ö': oe, 'œ': oe, 'å': aa, 'ü': 0x100 + 'y',
	'đ': 0x100 + 'd', 'ŋ': 0x100 + 'n', 'ŧ': 0x100 + 't', 'ß': 0x100 + 's',
}

// baseLetter returns the a–z letter under an accented letter (é → e,
// č → c), or 0.
func baseLetter(r rune) rune {
	d := norm.NFD.String(string(r))
	if b := rune(d[0]); d != string(r) && b >= 'a' && b <= 'z' {
		return b
	}
	return 0
}
