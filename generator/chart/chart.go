// Package chart lays out the bar and line charts of evaluation reports.
//
// Layout computes the geometry once — plot area, axis ticks, bars, line
// points, labels — in abstract units; SVG draws it for report pages and
// package pdf draws the same Layout with fpdf, so the two cannot disagree
// about a bar's height. Series are told apart by shade and by pattern or
// marker, so charts stay readable when printed in greyscale.
package chart

import (
	"math"
	"strconv"
	"strings"
)

// A Figure is the data of one chart.
type Figure struct {
	Type   string // "bar" or "line"
	Labels []string
	Series []Series // one or more, each with a value per label
	Unit   string
}

// A Series is one named row of values.
type Series struct {
	Name   string
	Values []float64
}

// Options size a Layout. Measure returns the width of a label in the
// units of the layout, at the label font size; nil estimates it.
type Options struct {
	Width, Height float64
	FontSize      float64
	Measure       func(s string) float64
	Format        func(v float64) string // value labels; nil prints as is
}

// A Rect is an axis-aligned rectangle; Y grows downwards, as in SVG and
// fpdf.
type Rect struct{ X, Y, W, H float64 }

// A Layout is a chart's geometry.
type Layout struct {
	Width, Height float64
	Plot          Rect
	Ticks         []Tick
	Bars          []Bar
	Lines         []Line
	XLabels       []Text
	Legend        []LegendItem
	UnitLabel     Text // the unit, above the value axis
	FontSize      float64
}

// A Tick is a value on the vertical axis and its gridline.
type Tick struct {
	Y     float64
	Label string
}

// A Bar is one value drawn as a bar; H is zero for a zero value.
type Bar struct {
	Series, Index int
	Rect
	Value float64
	Label Text // the value, above the bar
}

// A Line is one series drawn as a line through its points.
type Line struct {
	Series int
	Points []Point
}

// A Point is one value of a line series.
type Point struct {
	X, Y  float64
	Value float64
	Label Text
}

// A Text is a label anchored at its horizontal centre (or start, for the
// legend) and its baseline.
type Text struct {
	X, Y float64
	Text string
}

// A LegendItem names a series; Swatch is where its sample is drawn.
type LegendItem struct {
	Series int
	Swatch Rect
	Text   Text
}

// New lays out f.
func New(f Figure, opt Options) Layout {
	if opt.FontSize == 0 {
		opt.FontSize = 11
	}
	if opt.Measure == nil {
		size := opt.FontSize
		opt.Measure = func(s string) float64 { return 0.55 * size * float64(len([]rune(s))) }
	}
	if opt.Format == nil {
		opt.Format = func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	}
	f = finite(f)
	fs := opt.FontSize
	l := Layout{Width: opt.Width, Height: opt.Height, FontSize: fs}

	lo, hi := 0.0, 0.0
	for _, s := range f.Series {
		for _, v := range s.Values {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	ticks := niceTicks(lo, hi)
	axisLo, axisHi := ticks[0], ticks[len(ticks)-1]

	labelW := 0.0
	for _, t := range ticks {
		labelW = math.Max(labelW, opt.Measure(opt.Format(t)))
	}
	legendH := 0.0
	if len(f.Series) > 1 {
		legendH = fs * 2
	}
	top := fs * 2.2 // room for the unit and for value labels above the top bar
	l.Plot = Rect{X: labelW + fs, Y: top, W: opt.Width - labelW - fs*2}
	n := len(f.Labels)
	slot := l.Plot.W / float64(max(n, 1))
	// Labels wider than their slot wrap at spaces, so neighbours never
	// overlap; the plot gives up a line of height for each extra line.
	wrapped := make([][]string, n)
	rows := 1
	for i, label := range f.Labels {
		wrapped[i] = wrap(label, 0.92*slot, opt.Measure)
		rows = max(rows, len(wrapped[i]))
	}
	l.Plot.H = opt.Height - top - fs*2.2 - fs*1.2*float64(rows-1) - legendH
	y := func(v float64) float64 {
		return l.Plot.Y + l.Plot.H - (v-axisLo)/(axisHi-axisLo)*l.Plot.H
	}
	for _, t := range ticks {
		l.Ticks = append(l.Ticks, Tick{Y: y(t), Label: opt.Format(t)})
	}
	l.UnitLabel = Text{X: l.Plot.X, Y: fs, Text: f.Unit}

	for i, lines := range wrapped {
		for j, s := range lines {
			l.XLabels = append(l.XLabels, Text{X: l.Plot.X + slot*(float64(i)+0.5), Y: l.Plot.Y + l.Plot.H + fs*1.4 + fs*1.2*float64(j), Text: s})
		}
	}
	zero := y(math.Max(axisLo, 0))
	if f.Type == "line" {
		for si, s := range f.Series {
			line := Line{Series: si}
			for i, v := range s.Values {
				x := l.Plot.X + slot*(float64(i)+0.5)
				line.Points = append(line.Points, Point{X: x, Y: y(v), Value: v, Label: Text{X: x, Y: y(v) - fs*0.6, Text: opt.Format(v)}})
			}
			l.Lines = append(l.Lines, line)
		}
	} else {
		// A bar is never wider than a quarter of the plot: one or two
		// bars would otherwise look like blocks.
		nser := float64(max(len(f.Series), 1))
		groupW := min(slot*0.7, l.Plot.W*0.25*nser)
		barW := groupW / nser
		for si, s := range f.Series {
			for i, v := range s.Values {
				x := l.Plot.X + slot*float64(i) + (slot-groupW)/2 + barW*float64(si)
				top, bottom := y(v), zero
				if v < 0 {
					top, bottom = zero, y(v)
				}
				b := Bar{Series: si, Index: i, Rect: Rect{X: x, Y: top, W: barW, H: bottom - top}, Value: v}
				b.Label = Text{X: x + barW/2, Y: top - fs*0.35, Text: opt.Format(v)}
				if v < 0 {
					b.Label.Y = bottom + fs
				}
				l.Bars = append(l.Bars, b)
			}
		}
	}
	if len(f.Series) > 1 {
		x := l.Plot.X
		ly := opt.Height - fs*0.6
		for si, s := range f.Series {
			item := LegendItem{Series: si, Swatch: Rect{X: x, Y: ly - fs*0.8, W: fs, H: fs * 0.8}, Text: Text{X: x + fs*1.4, Y: ly, Text: s.Name}}
			l.Legend = append(l.Legend, item)
			x += fs*3 + opt.Measure(s.Name)
		}
	}
	return l
}

// finite returns f with values a chart cannot place (NaN, ±Inf, which
// TOML allows) as zero, so no figure can break the layout.
func finite(f Figure) Figure {
	out := f
	out.Series = make([]Series, len(f.Series))
	for i, s := range f.Series {
		vals := make([]float64, len(s.Values))
		for j, v := range s.Values {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				vals[j] = v
			}
		}
		out.Series[i] = Series{Name: s.Name, Values: vals}
	}
	return out
}

// wrap breaks s at spaces into lines no wider than w, as measured; a
// word wider than w stays whole on its own line.
func wrap(s string, w float64, measure func(string) float64) []string {
	if measure(s) <= w {
		return []string{s}
	}
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		switch {
		case cur == "":
			cur = word
		case measure(cur+" "+word) <= w:
			cur += " " + word
		default:
			lines = append(lines, cur)
			cur = word
		}
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// niceTicks returns evenly spaced round values covering [lo, hi], always
// including zero: 0, 50, 100, … A chart of only zeros still gets an axis.
func niceTicks(lo, hi float64) []float64 {
	if hi <= lo {
		hi = lo + 1
	}
	step := niceStep((hi - lo) / 5)
	start := math.Floor(lo/step) * step
	end := math.Ceil(hi/step) * step
	var ticks []float64
	for v := start; v <= end+step/2; v += step {
		ticks = append(ticks, math.Round(v/step)*step)
	}
	return ticks
}

// niceStep rounds x up to 1, 2 or 5 times a power of ten.
func niceStep(x float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= x {
			return m * p
		}
	}
	return 10 * p
}
