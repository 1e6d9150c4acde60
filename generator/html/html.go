// Package html renders a site's pages with the theme's html/template
// layouts: the home page, activity lists and facet pages, organisation,
// project, handbook, report and plain pages, the search page and 404.html.
//
// New prepares everything shared between pages once (templates, resolved
// activities, facet groups); Files then lists every page as a
// publish.File that renders when it is written.
package html

import (
	"context"
	"html/template"
	"io"
	"io/fs"
	"strings"
	"sync"
	"time"

	"moteplass/generator/content"
	"moteplass/generator/i18n"
	"moteplass/generator/markdown"
	"moteplass/generator/publish"
	"moteplass/generator/site"
)

// Options configure a Renderer. The zero value renders as of time.Now.
type Options struct {
	// Now is the moment the site is built for: it decides what is
	// upcoming. Fix it for reproducible builds.
	Now time.Time
	// PDFs says the build writes handbooks and reports as PDF too, so
	// their pages link to them.
	PDFs bool
	// Prev is the renderer of an earlier load of the site with the same
	// theme and Markdown (serve), or nil. New takes its translations and
	// templates, and the views of activities that did not change.
	Prev *Renderer
	// OnePass says each page is written once (a build): an activity's
	// page takes its body's HTML (content.File.TakeBodyHTML), which a
	// second rendering of the page then reports as an error.
	OnePass bool
}

// A Link is a labelled address.
type Link struct {
	URL, Label string
}

// A Renderer renders one loaded site. It is safe for concurrent use.
type Renderer struct {
	cfg   *site.Config
	site  *content.Site
	md    *markdown.Markdown
	theme fs.FS
	tmpls map[string]*templates // by language code
	langs map[string]*i18n.Lang
	lang  *i18n.Lang // the site's language
	now   time.Time
	pdfs  bool
	once  bool // Options.OnePass

	chromeCache sync.Map // rendered headers and footers, by language and section
	cards       sync.Map // *Activity → *card
	fragments   sync.Map // fragmentKey → template.HTML (see fragment)

	activities []*Activity // upcoming first, by next meeting, then title
	views      map[*content.Activity]*Activity
	places     *facetIndexes
	byOrg      map[string][]*Activity // activities by organisation slug, in that order
	byProject  map[string][]*Activity // activities by project slug, in that order
	facets     []*facet
	footer     []*content.Page
}

// New prepares a Renderer for s with the theme in theme.
func New(s *content.Site, theme fs.FS, md *markdown.Markdown, opt Options) (*Renderer, error) {
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	r := &Renderer{
		cfg:   s.Config,
		site:  s,
		md:    md,
		theme: theme,
		langs: map[string]*i18n.Lang{},
		now:   now.In(content.Oslo),
		pdfs:  opt.PDFs,
		once:  opt.OnePass,
	}
	var err error
	r.tmpls = map[string]*templates{}
	for _, code := range site.Languages {
		if code != s.Config.Language && !usesLanguage(s, code) {
			continue
		}
		if prev := opt.Prev; prev != nil && prev.langs[code] != nil {
			r.langs[code], r.tmpls[code] = prev.langs[code], prev.tmpls[code]
			continue
		}
		if r.langs[code], err = i18n.Load(theme, code); err != nil {
			return nil, err
		}
		if r.tmpls[code], err = loadTemplates(theme, r.langs[code]); err != nil {
			return nil, err
		}
	}
	r.lang = r.langs[s.Config.Language]
	r.prepare(opt.Prev)
	return r, nil
}

// usesLanguage reports whether any content file is written in code.
func usesLanguage(s *content.Site, code string) bool {
	for _, a := range s.Activities {
		if a.Language == code {
			return true
		}
	}
	for _, h := range s.Handbooks {
		if h.Language == code {
			return true
		}
	}
	for _, r := range s.Reports {
		if r.Language == code {
			return true
		}
	}
	for _, p := range s.Pages {
		if p.Language == code {
			return true
		}
	}
	return false
}

// Lang returns the site's language.
func (r *Renderer) Lang() *i18n.Lang { return r.lang }

// Files lists every page of the site and the theme's static files; each
// is rendered when it is written.
func (r *Renderer) Files() []publish.File {
	files := r.pages()
	return append(files, r.static()...)
}

// Render renders every page and hands it to out.
func (r *Renderer) Render(ctx context.Context, out publish.Output) error {
	return publish.WriteAll(ctx, out, r.Files())
}

func (r *Renderer) file(path, layout string, page func() (*Page, error)) publish.File {
	return publish.File{Path: path, Write: func(w io.Writer) error {
		p, err := page()
		if err == nil {
			err = p.finish()
		}
		if err != nil {
			return err
		}
		return r.tmpls[p.Lang.Code].execute(w, layout, p)
	}}
}

// body renders a file's Markdown body as HTML.
func (r *Renderer) body(f *content.File) (template.HTML, error) {
	b, err := f.BodyHTML(r.md)
	if err != nil {
		return "", err
	}
	return template.HTML(b), nil // goldmark escapes; raw HTML only if the site opted in
}

// static lists the theme's static/ folder, published under /static/.
func (r *Renderer) static() []publish.File {
	var files []publish.File
	fs.WalkDir(r.theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		files = append(files, publish.File{Path: p, Write: func(w io.Writer) error {
			data, err := fs.ReadFile(r.theme, p)
			if err == nil {
				_, err = w.Write(data)
			}
			return err
		}})
		return nil
	})
	return files
}
