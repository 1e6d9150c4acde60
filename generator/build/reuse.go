package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"moteplass/generator/html"
	"moteplass/generator/markdown"
	"moteplass/generator/pdf"
	"moteplass/generator/search"
	"moteplass/generator/site"
	"moteplass/themes"
)

// What one plan hands to the next (Options.Prev, for serve): site.toml,
// the theme, its templates and fonts are parsed once per version of
// their files, not on every save. Whether a file changed is read from
// the disk each time (site.toml's bytes, the size and time of the
// files of the site's theme folder and fonts), not from what a watcher
// reported, so a lost event cannot keep an old version.
type kept struct {
	cfgSrc []byte
	cfg    *site.Config
	md     *markdown.Markdown

	themeKey string // see themeKey
	theme    fs.FS
	ids      []string // themeIDs(theme)

	fontsKey string
	fonts    *pdf.Fonts

	renderer *html.Renderer
	search   *search.Cache // documents split into words, for the index
}

// config returns the site's configuration and Markdown, prev's if
// site.toml has not changed since.
func (p *Plan) config(fsys fs.FS, prev *Plan) (*site.Config, *markdown.Markdown, error) {
	src, err := fs.ReadFile(fsys, site.File)
	if err == nil && prev != nil && prev.kept.cfg != nil && bytes.Equal(src, prev.kept.cfgSrc) {
		p.kept.cfgSrc, p.kept.cfg, p.kept.md = prev.kept.cfgSrc, prev.kept.cfg, prev.kept.md
		return p.kept.cfg, p.kept.md, nil
	}
	var cfg *site.Config
	if err == nil {
		cfg, err = site.Parse(src)
	} else {
		cfg, err = site.Load(fsys) // says what is wrong with the file
	}
	if err != nil {
		return nil, nil, err
	}
	md := markdown.New(markdown.Options{Unsafe: cfg.Markdown.Unsafe, BasePath: cfg.BasePath()})
	p.kept.cfgSrc, p.kept.cfg, p.kept.md = src, cfg, md
	return cfg, md, nil
}

// theme opens the site's theme, or takes prev's if neither the theme's
// name nor the site's theme folder changed.
func (p *Plan) theme(fsys fs.FS, cfg *site.Config, prev *Plan) (theme fs.FS, reused bool, err error) {
	key := themeKey(fsys, cfg.Theme)
	if prev != nil && prev.kept.theme != nil && prev.kept.themeKey == key {
		p.kept.themeKey, p.kept.theme, p.kept.ids = key, prev.kept.theme, prev.kept.ids
		return p.kept.theme, true, nil
	}
	theme, err = themes.Open(fsys, cfg.Theme)
	if err != nil {
		return nil, false, err
	}
	p.kept.themeKey, p.kept.theme, p.kept.ids = key, theme, themeIDs(theme)
	return theme, false, nil
}

// fonts loads the PDF fonts, or takes prev's if the theme, site.toml's
// [pdf] and the site's font files are as they were.
func (p *Plan) fonts(theme, fsys fs.FS, cfg *site.Config, prev *Plan) (*pdf.Fonts, error) {
	var b strings.Builder
	b.WriteString(p.kept.themeKey)
	for _, name := range []string{cfg.PDF.Regular, cfg.PDF.Bold, cfg.PDF.Italic, cfg.PDF.BoldItalic, cfg.PDF.Mono} {
		fmt.Fprintf(&b, "\x00%s", name)
		if name != "" {
			b.WriteString(statKey(fsys, path.Clean(name)))
		}
	}
	key := b.String()
	if prev != nil && prev.kept.fonts != nil && prev.kept.fontsKey == key {
		p.kept.fontsKey, p.kept.fonts = key, prev.kept.fonts
		return p.kept.fonts, nil
	}
	fonts, err := pdf.LoadFonts(theme, fsys, cfg.PDF)
	if err != nil {
		return nil, err
	}
	p.kept.fontsKey, p.kept.fonts = key, fonts
	return fonts, nil
}

// themeKey names the version of a site's theme: its name, and the path,
// size and modification time of every file of the site's themes/<name>/
// folder (the built-in theme under it is part of the binary).
func themeKey(fsys fs.FS, name string) string {
	var b strings.Builder
	b.WriteString(name)
	fs.WalkDir(fsys, path.Join("themes", name), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			fmt.Fprintf(&b, "\x00%s: %v", p, err)
			return nil
		}
		b.WriteString("\x00" + p)
		if !d.IsDir() {
			b.WriteString(statKey(fsys, p))
		}
		return nil
	})
	return b.String()
}

// statKey returns the size and modification time of the file at name,
// or why they cannot be read.
func statKey(fsys fs.FS, name string) string {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return " " + err.Error()
	}
	return fmt.Sprintf(" %d %d", st.Size(), st.ModTime().UnixNano())
}
