package html

import (
	"slices"
	"time"

	"moteplass/generator/content"
)

// prepareActivities makes the view of every activity and sorts them for
// lists. From prev (may be nil; see Options.Prev) it takes the view of
// each activity whose file, organisation, project and next meeting are
// as they were, and that view's place in the list: a save of one file
// makes one view and merges it into the list, instead of making and
// sorting ten thousand.
//
// Views are read-only once made, so two renderers may share one.
func (r *Renderer) prepareActivities(prev *Renderer) {
	acts := r.site.Activities
	r.views = make(map[*content.Activity]*Activity, len(acts))
	if prev == nil || prev.cfg != r.cfg ||
		!slices.Equal(prev.site.Organisations, r.site.Organisations) || !slices.Equal(prev.site.Projects, r.site.Projects) {
		prev = nil // views hold terms from site.toml, organisations and projects
	}
	l := newLookups(r.site)
	var fresh []*Activity // made now; the rest come from prev
	for _, a := range acts {
		if prev != nil {
			if v := prev.views[a]; v != nil {
				if next, end := nextMeeting(a, r.now); same(next, v.Next) && same(end, v.NextEnd) {
					r.views[a] = v
					continue
				}
			}
		}
		v := newActivity(a, l, r.now)
		v.facets = r.places.of(v)
		r.views[a] = v
		fresh = append(fresh, v)
	}
	if prev == nil {
		r.activities = fresh
		sortActivities(r.activities)
		return
	}
	// prev's list without the views this renderer does not share, in
	// order, merged with the fresh views, sorted.
	kept := make([]*Activity, 0, len(acts))
	for _, v := range prev.activities {
		if r.views[v.Activity] == v {
			kept = append(kept, v)
		}
	}
	sortActivities(fresh)
	r.activities = make([]*Activity, 0, len(acts))
	i, j := 0, 0
	for i < len(kept) && j < len(fresh) {
		if compareActivities(fresh[j], kept[i]) < 0 {
			r.activities = append(r.activities, fresh[j])
			j++
		} else {
			r.activities = append(r.activities, kept[i])
			i++
		}
	}
	r.activities = append(append(r.activities, kept[i:]...), fresh[j:]...)
}

// same reports whether two times are the same instant in the same zone:
// pages show them in Oslo time, but a view is shared only if nothing
// could differ.
func same(a, b time.Time) bool { return a.Equal(b) && a.Location() == b.Location() }
