package html

import (
	"html/template"
	"slices"
	"strings"
	"time"

	"moteplass/generator/content"
	"moteplass/generator/publish"
)

// pages lists every page of the site. Listing is cheap; each page func
// does the work when the file is written, so no page is held in memory
// longer than it takes to write it.
func (r *Renderer) pages() []publish.File {
	var files []publish.File
	add := func(path, layout string, page func() (*Page, error)) {
		file := strings.TrimPrefix(path, "/")
		if !strings.HasSuffix(file, ".html") {
			file += "index.html"
		}
		files = append(files, r.file(file, layout, page))
	}
	add("/", "home", r.home)
	add("/404.html", "404", func() (*Page, error) {
		p := r.page("/404.html", r.lang.UI["not_found_title"], "", nil)
		return p, nil
	})
	add("/sok/", "search", r.search)

	for _, pg := range paginate("/aktiviteter/", r.activities, r.cfg.PageSize) {
		add(pagePath("/aktiviteter/", pg.Page), "list", func() (*Page, error) {
			p := r.page(pagePath("/aktiviteter/", pg.Page), r.lang.UI["all_activities"], r.cfg.Description, &List{Pager: pg})
			p.Section = "activities"
			return p, nil
		})
	}
	for _, a := range r.activities {
		add(a.URL(), "activity", func() (*Page, error) { return r.activity(a) })
	}
	for _, f := range r.facets {
		add("/"+f.Key+"/", "facets", func() (*Page, error) {
			p := r.page("/"+f.Key+"/", r.lang.UI[f.Label], "", f)
			p.Section = "activities"
			p.Crumbs = []Link{{"/aktiviteter/", r.lang.UI["activities"]}}
			return p, nil
		})
		for _, v := range f.Values {
			for _, pg := range paginate(v.Path(), v.Activities, r.cfg.PageSize) {
				add(pagePath(v.Path(), pg.Page), "list", func() (*Page, error) {
					p := r.page(pagePath(v.Path(), pg.Page), facetTitle(r, f, v), v.Description, &List{Pager: pg, Facet: v})
					p.Section = "activities"
					p.Crumbs = []Link{{"/aktiviteter/", r.lang.UI["activities"]}, {"/" + f.Key + "/", r.lang.UI[f.Label]}}
					return p, nil
				})
			}
		}
	}

	add("/organisasjoner/", "organisations", func() (*Page, error) {
		p := r.page("/organisasjoner/", r.lang.UI["organisations"], "", r.site.Organisations)
		p.Section = "organisations"
		return p, nil
	})
	// Organisation and project pages list their activities a page at a
	// time, like the facet pages: a national organisation has hundreds.
	more := func(base, title, section string, crumbs []Link, pgs []*Pager) {
		for _, pg := range pgs[1:] {
			add(pagePath(base, pg.Page), "list", func() (*Page, error) {
				p := r.page(pagePath(base, pg.Page), title+": "+r.lang.UI["activities"], "", &List{Pager: pg})
				p.Section = section
				p.Crumbs = append(crumbs, Link{base, title})
				return p, nil
			})
		}
	}
	for _, o := range r.site.Organisations {
		pgs := paginate(o.URL(), r.byOrg[o.Slug], r.cfg.PageSize)
		add(o.URL(), "organisation", func() (*Page, error) { return r.organisation(o, pgs[0]) })
		more(o.URL(), o.Title, "organisations", []Link{{"/organisasjoner/", r.lang.UI["organisations"]}}, pgs)
	}
	projectFacets := r.projectFacets()
	add("/prosjekter/", "projects", func() (*Page, error) {
		p := r.page("/prosjekter/", r.lang.UI["projects"], "", r.projectsPage(nil, projectFacets))
		p.Section = "projects"
		return p, nil
	})
	for _, f := range projectFacets {
		for _, v := range f.Values {
			add(v.Path(), "projects", func() (*Page, error) {
				p := r.page(v.Path(), r.lang.UI["projects"]+": "+v.Title, "", r.projectsPage(v, projectFacets))
				p.Section = "projects"
				p.Crumbs = []Link{{"/prosjekter/", r.lang.UI["projects"]}}
				return p, nil
			})
		}
	}
	for _, pr := range r.site.Projects {
		pgs := paginate(pr.URL(), r.byProject[pr.Slug], r.cfg.PageSize)
		add(pr.URL(), "project", func() (*Page, error) { return r.project(pr, pgs[0]) })
		more(pr.URL(), pr.Title, "projects", []Link{{"/prosjekter/", r.lang.UI["projects"]}}, pgs)
	}
	add("/handboker/", "handbooks", func() (*Page, error) {
		p := r.page("/handboker/", r.lang.UI["handbooks"], "", r.site.Handbooks)
		p.Section = "handbooks"
		return p, nil
	})
	for _, h := range r.site.Handbooks {
		add(h.URL(), "handbook", func() (*Page, error) { return r.handbook(h, nil) })
		for _, c := range h.Chapters {
			add(c.URL(), "handbook", func() (*Page, error) { return r.handbook(h, c) })
		}
	}
	add("/rapporter/", "reports", func() (*Page, error) {
		p := r.page("/rapporter/", r.lang.UI["reports"], "", r.reportViews(r.site.Reports))
		p.Section = "projects"
		return p, nil
	})
	for _, rep := range r.site.Reports {
		add(rep.URL(), "report", func() (*Page, error) { return r.report(rep) })
	}
	for _, pg := range r.site.Pages {
		add(pg.URL(), "page", func() (*Page, error) {
			p := r.page(pg.URL(), pg.Title, pg.Summary, pg).withLang(pg.Language)
			var err error
			p.Body, err = r.body(&pg.File)
			return p, err
		})
	}
	return files
}

func facetTitle(r *Renderer, f *facet, v *FacetValue) string {
	switch f.Key {
	case "fylke":
		return fill(r.lang.UI["in_county"], v.Title)
	case "kommune":
		return fill(r.lang.UI["in_municipality"], v.Title)
	case "malgruppe":
		return fill(r.lang.UI["for_audience"], v.Title)
	}
	return v.Title
}

func fill(s, name string) string { return strings.ReplaceAll(s, "{name}", name) }

// List is the data of an activity list page.
type List struct {
	Pager *Pager
	Facet *FacetValue // nil on /aktiviteter/
}

// Home is the data of the home page.
type Home struct {
	Soon       []Meeting // the coming 14 days
	MoreSoon   bool      // Soon was cut short
	Categories []*FacetValue
	Counties   []*FacetValue
	Audiences  []*FacetValue
	Orgs       []*content.Organisation
	Total      int
}

// A Meeting is one occurrence of an activity.
type Meeting struct {
	Activity *Activity
	Start    time.Time
}

// homeSoonMax bounds the home page: a national directory has thousands of
// meetings in two weeks, and the page must stay light.
const homeSoonMax = 30

func (r *Renderer) home() (*Page, error) {
	h := &Home{Orgs: r.site.Organisations, Total: len(r.activities)}
	until := r.now.AddDate(0, 0, 14)
	// Activities are sorted by their next meeting, so once homeSoonMax
	// meetings are known that start before the next activity's first,
	// no later activity can add one: a large site expands a few dozen
	// rules here, not all of them.
	for _, a := range r.activities {
		if a.Next.IsZero() || !a.Next.Before(until) {
			break
		}
		if len(h.Soon) >= homeSoonMax {
			slices.SortStableFunc(h.Soon, func(x, y Meeting) int { return x.Start.Compare(y.Start) })
			if h.Soon[homeSoonMax-1].Start.Before(a.Next) {
				h.MoreSoon = true
				break
			}
		}
		starts := []time.Time{a.Next}
		if a.Rule != nil {
			starts = a.Rule.Between(a.Next, until)
		}
		for _, s := range starts {
			h.Soon = append(h.Soon, Meeting{Activity: a, Start: s})
		}
	}
	slices.SortStableFunc(h.Soon, func(x, y Meeting) int { return x.Start.Compare(y.Start) })
	if len(h.Soon) > homeSoonMax {
		h.Soon, h.MoreSoon = h.Soon[:homeSoonMax], true
	}
	for _, f := range r.facets {
		switch f.Key {
		case "kategori":
			h.Categories = f.Values
		case "fylke":
			h.Counties = f.Values
		case "malgruppe":
			h.Audiences = f.Values
		}
	}
	p := r.page("/", r.cfg.Title, r.cfg.Description, h)
	p.Section = "home"
	return p, nil
}

func (r *Renderer) search() (*Page, error) {
	p := r.page("/sok/", r.lang.UI["search"], "", r.facets)
	p.Section = "search"
	return p, nil
}

func (r *Renderer) activity(a *Activity) (*Page, error) {
	p := r.page(a.URL(), a.Title, a.Summary, a).withLang(a.Language)
	p.Section = "activities"
	p.Crumbs = []Link{{"/aktiviteter/", r.lang.UI["activities"]}, {"/kategori/" + a.Category + "/", a.CategoryTerm.Title}}
	if err := p.activityParts(a); err != nil {
		return nil, err
	}
	if !r.once {
		var err error
		p.Body, err = r.body(&a.File)
		return p, err
	}
	b, err := a.File.TakeBodyHTML(r.md)
	p.Body = template.HTML(b) // goldmark escapes; raw HTML only if the site opted in
	return p, err
}

// OrgPage is the data of an organisation page.
type OrgPage struct {
	*content.Organisation
	Activities []*Activity // the first page of them
	Pager      *Pager
	Projects   []*content.Project
	Handbooks  []*content.Handbook
	Reports    []*ReportView
}

func (r *Renderer) organisation(o *content.Organisation, pg *Pager) (*Page, error) {
	d := &OrgPage{Organisation: o, Activities: pg.Items, Pager: pg}
	for _, pr := range r.site.Projects {
		if pr.Organisation == o.Slug {
			d.Projects = append(d.Projects, pr)
		}
	}
	for _, h := range r.site.Handbooks {
		if h.Organisation == o.Slug {
			d.Handbooks = append(d.Handbooks, h)
		}
	}
	var reps []*content.Report
	for _, rep := range r.site.Reports {
		if pr := r.site.Project(rep.Project); pr != nil && pr.Organisation == o.Slug {
			reps = append(reps, rep)
		}
	}
	d.Reports = r.reportViews(reps)
	p := r.page(o.URL(), o.Title, o.Summary, d)
	p.Section = "organisations"
	var err error
	if p.ReviewedNote, err = p.reviewed(o.Reviewed); err != nil {
		return nil, err
	}
	p.Crumbs = []Link{{"/organisasjoner/", r.lang.UI["organisations"]}}
	p.Body, err = r.body(&o.File)
	return p, err
}

// ProjectView is a project with its organisation, reports and handbooks.
type ProjectView struct {
	*content.Project
	Org        *content.Organisation
	Total      int // sum of grants
	Reports    []*ReportView
	Handbooks  []*content.Handbook
	Activities []*Activity // all of them; on the project's page, the first page
	Pager      *Pager      // on the project's page
	Actual     int         // reach from the newest report that gives one; 0 if none
}

func (r *Renderer) projectView(pr *content.Project) *ProjectView {
	v := &ProjectView{Project: pr, Org: r.site.Organisation(pr.Organisation), Total: pr.GrantTotal(), Actual: r.site.ActualReach(pr)}
	v.Reports = r.reportViews(r.site.ReportsOf(pr))
	for _, h := range r.site.Handbooks {
		if h.Project == pr.Slug {
			v.Handbooks = append(v.Handbooks, h)
		}
	}
	v.Activities = r.byProject[pr.Slug]
	return v
}

func (r *Renderer) project(pr *content.Project, pg *Pager) (*Page, error) {
	v := r.projectView(pr)
	v.Activities, v.Pager = pg.Items, pg
	p := r.page(pr.URL(), pr.Title, pr.Summary, v)
	p.Section = "projects"
	p.Crumbs = []Link{{"/prosjekter/", r.lang.UI["projects"]}}
	var err error
	p.Body, err = r.body(&pr.File)
	return p, err
}

// HandbookPage is the data of a handbook's front page or of a chapter.
type HandbookPage struct {
	*content.Handbook
	Org     *content.Organisation
	Chapter *content.HandbookChapter // nil on the front page
	Number  int                      // chapter number, from 1
	Prev    *content.HandbookChapter
	Next    *content.HandbookChapter
}

func (r *Renderer) handbook(h *content.Handbook, c *content.HandbookChapter) (*Page, error) {
	d := &HandbookPage{Handbook: h, Org: r.site.Organisation(h.Organisation), Chapter: c}
	path, title, summary, file := h.URL(), h.Title, h.Summary, &h.File
	crumbs := []Link{{"/handboker/", r.lang.UI["handbooks"]}}
	if c != nil {
		i := slices.Index(h.Chapters, c)
		d.Number = i + 1
		if i > 0 {
			d.Prev = h.Chapters[i-1]
		}
		path, title, summary, file = c.URL(), c.Title, c.Summary, &c.File
		crumbs = append(crumbs, Link{h.URL(), h.Title})
	} else if len(h.Chapters) > 0 {
		d.Next = h.Chapters[0]
	}
	if c != nil && d.Number < len(h.Chapters) {
		d.Next = h.Chapters[d.Number]
	}
	p := r.page(path, title, summary, d).withLang(h.Language)
	p.Section = "handbooks"
	p.Crumbs = crumbs
	var err error
	p.Body, err = r.body(file)
	return p, err
}

// ReportView is a report with its project.
type ReportView struct {
	*content.Report
	Project *ProjectView
}

// KindKey returns the i18n key naming the report's kind.
func (v *ReportView) KindKey() string { return "report_kind_" + v.Kind }

// Percent returns actual reach as a whole percentage of planned.
func (v *ReportView) Percent() int {
	if v.Reach.Planned == 0 {
		return 0
	}
	return (v.Reach.Actual*100 + v.Reach.Planned/2) / v.Reach.Planned
}

func (r *Renderer) reportViews(reps []*content.Report) []*ReportView {
	out := make([]*ReportView, len(reps))
	for i, rep := range reps {
		out[i] = &ReportView{Report: rep}
	}
	return out
}

func (r *Renderer) report(rep *content.Report) (*Page, error) {
	v := &ReportView{Report: rep}
	if pr := r.site.Project(rep.Project); pr != nil {
		v.Project = r.projectView(pr)
	}
	p := r.page(rep.URL(), rep.Title, rep.Summary, v).withLang(rep.Language)
	p.Section = "projects"
	p.Crumbs = []Link{{"/rapporter/", r.lang.UI["reports"]}}
	var err error
	p.Body, err = r.body(&rep.File)
	return p, err
}
