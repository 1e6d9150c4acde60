package calendar

import (
	"net/url"
	"strings"
	"time"

	"moteplass/generator/content"
	"moteplass/generator/i18n"
	"moteplass/generator/schedule"
)

// An Event is one VEVENT: an activity, with its recurrence if it has one.
// EventOf fills it from an activity; the zero value is not useful.
type Event struct {
	UID         string // stable across builds: slug@domain
	Summary     string // the activity's title
	Description string // plain text; line breaks allowed
	Location    string // place, address, postcode and municipality
	URL         string // absolute address of the activity page
	Conference  string // public join link (RFC 7986 CONFERENCE); "" if none or not public

	// Start is the first meeting and End its end (zero: no DTEND). They
	// are written in Europe/Oslo whatever their location. For an AllDay
	// event only the Oslo dates count, and End is the last day, inclusive.
	Start, End time.Time
	AllDay     bool
	Rule       *schedule.Rule // nil for a single meeting

	Categories []string  // e.g. the category's title; EventOf leaves it empty
	Stamp      time.Time // DTSTAMP; zero takes the calendar's stamp
}

// Domain returns the right-hand side of UIDs for a site at baseURL: its
// host, with the base path if the site is not at the root
// ("example.org", "example.org/moteplass"). It depends only on base_url,
// so UIDs stay the same from build to build.
func Domain(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Host == "" {
		return strings.Trim(baseURL, "/")
	}
	return strings.ToLower(u.Host) + strings.TrimSuffix(u.Path, "/")
}

// EventOf returns the event of activity a with recurrence rule (nil if it
// meets once; normally a.Rule()). pageURL is the absolute address of its
// page, domain the UID domain (see Domain), and l the site's language for
// the few labels in DESCRIPTION (nil leaves them out).
//
// The description is the summary, the join link when Online.Public is
// set, whether signup is required, and the page address. No ORGANIZER is
// written: it must be an e-mail address, which a public calendar file
// would hand to harvesters, and some clients then treat the event as an
// invitation and offer to send replies to it. The page, linked by URL,
// says whom to contact.
//
// DTSTART must be an occurrence of the rule in RFC 5545; when the start
// an editor wrote is not (a Monday start for a rule on Tuesdays), the
// event starts at the rule's first meeting after it, as the site shows.
func EventOf(a *content.Activity, rule *schedule.Rule, pageURL, domain string, l *i18n.Lang) Event {
	s := a.Schedule
	e := Event{
		UID:     a.Slug + "@" + domain,
		Summary: a.Title,
		URL:     pageURL,
		Start:   s.Start.Time,
		End:     s.End.Time,
		AllDay:  s.Start.DateOnly,
		Rule:    rule,
	}
	if !a.Reviewed.IsZero() {
		e.Stamp = a.Reviewed.Time()
	}
	if a.Online.Public && a.Online.Join != "" && a.Mode != "physical" {
		e.Conference = a.Online.Join
	}
	if rule != nil {
		e.Start, e.End = synced(rule, e.Start, e.End, e.AllDay)
	}
	e.Location = location(a, e.Conference)
	e.Description = description(a, e.Conference, pageURL, l)
	return e
}

// synced moves start (and end with it) to the rule's first meeting if
// start is not one.
func synced(rule *schedule.Rule, start, end time.Time, allDay bool) (time.Time, time.Time) {
	var first time.Time
	if start.Equal(rule.Start()) {
		first = rule.First() // kept by the rule
	} else if len(rule.Between(start, start.Add(time.Second))) > 0 {
		return start, end
	} else {
		first = rule.Next(start)
	}
	if first.IsZero() {
		return start, end // the rule never meets; keep what the editor wrote
	}
	if first.Before(start.Add(time.Second)) {
		return start, end // start is a meeting
	}
	if !end.IsZero() {
		if allDay {
			y, m, d := start.Date()
			y2, m2, d2 := end.Date()
			days := int(time.Date(y2, m2, d2, 12, 0, 0, 0, time.UTC).Sub(time.Date(y, m, d, 12, 0, 0, 0, time.UTC)).Hours() / 24)
			end = first.AddDate(0, 0, days)
		} else {
			end = first.Add(end.Sub(start))
		}
	}
	return first, end
}

// location says where: the place for physical and hybrid activities, the
// public join link or else the platform for digital ones.
func location(a *content.Activity, join string) string {
	p := a.Place
	if a.Mode == "digital" || (p == content.Place{}) {
		if join != "" {
			return join
		}
		return a.Online.Platform
	}
	town := strings.TrimSpace(p.Postcode + " " + p.Municipality)
	var parts []string
	for _, s := range []string{p.Name, p.Address, town} {
		if s = strings.TrimSpace(s); s != "" && (len(parts) == 0 || parts[len(parts)-1] != s) {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

func description(a *content.Activity, join, pageURL string, l *i18n.Lang) string {
	label := func(key string) string {
		if l == nil {
			return ""
		}
		s, err := l.T(key)
		if err != nil {
			return ""
		}
		return s
	}
	var paras []string
	if s := strings.TrimSpace(a.Summary); s != "" {
		paras = append(paras, s)
	}
	if join != "" {
		if lab := label("join_online"); lab != "" {
			join = lab + ": " + join
		}
		paras = append(paras, join)
	}
	if a.Signup.Required {
		if s := label("signup_required"); s != "" {
			paras = append(paras, s)
		}
	}
	if pageURL != "" {
		paras = append(paras, pageURL)
	}
	return strings.Join(paras, "\n\n")
}
