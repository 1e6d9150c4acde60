package markdown

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// unsafeHTML returns what must never come out of Markdown in safe mode,
// as a browser would read the output: a script, frame or plugin element,
// an event handler attribute, or a link or image whose URL could run
// code. Text that merely looks like an attribute ("0 onA=") is text.
func unsafeHTML(out []byte) string {
	z := html.NewTokenizer(bytes.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "iframe", "object", "embed", "style", "base", "form":
				return "<" + tok.Data + ">"
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") {
					return a.Key + "="
				}
				v := strings.ToLower(strings.Map(func(r rune) rune {
					if r <= ' ' {
						return -1 // browsers skip these inside a scheme
					}
					return r
				}, a.Val))
				if (a.Key == "href" || a.Key == "src") && (strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:")) {
					return a.Key + "=" + a.Val
				}
			}
		}
	}
}

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
		"0 onA=",
	} {
		f.Add(s)
	}
	md := New(Options{})
	f.Fuzz(func(t *testing.T, src string) {
		out, err := md.HTML([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if m := unsafeHTML(out); m != "" {
			t.Fatalf("unsafe output %q from %q:\n%s", m, src, out)
		}
	})
}

// TestUnsafeHTMLCatches makes sure the fuzz test's check sees what it
// must, and lets text be text.
func TestUnsafeHTMLCatches(t *testing.T) {
	for in, unsafe := range map[string]bool{
		`<p>0 onA=</p>`:                        false,
		`<p>&lt;script&gt;</p>`:                false,
		`<a href="https://example.org">x</a>`:  false,
		`<script>x</script>`:                   true,
		`<img src="x" onerror="alert(1)">`:     true,
		`<a href="java	script:alert(1)">x</a>`: true,
		`<a href=" JAVASCRIPT:x">x</a>`:        true,
		`<img src="data:image/png;base64,x">`:  true,
		`<iframe src="https://x"></iframe>`:    true,
	} {
		if got := unsafeHTML([]byte(in)) != ""; got != unsafe {
			t.Errorf("unsafeHTML(%s) = %v, want %v", in, got, unsafe)
		}
	}
}
