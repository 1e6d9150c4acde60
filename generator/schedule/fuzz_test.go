package schedule

import (
	"testing"
	"time"

	"moteplass/generator/i18n"
	"moteplass/themes"
)

// FuzzRule parses any recurrence and asks it for meetings and words: it
// may refuse, but must not panic or loop for ever.
func FuzzRule(f *testing.F) {
	for _, s := range []string{"FREQ=MONTHLY;BYDAY=1TU", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "FREQ=DAILY;COUNT=3", "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "RRULE:FREQ=WEEKLY;UNTIL=20270101T000000Z"} {
		f.Add(s, int64(0))
	}
	l, err := i18n.Load(themes.Default(), "nb")
	if err != nil {
		f.Fatal(err)
	}
	start := time.Date(2026, 1, 6, 19, 0, 0, 0, oslo)
	f.Fuzz(func(t *testing.T, repeat string, days int64) {
		r, err := Parse(repeat, start, time.Time{})
		if err != nil {
			return
		}
		at := start.AddDate(0, 0, int(days%4000))
		done := make(chan bool)
		go func() {
			r.Next(at)
			r.Between(at, at.AddDate(0, 1, 0))
			r.Describe(l, start)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("%q hangs", repeat)
		}
	})
}
