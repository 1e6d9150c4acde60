package pdf

import (
	"fmt"
	"io"
	"slices"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"moteplass/generator/diag"
)

// A Renderer draws the site's Markdown on a Flow. It is a goldmark
// renderer.NodeRenderer: every node kind the site's Markdown produces has
// a function, registered in RegisterFuncs, just as in the HTML renderer.
// Block functions lay out on the way out of a node, once the inline
// functions have turned the node's children into runs of styled text.
//
// A node kind without a function would be skipped silently by goldmark,
// so Render registers kinds it does not know before drawing: they print
// their text as a paragraph and warn with the file and line.
//
// Create one Renderer per document; it is not safe for concurrent use.
type Renderer struct {
	f   *Flow
	doc *docState
	ch  *chapter
	src []byte

	// inline state
	runs     []run
	capture  bool
	implicit bool // capturing text outside any block (unknown kinds)
	style    TextStyle
	bold     int
	italic   int
	strike   int
	code     int
	links    []target

	// block state
	styles []TextStyle // paragraph style by nesting: quotes, footnotes
	quotes []*span
	lists  []*listState
	table  *tableState
	task   ast.Node // a task check box drawn as its list item's marker
	hnum   int      // headings drawn so far in this chapter

	unknown []ast.NodeKind // kinds to warn about, found before rendering
	md      renderer.Renderer
}

func newRenderer(f *Flow, doc *docState, unknown []ast.NodeKind) *Renderer {
	r := &Renderer{f: f, doc: doc, unknown: unknown}
	r.md = renderer.NewRenderer(renderer.WithNodeRenderers(util.Prioritized(r, 100)))
	return r
}

type nodeFunc = renderer.NodeRendererFunc

// funcs returns the function of every node kind the Renderer draws.
func (r *Renderer) funcs() map[ast.NodeKind]nodeFunc {
	return map[ast.NodeKind]nodeFunc{
		// blocks
		ast.KindDocument:        r.document,
		ast.KindHeading:         r.heading,
		ast.KindParagraph:       r.paragraph,
		ast.KindTextBlock:       r.paragraph,
		ast.KindThematicBreak:   r.thematicBreak,
		ast.KindCodeBlock:       r.codeBlock,
		ast.KindFencedCodeBlock: r.codeBlock,
		ast.KindBlockquote:      r.blockquote,
		ast.KindList:            r.list,
		ast.KindListItem:        r.listItem,
		ast.KindHTMLBlock:       r.htmlBlock,
		east.KindTable:          r.tableFunc,
		east.KindTableHeader:    r.tableRow,
		east.KindTableRow:       r.tableRow,
		east.KindTableCell:      r.tableCell,
		east.KindFootnoteList:   r.footnoteList,
		east.KindFootnote:       r.footnote,
		// inlines
		ast.KindText:              r.text,
		ast.KindString:            r.string,
		ast.KindCodeSpan:          r.codeSpan,
		ast.KindEmphasis:          r.emphasis,
		east.KindStrikethrough:    r.strikethrough,
		ast.KindLink:              r.link,
		ast.KindAutoLink:          r.autoLink,
		ast.KindImage:             r.image,
		ast.KindRawHTML:           r.rawHTML,
		east.KindTaskCheckBox:     r.taskCheckBox,
		east.KindFootnoteLink:     r.footnoteLink,
		east.KindFootnoteBacklink: r.footnoteBacklink,
	}
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *Renderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	fns := r.funcs()
	for _, k := range slices.Sorted(func(yield func(ast.NodeKind) bool) {
		for k := range fns {
			if !yield(k) {
				return
			}
		}
	}) {
		reg.Register(k, fns[k])
	}
	for _, k := range r.unknown {
		reg.Register(k, r.unknownNode)
	}
}

// unknownKinds returns the kinds in docs that the Renderer has no
// function for, in the order first met.
func (r *Renderer) unknownKinds(docs ...ast.Node) []ast.NodeKind {
	fns := r.funcs()
	var out []ast.NodeKind
	for _, d := range docs {
		if d == nil {
			continue
		}
		ast.Walk(d, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if _, ok := fns[n.Kind()]; entering && !ok && !slices.Contains(out, n.Kind()) {
				out = append(out, n.Kind())
			}
			return ast.WalkContinue, nil
		})
	}
	return out
}

// renderChapter draws the Markdown of ch.
func (r *Renderer) renderChapter(ch *chapter) error {
	r.ch, r.src, r.hnum = ch, ch.file.Body, 0
	r.styles = append(r.styles[:0], styleBody)
	return r.md.Render(io.Discard, r.src, ch.file.Doc)
}

// warn reports a problem at node n of the current chapter.
func (r *Renderer) warn(n ast.Node, msg, hint string) {
	r.doc.warns.Add(r.ch.pos(n), msg, hint)
}

// paraStyle is the style of paragraphs at the current nesting.
func (r *Renderer) paraStyle() TextStyle { return r.styles[len(r.styles)-1] }

// ---- inline runs ----

// startRuns begins collecting the inline content of a block set in st.
func (r *Renderer) startRuns(st TextStyle) {
	r.endImplicit()
	r.runs = nil // runs outlive the block: kept headings, table cells
	r.capture, r.style = true, st
}

// takeRuns ends collecting and returns the runs.
func (r *Renderer) takeRuns() []run {
	r.capture = false
	return r.runs
}

// endImplicit sets text met outside any block as a paragraph.
func (r *Renderer) endImplicit() {
	if !r.implicit {
		return
	}
	r.implicit = false
	runs := r.takeRuns()
	r.setRuns(runs, r.paraStyle())
	r.f.Gap(r.paraGap())
}

func (r *Renderer) flags() runFlags {
	var fl runFlags
	if r.bold > 0 {
		fl |= fBold
	}
	if r.italic > 0 {
		fl |= fItalic
	}
	if r.strike > 0 {
		fl |= fStrike
	}
	if r.code > 0 {
		fl |= fCode
	}
	return fl
}

func (r *Renderer) curLink() target {
	if len(r.links) == 0 {
		return target{}
	}
	return r.links[len(r.links)-1]
}

// add appends text from node n with the current style, replacing
// characters the font cannot show and warning about them.
func (r *Renderer) add(s string, n ast.Node) {
	r.addRun(run{text: s, flags: r.flags(), link: r.curLink(), node: n})
}

func (r *Renderer) addRun(ru run) {
	if !r.capture {
		r.runs = nil
		r.capture, r.implicit, r.style = true, true, r.paraStyle()
	}
	if ru.text != "" {
		var bad []string
		ru.text, bad = r.doc.m.clean(ru.face(r.style), ru.text)
		for _, b := range bad {
			r.warnGlyph(ru.node, b, ru.face(r.style))
		}
	}
	if n := len(r.runs); n > 0 && !ru.brk && ru.img == nil {
		last := &r.runs[n-1]
		if !last.brk && last.img == nil && last.flags == ru.flags && last.link == ru.link {
			last.text += ru.text
			return
		}
	}
	r.runs = append(r.runs, ru)
}

func (r *Renderer) warnGlyph(n ast.Node, s string, face Face) {
	if isEmoji(s) {
		r.warn(n, fmt.Sprintf("emoji \"%s\" cannot be shown in the PDF; it is printed as %s", s, r.doc.m.fallback(face)),
			"write what it means in words, or leave it out")
		return
	}
	r.warn(n, fmt.Sprintf("character \"%s\" (%U) is not in the PDF font; it is printed as %s", s, []rune(s)[0], r.doc.m.fallback(face)),
		`choose a font that has it in site.toml, [pdf] regular = "fonts/…ttf"`)
}

// isEmoji reports whether s starts with a character from the planes and
// blocks emoji live in.
func isEmoji(s string) bool {
	r := []rune(s)[0]
	return r > 0xFFFF || (r >= 0x2600 && r <= 0x27BF) || (r >= 0x2B00 && r <= 0x2BFF)
}

// setRuns lays out a block's runs in style st: text as paragraphs, and
// each image as a figure of its own.
func (r *Renderer) setRuns(runs []run, st TextStyle) {
	start := 0
	for i := 0; i <= len(runs); i++ {
		if i < len(runs) && runs[i].img == nil {
			continue
		}
		if seg := runs[start:i]; hasText(seg) {
			r.f.paragraph(seg, st, alignLeft)
		}
		if i < len(runs) {
			r.figure(runs[i].img, runs[i].text)
		}
		start = i + 1
	}
}

func hasText(runs []run) bool {
	for _, ru := range runs {
		for _, c := range ru.text {
			if c != ' ' {
				return true
			}
		}
	}
	return false
}

// ---- blocks ----

func (r *Renderer) document(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		r.endImplicit()
		r.f.flushKept()
		r.f.drawPendingMarks()
	}
	return ast.WalkContinue, nil
}

func (r *Renderer) paragraph(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.startRuns(r.paraStyle())
		return ast.WalkContinue, nil
	}
	r.setRuns(r.takeRuns(), r.paraStyle())
	if n.Kind() == ast.KindTextBlock {
		r.f.Gap(gapTight)
	} else {
		r.f.Gap(r.paraGap())
	}
	return ast.WalkContinue, nil
}

func (r *Renderer) thematicBreak(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	r.endImplicit()
	r.f.Gap(gapBlock)
	y := r.f.Reserve(3)
	r.f.drawMarks(y, 3)
	mid := r.f.x + r.f.w/2
	r.f.rule(mid-30, y+1.5, mid+30, y+1.5, 0.35, colRule)
	r.f.Advance(3)
	r.f.Gap(gapBlock)
	return ast.WalkContinue, nil
}

func (r *Renderer) blockquote(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	f := r.f
	if entering {
		r.endImplicit()
		f.Gap(r.paraGap())
		x := f.x
		f.indent(quoteInset)
		r.styles = append(r.styles, styleQuote)
		s := f.openSpan(func(y0, y1 float64) { f.fillRect(x+1.2, y0, 1.1, y1-y0, colTintBar) })
		r.quotes = append(r.quotes, s)
		return ast.WalkContinue, nil
	}
	r.endImplicit()
	s := r.quotes[len(r.quotes)-1]
	r.quotes = r.quotes[:len(r.quotes)-1]
	f.closeSpan(s)
	f.indent(-quoteInset)
	r.styles = r.styles[:len(r.styles)-1]
	f.Gap(r.paraGap())
	return ast.WalkContinue, nil
}

// htmlBlock draws the text of a raw HTML block as a plain paragraph, as
// for a kind it does not know, and warns: the tags are left out, but the
// words an editor wrote are not.
func (r *Renderer) htmlBlock(_ util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	r.endImplicit()
	text := htmlText(htmlBlockSource(n.(*ast.HTMLBlock), src))
	if text == "" {
		r.warn(n, "HTML is left out of the PDF", "write it in Markdown to have it in the PDF")
		return ast.WalkSkipChildren, nil
	}
	r.warn(n, "HTML is left out of the PDF; its text is printed as a plain paragraph", "write it in Markdown to have it in the PDF as it is on the web")
	r.startRuns(r.paraStyle())
	r.add(text, n)
	r.setRuns(r.takeRuns(), r.paraStyle())
	r.f.Gap(r.paraGap())
	return ast.WalkSkipChildren, nil
}

// unknownNode draws a node kind the Renderer does not know: its plain
// text as a paragraph, with a warning.
func (r *Renderer) unknownNode(_ util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	r.warn(n, fmt.Sprintf("the PDF cannot show Markdown of kind %s; its text is printed as plain text", n.Kind()), "")
	text := plainText(n, src)
	if n.Type() == ast.TypeInline {
		r.add(text, n)
		return ast.WalkSkipChildren, nil
	}
	r.endImplicit()
	r.startRuns(r.paraStyle())
	r.add(text, n)
	r.setRuns(r.takeRuns(), r.paraStyle())
	r.f.Gap(r.paraGap())
	return ast.WalkSkipChildren, nil
}

// pos returns the file position of node n in ch, for warnings.
func (ch *chapter) pos(n ast.Node) diag.Pos {
	p := ch.file.Lines.Pos(nodeOffset(n))
	if p.Path == "" {
		p.Path = ch.file.Path
	}
	return p
}

// nodeOffset finds a byte offset for a node: its own, that of the first
// text inside it, or that of the block around it.
func nodeOffset(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	for c := n; c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
		if p.Pos() >= 0 {
			return p.Pos()
		}
	}
	return 0
}
