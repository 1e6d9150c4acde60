package pdf

import "regexp"

// Numbers written in digit groups, as Norwegian writes phone numbers
// (800 800 40, 22 33 44 55) and large amounts (177 000, 1 200 000), must
// not break across lines: a reader copying "800" from the end of one line
// and "800 40" from the next dials the wrong number. The spaces between
// the groups are glue for the line breaker, though they are drawn (and
// copied) as ordinary spaces.

// digitRun matches digits separated by single spaces; digitGroups says
// whether such a run is one number in groups: one to three digits, then
// groups of two or three. Years ("2022 2023") and rows of figures
// ("1 2 3") are not one number.
var (
	digitRun    = regexp.MustCompile(`\d+(?: \d+)+`)
	digitGroups = regexp.MustCompile(`^\d{1,3}(?: \d{2,3})+$`)
)

// maxGlued bounds a glued number, so a long row of figures still breaks.
const maxGlued = 20

// A gluePos is a space in runs[run].text at byte off that must not break.
type gluePos struct{ run, off int }

// glueSpaces returns the spaces in runs that join the digit groups of one
// number, in order, or nil. A number may span runs of the same paragraph
// (part of it bold, say); a hard break or an image ends it.
func glueSpaces(runs []run) []gluePos {
	if !mayGlue(runs) {
		return nil
	}
	// The paragraph's text, with a separator for breaks and images, and
	// where each run starts in it.
	var all []byte
	starts := make([]int, len(runs))
	for i := range runs {
		starts[i] = len(all)
		if runs[i].brk || runs[i].img != nil {
			all = append(all, 0)
			continue
		}
		all = append(all, runs[i].text...)
	}
	var glue []gluePos
	r := 0
	for _, m := range digitRun.FindAllIndex(all, -1) {
		a, b := m[0], m[1]
		if b-a > maxGlued || !digitGroups.Match(all[a:b]) || decimal(all, a-2, a-1) || decimal(all, b+1, b) {
			continue // a row of figures, or times and decimals: 19.00 20.30
		}
		for p := a; p < b; p++ {
			if all[p] != ' ' {
				continue
			}
			for r+1 < len(runs) && starts[r+1] <= p {
				r++
			}
			glue = append(glue, gluePos{r, p - starts[r]})
		}
	}
	return glue
}

// mayGlue reports, cheaply, whether any run has a digit, a space and a
// digit in a row, or ends or starts with a digit next to a space (a
// number split between runs). Most paragraphs have neither.
func mayGlue(runs []run) bool {
	for i := range runs {
		s := runs[i].text
		for j := 0; j < len(s); j++ {
			if s[j] != ' ' {
				continue
			}
			before := j > 0 && isDigit(s[j-1]) || j == 0 && i > 0
			after := j+1 < len(s) && isDigit(s[j+1]) || j+1 == len(s)
			if before && after {
				return true
			}
		}
	}
	return false
}

// decimal reports whether all[sep] is a decimal point or separator with a
// digit at all[digit] beyond it.
func decimal(all []byte, digit, sep int) bool {
	return digit >= 0 && digit < len(all) && sep >= 0 && sep < len(all) &&
		(all[sep] == '.' || all[sep] == ',' || all[sep] == ':') && isDigit(all[digit])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
