// Package feed writes the files that tell other programs what the site
// holds: an Atom feed (RFC 4287) of new and changed activities, reports
// and handbooks, sitemap.xml for search engines, and robots.txt pointing
// at the sitemap.
//
// Everything is deterministic: dates come from the content (an
// activity's reviewed date, a report's or handbook's date), never from
// the clock, and ties are broken by id or address.
//
//	entries := []feed.Entry{feed.ActivityEntry(a, cfg.URL(a.URL()), term)}
//	err := feed.Atom(w, feed.Feed{Title: cfg.Title, SelfURL: cfg.URL("/feed.xml"), SiteURL: cfg.URL("/"), Entries: entries})
//	err = feed.Sitemap(w, urls)
//	err = feed.Robots(w, cfg.URL("/sitemap.xml"))
//
// The package has no state and is safe for concurrent use.
package feed

import (
	"time"

	"moteplass/generator/content"
)

var oslo = content.Oslo

// dateTime returns midnight of d in Oslo, the moment a date in content
// stands for.
func dateTime(d content.Date) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return d.Time()
}
