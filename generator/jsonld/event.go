package jsonld

import (
	"errors"
	"strings"
	"time"

	"moteplass/generator/content"
	"moteplass/generator/schedule"
)

// Schema.org values of an event's status and attendance mode.
const (
	Scheduled = "https://schema.org/EventScheduled"
	Offline   = "https://schema.org/OfflineEventAttendanceMode"
	Online    = "https://schema.org/OnlineEventAttendanceMode"
	Mixed     = "https://schema.org/MixedEventAttendanceMode"
)

// event is a schema.org Event.
type event struct {
	Context             string            `json:"@context"`
	Type                string            `json:"@type"`
	Name                string            `json:"name"`
	Description         string            `json:"description,omitempty"`
	URL                 string            `json:"url"`
	StartDate           string            `json:"startDate"`
	EndDate             string            `json:"endDate,omitempty"`
	EventStatus         string            `json:"eventStatus"`
	EventAttendanceMode string            `json:"eventAttendanceMode"`
	Location            any               `json:"location,omitempty"` // place, virtualLocation or both
	Schedule            *eventSchedule    `json:"eventSchedule,omitempty"`
	Organizer           *organization     `json:"organizer,omitempty"`
	IsAccessibleForFree bool              `json:"isAccessibleForFree"`
	InLanguage          oneOrMore[string] `json:"inLanguage,omitempty"`
}

type place struct {
	Type    string        `json:"@type"`
	Name    string        `json:"name,omitempty"`
	Address postalAddress `json:"address"`
}

type postalAddress struct {
	Type            string `json:"@type"`
	StreetAddress   string `json:"streetAddress,omitempty"`
	PostalCode      string `json:"postalCode,omitempty"`
	AddressLocality string `json:"addressLocality,omitempty"`
	AddressRegion   string `json:"addressRegion,omitempty"`
	AddressCountry  string `json:"addressCountry"`
}

type virtualLocation struct {
	Type string `json:"@type"`
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
}

// Event returns the JSON-LD of activity a's page at pageURL (absolute).
//
// next and nextEnd are the next meeting and its end (as the page shows
// them; nextEnd zero if the activity gives no end). With next zero (the
// activity is over) the first meeting is given instead. A recurring
// activity (rule non-nil) also gets an eventSchedule when schema.org can
// say its rule (see schedule.go).
//
// org is the organisation that arranges it (nil leaves organizer out),
// with its page at orgURL. lang is the site's language, used for
// inLanguage when the activity names no languages of its own.
func Event(a *content.Activity, org *content.Organisation, rule *schedule.Rule, next, nextEnd time.Time, pageURL, orgURL, lang string) (Doc, error) {
	if a == nil {
		return nil, errors.New("jsonld: no activity")
	}
	s := a.Schedule
	allDay := s.Start.DateOnly
	if next.IsZero() {
		next, nextEnd = s.Start.Time, s.End.Time
	}
	doc := event{
		Context:             Context,
		Type:                "Event",
		Name:                a.Title,
		Description:         a.Summary,
		URL:                 pageURL,
		StartDate:           isoDate(next, allDay),
		EventStatus:         Scheduled,
		EventAttendanceMode: attendance(a.Mode),
		Location:            locationOf(a),
		IsAccessibleForFree: free(a.Cost),
		InLanguage:          a.Languages,
	}
	if !nextEnd.IsZero() && nextEnd.After(next) {
		doc.EndDate = isoDate(nextEnd, allDay)
	}
	if len(doc.InLanguage) == 0 && lang != "" {
		doc.InLanguage = oneOrMore[string]{lang}
	}
	if rule != nil {
		doc.Schedule = scheduleOf(a, rule)
	}
	if org != nil {
		doc.Organizer = &organization{Type: "Organization", ID: OrgID(orgURL), Name: org.Title, URL: orgURL}
	}
	return marshal(doc)
}

// isoDate returns t as ISO 8601 with its offset in Oslo
// ("2026-01-06T19:00:00+01:00"), or the date alone for an all-day
// activity.
func isoDate(t time.Time, dateOnly bool) string {
	t = t.In(content.Oslo)
	if dateOnly {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

func attendance(mode string) string {
	switch mode {
	case "digital":
		return Online
	case "hybrid":
		return Mixed
	}
	return Offline
}

// free reports whether cost says the activity is free: nothing written,
// or "Gratis".
func free(cost string) bool {
	switch strings.ToLower(strings.TrimRight(strings.TrimSpace(cost), ".!")) {
	case "", "gratis", "free", "0", "0 kr", "kr 0":
		return true
	}
	return false
}

// locationOf returns a Place for physical activities, a VirtualLocation
// for digital ones (with the join link only if it is public), and both
// for hybrid ones.
func locationOf(a *content.Activity) any {
	var p *place
	if a.Mode != "digital" && a.Place != (content.Place{}) {
		pl := a.Place
		p = &place{Type: "Place", Name: pl.Name, Address: postalAddress{
			Type:            "PostalAddress",
			StreetAddress:   pl.Address,
			PostalCode:      pl.Postcode,
			AddressLocality: pl.Municipality,
			AddressRegion:   countyName(pl.County),
			AddressCountry:  "NO",
		}}
		if p.Name == "" {
			p.Name = pl.Address
		}
	}
	var v *virtualLocation
	if a.Mode != "physical" {
		v = &virtualLocation{Type: "VirtualLocation", Name: a.Online.Platform}
		if a.Online.Public {
			v.URL = a.Online.Join
		}
	}
	switch {
	case p != nil && v != nil:
		return []any{p, v}
	case p != nil:
		return p
	case v != nil:
		return v
	}
	return nil
}
