package pdf

import (
	"bytes"
	"fmt"
	"image/color"
	"strings"
	"testing"
	"testing/fstest"

	"moteplass/generator/content"
)

// bigHandbook generates a handbook of about 100 pages using every node
// kind: 14 chapters of sections with paragraphs, lists, task lists,
// quotes, code, tables, images and footnotes.
func bigHandbook(tb testing.TB) (*content.Handbook, *content.Organisation, Options) {
	dir := "content/handbooks/stor"
	fsys := fstest.MapFS{
		dir + "/figur.png":               {Data: testPNG(tb, 600, 340, color.NRGBA{0x0b, 0x5d, 0x66, 0xff})},
		"content/organisations/logo.png": {Data: testPNG(tb, 300, 100, color.NRGBA{0x0b, 0x5d, 0x66, 0xff})},
	}
	hb := &content.Handbook{Title: "Stor håndbok for likepersoner", Subtitle: "Generert for måling",
		Version: "2.0", Date: content.Date{Year: 2024, Month: 4, Day: 15}, Authors: []string{"Ola Nordmann"},
		File: chapterFile(dir+"/index.md", "Forord med **fet** tekst og en [lenke](01-kapittel.md).\n")}
	para := "Likepersoner møtes *jevnlig* for å dele **erfaringer**, og gruppa er et trygt sted der alle blir hørt. " +
		"Vi sier \"velkommen\" -- og mener det... Les mer på https://example.org eller i `kapittel 3`. " +
		"Den som leder gruppa, passer på at ~~alle~~ hver enkelt får ordet, og at det som blir sagt i rommet, blir i rommet. "
	for c := 1; c <= 14; c++ {
		var b strings.Builder
		for s := 1; s <= 4; s++ {
			fmt.Fprintf(&b, "## Del %d av kapittel %d\n\n", s, c)
			for p := 0; p < 3; p++ {
				b.WriteString(strings.Repeat(para, 2+p) + "\n\n")
			}
			fmt.Fprintf(&b, "### Praktiske råd %d.%d\n\n", c, s)
			b.WriteString("1. Kom i god tid.\n2. Hils på alle.\n   - Si navnet ditt.\n   - Spør hvordan det går.\n3. Avslutt presis.\n\n")
			b.WriteString("- [x] Rommet er booket\n- [ ] Kaffe er kjøpt\n\n")
			b.WriteString("> Det viktigste er at noen lytter. Da kjenner jeg at jeg ikke er alene med det.\n\n")
			if s%2 == 0 {
				b.WriteString("| Uke | Tema | Ansvarlig |\n|----:|------|:---------:|\n")
				for w := 1; w <= 8; w++ {
					fmt.Fprintf(&b, "| %d | Samtale om mestring, håp og hverdagen med en lengre beskrivelse | Kari |\n", w)
				}
				b.WriteString("\n")
			} else {
				b.WriteString("```\nagenda:\n  - velkommen\n  - runde\n  - tema og samtale som varer en god stund før pausen\n```\n\n")
				b.WriteString("![Figur over deltakelse](figur.png)\n\n")
			}
			fmt.Fprintf(&b, "Dette avsnittet har en fotnote.[^%d]\n\n", s)
		}
		b.WriteString("---\n\nSe også [neste kapittel](" + fmt.Sprintf("%02d-kapittel.md", c%14+1) + "#del-1-av-kapittel-1).\n\n")
		for s := 1; s <= 4; s++ {
			fmt.Fprintf(&b, "[^%d]: Kilde nummer %d, *Helsedirektoratet*.\n", s, s)
		}
		hb.Chapters = append(hb.Chapters, &content.HandbookChapter{Title: fmt.Sprintf("Kapittel om tema %d", c),
			Summary: "Et sammendrag av kapittelet.", File: chapterFile(fmt.Sprintf("%s/%02d-kapittel.md", dir, c), b.String()), Handbook: hb})
	}
	org := &content.Organisation{Title: "Foreningen Mestring", Logo: "logo.png", File: content.File{Path: "content/organisations/mestring.md"}}
	return hb, org, Options{FS: fsys, HTMLURL: "https://example.org/handboker/stor/"}
}

func BenchmarkHandbook100Pages(b *testing.B) {
	hb, org, opt := bigHandbook(b)
	DefaultFonts() // loaded once per process, as in a build
	var pages int
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		warns, err := Handbook(&buf, hb, org, opt)
		if err != nil || len(warns) > 0 {
			b.Fatal(err, warns)
		}
		size = buf.Len()
		pages = bytes.Count(buf.Bytes(), []byte("/Type /Page\n"))
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(size)/1024, "KiB")
}

// TestBigHandbook renders the benchmark's handbook once: it must fill
// about 100 pages and come out the same twice.
func TestBigHandbook(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	hb, org, opt := bigHandbook(t)
	var a, b bytes.Buffer
	if _, err := Handbook(&a, hb, org, opt); err != nil {
		t.Fatal(err)
	}
	if _, err := Handbook(&b, hb, org, opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders differ")
	}
	keep(t, "stor.pdf", a.Bytes())
	rec := &recorder{}
	if _, err := NewHandbook(hb, org, opt).Draw(rec, opt); err != nil {
		t.Fatal(err)
	}
	withinMargins(t, rec.b.String())
	if rec.pages < 90 || rec.pages > 130 {
		t.Errorf("%d pages; the benchmark wants about 100", rec.pages)
	}
}
