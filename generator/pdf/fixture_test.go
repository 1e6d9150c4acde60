package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/BurntSushi/toml"
	"golang.org/x/tools/txtar"

	"moteplass/generator/content"
	"moteplass/generator/markdown"
)

// front is the front matter the fixtures use.
type front struct {
	Title    string   `toml:"title"`
	Subtitle string   `toml:"subtitle"`
	Summary  string   `toml:"summary"`
	Version  string   `toml:"version"`
	Date     string   `toml:"date"`
	Authors  []string `toml:"authors"`
	Website  string   `toml:"website"`
	Email    string   `toml:"email"`
	Logo     string   `toml:"logo"`
}

// fixture is a handbook read from a txtar archive without the loader:
// front matter decoded here, bodies parsed with package markdown. Lines
// is left zero, so warnings carry the path but no line.
type fixture struct {
	fsys fstest.MapFS
	hb   *content.Handbook
	org  *content.Organisation
	ar   *txtar.Archive
}

func loadFixture(t testing.TB, ar *txtar.Archive) *fixture {
	t.Helper()
	fx := &fixture{fsys: fstest.MapFS{}, ar: ar}
	md := markdown.New(markdown.Options{})
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "content/") {
			continue
		}
		fx.fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		var fm front
		body := f.Data
		if rest, ok := bytes.CutPrefix(f.Data, []byte("+++\n")); ok {
			head, b, ok := bytes.Cut(rest, []byte("+++\n"))
			if !ok {
				t.Fatalf("%s: unclosed front matter", f.Name)
			}
			if _, err := toml.Decode(string(head), &fm); err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			body = b
		}
		file := content.File{Path: f.Name, Slug: strings.TrimSuffix(path.Base(f.Name), ".md"), Body: body, Doc: md.Parse(body)}
		switch {
		case strings.HasPrefix(f.Name, "content/organisations/"):
			fx.org = &content.Organisation{File: file, Title: fm.Title, Website: fm.Website, Email: fm.Email, Logo: fm.Logo}
		case path.Base(f.Name) == "index.md":
			d, err := time.Parse("2006-01-02", fm.Date)
			if err != nil {
				t.Fatalf("%s: date: %v", f.Name, err)
			}
			file.Slug = path.Base(path.Dir(f.Name))
			hb := &content.Handbook{File: file, Title: fm.Title, Subtitle: fm.Subtitle, Summary: fm.Summary,
				Version: fm.Version, Authors: fm.Authors, Date: content.DateOf(time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, content.Oslo))}
			if fx.hb != nil {
				hb.Chapters = fx.hb.Chapters
			}
			fx.hb = hb
		default:
			if fx.hb == nil {
				fx.hb = &content.Handbook{}
			}
			fx.hb.Chapters = append(fx.hb.Chapters, &content.HandbookChapter{File: file, Title: fm.Title, Summary: fm.Summary})
		}
	}
	for _, c := range fx.hb.Chapters {
		c.Handbook = fx.hb
	}
	slices.SortFunc(fx.hb.Chapters, func(a, b *content.HandbookChapter) int { return strings.Compare(a.Path, b.Path) })
	// Images beside the files, made here rather than stored.
	fx.fsys["content/organisations/logo.png"] = &fstest.MapFile{Data: testPNG(t, 320, 120, color.NRGBA{0x0b, 0x5d, 0x66, 0xff})}
	dir := path.Dir(fx.hb.Path)
	fx.fsys[dir+"/kart.png"] = &fstest.MapFile{Data: testPNG(t, 480, 300, color.NRGBA{0x8f, 0xbd, 0xc2, 0xff})}
	fx.fsys[dir+"/bilde.jpg"] = &fstest.MapFile{Data: testJPEG(t, 400, 260)}
	return fx
}

func (fx *fixture) options() Options {
	return Options{
		FS:      fx.fsys,
		HTMLURL: "https://moteplass.example.org/handboker/" + fx.hb.Slug + "/",
		URL:     func(p string) string { return "https://moteplass.example.org" + p },
	}
}

// testPNG makes a w×h PNG: a frame and a diagonal in c on white.
func testPNG(t testing.TB, w, h int, c color.NRGBA) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			col := color.NRGBA{0xff, 0xff, 0xff, 0xff}
			if x < 6 || y < 6 || x >= w-6 || y >= h-6 || abs(x*h-y*w) < 4*w {
				col = c
			}
			img.SetNRGBA(x, y, col)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func testJPEG(t testing.TB, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(40 + x*120/w), uint8(110 + y*80/h), 120, 0xff})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func abs(x int) int { return max(x, -x) }
