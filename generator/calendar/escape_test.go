package calendar

import (
	"bufio"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscapeText(t *testing.T) {
	tests := map[string]string{
		"Kafé":                   "Kafé",
		`a\b`:                    `a\\b`,
		"te, kaffe; vafler":      `te\, kaffe\; vafler`,
		"linje 1\nlinje 2":       `linje 1\nlinje 2`,
		"linje 1\r\nlinje 2\rx":  `linje 1\nlinje 2\nx`,
		"tab\tok, \x00bell\x07":  "tab\tok\\, bell",
		"ugyldig \xff utf-8":     "ugyldig \uFFFD utf-8",
		"\u2028 linjeskift-tegn": "\u2028 linjeskift-tegn",
	}
	for in, want := range tests {
		if got := escapeText(in); got != want {
			t.Errorf("escapeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFold(t *testing.T) {
	for _, s := range []string{
		"",
		strings.Repeat("a", 74),
		strings.Repeat("a", 75),
		strings.Repeat("a", 76),
		strings.Repeat("ø", 100),
		"x" + strings.Repeat("å", 60),
		strings.Repeat("😀", 40),
	} {
		checkFold(t, "DESCRIPTION:"+s)
	}
}

func checkFold(t *testing.T, line string) {
	t.Helper()
	var b strings.Builder
	w := bufio.NewWriter(&b)
	lineWriter{w}.line(line)
	w.Flush()
	out := b.String()
	checkLines(t, out)
	if got := strings.TrimSuffix(unfold(out), "\r\n"); got != line {
		t.Errorf("unfolded %q, want %q", got, line)
	}
	// Folding splits at the last rune start that fits: every physical
	// line but the last is full, less at most 3 octets of a rune.
	parts := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	for _, p := range parts[:len(parts)-1] {
		if len(p) < maxLine-(utf8.UTFMax-1) {
			t.Errorf("line folded early: %d octets", len(p))
		}
	}
}

func FuzzFold(f *testing.F) {
	f.Add("Kafé; te, kaffe \\ og\nprat " + strings.Repeat("æøå", 40))
	f.Add(strings.Repeat("😀a", 50))
	f.Fuzz(func(t *testing.T, s string) {
		checkFold(t, "SUMMARY:"+escapeText(s))
	})
}
