package pdf

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

var (
	styleChapterKicker = TextStyle{Size: 10, Leading: 6, Face: Bold, Color: colAccent}
	styleChapterTitle  = TextStyle{Size: 24, Leading: 10.5, Face: Bold, Color: colText}
	styleChapterLead   = TextStyle{Size: 12, Leading: 6.2, Face: Regular, Color: colMuted}
)

// headingInfo returns what prepare learnt about heading n.
func (r *Renderer) headingInfo(n ast.Node) *headingInfo {
	if r.hnum < len(r.ch.headings) && r.ch.headings[r.hnum].node == n {
		return r.ch.headings[r.hnum]
	}
	for _, h := range r.ch.headings {
		if h.node == n {
			return h
		}
	}
	return &headingInfo{depth: 3, link: r.f.c.AddLink()}
}

func headingStyle(depth int) (TextStyle, float64, float64) {
	hs := headingStyles[min(max(depth, 1), len(headingStyles))-1]
	return hs.TextStyle, hs.before, hs.after
}

// heading draws a numbered heading, kept on the page of the block after
// it, and makes it a link target, a bookmark (sections and subsections)
// and, for sections, gives the table of contents its page.
func (r *Renderer) heading(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	info := r.headingInfo(n)
	st, before, after := headingStyle(info.depth)
	if entering {
		r.startRuns(st)
		return ast.WalkContinue, nil
	}
	r.hnum++
	runs := r.takeRuns()
	f := r.f
	num, numW := info.num, 0.0
	if num != "" {
		numW = f.m.width(st.Face, st.Size, num) + 0.55*ptToMM(st.Size)*1.6
	}
	x, w := f.x, f.w
	lines := breakLines(f.m, runs, st, w-numW)
	h := float64(len(lines)) * st.Leading
	f.Gap(before)
	f.keepWithNext(h, after, func(y float64) {
		f.drawMarks(y, st.Leading)
		if num != "" {
			f.text(x, baseline(y, st.Leading, st.Size), st.Face, st.Size, colAccent, num)
		}
		for i, l := range lines {
			f.drawLine(l, runs, st, x+numW, y+float64(i)*st.Leading, st.Leading, w-numW, alignLeft)
		}
		page := f.Page()
		f.c.SetLink(info.link, y, page)
		if info.depth <= 2 {
			f.c.Bookmark(strings.TrimSpace(info.num+" "+info.title), info.depth, y)
		}
		if info.entry != nil {
			info.entry.page = page
		}
	})
	return ast.WalkContinue, nil
}

// drawChapterTitle opens a chapter at the top of its first page: "Kapittel
// 3", the title, an accent rule and the summary.
func (r *Renderer) drawChapterTitle(ch *chapter) {
	f := r.f
	page := f.Page()
	f.c.SetLink(ch.link, textTop, page)
	f.c.Bookmark(strings.TrimSpace(ch.num+" "+ch.entry.title), 0, textTop)
	ch.entry.page = page
	if ch.num != "" {
		st := styleChapterKicker
		y := f.Reserve(st.Leading)
		f.text(f.x, baseline(y, st.Leading, st.Size), st.Face, st.Size, st.Color, f.clean(st.Face, fill(r.doc.words.Chapter, "n", ch.num)))
		f.Advance(st.Leading + 1)
	}
	f.paragraph([]run{{text: f.clean(Bold, ch.Title)}}, styleChapterTitle, alignLeft)
	y := f.Reserve(5)
	f.fillRect(f.x, y+2.2, 16, 1.1, colAccent)
	f.Advance(5)
	if ch.Summary != "" {
		f.Gap(2)
		f.paragraph([]run{{text: f.clean(Regular, ch.Summary)}}, styleChapterLead, alignLeft)
	}
	f.Gap(9)
}
