package schedule

import (
	"strings"
	"testing"
	"time"

	"moteplass/generator/i18n"
	"moteplass/themes"
)

var oslo, _ = time.LoadLocation("Europe/Oslo")

func TestDescribe(t *testing.T) {
	l, err := i18n.Load(themes.Default(), "nb")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 1, 6, 19, 0, 0, 0, oslo) // a Tuesday
	tests := []struct {
		repeat string
		until  time.Time
		want   string
	}{
		{"FREQ=MONTHLY;BYDAY=1TU", time.Time{}, "første tirsdag i måneden"},
		{"FREQ=MONTHLY;BYDAY=-1TH", time.Time{}, "siste torsdag i måneden"},
		{"FREQ=MONTHLY;BYDAY=1TU,3TU", time.Time{}, "første tirsdag og tredje tirsdag i måneden"},
		{"FREQ=WEEKLY;BYDAY=WE", time.Time{}, "hver onsdag"},
		{"FREQ=WEEKLY", time.Time{}, "hver tirsdag"},
		{"FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", time.Time{}, "annenhver torsdag"},
		{"FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,WE,FR", time.Time{}, "hver 3. uke på mandag, onsdag og fredag"},
		{"FREQ=MONTHLY", time.Time{}, "den 6. hver måned"},
		{"FREQ=DAILY;COUNT=5", time.Time{}, "hver dag, 5 ganger"},
		{"RRULE:FREQ=WEEKLY;BYDAY=TU", time.Date(2026, 6, 30, 0, 0, 0, 0, oslo), "hver tirsdag, til og med 30. juni 2026"},
		{"FREQ=YEARLY", time.Time{}, "hvert år"},
	}
	for _, tt := range tests {
		r, err := Parse(tt.repeat, start, tt.until)
		if err != nil {
			t.Errorf("%s: %v", tt.repeat, err)
			continue
		}
		if got := r.Describe(l, start); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.repeat, got, tt.want)
		}
	}
}

func TestNextKeepsLocalTimeAcrossDST(t *testing.T) {
	// First Tuesday of the month at 19:00 from January: the March and
	// April meetings fall on either side of the change to summer time
	// (29 March 2026) and must both be at 19:00 in Oslo.
	start := time.Date(2026, 1, 6, 19, 0, 0, 0, oslo)
	r, err := Parse("FREQ=MONTHLY;BYDAY=1TU", start, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	got := r.Between(time.Date(2026, 3, 1, 0, 0, 0, 0, oslo), time.Date(2026, 5, 1, 0, 0, 0, 0, oslo))
	want := []string{"2026-03-03 19:00 +0100", "2026-04-07 19:00 +0200"}
	if len(got) != 2 {
		t.Fatalf("got %v", got)
	}
	for i := range got {
		if s := got[i].In(oslo).Format("2006-01-02 15:04 -0700"); s != want[i] {
			t.Errorf("meeting %d: got %s, want %s", i, s, want[i])
		}
	}
	next := r.Next(time.Date(2026, 11, 23, 12, 0, 0, 0, oslo))
	if s := next.Format("2006-01-02 15:04"); s != "2026-12-01 19:00" {
		t.Errorf("next after 23 Nov: %s", s)
	}
	// Through until, inclusive of the whole day.
	r, _ = Parse("FREQ=WEEKLY;BYDAY=TU", start, time.Date(2026, 1, 13, 0, 0, 0, 0, oslo))
	if n := r.Next(time.Date(2026, 1, 7, 0, 0, 0, 0, oslo)); n.Day() != 13 {
		t.Errorf("until must include its day: %v", n)
	}
	if n := r.Next(time.Date(2026, 1, 14, 0, 0, 0, 0, oslo)); !n.IsZero() {
		t.Errorf("after until: %v", n)
	}
}

func TestParseErrors(t *testing.T) {
	start := time.Date(2026, 1, 6, 19, 0, 0, 0, oslo)
	tests := map[string]string{
		"FREQ=MONTLY;BYDAY=1TU":       "not a valid recurrence rule",
		"FREQ=HOURLY":                 "daily at most",
		"FREQ=MONTHLY;BYDAY=7TU":      "not a week of the month",
		"FREQ=WEEKLY;BYHOUR=19":       "BYHOUR is not supported",
		"DTSTART=20260101;FREQ=DAILY": "must not hold DTSTART",
		"":                            "repeat is empty",
	}
	for repeat, want := range tests {
		_, err := Parse(repeat, start, time.Time{})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want …%s…", repeat, err, want)
		}
	}
}

func TestNextMemoAgreesWithExpansion(t *testing.T) {
	start := time.Date(2026, 1, 6, 19, 0, 0, 0, oslo)
	r, _ := Parse("FREQ=WEEKLY;BYDAY=TU", start, time.Date(2026, 3, 31, 0, 0, 0, 0, oslo))
	fresh := func(at time.Time) time.Time {
		f, _ := Parse("FREQ=WEEKLY;BYDAY=TU", start, time.Date(2026, 3, 31, 0, 0, 0, 0, oslo))
		return f.Next(at)
	}
	// Ask in an order that exercises the memo: forwards, backwards, past
	// the end, and exactly at a meeting.
	for _, at := range []time.Time{
		time.Date(2026, 1, 1, 0, 0, 0, 0, oslo),
		time.Date(2026, 1, 5, 0, 0, 0, 0, oslo),
		time.Date(2026, 1, 6, 19, 0, 0, 0, oslo),
		time.Date(2026, 1, 6, 19, 0, 1, 0, oslo),
		time.Date(2026, 1, 2, 0, 0, 0, 0, oslo),
		time.Date(2026, 4, 1, 0, 0, 0, 0, oslo),
		time.Date(2026, 5, 1, 0, 0, 0, 0, oslo),
		time.Date(2026, 3, 31, 19, 0, 0, 0, oslo),
	} {
		if got, want := r.Next(at), fresh(at); !got.Equal(want) {
			t.Errorf("Next(%v) = %v, want %v", at, got, want)
		}
	}
}

// First is the first meeting, also when the start is not one, and asking
// for it leaves what Next keeps alone.
func TestFirst(t *testing.T) {
	start := time.Date(2026, 1, 5, 19, 0, 0, 0, oslo) // a Monday
	for _, tt := range []struct {
		repeat string
		until  time.Time
		want   time.Time
	}{
		{"FREQ=WEEKLY;BYDAY=MO", time.Time{}, start},
		{"FREQ=WEEKLY;BYDAY=TU", time.Time{}, time.Date(2026, 1, 6, 19, 0, 0, 0, oslo)},
		{"FREQ=MONTHLY;BYDAY=1TH", time.Time{}, time.Date(2026, 2, 5, 19, 0, 0, 0, oslo)},
		{"FREQ=WEEKLY;BYDAY=TU", time.Date(2026, 1, 5, 0, 0, 0, 0, oslo), time.Time{}},
	} {
		r, err := Parse(tt.repeat, start, tt.until)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Date(2026, 3, 1, 0, 0, 0, 0, oslo)
		next := r.Next(now)
		if got := r.First(); !got.Equal(tt.want) {
			t.Errorf("%s: First() = %v, want %v", tt.repeat, got, tt.want)
		}
		if got := r.Next(start); !got.Equal(tt.want) {
			t.Errorf("%s: Next(start) = %v, want First %v", tt.repeat, got, tt.want)
		}
		if got := r.Next(now); !got.Equal(next) {
			t.Errorf("%s: Next(now) after First = %v, want %v", tt.repeat, got, next)
		}
	}
}
