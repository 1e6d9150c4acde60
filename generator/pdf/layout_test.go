package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/yuin/goldmark/ast"

	"moteplass/generator/site"
	"moteplass/themes"
)

// headingsKept checks a recorder log: a heading (its bookmark follows its
// text) must have text of the block after it on the same page.
func headingsKept(t *testing.T, log string) int {
	t.Helper()
	lines := strings.Split(log, "\n")
	n := 0
	for i, l := range lines {
		if !strings.HasPrefix(l, "bookmark 1 ") && !strings.HasPrefix(l, "bookmark 2 ") {
			continue
		}
		n++
		for _, next := range lines[i+1:] {
			if strings.HasPrefix(next, "page ") || strings.HasPrefix(next, "setpage ") || next == "" {
				t.Errorf("heading left alone at the bottom of a page: %s", l)
				break
			}
			if strings.HasPrefix(next, "text ") || strings.HasPrefix(next, "image ") {
				break
			}
		}
	}
	return n
}

// withinMargins checks a recorder log: text and images stay inside the
// text area, except the running header and footer.
func withinMargins(t *testing.T, log string) {
	t.Helper()
	bad := 0
	for _, l := range strings.Split(log, "\n") {
		var x, y float64
		switch {
		case strings.HasPrefix(l, "text "):
			fmt.Sscanf(l, "text %g,%g", &x, &y)
			if y == headerY || y == footerY {
				continue
			}
			if y < textTop || y > textBot || x < marginLeft-0.05 {
				t.Errorf("text outside the text area: %s", l)
				bad++
			}
		case strings.HasPrefix(l, "image "):
			var name, typ string
			var w, h float64
			fmt.Sscanf(l, "image %s %s %g,%g %gx%g", &name, &typ, &x, &y, &w, &h)
			if y+h > textBot+0.05 || x+w > pageW-marginRight+0.05 {
				t.Errorf("image outside the text area: %s", l)
				bad++
			}
		}
		if bad > 5 {
			return
		}
	}
}

// TestKeepWithNext moves a heading down the page paragraph by paragraph
// until it falls at the bottom, and checks it always moves to the next
// page together with the text after it.
func TestKeepWithNext(t *testing.T) {
	para := strings.Repeat("Ord som fyller en linje i et avsnitt om likepersoner. ", 3) + "\n\n"
	for n := 20; n <= 34; n++ {
		md := strings.Repeat(para, n) + "## Overskrift nederst\n\nTekst etter overskriften, to linjer lang. " + para +
			"## Overskrift før liste\n\n- punkt\n- punkt\n\n## Overskrift før tabell\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"
		rec := &recorder{}
		if _, err := NewHandbook(oneChapter("Kapittel", md), nil, Options{}).Draw(rec, Options{}); err != nil {
			t.Fatal(err)
		}
		if got := headingsKept(t, rec.b.String()); got != 3 {
			t.Fatalf("found %d headings", got)
		}
		withinMargins(t, rec.b.String())
	}
	hb, org, opt := bigHandbook(t)
	rec := &recorder{}
	if _, err := NewHandbook(hb, org, opt).Draw(rec, opt); err != nil {
		t.Fatal(err)
	}
	headingsKept(t, rec.b.String())
	withinMargins(t, rec.b.String())
}

// customNode is a node kind the Renderer does not know, as a future
// goldmark extension might add.
type customNode struct{ ast.BaseBlock }

var kindCustom = ast.NewNodeKind("Custom")

func (n *customNode) Kind() ast.NodeKind         { return kindCustom }
func (n *customNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// TestUnknownNodeKind: a kind without a function prints its text and
// warns, rather than vanishing as goldmark would let it.
func TestUnknownNodeKind(t *testing.T) {
	hb := oneChapter("Kapittel", "Før.\n\nEtter.\n")
	doc := hb.Chapters[0].Doc
	n := &customNode{}
	n.AppendChild(n, ast.NewString([]byte("Ukjent innhold")))
	doc.InsertAfter(doc, doc.FirstChild(), n)
	rec := &recorder{}
	warns, err := NewHandbook(hb, nil, Options{}).Draw(rec, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(warns.Error(), "01-kapittel.md: the PDF cannot show Markdown of kind Custom") {
		t.Errorf("no warning: %v", warns)
	}
	if !strings.Contains(rec.b.String(), `"Ukjent innhold"`) {
		t.Errorf("the text of the unknown node is missing")
	}
}

// TestSiteFonts: a site names its own fonts in site.toml; faces it does
// not name come from the theme.
func TestSiteFonts(t *testing.T) {
	mono, err := fs.ReadFile(themes.Default(), "fonts/NotoSansMono-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	siteFS := fstest.MapFS{"fonts/egen.ttf": {Data: mono}}
	fonts, err := LoadFonts(nil, siteFS, site.PDF{Regular: "fonts/egen.ttf"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fonts.faces[Regular].data, mono) || bytes.Equal(fonts.faces[Bold].data, mono) {
		t.Error("the site's font is not used for regular text only")
	}
	var b bytes.Buffer
	if _, err := Handbook(&b, oneChapter("Egen skrift", "Tekst med æøå.\n"), nil, Options{Fonts: fonts}); err != nil {
		t.Fatal(err)
	}
	_, err = LoadFonts(nil, siteFS, site.PDF{Bold: "fonts/mangler.ttf"})
	if err == nil || !strings.Contains(err.Error(), `site.toml: [pdf] bold = "fonts/mangler.ttf"`) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing font: %v", err)
	}
	_, err = LoadFonts(nil, fstest.MapFS{"x.ttf": {Data: []byte("not a font")}}, site.PDF{Mono: "x.ttf"})
	if err == nil || !strings.Contains(err.Error(), "not a TrueType font") {
		t.Errorf("bad font: %v", err)
	}
}

// TestMetadata reads the document information with pdfinfo.
func TestMetadata(t *testing.T) {
	needPoppler(t)
	_, file := writeFixture(t)
	info := runTool(t, "pdfinfo", file)
	for _, want := range []string{
		"Title:           Håndbok for samtalegrupper",
		"Author:          Foreningen Mestring Sápmi",
		"Creator:         Møteplass",
		"Page size:       595.28 x 841.89 pts (A4)",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	data, _ := os.ReadFile(file)
	if !bytes.Contains(data, []byte("/Lang (nb)")) {
		t.Error("no /Lang (nb) in the catalog")
	}
}

// TestConcurrent renders in parallel with shared fonts, as a build does;
// run with -race.
func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	out := make([][]byte, 2)
	for i := range out {
		wg.Go(func() {
			var b bytes.Buffer
			if _, err := Handbook(&b, oneChapter("Samtidig", "Tekst *med* stil.\n\n| A |\n|---|\n| b |\n"), nil, Options{}); err != nil {
				t.Error(err)
			}
			out[i] = b.Bytes()
		})
	}
	wg.Wait()
	if !bytes.Equal(out[0], out[1]) {
		t.Error("parallel renders differ")
	}
}

func TestWords(t *testing.T) {
	w := WordsFrom(nil)
	if got := w.Date(time.Date(2024, 4, 15, 0, 0, 0, 0, time.UTC)); got != "15. april 2024" {
		t.Errorf("Date = %q", got)
	}
	if got := fill(w.Page, "n", "3", "total", "40"); got != "side 3 av 40" {
		t.Errorf("page = %q", got)
	}
}

// TestBookForReports builds a Book the way an evaluation report will: its
// own cover, a fact box and a drawing before the Markdown, and a chapter
// title too long for the running header.
func TestBookForReports(t *testing.T) {
	long := "Et kapittel med en tittel som er altfor lang til å få plass i den løpende toppteksten på hver side"
	b := &Book{
		Meta:   Metadata{Title: "Sluttrapport", Author: "Foreningen", Lang: "nb"},
		Footer: "Foreningen",
		Cover: func(f *Flow) {
			f.MoveTo(90)
			f.Paragraph("Sluttrapport for prosjektet", styleCoverTitle)
		},
		Contents: "Innhold",
		Chapters: []Chapter{
			{Title: "Nøkkeltall", Numbered: true, Before: func(f *Flow) {
				f.FactBox("Om prosjektet", []Fact{{"Prosjektperiode", "2022–2024"}, {"Bevilgning", "1 200 000 kr"}, {"Nådd", "412 av 400 (103 %)"}})
				y := f.Reserve(30)
				f.Canvas().Rect(f.X(), y, f.Width(), 30, "D") // a chart's frame
				f.Advance(30)
			}, File: ptr(chapterFile("content/reports/x/index.md", "## Funn\n\nTekst etter faktaboksen.\n"))},
			{Title: long, Numbered: true},
		},
	}
	rec := &recorder{m: newMetrics(DefaultFonts())}
	if _, err := b.Draw(rec, Options{}); err != nil {
		t.Fatal(err)
	}
	log := rec.b.String()
	withinMargins(t, log)
	box := strings.Index(log, `"Om prosjektet"`)
	body := strings.Index(log, `"Tekst etter faktaboksen."`)
	if box < 0 || body < box || !strings.Contains(log, `"412 av 400 (103 %)"`) {
		t.Errorf("fact box missing or after the Markdown:\n%s", log)
	}
	if !strings.Contains(log, `bookmark 1 "1.1 Funn"`) || !strings.Contains(log, "…\"") {
		t.Errorf("no section bookmark, or the long title was not shortened in the header:\n%s", log)
	}
	for _, o := range rec.overflow {
		t.Errorf("overflow: %s", o)
	}
	if *outDir != "" {
		var buf bytes.Buffer
		if _, err := b.Write(&buf, Options{}); err != nil {
			t.Fatal(err)
		}
		keep(t, "rapport.pdf", buf.Bytes())
	}
}

func ptr[T any](v T) *T { return &v }
