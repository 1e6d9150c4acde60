package pdf

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

const codePad = 2.4

// codeBlock draws an indented or fenced code block in the monospace font
// on a tinted background. Lines too long for the column wrap, with the
// continuation indented, so nothing runs into the margin.
func (r *Renderer) codeBlock(_ util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	r.endImplicit()
	f := r.f
	st := styleCode
	inner := f.w - 2*codePad
	var vis []string
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		s := strings.TrimRight(string(seg.Value(src)), "\r\n")
		s = expandTabs(s)
		s, bad := f.m.clean(Mono, s)
		for _, b := range bad {
			r.warnGlyph(n, b, Mono)
		}
		vis = append(vis, r.wrapCode(s, inner)...)
	}
	if len(vis) == 0 {
		vis = []string{""}
	}
	f.Gap(gapBlock)
	lh := st.Leading
	f.Reserve(float64(min(len(vis), 3))*lh + 2*codePad)
	for i := 0; i < len(vis); {
		room := int((textBot - f.y - 2*codePad + 0.01) / lh)
		if room < 1 && !f.top {
			f.breakPage()
			continue
		}
		m := min(max(room, 1), len(vis)-i)
		if rest := len(vis) - i - m; rest == 1 && m >= 3 {
			m-- // no single line alone on the next page
		}
		h := float64(m)*lh + 2*codePad
		f.fillRect(f.x, f.y, f.w, h, colCodeBg)
		f.fillRect(f.x, f.y, 0.8, h, colTintBar)
		f.drawMarks(f.y+codePad, lh)
		for j := range m {
			top := f.y + codePad + float64(j)*lh
			if vis[i+j] != "" {
				f.text(f.x+codePad+0.6, baseline(top, lh, st.Size), Mono, st.Size, st.Color, vis[i+j])
			}
		}
		f.Advance(h)
		i += m
		if i < len(vis) {
			f.breakPage()
		}
	}
	f.Gap(gapBlock)
	return ast.WalkSkipChildren, nil
}

// wrapCode breaks a code line into pieces at most width wide, between
// characters; pieces after the first are indented by two spaces.
func (r *Renderer) wrapCode(s string, width float64) []string {
	size := styleCode.Size
	if r.f.m.width(Mono, size, s) <= width {
		return []string{s}
	}
	var out []string
	prefix := ""
	for s != "" {
		w := r.f.m.width(Mono, size, prefix)
		cut := 0
		for i, c := range s {
			cw := r.f.m.width(Mono, size, string(c))
			if w+cw > width && i > 0 {
				break
			}
			w += cw
			cut = i + utf8.RuneLen(c)
		}
		out = append(out, prefix+s[:cut])
		s = s[cut:]
		prefix = "  "
	}
	return out
}

func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, c := range s {
		if c == '\t' {
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(c)
		col++
	}
	return b.String()
}
