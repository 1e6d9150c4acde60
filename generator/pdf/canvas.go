package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// A Canvas is what layout draws on: the few fpdf methods this package
// calls, in millimetres from the top left corner of an A4 page. The PDF
// writer implements it with fpdf; tests implement it with a recorder that
// logs every call, so a golden file shows what was drawn where.
//
// Text draws s with its baseline at y; s never holds characters the
// current font lacks (layout replaced them with Fallback). Links made by
// AddLink are numbered from 1. Image draws the image data (PNG or JPEG, as
// typ says) registered under name, once per name. SetDash sets the dash
// lengths of lines in mm (nil for solid); Polygon closes its points.
type Canvas interface {
	AddPage()
	SetPage(n int)
	PageCount() int
	SetFont(f Face, size float64)
	SetTextColor(c Color)
	SetDrawColor(c Color)
	SetFillColor(c Color)
	SetLineWidth(w float64)
	Text(x, y float64, s string)
	Line(x1, y1, x2, y2 float64)
	Rect(x, y, w, h float64, style string)
	Circle(x, y, r float64, style string)
	Polygon(pts []Point, style string)
	SetDash(dash []float64)
	AddLink() int
	SetLink(link int, y float64, page int)
	Link(x, y, w, h float64, link int)
	LinkString(x, y, w, h float64, url string)
	Bookmark(title string, level int, y float64)
	Image(name, typ string, data []byte, x, y, w, h float64)
}

// A Point is a position on the page, in mm from the top left corner.
type Point struct{ X, Y float64 }

// A Color is an sRGB colour.
type Color struct{ R, G, B uint8 }

func (c Color) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Metadata is what a PDF says about itself in its document information.
type Metadata struct {
	Title, Subject, Author, Keywords string
	Lang                             string    // e.g. "nb"
	Created                          time.Time // creation and modification date
}

// pdfCanvas is a Canvas on fpdf. It registers fonts with fpdf on first
// use, so a document embeds only the faces it uses, and it restores the
// font and colours after SetPage: fpdf writes them into the page being
// drawn, so going back to an earlier page would otherwise draw in the
// state left at the end of that page.
type pdfCanvas struct {
	f      *fpdf.Fpdf
	fonts  *Fonts
	added  [numFaces]bool
	face   Face
	size   float64
	fill   Color
	draw   Color
	text   Color
	lw     float64
	dash   []float64
	hasFnt bool
	images map[string]bool
}

func newPDFCanvas(fonts *Fonts, meta Metadata) *pdfCanvas {
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCellMargin(0)
	f.SetCatalogSort(true) // byte-identical output for the same input
	f.SetCreationDate(meta.Created)
	f.SetModificationDate(meta.Created)
	for _, set := range []struct {
		fn func(string, bool)
		s  string
	}{{f.SetTitle, meta.Title}, {f.SetSubject, meta.Subject}, {f.SetAuthor, meta.Author}, {f.SetKeywords, meta.Keywords}} {
		if set.s != "" {
			set.fn(bmp(set.s), true)
		}
	}
	f.SetCreator("Møteplass", true)
	f.SetProducer("Møteplass (fpdf)", true)
	if meta.Lang != "" {
		f.SetLang(meta.Lang)
	}
	f.SetDisplayMode("fullwidth", "OneColumn")
	return &pdfCanvas{f: f, fonts: fonts, images: map[string]bool{}, lw: 0.2}
}

func (c *pdfCanvas) AddPage() {
	c.f.AddPage()
	// fpdf carries font, colours and line width over to the new page.
}

func (c *pdfCanvas) SetPage(n int) {
	c.f.SetPage(n)
	// Restate the state in the page's content stream.
	if c.hasFnt {
		c.SetFont(c.face, c.size)
	}
	c.SetFillColor(c.fill)
	c.SetDrawColor(c.draw)
	c.SetTextColor(c.text)
	c.SetLineWidth(c.lw)
	c.SetDash(c.dash)
}

func (c *pdfCanvas) PageCount() int { return c.f.PageCount() }

func (c *pdfCanvas) SetFont(f Face, size float64) {
	if !c.added[f] {
		c.f.AddUTF8FontFromBytes(f.family(), f.style(), c.fonts.faces[f].data)
		c.added[f] = true
	}
	c.f.SetFont(f.family(), f.style(), size)
	c.face, c.size, c.hasFnt = f, size, true
}

func (c *pdfCanvas) SetTextColor(col Color) {
	c.text = col
	c.f.SetTextColor(int(col.R), int(col.G), int(col.B))
}

func (c *pdfCanvas) SetDrawColor(col Color) {
	c.draw = col
	c.f.SetDrawColor(int(col.R), int(col.G), int(col.B))
}

func (c *pdfCanvas) SetFillColor(col Color) {
	c.fill = col
	c.f.SetFillColor(int(col.R), int(col.G), int(col.B))
}

func (c *pdfCanvas) SetLineWidth(w float64) {
	c.lw = w
	c.f.SetLineWidth(w)
}

func (c *pdfCanvas) Text(x, y float64, s string)           { c.f.Text(x, y, s) }
func (c *pdfCanvas) Line(x1, y1, x2, y2 float64)           { c.f.Line(x1, y1, x2, y2) }
func (c *pdfCanvas) Rect(x, y, w, h float64, style string) { c.f.Rect(x, y, w, h, style) }
func (c *pdfCanvas) Circle(x, y, r float64, style string)  { c.f.Circle(x, y, r, style) }
func (c *pdfCanvas) SetDash(dash []float64) {
	c.dash = dash
	c.f.SetDashPattern(dash, 0)
}

func (c *pdfCanvas) Polygon(pts []Point, style string) {
	p := make([]fpdf.PointType, len(pts))
	for i, pt := range pts {
		p[i] = fpdf.PointType{X: pt.X, Y: pt.Y}
	}
	c.f.Polygon(p, style)
}

func (c *pdfCanvas) AddLink() int                              { return c.f.AddLink() }
func (c *pdfCanvas) SetLink(link int, y float64, page int)     { c.f.SetLink(link, y, page) }
func (c *pdfCanvas) Link(x, y, w, h float64, link int)         { c.f.Link(x, y, w, h, link) }
func (c *pdfCanvas) LinkString(x, y, w, h float64, url string) { c.f.LinkString(x, y, w, h, url) }

// Bookmark adds an outline entry. fpdf encodes the title as UTF-16 only
// while a UTF-8 font is selected, so one is selected first.
func (c *pdfCanvas) Bookmark(title string, level int, y float64) {
	if !c.hasFnt {
		c.SetFont(Regular, 10)
	}
	c.f.Bookmark(title, level, y)
}

func (c *pdfCanvas) Image(name, typ string, data []byte, x, y, w, h float64) {
	opt := fpdf.ImageOptions{ImageType: typ}
	if !c.images[name] {
		c.f.RegisterImageOptionsReader(name, opt, bytes.NewReader(data))
		c.images[name] = true
	}
	c.f.ImageOptions(name, x, y, w, h, false, opt, 0, "")
}

// output writes the PDF. fpdf writes pages up to the current one only,
// so the last page is selected first.
func (c *pdfCanvas) output(w io.Writer) error {
	c.f.SetPage(c.f.PageCount())
	if err := c.f.Error(); err != nil {
		return err
	}
	return c.f.Output(w)
}

// bmp replaces characters outside the Basic Multilingual Plane, and
// invalid UTF-8, by Fallback: fpdf's UTF-16 conversion of document
// information handles neither.
func bmp(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF || r == utf8.RuneError {
			return 0xFFFD
		}
		return r
	}, s)
}
