package chart

import (
	"fmt"
	"html"
	"io"
	"strings"
)

// SVG writes l as an accessible inline SVG: role="img" with a <title>
// and <desc> the screen reader reads; the data table beside it carries
// the numbers. id must be unique on the page.
func SVG(w io.Writer, l Layout, id, title, desc string) error {
	e := html.EscapeString
	b := &strings.Builder{}
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-labelledby="%s-t %s-d" font-family="system-ui, sans-serif" font-size="%s">`,
		num(l.Width), num(l.Height), num(l.Width), num(l.Height), id, id, num(l.FontSize))
	fmt.Fprintf(b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, e(title), id, e(desc))
	fmt.Fprintf(b, `<defs><pattern id="%s-p" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#1b1e21" stroke-width="1.5"/></pattern></defs>`, id)
	for _, t := range l.Ticks {
		fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#c9d3d6"/>`, num(l.Plot.X), num(t.Y), num(l.Plot.X+l.Plot.W), num(t.Y))
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="end" dominant-baseline="middle" fill="#4a5258">%s</text>`, num(l.Plot.X-l.FontSize*0.4), num(t.Y), e(t.Label))
	}
	fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#1b1e21"/>`, num(l.Plot.X), num(l.Plot.Y), num(l.Plot.X), num(l.Plot.Y+l.Plot.H))
	if l.UnitLabel.Text != "" {
		fmt.Fprintf(b, `<text x="%s" y="%s" fill="#4a5258">%s</text>`, num(l.UnitLabel.X), num(l.UnitLabel.Y), e(l.UnitLabel.Text))
	}
	for _, bar := range l.Bars {
		s := SeriesStyle(bar.Series)
		fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="#1b1e21" stroke-width="0.5"/>`, num(bar.X), num(bar.Y), num(bar.W), num(bar.H), s.Fill)
		if s.Pattern && bar.H > 0 {
			fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" fill="url(#%s-p)" fill-opacity="0.5"/>`, num(bar.X), num(bar.Y), num(bar.W), num(bar.H), id)
		}
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="middle">%s</text>`, num(bar.Label.X), num(bar.Label.Y), e(bar.Label.Text))
	}
	for _, line := range l.Lines {
		s := SeriesStyle(line.Series)
		var pts []string
		for _, p := range line.Points {
			pts = append(pts, num(p.X)+","+num(p.Y))
		}
		dash := ""
		if len(s.Dash) > 0 {
			d := make([]string, len(s.Dash))
			for i, v := range s.Dash {
				d[i] = num(v)
			}
			dash = ` stroke-dasharray="` + strings.Join(d, " ") + `"`
		}
		fmt.Fprintf(b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2.5"%s/>`, strings.Join(pts, " "), s.Stroke, dash)
		for _, p := range line.Points {
			marker(b, s.Marker, p.X, p.Y, s.Stroke)
			fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="middle">%s</text>`, num(p.Label.X), num(p.Label.Y), e(p.Label.Text))
		}
	}
	fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#1b1e21"/>`, num(l.Plot.X), num(l.Plot.Y+l.Plot.H), num(l.Plot.X+l.Plot.W), num(l.Plot.Y+l.Plot.H))
	for _, t := range l.XLabels {
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="middle">%s</text>`, num(t.X), num(t.Y), e(t.Text))
	}
	for _, item := range l.Legend {
		s := SeriesStyle(item.Series)
		sw := item.Swatch
		if len(l.Lines) > 0 {
			marker(b, s.Marker, sw.X+sw.W/2, sw.Y+sw.H/2, s.Stroke)
		} else {
			fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="#1b1e21" stroke-width="0.5"/>`, num(sw.X), num(sw.Y), num(sw.W), num(sw.H), s.Fill)
			if s.Pattern {
				fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" fill="url(#%s-p)" fill-opacity="0.5"/>`, num(sw.X), num(sw.Y), num(sw.W), num(sw.H), id)
			}
		}
		fmt.Fprintf(b, `<text x="%s" y="%s">%s</text>`, num(item.Text.X), num(item.Text.Y), e(item.Text.Text))
	}
	b.WriteString(`</svg>`)
	_, err := io.WriteString(w, b.String())
	return err
}

func marker(b *strings.Builder, kind string, x, y float64, colour string) {
	const r = 4
	switch kind {
	case "square":
		fmt.Fprintf(b, `<rect x="%s" y="%s" width="%d" height="%d" fill="%s"/>`, num(x-r), num(y-r), 2*r, 2*r, colour)
	case "diamond":
		fmt.Fprintf(b, `<polygon points="%s,%s %s,%s %s,%s %s,%s" fill="%s"/>`, num(x), num(y-r-1), num(x+r+1), num(y), num(x), num(y+r+1), num(x-r-1), num(y), colour)
	case "triangle":
		fmt.Fprintf(b, `<polygon points="%s,%s %s,%s %s,%s" fill="%s"/>`, num(x), num(y-r-1), num(x+r+1), num(y+r), num(x-r-1), num(y+r), colour)
	default:
		fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="%d" fill="%s"/>`, num(x), num(y), r, colour)
	}
}

// num prints a coordinate with one decimal, without trailing zeros, so
// the SVG is small and the same on every build.
func num(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}
