package pdf

import (
	"slices"
	"strings"
	"testing"
)

// lineTexts returns the text of each broken line, with a space where the
// breaker left one between fragments.
func lineTexts(lines []line) []string {
	var out []string
	for _, l := range lines {
		var b strings.Builder
		for i, fr := range l.frags {
			if i > 0 {
				prev := l.frags[i-1]
				if fr.x > prev.x+prev.w+1e-6 {
					b.WriteByte(' ')
				}
			}
			b.WriteString(fr.text)
		}
		out = append(out, b.String())
	}
	return out
}

// TestPhoneNumbersStayTogether breaks a paragraph with phone numbers and
// an amount at every width from 30 to 120 mm: each number is always whole
// on one line, also when part of it is bold (a run of its own).
func TestPhoneNumbersStayTogether(t *testing.T) {
	m := newMetrics(DefaultFonts())
	cases := []struct {
		runs    []run
		numbers []string
	}{
		{[]run{{text: "Ring Hjelpelinjen for spilleavhengige på 800 800 40 eller legevakten på 116 117, eller les om de 177 000 spillerne på 22 33 44 55."}},
			[]string{"800 800 40", "116 117", "177 000", "22 33 44 55"}},
		{[]run{{text: "Ved akutt fare kan du ringe Hjelpelinjen for spilleavhengige på "}, {text: "800", flags: fBold}, {text: " 800 40 hele døgnet."}},
			[]string{"800 800 40"}},
		{[]run{{text: "Ved akutt fare kan du ringe Hjelpelinjen for spilleavhengige på "}, {text: "800 800 40", flags: fBold}, {text: " eller 116 123."}},
			[]string{"800 800 40", "116 123"}},
	}
	for _, c := range cases {
		broke := false
		for w := 30.0; w <= 120; w += 0.5 {
			lines := lineTexts(breakLines(m, c.runs, styleBody, w))
			if len(lines) > 1 {
				broke = true
			}
			for _, n := range c.numbers {
				if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, n) }) {
					t.Errorf("at %.1f mm, %q is broken: %q", w, n, lines)
				}
			}
		}
		if !broke {
			t.Errorf("%q never needed two lines: the test tests nothing", c.runs[0].text)
		}
	}
}

// TestDigitGlue checks which spaces are glue: those inside a number in
// groups, not those between years, inside a longer row of figures, or
// next to the words around the number.
func TestDigitGlue(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []int // byte offsets of glued spaces
	}{
		{"ring 800 800 40 nå", []int{8, 12}},
		{"1 200 000 kr", []int{1, 5}},
		{"fra 2022 til 2023", nil},
		{"årene 2022 2023 2024", nil},
		{"tallene 1 2 3 4 5 6 7 8 9 10 11 12", nil}, // a row of figures, not one number
		{"side 3 av 16", nil},
		{"kl. 19.00 20.30", nil},
		{"uten tall", nil},
	} {
		var got []int
		for _, g := range glueSpaces([]run{{text: tt.text}}) {
			got = append(got, g.off)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: glued spaces at %v, want %v", tt.text, got, tt.want)
		}
	}
	// A number split between runs, and a hard break that ends it.
	runs := []run{{text: "ring "}, {text: "800", flags: fBold}, {text: " 800 40"}, {brk: true}, {text: "12 34"}}
	want := []gluePos{{2, 0}, {2, 4}, {4, 2}}
	if got := glueSpaces(runs); !slices.Equal(got, want) {
		t.Errorf("across runs: %v, want %v", got, want)
	}
}
