package content

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"moteplass/generator/diag"
	"moteplass/generator/suggest"
)

// Links and images in Markdown may name a page by its address on the
// site, "/om/#kontakt", instead of by its file. Load checks those that
// name a page made from Markdown and the anchor in it; the rest point at
// pages and files the build makes (facet pages, /sok/, the theme's
// static files), which only the build can list, so it hands them to
// CheckPaths.

// A sitePath is a link written as a site path that Load left for
// CheckPaths.
type sitePath struct {
	pos   diag.Pos
	dest  string // as written, character references resolved
	file  string // the path it names, unescaped, without the leading "/"
	frag  string
	image bool
	// anchor is set when the path names a page made from Markdown that
	// has no heading with id frag: the problem, unless the theme's
	// layouts write an element with that id.
	anchor *diag.Error
}

// sitePath settles a link to a site path that names a page made from
// Markdown, and keeps the rest for CheckPaths.
func (r *resolver) sitePath(f *File, dest string, pos diag.Pos, image bool) {
	target, frag, _ := strings.Cut(dest, "#")
	target, _, _ = strings.Cut(target, "?")
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	clean := path.Clean(target)
	if strings.HasSuffix(target, "/") && clean != "/" {
		clean += "/"
	}
	sp := sitePath{pos: pos, dest: dest, file: strings.TrimPrefix(clean, "/"), frag: frag, image: image}
	if to := r.page(clean); to != nil && !image {
		if frag == "" {
			return
		}
		// anchor reports a missing heading as it does for relative
		// links; the theme may still write that id, so the problem
		// waits for CheckPaths.
		n := len(r.errs)
		r.anchor(f, fileOf(to), frag, pos)
		if len(r.errs) == n {
			return
		}
		sp.anchor = r.errs[n]
		r.errs = r.errs[:n]
	}
	r.s.paths = append(r.s.paths, sp)
}

// page returns the content item published at the site path p ("/om/",
// or "/om" without the slash a browser is sent on to), or nil.
func (r *resolver) page(p string) any {
	s := r.s
	if s.pageByURL == nil {
		s.pageByURL = map[string]any{}
		for _, v := range s.published() {
			s.pageByURL[urlOf(v)] = v
		}
	}
	if v, ok := s.pageByURL[p]; ok {
		return v
	}
	if !strings.HasSuffix(p, "/") {
		return s.pageByURL[p+"/"]
	}
	return nil
}

// published lists every content item that has a page, drafts excluded.
func (s *Site) published() []any {
	var out []any
	for _, o := range s.Organisations {
		out = append(out, o)
	}
	for _, p := range s.Projects {
		out = append(out, p)
	}
	for _, a := range s.Activities {
		out = append(out, a)
	}
	for _, h := range s.Handbooks {
		out = append(out, h)
		for _, c := range h.Chapters {
			out = append(out, c)
		}
	}
	for _, rep := range s.Reports {
		out = append(out, rep)
	}
	for _, p := range s.Pages {
		out = append(out, p)
	}
	return out
}

// CheckPaths checks the links and images written as site paths that Load
// left to it: those that name no page made from Markdown, and anchors
// that name no heading of one. files are the paths of every file the
// build writes, as publish.File.Path ("fylke/oslo/index.html",
// "static/style.css"); the content's own pages, PDFs and images count
// without being listed. ids are the element ids the theme's layouts write
// (such as the skip link's target): an anchor on a page may name one of
// them as well as one of the page's headings.
func (s *Site) CheckPaths(files, ids []string) diag.List {
	if len(s.paths) == 0 {
		return nil
	}
	pub := make(map[string]bool, len(files))
	for _, f := range files {
		pub[f] = true
	}
	for _, v := range s.published() {
		pub[strings.TrimPrefix(urlOf(v), "/")+"index.html"] = true
	}
	for _, h := range s.Handbooks {
		pub[strings.TrimPrefix(h.PDFURL(), "/")] = true
	}
	for _, rep := range s.Reports {
		pub[strings.TrimPrefix(rep.PDFURL(), "/")] = true
	}
	for _, a := range s.Assets {
		pub[a.Dst] = true
	}
	var errs diag.List
	for _, p := range s.paths {
		if p.anchor != nil {
			if !slices.Contains(ids, p.frag) {
				errs = append(errs, p.anchor)
			}
			continue
		}
		name, ok := lookup(pub, p.file)
		switch {
		case !ok:
			errs.Add(p.pos, s.missingMessage(p), s.missingHint(p, pub))
		case p.frag != "" && strings.HasSuffix(name, ".html") && !slices.Contains(ids, p.frag) && !strings.HasPrefix(p.frag, "fn:"):
			hint := suggest.Hint(p.frag, ids)
			if !strings.HasPrefix(hint, "did you") {
				hint = "the site makes this page itself and it has no heading with that id; link to the page without #" + p.frag
			}
			errs.Add(p.pos, fmt.Sprintf("no element with id #%s on %s", p.frag, "/"+p.file), hint)
		}
	}
	return errs
}

// lookup finds the file a browser gets for path p: p itself, or the
// index.html of the folder p names.
func lookup(pub map[string]bool, p string) (string, bool) {
	for _, name := range []string{p, p + "index.html", p + "/index.html"} {
		if name != "" && !strings.HasPrefix(name, "/") && pub[name] {
			return name, true
		}
	}
	return "", false
}

func (s *Site) missingMessage(p sitePath) string {
	if p.image {
		return fmt.Sprintf("image %s: the site has no file at this address", "/"+p.file)
	}
	return fmt.Sprintf("link to %s: the site has no page or file at this address", "/"+p.file)
}

// missingHint says what the editor may have meant: a page's address
// rather than its file, a draft, or a near address.
func (s *Site) missingHint(p sitePath, pub map[string]bool) string {
	if v, ok := s.byPath[strings.TrimSuffix(p.file, "/")]; ok {
		if a, isAct := v.(*Activity); isAct && a.Draft {
			return fmt.Sprintf("%s is a draft (draft = true), so it has no page yet", a.Path)
		}
		return fmt.Sprintf("link to the page's address, %s, or to its file relative to this one", urlOf(v))
	}
	for _, a := range s.Drafts {
		if a.URL() == "/"+p.file || a.URL() == "/"+p.file+"/" {
			return fmt.Sprintf("%s is a draft (draft = true), so it has no page yet", a.Path)
		}
	}
	addrs := make([]string, 0, len(pub))
	for f := range pub {
		if p.image && strings.HasSuffix(f, ".html") {
			continue
		}
		addrs = append(addrs, "/"+strings.TrimSuffix(f, "index.html"))
	}
	slices.Sort(addrs)
	if n := suggest.Nearest("/"+p.file, addrs); n != "" {
		return `did you mean "` + n + `"?`
	}
	if p.image {
		return "put the image beside this file and write ![beskrivelse](" + path.Base(p.file) + ")"
	}
	return "link to another page by its Markdown file, relative to this one (e.g. ../pages/om.md), and the link follows the page"
}

// Listable reports whether the site's pages can be listed although Load
// returned err: every problem is in a link or image of the Markdown, none
// in the structure of the site, so CheckPaths can still run and report
// its problems with the rest in one go.
func (s *Site) Listable(err error) bool {
	var list diag.List
	if s == nil || !errors.As(err, &list) {
		return false
	}
	for _, e := range list {
		if !s.linkErrs[e] {
			return false
		}
	}
	return true
}
