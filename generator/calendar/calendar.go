// Package calendar writes activities as iCalendar (RFC 5545) files: one
// file per activity ("Legg til i kalender") and calendars of many
// activities that visitors can subscribe to (per organisation, county,
// category, or all).
//
// Times carry TZID=Europe/Oslo with a VTIMEZONE for the EU summer-time
// rules, so a 19:00 meeting stays at 19:00 across the change; recurring
// meetings keep their RRULE, with UNTIL in UTC; all-day activities are
// VALUE=DATE. Text is escaped, lines are folded at 75 octets without
// splitting a UTF-8 sequence, and lines end in CRLF.
//
// Output is deterministic: events are sorted by UID, UIDs come from the
// slug and base_url, and DTSTAMP comes from the activity's reviewed date
// or the stamp the caller gives, never from the clock.
//
//	domain := calendar.Domain(cfg.BaseURL)
//	ev := calendar.EventOf(a, a.Rule(), cfg.URL(a.URL()), domain, lang)
//	ev.Categories = []string{term.Title}
//	err := calendar.Write(w, "Alle aktiviteter", events, stamp)
//
// The package has no state; everything in it is safe for concurrent use.
package calendar

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"moteplass/generator/content"
)

// ProdID names the program that made the files.
const ProdID = "-//Moteplass//Moteplass//NO"

// RefreshInterval is how often subscribers are asked to fetch a
// subscribed calendar again.
const RefreshInterval = "PT12H"

const (
	dateLayout  = "20060102"
	localLayout = "20060102T150405"
	utcLayout   = "20060102T150405Z"
)

// Write writes a VCALENDAR holding events, sorted by UID, to w.
//
// A non-empty name makes it a calendar to subscribe to: it gets
// X-WR-CALNAME and NAME (RFC 7986), X-WR-TIMEZONE and a refresh
// interval. Leave name empty for an activity's own file, which calendar
// programs import into the calendar the visitor chooses.
//
// stamp is the DTSTAMP of events that have none of their own (no reviewed
// date). It must not be zero: pass a fixed moment such as the build's
// SOURCE_DATE_EPOCH or the newest reviewed date of the site, so a rebuild
// of unchanged content gives the same bytes.
func Write(w io.Writer, name string, events []Event, stamp time.Time) error {
	sorted := slices.Clone(events)
	slices.SortStableFunc(sorted, func(a, b Event) int { return cmp.Compare(a.UID, b.UID) })
	for i, e := range sorted {
		switch {
		case e.UID == "":
			return fmt.Errorf("calendar: event %q has no UID", e.Summary)
		case i > 0 && sorted[i-1].UID == e.UID:
			return fmt.Errorf("calendar: two events have the UID %q", e.UID)
		case e.Start.IsZero():
			return fmt.Errorf("calendar: event %s has no start", e.UID)
		case e.Stamp.IsZero() && stamp.IsZero():
			return errors.New("calendar: no DTSTAMP: pass a stamp for events without a reviewed date")
		}
	}

	lw, flush := newLineWriter(w)
	writeHead(lw, name)
	for i := range sorted {
		writeEvent(lw, &sorted[i], stamp)
		writeEventEnd(lw, name != "")
	}
	lw.prop("END", "VCALENDAR")
	return flush()
}

// newLineWriter writes to w directly when it buffers already (a build
// writes into a bytes.Buffer or a bufio.Writer: a bufio.Writer on top
// would cost 4 KB per calendar, a hundred thousand calendars a build),
// else through a bufio.Writer that flush empties.
func newLineWriter(w io.Writer) (lw lineWriter, flush func() error) {
	switch b := w.(type) {
	case *bytes.Buffer:
		return lineWriter{b}, func() error { return nil }
	case *bufio.Writer:
		return lineWriter{b}, func() error { return nil } // its owner flushes
	}
	bw := bufio.NewWriter(w)
	return lineWriter{bw}, bw.Flush
}

// writeHead writes the calendar's properties and time zone.
func writeHead(lw lineWriter, name string) {
	lw.prop("BEGIN", "VCALENDAR")
	lw.prop("VERSION", "2.0")
	lw.prop("PRODID", escapeText(ProdID))
	lw.prop("CALSCALE", "GREGORIAN")
	if name != "" {
		lw.text("X-WR-CALNAME", name)
		lw.text("NAME", name)
		lw.prop("X-WR-TIMEZONE", TZID)
		lw.prop("REFRESH-INTERVAL;VALUE=DURATION", RefreshInterval)
		lw.prop("X-PUBLISHED-TTL", RefreshInterval)
	}
	// Always there: a VCALENDAR needs at least one component, and a
	// county with no activities yet still gets a valid, empty calendar.
	for _, l := range vtimezone {
		lw.line(l)
	}
}

// writeEventEnd ends a VEVENT. Events in a subscribed calendar are
// TRANSPARENT: subscribing to all activities of a county must not fill
// the visitor's calendar with busy time.
func writeEventEnd(lw lineWriter, subscribed bool) {
	if subscribed {
		lw.prop("TRANSP", "TRANSPARENT")
	}
	lw.prop("END", "VEVENT")
}

// writeEvent writes a VEVENT up to its end (writeEventEnd).
func writeEvent(lw lineWriter, e *Event, stamp time.Time) {
	if !e.Stamp.IsZero() {
		stamp = e.Stamp
	}
	lw.prop("BEGIN", "VEVENT")
	lw.text("UID", e.UID)
	lw.prop("DTSTAMP", stamp.UTC().Format(utcLayout))
	if e.AllDay {
		start := e.Start.In(content.Oslo)
		last := start
		if !e.End.IsZero() && e.End.After(start) {
			last = e.End.In(content.Oslo)
		}
		lw.prop("DTSTART;VALUE=DATE", start.Format(dateLayout))
		// DTEND of a date is the day after the last (exclusive).
		y, m, d := last.Date()
		lw.prop("DTEND;VALUE=DATE", time.Date(y, m, d+1, 0, 0, 0, 0, content.Oslo).Format(dateLayout))
	} else {
		lw.prop("DTSTART;TZID="+TZID, e.Start.In(content.Oslo).Format(localLayout))
		if !e.End.IsZero() && e.End.After(e.Start) {
			lw.prop("DTEND;TZID="+TZID, e.End.In(content.Oslo).Format(localLayout))
		}
	}
	if e.Rule != nil {
		lw.prop("RRULE", rruleValue(e))
	}
	lw.text("SUMMARY", e.Summary)
	lw.text("DESCRIPTION", e.Description)
	lw.text("LOCATION", e.Location)
	if len(e.Categories) > 0 {
		cats := make([]string, 0, len(e.Categories))
		for _, c := range e.Categories {
			if c != "" {
				cats = append(cats, escapeText(c))
			}
		}
		if len(cats) > 0 {
			lw.prop("CATEGORIES", strings.Join(cats, ","))
		}
	}
	if u := cleanURI(e.URL); u != "" {
		lw.prop("URL;VALUE=URI", u)
	}
	if u := cleanURI(e.Conference); u != "" {
		lw.prop("CONFERENCE;VALUE=URI", u)
	}
}
