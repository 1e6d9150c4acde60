package html

import (
	"moteplass/generator/content"
	"moteplass/generator/markdown"
	"moteplass/generator/search"
	"moteplass/generator/site"
	"moteplass/generator/slug"
	"runtime"
	"sync"
)

// Facets of the search index, in the order the search page shows them;
// the keys are /sok/'s URL parameters and the facet pages' folders.
const (
	facetOrg = iota
	facetCounty
	facetMunicipality
	facetCategory
	facetAudience
	facetMode
	nSearchFacets
)

// Kinds of search documents.
const (
	kindActivity = iota
	kindOrganisation
	kindProject
	kindChapter
	kindReport
)

// SearchDocs returns what the search index holds: every activity in list
// order (upcoming first), then organisations, projects, handbook
// chapters and reports, with the facets and their values.
func (r *Renderer) SearchDocs() ([]search.Doc, search.Options) {
	ui := r.lang.UI
	opt := search.Options{
		Kinds:  []string{ui["kind_activity"], ui["kind_organisation"], ui["kind_project"], ui["kind_chapter"], ui["kind_report"]},
		Facets: make([]search.Facet, nSearchFacets),
	}
	opt.Facets[facetOrg] = search.Facet{Key: "organisasjon", Label: ui["organisations"], Lazy: true}
	for _, o := range r.site.Organisations {
		opt.Facets[facetOrg].Values = append(opt.Facets[facetOrg].Values, search.Value{Key: o.Slug, Label: o.Title})
	}
	known := map[string]bool{} // municipality slugs the facet has
	for _, f := range r.facets {
		i := map[string]int{"fylke": facetCounty, "kommune": facetMunicipality, "kategori": facetCategory, "malgruppe": facetAudience, "modus": facetMode}[f.Key]
		sf := search.Facet{Key: f.Key, Label: ui[f.Label]}
		if f.Key == "kommune" {
			sf.Parent = "fylke"
		}
		for _, v := range f.Values {
			sv := search.Value{Key: v.Key, Label: v.Title}
			if f.Key == "kommune" {
				known[v.Key] = true
				if len(v.Activities) > 0 {
					sv.Group = v.Activities[0].County.Key
				}
			}
			sf.Values = append(sf.Values, sv)
		}
		opt.Facets[i] = sf
	}

	// Activities on every core: a hundred thousand take most of a
	// second of one.
	docs := make([]search.Doc, len(r.activities), len(r.activities)+len(r.site.Organisations)+len(r.site.Projects))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(docs); i += workers {
				docs[i] = r.activityDoc(r.activities[i])
			}
		})
	}
	wg.Wait()
	for _, o := range r.site.Organisations {
		d := search.Doc{Kind: kindOrganisation, URL: o.URL(), Title: o.Title, Summary: o.Summary, Current: true,
			Body: markdown.PlainText(o.Doc, o.Body), Extra: []string{o.Short}, Values: make([][]string, nSearchFacets)}
		d.Values[facetOrg] = []string{o.Slug}
		for _, c := range o.Chapters {
			d.Extra = append(d.Extra, c.Title, c.Municipality)
			if c.County != "" {
				if county, ok := site.LookupCounty(c.County); ok {
					d.Values[facetCounty] = append(d.Values[facetCounty], county.Key)
				}
			}
			if m := slug.Make(c.Municipality); known[m] {
				d.Values[facetMunicipality] = append(d.Values[facetMunicipality], m)
			}
		}
		docs = append(docs, d)
	}
	for _, pr := range r.site.Projects {
		org := r.site.Organisation(pr.Organisation)
		d := search.Doc{Kind: kindProject, URL: pr.URL(), Title: pr.Title, Summary: pr.Summary, Current: true,
			Body: markdown.PlainText(pr.Doc, pr.Body), Extra: []string{pr.Programme, pr.Funder, pr.AudienceText, org.Title},
			Values: make([][]string, nSearchFacets), Org: org.Title}
		d.Values[facetOrg] = []string{org.Slug}
		docs = append(docs, d)
	}
	for _, h := range r.site.Handbooks {
		org := r.site.Organisation(h.Organisation)
		chapters := append([]*content.HandbookChapter{{File: h.File, Title: h.Title, Summary: h.Summary, Handbook: h}}, h.Chapters...)
		for i, c := range chapters {
			d := search.Doc{Kind: kindChapter, URL: c.URL(), Title: c.Title, Summary: c.Summary, Current: true,
				Body: markdown.PlainText(c.Doc, c.Body), Extra: []string{h.Title, org.Title},
				Values: make([][]string, nSearchFacets), Org: org.Title, Place: h.Title}
			if i == 0 {
				d.URL, d.Extra, d.Place = h.URL(), []string{h.Subtitle, org.Title}, ""
			}
			d.Values[facetOrg] = []string{org.Slug}
			docs = append(docs, d)
		}
	}
	for _, rep := range r.site.Reports {
		pr := r.site.Project(rep.Project)
		org := r.site.Organisation(pr.Organisation)
		d := search.Doc{Kind: kindReport, URL: rep.URL(), Title: rep.Title, Summary: rep.Summary, Current: true,
			Body: markdown.PlainText(rep.Doc, rep.Body), Extra: []string{pr.Title, org.Title, ui["report_kind_"+rep.Kind]},
			Values: make([][]string, nSearchFacets), Org: org.Title, When: r.lang.DateNoWeekday(rep.Date.Time()), Place: pr.Title}
		d.Values[facetOrg] = []string{org.Slug}
		docs = append(docs, d)
	}
	return docs, opt
}

func (r *Renderer) activityDoc(a *Activity) search.Doc {
	ui := r.lang.UI
	d := search.Doc{Kind: kindActivity, URL: a.URL(), Title: a.Title, Summary: a.Summary, Current: a.Upcoming, Org: a.Org.Title,
		Values: make([][]string, nSearchFacets)}
	if h, ok := a.CompactHTML(); ok {
		d.BodyHTML = h
	} else {
		d.Body = markdown.PlainText(a.Doc, a.Body)
	}
	d.Extra = []string{a.Org.Title, a.Org.Short, a.CategoryTerm.Title, ui[a.Mode], a.Place.Name, a.Place.Municipality, a.County.Name, a.Online.Platform}
	if a.OrgChapter != nil {
		d.Extra = append(d.Extra, a.OrgChapter.Title)
	}
	if a.InProject != nil {
		d.Extra = append(d.Extra, a.InProject.Title)
	}
	for _, t := range a.AudienceTerms {
		d.Extra = append(d.Extra, t.Title)
	}
	d.Values[facetOrg] = []string{a.Organisation}
	switch {
	case a.County.Key != "":
		d.Values[facetCounty] = []string{a.County.Key}
	case a.OrgChapter != nil:
		// Held online by a local chapter: found under the chapter's
		// county, where people nearby look for it.
		if c, ok := site.LookupCounty(a.OrgChapter.County); ok {
			d.Values[facetCounty] = []string{c.Key}
		}
	}
	if a.Municipality != "" {
		d.Values[facetMunicipality] = []string{a.Municipality}
	}
	d.Values[facetCategory] = []string{a.Category}
	d.Values[facetAudience] = a.Audiences
	d.Values[facetMode] = []string{a.Mode}

	switch {
	case a.Upcoming && a.Schedule.Start.DateOnly:
		d.When = ui["next_time"] + ": " + r.lang.Date(a.Next)
	case a.Upcoming:
		d.When = ui["next_time"] + ": " + r.lang.DateTime(a.Next)
	case a.Rule != nil:
		d.When = ui["ended"]
	default:
		d.When = ui["past"]
	}
	where := a.Place.Municipality
	if where == "" {
		where = a.Place.Name
	}
	switch {
	case a.Mode == "digital" || where == "":
		d.Place = ui["digital"]
	case a.Mode == "hybrid":
		d.Place = ui["hybrid"] + ", " + where
	default:
		d.Place = where
	}
	return d
}
