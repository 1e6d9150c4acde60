// Package suggest finds the word an editor probably meant, so an error can
// say `unknown key "titel"; did you mean "title"?`.
package suggest

import (
	"strings"
	"unicode/utf8"
)

// Nearest returns the candidate closest to word, or "" if none is close
// enough to be a plausible typo. Case and æøå spelled as ae/o/a are
// forgiven. Ties go to the earlier candidate.
func Nearest(word string, candidates []string) string {
	w := fold(word)
	best, bestDist := "", -1
	for _, c := range candidates {
		d := distance(w, fold(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	// Allow about one edit per three letters: "titel" → "title" (1),
	// "adresse" → "address" (2), but not "x" → "mode".
	limit := max(1, utf8.RuneCountInString(w)/3)
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// Hint returns `did you mean "x"?` for the nearest candidate, or, when
// nothing is near, a list of what is allowed.
func Hint(word string, candidates []string) string {
	if n := Nearest(word, candidates); n != "" {
		return `did you mean "` + n + `"?`
	}
	if len(candidates) > 0 && len(candidates) <= 20 {
		return "use one of: " + strings.Join(candidates, ", ")
	}
	return ""
}

func fold(s string) string {
	s = strings.ToLower(s)
	return strings.NewReplacer("æ", "ae", "ø", "o", "å", "a", "_", "-", " ", "-").Replace(s)
}

// distance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of two neighbours each cost one, so
// the common "titel" for "title" is one edit away.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
