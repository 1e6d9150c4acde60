package pdf

import (
	"bytes"
	"testing"

	"moteplass/generator/content"
	"moteplass/generator/markdown"
)

// FuzzMarkdown lays out any Markdown as the one chapter of a handbook and
// writes it with the real PDF writer: no panic, no error, and a complete
// PDF file, whatever an editor types. Seeds and past crashers live in
// testdata/fuzz/FuzzMarkdown; run longer with
//
//	go test ./generator/pdf -run '^$' -fuzz '^FuzzMarkdown$' -fuzztime 1m
func FuzzMarkdown(f *testing.F) {
	for _, s := range []struct{ title, body string }{
		{"Velkommen", "# Tittel\n\nTekst med *vekt*, **fet**, `kode` og [lenke](https://example.org).\n"},
		{"Lister", "1. en\n2. to\n   - tre\n     - [x] fire\n\n> sitat\n> > i sitat\n"},
		{"Tabell", "| a | b |\n|:-|-:|\n| 1 | 2 |\n| lang celle med mange ord | 😀 |\n"},
		{"Kode", "```go\nfunc main() {\n\tprintln(\"hei\")\n}\n```\n\n    innrykket\n"},
		{"Fotnoter", "Tekst[^1] og mer[^x].\n\n[^1]: Kilde.\n[^x]: *Annen* kilde.\n"},
		{"Bilder", "![et bilde](bilde.png) ![fra nettet](https://example.org/x.png) ![](../../x.png)\n"},
		{"Ødelagt", "\xff\xfe\x00 <script>alert(1)</script> &#0; &amp; \u202e snudd\n"},
		{"", "---\n***\n# \n## ##\n######### for dypt\n"},
		{"Dyp", "> > > > > > > > > > > > > > > > > > > > dypt\n\n- - - - - - - - - - - - - - - liste\n"},
		{"Lang", "Ord" + string(bytes.Repeat([]byte("ogord"), 200)) + " slutt.\n"},
	} {
		f.Add(s.title, s.body)
	}
	md := markdown.New(markdown.Options{})
	fonts := DefaultFonts() // loaded once, as in a build
	f.Fuzz(func(t *testing.T, title, body string) {
		src := []byte(body)
		hb := &content.Handbook{Title: "Håndbok", Date: content.Date{Year: 2024, Month: 4, Day: 15},
			File: content.File{Path: "content/handbooks/fuzz/index.md"}}
		hb.Chapters = []*content.HandbookChapter{{Title: title, Handbook: hb,
			File: content.File{Path: "content/handbooks/fuzz/01-kapittel.md", Body: src, Doc: md.Parse(src)}}}
		var b bytes.Buffer
		if _, err := Handbook(&b, hb, nil, Options{Fonts: fonts}); err != nil {
			t.Fatalf("the PDF writer failed: %v\ntitle %q\nbody %q", err, title, body)
		}
		out := b.Bytes()
		if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.Contains(out[max(0, len(out)-64):], []byte("%%EOF")) {
			t.Fatalf("not a complete PDF (%d bytes)\ntitle %q\nbody %q", len(out), title, body)
		}
	})
}
