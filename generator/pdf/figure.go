package pdf

import (
	"strings"

	east "github.com/yuin/goldmark/extension/ast"

	"moteplass/generator/chart"
	"moteplass/generator/content"
)

var (
	styleFigNum   = TextStyle{Size: 10.5, Leading: 5.6, Face: Bold, Color: colAccent}
	styleFigTitle = TextStyle{Size: 10.5, Leading: 5.6, Face: Bold, Color: colText}
	styleFigData  = TextStyle{Size: 8.5, Leading: 4.4, Face: Bold, Color: colMuted}
)

const (
	chartH      = 74.0 // mm, without a legend
	chartLegend = 6.0  // mm more with one
)

// reportFigure draws figure n of a report: "Figur 1" and its title, the
// chart, its caption, and the chart's numbers as a table, so every value
// can be read exactly and copied. Title, chart and caption stay on one
// page, and the table with them when the whole fits on a page.
func (f *Flow) reportFigure(n int, fig content.Figure, t reportText) {
	cf := chart.Of(fig)
	h := chartH
	if len(cf.Series) > 1 {
		h += chartLegend
	}
	l := f.chartLayout(cf, f.w, h, t.l.Decimal)

	num := f.clean(Bold, t.ui("figure_n", "n", n))
	numW := f.m.width(Bold, styleFigNum.Size, num) + 2.5
	titleRuns := []run{{text: f.clean(Bold, fig.Title)}}
	titleLines := breakLines(f.m, titleRuns, styleFigTitle, f.w-numW)
	titleH := float64(len(titleLines)) * styleFigTitle.Leading
	capRuns := []run{{text: f.clean(Italic, fig.Caption)}}
	var capLines []line
	if fig.Caption != "" {
		capLines = breakLines(f.m, capRuns, styleCaption, f.w)
	}
	capH := float64(len(capLines)) * styleCaption.Leading
	blockH := titleH + 2.5 + h + 1.5 + capH

	head, rows := figureTable(fig, t)
	if across := transpose(head, rows); f.tableWidth(across) <= f.w {
		// Few short labels: one column per label takes less paper.
		head, rows = across[0], across[1:]
	}
	dataH := styleFigData.Leading + 1 + float64(len(rows)+1)*(styleTable.Leading+2*cellPadY) + gapBlock
	if !f.top && 8+blockH+dataH > f.Room() && blockH+dataH <= textBot-textTop {
		f.breakPage()
	}

	f.Gap(8)
	y := f.Reserve(blockH)
	f.c.Bookmark(strings.TrimSpace(num+" "+titleRuns[0].text), 1, y)
	f.text(f.x, baseline(y, styleFigNum.Leading, styleFigNum.Size), Bold, styleFigNum.Size, styleFigNum.Color, num)
	for i, ln := range titleLines {
		f.drawLine(ln, titleRuns, styleFigTitle, f.x+numW, y+float64(i)*styleFigTitle.Leading, styleFigTitle.Leading, f.w-numW, alignLeft)
	}
	y += titleH + 2.5
	f.drawChart(l, f.x, y)
	y += h + 1.5
	for _, ln := range capLines {
		f.drawLine(ln, capRuns, styleCaption, f.x, y, styleCaption.Leading, f.w, alignLeft)
		y += styleCaption.Leading
	}
	f.Advance(blockH)

	title := t.ui("figure_data")
	if fig.Unit != "" {
		title += " (" + fig.Unit + ")"
	}
	// The table's title stays with its first rows, as a heading would.
	titleRuns = []run{{text: f.clean(Bold, title)}}
	lines := breakLines(f.m, titleRuns, styleFigData, f.w)
	f.Gap(3)
	f.keepWithNext(float64(len(lines))*styleFigData.Leading, 1, func(y float64) {
		for i, ln := range lines {
			f.drawLine(ln, titleRuns, styleFigData, f.x, y+float64(i)*styleFigData.Leading, styleFigData.Leading, f.w, alignLeft)
		}
	})
	f.dataTable(head, rows)
}

// figureTable returns a figure's numbers as table rows: a label and one
// value per series, formatted as on the report page.
func figureTable(fig content.Figure, t reportText) (head []string, rows [][]string) {
	head = []string{""}
	values := [][]float64{fig.Values}
	if len(fig.Series) > 0 {
		values = values[:0]
		for _, s := range fig.Series {
			head = append(head, s.Name)
			values = append(values, s.Values)
		}
	} else {
		head = append(head, firstOf(fig.Unit, fig.Title))
	}
	for i, label := range fig.Labels {
		row := []string{label}
		for _, vs := range values {
			cell := ""
			if i < len(vs) {
				cell = t.l.Decimal(vs[i])
			}
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	return head, rows
}

// transpose turns a header and rows into rows of columns: the labels
// become the header.
func transpose(head []string, rows [][]string) [][]string {
	out := make([][]string, len(head))
	for i := range head {
		out[i] = append(out[i], head[i])
		for _, r := range rows {
			cell := ""
			if i < len(r) {
				cell = r[i]
			}
			out[i] = append(out[i], cell)
		}
	}
	return out
}

// tableWidth returns the width a data table needs to set every cell on
// one line; the first row is the header.
func (f *Flow) tableWidth(rows [][]string) float64 {
	var widths []float64
	for ri, r := range rows {
		st := cellStyle(ri == 0)
		for ci, c := range r {
			if ci >= len(widths) {
				widths = append(widths, 0)
			}
			widths[ci] = max(widths[ci], f.m.width(st.Face, st.Size, f.clean(st.Face, c))+2*cellPadX)
		}
	}
	sum := 0.0
	for _, w := range widths {
		sum += w
	}
	return sum
}

// dataTable draws a table of plain text with a header row, the first
// column left-aligned and the others, numbers, right-aligned; it is laid
// out as a Markdown table is.
func (f *Flow) dataTable(head []string, rows [][]string) {
	ts := &tableState{aligns: make([]east.Alignment, len(head))}
	for i := range ts.aligns {
		ts.aligns[i] = east.AlignRight
	}
	ts.aligns[0] = east.AlignLeft
	row := func(cells []string, isHead bool) tableRow {
		st := cellStyle(isHead)
		r := tableRow{head: isHead}
		for i, c := range cells {
			al := east.AlignRight
			if i == 0 {
				al = east.AlignLeft
			}
			r.cells = append(r.cells, tableCell{runs: []run{{text: f.clean(st.Face, c)}}, align: al})
		}
		return r
	}
	ts.rows = append(ts.rows, row(head, true))
	for _, r := range rows {
		ts.rows = append(ts.rows, row(r, false))
	}
	(&Renderer{f: f}).drawTable(ts)
}
