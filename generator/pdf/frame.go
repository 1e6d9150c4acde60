package pdf

import (
	"strconv"
	"unicode/utf8"
)

const frameSize = 8.2 // points

// drawFrames draws the running header and the footer on every page that
// has them, once the page count is known: the book's title on the left of
// the header and the chapter's on the right, a hairline under them, and
// "side 3 av 40" in the footer. Drawing them last instead of with a
// page-count alias keeps fpdf from rewriting every page at output.
func drawFrames(f *Flow, w Words, title, footer string) {
	total := f.c.PageCount()
	title = f.clean(Regular, title)
	footer = f.clean(Regular, footer)
	left, right := marginLeft, pageW-marginRight
	for p := 1; p <= total; p++ {
		if p > len(f.noFrame) || f.noFrame[p-1] {
			continue
		}
		f.c.SetPage(p)
		ch := f.clean(Regular, f.headers[p-1])
		chW := 0.0
		if ch != "" {
			ch = fit(f, ch, Regular, 0.5*textW)
			chW = f.m.width(Regular, frameSize, ch)
			f.text(right-chW, headerY, Regular, frameSize, colMuted, ch)
		}
		t := fit(f, title, Bold, textW-chW-8)
		f.text(left, headerY, Bold, frameSize, colAccent, t)
		f.rule(left, headerY+2.6, right, headerY+2.6, 0.25, colRule)

		page := fill(w.Page, "n", strconv.Itoa(p), "total", strconv.Itoa(total))
		page = f.clean(Regular, page)
		pw := f.m.width(Regular, frameSize, page)
		f.text(right-pw, footerY, Regular, frameSize, colMuted, page)
		if footer != "" {
			f.text(left, footerY, Regular, frameSize, colMuted, fit(f, footer, Regular, textW-pw-8))
		}
	}
}

// fit shortens s with an ellipsis to at most w wide at the frame size.
func fit(f *Flow, s string, face Face, w float64) string {
	if f.m.width(face, frameSize, s) <= w {
		return s
	}
	for s != "" {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
		if f.m.width(face, frameSize, s+"…") <= w {
			return s + "…"
		}
	}
	return ""
}
