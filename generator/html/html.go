// Package html renders a site's pages with the theme's html/template
// layouts: the home page, activity lists and facet pages, organisation,
// project, handbook, report and plain pages, the search page and 404.html.
//
// New prepares everything shared between pages once (templates, resolved
// activities, facet groups); Render then renders every page in parallel,
// one worker per CPU, and hands each finished file to an Output.
package html

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"moteplass/generator/content"
	"moteplass/generator/i18n"
	"moteplass/generator/markdown"
	"moteplass/generator/site"
)

// An Output receives the files of the built site. name is a slash path
// relative to the output folder, such as "aktiviteter/kor/index.html".
// WriteFile must be safe for concurrent use.
type Output interface {
	WriteFile(name string, data []byte) error
}

// Options configure a Renderer. The zero value renders as of time.Now.
type Options struct {
	// Now is the moment the site is built for: it decides what is
	// upcoming. Fix it for reproducible builds.
	Now time.Time
	// Extra adds links to files other stages write (PDFs): a page path
	// such as "/handboker/x/" maps to extra links shown on that page.
	Extra map[string][]Link
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
	tmpl  *templates
	langs map[string]*i18n.Lang
	lang  *i18n.Lang // the site's language
	now   time.Time
	extra map[string][]Link

	activities []*Activity // upcoming first, by next meeting, then title
	byPath     map[string]*Activity
	facets     []*facet
	footer     []*content.Page

	bufs sync.Pool
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
		extra: opt.Extra,
	}
	r.bufs.New = func() any { return new(bytes.Buffer) }
	var err error
	for _, code := range site.Languages {
		if code == s.Config.Language || usesLanguage(s, code) {
			if r.langs[code], err = i18n.Load(theme, code); err != nil {
				return nil, err
			}
		}
	}
	r.lang = r.langs[s.Config.Language]
	if r.tmpl, err = loadTemplates(theme); err != nil {
		return nil, err
	}
	r.prepare()
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

// A job renders one file.
type job struct {
	path   string // output file
	layout string // template name, e.g. "activity"
	page   func() (*Page, error)
}

// Render renders every page and hands it to out.
func (r *Renderer) Render(ctx context.Context, out Output) error {
	jobs := r.jobs()
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, j := range jobs {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			return r.renderJob(j, out)
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return r.copyStatic(out)
}

func (r *Renderer) renderJob(j job, out Output) error {
	p, err := j.page()
	if err != nil {
		return fmt.Errorf("%s: %w", j.path, err)
	}
	buf := r.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer r.bufs.Put(buf)
	if err := r.tmpl.execute(buf, j.layout, p); err != nil {
		return fmt.Errorf("%s: %w", j.path, err)
	}
	return out.WriteFile(j.path, buf.Bytes())
}

// body renders a file's Markdown body as HTML.
func (r *Renderer) body(f *content.File) (template.HTML, error) {
	var b strings.Builder
	if err := r.md.RenderHTML(&b, f.Body, f.Doc); err != nil {
		return "", fmt.Errorf("%s: %w", f.Path, err)
	}
	return template.HTML(b.String()), nil // goldmark escapes; raw HTML only if the site opted in
}

// copyStatic copies the theme's static/ folder to /static/.
func (r *Renderer) copyStatic(out Output) error {
	return fs.WalkDir(r.theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		data, err := fs.ReadFile(r.theme, p)
		if err != nil {
			return err
		}
		return out.WriteFile(p, data)
	})
}
