package pdf

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// runFlags style a run of text inside a block.
type runFlags uint8

const (
	fBold runFlags = 1 << iota
	fItalic
	fCode
	fStrike
	fSup
)

// A target is where a link goes: a URL, or a place in the document made
// by Canvas.AddLink.
type target struct {
	url string
	id  int
}

func (t target) ok() bool { return t.url != "" || t.id != 0 }

// A run is inline text with one style: what inline Markdown nodes turn
// into before a block breaks them into lines. Spaces in text are break
// opportunities; a run with brk set is a hard line break.
type run struct {
	text  string
	flags runFlags
	link  target
	brk   bool
	img   *ast.Image // an image; text is its alt text
	node  ast.Node   // where the text came from, for warnings
}

// face returns the face a run is set in within a block of style st.
// Emphasis inside italic text is set upright.
func (r *run) face(st TextStyle) Face {
	if r.flags&fCode != 0 {
		return Mono
	}
	bold := st.Face == Bold || st.Face == BoldItalic || r.flags&fBold != 0
	italic := (st.Face == Italic || st.Face == BoldItalic) != (r.flags&fItalic != 0)
	return styled(bold, italic)
}

// size returns the font size of a run within a block of style st.
func (r *run) size(st TextStyle) float64 {
	s := st.Size
	if r.flags&fSup != 0 {
		s *= 0.68
	}
	if r.flags&fCode != 0 {
		s *= 0.9
	}
	return s
}

// A frag is a piece of a line in one run, drawn with one Text call.
type frag struct {
	run  int
	text string
	x, w float64 // from the start of the line
}

// A line is a broken line of text.
type line struct {
	frags []frag
	w     float64
}

// breaker breaks runs into lines. Widths are measured once per run and
// word (see metrics); no fpdf call is involved, so a paragraph of any
// length costs time in proportion to its words.
type breaker struct {
	m     *metrics
	runs  []run
	st    TextStyle
	faces []Face
	sizes []float64
	width float64

	lines []line
	cur   line
	word  []frag // pieces of the word being read, x relative to word
	wordW float64
	space int // run of the space before the word, or -1
}

// breakLines breaks runs set in style st into lines at most width wide.
// It always returns at least one line.
func breakLines(m *metrics, runs []run, st TextStyle, width float64) []line {
	b := &breaker{m: m, runs: runs, st: st, width: width, space: -1}
	b.faces = make([]Face, len(runs))
	b.sizes = make([]float64, len(runs))
	for i := range runs {
		b.faces[i] = runs[i].face(st)
		b.sizes[i] = runs[i].size(st)
	}
	glue := glueSpaces(runs) // spaces inside a phone number or amount
	for i := range runs {
		r := &runs[i]
		if r.brk {
			b.flushWord()
			b.endLine()
			b.space = -1
			continue
		}
		s, off := r.text, 0
		for s != "" {
			j := strings.IndexByte(s, ' ')
			for j >= 0 && len(glue) > 0 && glue[0] == (gluePos{i, off + j}) {
				glue = glue[1:] // not a break: the space is part of the word
				k := strings.IndexByte(s[j+1:], ' ')
				if k < 0 {
					j = -1
				} else {
					j += 1 + k
				}
			}
			if j < 0 {
				b.piece(i, s)
				break
			}
			if j > 0 {
				b.piece(i, s[:j])
			}
			b.flushWord()
			if len(b.cur.frags) > 0 {
				b.space = i
			}
			s, off = s[j+1:], off+j+1
		}
	}
	b.flushWord()
	if len(b.cur.frags) > 0 || len(b.lines) == 0 {
		b.endLine()
	}
	return b.lines
}

func (b *breaker) measure(run int, s string) float64 {
	return b.m.width(b.faces[run], b.sizes[run], s)
}

func (b *breaker) piece(run int, s string) {
	w := b.measure(run, s)
	b.word = append(b.word, frag{run: run, text: s, x: b.wordW, w: w})
	b.wordW += w
}

func (b *breaker) endLine() {
	b.lines = append(b.lines, b.cur)
	b.cur = line{}
}

func (b *breaker) flushWord() {
	if len(b.word) == 0 {
		return
	}
	sw := 0.0
	if len(b.cur.frags) > 0 && b.space >= 0 {
		sw = b.measure(b.space, " ")
	}
	if len(b.cur.frags) > 0 && b.cur.w+sw+b.wordW > b.width+1e-9 {
		b.endLine()
		sw = 0
	}
	if len(b.cur.frags) == 0 && b.wordW > b.width {
		b.splitWord()
	} else {
		b.place(sw)
	}
	b.word = b.word[:0]
	b.wordW = 0
	b.space = -1
}

// place puts the word on the current line after a space sw wide, merging
// pieces that continue the previous fragment's run.
func (b *breaker) place(sw float64) {
	for i, p := range b.word {
		x := b.cur.w + sw + p.x
		n := len(b.cur.frags)
		if n > 0 {
			last := &b.cur.frags[n-1]
			if last.run == p.run {
				if i == 0 && sw > 0 && b.space == p.run {
					last.text += " " + p.text
					last.w = x + p.w - last.x
					continue
				}
				if i > 0 || sw == 0 {
					last.text += p.text
					last.w = x + p.w - last.x
					continue
				}
			}
		}
		p.x = x
		b.cur.frags = append(b.cur.frags, p)
	}
	b.cur.w += sw + b.wordW
}

// splitWord breaks a word wider than a line (a long URL, say) between
// characters.
func (b *breaker) splitWord() {
	for _, p := range b.word {
		s := p.text
		for s != "" {
			room := b.width - b.cur.w
			cut, w := 0, 0.0
			for i, r := range s {
				rw := b.measure(p.run, string(r))
				if w+rw > room && (i > 0 || len(b.cur.frags) > 0) {
					break
				}
				w += rw
				cut = i + utf8.RuneLen(r)
			}
			if cut > 0 {
				b.cur.frags = append(b.cur.frags, frag{run: p.run, text: s[:cut], x: b.cur.w, w: w})
				b.cur.w += w
				s = s[cut:]
			}
			if s != "" {
				b.endLine()
			}
		}
	}
}

// Alignment of a line in its box.
type align uint8

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

// drawLine draws l in a line box of height lh whose top left corner is
// at (x, top) and which is boxW wide.
func (f *Flow) drawLine(l line, runs []run, st TextStyle, x, top, lh, boxW float64, al align) {
	switch al {
	case alignCenter:
		x += (boxW - l.w) / 2
	case alignRight:
		x += boxW - l.w
	}
	base := baseline(top, lh, st.Size)
	for _, fr := range l.frags {
		r := &runs[fr.run]
		face, size := r.face(st), r.size(st)
		sz := ptToMM(size)
		col := st.Color
		if r.link.ok() {
			col = colAccent
		}
		y := base
		if r.flags&fSup != 0 {
			y -= 0.36 * ptToMM(st.Size)
		}
		fx := x + fr.x
		if r.flags&fCode != 0 {
			f.fillRect(fx-0.6, y-0.82*sz, fr.w+1.2, 1.08*sz, colCodeBg)
		}
		f.text(fx, y, face, size, col, fr.text)
		if r.flags&fStrike != 0 {
			f.rule(fx, y-0.3*sz, fx+fr.w, y-0.3*sz, 0.25, col)
		}
		if r.link.ok() {
			if r.flags&fSup == 0 {
				f.rule(fx, y+0.5, fx+fr.w, y+0.5, 0.2, colTintBar)
			}
			if r.link.id != 0 {
				f.c.Link(fx, top, fr.w, lh, r.link.id)
			} else {
				f.c.LinkString(fx, top, fr.w, lh, r.link.url)
			}
		}
	}
}

// paragraph sets runs in style st as a block of lines in the current
// column, breaking pages as needed: never leaving a single first line at
// the bottom of a page, nor a single last line at the top of the next.
func (f *Flow) paragraph(runs []run, st TextStyle, al align) {
	lines := breakLines(f.m, runs, st, f.w)
	f.setLines(lines, runs, st, al)
}

func (f *Flow) setLines(lines []line, runs []run, st TextStyle, al align) {
	lh := st.Leading
	n := len(lines)
	first := min(n, 2) // orphan control
	f.Reserve(float64(first) * lh)
	for i, l := range lines {
		if i > 0 {
			// Widow control: if only the last line would go over,
			// take one more with it.
			if n-i == 2 && i >= 2 && f.y+lh <= textBot && f.y+2*lh > textBot {
				f.breakPage()
			}
			f.NextLine(lh)
		}
		top := f.y
		f.drawMarks(top, lh)
		f.drawLine(l, runs, st, f.x, top, lh, f.w, al)
		f.Advance(lh)
	}
}

// Paragraph sets plain text in style st, for covers and front matter.
// Characters the fonts lack are replaced by Fallback.
func (f *Flow) Paragraph(text string, st TextStyle) {
	f.paragraph([]run{{text: f.clean(st.Face, text)}}, st, alignLeft)
}

// clean replaces characters face lacks by Fallback.
func (f *Flow) clean(face Face, s string) string {
	s, _ = f.m.clean(face, s)
	return s
}
