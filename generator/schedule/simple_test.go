package schedule

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestSimpleMatchesTheRule: the simple rules, computed by date
// arithmetic, meet when rrule-go says they do, for random weekdays,
// intervals and positions in the month, starts at any hour of any day
// (daylight-saving days included), with and without an end, asked about
// moments before the start and years after it.
func TestSimpleMatchesTheRule(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	days := []string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
	var simples int
	for i := range 1500 {
		var repeat string
		if rnd.IntN(2) == 0 {
			var by []string
			for _, d := range days {
				if rnd.IntN(4) == 0 {
					by = append(by, d)
				}
			}
			repeat = "FREQ=WEEKLY"
			if n := rnd.IntN(4); n > 0 {
				repeat += fmt.Sprintf(";INTERVAL=%d", n)
			}
			if len(by) > 0 {
				repeat += ";BYDAY=" + strings.Join(by, ",")
			}
		} else {
			nth := []int{1, 2, 3, 4, -1}[rnd.IntN(5)]
			repeat = fmt.Sprintf("FREQ=MONTHLY;INTERVAL=%d;BYDAY=%d%s", 1+rnd.IntN(4), nth, days[rnd.IntN(7)])
		}
		start := time.Date(2020+rnd.IntN(8), time.Month(1+rnd.IntN(12)), 1+rnd.IntN(31), rnd.IntN(24), 15*rnd.IntN(4), 0, 0, oslo)
		if i%10 == 0 { // the night the clocks change
			start = time.Date(2024, 3, 31-7*rnd.IntN(2), 2, 30, 0, 0, oslo)
		}
		var until time.Time
		if rnd.IntN(3) == 0 {
			until = start.AddDate(0, 0, rnd.IntN(400))
		}
		r, err := Parse(repeat, start, until)
		if err != nil {
			t.Fatalf("%s from %v: %v", repeat, start, err)
		}
		if !r.isSimple {
			t.Fatalf("%s is not simple", repeat)
		}
		simples++
		full := r.rule() // expanded from the start by rrule-go
		if got, want := r.First(), full.After(r.opt.Dtstart, true); !got.Equal(want) {
			t.Errorf("%s from %v until %v: First = %v, rrule says %v", repeat, start, until, got, want)
		}
		for range 8 {
			at := start.Add(time.Duration(rnd.Int64N(int64(4*365*24*time.Hour))) - 30*24*time.Hour)
			if got, want := r.simple.after(r.opt.Dtstart, r.opt.Until, at), full.After(at, true); !got.Equal(want) {
				t.Errorf("%s from %v until %v: next at or after %v = %v, rrule says %v", repeat, start, until, at, got, want)
			}
			to := at.Add(time.Duration(rnd.IntN(90*24)) * time.Hour)
			want := slices.DeleteFunc(full.Between(at, to, true), func(x time.Time) bool { return !x.Before(to) })
			if got := r.Between(at, to); !slices.EqualFunc(got, want, time.Time.Equal) {
				t.Errorf("%s from %v until %v: Between(%v, %v) = %v, rrule says %v", repeat, start, until, at, to, got, want)
			}
		}
	}
	if simples == 0 {
		t.Fatal("no simple rules made")
	}
}

// Rules with anything more are expanded by rrule-go.
func TestNotSimple(t *testing.T) {
	start := time.Date(2026, 1, 6, 19, 0, 0, 0, oslo)
	for repeat, want := range map[string]bool{
		"FREQ=WEEKLY;BYDAY=TU":                  true,
		"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH":    true,
		"FREQ=MONTHLY;BYDAY=-1FR":               true,
		"FREQ=WEEKLY;COUNT=10;BYDAY=TU":         false,
		"FREQ=WEEKLY;WKST=SU;BYDAY=TU":          false,
		"FREQ=WEEKLY;BYMONTH=6;BYDAY=TU":        false,
		"FREQ=MONTHLY;BYDAY=5TU":                false,
		"FREQ=MONTHLY;BYDAY=1TU,3TU":            false,
		"FREQ=MONTHLY;BYDAY=TU":                 false,
		"FREQ=MONTHLY;BYMONTHDAY=15":            false,
		"FREQ=MONTHLY":                          false,
		"FREQ=DAILY":                            false,
		"FREQ=YEARLY":                           false,
		"FREQ=MONTHLY;BYDAY=2WE;BYMONTHDAY=8,9": false,
	} {
		r, err := Parse(repeat, start, time.Time{})
		if err != nil {
			t.Fatalf("%s: %v", repeat, err)
		}
		if r.isSimple != want {
			t.Errorf("%s: simple %v, want %v", repeat, r.isSimple, want)
		}
	}
}

// BenchmarkNext finds the next meeting of a fresh rule, as a build does
// once per activity: by date arithmetic, and by rrule-go.
func BenchmarkNext(b *testing.B) {
	start := time.Date(2024, 1, 9, 19, 0, 0, 0, oslo)
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, oslo)
	for _, repeat := range []string{"FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "FREQ=MONTHLY;BYDAY=-1TH"} {
		for _, simple := range []bool{true, false} {
			b.Run(fmt.Sprintf("%s/simple=%v", repeat, simple), func(b *testing.B) {
				for b.Loop() {
					r, err := Parse(repeat, start, time.Time{})
					if err != nil {
						b.Fatal(err)
					}
					r.isSimple = simple
					r.Next(now)
				}
			})
		}
	}
}
