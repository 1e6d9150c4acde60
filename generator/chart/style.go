package chart

// A Style is how one series is drawn, the same in SVG and PDF: a fill
// and an optional hatching for bars, a line colour, dash and marker for
// lines. The four styles differ in lightness as well as in pattern, dash
// and marker, so they stay apart in greyscale print.
type Style struct {
	Fill    string    // bar fill, #rrggbb
	Stroke  string    // line colour, darker than a light fill
	Dash    []float64 // line dash lengths, on and off; nil is solid
	Marker  string    // circle, square, diamond or triangle
	Pattern bool      // hatch bars diagonally
}

var seriesStyles = []Style{
	{Fill: "#0b5d66", Stroke: "#0b5d66", Marker: "circle"},
	{Fill: "#8fc1c6", Stroke: "#3d7f86", Dash: []float64{6, 3}, Marker: "square", Pattern: true},
	{Fill: "#4a5258", Stroke: "#4a5258", Dash: []float64{2, 3}, Marker: "diamond"},
	{Fill: "#d9dcde", Stroke: "#7a8288", Dash: []float64{10, 3, 2, 3}, Marker: "triangle", Pattern: true},
}

// SeriesStyle returns the style of series i (from 0); styles repeat after
// four series.
func SeriesStyle(i int) Style { return seriesStyles[max(i, 0)%len(seriesStyles)] }
