package calendar

import (
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"
	"github.com/teambition/rrule-go"

	"moteplass/generator/content"
)

// TestRecurrenceMatchesSchedule writes each rule to a calendar, reads it
// back with go-ical, expands the RRULE read from the file with rrule-go,
// and compares the meetings with what schedule.Rule (and so the site)
// says.
func TestRecurrenceMatchesSchedule(t *testing.T) {
	tests := []struct {
		name       string
		a          *content.Activity
		allDay     bool
		wantRRULE  string
		wantClock  string // every meeting at this Oslo time, if set
		wantDTSTAR string
	}{
		{name: "weekly across the spring change", a: act("a", at(2026, 3, 17, 19, 0), at(2026, 3, 17, 20, 30), "FREQ=WEEKLY;BYDAY=TU", time.Time{}),
			wantRRULE: "FREQ=WEEKLY;BYDAY=TU", wantClock: "19:00"},
		{name: "first Tuesday", a: act("b", at(2026, 1, 6, 19, 0), time.Time{}, "FREQ=MONTHLY;BYDAY=1TU", time.Time{}),
			wantRRULE: "FREQ=MONTHLY;BYDAY=1TU", wantClock: "19:00"},
		{name: "last Thursday until", a: act("c", at(2026, 1, 29, 18, 0), time.Time{}, "FREQ=MONTHLY;BYDAY=-1TH", day(2026, 12, 31)),
			wantRRULE: "FREQ=MONTHLY;UNTIL=20261231T225959Z;BYDAY=-1TH", wantClock: "18:00"},
		{name: "every other Thursday across the autumn change", a: act("d", at(2026, 10, 15, 17, 30), time.Time{}, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", time.Time{}),
			wantRRULE: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", wantClock: "17:30"},
		{name: "daily count", a: act("e", at(2026, 3, 27, 9, 0), time.Time{}, "FREQ=DAILY;COUNT=5", time.Time{}),
			wantRRULE: "FREQ=DAILY;COUNT=5", wantClock: "09:00"},
		{name: "start off the rule", a: act("f", at(2026, 1, 5, 19, 0), time.Time{}, "FREQ=WEEKLY;BYDAY=TU;COUNT=4", time.Time{}),
			wantRRULE: "FREQ=WEEKLY;COUNT=4;BYDAY=TU", wantDTSTAR: "20260106T190000"},
		{name: "count ends first", a: act("g", at(2026, 1, 6, 19, 0), time.Time{}, "FREQ=WEEKLY;COUNT=3", day(2026, 12, 31)),
			wantRRULE: "FREQ=WEEKLY;COUNT=3"},
		{name: "until ends first", a: act("h", at(2026, 1, 6, 19, 0), time.Time{}, "FREQ=WEEKLY;COUNT=30", day(2026, 2, 3)),
			wantRRULE: "FREQ=WEEKLY;UNTIL=20260203T225959Z"},
		{name: "monthly on a day", a: act("i", at(2026, 1, 31, 12, 0), time.Time{}, "FREQ=MONTHLY;BYMONTHDAY=15,-1", day(2026, 12, 31)),
			wantRRULE: "FREQ=MONTHLY;UNTIL=20261231T225959Z;BYMONTHDAY=15,-1"},
		{name: "all-day Saturdays until", a: act("j", day(2026, 3, 21), time.Time{}, "FREQ=WEEKLY;BYDAY=SA", day(2026, 5, 2)),
			allDay: true, wantRRULE: "FREQ=WEEKLY;UNTIL=20260502;BYDAY=SA", wantDTSTAR: "20260321"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.a.Schedule.Start.DateOnly = tt.allDay
			rule := ruleOf(t, tt.a)
			out := write(t, "Test", eventOf(t, tt.a))
			ev := eventByUID(t, decode(t, out), tt.a.Slug+"@"+domain)

			if got := ev.Props.Get(ical.PropRecurrenceRule).Value; got != tt.wantRRULE {
				t.Errorf("RRULE = %s, want %s", got, tt.wantRRULE)
			}
			dtstart := ev.Props.Get(ical.PropDateTimeStart)
			if tt.wantDTSTAR != "" && dtstart.Value != tt.wantDTSTAR {
				t.Errorf("DTSTART = %s, want %s", dtstart.Value, tt.wantDTSTAR)
			}
			if tt.allDay != (dtstart.ValueType() == ical.ValueDate) || tt.allDay == (dtstart.Params.Get("TZID") == TZID) {
				t.Errorf("DTSTART %+v: all day %v", dtstart, tt.allDay)
			}

			set, err := ev.RecurrenceSet(content.Oslo)
			if err != nil {
				t.Fatal(err)
			}
			from := tt.a.Schedule.Start.Time
			to := from.AddDate(3, 0, 0)
			want := rule.Between(from, to)
			got := set.Between(from, to, true)
			const n = 40
			want, got = want[:min(n, len(want))], got[:min(n, len(got))]
			if len(want) == 0 || len(got) != len(want) {
				t.Fatalf("%d meetings from the file, %d from schedule.Rule", len(got), len(want))
			}
			for i := range want {
				if !got[i].Equal(want[i]) {
					t.Fatalf("meeting %d: file says %v, schedule.Rule %v", i, got[i], want[i])
				}
				if c := got[i].In(content.Oslo).Format("15:04"); tt.wantClock != "" && c != tt.wantClock {
					t.Errorf("meeting %v is at %s in Oslo, want %s", got[i], c, tt.wantClock)
				}
			}
		})
	}
}

func TestNineteenHundredAcrossDST(t *testing.T) {
	// The weekly 19:00 meeting on the Tuesdays either side of 29 March
	// 2026 is at 18:00 UTC in winter and 17:00 UTC in summer.
	a := act("dst", at(2026, 3, 24, 19, 0), time.Time{}, "FREQ=WEEKLY;BYDAY=TU", time.Time{})
	ev := eventByUID(t, decode(t, write(t, "x", eventOf(t, a))), "dst@"+domain)
	set, err := ev.RecurrenceSet(nil)
	if err != nil {
		t.Fatal(err)
	}
	got := set.Between(at(2026, 3, 20, 0, 0), at(2026, 4, 3, 0, 0), true)
	want := []string{"2026-03-24T18:00:00Z", "2026-03-31T17:00:00Z"}
	if len(got) != 2 || got[0].UTC().Format(time.RFC3339) != want[0] || got[1].UTC().Format(time.RFC3339) != want[1] {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestVTimezoneMatchesTZData expands the VTIMEZONE's observances for
// 1996–2040 and checks each change against Go's tzdata: the offset just
// before is TZOFFSETFROM, at the change TZOFFSETTO.
func TestVTimezoneMatchesTZData(t *testing.T) {
	cal := decode(t, write(t, "x"))
	var obs []*ical.Component
	for _, c := range cal.Children {
		if c.Name == ical.CompTimezone {
			obs = c.Children
		}
	}
	if len(obs) != 2 {
		t.Fatalf("%d observances, want DAYLIGHT and STANDARD", len(obs))
	}
	changes := 0
	for _, o := range obs {
		from, to := offset(t, o, "TZOFFSETFROM"), offset(t, o, "TZOFFSETTO")
		opt, err := o.Props.RecurrenceRule()
		if err != nil || opt == nil {
			t.Fatalf("%s: RRULE %v", o.Name, err)
		}
		// DTSTART in an observance is local time before the change:
		// parse it as UTC wall clock and subtract TZOFFSETFROM.
		opt.Dtstart, err = time.Parse("20060102T150405", o.Props.Get("DTSTART").Value)
		if err != nil {
			t.Fatal(err)
		}
		r, err := rrule.NewRRule(*opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, wall := range r.Between(opt.Dtstart, time.Date(2041, 1, 1, 0, 0, 0, 0, time.UTC), true) {
			instant := wall.Add(-time.Duration(from) * time.Second)
			_, before := instant.Add(-time.Second).In(content.Oslo).Zone()
			_, after := instant.In(content.Oslo).Zone()
			if before != from || after != to {
				t.Errorf("%s %v: tzdata says %d → %d, VTIMEZONE %d → %d", o.Name, instant, before, after, from, to)
			}
			if instant.UTC().Hour() != 1 {
				t.Errorf("%s %v: EU changes are at 01:00 UTC", o.Name, instant)
			}
			changes++
		}
	}
	if changes != 2*(2040-1996+1) {
		t.Errorf("%d changes, want two a year", changes)
	}
}

func offset(t *testing.T, c *ical.Component, name string) int {
	t.Helper()
	v := c.Props.Get(name).Value
	tm, err := time.Parse("-0700", v)
	if err != nil || !strings.ContainsAny(v[:1], "+-") {
		t.Fatalf("%s = %q", name, v)
	}
	_, off := tm.Zone()
	return off
}
