package pdf

import (
	"path"
	"strings"

	"moteplass/generator/content"
	"moteplass/generator/diag"
)

// NewHandbook returns hb as a Book: a cover, a colophon, the table of
// contents, the handbook's own text (index.md) as an unnumbered preface
// if it has any, and the chapters, numbered from 1. org may be nil.
func NewHandbook(hb *content.Handbook, org *content.Organisation, opt Options) *Book {
	w := opt.Words.withDefaults()
	orgName := ""
	if org != nil {
		orgName = org.Title
	}
	lang := hb.Language
	if lang == "" {
		lang = "nb"
	}
	b := &Book{
		Meta: Metadata{
			Title:   hb.Title,
			Subject: firstOf(hb.Subtitle, hb.Summary),
			Author:  orgName,
			Lang:    lang,
			Created: created(opt, hb.Date),
		},
		Footer:   orgName,
		Contents: w.Contents,
		Words:    w,
		Source:   &hb.File,
	}
	b.Cover = func(f *Flow) { handbookCover(f, hb, org, opt, w) }
	b.Front = []func(*Flow){func(f *Flow) { handbookColophon(f, hb, org, opt, w) }}
	if hb.Doc != nil && strings.TrimSpace(string(hb.Body)) != "" {
		b.Chapters = append(b.Chapters, Chapter{Title: w.Preface, File: &hb.File})
	}
	for _, c := range hb.Chapters {
		b.Chapters = append(b.Chapters, Chapter{Title: c.Title, Summary: c.Summary, Numbered: true, File: &c.File})
	}
	return b
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

var (
	styleCoverTitle = TextStyle{Size: 30, Leading: 12.8, Face: Bold, Color: colText}
	styleCoverSub   = TextStyle{Size: 15, Leading: 7.4, Face: Regular, Color: colMuted}
	styleCoverOrg   = TextStyle{Size: 11.5, Leading: 6.0, Face: Bold, Color: colAccent}
	styleCoverMeta  = TextStyle{Size: 10, Leading: 5.2, Face: Regular, Color: colMuted}
	styleColophon   = TextStyle{Size: 9, Leading: 4.6, Face: Regular, Color: colText}
	styleColophonB  = TextStyle{Size: 9, Leading: 4.6, Face: Bold, Color: colText}
	styleColophonH  = TextStyle{Size: 9, Leading: 4.6, Face: Bold, Color: colAccent}
	styleColophonM  = TextStyle{Size: 8.5, Leading: 4.4, Face: Regular, Color: colMuted}
)

// coverHead draws what the covers of handbooks and reports share: the
// accent bands at top and foot, and the organisation's logo, or its name
// when it has none or the logo cannot be read.
func coverHead(f *Flow, org *content.Organisation, opt Options) {
	f.fillRect(0, 0, pageW, 8, colAccent)
	f.fillRect(0, pageH-8, pageW, 8, colAccent)
	logo := false
	if org != nil && org.Logo != "" && opt.FS != nil {
		p := path.Join(org.Dir(), org.Logo)
		if _, _, err := f.Picture(p, marginLeft, 24, 60, 24); err != nil {
			f.Warn(metaPos(&org.File, "logo"), "logo left off the PDF cover: "+err.Error(), "use a PNG or JPEG file beside the organisation's file")
		} else {
			logo = true
		}
	}
	if !logo && org != nil {
		f.MoveTo(26)
		f.Paragraph(org.Title, styleCoverOrg)
	}
}

// handbookCover draws page 1: the organisation's logo (or name), the
// title and subtitle, and at the foot the organisation, version, date and
// the address of the accessible HTML version.
func handbookCover(f *Flow, hb *content.Handbook, org *content.Organisation, opt Options, w Words) {
	coverHead(f, org, opt)

	f.MoveTo(84)
	f.fillRect(f.x, f.y, 22, 1.6, colAccent)
	f.MoveTo(92)
	f.Paragraph(hb.Title, styleCoverTitle)
	if hb.Subtitle != "" {
		f.Gap(4)
		f.Paragraph(hb.Subtitle, styleCoverSub)
	}

	var items []textItem
	if org != nil {
		items = append(items, textItem{runs: plain(f, org.Title, Bold), st: styleCoverOrg})
	}
	if meta := versionDate(hb, w); meta != "" {
		items = append(items, textItem{runs: plain(f, meta, Regular), st: styleCoverMeta, gap: 1})
	}
	if opt.HTMLURL != "" {
		items = append(items, textItem{runs: []run{
			{text: f.clean(Regular, w.Accessible+": ")},
			{text: f.clean(Regular, opt.HTMLURL), link: target{url: opt.HTMLURL}},
		}, st: styleColophonM, gap: 4})
	}
	f.stack(items, pageH-24)
}

// versionDate returns "Versjon 1.0 · Utgitt 15. april 2024".
func versionDate(hb *content.Handbook, w Words) string {
	var parts []string
	if hb.Version != "" {
		parts = append(parts, fill(w.Version, "version", hb.Version))
	}
	if !hb.Date.IsZero() {
		parts = append(parts, fill(w.Published, "date", w.Date(hb.Date.Time())))
	}
	return strings.Join(parts, "  ·  ")
}

// handbookColophon draws page 2, at its foot: title, version, authors,
// publisher, summary and the address of the accessible version.
func handbookColophon(f *Flow, hb *content.Handbook, org *content.Organisation, opt Options, w Words) {
	var items []textItem
	add := func(text string, st TextStyle, gap float64) {
		if text != "" {
			items = append(items, textItem{runs: plain(f, text, st.Face), st: st, gap: gap})
		}
	}
	add(hb.Title, styleColophonB, 0)
	add(hb.Subtitle, styleColophon, 0)
	add(versionDate(hb, w), styleColophon, 3)
	if len(hb.Authors) > 0 {
		add(w.Authors+": "+strings.Join(hb.Authors, ", "), styleColophon, 0)
	}
	if org != nil {
		add(org.Title, styleColophonB, 4)
		for _, u := range []string{org.Website, org.Email} {
			if u == "" {
				continue
			}
			href := u
			if !hasScheme(u) && strings.Contains(u, "@") {
				href = "mailto:" + u
			}
			items = append(items, textItem{runs: []run{{text: f.clean(Regular, u), link: target{url: href}}}, st: styleColophon})
		}
	}
	add(hb.Summary, styleColophon, 4)
	if opt.HTMLURL != "" {
		add(w.Accessible, styleColophonH, 5)
		items = append(items, textItem{runs: []run{
			{text: f.clean(Regular, w.AccessNote+" ")},
			{text: f.clean(Regular, opt.HTMLURL), link: target{url: opt.HTMLURL}},
		}, st: styleColophon})
	}
	add("Laget med Møteplass.", styleColophonM, 6)
	f.stack(items, textBot)
}

// A textItem is a paragraph of a hand-made page.
type textItem struct {
	runs []run
	st   TextStyle
	gap  float64 // space above
}

func plain(f *Flow, s string, face Face) []run { return []run{{text: f.clean(face, s)}} }

// stack draws items one below the other in the column so that the last
// line ends at bottom.
func (f *Flow) stack(items []textItem, bottom float64) {
	lines := make([][]line, len(items))
	h := 0.0
	for i, it := range items {
		lines[i] = breakLines(f.m, it.runs, it.st, f.w)
		if i > 0 {
			h += it.gap
		}
		h += float64(len(lines[i])) * it.st.Leading
	}
	y := bottom - h
	for i, it := range items {
		if i > 0 {
			y += it.gap
		}
		for _, l := range lines[i] {
			f.drawLine(l, it.runs, it.st, f.x, y, it.st.Leading, f.w, alignLeft)
			y += it.st.Leading
		}
	}
	f.MoveTo(y)
}

// metaPos returns the position of a front matter key of file, or the
// file alone.
func metaPos(file *content.File, key string) diag.Pos {
	if file.Meta != nil {
		if p := file.Meta.Value(key); p.Path != "" {
			return p
		}
	}
	return diag.Pos{Path: file.Path}
}
