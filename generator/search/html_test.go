package search

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"moteplass/generator/corpus"
	"moteplass/generator/markdown"
)

func TestHTMLText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<p>Kor for alle</p>\n<p>Neste</p>", "\nKor for alle\n\n\nNeste\n"},
		{"<p>fri<em>villig</em> <strong>arbeid</strong></p>", "\nfrivillig arbeid\n"},
		{"<h2 id=\"om\">Om oss</h2><ul><li>en</li><li>to</li></ul>", "\nOm oss\n\n\nen\n\nto\n\n"},
		{"<p>Barn &amp; unge &lt;16 &#229;r</p>", "\nBarn & unge <16 år\n"},
		{`<p>Se <img src="a.png" alt="kart over &quot;Bergen&quot;" loading="lazy">her</p>`, "\nSe kart over \"Bergen\"her\n"},
		{`<p>Tekst<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">12</a></sup> videre</p>`, "\nTekst videre\n"},
		{"<p>a<br>\nb</p>", "\na\n\nb\n"},
		{"<div>rå <b>html</b></div>", "\nrå html\n"},
		{"<script>var x = '<p>';</script><style>p{}</style>ord", "ord"},
		{"<!-- raw HTML omitted -->ord<!-- a > b -->", "ord"},
		{"<a href=\"/x\" title=\"a > b\">lenke</a>", "lenke"},
		{"3 < 4 <3 <", "3 < 4 <3 <"},
		{"før <p class=\"uavsluttet", "før \n"},
		{"<!-- uavsluttet", ""},
		{"<P>STORE</P>", "\nSTORE\n"},
	} {
		if got := htmlText(c.in); got != c.want {
			t.Errorf("htmlText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestHTMLTextMatchesTree checks that reading an activity's words from
// its HTML finds the words the syntax tree holds, on every file of the
// example site and of a generated one, and on Markdown that uses every
// kind of node.
func TestHTMLTextMatchesTree(t *testing.T) {
	srcs := []string{
		"# Tittel\n\nTekst med *uthevet*, **sterk**, `kode`, `a &amp; b`, ~~strøket~~ og [lenke](https://a.no \"tittel > x\").\n\n" +
			"- [x] gjort\n- [ ] ikke\n\n1. en\n2. to\n\n> sitat\n\n```\nkodeblokk <b>\n```\n\n    innrykket kode\n\n" +
			"| a | b |\n|---|---|\n| celle&amp;en | to |\n\n![alternativ tekst](bilde.png)\n\nFotnote[^1] her.\n\n[^1]: Forklaring.\n\n" +
			"<div>rå html</div>\n\nLinje  \nbrudd og <https://auto.no> og www.nett.no og a@b.no.\n\nTerm\n: Definisjon\n\n---\n\nSlutt &copy; ærøy",
	}
	for _, dir := range []string{"../../content", writeCorpus(t)} {
		n := len(srcs)
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
				data, _ := os.ReadFile(p)
				srcs = append(srcs, string(data))
			}
			return err
		})
		if len(srcs)-n < 30 {
			t.Fatalf("only %d files in %s", len(srcs)-n, dir)
		}
	}
	// Raw HTML is left out of both: a site that lets it through (unsafe)
	// has its text indexed from the HTML, as TestHTMLText shows.
	md := markdown.New(markdown.Options{})
	for _, src := range srcs {
		doc := md.Parse([]byte(src))
		h, err := md.HTML([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		want := wordList(markdown.PlainText(doc, []byte(src)))
		got := wordList(htmlText(string(h)))
		if !slices.Equal(got, want) {
			t.Errorf("%.60q:\nfrom the HTML %q\nfrom the tree %q", src, got, want)
		}
	}
}

func wordList(s string) []string {
	var l []string
	words(s, func(w string) { l = append(l, w) })
	return l
}

// writeCorpus writes a small generated site for the test.
func writeCorpus(t *testing.T) string {
	dir := t.TempDir()
	if err := corpus.Write(dir, 40, 1); err != nil {
		t.Fatal(err)
	}
	return dir
}
