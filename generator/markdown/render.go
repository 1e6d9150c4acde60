package markdown

import (
	stdhtml "html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Attribute names a resolver (package content) sets on link and image
// nodes when a Markdown destination points at another file of the site:
// the renderer then writes the URL the file is published under. The node's
// Destination keeps what the editor wrote, for the PDF renderer.
const (
	AttrHref   = "moteplass-href"   // on *ast.Link and *ast.Image
	AttrWidth  = "moteplass-width"  // on *ast.Image: pixels, if known
	AttrHeight = "moteplass-height" // on *ast.Image
)

// linkRenderer writes links and images with resolved, checked URLs.
type linkRenderer struct {
	unsafe bool
	base   string // Options.BasePath
}

// UnderBase returns u as a page of a site served under the path base
// links to it: "/om/" under "/moteplass/" is "/moteplass/om/". Other
// addresses, and every address of a site at the root, stay as they are.
func UnderBase(base, u string) string {
	if base == "" || base == "/" || !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
		return u
	}
	return strings.TrimSuffix(base, "/") + u
}

func (r *linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindAutoLink, r.autoLink)
	reg.Register(ast.KindImage, r.image)
}

// Destination returns the URL a link or image node is published with.
func Destination(n ast.Node) string {
	if v, ok := n.AttributeString(AttrHref); ok {
		if s, ok := v.(string); ok {
			return s
		}
	}
	switch n := n.(type) {
	case *ast.Link:
		return string(n.Destination)
	case *ast.Image:
		return string(n.Destination)
	}
	return ""
}

// href returns the URL to write for a destination, or false when it is
// not safe. The check runs on what the browser will see, after character
// references are resolved: "&#106;avascript:" is javascript: too.
func href(dest string) ([]byte, bool) {
	u := util.URLEscape([]byte(dest), true)
	if !SafeURL(dest) || !SafeURL(string(u)) || !SafeURL(stdhtml.UnescapeString(dest)) {
		return nil, false
	}
	return u, true
}

func (r *linkRenderer) link(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	u, ok := href(UnderBase(r.base, Destination(n)))
	if !ok {
		return ast.WalkContinue, nil // keep the text, drop the link
	}
	if !entering {
		w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	w.WriteString(`<a href="`)
	w.Write(util.EscapeHTML(u))
	w.WriteByte('"')
	if n.Title != nil {
		w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		w.WriteByte('"')
	}
	w.WriteByte('>')
	return ast.WalkContinue, nil
}

// AutoLinkURL returns the address an autolink (<https://…>, or a bare
// address or e-mail address in the text) links to: e-mail addresses with
// mailto:, and "www." addresses with https://, as goldmark's linkify would
// give them http://, and every site an editor links to today speaks https.
func AutoLinkURL(n *ast.AutoLink, src []byte) string {
	label, url := n.Label(src), n.URL(src)
	switch {
	case n.AutoLinkType == ast.AutoLinkEmail && !hasPrefixFold(url, "mailto:"):
		return "mailto:" + string(url)
	case n.AutoLinkType == ast.AutoLinkURL && hasPrefixFold(label, "www.") && !hasPrefixFold(url, "https:"):
		return "https://" + string(label)
	}
	return string(url)
}

func (r *linkRenderer) autoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.AutoLink)
	if !entering {
		return ast.WalkContinue, nil
	}
	label := n.Label(src)
	url := []byte(AutoLinkURL(n, src))
	if !SafeURL(string(url)) {
		w.Write(util.EscapeHTML(label))
		return ast.WalkContinue, nil
	}
	w.WriteString(`<a href="`)
	w.Write(util.EscapeHTML(util.URLEscape(url, false)))
	w.WriteString(`">`)
	w.Write(util.EscapeHTML(label))
	w.WriteString(`</a>`)
	return ast.WalkContinue, nil
}

func (r *linkRenderer) image(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	alt := util.EscapeHTML([]byte(PlainText(n, src)))
	u, ok := href(UnderBase(r.base, Destination(n)))
	if !ok || hasPrefixFold(u, "http:") {
		// An unsafe or insecure image shows its description instead.
		w.Write(alt)
		return ast.WalkSkipChildren, nil
	}
	w.WriteString(`<img src="`)
	w.Write(util.EscapeHTML(u))
	w.WriteString(`" alt="`)
	w.Write(alt)
	w.WriteByte('"')
	if n.Title != nil {
		w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		w.WriteByte('"')
	}
	for _, a := range [...]struct{ attr, name string }{{AttrWidth, "width"}, {AttrHeight, "height"}} {
		if v, ok := n.AttributeString(a.attr); ok {
			if s, ok := v.(string); ok {
				w.WriteString(" " + a.name + `="`)
				w.Write(util.EscapeHTML([]byte(s)))
				w.WriteByte('"')
			}
		}
	}
	w.WriteString(` loading="lazy">`)
	return ast.WalkSkipChildren, nil
}

func hasPrefixFold(b []byte, prefix string) bool {
	if len(b) < len(prefix) {
		return false
	}
	for i := range len(prefix) {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
