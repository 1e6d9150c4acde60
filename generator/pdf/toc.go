package pdf

import "strconv"

// A tocEntry is a line of the table of contents: a chapter (level 0) or a
// section (level 1).
type tocEntry struct {
	level int
	num   string
	title string
	link  int
	page  int // filled in when the chapter or heading is drawn
}

var (
	tocTitle   = TextStyle{Size: 22, Leading: 10, Face: Bold, Color: colAccent}
	tocChapter = TextStyle{Size: 11, Leading: 6.0, Face: Bold, Color: colText}
	tocSection = TextStyle{Size: 10, Leading: 5.2, Face: Regular, Color: colText}
)

// layoutTOC lays out the table of contents. With first 0 it only counts
// the pages it needs; otherwise it draws on the pages from first on,
// with dot leaders, page numbers and a link on every entry. Both passes
// run the same code, so the count is exact.
func (d *docState) layoutTOC(f *Flow, title string, first int) int {
	draw := first > 0
	page := 0
	numW := f.m.width(Regular, tocChapter.Size, "999")
	y := textTop
	if draw {
		f.c.SetPage(first)
		f.text(marginLeft, baseline(y, tocTitle.Leading, tocTitle.Size), Bold, tocTitle.Size, tocTitle.Color, title)
	}
	y += tocTitle.Leading + 9
	for i, e := range d.toc {
		st, indent, numCol, before := tocChapter, 0.0, 9.0, 3.4
		if e.level > 0 {
			st, indent, numCol, before = tocSection, 9.0, 11.0, 0.5
		}
		if e.num == "" {
			numCol = 0
		}
		if i == 0 {
			before = 0
		}
		titleX := marginLeft + indent + numCol
		titleW := marginLeft + textW - titleX - numW - 8
		runs := []run{{text: e.title}}
		lines := breakLines(f.m, runs, st, titleW)
		h := float64(len(lines)) * st.Leading
		if y+before+h > textBot {
			page++
			y = textTop
			if draw {
				f.c.SetPage(first + page)
			}
		} else {
			y += before
		}
		if draw {
			col := colText
			if e.level == 0 {
				col = colAccent
			}
			if e.num != "" {
				f.text(marginLeft+indent, baseline(y, st.Leading, st.Size), st.Face, st.Size, col, e.num)
			}
			for j, l := range lines {
				f.drawLine(l, runs, st, titleX, y+float64(j)*st.Leading, st.Leading, titleW, alignLeft)
			}
			last := y + h - st.Leading
			base := baseline(last, st.Leading, st.Size)
			num := strconv.Itoa(e.page)
			nw := f.m.width(st.Face, st.Size, num)
			right := marginLeft + textW
			f.text(right-nw, base, st.Face, st.Size, colText, num)
			// Dot leaders on a grid counted from the right, so the dots
			// of every line stand in the same columns.
			pitch := f.m.width(Regular, st.Size, " .")
			start := titleX + lines[len(lines)-1].w + 1.5
			end := right - numW - 1.5
			if n := int((end - start) / pitch); n > 0 {
				f.text(end-float64(n)*pitch, base, Regular, st.Size, colMuted, repeat(" .", n))
			}
			f.c.Link(marginLeft, y, textW, h, e.link)
		}
		y += h
	}
	return page + 1
}

func repeat(s string, n int) string {
	b := make([]byte, 0, len(s)*n)
	for range n {
		b = append(b, s...)
	}
	return string(b)
}
