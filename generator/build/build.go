// Package build is the pipeline: load and validate a site, render it,
// publish it atomically. It is what `moteplass build` runs.
package build

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"moteplass/generator/content"
	"moteplass/generator/html"
	"moteplass/generator/markdown"
	"moteplass/generator/publish"
	"moteplass/generator/site"
	"moteplass/themes"
)

// Options say what to build. The zero value builds the site in the
// current folder into public/ as of now.
type Options struct {
	Site string    // the site folder, with site.toml and content/
	Out  string    // the output folder, replaced as a whole
	Now  time.Time // the moment the site is built for; zero means now
}

// A Result describes a finished build.
type Result struct {
	Activities, Pages int
	Files             int64
	Bytes             int64
	Stages            []Stage
}

// A Stage is one step of the pipeline and the time it took.
type Stage struct {
	Name string
	Time time.Duration
}

// Build builds the site. Content problems come back as a diag.List (see
// errors.As) and leave the output folder as it was.
func Build(ctx context.Context, opt Options) (*Result, error) {
	if opt.Site == "" {
		opt.Site = "."
	}
	if opt.Out == "" {
		opt.Out = "public"
	}
	res := &Result{}
	clock := time.Now()
	stage := func(name string) {
		now := time.Now()
		res.Stages = append(res.Stages, Stage{name, now.Sub(clock)})
		clock = now
	}

	fsys := os.DirFS(opt.Site)
	s, err := Load(ctx, fsys)
	if err != nil {
		return nil, err
	}
	stage("load and check")

	theme, err := themes.Open(fsys, s.Config.Theme)
	if err != nil {
		return nil, err
	}
	r, err := html.New(s, theme, markdown.New(markdown.Options{Unsafe: s.Config.Markdown.Unsafe}), html.Options{Now: opt.Now})
	if err != nil {
		return nil, err
	}
	dir, err := publish.Begin(opt.Out)
	if err != nil {
		return nil, err
	}
	defer dir.Abort() // a no-op after Commit
	if err := r.Render(ctx, dir); err != nil {
		return nil, err
	}
	if err := copyAssets(fsys, s.Assets, dir); err != nil {
		return nil, err
	}
	stage("render")
	res.Activities = len(s.Activities)
	res.Files, res.Bytes = dir.Files(), dir.Bytes()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := dir.Commit(); err != nil {
		return nil, err
	}
	stage("publish")
	return res, nil
}

// Load reads site.toml and the content of the site in fsys and checks
// everything: what `moteplass check` runs.
func Load(ctx context.Context, fsys fs.FS) (*content.Site, error) {
	cfg, err := site.Load(fsys)
	if err != nil {
		return nil, err
	}
	md := markdown.New(markdown.Options{Unsafe: cfg.Markdown.Unsafe})
	return content.Load(ctx, fsys, cfg, md)
}

func copyAssets(fsys fs.FS, assets []content.Asset, out html.Output) error {
	for _, a := range assets {
		data, err := fs.ReadFile(fsys, a.Src)
		if err != nil {
			return err
		}
		if err := out.WriteFile(a.Dst, data); err != nil {
			return err
		}
	}
	return nil
}

// Summary writes a short table of what a build did.
func (r *Result) Summary(w io.Writer) {
	fmt.Fprintf(w, "%-16s %8d\n", "Activities", r.Activities)
	fmt.Fprintf(w, "%-16s %8d\n", "Files", r.Files)
	fmt.Fprintf(w, "%-16s %8s\n", "Bytes written", humanBytes(r.Bytes))
	var total time.Duration
	for _, s := range r.Stages {
		fmt.Fprintf(w, "%-16s %8s\n", s.Name, s.Time.Round(time.Millisecond))
		total += s.Time
	}
	fmt.Fprintf(w, "%-16s %8s\n", "Total", total.Round(time.Millisecond))
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
