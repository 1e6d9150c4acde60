package pdf

import (
	"io"
	"strings"

	"github.com/yuin/goldmark/ast"

	"moteplass/generator/content"
	"moteplass/generator/diag"
)

// Report writes an evaluation report as a PDF to w: a cover, a table of
// contents if its text has three or more sections, the key figures of
// the project, the charts with their data, and the text. proj is the
// project it reports on and org the project's organisation; either may
// be nil. Warnings and err are as for Handbook.
func Report(w io.Writer, rep *content.Report, proj *content.Project, org *content.Organisation, opt Options) (diag.List, error) {
	return NewReport(rep, proj, org, opt).Write(w, opt)
}

// NewReport returns rep as a Book; see Report.
func NewReport(rep *content.Report, proj *content.Project, org *content.Organisation, opt Options) *Book {
	t := newReportText(opt)
	orgName := ""
	if org != nil {
		orgName = org.Title
	}
	lang := rep.Language
	if lang == "" {
		lang = t.l.Code
	}
	kind := t.ui("report_kind_" + rep.Kind)
	subject := kind
	if proj != nil {
		subject += " – " + proj.Title
	}
	b := &Book{
		Meta: Metadata{
			Title:    rep.Title,
			Subject:  subject,
			Author:   firstOf(strings.Join(rep.Authors, ", "), orgName),
			Keywords: keywords(kind, proj),
			Lang:     lang,
			Created:  created(opt, rep.Date),
		},
		Footer: orgName,
		Words:  t.w,
		Source: &rep.File,
	}
	if sections(rep.Doc) >= 3 {
		b.Contents = t.w.Contents
	}
	b.Cover = func(f *Flow) { reportCover(f, rep, proj, org, opt, t, kind) }
	b.Chapters = append(b.Chapters, Chapter{Title: t.ui("key_figures"), Summary: rep.Summary, Before: func(f *Flow) {
		f.KeyNumbers(keyNumbers(rep, proj, t))
		if proj != nil {
			f.FactBox(proj.Title, projectFacts(rep, proj, org, t))
		} else if r := reachText(rep, nil, t); r != "" {
			f.FactBox(rep.Title, []Fact{{t.ui("reach"), r}})
		}
	}})
	if len(rep.Figures) > 0 {
		b.Chapters = append(b.Chapters, Chapter{Title: t.ui("figures"), Before: func(f *Flow) {
			for i, fig := range rep.Figures {
				f.reportFigure(i+1, fig, t)
			}
		}})
	}
	if rep.Doc != nil && strings.TrimSpace(string(rep.Body)) != "" {
		b.Chapters = append(b.Chapters, Chapter{Title: kind, File: &rep.File})
	}
	return b
}

func keywords(kind string, proj *content.Project) string {
	k := []string{kind}
	if proj != nil {
		for _, s := range []string{proj.Programme, proj.Funder} {
			if s != "" {
				k = append(k, s)
			}
		}
	}
	return strings.Join(k, ", ")
}

// sections counts the top-level sections of a Markdown document: its
// headings of the shallowest level it uses.
func sections(doc ast.Node) int {
	if doc == nil {
		return 0
	}
	top, n := 7, 0
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok {
			switch {
			case h.Level < top:
				top, n = h.Level, 1
			case h.Level == top:
				n++
			}
		}
	}
	return n
}

var (
	styleReportKind = TextStyle{Size: 13, Leading: 7, Face: Bold, Color: colAccent}
	styleReportMeta = TextStyle{Size: 10, Leading: 5.4, Face: Regular, Color: colText}
)

// reportCover draws page 1: the organisation's logo or name, the kind of
// report, its title and project, and at the foot who made it, for whom
// and when.
func reportCover(f *Flow, rep *content.Report, proj *content.Project, org *content.Organisation, opt Options, t reportText, kind string) {
	coverHead(f, org, opt)

	f.MoveTo(78)
	f.Paragraph(kind, styleReportKind)
	f.MoveTo(f.Y() + 3)
	f.fillRect(f.x, f.y, 22, 1.6, colAccent)
	f.MoveTo(f.Y() + 8)
	f.Paragraph(rep.Title, styleCoverTitle)
	if proj != nil {
		f.Gap(5)
		f.Paragraph(t.ui("project")+": "+proj.Title, styleCoverSub)
	}

	var items []textItem
	add := func(text string, st TextStyle, gap float64) {
		if text != "" {
			items = append(items, textItem{runs: plain(f, text, st.Face), st: st, gap: gap})
		}
	}
	if org != nil {
		add(org.Title, styleCoverOrg, 0)
	}
	if proj != nil {
		if proj.Programme != "" {
			add(t.ui("programme")+": "+proj.Programme, styleReportMeta, 1.5)
		}
		if proj.Funder != "" {
			add(t.ui("funder")+": "+proj.Funder, styleReportMeta, 0)
		}
	}
	if d := t.date(rep.Date); d != "" {
		add(t.ui("report_date")+": "+d, styleReportMeta, 0)
	}
	if len(rep.Authors) > 0 {
		add(t.w.Authors+": "+strings.Join(rep.Authors, ", "), styleCoverMeta, 3)
	}
	if opt.HTMLURL != "" {
		items = append(items, textItem{runs: []run{
			{text: f.clean(Regular, t.w.Accessible+": ")},
			{text: f.clean(Regular, opt.HTMLURL), link: target{url: opt.HTMLURL}},
		}, st: styleColophonM, gap: 4})
	}
	f.stack(items, pageH-24)
}
