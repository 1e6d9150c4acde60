package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/draw"
	_ "image/gif" // GIF images beside chapters
	_ "image/jpeg"
	"image/png"
	"io/fs"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// An imageFile is an image read for the PDF, or why it could not be.
type imageFile struct {
	name string // path in the site folder
	data []byte
	typ  string  // fpdf image type: PNG, JPG or GIF
	w, h float64 // natural size in mm, at 96 pixels per inch as on screen
	err  error
	hint string
}

// image reads the image at dest, relative to the folder of file. Images
// are read once per document.
func (d *docState) image(file, dest string) *imageFile {
	name, _, _ := strings.Cut(dest, "#")
	name, _, _ = strings.Cut(name, "?")
	p := path.Join(path.Dir(file), name)
	if im, ok := d.images[p]; ok {
		return im
	}
	im := &imageFile{name: p}
	d.images[p] = im
	switch {
	case hasScheme(dest) || strings.HasPrefix(dest, "//"):
		im.err = fmt.Errorf("image %s is on the web and is left out of the PDF", dest)
		im.hint = "save the image beside the chapter file and write its file name"
		return im
	case d.opt.FS == nil || !fs.ValidPath(p):
		im.err = fmt.Errorf("image %s is outside the site folder", dest)
		im.hint = "put images in the same folder as the file, or in a folder below it"
		return im
	}
	data, err := fs.ReadFile(d.opt.FS, p)
	if err != nil {
		im.err = fmt.Errorf("image %s: no such file", dest)
		im.hint = "check the name; upper and lower case matter"
		return im
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		im.err = fmt.Errorf("image %s is not a PNG, JPEG or GIF image the PDF can show", dest)
		im.hint = "save it as PNG or JPEG"
		return im
	}
	switch format {
	case "png":
		im.typ = "PNG"
		if data, err = plainPNG(data); err != nil {
			im.err = fmt.Errorf("image %s: %v", dest, err)
			im.hint = "save it again as PNG or JPEG"
			return im
		}
	case "jpeg":
		im.typ = "JPG"
	case "gif":
		im.typ = "GIF"
	default:
		im.err = fmt.Errorf("image %s is a %s image; the PDF can show PNG, JPEG and GIF", dest, strings.ToUpper(format))
		im.hint = "save it as PNG or JPEG"
		return im
	}
	im.data = data
	im.w = float64(cfg.Width) * 25.4 / 96
	im.h = float64(cfg.Height) * 25.4 / 96
	return im
}

// plainPNG returns a PNG that fpdf can embed: fpdf reads neither
// interlaced PNGs nor 16 bits per channel, so such images are decoded
// and written again as plain 8-bit PNGs.
func plainPNG(data []byte) ([]byte, error) {
	// Signature (8), IHDR length and type (8), width, height (8), then
	// bit depth, colour type, compression, filter, interlace.
	if len(data) < 29 || string(data[12:16]) != "IHDR" || binary.BigEndian.Uint32(data[8:12]) != 13 {
		return nil, fmt.Errorf("not a valid PNG file")
	}
	if data[24] <= 8 && data[28] == 0 {
		return data, nil
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	rgba := image.NewNRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
	var b bytes.Buffer
	if err := png.Encode(&b, rgba); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// figure draws an image centred in the column, scaled to fit, with its
// alt text as caption below. An image the PDF cannot show prints its
// alt text in a frame and a warning.
func (r *Renderer) figure(n *ast.Image, alt string) {
	f := r.f
	im := r.doc.image(r.ch.file.Path, string(n.Destination))
	caption := []run{{text: r.cleanFor(n, styleCaption.Face, alt)}}
	if im.err != nil {
		r.warn(n, im.err.Error(), im.hint)
		if alt == "" {
			alt = path.Base(string(n.Destination))
		}
		caption[0].text = r.cleanFor(n, styleCaption.Face, "[Bilde: "+alt+"]")
		f.Gap(r.paraGap())
		f.paragraph(caption, styleCaption, alignLeft)
		f.Gap(r.paraGap())
		return
	}
	w, h := im.w, im.h
	scale := min(1, f.w/w, 120/h)
	w, h = w*scale, h*scale
	var lines []line
	capH := 0.0
	if hasText(caption) {
		lines = breakLines(f.m, caption, styleCaption, min(f.w, max(w, 90)))
		capH = 1.8 + float64(len(lines))*styleCaption.Leading
	}
	if maxH := textBot - textTop - capH; h > maxH {
		w, h = w*maxH/h, maxH
	}
	f.Gap(gapBlock)
	y := f.Reserve(h + capH)
	if room := textBot - y - capH; h > room {
		// A heading kept with the figure took part of the page.
		w, h = w*room/h, room
	}
	f.drawMarks(y, min(h, styleBody.Leading))
	f.c.Image(im.name, im.typ, im.data, f.x+(f.w-w)/2, y, w, h)
	f.Advance(h)
	if len(lines) > 0 {
		f.Advance(1.8)
		for _, l := range lines {
			f.drawLine(l, caption, styleCaption, f.x, f.y, styleCaption.Leading, f.w, alignCenter)
			f.Advance(styleCaption.Leading)
		}
	}
	f.Gap(gapBlock)
}

// cleanFor cleans s for face, warning at n about characters it lacks.
func (r *Renderer) cleanFor(n ast.Node, face Face, s string) string {
	s, bad := r.f.m.clean(face, s)
	for _, b := range bad {
		r.warnGlyph(n, b, face)
	}
	return s
}

// Picture draws the PNG, JPEG or GIF image at path p of the site folder
// with its top left corner at (x, y), scaled down to fit maxW × maxH, and
// returns its size.
func (f *Flow) Picture(p string, x, y, maxW, maxH float64) (w, h float64, err error) {
	im := f.d.image("", p)
	if im.err != nil {
		return 0, 0, im.err
	}
	scale := min(1, maxW/im.w, maxH/im.h)
	w, h = im.w*scale, im.h*scale
	f.c.Image(im.name, im.typ, im.data, x, y, w, h)
	return w, h, nil
}
