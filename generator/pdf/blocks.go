package pdf

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// listState is an open list.
type listState struct {
	ordered bool
	tight   bool
	next    int     // number of the next item
	indent  float64 // indentation of the items' text
	depth   int     // how many lists enclose this one
}

func (r *Renderer) list(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	f := r.f
	if !entering {
		r.endImplicit()
		r.lists = r.lists[:len(r.lists)-1]
		if len(r.lists) > 0 {
			f.Gap(gapTight)
		} else {
			f.Gap(r.paraGap())
		}
		return ast.WalkContinue, nil
	}
	r.endImplicit()
	l := n.(*ast.List)
	ls := &listState{ordered: l.IsOrdered(), tight: l.IsTight, next: l.Start, indent: listIndent, depth: len(r.lists)}
	if ls.ordered {
		last := strconv.Itoa(l.Start+max(0, l.ChildCount()-1)) + "."
		ls.indent = max(listIndent, r.f.m.width(Regular, r.paraStyle().Size, last)+2.6)
	}
	if len(r.lists) > 0 {
		f.Gap(gapTight)
	} else {
		f.Gap(r.paraGap())
	}
	r.lists = append(r.lists, ls)
	return ast.WalkContinue, nil
}

// paraGap is the space after a paragraph at the current nesting.
func (r *Renderer) paraGap() float64 { return 0.55 * r.paraStyle().Leading }

func (r *Renderer) listItem(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	f := r.f
	ls := r.lists[len(r.lists)-1]
	if !entering {
		r.endImplicit()
		f.drawPendingMarks()
		f.indent(-ls.indent)
		if ls.tight {
			f.Gap(gapTight)
		} else {
			f.Gap(r.paraGap())
		}
		return ast.WalkContinue, nil
	}
	r.endImplicit()
	num := ls.next
	ls.next++
	var box *east.TaskCheckBox
	if c := n.FirstChild(); c != nil {
		box, _ = c.FirstChild().(*east.TaskCheckBox)
		if box != nil {
			r.task = box
		}
	}
	x, st := f.x, r.paraStyle()
	f.mark(func(top, lh float64) { r.drawMarker(x, top, lh, st, ls, num, box) })
	f.indent(ls.indent)
	return ast.WalkContinue, nil
}

// drawMarker draws the bullet, number or check box of a list item whose
// first line box starts at top; x is the left edge of the list.
func (r *Renderer) drawMarker(x, top, lh float64, st TextStyle, ls *listState, num int, box *east.TaskCheckBox) {
	f := r.f
	base := baseline(top, lh, st.Size)
	sz := ptToMM(st.Size)
	switch {
	case box != nil:
		side := 0.68 * sz
		bx, by := x+ls.indent-2.4-side, base-0.36*sz-side/2
		f.drawColor(colAccent)
		f.lineWidth(0.3)
		if box.IsChecked {
			f.fillColor(colAccent)
			f.c.Rect(bx, by, side, side, "FD")
			f.drawColor(colWhite)
			f.lineWidth(0.42)
			f.c.Line(bx+0.2*side, by+0.52*side, bx+0.42*side, by+0.75*side)
			f.c.Line(bx+0.42*side, by+0.75*side, bx+0.8*side, by+0.25*side)
		} else {
			f.c.Rect(bx, by, side, side, "D")
		}
	case ls.ordered:
		s := strconv.Itoa(num) + "."
		w := f.m.width(Regular, st.Size, s)
		f.text(x+ls.indent-2.4-w, base, Regular, st.Size, colAccent, s)
	default:
		cx, cy := x+2.2, base-0.27*sz
		switch ls.depth % 3 {
		case 0:
			f.fillColor(colAccent)
			f.c.Circle(cx, cy, 0.62, "F")
		case 1:
			f.drawColor(colAccent)
			f.lineWidth(0.25)
			f.c.Circle(cx, cy, 0.58, "D")
		default:
			f.fillRect(cx-0.55, cy-0.55, 1.1, 1.1, colAccent)
		}
	}
}

func (r *Renderer) footnoteList(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	f := r.f
	if !entering {
		r.endImplicit()
		r.styles = r.styles[:len(r.styles)-1]
		f.Gap(r.paraGap())
		return ast.WalkContinue, nil
	}
	r.endImplicit()
	f.Gap(9)
	x := f.x
	f.keepWithNext(3, 0, func(y float64) { f.rule(x, y+1.2, x+45, y+1.2, 0.3, colRule) })
	r.styles = append(r.styles, styleFootnote)
	return ast.WalkContinue, nil
}

func (r *Renderer) footnote(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	f := r.f
	const inset = 6.0
	if !entering {
		r.endImplicit()
		f.drawPendingMarks()
		f.indent(-inset)
		f.Gap(1.2)
		return ast.WalkContinue, nil
	}
	r.endImplicit()
	id := r.ch.footnote(f.c, n.(*east.Footnote).Index)
	num := strconv.Itoa(n.(*east.Footnote).Index)
	x, st := f.x, r.paraStyle()
	f.mark(func(top, lh float64) {
		f.c.SetLink(id, top, f.Page())
		f.text(x, baseline(top, lh, st.Size), Bold, st.Size, colAccent, num)
	})
	f.indent(inset)
	return ast.WalkContinue, nil
}
