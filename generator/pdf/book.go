package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"moteplass/generator/content"
	"moteplass/generator/diag"
)

// A Book is a long PDF document: a cover, front pages, a table of
// contents, then chapters, each starting on a new page. Pages after the
// front pages carry a running header (the book's title and the chapter's)
// and a footer ("side 3 av 40"). Chapters and their sections are in the
// table of contents and in the PDF outline (bookmarks), and links between
// chapters are links inside the PDF.
//
// A handbook is one Book (see Handbook); an evaluation report is another:
// a different cover, a fact box and charts drawn by Chapter.Before hooks,
// then the report's Markdown.
type Book struct {
	Meta   Metadata
	Header string // running header, left; Meta.Title if empty
	Footer string // footer, left, e.g. the organisation

	// Cover draws page 1; Front draws one page each after it (a
	// colophon, say). Neither page has a running header or footer.
	Cover func(f *Flow)
	Front []func(f *Flow)

	// Contents titles the table of contents, which lists chapters and
	// their sections; empty leaves the table out.
	Contents string

	Chapters []Chapter
	Words    Words

	// Source is the file the book's title and front matter come from,
	// for warnings; it may be nil.
	Source *content.File
}

// A Chapter is a part of a Book starting on a new page: a title, a
// summary, drawings made by Before, and then Markdown.
type Chapter struct {
	Title    string
	Summary  string
	Numbered bool          // numbered 1, 2, …; its headings 1.1, 1.1.1, …
	File     *content.File // Markdown (Doc parsed from Body); may be nil
	Before   func(f *Flow) // draws before the Markdown; may be nil
}

// docState is what the rendering of one document shares.
type docState struct {
	opt      Options
	m        *metrics
	chapters []*chapter
	byPath   map[string]*chapter
	images   map[string]*imageFile
	toc      []*tocEntry
	words    Words
	warns    diag.List
}

// chapter is a Chapter being drawn, with what was learnt about it before.
type chapter struct {
	Chapter
	file     *content.File
	num      string         // "3", or "" if not numbered
	link     int            // link to the chapter's first page
	anchors  map[string]int // heading ID → link
	headings []*headingInfo // in document order
	fnLinks  map[int]int    // footnote number → link
	entry    *tocEntry
}

type headingInfo struct {
	node  *ast.Heading
	depth int    // 1 for a section, 2 for a subsection, …
	num   string // "3.2.1"
	title string
	link  int
	entry *tocEntry // nil if not in the table of contents
}

// footnote returns the link to footnote i of the chapter.
func (ch *chapter) footnote(c Canvas, i int) int {
	if id, ok := ch.fnLinks[i]; ok {
		return id
	}
	id := c.AddLink()
	ch.fnLinks[i] = id
	return id
}

// Write renders b as a PDF to w. It returns warnings about content the
// PDF shows differently from the HTML (an emoji, raw HTML, an image it
// cannot read), each with the file and line; err is for failures to
// write.
func (b *Book) Write(w io.Writer, opt Options) (diag.List, error) {
	fonts := opt.Fonts
	if fonts == nil {
		fonts = DefaultFonts()
	}
	c := newPDFCanvas(fonts, b.Meta)
	warns, err := b.Draw(c, opt)
	if err != nil {
		return warns, err
	}
	if err := c.output(w); err != nil {
		return warns, fmt.Errorf("pdf %q: %w", b.Meta.Title, err)
	}
	return warns, nil
}

// Draw lays out b on c: the PDF writer's canvas, or a recording one in
// tests.
func (b *Book) Draw(c Canvas, opt Options) (diag.List, error) {
	fonts := opt.Fonts
	if fonts == nil {
		fonts = DefaultFonts()
	}
	d := &docState{opt: opt, m: newMetrics(fonts), byPath: map[string]*chapter{}, images: map[string]*imageFile{}}
	f := newFlow(c, d)

	// Before drawing: number the chapters and headings, make the links
	// to them, and list what goes into the table of contents.
	var docs []ast.Node
	n := 0
	for i := range b.Chapters {
		ch := &chapter{Chapter: b.Chapters[i], file: b.Chapters[i].File, anchors: map[string]int{}, fnLinks: map[int]int{}}
		if ch.file == nil {
			ch.file = &content.File{}
		}
		if ch.Numbered {
			n++
			ch.num = strconv.Itoa(n)
		}
		ch.link = c.AddLink()
		d.prepare(c, ch)
		d.chapters = append(d.chapters, ch)
		if ch.file.Path != "" {
			d.byPath[ch.file.Path] = ch
		}
		if ch.file.Doc != nil {
			docs = append(docs, ch.file.Doc)
		}
	}
	if b.Source != nil {
		d.checkText(metaPos(b.Source, "title"), b.Meta.Title)
		d.checkText(metaPos(b.Source, "subtitle"), b.Meta.Subject)
	}
	r := newRenderer(f, d, nil)
	r.unknown = r.unknownKinds(docs...)

	header := b.Header
	if header == "" {
		header = b.Meta.Title
	}
	d.words = b.Words.withDefaults()

	if b.Cover != nil {
		f.NewPage(false)
		b.Cover(f)
	}
	for _, front := range b.Front {
		f.NewPage(false)
		front(f)
	}
	tocFirst, tocPages := 0, 0
	contents := f.clean(Bold, b.Contents)
	if contents != "" && len(d.toc) > 0 {
		// The table of contents comes before the chapters but needs
		// their page numbers: reserve its pages now (their number
		// depends only on the entries, known already) and fill them in
		// at the end.
		tocPages = d.layoutTOC(f, contents, 0)
		f.header = ""
		for i := range tocPages {
			f.NewPage(true)
			if i == 0 {
				tocFirst = f.Page()
				c.Bookmark(contents, 0, 0)
			}
		}
	}
	for _, ch := range d.chapters {
		f.header = ch.Title
		f.NewPage(true)
		r.drawChapterTitle(ch)
		if ch.Before != nil {
			ch.Before(f)
		}
		if ch.file.Doc != nil {
			if err := r.renderChapter(ch); err != nil {
				return d.warns, fmt.Errorf("%s: %w", ch.file.Path, err)
			}
		}
		f.flushKept()
	}
	if tocPages > 0 {
		d.layoutTOC(f, contents, tocFirst)
	}
	drawFrames(f, d.words, header, b.Footer)
	c.SetPage(c.PageCount())
	d.warns.Sort()
	return d.warns, nil
}

// prepare walks a chapter's Markdown before drawing: it numbers the
// headings and makes their links and table of contents entries.
func (d *docState) prepare(c Canvas, ch *chapter) {
	if ch.file.Path != "" {
		d.checkText(metaPos(ch.file, "title"), ch.Title)
		d.checkText(metaPos(ch.file, "summary"), ch.Summary)
	}
	ch.entry = &tocEntry{level: 0, num: ch.num, title: d.m.cleanAny(ch.Title), link: ch.link}
	d.toc = append(d.toc, ch.entry)
	doc := ch.file.Doc
	if doc == nil {
		return
	}
	var hs []*ast.Heading
	top := 7
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			hs = append(hs, h)
			top = min(top, h.Level)
		}
		return ast.WalkContinue, nil
	})
	var counters [7]int
	prev := 0
	for _, h := range hs {
		// The shallowest heading level of the chapter is its sections:
		// "##" under a chapter title, or "#" if the editor used that.
		depth := min(h.Level-top+1, prev+1)
		prev = depth
		counters[depth]++
		for i := depth + 1; i < len(counters); i++ {
			counters[i] = 0
		}
		info := &headingInfo{node: h, depth: depth, link: c.AddLink(), title: d.m.cleanAny(plainText(h, ch.file.Body))}
		if ch.num != "" {
			parts := []string{ch.num}
			for i := 1; i <= depth; i++ {
				parts = append(parts, strconv.Itoa(counters[i]))
			}
			info.num = strings.Join(parts, ".")
		}
		if id, ok := h.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				ch.anchors[string(b)] = info.link
			}
		}
		if depth == 1 {
			info.entry = &tocEntry{level: 1, num: info.num, title: info.title, link: info.link}
			d.toc = append(d.toc, info.entry)
		}
		ch.headings = append(ch.headings, info)
	}
}

// checkText warns at pos about characters of s the fonts lack.
func (d *docState) checkText(pos diag.Pos, s string) {
	_, bad := d.m.clean(Bold, s)
	for _, b := range bad {
		msg := fmt.Sprintf("character \"%s\" (%U) is not in the PDF font; it is printed as %s", b, []rune(b)[0], d.m.fallback(Bold))
		if isEmoji(b) {
			msg = fmt.Sprintf("emoji \"%s\" cannot be shown in the PDF; it is printed as %s", b, d.m.fallback(Bold))
		}
		d.warns.Add(pos, msg, "write what it means in words, or leave it out")
	}
}

// cleanAny cleans s for any face of the sans family.
func (m *metrics) cleanAny(s string) string {
	s, _ = m.clean(Bold, s)
	s, _ = m.clean(Regular, s)
	return s
}
