package markdown

import (
	"regexp"
	"testing"
)

// unsafeHTML finds what must never come out of Markdown in safe mode: a
// script element, an event handler attribute, or a link or image whose
// URL could run code.
var unsafeHTML = regexp.MustCompile(`(?i)<script|<iframe|<object|<embed|\son[a-z]+\s*=|(href|src)="\s*(javascript|vbscript|data):`)

// FuzzHTML renders any text: no panic, and nothing executable in the
// output however the text tries.
func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		"# Tittel\n\nTekst med *vekt* og [lenke](https://example.org).",
		"<script>alert(1)</script>",
		`[x](javascript:alert(1)) ![y](data:text/html,<script>) <img src=x onerror=alert(1)>`,
		"[x](JaVaScRiPt:alert(1)) [y](java&#x09;script:alert(1)) [z](&#106;avascript:alert(1))",
		"> > > dypt\n\n- - - liste\n\n```\nkode\n```\n\n[^1]\n\n[^1]: fotnote",
		"www.example.org og post@example.org",
	} {
		f.Add(s)
	}
	md := New(Options{})
	f.Fuzz(func(t *testing.T, src string) {
		out, err := md.HTML([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if m := unsafeHTML.Find(out); m != nil {
			t.Fatalf("unsafe output %q from %q:\n%s", m, src, out)
		}
	})
}
