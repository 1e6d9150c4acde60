package content

import (
	"cmp"
	"slices"

	"moteplass/generator/collate"
	"moteplass/generator/diag"
	"moteplass/generator/site"
)

// A Site is all the content of a site, loaded and cross-referenced.
// Lists are sorted for visitors: by Norwegian title order, activities by
// title (the renderer orders them by date where it needs to). A Site is
// read-only after Load and safe for concurrent use.
type Site struct {
	Config        *site.Config
	Organisations []*Organisation
	Projects      []*Project
	Activities    []*Activity // drafts excluded
	Handbooks     []*Handbook
	Reports       []*Report
	Pages         []*Page
	Assets        []Asset // files beside the Markdown that pages use

	Drafts []*Activity // validated, never published

	// Warnings are problems that do not stop a build: links and images
	// in Markdown to other sites' addresses that will not work as
	// written (http:, javascript:, mailto: without an address). The
	// page shows their text; moteplass check reports them.
	Warnings diag.List

	orphans []*HandbookChapter // chapter files in a folder without index.md
	files   map[string]bool    // the plain files beside the Markdown, as scanned

	paths     []sitePath           // links to site paths left for CheckPaths
	linkErrs  map[*diag.Error]bool // the problems found in links (see Listable)
	pageByURL map[string]any       // published content items by address, once asked for

	orgs     map[string]*Organisation
	projects map[string]*Project
	chapters map[string]*HandbookChapter // by file path
	byPath   map[string]any              // every content item by file path
	docs     []any                       // the items of byPath, in path order
	refsGen  uint64                      // see Cache.refsVersion; 0 without a Cache
	gen      uint64                      // the number of the load through a Cache (see sortByTitle)
	parsed   []any                       // every file's item, drafts and orphans too, in path order
}

// An Asset is a file copied to the output as it is.
type Asset struct {
	Src string // path in the site folder
	Dst string // path in the output folder, no leading slash
}

// Organisation returns the organisation with the given slug, or nil.
func (s *Site) Organisation(slug string) *Organisation { return s.orgs[slug] }

// Project returns the project with the given slug, or nil.
func (s *Site) Project(slug string) *Project { return s.projects[slug] }

// ChapterOf returns the chapter of organisation o with the given id.
func (o *Organisation) ChapterOf(id string) *Chapter {
	for i := range o.Chapters {
		if o.Chapters[i].ID == id {
			return &o.Chapters[i]
		}
	}
	return nil
}

// assemble makes a Site of the parsed files, which are in path order.
// prev is the site of the last load through the same Cache and gen the
// number of this load (nil and 0 without a Cache).
func assemble(cfg *site.Config, parsed []any, assets map[string]bool, prev *Site, gen uint64) *Site {
	s := &Site{
		Config:   cfg,
		orgs:     map[string]*Organisation{},
		projects: map[string]*Project{},
		chapters: map[string]*HandbookChapter{},
		byPath:   map[string]any{},
	}
	handbooks := map[string]*Handbook{} // by folder
	var chapters []*HandbookChapter
	for _, v := range parsed {
		switch v := v.(type) {
		case *Organisation:
			s.Organisations = append(s.Organisations, v)
			s.byPath[v.Path] = v
		case *Project:
			s.Projects = append(s.Projects, v)
			s.byPath[v.Path] = v
		case *Activity:
			if v.Draft {
				s.Drafts = append(s.Drafts, v)
			} else {
				s.Activities = append(s.Activities, v)
				s.byPath[v.Path] = v
			}
		case *Handbook:
			v.Chapters = nil // a cached handbook keeps those of the last load
			s.Handbooks = append(s.Handbooks, v)
			handbooks[v.Dir()] = v
			s.byPath[v.Path] = v
		case *HandbookChapter:
			v.Handbook = nil // a cached chapter keeps the one of the last load
			chapters = append(chapters, v)
		case *Report:
			s.Reports = append(s.Reports, v)
			s.byPath[v.Path] = v
		case *Page:
			s.Pages = append(s.Pages, v)
			s.byPath[v.Path] = v
		}
	}
	for _, c := range chapters {
		if h := handbooks[c.Dir()]; h != nil {
			c.Handbook = h
			h.Chapters = append(h.Chapters, c)
			s.chapters[c.Path] = c
			s.byPath[c.Path] = c
		} else {
			s.orphans = append(s.orphans, c)
		}
	}
	// parsed is in path order (see scan).
	s.parsed = parsed
	s.docs = make([]any, 0, len(parsed))
	for _, v := range parsed {
		switch v := v.(type) {
		case *Activity:
			if v.Draft {
				continue
			}
		case *HandbookChapter:
			if v.Handbook == nil {
				continue
			}
		case nil:
			continue // a file that did not parse
		}
		s.docs = append(s.docs, v)
	}
	for _, h := range s.Handbooks {
		slices.SortFunc(h.Chapters, func(a, b *HandbookChapter) int {
			return cmp.Or(cmp.Compare(a.Weight, b.Weight), cmp.Compare(a.Path, b.Path))
		})
	}
	// The first file with a slug wins the lookup; validate reports the rest.
	for _, o := range s.Organisations {
		if s.orgs[o.Slug] == nil {
			s.orgs[o.Slug] = o
		}
	}
	for _, p := range s.Projects {
		if s.projects[p.Slug] == nil {
			s.projects[p.Slug] = p
		}
	}
	s.gen = gen
	if prev == nil || prev.gen != gen-1 {
		prev = &Site{} // the lists are sorted afresh
	}
	s.Organisations = sortByTitle(s.Organisations, func(o *Organisation) (*File, string) { return &o.File, o.Title }, prev.Organisations, gen)
	s.Projects = sortByTitle(s.Projects, func(p *Project) (*File, string) { return &p.File, p.Title }, prev.Projects, gen)
	s.Activities = sortByTitle(s.Activities, func(a *Activity) (*File, string) { return &a.File, a.Title }, prev.Activities, gen)
	s.Handbooks = sortByTitle(s.Handbooks, func(h *Handbook) (*File, string) { return &h.File, h.Title }, prev.Handbooks, gen)
	s.Pages = sortByTitle(s.Pages, func(p *Page) (*File, string) { return &p.File, p.Title }, prev.Pages, gen)
	// Reports: newest first, as funders read them.
	slices.SortStableFunc(s.Reports, func(a, b *Report) int {
		return cmp.Or(b.Date.Time().Compare(a.Date.Time()), cmp.Compare(a.Slug, b.Slug))
	})
	s.files = assets
	return s
}

// sortByTitle sorts list by title in Norwegian order, ties by slug and
// path. Loads through a Cache start from prev, the same list of the last
// load (number gen-1): the items it had are in order already, so only
// the items new to this load are sorted and merged in.
func sortByTitle[T any](list []T, key func(T) (*File, string), prev []T, gen uint64) []T {
	compare := func(a, b T) int {
		fa, ta := key(a)
		fb, tb := key(b)
		if c := slices.Compare(fa.TitleKey(ta), fb.TitleKey(tb)); c != 0 {
			return c
		}
		return cmp.Or(collate.Tie(ta, tb), cmp.Compare(fa.Slug, fb.Slug), cmp.Compare(fa.Path, fb.Path))
	}
	if gen <= 1 || len(prev) == 0 {
		for _, x := range list {
			f, _ := key(x)
			f.gen = gen
		}
		slices.SortFunc(list, compare)
		return list
	}
	// An item of the last load has gen-1; marking this load's items with
	// gen leaves those that are gone with gen-1.
	var fresh []T
	for _, x := range list {
		f, _ := key(x)
		if f.gen != gen-1 {
			fresh = append(fresh, x)
		}
		f.gen = gen
	}
	out := make([]T, 0, len(list))
	slices.SortFunc(fresh, compare)
	j := 0
	for _, x := range prev {
		if f, _ := key(x); f.gen != gen {
			continue // not in this load
		}
		for j < len(fresh) && compare(fresh[j], x) < 0 {
			out = append(out, fresh[j])
			j++
		}
		out = append(out, x)
	}
	return append(out, fresh[j:]...)
}
