package pdf

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// tableState collects a GFM table's cells; the table is laid out when
// all of them are known, since column widths depend on every cell.
type tableState struct {
	aligns []east.Alignment
	rows   []tableRow
}

type tableRow struct {
	head  bool
	cells []tableCell
}

type tableCell struct {
	runs  []run
	align east.Alignment
	lines []line
}

const (
	cellPadX = 1.8
	cellPadY = 1.25
)

func (r *Renderer) tableFunc(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.endImplicit()
		r.table = &tableState{aligns: n.(*east.Table).Alignments}
		return ast.WalkContinue, nil
	}
	r.drawTable(r.table)
	r.table = nil
	return ast.WalkContinue, nil
}

func (r *Renderer) tableRow(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.table.rows = append(r.table.rows, tableRow{head: n.Kind() == east.KindTableHeader})
	}
	return ast.WalkContinue, nil
}

func (r *Renderer) tableCell(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	row := &r.table.rows[len(r.table.rows)-1]
	if entering {
		st := styleTable
		if row.head {
			st = styleTableHead
		}
		r.startRuns(st)
		return ast.WalkContinue, nil
	}
	runs := r.takeRuns()
	for _, ru := range runs {
		if ru.img != nil {
			r.warn(ru.img, "an image in a table is printed as its description in the PDF", "put the image below the table")
		}
	}
	row.cells = append(row.cells, tableCell{runs: runs, align: n.(*east.TableCell).Alignment})
	return ast.WalkContinue, nil
}

func cellStyle(head bool) TextStyle {
	if head {
		return styleTableHead
	}
	return styleTable
}

func (c *tableCell) alignment() align {
	switch c.align {
	case east.AlignRight:
		return alignRight
	case east.AlignCenter:
		return alignCenter
	}
	return alignLeft
}

// columnWidths sizes the columns from their content: each gets at least
// its longest word (up to a limit) and at most its longest line, and
// what is left is shared in proportion to how much more each would take.
func (r *Renderer) columnWidths(t *tableState, ncol int, avail float64) []float64 {
	minW := make([]float64, ncol)
	natW := make([]float64, ncol)
	for _, row := range t.rows {
		st := cellStyle(row.head)
		for i, c := range row.cells {
			mn, nat := r.measureCell(c.runs, st)
			minW[i] = max(minW[i], min(mn, 40))
			natW[i] = max(natW[i], nat)
		}
	}
	var sumMin, sumNat float64
	for i := range ncol {
		minW[i] += 2 * cellPadX
		natW[i] = max(natW[i]+2*cellPadX, minW[i])
		sumMin += minW[i]
		sumNat += natW[i]
	}
	w := make([]float64, ncol)
	switch {
	case sumNat <= avail:
		// Everything fits on one line. Wide tables fill the column;
		// narrow ones keep their natural width.
		extra := 0.0
		if sumNat > 0.6*avail {
			extra = avail - sumNat
		}
		for i := range ncol {
			w[i] = natW[i] + extra*natW[i]/sumNat
		}
	case sumMin >= avail:
		for i := range ncol {
			w[i] = minW[i] * avail / sumMin
		}
	default:
		for i := range ncol {
			w[i] = minW[i] + (natW[i]-minW[i])*(avail-sumMin)/(sumNat-sumMin)
		}
	}
	return w
}

// measureCell returns the widths of the longest word and of the longest
// line of a cell.
func (r *Renderer) measureCell(runs []run, st TextStyle) (minW, natW float64) {
	var lineW, wordW float64
	for i := range runs {
		ru := &runs[i]
		if ru.brk {
			natW, lineW = max(natW, lineW), 0
			continue
		}
		face, size := ru.face(st), ru.size(st)
		for j, word := range strings.Split(ru.text, " ") {
			if j > 0 {
				minW, wordW = max(minW, wordW), 0
				lineW += r.f.m.width(face, size, " ")
			}
			w := r.f.m.width(face, size, word)
			wordW += w
			lineW += w
		}
	}
	return max(minW, wordW), max(natW, lineW)
}

// drawTable lays out a table row by row, repeating the header row at
// the top of every page the table continues on. A row taller than a page
// is split between lines.
func (r *Renderer) drawTable(t *tableState) {
	f := r.f
	ncol := len(t.aligns)
	for _, row := range t.rows {
		ncol = max(ncol, len(row.cells))
	}
	if ncol == 0 {
		return
	}
	widths := r.columnWidths(t, ncol, f.w)
	tw := 0.0
	for _, w := range widths {
		tw += w
	}
	heights := make([]float64, len(t.rows))
	for ri := range t.rows {
		row := &t.rows[ri]
		st := cellStyle(row.head)
		n := 1
		for ci := range row.cells {
			c := &row.cells[ci]
			c.lines = breakLines(f.m, c.runs, st, widths[ci]-2*cellPadX)
			n = max(n, len(c.lines))
		}
		heights[ri] = float64(n)*st.Leading + 2*cellPadY
	}
	var head *tableRow
	headH := 0.0
	if len(t.rows) > 0 && t.rows[0].head {
		head, headH = &t.rows[0], heights[0]
	}
	f.Gap(gapBlock)
	first := headH
	if len(t.rows) > 1 || head == nil {
		i := 0
		if head != nil {
			i = 1
		}
		first += min(heights[i], 3*styleTable.Leading+2*cellPadY)
	}
	f.Reserve(first)
	f.drawMarks(f.y, styleTable.Leading+2*cellPadY)
	x := f.x
	drawHead := func() {
		if head != nil {
			r.drawRowPart(head, widths, x, 0, 1<<30)
			f.rule(x, f.y, x+tw, f.y, 0.4, colAccent)
		}
	}
	drawHead()
	for ri := range t.rows {
		row := &t.rows[ri]
		if row.head && ri == 0 {
			continue
		}
		st := cellStyle(row.head)
		nlines := int((heights[ri]-2*cellPadY)/st.Leading + 0.5)
		bodyH := textBot - textTop - headH
		broke := false // a fresh page: never break again before drawing
		for k := 0; k < nlines; {
			room := int((textBot - f.y - 2*cellPadY + 0.01) / st.Leading)
			left := nlines - k
			// Move the whole row over if it fits on a page; split it
			// only when it does not.
			if room < left && (heights[ri] <= bodyH || room < 2) && !broke {
				f.breakPage()
				drawHead()
				broke = true
				continue
			}
			broke = false
			m := min(left, max(room, 1))
			r.drawRowPart(row, widths, x, k, m)
			f.rule(x, f.y, x+tw, f.y, 0.2, colRule)
			k += m
			if k < nlines {
				f.breakPage()
				drawHead()
			}
		}
	}
	f.Gap(gapBlock)
}

// drawRowPart draws lines from..from+n of a row at the flow's position
// and advances past them.
func (r *Renderer) drawRowPart(row *tableRow, widths []float64, x float64, from, n int) {
	f := r.f
	st := cellStyle(row.head)
	lines := 0
	for _, c := range row.cells {
		lines = max(lines, min(len(c.lines)-from, n))
	}
	lines = max(lines, 1)
	h := float64(lines)*st.Leading + 2*cellPadY
	if row.head {
		tw := 0.0
		for _, w := range widths {
			tw += w
		}
		f.fillRect(x, f.y, tw, h, colTint)
	}
	cx := x
	for ci, w := range widths {
		if ci < len(row.cells) {
			c := &row.cells[ci]
			for li := from; li < len(c.lines) && li < from+n; li++ {
				top := f.y + cellPadY + float64(li-from)*st.Leading
				f.drawLine(c.lines[li], c.runs, st, cx+cellPadX, top, st.Leading, w-2*cellPadX, c.alignment())
			}
		}
		cx += w
	}
	f.Advance(h)
}
