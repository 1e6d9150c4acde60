package html

import (
	"strings"
	"time"

	"moteplass/generator/content"
	"moteplass/generator/schedule"
	"moteplass/generator/site"
	"moteplass/generator/slug"
)

// An Activity is an activity with everything a page shows about it
// resolved: its organisation, terms, place and next meeting.
type Activity struct {
	*content.Activity
	Org           *content.Organisation
	OrgChapter    *content.Chapter // nil if none
	InProject     *content.Project // nil if none
	CategoryTerm  site.Term
	AudienceTerms []site.Term
	County        site.County // zero if the activity has no place
	Municipality  string      // slug of Place.Municipality, "" if none
	Rule          *schedule.Rule

	Next    time.Time // start of the next meeting at or after now; zero if none
	NextEnd time.Time // its end; zero if the activity gives no end

	// The fields of content.Activity that pages and cards read most, at
	// the top of this struct: text/template looks a field up by name on
	// every use, and a promoted field costs it a search of the embedded
	// structs, with allocations (a tenth of all a build allocates).
	Title, Summary, Category, Mode, Cost, Accessibility string
	Languages                                           []string
	Reviewed                                            content.Date
	Schedule                                            *content.Schedule
	Place                                               *content.Place
	Online                                              *content.Online
	Signup                                              *content.Signup
	Contact                                             *content.Contact

	// What layouts would otherwise ask methods for, found once: a
	// method call through reflect costs text/template many times a
	// field (and a print and a URL call for an address more still).
	Upcoming     bool   // the activity meets again
	NextIsFirst  bool   // the next meeting is the first
	NextISO      string // Next for a <time datetime> attribute, "" if none
	Digital      bool   // the activity can be joined online
	Physical     bool   // the activity meets somewhere
	Chat         string // the anonymous chat link: its own, or its organisation's
	Href         string // the address of its page, under base_url
	CategoryHref string // of its category's page
	ModeHref     string // of its mode's page
	CountyHref   string // of its county's page, "" if none
	OrgHref      string // of its organisation's page
	ProjectHref  string // of its project's page, "" if none
	// AudienceLinks are AudienceTerms with the addresses of their pages.
	AudienceLinks []TermLink
	audienceKey   string // the audiences' keys, for fragments

	titleKey []rune      // collation key of Title, for sorting lists
	facets   facetPlaces // see prepare
}

// A TermLink is a term with the address of its page.
type TermLink struct {
	Key, Title, Href string
}

// meetingLength returns how long one meeting lasts, or 0 if the activity
// gives no end.
func meetingLength(a *content.Activity) time.Duration {
	if a.Schedule.End.IsZero() {
		return 0
	}
	return a.Schedule.End.Sub(a.Schedule.Start.Time)
}

// lookups memoises what many activities share: terms, counties and
// municipality slugs, so preparing ten thousand activities stays cheap.
type lookups struct {
	site         *content.Site
	categories   map[string]site.Term
	audiences    map[string]site.Term
	municipality map[string]string
	hrefs        map[string]string // site path → its address under base_url
	audienceLink map[string]TermLink
}

func newLookups(s *content.Site) *lookups {
	l := &lookups{site: s, categories: map[string]site.Term{}, audiences: map[string]site.Term{}, municipality: map[string]string{},
		hrefs: map[string]string{}, audienceLink: map[string]TermLink{}}
	for _, t := range s.Config.Categories {
		l.categories[t.Key] = t
	}
	for _, t := range s.Config.Audiences {
		l.audiences[t.Key] = t
	}
	return l
}

// href returns the address of the site path prefix+key+"/" under
// base_url, shared by every activity that links to it.
func (l *lookups) href(prefix, key string) string {
	p := prefix + key + "/"
	h, ok := l.hrefs[p]
	if !ok {
		h = l.site.Config.Path(p)
		l.hrefs[p] = h
	}
	return h
}

func (l *lookups) municipalitySlug(name string) string {
	s, ok := l.municipality[name]
	if !ok {
		s = slug.Make(name)
		l.municipality[name] = s
	}
	return s
}

func newActivity(a *content.Activity, l *lookups, now time.Time) *Activity {
	s := l.site
	v := &Activity{Activity: a, Org: s.Organisation(a.Organisation), titleKey: a.TitleKey(a.Title),
		Title: a.Title, Summary: a.Summary, Category: a.Category, Mode: a.Mode, Cost: a.Cost, Accessibility: a.Accessibility,
		Languages: a.Languages, Reviewed: a.Reviewed,
		Schedule: &a.Schedule, Place: &a.Place, Online: &a.Online, Signup: &a.Signup, Contact: &a.Contact}
	if a.Chapter != "" {
		v.OrgChapter = v.Org.ChapterOf(a.Chapter)
	}
	if a.Project != "" {
		v.InProject = s.Project(a.Project)
	}
	v.CategoryTerm = l.categories[a.Category]
	v.AudienceTerms = make([]site.Term, len(a.Audiences))
	v.AudienceLinks = make([]TermLink, len(a.Audiences))
	for i, k := range a.Audiences {
		t := l.audiences[k]
		v.AudienceTerms[i] = t
		link, ok := l.audienceLink[t.Key]
		if !ok {
			link = TermLink{Key: t.Key, Title: t.Title, Href: l.href("/malgruppe/", t.Key)}
			l.audienceLink[t.Key] = link
		}
		v.AudienceLinks[i] = link
	}
	v.audienceKey = strings.Join(a.Audiences, ",")
	if a.Place.County != "" {
		v.County, _ = site.LookupCounty(a.Place.County)
	}
	v.Municipality = l.municipalitySlug(a.Place.Municipality)
	if a.Schedule.Repeat != "" {
		v.Rule = a.Rule() // parsed by validation
	}
	v.Next, v.NextEnd = nextMeeting(a, now)

	cfg := s.Config
	v.Upcoming = !v.Next.IsZero()
	v.NextIsFirst = v.Next == a.Schedule.Start.Time
	if v.Upcoming {
		v.NextISO = isoTime(v.Next)
	}
	v.Digital = a.Mode == "digital" || a.Mode == "hybrid"
	v.Physical = a.Mode == "physical" || a.Mode == "hybrid"
	v.Chat = a.Contact.Chat
	if v.Chat == "" && v.Org != nil {
		v.Chat = v.Org.Chat
	}
	v.Href = cfg.Path(a.URL())
	v.CategoryHref = l.href("/kategori/", a.Category)
	v.ModeHref = l.href("/modus/", a.Mode)
	if v.County.Key != "" {
		v.CountyHref = l.href("/fylke/", v.County.Key)
	}
	if v.Org != nil {
		v.OrgHref = l.href("/organisasjoner/", v.Org.Slug)
	}
	if v.InProject != nil {
		v.ProjectHref = cfg.Path(v.InProject.URL())
	}
	return v
}

// nextMeeting returns the start and end of an activity's next meeting at
// or after now (zero if none; the end zero if the activity gives none).
func nextMeeting(a *content.Activity, now time.Time) (next, end time.Time) {
	start := a.Schedule.Start.Time
	length := meetingLength(a)
	switch {
	case a.Schedule.Repeat != "":
		// A meeting that has started but not ended is still "next".
		if rule := a.Rule(); rule != nil {
			next = rule.Next(now.Add(-length))
		}
	case !start.Before(now) || (length > 0 && start.Add(length).After(now)):
		next = start
	}
	if !next.IsZero() && length > 0 {
		end = next.Add(length)
	}
	return next, end
}
