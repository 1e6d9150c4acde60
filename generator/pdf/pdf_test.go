package pdf

import (
	"bytes"
	"encoding/xml"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"moteplass/generator/content"
	"moteplass/generator/markdown"
)

// The tests in this file read the PDF back with poppler-utils (pdftotext,
// pdffonts, pdftohtml), as a reader's viewer would. Without poppler they
// are skipped on a developer's machine and fail in CI.
var outDir = flag.String("out", "", "also write the test PDFs into this folder, to look at them")

// keep writes pdf into -out, if given.
func keep(t testing.TB, name string, pdf []byte) {
	if *outDir != "" {
		if err := os.WriteFile(filepath.Join(*outDir, name), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func needPoppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdffonts", "pdftohtml"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing: install poppler-utils", tool)
			}
			t.Skipf("%s is missing (apt-get install poppler-utils)", tool)
		}
	}
}

// writeFixture renders testdata/handbook.txtar as a PDF file.
func writeFixture(t *testing.T) (*fixture, string) {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/handbook.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fx := loadFixture(t, ar)
	var b bytes.Buffer
	if _, err := Handbook(&b, fx.hb, fx.org, fx.options()); err != nil {
		t.Fatal(err)
	}
	keep(t, "handbok.pdf", b.Bytes())
	file := filepath.Join(t.TempDir(), "handbok.pdf")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return fx, file
}

func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

func pageText(t *testing.T, file string, page int) string {
	p := strconv.Itoa(page)
	return runTool(t, "pdftotext", "-enc", "UTF-8", "-f", p, "-l", p, file, "-")
}

// TestTextAndContents checks what a reader sees: the title, Norwegian and
// Sámi letters intact, and every chapter in order on the page the table
// of contents gives.
func TestTextAndContents(t *testing.T) {
	needPoppler(t)
	fx, file := writeFixture(t)
	all := runTool(t, "pdftotext", "-enc", "UTF-8", file, "-")
	for _, want := range []string{fx.hb.Title, "æøå ÆØÅ áčđŋšŧž", "Áile Ŋuolla", "15. april 2024",
		"Tilgjengelig versjon: https://moteplass.example.org/handboker/samtalegrupper/", "«velkommen» – og mener det…"} {
		if !strings.Contains(all, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	pages := strings.Count(all, "\f")
	if !strings.Contains(pageText(t, file, pages), "side "+strconv.Itoa(pages)+" av "+strconv.Itoa(pages)) {
		t.Errorf("last page %d lacks its footer", pages)
	}

	toc := runTool(t, "pdftotext", "-enc", "UTF-8", "-layout", "-f", "3", "-l", "3", file, "-")
	if !strings.Contains(toc, "Innhold") {
		t.Fatalf("page 3 is not the table of contents:\n%s", toc)
	}
	prev := 0
	for i, c := range fx.hb.Chapters {
		num := strconv.Itoa(i + 1)
		re := regexp.MustCompile(`(?m)^\s*` + num + `\s+` + regexp.QuoteMeta(c.Title) + `[ .]*?(\d+)\s*$`)
		m := re.FindStringSubmatch(toc)
		if m == nil {
			t.Errorf("no line for chapter %s %q in the contents:\n%s", num, c.Title, toc)
			continue
		}
		page, _ := strconv.Atoi(m[1])
		if page <= prev {
			t.Errorf("chapter %q on page %d, not after page %d", c.Title, page, prev)
		}
		prev = page
		if text := pageText(t, file, page); !strings.Contains(text, c.Title) || !strings.Contains(text, "Kapittel "+num) {
			t.Errorf("page %d, given for chapter %q, shows:\n%s", page, c.Title, text)
		}
	}
}

// TestFontsEmbedded checks with pdffonts that every font is embedded and
// that the text faces are the ones configured.
func TestFontsEmbedded(t *testing.T) {
	needPoppler(t)
	_, file := writeFixture(t)
	out := runTool(t, "pdffonts", file)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type... encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
	for _, face := range []string{"utf8sans ", "utf8sansB ", "utf8sansI ", "utf8sansBI ", "utf8mono "} {
		if !strings.Contains(out, face) {
			t.Errorf("pdffonts lacks %s:\n%s", face, out)
		}
	}
}

// pdfXML is what pdftohtml -xml says about a PDF: its pages' text with
// links, and the outline.
type pdfXML struct {
	Pages []struct {
		Number int     `xml:"number,attr"`
		Width  float64 `xml:"width,attr"`
		Texts  []struct {
			Left  float64 `xml:"left,attr"`
			Inner string  `xml:",innerxml"`
		} `xml:"text"`
	} `xml:"page"`
	Outline outline `xml:"outline"`
}

type outline struct {
	Items []struct {
		Page  int    `xml:"page,attr"`
		Title string `xml:",chardata"`
	} `xml:"item"`
	Sub []outline `xml:"outline"`
}

func readXML(t *testing.T, file string) *pdfXML {
	out := runTool(t, "pdftohtml", "-xml", "-i", "-q", "-stdout", file)
	var x pdfXML
	if err := xml.Unmarshal([]byte(out), &x); err != nil {
		t.Fatalf("pdftohtml -xml: %v", err)
	}
	return &x
}

// TestOutlineAndLinks reads the outline (bookmarks) and the links of the
// table of contents with pdftohtml -xml, which lists the outline with the
// page each entry opens. Titles must keep their æøå: fpdf writes them as
// UTF-16 only with a UTF-8 font selected.
func TestOutlineAndLinks(t *testing.T) {
	needPoppler(t)
	fx, file := writeFixture(t)
	x := readXML(t, file)
	top := map[string]int{}
	for _, it := range x.Outline.Items {
		top[it.Title] = it.Page
	}
	for i, c := range fx.hb.Chapters {
		title := strconv.Itoa(i+1) + " " + c.Title
		page, ok := top[title]
		if !ok {
			t.Errorf("outline lacks %q; has %v", title, top)
			continue
		}
		if text := pageText(t, file, page); !strings.Contains(text, c.Title) {
			t.Errorf("outline entry %q opens page %d, which lacks the title", title, page)
		}
	}
	if top["Innhold"] != 3 || top["Forord"] != 4 {
		t.Errorf("outline: Innhold on %d, Forord on %d; want 3 and 4", top["Innhold"], top["Forord"])
	}
	var sections []string
	for _, s := range x.Outline.Sub {
		for _, it := range s.Items {
			sections = append(sections, it.Title)
		}
	}
	if want := "1.2 Hvordan bruke håndboken"; !contains(sections, want) {
		t.Errorf("outline sections %q lack %q", sections, want)
	}

	// Every entry of the table of contents links to the page it names.
	link := regexp.MustCompile(`<a href="[^"#]*#(\d+)">(?:<b>)?([^<]*)`)
	checked := 0
	for _, p := range x.Pages {
		if p.Number != 3 {
			continue
		}
		for _, tx := range p.Texts {
			m := link.FindStringSubmatch(tx.Inner)
			if m == nil {
				continue
			}
			to, _ := strconv.Atoi(m[1])
			label := strings.TrimSpace(m[2])
			// Page numbers stand at the right; chapter numbers left.
			if n, err := strconv.Atoi(label); err == nil && tx.Left > p.Width/2 && n != to {
				t.Errorf("contents: page number %d links to page %d", n, to)
			}
			checked++
		}
	}
	if checked < 2*len(fx.hb.Chapters) {
		t.Errorf("found %d links in the contents", checked)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestReproducible renders twice and wants the same bytes, with the
// handbook's date, not the clock's, as creation date.
func TestReproducible(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/handbook.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fx := loadFixture(t, ar)
	var a, b bytes.Buffer
	if _, err := Handbook(&a, fx.hb, fx.org, fx.options()); err != nil {
		t.Fatal(err)
	}
	if _, err := Handbook(&b, fx.hb, fx.org, fx.options()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two renders of the same handbook differ")
	}
	if !bytes.Contains(a.Bytes(), []byte("D:20240415000000")) {
		t.Error("creation date is not the handbook's date")
	}
}

// chapterFile parses md as a chapter at path p.
func chapterFile(p, md string) content.File {
	src := []byte(md)
	return content.File{Path: p, Body: src, Doc: markdown.New(markdown.Options{}).Parse(src)}
}

func oneChapter(title, md string) *content.Handbook {
	hb := &content.Handbook{Title: "Test", Date: content.Date{Year: 2024, Month: 4, Day: 15},
		File: content.File{Path: "content/handbooks/test/index.md"}}
	hb.Chapters = []*content.HandbookChapter{{Title: title, File: chapterFile("content/handbooks/test/01-kapittel.md", md), Handbook: hb}}
	return hb
}

// TestEmojiFallback: fpdf panics at output on characters outside the
// Basic Multilingual Plane. They must print as a visible replacement and
// be reported with the file.
func TestEmojiFallback(t *testing.T) {
	hb := oneChapter("Smil 😀", "Hei 😀 og 👩‍👩‍👧 og flagg 🇳🇴.\n\n| A |\n|---|\n| 🎉 |\n\n```\nkode 🐍\n```\n\n# Tittel 🚀\n")
	hb.Title, hb.Subtitle = "Håndbok 📘", "Med \xff ugyldig UTF-8"
	var b bytes.Buffer
	warns, err := Handbook(&b, hb, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := warns.Error()
	for _, want := range []string{
		`content/handbooks/test/01-kapittel.md: emoji "😀" cannot be shown`,
		`emoji "👩‍👩‍👧"`, `emoji "🎉"`, `emoji "🐍"`, `emoji "🚀"`,
		`content/handbooks/test/index.md: emoji "📘" cannot be shown`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %q:\n%s", want, got)
		}
	}
	if b.Len() == 0 {
		t.Fatal("no PDF")
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		file := filepath.Join(t.TempDir(), "emoji.pdf")
		os.WriteFile(file, b.Bytes(), 0o644)
		text := runTool(t, "pdftotext", "-enc", "UTF-8", file, "-")
		if !strings.Contains(text, "Hei "+Fallback+" og "+Fallback+" og flagg "+Fallback+".") {
			t.Errorf("fallback not shown:\n%s", text)
		}
	}
}

// TestGlyphs: the fonts cover Norwegian and Sámi letters and the
// typographer's punctuation in every face.
func TestGlyphs(t *testing.T) {
	m := newMetrics(DefaultFonts())
	for f := range numFaces {
		for _, r := range "æøåÆØÅáčđŋšŧžÁČĐŊŠŦŽ«»‘’–—…" + Fallback {
			if !m.has(f, r) {
				t.Errorf("%s lacks %q", f, r)
			}
		}
	}
}

// TestLongParagraph: a paragraph of 20 000 words is broken into lines
// here, not by fpdf's MultiCell, so it takes time in proportion to its
// length. No timing assert; the log shows the figure.
func TestLongParagraph(t *testing.T) {
	words := strings.Repeat("likepersoner møtes jevnlig for å dele erfaringer, ", 2500)
	hb := oneChapter("Langt", words)
	start := time.Now()
	rec := &recorder{}
	if _, err := NewHandbook(hb, nil, Options{}).Draw(rec, Options{}); err != nil {
		t.Fatal(err)
	}
	t.Logf("20 000 words laid out in %v over %d pages", time.Since(start), rec.pages)
	if rec.pages < 20 {
		t.Errorf("%d pages for 20 000 words", rec.pages)
	}
}

// TestOutlineWithoutCover: with no cover, the first bookmarks are made
// before any text is drawn. fpdf encodes a title as UTF-16 only when a
// UTF-8 font is selected, so without care "Første" would come out mangled.
func TestOutlineWithoutCover(t *testing.T) {
	needPoppler(t)
	b := &Book{
		Meta:     Metadata{Title: "Bok", Created: time.Date(2024, 4, 15, 0, 0, 0, 0, time.UTC)},
		Contents: "Innhold på én side",
		Chapters: []Chapter{{Title: "Første kapittel: æøå áčđŋšŧž", Numbered: true}},
	}
	var buf bytes.Buffer
	if _, err := b.Write(&buf, Options{}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "bok.pdf")
	os.WriteFile(file, buf.Bytes(), 0o644)
	x := readXML(t, file)
	var got []string
	for _, it := range x.Outline.Items {
		got = append(got, it.Title)
	}
	if want := []string{"Innhold på én side", "1 Første kapittel: æøå áčđŋšŧž"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("outline %q, want %q", got, want)
	}
}
