package build

import (
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"moteplass/generator/calendar"
	"moteplass/generator/content"
	"moteplass/generator/feed"
	"moteplass/generator/i18n"
	"moteplass/generator/publish"
	"moteplass/generator/site"
)

// Files that take activities to where people look: a calendar file per
// activity and calendars to subscribe to, the Atom feed, the sitemap and
// robots.txt.

// stampOf is the DTSTAMP of calendars: the newest date any activity was
// checked, so the files change only when the content does.
func stampOf(s *content.Site) time.Time {
	var newest content.Date
	for _, a := range s.Activities {
		if newest.Before(a.Reviewed) {
			newest = a.Reviewed
		}
	}
	if newest.IsZero() {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return newest.Time()
}

// calendarFiles lists /aktiviteter/<slug>/<slug>.ics and the calendars
// to subscribe to under /kalender/: everything, per county (activities
// that meet there), per organisation and per category. Events are made
// and encoded when a file that needs them is written, each once: serve
// lists the files on every save and writes the few a browser asks for,
// and a build puts every event in five files.
func calendarFiles(s *content.Site, cfg *site.Config, l *i18n.Lang) []publish.File {
	domain := calendar.Domain(cfg.BaseURL)
	stamp := sync.OnceValue(func() time.Time { return stampOf(s) })
	events := lazyEvents{make: func(i int) (calendar.Encoded, error) {
		a := s.Activities[i]
		ev := calendar.EventOf(a, a.Rule(), cfg.URL(a.URL()), domain, l)
		if t, ok := cfg.Category(a.Category); ok {
			ev.Categories = []string{t.Title}
		}
		return calendar.Encode(ev, stamp())
	}, n: len(s.Activities)}
	files := make([]publish.File, 0, len(s.Activities)+1+len(site.Counties)+len(s.Organisations)+len(cfg.Categories))
	for i, a := range s.Activities {
		files = append(files, publish.File{Path: strings.TrimPrefix(a.URL(), "/") + a.Slug + ".ics", Write: func(w io.Writer) error {
			e, err := events.get(i)
			if err != nil {
				return err
			}
			return calendar.WriteEncoded(w, "", []*calendar.Encoded{e})
		}})
	}
	groups := sync.OnceValue(func() map[calendarGroup][]int { return calendarGroups(s, domain) })
	group := func(path, name string, g calendarGroup) {
		files = append(files, publish.File{Path: path, Write: func(w io.Writer) error {
			members := groups()[g]
			evs := make([]*calendar.Encoded, len(members))
			for j, i := range members {
				e, err := events.get(i)
				if err != nil {
					return err
				}
				evs[j] = e
			}
			return calendar.WriteEncoded(w, name+" – "+cfg.Title, evs)
		}})
	}
	group("kalender/alle.ics", l.UI["all_activities"], calendarGroup{})
	for _, c := range site.Counties {
		group("kalender/fylke/"+c.Key+".ics", fillName(l.UI["in_county"], c.Name), calendarGroup{"fylke", c.Key})
	}
	for _, o := range s.Organisations {
		group("kalender/organisasjon/"+o.Slug+".ics", o.Title, calendarGroup{"organisasjon", o.Slug})
	}
	for _, t := range cfg.Categories {
		group("kalender/kategori/"+t.Key+".ics", t.Title, calendarGroup{"kategori", t.Key})
	}
	return files
}

// A calendarGroup names a calendar to subscribe to: the zero value all
// activities, else a county, organisation or category by key.
type calendarGroup struct{ kind, key string }

// calendarGroups returns the activities (indexes into s.Activities) of
// every calendar to subscribe to, in the UID order the files list them,
// in one pass over the activities.
func calendarGroups(s *content.Site, domain string) map[calendarGroup][]int {
	uids := make([]string, len(s.Activities))
	order := make([]int, len(s.Activities))
	for i, a := range s.Activities {
		uids[i], order[i] = a.Slug+"@"+domain, i
	}
	slices.SortStableFunc(order, func(i, j int) int { return strings.Compare(uids[i], uids[j]) })
	m := map[calendarGroup][]int{}
	add := func(g calendarGroup, i int) { m[g] = append(m[g], i) }
	for _, i := range order {
		a := s.Activities[i]
		add(calendarGroup{}, i)
		if c, ok := site.LookupCounty(a.Place.County); ok {
			add(calendarGroup{"fylke", c.Key}, i)
		}
		add(calendarGroup{"organisasjon", a.Organisation}, i)
		add(calendarGroup{"kategori", a.Category}, i)
	}
	return m
}

// lazyEvents makes and encodes the calendar event of activity i when
// first asked, once; safe for concurrent use.
type lazyEvents struct {
	make  func(i int) (calendar.Encoded, error)
	n     int
	once  sync.Once
	slots []eventSlot
}

type eventSlot struct {
	once sync.Once
	ev   calendar.Encoded
	err  error
}

func (e *lazyEvents) get(i int) (*calendar.Encoded, error) {
	e.once.Do(func() { e.slots = make([]eventSlot, e.n) })
	slot := &e.slots[i]
	slot.once.Do(func() { slot.ev, slot.err = e.make(i) })
	return &slot.ev, slot.err
}

func fillName(s, name string) string { return strings.ReplaceAll(s, "{name}", name) }

// feedFiles lists /feed.xml, /sitemap.xml and /robots.txt. pages are the
// HTML files of the site, for the sitemap: one file, or for more than
// feed.MaxURLs pages an index of /sitemap-1.xml, /sitemap-2.xml, ….
func feedFiles(s *content.Site, cfg *site.Config, pages []publish.File) []publish.File {
	files := []publish.File{
		{Path: "feed.xml", Write: func(w io.Writer) error {
			f := feed.Feed{Title: cfg.Title, Subtitle: cfg.Description, Lang: cfg.Language, SelfURL: cfg.URL("/feed.xml"), SiteURL: cfg.URL("/"), Author: cfg.Owner}
			for _, a := range s.Activities {
				t, _ := cfg.Category(a.Category)
				if e, ok := feed.ActivityEntry(a, cfg.URL(a.URL()), t); ok {
					f.Entries = append(f.Entries, e)
				}
			}
			for _, r := range s.Reports {
				f.Entries = append(f.Entries, feed.ReportEntry(r, cfg.URL(r.URL())))
			}
			for _, h := range s.Handbooks {
				f.Entries = append(f.Entries, feed.HandbookEntry(h, cfg.URL(h.URL())))
			}
			for _, e := range f.Entries {
				if e.Updated.After(f.Updated) {
					f.Updated = e.Updated
				}
			}
			return feed.Atom(w, f)
		}},
		{Path: "robots.txt", Write: func(w io.Writer) error {
			return feed.Robots(w, cfg.URL("/sitemap.xml"))
		}},
	}
	return append(files, sitemapFiles(s, cfg, pages, feed.MaxURLs)...)
}

// sitemapFiles lists sitemap.xml, and if there are more than limit
// pages, the sitemaps it indexes, limit pages each.
func sitemapFiles(s *content.Site, cfg *site.Config, pages []publish.File, limit int) []publish.File {
	n := 0
	for _, f := range pages {
		if isPage(f) {
			n++
		}
	}
	if n <= limit {
		return []publish.File{{Path: "sitemap.xml", Write: func(w io.Writer) error {
			return feed.Sitemap(w, sitemapURLs(s, cfg, pages))
		}}}
	}
	urls := sync.OnceValue(func() []feed.URL {
		u := sitemapURLs(s, cfg, pages)
		slices.SortFunc(u, func(a, b feed.URL) int { return strings.Compare(a.Loc, b.Loc) })
		return u
	})
	var files []publish.File
	var locs []string
	for i := 0; i*limit < n; i++ {
		name := "sitemap-" + strconv.Itoa(i+1) + ".xml"
		locs = append(locs, cfg.URL("/"+name))
		files = append(files, publish.File{Path: name, Write: func(w io.Writer) error {
			u := urls()
			return feed.Sitemap(w, u[i*limit:min(len(u), (i+1)*limit)])
		}})
	}
	return append(files, publish.File{Path: "sitemap.xml", Write: func(w io.Writer) error {
		return feed.SitemapIndex(w, locs)
	}})
}

// isPage reports whether f is a page of the sitemap: an index.html, not
// 404.html nor other files.
func isPage(f publish.File) bool { return strings.HasSuffix(f.Path, "index.html") }

// sitemapURLs lists every page but 404.html, with the date its content
// was last checked or published where the page has one.
func sitemapURLs(s *content.Site, cfg *site.Config, pages []publish.File) []feed.URL {
	modified := map[string]content.Date{}
	for _, a := range s.Activities {
		modified[a.URL()] = a.Reviewed
	}
	for _, o := range s.Organisations {
		modified[o.URL()] = o.Reviewed
	}
	for _, r := range s.Reports {
		modified[r.URL()] = r.Date
	}
	for _, h := range s.Handbooks {
		modified[h.URL()] = h.Date
		for _, c := range h.Chapters {
			modified[c.URL()] = h.Date
		}
	}
	var urls []feed.URL
	for _, f := range pages {
		if !isPage(f) {
			continue // 404.html, and files that are not pages
		}
		p := "/" + strings.TrimSuffix(f.Path, "index.html")
		u := feed.URL{Loc: cfg.URL(p)}
		if d := modified[p]; !d.IsZero() {
			u.LastMod = d.Time()
		}
		urls = append(urls, u)
	}
	return urls
}
