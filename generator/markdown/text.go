package markdown

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// PlainText returns the text of n and its descendants without markup, as a
// screen reader or search index would read it: paragraphs are separated by
// newlines, typographic substitutions are kept.
func PlainText(n ast.Node, src []byte) string {
	var w plainWriter
	if n.Kind() == ast.KindDocument {
		w.Grow(len(src)) // the text of a whole body is about as long as its source
	}
	w.text(n, src)
	return strings.TrimSpace(w.String())
}

// A plainWriter builds plain text in a strings.Builder, which gives the
// text of a whole body as a string without copying it, and remembers the
// last byte, to end blocks with one newline.
type plainWriter struct {
	strings.Builder
	last byte
}

func (w *plainWriter) write(p []byte) {
	if len(p) > 0 {
		w.Write(p)
		w.last = p[len(p)-1]
	}
}

func (w *plainWriter) newline() {
	w.WriteByte('\n')
	w.last = '\n'
}

func (w *plainWriter) text(n ast.Node, src []byte) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Value(src)
		if bytes.IndexByte(v, '&') >= 0 && n.Parent() != nil && n.Parent().Kind() != ast.KindCodeSpan {
			// "&amp;" in the source is "&" on the page; in code, "&amp;".
			v = []byte(html.UnescapeString(string(v)))
		}
		w.write(v)
		if n.SoftLineBreak() || n.HardLineBreak() {
			w.WriteByte(' ')
			w.last = ' '
		}
		return
	case *ast.String:
		w.write(n.Value)
		return
	case *ast.AutoLink:
		w.write(n.Label(src))
		return
	case *ast.RawHTML, *ast.HTMLBlock:
		return // markup, not text
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			w.write(seg.Value(src))
		}
		return
	case *east.FootnoteBacklink:
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.text(c, src)
	}
	if n.Type() == ast.TypeBlock && w.Len() > 0 && w.last != '\n' {
		w.newline()
	}
}
