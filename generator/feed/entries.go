package feed

import (
	"moteplass/generator/content"
	"moteplass/generator/site"
)

// ActivityEntry returns the feed entry of activity a, whose page is at
// pageURL, in category term. Its date is the day the facts were last
// reviewed, so an activity comes back to the top of the feed when an
// editor confirms or changes it. ok is false for an activity with no
// reviewed date: it has no date to place it by.
func ActivityEntry(a *content.Activity, pageURL string, term site.Term) (e Entry, ok bool) {
	if a.Reviewed.IsZero() {
		return Entry{}, false
	}
	e = Entry{Title: a.Title, Summary: a.Summary, URL: pageURL, Updated: dateTime(a.Reviewed)}
	if term.Key != "" {
		e.Category = Category{Term: term.Key, Label: term.Title}
	}
	return e, true
}

// ReportEntry returns the feed entry of report r, whose page is at
// pageURL. Its date is the report's date.
func ReportEntry(r *content.Report, pageURL string) Entry {
	return Entry{Title: r.Title, Summary: r.Summary, URL: pageURL, Updated: dateTime(r.Date), Published: dateTime(r.Date)}
}

// HandbookEntry returns the feed entry of handbook h, whose front page is
// at pageURL. Its date is the handbook's date (of its latest version).
func HandbookEntry(h *content.Handbook, pageURL string) Entry {
	return Entry{Title: h.Title, Summary: h.Summary, URL: pageURL, Updated: dateTime(h.Date)}
}
