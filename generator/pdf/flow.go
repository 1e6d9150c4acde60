package pdf

import "moteplass/generator/diag"

// A Flow lays out blocks from top to bottom, page after page, inside the
// text area of an A4 page. It owns the pen (font and colours), so cover
// and front-matter hooks draw through it too.
//
// Blocks ask for room with Reserve before drawing their first line and
// with NextLine before each further line; the Flow breaks the page when a
// line does not fit. Two things wait for the block that follows them: a
// heading (kept with the next block, so no heading is left alone at the
// bottom of a page) and a list marker (drawn beside the first line of the
// item, whatever block that line belongs to).
//
// A Flow is not safe for concurrent use.
type Flow struct {
	c Canvas
	m *metrics
	d *docState

	x, w  float64 // left edge and width of the current column
	y     float64 // top of the next line
	space float64 // vertical space owed before the next block
	top   bool    // nothing drawn in the text area of this page yet

	kept  []keptBlock // headings waiting for the block after them
	marks []func(top, lh float64)
	spans []*span // decorations open across page breaks (quote bars)

	pen pen

	// header is the running header text of pages started from now on;
	// headers holds it for every page (index 0 is page 1).
	header  string
	headers []string
	noFrame []bool // pages without running header and footer
}

type keptBlock struct {
	before, h, after float64
	draw             func(y float64)
	marks            []func(top, lh float64) // markers queued before it
}

// A span is a decoration beside a run of blocks, such as the bar of a
// block quote; it is drawn in one piece per page.
type span struct {
	y0   float64
	draw func(y0, y1 float64)
}

type pen struct {
	face           Face
	size           float64
	text, fill, dr Color
	lw             float64
	set            bool
}

func newFlow(c Canvas, d *docState) *Flow {
	f := &Flow{c: c, m: d.m, d: d, x: marginLeft, w: textW, y: textTop, top: true}
	f.pen = pen{text: colText, fill: colWhite, dr: colRule, lw: 0.2}
	c.SetTextColor(f.pen.text)
	c.SetFillColor(f.pen.fill)
	c.SetDrawColor(f.pen.dr)
	c.SetLineWidth(f.pen.lw)
	return f
}

// Canvas returns the canvas the flow draws on, for drawing shapes.
func (f *Flow) Canvas() Canvas { return f.c }

// Page returns the number of the current page, counting from 1.
func (f *Flow) Page() int { return f.c.PageCount() }

// X returns the left edge of the current column.
func (f *Flow) X() float64 { return f.x }

// Width returns the width of the current column.
func (f *Flow) Width() float64 { return f.w }

// Y returns the top of the next line.
func (f *Flow) Y() float64 { return f.y }

// MoveTo moves the top of the next line to y, for laying out a page
// such as a cover by hand.
func (f *Flow) MoveTo(y float64) {
	f.y, f.space, f.top = y, 0, false
}

// Warn reports a problem with the content at pos.
func (f *Flow) Warn(pos diag.Pos, msg, hint string) { f.d.warns.Add(pos, msg, hint) }

// NewPage starts a page. The running header and footer of the page are
// drawn later, when the page count is known; frame false leaves them off.
func (f *Flow) NewPage(frame bool) {
	for _, s := range f.spans {
		if f.y > s.y0 {
			s.draw(s.y0, f.y)
		}
	}
	f.c.AddPage()
	f.headers = append(f.headers, f.header)
	f.noFrame = append(f.noFrame, !frame)
	f.y, f.space, f.top = textTop, 0, true
	for _, s := range f.spans {
		s.y0 = f.y
	}
}

func (f *Flow) breakPage() { f.NewPage(true) }

// Gap asks for at least mm of space before the next block. Gaps collapse:
// the largest wins, and none is left at the top of a page.
func (f *Flow) Gap(mm float64) { f.space = max(f.space, mm) }

// keepWithNext holds a block of height h (a heading) until the next block
// reserves room, and then draws it on the same page as that block's
// first lines.
func (f *Flow) keepWithNext(h, after float64, draw func(y float64)) {
	f.kept = append(f.kept, keptBlock{before: f.space, h: h, after: after, draw: draw, marks: f.marks})
	f.space, f.marks = 0, nil
}

// Reserve makes sure the next h millimetres (the first lines of a block)
// fit on the page together with any kept heading, breaking the page if
// not, draws the kept headings, and returns the top of the block.
func (f *Flow) Reserve(h float64) float64 {
	need := h
	if n := len(f.kept); n > 0 {
		for i, k := range f.kept {
			if i > 0 || !f.top {
				need += k.before
			}
			need += k.h
		}
		need += max(f.kept[n-1].after, f.space)
	} else if !f.top {
		need += f.space
	}
	if f.y+need > textBot && !f.top {
		f.breakPage()
	}
	if n := len(f.kept); n > 0 {
		later := f.marks // markers of the block after the headings
		for _, k := range f.kept {
			if !f.top {
				f.y += k.before
			}
			f.marks = k.marks
			k.draw(f.y)
			f.drawMarks(f.y, k.h)
			f.y += k.h
			f.top = false
		}
		f.marks = later
		f.space = max(f.kept[n-1].after, f.space)
		f.kept = f.kept[:0]
	}
	if !f.top {
		f.y += f.space
	}
	f.space = 0
	return f.y
}

// flushKept draws headings still waiting at the end of a document.
func (f *Flow) flushKept() {
	if len(f.kept) > 0 {
		f.Reserve(0)
	}
}

// NextLine returns the top of a further line of height h in the current
// block, starting a page when it does not fit.
func (f *Flow) NextLine(h float64) float64 {
	if f.y+h > textBot+0.01 && !f.top {
		f.breakPage()
	}
	return f.y
}

// Advance moves down by h after drawing.
func (f *Flow) Advance(h float64) {
	f.y += h
	f.top = false
}

// Room returns the height left on the page.
func (f *Flow) Room() float64 { return textBot - f.y }

// indent narrows the column by left mm on the left.
func (f *Flow) indent(left float64) {
	f.x += left
	f.w -= left
}

// mark queues a list marker (or footnote number) for the next line.
func (f *Flow) mark(draw func(top, lh float64)) { f.marks = append(f.marks, draw) }

// drawMarks draws the queued markers beside a line whose box starts at
// top with height lh.
func (f *Flow) drawMarks(top, lh float64) {
	for _, m := range f.marks {
		m(top, lh)
	}
	f.marks = f.marks[:0]
}

// drawPendingMarks draws markers still waiting (an empty list item) on a
// line of their own.
func (f *Flow) drawPendingMarks() {
	if len(f.marks) == 0 {
		return
	}
	lh := styleBody.Leading
	y := f.Reserve(lh)
	f.drawMarks(y, lh)
	f.Advance(lh)
}

// openSpan starts a decoration beside the blocks that follow.
func (f *Flow) openSpan(draw func(y0, y1 float64)) *span {
	s := &span{y0: f.y + f.space, draw: draw}
	if f.top {
		s.y0 = f.y
	}
	f.spans = append(f.spans, s)
	return s
}

// closeSpan draws the last piece of s.
func (f *Flow) closeSpan(s *span) {
	for i, o := range f.spans {
		if o == s {
			f.spans = append(f.spans[:i], f.spans[i+1:]...)
			break
		}
	}
	if f.y > s.y0 {
		s.draw(s.y0, f.y)
	}
}

// The pen: font and colour changes go through these, so the canvas sees
// a change only when something changes.

func (f *Flow) font(face Face, size float64) {
	if !f.pen.set || f.pen.face != face || f.pen.size != size {
		f.c.SetFont(face, size)
		f.pen.face, f.pen.size, f.pen.set = face, size, true
	}
}

func (f *Flow) textColor(c Color) {
	if f.pen.text != c {
		f.c.SetTextColor(c)
		f.pen.text = c
	}
}

func (f *Flow) fillColor(c Color) {
	if f.pen.fill != c {
		f.c.SetFillColor(c)
		f.pen.fill = c
	}
}

func (f *Flow) drawColor(c Color) {
	if f.pen.dr != c {
		f.c.SetDrawColor(c)
		f.pen.dr = c
	}
}

func (f *Flow) lineWidth(w float64) {
	if f.pen.lw != w {
		f.c.SetLineWidth(w)
		f.pen.lw = w
	}
}

// rule draws a line in colour c, lw thick.
func (f *Flow) rule(x1, y1, x2, y2, lw float64, c Color) {
	f.drawColor(c)
	f.lineWidth(lw)
	f.c.Line(x1, y1, x2, y2)
}

// fillRect fills a rectangle with c.
func (f *Flow) fillRect(x, y, w, h float64, c Color) {
	f.fillColor(c)
	f.c.Rect(x, y, w, h, "F")
}

// text draws s (already clean) in face at size in colour c.
func (f *Flow) text(x, y float64, face Face, size float64, c Color, s string) {
	f.font(face, size)
	f.textColor(c)
	f.c.Text(x, y, s)
}
