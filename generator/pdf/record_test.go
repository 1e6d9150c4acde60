package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// recorder is a Canvas that logs what is drawn, one call a line, with
// positions rounded to 0.1 mm, for golden tests.
type recorder struct {
	m        *metrics // if set, Text checks that text ends inside the margin
	overflow []string
	b        strings.Builder
	pages    int
	page     int
	links    int
	face     Face
	size     float64
	text     Color
	fill     Color
	draw     Color
	lw       float64
	dash     []float64
}

func (r *recorder) logf(format string, args ...any) {
	fmt.Fprintf(&r.b, format, args...)
	r.b.WriteByte('\n')
}

func mm(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	if s == "-0.0" {
		s = "0.0"
	}
	return s
}

func (r *recorder) AddPage() {
	r.pages++
	r.page = r.pages
	r.logf("page %d", r.page)
}

func (r *recorder) SetPage(n int) {
	if n != r.page {
		r.page = n
		r.logf("setpage %d", n)
	}
}

func (r *recorder) PageCount() int               { return r.pages }
func (r *recorder) SetFont(f Face, size float64) { r.face, r.size = f, size }
func (r *recorder) SetTextColor(c Color)         { r.text = c }
func (r *recorder) SetFillColor(c Color)         { r.fill = c }
func (r *recorder) SetDrawColor(c Color)         { r.draw = c }
func (r *recorder) SetLineWidth(w float64)       { r.lw = w }
func (r *recorder) AddLink() int                 { r.links++; return r.links }
func (r *recorder) Link(x, y, w, h float64, l int) {
	r.logf("link %s,%s %sx%s -> #%d", mm(x), mm(y), mm(w), mm(h), l)
}

func (r *recorder) Text(x, y float64, s string) {
	if r.m != nil && x+r.m.width(r.face, r.size, s) > pageW-marginRight+0.05 {
		r.overflow = append(r.overflow, fmt.Sprintf("page %d: %q at x %.1f", r.page, s, x))
	}
	r.logf("text %s,%s %s %s %s %q", mm(x), mm(y), r.face, strconv.FormatFloat(math.Round(r.size*100)/100, 'f', -1, 64), r.text, s)
}

func (r *recorder) Line(x1, y1, x2, y2 float64) {
	dash := ""
	if len(r.dash) > 0 {
		dash = fmt.Sprintf(" dash %v", r.dash)
	}
	r.logf("line %s,%s %s,%s w%.2f %s%s", mm(x1), mm(y1), mm(x2), mm(y2), r.lw, r.draw, dash)
}

func (r *recorder) Rect(x, y, w, h float64, style string) {
	r.logf("rect %s,%s %sx%s %s%s", mm(x), mm(y), mm(w), mm(h), style, r.colors(style))
}

func (r *recorder) Circle(x, y, rad float64, style string) {
	r.logf("circle %s,%s r%s %s%s", mm(x), mm(y), mm(rad), style, r.colors(style))
}

func (r *recorder) SetDash(d []float64) { r.dash = d }

func (r *recorder) Polygon(pts []Point, style string) {
	var b strings.Builder
	for i, p := range pts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(mm(p.X) + "," + mm(p.Y))
	}
	r.logf("polygon %s %s%s", b.String(), style, r.colors(style))
}

func (r *recorder) colors(style string) string {
	s := ""
	if strings.Contains(style, "F") {
		s += " fill " + r.fill.String()
	}
	if strings.Contains(style, "D") || style == "" {
		s += fmt.Sprintf(" draw %s w%.2f", r.draw, r.lw)
	}
	return s
}

func (r *recorder) SetLink(l int, y float64, page int) {
	r.logf("target #%d page %d y %s", l, page, mm(y))
}

func (r *recorder) LinkString(x, y, w, h float64, url string) {
	r.logf("link %s,%s %sx%s -> %s", mm(x), mm(y), mm(w), mm(h), url)
}

func (r *recorder) Bookmark(title string, level int, y float64) {
	r.logf("bookmark %d %q y %s", level, title, mm(y))
}

func (r *recorder) Image(name, typ string, data []byte, x, y, w, h float64) {
	r.logf("image %s %s %s,%s %sx%s", name, typ, mm(x), mm(y), mm(w), mm(h))
}
