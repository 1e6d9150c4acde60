package pdf

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// htmlBlockSource returns the source of a raw HTML block: its lines and,
// for blocks that end with a closing line (</script>, -->), that line.
func htmlBlockSource(n *ast.HTMLBlock, src []byte) []byte {
	var b bytes.Buffer
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(src))
	}
	return b.Bytes()
}

// htmlText returns the text a browser would show for an HTML fragment,
// with entities decoded and white space collapsed: no tags, comments,
// scripts or styles.
func htmlText(src []byte) string {
	z := html.NewTokenizer(bytes.NewReader(src))
	var b strings.Builder
	skip := 0 // inside <script>, <style>, <template>
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			// Collapse HTML's white space, not no-break spaces (&nbsp;).
			return strings.Join(strings.FieldsFunc(b.String(), func(r rune) bool {
				return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
			}), " ")
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch tag := string(name); {
			case tag == "script" || tag == "style" || tag == "template":
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case blockTags[tag]:
				b.WriteByte(' ') // <br>, </p>, </td>: the words stay apart
			}
		}
	}
}

// blockTags end a word: the elements a browser sets on a line of their
// own, and <br>. Inline ones (<b>, <span>, <a>) do not.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true, "dd": true,
	"details": true, "div": true, "dl": true, "dt": true, "figcaption": true, "figure": true,
	"footer": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hr": true, "li": true, "main": true, "nav": true, "ol": true, "p": true,
	"pre": true, "section": true, "summary": true, "table": true, "td": true, "th": true,
	"tr": true, "ul": true,
}
