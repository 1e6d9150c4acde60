// Package build is the pipeline: load and validate a site, render it,
// publish it atomically. It is what `moteplass build` runs; `serve` uses
// the same Plan and renders only what a browser asks for.
package build

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"
	"time"

	"moteplass/generator/content"
	"moteplass/generator/diag"
	"moteplass/generator/export"
	"moteplass/generator/html"
	"moteplass/generator/markdown"
	"moteplass/generator/pdf"
	"moteplass/generator/publish"
	"moteplass/generator/site"
	"moteplass/generator/sitedir"
)

// Options say what to build. The zero value builds the site in the
// current folder into public/ as of now.
type Options struct {
	Site  string         // the site folder, with site.toml and content/
	Out   string         // the output folder, replaced as a whole
	Now   time.Time      // the moment the site is built for; zero means now
	Cache *content.Cache // parsed files kept between builds (serve); may be nil
	// Progress, if set, receives a line that is rewritten in place while
	// files are written, once a build has run for a second: for a
	// terminal, never for a log.
	Progress io.Writer
	// SearchOnDemand leaves the search index to be built when a file of
	// it is first asked for (Plan.SearchFile), for serve.
	SearchOnDemand bool
	// Prev is the last plan made with the same Cache (serve), or nil.
	// NewPlan takes from it what did not change: the parsed site.toml,
	// theme, templates, fonts and the pages' views of activities. Prev
	// must not be used once NewPlan has begun (see content.Cache).
	Prev *Plan
}

// A Plan is a loaded, checked site and every file it publishes, not yet
// rendered. A plan made without Options.Cache writes each file once: an
// activity's page lets its body go as it is written.
type Plan struct {
	Site   *content.Site
	Files  []publish.File
	Stages []Stage
	clock  time.Time

	search   *searchIndex
	onePass  bool // no Cache: each file is written once (html.Options.OnePass)
	kept     kept // for the next plan
	mu       sync.Mutex
	warnings diag.List // from PDFs, as their files are written

	indexOnce sync.Once
	index     map[string]int // Files by path, once File is called
}

// Warnings returns what rendering the files so far reported without
// failing: characters a PDF font lacks, images it cannot place.
func (p *Plan) Warnings() diag.List {
	p.mu.Lock()
	defer p.mu.Unlock()
	w := append(diag.List(nil), p.warnings...)
	w.Sort()
	return w
}

func (p *Plan) warn(l diag.List) {
	p.mu.Lock()
	p.warnings = append(p.warnings, l...)
	p.mu.Unlock()
}

// A Stage is one step of the pipeline and the time it took.
type Stage struct {
	Name string
	Time time.Duration
}

func (p *Plan) stage(name string) {
	now := time.Now()
	p.Stages = append(p.Stages, Stage{name, now.Sub(p.clock)})
	p.clock = now
}

// NewPlan loads and checks the site and lists its files. Content problems
// come back as a diag.List (see errors.As).
func NewPlan(ctx context.Context, opt Options) (*Plan, error) {
	p := &Plan{clock: time.Now()}
	fsys := sitedir.New(siteDir(opt))
	prev := opt.Prev
	if opt.Cache == nil {
		prev = nil // its content items may be this load's
	}
	cfg, md, err := p.config(fsys, prev)
	if err != nil {
		return nil, err
	}
	if opt.Cache != nil {
		p.Site, err = opt.Cache.Load(ctx, fsys, cfg, md)
	} else {
		// Each page is rendered once: keep activities' bodies as HTML
		// and text, not as syntax trees.
		p.Site, err = content.LoadCompact(ctx, fsys, cfg, md)
	}
	// With problems only in links, the files are still listed, so
	// that links to site paths are checked and reported with the rest.
	loadErr := err
	if err != nil && !p.Site.Listable(err) {
		return nil, err
	}
	p.stage("load and check")
	p.onePass = opt.Cache == nil && !opt.SearchOnDemand
	r, err := p.list(fsys, cfg, md, opt.Now, prev)
	if err == nil {
		err = p.Site.CheckPaths(paths(p.Files), p.kept.ids).Err()
	}
	if err := problems(loadErr, err); err != nil {
		return nil, err
	}
	p.warn(p.Site.Warnings)
	p.stage("prepare")
	if err := p.addSearch(r, opt.SearchOnDemand, opt.Cache != nil, prev); err != nil {
		return nil, err
	}
	p.stage("search index")
	return p, nil
}

// list lists every file of p.Site but the search index, each rendered
// when it is written, into p.Files, taking from prev (may be nil) what
// has not changed. It returns the renderer of the pages.
func (p *Plan) list(fsys fs.FS, cfg *site.Config, md *markdown.Markdown, now time.Time, prev *Plan) (*html.Renderer, error) {
	theme, reused, err := p.theme(fsys, cfg, prev)
	if err != nil {
		return nil, err
	}
	hopt := html.Options{Now: now, PDFs: true, OnePass: p.onePass}
	if reused && prev.kept.md == md {
		hopt.Prev = prev.kept.renderer
	}
	r, err := html.New(p.Site, theme, md, hopt)
	if err != nil {
		return nil, err
	}
	p.kept.renderer = r
	pages := r.Files()
	p.Files = append(pages, AssetFiles(fsys, p.Site.Assets)...)
	p.Files = append(p.Files, export.Files(p.Site, cfg.URL)...)
	p.Files = append(p.Files, calendarFiles(p.Site, cfg, r.Lang())...)
	p.Files = append(p.Files, feedFiles(p.Site, cfg, pages)...)
	fonts, err := p.fonts(theme, fsys, cfg, prev)
	if err != nil {
		return nil, err
	}
	words := pdf.WordsFrom(r.Lang())
	for _, h := range p.Site.Handbooks {
		opt := pdf.Options{FS: fsys, Fonts: fonts, HTMLURL: cfg.URL(h.URL()), URL: cfg.URL, Words: words}
		p.Files = append(p.Files, publish.File{Path: strings.TrimPrefix(h.PDFURL(), "/"), Write: func(w io.Writer) error {
			warnings, err := pdf.Handbook(w, h, p.Site.Organisation(h.Organisation), opt)
			p.warn(warnings)
			return err
		}})
	}
	for _, rep := range p.Site.Reports {
		opt := pdf.Options{FS: fsys, Fonts: fonts, HTMLURL: cfg.URL(rep.URL()), URL: cfg.URL, Words: words, Lang: r.Lang()}
		proj := p.Site.Project(rep.Project)
		var org *content.Organisation
		if proj != nil {
			org = p.Site.Organisation(proj.Organisation)
		}
		p.Files = append(p.Files, publish.File{Path: strings.TrimPrefix(rep.PDFURL(), "/"), Write: func(w io.Writer) error {
			warnings, err := pdf.Report(w, rep, proj, org, opt)
			p.warn(warnings)
			return err
		}})
	}
	return r, nil
}

func siteDir(opt Options) string {
	if opt.Site == "" {
		return "."
	}
	return opt.Site
}

// A Result describes a finished build.
type Result struct {
	Warnings   diag.List
	Activities int
	Pages      int64 // HTML files
	PDFs       int64
	Calendars  int64
	Shards     int   // of the search index
	Files      int64 // all files
	Bytes      int64
	Stages     []Stage
}

// Build builds the site into opt.Out. Content problems come back as a
// diag.List (see errors.As) and leave the output folder as it was.
func Build(ctx context.Context, opt Options) (*Result, error) {
	out := opt.Out
	if out == "" {
		out = "public"
	}
	p, err := NewPlan(ctx, opt)
	if err != nil {
		return nil, err
	}
	dir, err := publish.Begin(out)
	if err != nil {
		return nil, err
	}
	defer dir.Abort() // a no-op after Commit
	stop := progress(opt.Progress, p.clock, dir, len(p.Files))
	write := publish.WriteAll
	if p.onePass {
		write = publish.WriteAllOnce // nothing reads p.Files after
	}
	err = write(ctx, dir, p.Files)
	stop()
	if err != nil {
		return nil, err
	}
	p.stage("render")
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := dir.Commit(); err != nil {
		return nil, err
	}
	p.stage("publish")
	return &Result{
		Warnings:   p.Warnings(),
		Activities: len(p.Site.Activities),
		Pages:      dir.Count(".html"),
		PDFs:       dir.Count(".pdf"),
		Calendars:  dir.Count(".ics"),
		Shards:     p.SearchStats().Shards,
		Files:      dir.Files(),
		Bytes:      dir.Bytes(),
		Stages:     p.Stages,
	}, nil
}

// Load reads site.toml and the content of the site in fsys and checks
// everything a build checks, without rendering: what `moteplass check`
// runs. Links to site paths are checked against the files a build would
// write. Warnings (content.Site.Warnings) count as problems here: a
// build publishes such pages, check asks for them to be fixed.
func Load(ctx context.Context, fsys fs.FS) (*content.Site, error) {
	cfg, err := site.Load(fsys)
	if err != nil {
		return nil, err
	}
	md := markdown.New(markdown.Options{Unsafe: cfg.Markdown.Unsafe, BasePath: cfg.BasePath()})
	s, err := content.Load(ctx, fsys, cfg, md)
	if err != nil && !s.Listable(err) {
		return s, err
	}
	p := &Plan{Site: s}
	_, lerr := p.list(fsys, cfg, md, time.Time{}, nil)
	if lerr == nil {
		lerr = s.CheckPaths(paths(p.Files), p.kept.ids).Err()
	}
	return s, problems(err, lerr, s.Warnings.Err())
}

// AssetFiles lists the files beside the Markdown (images) that pages use.
func AssetFiles(fsys fs.FS, assets []content.Asset) []publish.File {
	files := make([]publish.File, len(assets))
	for i, a := range assets {
		files[i] = publish.File{Path: a.Dst, Write: func(w io.Writer) error {
			data, err := fs.ReadFile(fsys, a.Src)
			if err == nil {
				_, err = w.Write(data)
			}
			return err
		}}
	}
	return files
}

// Summary writes a short table of what a build did, like Hugo's.
func (r *Result) Summary(w io.Writer) {
	row := func(name string, v any) { fmt.Fprintf(w, "  %-16s %10v\n", name, v) }
	row("Activities", r.Activities)
	row("Pages", r.Pages)
	row("PDFs", r.PDFs)
	row("Calendars", r.Calendars)
	row("Search shards", r.Shards)
	row("Files", r.Files)
	row("Written", humanBytes(r.Bytes))
	var total time.Duration
	for _, s := range r.Stages {
		total += s.Time
	}
	fmt.Fprintln(w)
	for _, s := range r.Stages {
		row(s.Name, s.Time.Round(time.Millisecond))
	}
	row("total", total.Round(time.Millisecond))
}

// progress shows how many of n files are written, rewriting one line of
// w every 200 ms once the build has run for a second. The returned func
// stops it and clears the line.
func progress(w io.Writer, start time.Time, dir *publish.Dir, n int) (stop func()) {
	if w == nil {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		shown := false
		for {
			select {
			case <-done:
				if shown {
					fmt.Fprint(w, "\r\033[K")
				}
				return
			case <-tick.C:
				if time.Since(start) < time.Second {
					continue
				}
				shown = true
				fmt.Fprintf(w, "\rWriting files: %d of %d", dir.Files(), n)
			}
		}
	}()
	return func() { close(done); <-finished }
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
