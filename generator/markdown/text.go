package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// PlainText returns the text of n and its descendants without markup, as a
// screen reader or search index would read it: paragraphs are separated by
// newlines, typographic substitutions are kept.
func PlainText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	if n.Kind() == ast.KindDocument {
		b.Grow(len(src)) // the text of a whole body is about as long as its source
	}
	writeText(&b, n, src)
	return bytes.TrimSpace(b.Bytes())
}

func writeText(b *bytes.Buffer, n ast.Node, src []byte) {
	switch n := n.(type) {
	case *ast.Text:
		b.Write(n.Value(src))
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
		return
	case *ast.String:
		b.Write(n.Value)
		return
	case *ast.AutoLink:
		b.Write(n.Label(src))
		return
	case *ast.RawHTML, *ast.HTMLBlock:
		return // markup, not text
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			b.Write(seg.Value(src))
		}
		return
	case *east.FootnoteBacklink:
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeText(b, c, src)
	}
	if n.Type() == ast.TypeBlock && b.Len() > 0 && b.Bytes()[b.Len()-1] != '\n' {
		b.WriteByte('\n')
	}
}
