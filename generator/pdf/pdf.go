// Package pdf writes handbooks (and, through Book, other long documents
// such as evaluation reports) as PDF files for print.
//
// The PDF is laid out from the same goldmark AST as the HTML: Renderer is
// a goldmark NodeRenderer with a function per node kind, drawing on a
// Canvas, the few fpdf calls it needs. Text is UTF-8 throughout and set in
// the theme's Noto Sans and Noto Sans Mono (or fonts the site names in
// site.toml); lines are broken here, with widths measured from the fonts
// and cached, so long paragraphs cost no more than short ones. Characters
// the fonts lack, such as emoji, print as a replacement character and are
// reported with their file and line.
//
// An evaluation report (see Report) is a Book too: a cover for funders,
// a fact box of the project's figures, the report's charts as vector
// graphics with their data in tables, and its Markdown.
//
// A handbook has a cover, a colophon with the address of the HTML version
// (fpdf cannot write tagged PDF, so the HTML is the accessible version), a
// table of contents with page numbers and links, and numbered chapters,
// headings (1, 1.1, 1.1.1) and bookmarks. Output is byte-for-byte the same
// for the same input: dates come from the content, never the clock.
package pdf

import (
	"io"
	"io/fs"
	"os"
	"strconv"
	"time"

	"moteplass/generator/content"
	"moteplass/generator/diag"
	"moteplass/generator/i18n"
)

// Options configure the rendering of a document. The zero value renders
// with the default fonts, no images and no links to the rest of the site.
type Options struct {
	// FS is the site folder. Images beside a chapter and the
	// organisation's logo are read from it; paths such as
	// content/handbooks/x/01-y.md are relative to it.
	FS fs.FS

	// Fonts are the fonts to use; nil means the theme's Noto fonts
	// (DefaultFonts). Load a site's fonts once with LoadFonts.
	Fonts *Fonts

	// HTMLURL is the absolute address of the document's HTML version,
	// printed on the cover and the colophon.
	HTMLURL string

	// URL turns a site path ("/aktiviteter/kafe/") into an absolute
	// address, for links to pages of the site that are not in the
	// document. Nil leaves such links as plain text.
	URL func(sitePath string) string

	// Created is the creation and modification date written into the
	// PDF. Zero means the document's own date, or SOURCE_DATE_EPOCH if it
	// has none; never the time of the build.
	Created time.Time

	// Words are the fixed texts; the zero value is bokmål. See WordsFrom.
	Words Words

	// Lang formats the numbers, dates and labels of a report's fact box
	// and charts, as on its HTML page; nil means the theme's bokmål.
	Lang *i18n.Lang
}

// Handbook writes hb as a PDF to w. org is the organisation that
// publishes it (nil if unknown). The returned warnings say what the PDF
// shows differently from the HTML, with file and line; err is for
// failures to write.
func Handbook(w io.Writer, hb *content.Handbook, org *content.Organisation, opt Options) (diag.List, error) {
	return NewHandbook(hb, org, opt).Write(w, opt)
}

// created returns the date to write into a PDF: opt.Created, else the
// document's date d, else SOURCE_DATE_EPOCH, else the Unix epoch.
func created(opt Options, d content.Date) time.Time {
	switch {
	case !opt.Created.IsZero():
		return opt.Created
	case !d.IsZero():
		return d.Time()
	}
	if s, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil {
		return time.Unix(s, 0).In(content.Oslo)
	}
	return time.Unix(0, 0).In(content.Oslo)
}
