// Package markdown is the one goldmark setup shared by every renderer.
//
// A document is parsed once; the HTML renderer here and the PDF renderer in
// package pdf both walk the same AST. The dialect is CommonMark with GFM
// tables, strikethrough, task lists and autolinks, footnotes, Norwegian
// typography («sitat», ’, –, …) and heading IDs made from the heading text.
//
// Raw HTML is dropped unless the site opts in with Options.Unsafe, and
// links and images only keep URLs that cannot run code (see SafeURL).
package markdown

import (
	"bytes"
	"io"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Markdown. The zero value is the safe default.
type Options struct {
	// Unsafe passes raw HTML in Markdown through to the page. It lets any
	// editor put scripts on the site; sites enable it with
	// [markdown] unsafe = true in site.toml.
	Unsafe bool
	// BasePath is the path of base_url ("/moteplass/" for a site served
	// there); links to site paths ("/om/") are written under it.
	BasePath string
}

// Markdown parses and renders documents. It is safe for concurrent use.
type Markdown struct {
	md  goldmark.Markdown
	opt Options
}

// Options returns the options the Markdown was made with: two Markdowns
// with the same options parse alike.
func (m *Markdown) Options() Options { return m.opt }

// New returns the site's Markdown dialect.
func New(opt Options) *Markdown {
	htmlOpts := []renderer.Option{}
	if opt.Unsafe {
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			extension.TaskList,
			extension.Linkify,
			extension.Footnote,
			extension.NewTypographer(extension.WithTypographicSubstitutions(norwegianQuotes)),
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(htmlOpts...),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(
			util.Prioritized(&linkRenderer{unsafe: opt.Unsafe, base: opt.BasePath}, 100),
		)),
	)
	return &Markdown{md: md, opt: opt}
}

// Norwegian uses «guillemets» for quotations and ‘single quotes’ inside them.
var norwegianQuotes = extension.TypographicSubstitutions{
	extension.LeftDoubleQuote:  []byte("«"),
	extension.RightDoubleQuote: []byte("»"),
	extension.LeftSingleQuote:  []byte("‘"),
	extension.RightSingleQuote: []byte("’"),
	extension.EnDash:           []byte("–"),
	extension.EmDash:           []byte("—"),
	extension.Ellipsis:         []byte("…"),
	extension.Apostrophe:       []byte("’"),
}

// Parse parses src into an AST whose headings carry IDs made by
// slug.Make ("Hva er en nettverksgruppe?" → "hva-er-en-nettverksgruppe").
// Node positions (n.Pos()) are byte offsets into src.
func (m *Markdown) Parse(src []byte) ast.Node {
	ctx := parser.NewContext(parser.WithIDs(newIDs()))
	return m.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
}

// RenderHTML writes doc, parsed from src, as HTML.
func (m *Markdown) RenderHTML(w io.Writer, src []byte, doc ast.Node) error {
	if tw, ok := w.(textWriter); ok {
		if _, ok := w.(util.BufWriter); !ok {
			w = unbuffered{tw}
		}
	}
	return m.md.Renderer().Render(w, src, doc)
}

// A textWriter is what strings.Builder and bytes.Buffer have of a
// bufio.Writer. Given a writer that is not one (has no Flush), goldmark
// puts a new 4 KB bufio.Writer in front of it on every call: 40 MB of
// buffers, and a copy of every body, for 10,000 activities.
type textWriter interface {
	io.Writer
	io.ByteWriter
	io.StringWriter
	WriteRune(r rune) (int, error)
}

// unbuffered gives a textWriter the rest of goldmark's util.BufWriter;
// what goldmark writes goes straight into it.
type unbuffered struct{ textWriter }

func (unbuffered) Available() int { return 0 }
func (unbuffered) Buffered() int  { return 0 }
func (unbuffered) Flush() error   { return nil }

// HTML parses and renders src in one step, for short texts such as
// summaries.
func (m *Markdown) HTML(src []byte) ([]byte, error) {
	var b bytes.Buffer
	err := m.RenderHTML(&b, src, m.Parse(src))
	return b.Bytes(), err
}
