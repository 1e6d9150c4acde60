package schedule

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestFromMatchesTheRule: for every kind of rule an editor may write,
// Next and Between, which expand a rule from a later period, give what
// rrule-go gives expanding it from its start, for starts on month ends,
// leap days and daylight-saving days, and for moments years later.
func TestFromMatchesTheRule(t *testing.T) {
	repeats := []string{
		"FREQ=DAILY", "FREQ=DAILY;INTERVAL=3", "FREQ=DAILY;BYDAY=MO,WE",
		"FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=TU", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,WE,FR",
		"FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,TU", "FREQ=WEEKLY;BYMONTH=6,7,8;BYDAY=SA",
		"FREQ=MONTHLY", "FREQ=MONTHLY;INTERVAL=2", "FREQ=MONTHLY;BYDAY=1TU", "FREQ=MONTHLY;BYDAY=-1TH",
		"FREQ=MONTHLY;BYDAY=2WE,4WE", "FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO", "FREQ=MONTHLY;BYMONTHDAY=31",
		"FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=MONTHLY;BYMONTHDAY=15;BYMONTH=1,4,7,10", "FREQ=MONTHLY;BYDAY=5FR",
		"FREQ=YEARLY", "FREQ=WEEKLY;COUNT=40;BYDAY=TU", "FREQ=MONTHLY;UNTIL=20271231T000000Z;BYDAY=1TU",
	}
	starts := []time.Time{
		time.Date(2023, 1, 31, 19, 0, 0, 0, oslo), time.Date(2024, 2, 29, 18, 30, 0, 0, oslo),
		time.Date(2024, 3, 31, 2, 30, 0, 0, oslo), // a clock that day does not have
		time.Date(2024, 10, 27, 2, 30, 0, 0, oslo), time.Date(2025, 3, 30, 12, 0, 0, 0, oslo),
		time.Date(2021, 8, 30, 9, 15, 0, 0, oslo), time.Date(2025, 12, 31, 23, 0, 0, 0, oslo),
		time.Date(2022, 5, 17, 0, 0, 0, 0, oslo),
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for _, repeat := range repeats {
		for _, start := range starts {
			for _, until := range []time.Time{{}, time.Date(2027, 6, 30, 0, 0, 0, 0, oslo)} {
				r, err := Parse(repeat, start, until)
				if err != nil {
					t.Fatalf("%s from %v: %v", repeat, start, err)
				}
				for range 25 {
					at := start.Add(time.Duration(rnd.Int64N(int64(5 * 365 * 24 * time.Hour)))) // up to five years on
					if rnd.IntN(4) == 0 {
						at = start.Add(-time.Duration(rnd.IntN(100)) * time.Hour)
					}
					if got, want := r.Next(at), r.rule().After(at, true); !got.Equal(want) {
						t.Errorf("%s from %v until %v: Next(%v) = %v, rrule says %v", repeat, start, until, at, got, want)
					}
					to := at.Add(time.Duration(rnd.IntN(60*24)) * time.Hour)
					want := slices.DeleteFunc(r.rule().Between(at, to, true), func(x time.Time) bool { return !x.Before(to) })
					if got := r.Between(at, to); !slices.EqualFunc(got, want, time.Time.Equal) {
						t.Errorf("%s from %v until %v: Between(%v, %v) = %v, rrule says %v", repeat, start, until, at, to, got, want)
					}
				}
			}
		}
	}
}
