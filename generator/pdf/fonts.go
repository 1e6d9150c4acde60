package pdf

import (
	"fmt"
	"io/fs"
	"path"
	"sync"

	"golang.org/x/image/font/sfnt"

	"moteplass/generator/site"
	"moteplass/themes"
)

// A Face is one of the five typefaces a document uses.
type Face uint8

// The faces: a sans-serif family for text and a monospace for code.
const (
	Regular Face = iota
	Bold
	Italic
	BoldItalic
	Mono
	numFaces
)

// family and style name a face for fpdf's SetFont.
func (f Face) family() string {
	if f == Mono {
		return "mono"
	}
	return "sans"
}

func (f Face) style() string {
	return [...]string{"", "B", "I", "BI", ""}[f]
}

func (f Face) String() string { return f.family() + "-" + f.style() }

// styled returns the face with bold and italic as asked; Mono stays Mono.
func styled(bold, italic bool) Face {
	switch {
	case bold && italic:
		return BoldItalic
	case bold:
		return Bold
	case italic:
		return Italic
	}
	return Regular
}

// Fonts are the TrueType fonts of PDF documents. They are read-only after
// LoadFonts and safe for concurrent use: load them once per build and pass
// them to every document in Options.
type Fonts struct {
	faces [numFaces]fontFile
}

type fontFile struct {
	name string // where it came from, for messages
	data []byte
	font *sfnt.Font
	upem float64
}

// defaultFiles are the theme's font files, under fonts/ in a theme.
var defaultFiles = [numFaces]string{
	Regular:    "fonts/NotoSans-Regular.ttf",
	Bold:       "fonts/NotoSans-Bold.ttf",
	Italic:     "fonts/NotoSans-Italic.ttf",
	BoldItalic: "fonts/NotoSans-BoldItalic.ttf",
	Mono:       "fonts/NotoSansMono-Regular.ttf",
}

// LoadFonts reads the fonts of a site: each face the site names in
// site.toml ([pdf] regular = "fonts/x.ttf", paths relative to the site
// folder siteFS) and the theme's Noto fonts for the rest. theme may be
// nil for the embedded default theme.
func LoadFonts(theme, siteFS fs.FS, cfg site.PDF) (*Fonts, error) {
	if theme == nil {
		theme = themes.Default()
	}
	own := [numFaces]string{cfg.Regular, cfg.Bold, cfg.Italic, cfg.BoldItalic, cfg.Mono}
	keys := [numFaces]string{"regular", "bold", "italic", "bold_italic", "mono"}
	fts := &Fonts{}
	for f := range numFaces {
		fsys, name, label := theme, defaultFiles[f], "theme "+defaultFiles[f]
		if own[f] != "" {
			fsys, name = siteFS, path.Clean(own[f])
			label = fmt.Sprintf("%s: [pdf] %s = %q", site.File, keys[f], own[f])
			if siteFS == nil || !fs.ValidPath(name) {
				return nil, fmt.Errorf("%s: write a path inside the site folder, e.g. \"fonts/x.ttf\"", label)
			}
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", label, err)
		}
		ff, err := parseFont(label, data)
		if err != nil {
			return nil, err
		}
		fts.faces[f] = ff
	}
	return fts, nil
}

func parseFont(label string, data []byte) (fontFile, error) {
	fnt, err := sfnt.Parse(data)
	if err != nil {
		return fontFile{}, fmt.Errorf("%s: not a TrueType font: %v", label, err)
	}
	upem := float64(fnt.UnitsPerEm())
	if upem <= 0 {
		return fontFile{}, fmt.Errorf("%s: font has no units per em", label)
	}
	var b sfnt.Buffer
	if g, _ := fnt.GlyphIndex(&b, 'a'); g == 0 {
		return fontFile{}, fmt.Errorf("%s: font has no Latin letters (or is not a Unicode TrueType font)", label)
	}
	return fontFile{name: label, data: data, font: fnt, upem: upem}, nil
}

// DefaultFonts returns the embedded theme's Noto fonts, loaded once.
func DefaultFonts() *Fonts {
	f, err := defaultFonts()
	if err != nil {
		panic(err) // the fonts are embedded in the binary
	}
	return f
}

var defaultFonts = sync.OnceValues(func() (*Fonts, error) {
	return LoadFonts(nil, nil, site.PDF{})
})
