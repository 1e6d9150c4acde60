package pdf

import (
	"strings"
	"testing"
)

func TestHTMLText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`<div class="boks">Rå <b>HTML</b>-tekst &amp; mer</div>`, "Rå HTML-tekst & mer"},
		{"<p>Første</p>\n<p>andre<br>tredje</p>", "Første andre tredje"},
		{"<table><tr><td>a</td><td>b</td></tr></table>", "a b"},
		{"<!-- bare en kommentar -->", ""},
		{`<script>alert("x")</script>`, ""},
		{"<style>p { color: red }</style><p>synlig</p>", "synlig"},
		{"<p>800&nbsp;800&nbsp;40</p>", "800\u00a0800\u00a040"},
		{"<details><summary>Mer</summary>Skjult  tekst</details>", "Mer Skjult tekst"},
	} {
		if got := htmlText([]byte(tt.in)); got != tt.want {
			t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestHTMLBlockText: a raw HTML block's words reach the PDF as a plain
// paragraph, with a warning at the block's file, while inline HTML keeps
// the text between its tags.
func TestHTMLBlockText(t *testing.T) {
	md := "Før.\n\n<div class=\"boks\">\n<p>Teksten i <b>blokken</b> kommer med.</p>\n</div>\n\nInline <span>HTML</span> beholder teksten.\n\n<!-- borte -->\n\nEtter.\n"
	hb := oneChapter("HTML", md)
	rec := &recorder{m: newMetrics(DefaultFonts())}
	warns, err := NewHandbook(hb, nil, Options{}).Draw(rec, Options{})
	if err != nil {
		t.Fatal(err)
	}
	log := rec.b.String()
	order := []string{`"Før."`, `"Teksten i blokken kommer med."`, `"Inline HTML beholder teksten."`, `"Etter."`}
	at := 0
	for _, w := range order {
		i := strings.Index(log[at:], w)
		if i < 0 {
			t.Fatalf("the PDF lacks %s after what came before:\n%s", w, log)
		}
		at += i
	}
	for _, gone := range []string{"<div", "<b>", "<span", "borte"} {
		if strings.Contains(log, gone) {
			t.Errorf("the PDF shows %q", gone)
		}
	}
	got := warns.Error()
	for _, w := range []string{
		"content/handbooks/test/01-kapittel.md: HTML is left out of the PDF; its text is printed as a plain paragraph",
		"content/handbooks/test/01-kapittel.md: HTML is left out of the PDF; write it in Markdown",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("warnings lack %q:\n%s", w, got)
		}
	}
}
