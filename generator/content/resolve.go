package content

import (
	"bytes"
	"fmt"
	stdhtml "html"
	"image"
	_ "image/gif" // image sizes for width and height attributes
	_ "image/jpeg"
	_ "image/png"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"

	"moteplass/generator/diag"
	"moteplass/generator/markdown"
	"moteplass/generator/slug"
	"moteplass/generator/suggest"
)

// resolve checks every relative link and image in the Markdown and records
// where it is published: a link to 05-trygghet.md becomes the chapter's
// address, an image beside the file becomes an Asset copied to the output.
func resolve(fsys fs.FS, s *Site) diag.List {
	r := &resolver{fsys: fsys, s: s, ids: map[string][]string{}, assets: map[string]string{}}
	for _, v := range s.docs { // in path order
		r.document(v)
	}
	for _, o := range s.Organisations {
		if o.Logo != "" {
			if dst, ok := r.asset(&o.File, o, o.Logo, o.Meta.Value("logo")); ok {
				o.LogoURL = "/" + dst
				o.LogoWidth, o.LogoHeight = r.size(path.Join(o.Dir(), o.Logo))
			}
		}
	}
	for _, src := range slices.Sorted(maps.Keys(r.assets)) {
		s.Assets = append(s.Assets, Asset{Src: src, Dst: r.assets[src]})
	}
	return r.errs
}

type resolver struct {
	fsys   fs.FS
	s      *Site
	ids    map[string][]string // heading IDs by file path
	assets map[string]string   // source path → output path
	dsts   map[string]string   // output path → source path
	errs   diag.List
}

func fileOf(v any) *File {
	switch v := v.(type) {
	case *Organisation:
		return &v.File
	case *Project:
		return &v.File
	case *Activity:
		return &v.File
	case *Handbook:
		return &v.File
	case *HandbookChapter:
		return &v.File
	case *Report:
		return &v.File
	case *Page:
		return &v.File
	}
	return nil
}

// A resolution is what resolving a document found, kept with the parsed
// file when it depends on nothing else (see linksAlone).
type resolution struct {
	errs, warnings diag.List
}

func (r *resolver) document(v any) {
	f := fileOf(v)
	if f.alone != nil {
		r.errs.Merge(f.alone.errs)
		r.s.Warnings.Merge(f.alone.warnings)
		return
	}
	if f.linksAlone() {
		// No link of it names another file or a site path: what it
		// finds holds until the file changes (serve keeps it).
		nErrs, nWarnings := len(r.errs), len(r.s.Warnings)
		r.links(f, v)
		f.alone = &resolution{slices.Clone(r.errs[nErrs:]), slices.Clone(r.s.Warnings[nWarnings:])}
		return
	}
	r.links(f, v)
}

// linksAlone reports whether resolving f's links looks at f alone: each
// goes to another site, is unsafe, or is an anchor in f.
func (f *File) linksAlone() bool {
	if f.Doc == nil {
		for _, ref := range f.refs {
			if !destAlone(ref.dest) {
				return false
			}
		}
		return true
	}
	for _, n := range f.links {
		if dest, _ := linkDest(n, f.Body); !destAlone(dest) {
			return false
		}
	}
	return true
}

// destAlone reports whether resolver.link decides about dest without
// looking at other files, the disk or the site's paths.
func destAlone(dest string) bool {
	dest = stdhtml.UnescapeString(dest)
	switch {
	case strings.HasPrefix(dest, "//"):
		return true
	case strings.HasPrefix(dest, "/"):
		return false // a site path
	case markdown.Scheme(dest) != "", !internal(dest):
		return true
	}
	target, _, _ := strings.Cut(dest, "#")
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	return target == "" // an anchor in the same file
}

// links resolves the links and images of f, the file of v.
func (r *resolver) links(f *File, v any) {
	if f.Doc == nil { // compacted: the links were noted, and the body rendered with markers
		for i := range f.refs {
			ref := &f.refs[i]
			ref.href, ref.w, ref.h = "", 0, 0 // a Cache's file keeps the last load's
			if href, ok := r.link(f, v, ref.dest, f.Lines.Pos(ref.off), ref.image); ok {
				ref.href = href
				if ref.image {
					ref.w, ref.h = r.size(path.Join(f.Dir(), assetTarget(ref.dest)))
				}
			}
		}
		return
	}
	for _, n := range f.links {
		dest, image := linkDest(n, f.Body)
		pos := f.Lines.Pos(nodeOffset(n, f.Body))
		if href, ok := r.link(f, v, dest, pos, image); ok {
			n.SetAttributeString(markdown.AttrHref, href)
			if img, isImg := n.(*ast.Image); isImg {
				r.imageSize(f, img, dest)
			}
		}
	}
}

// linkDest returns where a link, image or autolink of src points, and
// whether it is an image. An autolink's address is the one the page
// links to (markdown.AutoLinkURL): it has a scheme, so it is only
// checked for form.
func linkDest(n ast.Node, src []byte) (dest string, image bool) {
	switch n := n.(type) {
	case *ast.Link:
		return string(n.Destination), false
	case *ast.Image:
		return string(n.Destination), true
	case *ast.AutoLink:
		return markdown.AutoLinkURL(n, src), false
	}
	return "", false
}

// nodeOffset finds a byte offset in src for an inline node: its own, or
// that of the text inside it.
func nodeOffset(n ast.Node, src []byte) int {
	if a, ok := n.(*ast.AutoLink); ok {
		// Its position may be the byte before it (goldmark's linkify).
		label := a.Label(src)
		if p := a.Pos(); p >= 0 && p <= len(src) {
			if i := bytes.Index(src[p:], label); i >= 0 && i <= 1 {
				return p + i
			}
			return p
		}
	}
	for c := n; c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return n.Pos()
}

// link resolves one destination. It returns the published URL when the
// destination points into the site.
func (r *resolver) link(f *File, owner any, dest string, pos diag.Pos, image bool) (string, bool) {
	// Read the destination as the browser will: with character
	// references resolved ("&#106;avascript:" is a scheme, not a file).
	dest = stdhtml.UnescapeString(dest)
	if r.elsewhere(f, dest, pos, image) {
		return "", false // a site path or another site's address: checked, written as it is
	}
	if !internal(dest) {
		return "", false // absolute, external or unsafe: the renderer decides
	}
	target, frag, _ := strings.Cut(dest, "#")
	if t, err := url.PathUnescape(target); err == nil {
		target = t // "kart%20ny.png" names the file "kart ny.png"
	}
	if target == "" {
		r.anchor(f, f, frag, pos)
		return "", false
	}
	p := path.Join(f.Dir(), target)
	if strings.HasSuffix(target, "/") {
		p = path.Join(p, "index.md")
	}
	if strings.HasSuffix(p, ".md") {
		to := r.s.byPath[p]
		if to == nil {
			r.errs.Add(pos, fmt.Sprintf("link to %s: no such file", target), r.nearFile(p))
			return "", false
		}
		if frag != "" {
			r.anchor(f, fileOf(to), frag, pos)
			frag = "#" + frag
		}
		return urlOf(to) + frag, true
	}
	if image && frag != "" {
		frag = ""
	}
	dst, ok := r.asset(f, owner, target, pos)
	if !ok {
		return "", false
	}
	if frag != "" {
		frag = "#" + frag
	}
	return "/" + dst + frag, true
}

// asset records a file beside f to be copied to the output and returns
// its output path.
func (r *resolver) asset(f *File, owner any, rel string, pos diag.Pos) (string, bool) {
	if problem, hint := badAssetName(rel); problem != "" {
		r.errs.Add(pos, problem, hint)
		return "", false
	}
	src := path.Join(f.Dir(), rel)
	root := f.Dir()
	switch owner.(type) {
	case *Handbook, *HandbookChapter:
		root = path.Dir(f.Path)
	}
	sub := strings.TrimPrefix(src, root+"/")
	if !fs.ValidPath(src) || !strings.HasPrefix(src, root+"/") || !fs.ValidPath(sub) {
		r.errs.Add(pos, fmt.Sprintf("%s is outside the folder of this file", rel), "put images in the same folder as the file, or in a folder below it")
		return "", false
	}
	if st, err := fs.Stat(r.fsys, src); err != nil || st.IsDir() {
		r.errs.Add(pos, fmt.Sprintf("%s: no such file", rel), "check the name; upper and lower case matter")
		return "", false
	}
	if r.s.files != nil && !r.s.files[src] {
		// The scan did not see it as a plain file: it is reached
		// through a symbolic link, or hidden.
		r.errs.Add(pos, fmt.Sprintf("%s is not published: it is a symbolic link, in a linked folder, or hidden", rel), "copy the file into the site, under a name that does not start with a dot")
		return "", false
	}
	dst := strings.TrimPrefix(assetBase(owner), "/") + sub
	if prev, ok := r.assets[src]; ok {
		return prev, true
	}
	if r.dsts == nil {
		r.dsts = map[string]string{}
	}
	if other, ok := r.dsts[strings.ToLower(dst)]; ok && other != src {
		r.errs.Add(pos, fmt.Sprintf("%s would be published at the same address as %s", src, other), "rename one of them: addresses ignore upper and lower case on many disks")
		return "", false
	}
	r.dsts[strings.ToLower(dst)] = src
	r.assets[src] = dst
	return dst, true
}

// badAssetName explains what is wrong with the name of a file beside the
// Markdown that no disk would treat the same everywhere: an absolute
// path, a Windows path, a control character or a name Windows reserves.
func badAssetName(rel string) (problem, hint string) {
	switch {
	case strings.ContainsFunc(rel, unicode.IsControl):
		return fmt.Sprintf("%q holds a control character (such as NUL)", rel), "name the file with letters, digits and hyphens"
	case strings.HasPrefix(rel, "/"):
		return fmt.Sprintf("%s is an absolute path", rel), "name the file relative to this one, e.g. bilde.png for a file in the same folder"
	case strings.Contains(rel, `\`) || len(rel) > 1 && rel[1] == ':':
		return fmt.Sprintf("%s is a Windows path", rel), "write folders with / and relative to this file, e.g. bilder/kart.png"
	}
	for _, el := range strings.Split(rel, "/") {
		if base, _, _ := strings.Cut(el, "."); slug.Reserved(base) {
			return fmt.Sprintf("%s: %q is a name Windows reserves for a device", rel, el), "rename the file"
		}
	}
	return "", ""
}

// internal reports whether link dest (character references resolved)
// points at a file of the site, for the resolver to check and publish:
// not absolute, not external, not unsafe.
func internal(dest string) bool {
	return dest != "" && !strings.HasPrefix(dest, "/") && markdown.SafeURL(dest) && !hasScheme(dest)
}

// resolvable reports whether the resolver writes the address of a link
// or image with destination dest, as written: a file of the site, not
// just an anchor in the same page.
func resolvable(dest string) bool {
	dest = stdhtml.UnescapeString(dest)
	target, _, _ := strings.Cut(dest, "#")
	return internal(dest) && target != ""
}

// assetTarget returns the file an image destination names, relative to
// the file it is in.
func assetTarget(dest string) string {
	target, _, _ := strings.Cut(stdhtml.UnescapeString(dest), "#")
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	return target
}

func (r *resolver) imageSize(f *File, img *ast.Image, dest string) {
	w, h := r.size(path.Join(f.Dir(), assetTarget(dest)))
	if w == 0 {
		return // not an image format we know; it is still published
	}
	img.SetAttributeString(markdown.AttrWidth, strconv.Itoa(w))
	img.SetAttributeString(markdown.AttrHeight, strconv.Itoa(h))
}

// size returns the width and height of the image at p in pixels, or
// zeros if it is not a PNG, JPEG or GIF. Only the header is read.
func (r *resolver) size(p string) (w, h int) {
	f, err := r.fsys.Open(p)
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return 0, 0
	}
	return cfg.Width, cfg.Height
}

// anchor checks that #frag names a heading in the file to.
func (r *resolver) anchor(f, to *File, frag string, pos diag.Pos) {
	if frag == "" || strings.HasPrefix(frag, "fn:") || strings.HasPrefix(frag, "fnref:") {
		return
	}
	ids, ok := r.ids[to.Path]
	if !ok {
		if to.ids != "" {
			ids = strings.Split(to.ids, "\x00")
		}
		if to.Doc != nil {
			ids = HeadingIDs(to.Doc)
		}
		r.ids[to.Path] = ids
	}
	if !slices.Contains(ids, frag) {
		where := "in this file"
		if to != f {
			where = "in " + to.Path
		}
		r.errs.Add(pos, fmt.Sprintf("no heading with anchor #%s %s", frag, where), suggest.Hint(frag, ids))
	}
}

// HeadingIDs lists the anchors of a document's headings in order.
func HeadingIDs(doc ast.Node) []string {
	var ids []string
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok {
			if id, ok := h.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					ids = append(ids, string(b))
				}
			}
		}
	}
	return ids
}

func (r *resolver) nearFile(p string) string {
	names := baseNames(slices.Sorted(maps.Keys(r.s.byPath)), path.Dir(p))
	if n := suggest.Nearest(path.Base(p), names); n != "" {
		return `did you mean "` + n + `"?`
	}
	if len(names) > 0 && len(names) <= 12 {
		return "files there: " + strings.Join(names, ", ")
	}
	return "links to other pages name their Markdown file, e.g. 02-rollen.md"
}

func baseNames(paths []string, dir string) []string {
	var out []string
	for _, p := range paths {
		if path.Dir(p) == dir {
			out = append(out, path.Base(p))
		}
	}
	return out
}

// urlOf returns the page address of a document of any kind.
func urlOf(v any) string {
	if u, ok := v.(interface{ URL() string }); ok {
		return u.URL()
	}
	return "/"
}

func hasScheme(s string) bool {
	i := strings.IndexByte(s, ':')
	return i > 0 && !strings.ContainsAny(s[:i], "/?#")
}
