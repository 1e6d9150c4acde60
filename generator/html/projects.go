package html

import (
	"cmp"
	"slices"

	"moteplass/generator/collate"
	"moteplass/generator/content"
	"moteplass/generator/slug"
)

// ProjectsPage is the funders' overview: every project, or those of one
// programme, funder or status, with grants per year and totals.
type ProjectsPage struct {
	Projects []*ProjectView
	Years    []int            // the grant year columns
	Filter   *ProjectFacetVal // nil on the overview
	Facets   []*ProjectFacet
	Totals   []ProgrammeTotal
	Sum      int // all grants of the listed projects
	YearSums []int
}

// A ProjectFacet is one way to filter projects, with static pages per
// value: /prosjekter/program/<x>/, /prosjekter/finansiering/<x>/,
// /prosjekter/status/<x>/.
type ProjectFacet struct {
	Key    string // URL folder
	Label  string // i18n key
	Values []*ProjectFacetVal
}

// A ProjectFacetVal is one value of a ProjectFacet.
type ProjectFacetVal struct {
	Facet    *ProjectFacet
	Key      string
	Title    string
	Projects []*content.Project
}

// Path returns the address of the value's page.
func (v *ProjectFacetVal) Path() string { return "/prosjekter/" + v.Facet.Key + "/" + v.Key + "/" }

// A ProgrammeTotal sums the grants of one programme.
type ProgrammeTotal struct {
	Programme string
	Projects  int
	Total     int
}

// projectFacets groups the projects by programme, funder and status.
func (r *Renderer) projectFacets() []*ProjectFacet {
	programme := &ProjectFacet{Key: "program", Label: "programme"}
	funder := &ProjectFacet{Key: "finansiering", Label: "funder"}
	status := &ProjectFacet{Key: "status", Label: "status"}
	add := func(f *ProjectFacet, title, key string, p *content.Project) {
		if title == "" {
			return
		}
		for _, v := range f.Values {
			if v.Key == key {
				v.Projects = append(v.Projects, p)
				return
			}
		}
		f.Values = append(f.Values, &ProjectFacetVal{Facet: f, Key: key, Title: title, Projects: []*content.Project{p}})
	}
	for _, p := range r.site.Projects {
		add(programme, p.Programme, slug.Make(p.Programme), p)
		add(funder, p.Funder, slug.Make(p.Funder), p)
		add(status, r.lang.UI["status_"+p.Status], p.Status, p)
	}
	for _, f := range []*ProjectFacet{programme, funder} {
		slices.SortFunc(f.Values, func(a, b *ProjectFacetVal) int {
			return cmp.Or(collate.Compare(a.Title, b.Title), cmp.Compare(a.Key, b.Key))
		})
	}
	return []*ProjectFacet{programme, funder, status}
}

func (r *Renderer) projectsPage(filter *ProjectFacetVal, facets []*ProjectFacet) *ProjectsPage {
	d := &ProjectsPage{Filter: filter, Facets: facets, Years: r.site.GrantYears()}
	list := r.site.Projects
	if filter != nil {
		list = filter.Projects
	}
	byProgramme := map[string]*ProgrammeTotal{}
	for _, p := range list {
		v := r.projectView(p)
		d.Projects = append(d.Projects, v)
		d.Sum += v.Total
		t := byProgramme[p.Programme]
		if t == nil {
			t = &ProgrammeTotal{Programme: p.Programme}
			byProgramme[p.Programme] = t
		}
		t.Projects++
		t.Total += v.Total
	}
	d.YearSums = make([]int, len(d.Years))
	for i, y := range d.Years {
		for _, v := range d.Projects {
			d.YearSums[i] += v.Grant(y)
		}
	}
	for _, t := range byProgramme {
		d.Totals = append(d.Totals, *t)
	}
	slices.SortFunc(d.Totals, func(a, b ProgrammeTotal) int { return collate.Compare(a.Programme, b.Programme) })
	return d
}

// Grant returns the project's grant for year y, or 0.
func (v *ProjectView) Grant(y int) int {
	for _, g := range v.GrantList {
		if g.Year == y {
			return g.Amount
		}
	}
	return 0
}
