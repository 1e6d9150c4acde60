package pdf

import (
	"strconv"

	"moteplass/generator/chart"
)

// Charts are drawn as vectors from the same chart.Layout the report page
// draws as SVG, so a bar is as high in print as on screen. Sizes here
// are in mm; the layout's font size is the labels' size in mm.

const chartFontPt = 7.5 // labels under and beside the plot, and values

// dashScale turns the styles' dash lengths, in SVG pixels, into mm.
const dashScale = 0.3

var (
	colAxis  = Color{0x1b, 0x1e, 0x21}
	colGrid  = Color{0xd4, 0xdb, 0xde}
	colHatch = Color{0x1f, 0x2a, 0x30}
)

// chartLayout lays out fig w by h mm with the PDF's font metrics.
func (f *Flow) chartLayout(fig chart.Figure, w, h float64, format func(float64) string) chart.Layout {
	return chart.New(fig, chart.Options{
		Width: w, Height: h, FontSize: ptToMM(chartFontPt), Format: format,
		Measure: func(s string) float64 { return f.m.width(Bold, chartFontPt, f.clean(Bold, s)) },
	})
}

// drawChart draws l with its top left corner at (x0, y0).
func (f *Flow) drawChart(l chart.Layout, x0, y0 float64) {
	at := func(x, y float64) (float64, float64) { return x0 + x, y0 + y }
	p := l.Plot
	fs := l.FontSize
	// Gridlines and the value axis with its tick labels.
	for _, t := range l.Ticks {
		x1, y := at(p.X, t.Y)
		f.rule(x1, y, x1+p.W, y, 0.15, colGrid)
		f.label(Regular, colMuted, t.Label, x1-fs*0.4, y+0.357*fs, alignRight)
	}
	if l.UnitLabel.Text != "" {
		x, y := at(l.UnitLabel.X, l.UnitLabel.Y)
		f.label(Italic, colMuted, l.UnitLabel.Text, x, y, alignLeft)
	}
	for _, b := range l.Bars {
		s := chart.SeriesStyle(b.Series)
		x, y := at(b.X, b.Y)
		f.bar(s, x, y, b.W, b.H)
		lx, ly := at(b.Label.X, b.Label.Y)
		f.label(Bold, colText, b.Label.Text, lx, ly, alignCenter)
	}
	for _, ln := range l.Lines {
		s := chart.SeriesStyle(ln.Series)
		f.drawColor(hexColor(s.Stroke))
		f.lineWidth(0.55)
		f.dash(s.Dash)
		for i := 1; i < len(ln.Points); i++ {
			a, b := ln.Points[i-1], ln.Points[i]
			x1, y1 := at(a.X, a.Y)
			x2, y2 := at(b.X, b.Y)
			f.c.Line(x1, y1, x2, y2)
		}
		f.c.SetDash(nil)
		for _, pt := range ln.Points {
			x, y := at(pt.X, pt.Y)
			f.marker(s, x, y)
			lx, ly := at(pt.Label.X, pt.Label.Y)
			f.label(Bold, colText, pt.Label.Text, lx, ly, alignCenter)
		}
	}
	// The category axis last, over the foot of the bars.
	x1, y := at(p.X, p.Y+p.H)
	f.rule(x1, y, x1+p.W, y, 0.3, colAxis)
	xa, ya := at(p.X, p.Y)
	f.rule(xa, ya, xa, y, 0.3, colAxis)
	for _, t := range l.XLabels {
		x, y := at(t.X, t.Y)
		f.label(Regular, colText, t.Text, x, y, alignCenter)
	}
	for _, it := range l.Legend {
		s := chart.SeriesStyle(it.Series)
		sx, sy := at(it.Swatch.X, it.Swatch.Y)
		if len(l.Lines) > 0 {
			f.drawColor(hexColor(s.Stroke))
			f.lineWidth(0.55)
			f.dash(s.Dash)
			f.c.Line(sx-fs*0.25, sy+it.Swatch.H/2, sx+it.Swatch.W+fs*0.1, sy+it.Swatch.H/2)
			f.c.SetDash(nil)
			f.marker(s, sx+it.Swatch.W/2, sy+it.Swatch.H/2)
		} else {
			f.bar(s, sx, sy, it.Swatch.W, it.Swatch.H)
		}
		tx, ty := at(it.Text.X, it.Text.Y)
		f.label(Regular, colText, it.Text.Text, tx, ty, alignLeft)
	}
}

// dash sets the dash of lines from a style; nil is solid.
func (f *Flow) dash(d []float64) {
	if len(d) == 0 {
		f.c.SetDash(nil)
		return
	}
	mm := make([]float64, len(d))
	for i, v := range d {
		mm[i] = v * dashScale
	}
	f.c.SetDash(mm)
}

// label draws s at the chart's font size, anchored at x as al says, on
// baseline y.
func (f *Flow) label(face Face, c Color, s string, x, y float64, al align) {
	s = f.clean(face, s)
	if s == "" {
		return
	}
	w := f.m.width(face, chartFontPt, s)
	switch al {
	case alignCenter:
		x -= w / 2
	case alignRight:
		x -= w
	}
	f.text(x, y, face, chartFontPt, c, s)
}

// bar fills a bar (or legend swatch) in the series' shade, hatches it if
// the style says so, and outlines it. A zero bar has no height and draws
// nothing: its value label stands on the axis.
func (f *Flow) bar(s chart.Style, x, y, w, h float64) {
	if h <= 0 || w <= 0 {
		return
	}
	f.fillColor(hexColor(s.Fill))
	f.c.Rect(x, y, w, h, "F")
	if s.Pattern {
		f.hatch(x, y, w, h)
	}
	f.drawColor(colAxis)
	f.lineWidth(0.15)
	f.c.Rect(x, y, w, h, "D")
}

// hatch draws diagonal lines (bottom left to top right) across a
// rectangle, clipped to it by hand: fpdf's clipping would cost a
// graphics state per bar.
func (f *Flow) hatch(x, y, w, h float64) {
	const step = 1.4
	f.drawColor(colHatch)
	f.lineWidth(0.2)
	// Lines x' + y' = k, for k from the top left corner to the bottom right.
	for k := x + y + step/2; k < x+w+y+h; k += step {
		x1 := max(x, k-(y+h))
		x2 := min(x+w, k-y)
		if x2-x1 < 0.05 {
			continue
		}
		f.c.Line(x1, k-x1, x2, k-x2)
	}
}

// marker draws a line point: a circle, square, diamond or triangle.
func (f *Flow) marker(s chart.Style, x, y float64) {
	const r = 1.1
	f.fillColor(hexColor(s.Stroke))
	switch s.Marker {
	case "square":
		f.c.Rect(x-r*0.9, y-r*0.9, 1.8*r, 1.8*r, "F")
	case "diamond":
		f.c.Polygon([]Point{{x, y - r*1.25}, {x + r*1.25, y}, {x, y + r*1.25}, {x - r*1.25, y}}, "F")
	case "triangle":
		f.c.Polygon([]Point{{x, y - r*1.3}, {x + r*1.2, y + r*0.9}, {x - r*1.2, y + r*0.9}}, "F")
	default:
		f.c.Circle(x, y, r, "F")
	}
}

// hexColor reads "#rrggbb"; anything else is the text colour.
func hexColor(s string) Color {
	if len(s) != 7 || s[0] != '#' {
		return colText
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return colText
	}
	return Color{uint8(v >> 16), uint8(v >> 8), uint8(v)}
}
