package build

import (
	"context"
	"strings"
	"sync"

	"moteplass/generator/html"
	"moteplass/generator/publish"
	"moteplass/generator/search"
)

// searchIndex builds the search index of a site once, when first needed.
type searchIndex struct {
	r     *html.Renderer
	cache *search.Cache // kept from plan to plan (serve); nil for a build
	once  sync.Once
	list  []publish.File
	files map[string]publish.File
	stats search.Stats
	err   error
}

func (s *searchIndex) build() {
	s.once.Do(func() {
		docs, opt := s.r.SearchDocs()
		opt.Cache = s.cache
		opt.DropBodies = s.cache == nil // nothing reads the documents after
		ix, err := search.Build(docs, opt)
		if err != nil {
			s.err = err
			return
		}
		s.stats = ix.Stats
		s.list = ix.Files()
		s.files = map[string]publish.File{}
		for _, f := range s.list {
			s.files[f.Path] = f
		}
	})
}

// addSearch adds the search index's files to the plan, or, with
// onDemand, leaves them to SearchFile: serve rebuilds on every save, and
// most saves are not followed by a search.
// A plan through a content.Cache keeps its documents split into words
// for the next (search.Cache): the index is made again after a save, but
// only the changed documents are read again.
func (p *Plan) addSearch(r *html.Renderer, onDemand bool, cached bool, prev *Plan) error {
	p.search = &searchIndex{r: r}
	if cached {
		if prev != nil && prev.kept.search != nil {
			p.kept.search = prev.kept.search
		} else {
			p.kept.search = &search.Cache{}
		}
		p.search.cache = p.kept.search
	}
	if onDemand {
		return nil
	}
	p.search.build()
	if p.search.err != nil {
		return p.search.err
	}
	if !p.onePass {
		p.Files = append(p.Files, p.search.list...)
		return nil
	}
	// Written first and then let go (publish.WriteAllOnce): at 100,000
	// activities, 60 MB that would otherwise narrow the garbage
	// collector's headroom while every page is written.
	p.Files = append(p.search.list, p.Files...)
	p.search.list, p.search.files = nil, nil
	return nil
}

// File returns the file the plan publishes at path ("aktiviteter/kor/index.html"),
// the search index's files included (built when one is first asked for).
// It is safe for concurrent use.
func (p *Plan) File(path string) (publish.File, bool, error) {
	p.indexOnce.Do(func() {
		p.index = make(map[string]int, len(p.Files))
		for i, f := range p.Files {
			p.index[f.Path] = i
		}
	})
	if i, ok := p.index[path]; ok {
		return p.Files[i], true, nil
	}
	return p.SearchFile(path)
}

// SearchFile returns the file of the search index at path ("search/…"),
// building the index if the plan has not yet.
func (p *Plan) SearchFile(path string) (publish.File, bool, error) {
	if p.search == nil || !strings.HasPrefix(path, "search/") {
		return publish.File{}, false, nil
	}
	p.search.build()
	f, ok := p.search.files[path]
	return f, ok, p.search.err
}

// SearchStats describes the search index, if it has been built.
func (p *Plan) SearchStats() search.Stats {
	if p.search == nil {
		return search.Stats{}
	}
	return p.search.stats
}

// SearchDocs loads the site and returns what its search index holds,
// without building anything: for benchmarks of the index alone.
func SearchDocs(ctx context.Context, opt Options) ([]search.Doc, search.Options, error) {
	p, err := NewPlan(ctx, Options{Site: opt.Site, Now: opt.Now, SearchOnDemand: true})
	if err != nil {
		return nil, search.Options{}, err
	}
	docs, sopt := p.search.r.SearchDocs()
	return docs, sopt, nil
}
