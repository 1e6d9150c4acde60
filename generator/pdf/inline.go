package pdf

import (
	"path"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"moteplass/generator/markdown"
)

func (r *Renderer) text(_ util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	t := n.(*ast.Text)
	r.add(string(t.Segment.Value(src)), n)
	switch {
	case t.HardLineBreak():
		r.addRun(run{brk: true, node: n})
	case t.SoftLineBreak():
		r.add(" ", n)
	}
	return ast.WalkContinue, nil
}

// string draws the typographer's «», ’, – and … and other literal text.
func (r *Renderer) string(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.add(string(n.(*ast.String).Value), n)
	}
	return ast.WalkContinue, nil
}

func (r *Renderer) codeSpan(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	r.code += count(entering)
	return ast.WalkContinue, nil
}

func (r *Renderer) emphasis(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if n.(*ast.Emphasis).Level >= 2 {
		r.bold += count(entering)
	} else {
		r.italic += count(entering)
	}
	return ast.WalkContinue, nil
}

func (r *Renderer) strikethrough(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	r.strike += count(entering)
	return ast.WalkContinue, nil
}

func count(entering bool) int {
	if entering {
		return 1
	}
	return -1
}

func (r *Renderer) link(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.links = append(r.links, r.resolve(n, string(n.(*ast.Link).Destination)))
	} else {
		r.links = r.links[:len(r.links)-1]
	}
	return ast.WalkContinue, nil
}

func (r *Renderer) autoLink(_ util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	a := n.(*ast.AutoLink)
	label, url := a.Label(src), a.URL(src)
	switch {
	case a.AutoLinkType == ast.AutoLinkEmail && !hasPrefixFold(url, "mailto:"):
		url = append([]byte("mailto:"), url...)
	case a.AutoLinkType == ast.AutoLinkURL && hasPrefixFold(label, "www.") && !hasPrefixFold(url, "https:"):
		url = append([]byte("https://"), label...) // as the HTML does
	}
	var t target
	if markdown.SafeURL(string(url)) {
		t = target{url: string(url)}
	}
	r.addRun(run{text: string(label), flags: r.flags(), link: t, node: n})
	return ast.WalkSkipChildren, nil
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// resolve finds where a link goes. Links to chapters of the document
// ("05-trygghet.md", "05-trygghet.md#anchor", "#anchor") become links
// inside the PDF; URLs stay URLs; other files of the site get the address
// they are published at, if Options.URL is set.
func (r *Renderer) resolve(n ast.Node, dest string) target {
	if dest == "" || !markdown.SafeURL(dest) {
		return target{}
	}
	if hasScheme(dest) {
		return target{url: dest}
	}
	file, frag, _ := strings.Cut(dest, "#")
	var ch *chapter
	switch {
	case file == "":
		ch = r.ch
	case !strings.HasPrefix(file, "/"):
		ch = r.doc.byPath[path.Join(path.Dir(r.ch.file.Path), file)]
	}
	if ch != nil {
		if id, ok := ch.anchors[frag]; ok && frag != "" {
			return target{id: id}
		}
		return target{id: ch.link}
	}
	if r.doc.opt.URL == nil {
		return target{}
	}
	pub := markdown.Destination(n) // where the resolver says the file is published
	if !strings.HasPrefix(pub, "/") {
		return target{}
	}
	return target{url: r.doc.opt.URL(pub)}
}

// hasScheme reports whether u starts with a URL scheme such as https:.
func hasScheme(u string) bool {
	i := strings.IndexByte(u, ':')
	j := strings.IndexAny(u, "/?#")
	return i > 0 && (j < 0 || i < j)
}

func (r *Renderer) image(_ util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.addRun(run{text: plainText(n, src), img: n.(*ast.Image), node: n})
	}
	return ast.WalkSkipChildren, nil
}

func (r *Renderer) rawHTML(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.warn(n, "HTML is left out of the PDF", "write it in Markdown to have it in the PDF")
	}
	return ast.WalkSkipChildren, nil
}

// taskCheckBox is drawn as the marker of its list item; one anywhere else
// prints as [x] or [ ].
func (r *Renderer) taskCheckBox(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering && n != r.task {
		if n.(*east.TaskCheckBox).IsChecked {
			r.add("[x] ", n)
		} else {
			r.add("[ ] ", n)
		}
	}
	return ast.WalkContinue, nil
}

func (r *Renderer) footnoteLink(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		i := n.(*east.FootnoteLink).Index
		r.addRun(run{text: strconv.Itoa(i), flags: r.flags() | fSup, link: target{id: r.ch.footnote(r.f.c, i)}, node: n})
	}
	return ast.WalkContinue, nil
}

// footnoteBacklink is left out: on paper the reader's finger is the way
// back, and the note's number links nowhere useful.
func (r *Renderer) footnoteBacklink(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	return ast.WalkSkipChildren, nil
}

// plainText returns the text of n on one line.
func plainText(n ast.Node, src []byte) string {
	return strings.ReplaceAll(markdown.PlainText(n, src), "\n", " ")
}
