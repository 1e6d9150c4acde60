package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark/ast"

	"moteplass/generator/markdown"
)

// TestAwkwardInput feeds what editors write that is hard to lay out: a
// URL longer than a line, a table row taller than a page, tabs in code,
// images the PDF cannot embed as they are, an empty list item. Nothing may
// run outside the margins, and the real PDF writer must accept it all.
func TestAwkwardInput(t *testing.T) {
	long := "https://example.org/" + strings.Repeat("en-veldig-lang-adresse-uten-mellomrom/", 8)
	tall := strings.Repeat("Mange ord i en celle som aldri tar slutt. ", 140)
	md := "Se " + long + " for mer.\n\n" +
		"Ord" + strings.Repeat("ogord", 60) + " slutt.\n\n" +
		"```\n\tinnrykk med tabulator\n\t\tto\n" + strings.Repeat("x", 300) + "\n```\n\n" +
		"-\n- punkt\n\n" +
		"Tekst [x] som ikke er en oppgave.\n\n" +
		"[Aktiviteter](../../aktiviteter/kafe.md) og [om oss](/om/).\n\n" +
		"| Kort | Lang |\n|---|---|\n| a | " + tall + " |\n| b | c |\n\n" +
		"![Seksten biter](seksten.png)\n\n![Sammenflettet](flettet.png)\n\n![Gif](bilde.gif)\n\n" +
		"![Vektor](tegning.svg)\n\n![Fra nettet](https://example.org/bilde.png)\n"
	hb := oneChapter("Vanskelig", md)
	// The resolver (package content) records where a site link is
	// published; do its job here for the activity link.
	ast.Walk(hb.Chapters[0].Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering && strings.HasSuffix(string(l.Destination), "kafe.md") {
			l.SetAttributeString(markdown.AttrHref, "/aktiviteter/kafe/")
		}
		return ast.WalkContinue, nil
	})
	dir := "content/handbooks/test/"
	fsys := fstest.MapFS{
		dir + "seksten.png": {Data: png16(t)},
		dir + "flettet.png": {Data: interlacedPNG},
		dir + "bilde.gif":   {Data: gifImage(t)},
		dir + "tegning.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
	}
	opt := Options{FS: fsys, URL: func(p string) string { return "https://moteplass.example.org" + p }}

	rec := &recorder{m: newMetrics(DefaultFonts())}
	warns, err := NewHandbook(hb, nil, opt).Draw(rec, opt)
	if err != nil {
		t.Fatal(err)
	}
	log := rec.b.String()
	withinMargins(t, log)
	for _, o := range rec.overflow {
		t.Errorf("text runs into the right margin: %s", o)
	}
	for _, want := range []string{
		"-> https://moteplass.example.org/aktiviteter/kafe/", "-> https://moteplass.example.org/om/",
		`"    innrykk med tabulator"`, "image " + dir + "seksten.png PNG", "image " + dir + "flettet.png PNG",
		"image " + dir + "bilde.gif GIF", `"[Bilde: Vektor]"`, `"Tekst [x] som ikke er en oppgave."`,
	} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %s", want)
		}
	}
	for _, want := range []string{"tegning.svg is not a PNG, JPEG or GIF", "https://example.org/bilde.png is on the web"} {
		if !strings.Contains(warns.Error(), want) {
			t.Errorf("warnings lack %q:\n%v", want, warns)
		}
	}
	// The tall row is split over pages, each with the header row.
	if n := strings.Count(log, `"Kort"`); n < 2 {
		t.Errorf("header row drawn %d times; the tall row should take it over a page break", n)
	}

	var b bytes.Buffer
	if _, err := Handbook(&b, hb, nil, opt); err != nil {
		t.Fatalf("the PDF writer refused: %v", err)
	}
}

// png16 makes a PNG with 16 bits per channel, which fpdf cannot read.
func png16(t *testing.T) []byte {
	img := image.NewNRGBA64(image.Rect(0, 0, 40, 30))
	for y := range 30 {
		for x := range 40 {
			img.SetNRGBA64(x, y, color.NRGBA64{uint16(x * 1600), 0x8000, uint16(y * 2000), 0xffff})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if b.Bytes()[24] != 16 {
		t.Fatal("not a 16-bit PNG")
	}
	return b.Bytes()
}

func gifImage(t *testing.T) []byte {
	img := image.NewPaletted(image.Rect(0, 0, 30, 20), []color.Color{color.White, color.NRGBA{0x0b, 0x5d, 0x66, 0xff}})
	for x := range 30 {
		img.SetColorIndex(x, x*20/30, 1)
	}
	var b bytes.Buffer
	if err := gif.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// interlacedPNG is an 8×8 Adam7-interlaced PNG (Go cannot write one).
var interlacedPNG = []byte("" +
	"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x08\x00\x00\x00\x08" +
	"\x08\x02\x00\x00\x01\x3c\x6a\x19\x4a\x00\x00\x00\x8c\x49\x44\x41\x54\x78\xda\x0d\x8c\x31\x11\x00" +
	"\x21\x0c\x04\xbf\x47\x04\x22\x10\x81\x08\x66\x5b\xda\x54\x51\x10\x1c\xa4\x48\x8f\x03\x1c\xe0\x00" +
	"\x4b\x9f\xe2\x8a\x9d\xbd\xbb\xaf\x30\xbf\x91\x29\xec\xc1\xfe\x1a\xd3\x92\x1a\xdb\x92\x0a\xab\xb1" +
	"\x06\xcb\x58\x09\xb7\x71\x07\xd7\xb8\x5f\x65\x76\xa6\x30\x23\xdb\x95\xd5\x59\xc2\x8a\xac\x55\x76" +
	"\x67\x0b\x3b\xf2\xa0\x72\x3b\x57\xb8\x91\x9b\x82\x56\xb4\xa1\x1d\x1d\xa8\xa0\x86\x06\x9a\xc2\x2b" +
	"\xde\xf0\x8e\x0f\x5c\x70\xc3\x03\x4f\x71\x2a\xa7\x71\x3a\x67\x70\x84\x63\x9c\xe0\xa4\x78\x95\xd7" +
	"\x78\x9d\x37\x78\xc2\x33\x5e\xf0\x7e\xfb\xd7\x52\x21\x42\x4a\x89\x3e\x00\x00\x00\x00\x49\x45\x4e" +
	"\x44\xae\x42\x60\x82")
