package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzTerms feeds any text to the tokeniser, folding and stemming that
// index every document and every query, as text and as a body's HTML
// (htmlText): no panic, and every word is one the index can store (2–40
// characters, valid UTF-8, its stem a prefix).
func FuzzTerms(f *testing.F) {
	for _, s := range []string{
		"Pårørende-gruppe for unge (16–30 år) i Ålesund!",
		"Kárášjohka Čáhppes đ ŋ ŧ ž İstanbul ﬁne Straße",
		"emoji 😀inni 𝐀𝐁𝐂 \u202eevil\u202c",
		"<script>alert(1)</script> {{.Site}} javascript:x",
		"aaaaaaaa æææ øøø ååå kjørte hetslov",
		"\xff\xfe ugyldig utf-8 \xc3",
		`<p>fri<em>villig</em> <img alt="&quot;kart&quot;" src=x> <!-- a > b --> <a role="doc-noteref">1</a> <b`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, text := range []string{s, htmlText(s)} {
			fuzzWords(t, text)
		}
	})
}

func fuzzWords(t *testing.T, s string) {
	words(s, func(w string) {
		if n := utf8.RuneCountInString(w); n < minWord || n > maxWord {
			t.Fatalf("word %q has %d characters", w, n)
		}
		if stopWords[w] {
			return
		}
		tm := newTerm(w)
		if !utf8.ValidString(tm.word) || tm.stemLen > len(tm.word) || !strings.HasPrefix(tm.word, tm.word[:tm.stemLen]) {
			t.Fatalf("%q gives term %+v", w, tm)
		}
	})
}
