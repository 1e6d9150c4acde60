package html

import (
	"cmp"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"moteplass/generator/collate"
	"moteplass/generator/content"
	"moteplass/generator/site"
)

// A facet groups activities by one property, with a page per value:
// /fylke/oslo/, /kategori/kor/. Keys are the URL folders and the search
// page's filter names.
type facet struct {
	Key    string // "fylke", "kommune", "kategori", "malgruppe", "modus"
	Label  string // i18n key of the facet's name
	Values []*FacetValue
}

// A FacetValue is one value of a facet and the activities that have it.
type FacetValue struct {
	Facet       string // the facet's key
	Key         string // URL slug
	Title       string
	Description string
	Activities  []*Activity // in list order
}

// Path returns the address of the value's first page.
func (v *FacetValue) Path() string { return "/" + v.Facet + "/" + v.Key + "/" }

// Count returns the number of activities with the value.
func (v *FacetValue) Count() int { return len(v.Activities) }

// sortActivities orders activities for lists: the next meeting first,
// those that do not meet again last, ties in Norwegian title order.
func sortActivities(list []*Activity) { slices.SortStableFunc(list, compareActivities) }

// compareActivities is the order of lists. It is total (the file path
// breaks the last ties), so lists can be merged as well as sorted.
func compareActivities(a, b *Activity) int {
	switch {
	case a.Next.IsZero() != b.Next.IsZero():
		if a.Next.IsZero() {
			return 1
		}
		return -1
	}
	if c := a.Next.Compare(b.Next); c != 0 {
		return c
	}
	if c := slices.Compare(a.titleKey, b.titleKey); c != 0 {
		return c
	}
	return cmp.Or(collate.Tie(a.Title, b.Title), cmp.Compare(a.Slug, b.Slug), cmp.Compare(a.Path, b.Path))
}

func (r *Renderer) prepare(prev *Renderer) {
	if prev == nil {
		r.warmRules() // with prev, most views and their next meetings are kept
	}
	counties := &facet{Key: "fylke", Label: "counties"}
	for _, c := range sortedCounties() {
		counties.Values = append(counties.Values, &FacetValue{Facet: "fylke", Key: c.Key, Title: c.Name})
	}
	municipalities := &facet{Key: "kommune", Label: "municipalities"}
	byMunicipality := map[string]*FacetValue{}
	categories := termFacet("kategori", "categories", r.cfg.Categories)
	audiences := termFacet("malgruppe", "audiences", r.cfg.Audiences)
	modes := &facet{Key: "modus", Label: "mode"}
	for _, m := range site.Modes {
		modes.Values = append(modes.Values, &FacetValue{Facet: "modus", Key: m, Title: r.lang.UI[m]})
	}
	r.places = &facetIndexes{county: positions(counties), category: positions(categories), audience: positions(audiences), mode: positions(modes)}
	r.prepareActivities(prev)

	// Lists by organisation and project, found by pointer: hashing ten
	// thousand slugs on every save costs more than the rest of this.
	byOrg, byProject := map[*content.Organisation][]*Activity{}, map[*content.Project][]*Activity{}
	r.byOrg, r.byProject = map[string][]*Activity{}, map[string][]*Activity{}
	for _, a := range r.activities {
		if a.Org != nil {
			byOrg[a.Org] = append(byOrg[a.Org], a)
		} else {
			r.byOrg[a.Organisation] = append(r.byOrg[a.Organisation], a)
		}
		if a.InProject != nil {
			byProject[a.InProject] = append(byProject[a.InProject], a)
		} else if a.Project != "" {
			r.byProject[a.Project] = append(r.byProject[a.Project], a)
		}
	}
	for o, list := range byOrg {
		r.byOrg[o.Slug] = list
	}
	for p, list := range byProject {
		r.byProject[p.Slug] = list
	}

	for _, a := range r.activities {
		at := &a.facets
		if at.county >= 0 {
			v := counties.Values[at.county]
			v.Activities = append(v.Activities, a)
		}
		if a.Municipality != "" {
			v := byMunicipality[a.Municipality]
			if v == nil {
				v = &FacetValue{Facet: "kommune", Key: a.Municipality, Title: a.Place.Municipality, Description: a.County.Name}
				byMunicipality[a.Municipality] = v
				municipalities.Values = append(municipalities.Values, v)
			}
			v.Activities = append(v.Activities, a)
		}
		if at.category >= 0 {
			v := categories.Values[at.category]
			v.Activities = append(v.Activities, a)
		}
		for _, i := range at.audiences {
			v := audiences.Values[i]
			v.Activities = append(v.Activities, a)
		}
		if at.mode >= 0 {
			v := modes.Values[at.mode]
			v.Activities = append(v.Activities, a)
		}
	}
	slices.SortFunc(municipalities.Values, func(a, b *FacetValue) int {
		return cmp.Or(collate.Compare(a.Title, b.Title), cmp.Compare(a.Key, b.Key))
	})
	r.facets = []*facet{counties, municipalities, categories, audiences, modes}

	for _, p := range r.site.Pages {
		if p.Menu > 0 {
			r.footer = append(r.footer, p)
		}
	}
	slices.SortStableFunc(r.footer, func(a, b *content.Page) int { return cmp.Compare(a.Menu, b.Menu) })
}

// warmRules finds the next meeting of every recurring activity, in
// parallel: expanding rules is the dearest part of preparing a large
// site, and each Rule keeps its answer for newActivity.
func (r *Renderer) warmRules() {
	var wg sync.WaitGroup
	acts := r.site.Activities
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(acts); i += workers {
				if rule := acts[i].Rule(); rule != nil {
					rule.Next(r.now.Add(-meetingLength(acts[i])))
				}
			}
		})
	}
	wg.Wait()
}

// facetIndexes give the place of each key among a facet's values.
type facetIndexes struct {
	county, category, audience, mode map[string]int
}

// facetPlaces are the places of an activity's values among those of the
// facets with fixed values (all but municipalities); -1 for none. They
// are found once per view: they depend on site.toml, which a shared view
// has the same.
type facetPlaces struct {
	county, category, mode int
	audiences              []int
}

func (x *facetIndexes) of(a *Activity) facetPlaces {
	at := func(m map[string]int, key string) int {
		if i, ok := m[key]; ok {
			return i
		}
		return -1
	}
	p := facetPlaces{county: at(x.county, a.County.Key), category: at(x.category, a.Category), mode: at(x.mode, a.Mode)}
	for _, k := range a.Audiences {
		if i := at(x.audience, k); i >= 0 {
			p.audiences = append(p.audiences, i)
		}
	}
	return p
}

func positions(f *facet) map[string]int {
	m := make(map[string]int, len(f.Values))
	for i, v := range f.Values {
		m[v.Key] = i
	}
	return m
}

func termFacet(key, label string, terms []site.Term) *facet {
	f := &facet{Key: key, Label: label}
	for _, t := range terms {
		f.Values = append(f.Values, &FacetValue{Facet: key, Key: t.Key, Title: t.Title, Description: t.Description})
	}
	return f
}

func sortedCounties() []site.County {
	cs := slices.Clone(site.Counties)
	slices.SortFunc(cs, func(a, b site.County) int { return collate.Compare(a.Name, b.Name) })
	return cs
}

// A Pager is one page of a long list.
type Pager struct {
	Items      []*Activity
	Page       int // from 1
	Pages      int
	Total      int
	Prev, Next string // site paths, "" at the ends
}

// paginate splits list into pages of size n under base ("/fylke/oslo/"):
// page 1 at base, page k at base + "side/k/".
func paginate(base string, list []*Activity, n int) []*Pager {
	pages := max(1, (len(list)+n-1)/n)
	out := make([]*Pager, pages)
	for i := range pages {
		out[i] = &Pager{Items: list[i*n : min(len(list), (i+1)*n)], Page: i + 1, Pages: pages, Total: len(list)}
		if i > 0 {
			out[i].Prev = pagePath(base, i)
		}
		if i < pages-1 {
			out[i].Next = pagePath(base, i+2)
		}
	}
	return out
}

func pagePath(base string, page int) string {
	if page == 1 {
		return base
	}
	return base + "side/" + strconv.Itoa(page) + "/"
}
