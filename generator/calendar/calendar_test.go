package calendar

import (
	"bytes"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"

	"moteplass/generator/content"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestWriteParsesBack(t *testing.T) {
	kafe := act("kafe", at(2026, 1, 6, 19, 0), at(2026, 1, 6, 20, 30), "FREQ=WEEKLY;BYDAY=TU", day(2026, 6, 30))
	kafe.Title = `Kafé; te, kaffe \ og` + "\n" + "prat"
	kafe.Summary = strings.Repeat("Sosialt treff med vafler, kaffe og god prat på Ørland – åpent for alle. ", 6)
	kafe.Reviewed = content.Date{Year: 2025, Month: 12, Day: 1}

	zoom := act("nettgruppe", at(2026, 2, 2, 18, 0), at(2026, 2, 2, 19, 0), "FREQ=MONTHLY;BYDAY=1MO", time.Time{})
	zoom.Mode, zoom.Place = "digital", content.Place{}
	zoom.Online = content.Online{Platform: "Zoom", Join: "https://zoom.example.org/j/123?pwd=a,b;c", Public: true}

	secret := act("lukket", at(2026, 2, 3, 18, 0), time.Time{}, "", time.Time{})
	secret.Mode, secret.Place = "digital", content.Place{}
	secret.Online = content.Online{Platform: "Teams", Join: "https://teams.example.org/hemmelig"}

	dag := act("17-mai", day(2026, 5, 17), day(2026, 5, 18), "", time.Time{})
	dag.Schedule.Start.DateOnly, dag.Schedule.End.DateOnly = true, true

	events := []Event{eventOf(t, kafe), eventOf(t, zoom), eventOf(t, secret), eventOf(t, dag)}
	events[0].Categories = []string{"Kafé, treff", "Sosialt"}
	out := write(t, "Alle aktiviteter; Trøndelag", events...)
	cal := decode(t, out)

	if got := text(t, cal.Component, "X-WR-CALNAME"); got != "Alle aktiviteter; Trøndelag" {
		t.Errorf("X-WR-CALNAME = %q", got)
	}
	for name, want := range map[string]string{"VERSION": "2.0", "PRODID": ProdID, "X-WR-TIMEZONE": TZID, "CALSCALE": "GREGORIAN"} {
		if p := cal.Props.Get(name); p == nil || p.Value != want {
			t.Errorf("%s = %v, want %s", name, p, want)
		}
	}
	var tz *ical.Component
	for _, c := range cal.Children {
		if c.Name == ical.CompTimezone {
			tz = c
		}
	}
	if tz == nil || text(t, tz, "TZID") != TZID {
		t.Fatalf("no VTIMEZONE for %s", TZID)
	}

	ev := eventByUID(t, cal, "kafe@"+domain)
	if got := text(t, ev.Component, "SUMMARY"); got != kafe.Title {
		t.Errorf("SUMMARY = %q, want %q", got, kafe.Title)
	}
	desc := text(t, ev.Component, "DESCRIPTION")
	if !strings.HasPrefix(desc, strings.TrimSpace(kafe.Summary)) || !strings.HasSuffix(desc, "\n\nhttps://test.example.org/aktiviteter/kafe/") {
		t.Errorf("DESCRIPTION = %q", desc)
	}
	if got := text(t, ev.Component, "LOCATION"); got != "Frivilligsentralen, Storgata 1, 7011 Trondheim" {
		t.Errorf("LOCATION = %q", got)
	}
	if cats, _ := ev.Props.Get(ical.PropCategories).TextList(); !slices.Equal(cats, []string{"Kafé, treff", "Sosialt"}) {
		t.Errorf("CATEGORIES = %q", cats)
	}
	dtstart := ev.Props.Get(ical.PropDateTimeStart)
	if dtstart.Params.Get("TZID") != TZID || dtstart.Value != "20260106T190000" {
		t.Errorf("DTSTART = %+v", dtstart)
	}
	if end, err := ev.DateTimeEnd(nil); err != nil || !end.Equal(at(2026, 1, 6, 20, 30)) {
		t.Errorf("DTEND = %v, %v", end, err)
	}
	// until 30 June 2026 means through 23:59:59 that day in Oslo
	// (summer time, UTC+2).
	if got := ev.Props.Get(ical.PropRecurrenceRule).Value; got != "FREQ=WEEKLY;UNTIL=20260630T215959Z;BYDAY=TU" {
		t.Errorf("RRULE = %s", got)
	}
	if got := ev.Props.Get(ical.PropDateTimeStamp).Value; got != "20251130T230000Z" {
		t.Errorf("DTSTAMP = %s, want the reviewed date", got)
	}
	if got := ev.Props.Get(ical.PropURL).Value; got != "https://test.example.org/aktiviteter/kafe/" {
		t.Errorf("URL = %s", got)
	}
	if ev.Props.Get(ical.PropTransparency).Value != "TRANSPARENT" {
		t.Error("a subscribed event should not block time")
	}

	ev = eventByUID(t, cal, "nettgruppe@"+domain)
	join := zoom.Online.Join
	if p := ev.Props.Get(ical.PropConference); p == nil || p.Value != join {
		t.Errorf("CONFERENCE = %v, want the public join link", p)
	}
	if got := text(t, ev.Component, "LOCATION"); got != join {
		t.Errorf("LOCATION = %q, want the join link", got)
	}
	if got := text(t, ev.Component, "DESCRIPTION"); !strings.Contains(got, "Delta på nett: "+join) {
		t.Errorf("DESCRIPTION = %q, want the join link", got)
	}
	if got := ev.Props.Get(ical.PropDateTimeStamp).Value; got != "20260101T120000Z" {
		t.Errorf("DTSTAMP = %s, want the calendar's stamp", got)
	}

	ev = eventByUID(t, cal, "lukket@"+domain)
	if strings.Contains(out, "hemmelig") {
		t.Error("a join link that is not public is in the calendar")
	}
	if ev.Props.Get(ical.PropConference) != nil || text(t, ev.Component, "LOCATION") != "Teams" {
		t.Errorf("private join: CONFERENCE %v, LOCATION %q", ev.Props.Get(ical.PropConference), text(t, ev.Component, "LOCATION"))
	}
	if ev.Props.Get(ical.PropDateTimeEnd) != nil {
		t.Error("DTEND without an end")
	}

	ev = eventByUID(t, cal, "17-mai@"+domain)
	for name, want := range map[string]string{"DTSTART": "20260517", "DTEND": "20260519"} {
		p := ev.Props.Get(name)
		if p.ValueType() != ical.ValueDate || p.Value != want {
			t.Errorf("%s = %v %s, want DATE %s", name, p.ValueType(), p.Value, want)
		}
	}

	// Sorted by UID.
	var uids []string
	for _, e := range cal.Events() {
		uids = append(uids, e.Props.Get(ical.PropUID).Value)
	}
	if !slices.IsSorted(uids) || len(uids) != 4 {
		t.Errorf("UIDs %v, want 4 sorted", uids)
	}
}

func TestSingleFile(t *testing.T) {
	a := act("kafe", at(2026, 1, 6, 19, 0), at(2026, 1, 6, 20, 30), "", time.Time{})
	out := write(t, "", eventOf(t, a))
	for _, not := range []string{"X-WR-CALNAME", "X-WR-TIMEZONE", "REFRESH-INTERVAL", "TRANSP", "ORGANIZER", "METHOD"} {
		if strings.Contains(out, not) {
			t.Errorf("a single activity's file has %s", not)
		}
	}
	if ev := decode(t, out).Events(); len(ev) != 1 || ev[0].Props.Get(ical.PropRecurrenceRule) != nil {
		t.Errorf("want one event without RRULE, got %d", len(ev))
	}
}

func TestEmptyCalendar(t *testing.T) {
	// A county with no activities still gets a valid calendar: it has
	// at least one component (the VTIMEZONE).
	cal := decode(t, write(t, "Finnmark"))
	if len(cal.Children) != 1 || len(cal.Events()) != 0 {
		t.Errorf("children %d, events %d", len(cal.Children), len(cal.Events()))
	}
}

func TestDeterministic(t *testing.T) {
	var events []Event
	for _, s := range []string{"c", "a", "d", "b"} {
		events = append(events, eventOf(t, act(s, at(2026, 1, 6, 19, 0), time.Time{}, "FREQ=WEEKLY", time.Time{})))
	}
	first := write(t, "Alle", events...)
	slices.Reverse(events)
	if second := write(t, "Alle", events...); first != second {
		t.Error("the order of the events changes the output")
	}
	if events[0].UID != "b@"+domain {
		t.Error("Write reordered the caller's slice")
	}
}

func TestWriteErrors(t *testing.T) {
	a := eventOf(t, act("a", at(2026, 1, 6, 19, 0), time.Time{}, "", time.Time{}))
	tests := map[string][]Event{
		"UID":     {a, a},
		"DTSTAMP": {a},
		"start":   {{UID: "x@y"}},
	}
	for want, events := range tests {
		var s time.Time
		if want != "DTSTAMP" {
			s = stamp
		}
		if err := Write(&bytes.Buffer{}, "", events, s); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v", want, err)
		}
	}
}

func TestEventOf(t *testing.T) {
	if got := Domain("https://Example.org/moteplass/"); got != "example.org/moteplass" {
		t.Errorf("Domain = %q", got)
	}
	if got := Domain("https://example.org/"); got != "example.org" {
		t.Errorf("Domain = %q", got)
	}

	// A start that is not a meeting of the rule (Monday, for a rule on
	// Tuesdays) moves to the first meeting, end and all.
	a := act("mandag", at(2026, 1, 5, 19, 0), at(2026, 1, 5, 20, 0), "FREQ=WEEKLY;BYDAY=TU", time.Time{})
	a.Signup.Required = true
	a.Place = content.Place{Name: "Storgata 1", Address: "Storgata 1", Municipality: "Oslo"}
	e := eventOf(t, a)
	if !e.Start.Equal(at(2026, 1, 6, 19, 0)) || !e.End.Equal(at(2026, 1, 6, 20, 0)) {
		t.Errorf("start %v end %v, want Tuesday 6 January 19–20", e.Start, e.End)
	}
	if e.Location != "Storgata 1, Oslo" {
		t.Errorf("Location = %q", e.Location)
	}
	if !strings.Contains(e.Description, "Påmelding er nødvendig.") {
		t.Errorf("Description = %q", e.Description)
	}
	if !e.Stamp.IsZero() {
		t.Error("Stamp without a reviewed date")
	}
	// Without a language, no labels.
	e = EventOf(a, nil, "https://x.example/", "x.example", nil)
	if e.Description != "Om mandag.\n\nhttps://x.example/" {
		t.Errorf("Description = %q", e.Description)
	}

	// Hybrid: the place is the location, the public link a CONFERENCE.
	h := act("hybrid", at(2026, 1, 5, 19, 0), time.Time{}, "", time.Time{})
	h.Mode = "hybrid"
	h.Online = content.Online{Join: "https://meet.example.org/x", Public: true}
	if e := eventOf(t, h); e.Location != "Frivilligsentralen, Storgata 1, 7011 Trondheim" || e.Conference != h.Online.Join {
		t.Errorf("hybrid: %q %q", e.Location, e.Conference)
	}
}

func TestGolden(t *testing.T) {
	kafe := act("kafe", at(2026, 1, 6, 19, 0), at(2026, 1, 6, 20, 30), "FREQ=MONTHLY;BYDAY=1TU", day(2026, 12, 31))
	kafe.Title, kafe.Summary = "Pårørendekafé", "Et uformelt treff for pårørende: kaffe, vafler og samtale med andre som forstår."
	kafe.Reviewed = content.Date{Year: 2025, Month: 11, Day: 20}
	kafe.Signup.Required = true
	nett := act("spillavhengighet-nett", at(2026, 1, 8, 18, 0), at(2026, 1, 8, 19, 30), "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", time.Time{})
	nett.Title, nett.Mode, nett.Place = "Nettgruppe for spilleavhengige", "digital", content.Place{}
	nett.Online = content.Online{Platform: "Zoom", Join: "https://zoom.example.org/j/42", Public: true}
	leir := act("sommerleir", day(2026, 7, 1), day(2026, 7, 3), "", time.Time{})
	leir.Title = "Sommerleir"
	leir.Schedule.Start.DateOnly, leir.Schedule.End.DateOnly = true, true
	events := []Event{eventOf(t, kafe), eventOf(t, nett), eventOf(t, leir)}
	events[0].Categories = []string{"Samtalegrupper"}
	got := write(t, "Alle aktiviteter", events...)

	const golden = "testdata/alle.ics"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update to accept):\n%s", golden, got)
	}
}
