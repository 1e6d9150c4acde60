package content

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io/fs"
	"runtime"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/util"

	"moteplass/generator/markdown"
	"moteplass/generator/parallel"
	"moteplass/generator/site"
)

// LoadCompact is Load for a build that renders each page once. It keeps
// the body of every activity as HTML, rendered in the same pass that
// parses it, instead of as a syntax tree: the trees are most of the
// memory of a big site (12 KB for an activity of 300 words, against 3 KB
// of HTML), and the garbage collector would scan every node of them
// again and again while the rest of the site loads. The search index
// reads the words from the HTML (CompactHTML).
//
// Links between files are resolved only once every file is read, so the
// HTML is rendered with a marker in place of each address the resolver
// decides (and of each image's size), and the markers are replaced once
// the site is checked. After LoadCompact, an activity's Doc, Body and
// Meta are nil, its Lines give no positions, and BodyHTML returns what
// was rendered. A Cache (serve) compacts activities too, but
// keeps their source and positions and the markers, which BodyHTML
// replaces with what the latest load found.
func LoadCompact(ctx context.Context, fsys fs.FS, cfg *site.Config, md *markdown.Markdown) (*Site, error) {
	var nonce [8]byte
	rand.Read(nonce[:])
	c := &compactor{nonce: "mpl" + hex.EncodeToString(nonce[:]), base: cfg.BasePath()}
	s, errs, err := parseAll(ctx, fsys, cfg, md, nil, c)
	if err != nil {
		return nil, err
	}
	errs.Merge(validate(fsys, s))
	if err := errs.Err(); err != nil {
		return s, err
	}
	// A file at a time, in parallel: a hundred thousand bodies take a
	// second of one core.
	err = parallel.Each(ctx, len(s.Activities), runtime.GOMAXPROCS(0), func(_ context.Context, i int) error {
		a := s.Activities[i]
		if err := c.patch(&a.File); err != nil {
			return err
		}
		// Checked and rendered: the source (and the positions into it,
		// for errors) can go too, and what only checking links reads.
		a.Body, a.Meta, a.Lines = nil, nil, BodyLines{}
		a.ids, a.alone = "", nil
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// A compactor renders bodies as they are parsed.
type compactor struct {
	nonce string // starts every marker; random, so no text contains it
	base  string // path of base_url, which site paths are written under
}

// A linkRef is what the resolver needs of a link or image of a compacted
// body, and what it found.
type linkRef struct {
	dest   string // as written
	image  bool
	off    int    // body offset, for errors
	marker string // in the HTML where the resolved address goes; "" if the renderer decided
	href   string // the resolved address
	w, h   int    // an image's size in pixels, if known
}

// compact renders f's body as HTML and drops its tree.
func (c *compactor) compact(f *File, md *markdown.Markdown) error {
	// One string, not a slice of them: a site has a few heading ids
	// per activity, and every string is an object the collector visits.
	f.ids = strings.Join(HeadingIDs(f.Doc), "\x00")
	for _, n := range f.links {
		ref := linkRef{off: nodeOffset(n, f.Body)}
		ref.dest, ref.image = linkDest(n, f.Body)
		if resolvable(ref.dest) {
			ref.marker = c.nonce + strconv.Itoa(len(f.refs))
			n.SetAttributeString(markdown.AttrHref, ref.marker+"z")
			if ref.image {
				n.SetAttributeString(markdown.AttrWidth, ref.marker+"w")
				n.SetAttributeString(markdown.AttrHeight, ref.marker+"h")
			}
		}
		f.refs = append(f.refs, ref)
	}
	var b bytes.Buffer
	b.Grow(len(f.Body) + len(f.Body)/4)
	if err := md.RenderHTML(&b, f.Body, f.Doc); err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	f.html = b.String()
	f.Doc, f.links = nil, nil
	return nil
}

// patch puts the addresses and sizes the resolver found where compact
// left markers, once and for all (LoadCompact).
func (c *compactor) patch(f *File) error {
	if f.Doc != nil || f.refs == nil {
		return nil
	}
	h, err := f.patched(c.base)
	if err != nil {
		return err
	}
	if strings.Contains(h, c.nonce) {
		return fmt.Errorf("%s: internal error: a link marker was left in the HTML", f.Path)
	}
	f.html, f.refs = h, nil
	return nil
}

// markers reports whether f's HTML holds markers for the resolver's
// addresses: a compacted body kept by a Cache, whose links are resolved
// again on every load.
func (f *File) markers() bool {
	for _, ref := range f.refs {
		if ref.marker != "" {
			return true
		}
	}
	return false
}

// patched returns f's HTML with the addresses and sizes the resolver
// found where compact left markers, written as the HTML renderer writes
// them; base is the path of base_url. It changes nothing, so pages may
// call it at once. One pass, one copy: a marker is the nonce, the ref's
// index and what goes there (z the address, w and h an image's size,
// whose attribute is left out when the size is not known).
func (f *File) patched(base string) (string, error) {
	nonce := ""
	for i, ref := range f.refs {
		if ref.marker != "" {
			nonce = strings.TrimSuffix(ref.marker, strconv.Itoa(i)) // hex: it may end in digits itself
			break
		}
	}
	if nonce == "" {
		return f.html, nil
	}
	left := fmt.Errorf("%s: internal error: a link marker was left in the HTML", f.Path)
	h := f.html
	out := make([]byte, 0, len(h)+len(h)/8)
	for {
		i := strings.Index(h, nonce)
		if i < 0 {
			out = append(out, h...)
			break
		}
		out = append(out, h[:i]...)
		rest := h[i+len(nonce):]
		j := 0
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			j++
		}
		idx, err := strconv.Atoi(rest[:j])
		if err != nil || idx >= len(f.refs) || j == len(rest) || f.refs[idx].marker != nonce+rest[:j] {
			return "", left
		}
		ref := &f.refs[idx]
		kind := rest[j]
		h = rest[j+1:]
		switch kind {
		case 'z':
			u := ref.href
			if u == "" {
				u = ref.dest
			}
			u = markdown.UnderBase(base, u)
			out = append(out, util.EscapeHTML(util.URLEscape([]byte(u), true))...)
		case 'w', 'h':
			name, v := "width", ref.w
			if kind == 'h' {
				name, v = "height", ref.h
			}
			attr := " " + name + `="`
			if !ref.image || !bytes.HasSuffix(out, []byte(attr)) || !strings.HasPrefix(h, `"`) {
				return "", left
			}
			if v > 0 {
				out = strconv.AppendInt(out, int64(v), 10)
			} else {
				out, h = out[:len(out)-len(attr)], h[1:]
			}
		default:
			return "", left
		}
	}
	return string(out), nil
}

// BodyHTML returns the body as HTML: rendered now, or when it was
// parsed (LoadCompact, a Cache) with the addresses of this load.
func (f *File) BodyHTML(md *markdown.Markdown) (string, error) {
	if f.Doc == nil {
		if f.markers() {
			return f.patched(md.Options().BasePath)
		}
		return f.html, nil
	}
	var b strings.Builder
	if err := md.RenderHTML(&b, f.Body, f.Doc); err != nil {
		return "", fmt.Errorf("%s: %w", f.Path, err)
	}
	return b.String(), nil
}

// TakeBodyHTML is BodyHTML for a build that writes each page once: the
// HTML LoadCompact kept is handed over and let go, so the bodies of a
// large site leave memory as their pages are written. Asking again is an
// error, not an empty page. A body with a syntax tree is rendered now,
// as BodyHTML does.
func (f *File) TakeBodyHTML(md *markdown.Markdown) (string, error) {
	if f.taken {
		return "", fmt.Errorf("%s: internal error: the body's HTML was taken already", f.Path)
	}
	h, err := f.BodyHTML(md)
	if f.Doc == nil {
		f.html, f.taken = "", true
	}
	return h, err
}

// CompactHTML returns the HTML a compacted body (LoadCompact, a Cache)
// was rendered to, for the search index to read its words; ok is false
// if f keeps its syntax tree instead, or the HTML was taken. Its links
// may still hold the resolver's markers: they sit in attributes, not in
// the text.
func (f *File) CompactHTML() (html string, ok bool) {
	return f.html, f.Doc == nil && !f.taken
}
