package schedule

import (
	"time"

	"github.com/teambition/rrule-go"
)

// A simple rule is one of the two kinds nearly every activity has: on
// some weekdays every week or every n weeks, or on the nth weekday of
// every month or every n months; with no count, no other BY parts and
// weeks starting on Monday. Its meetings are found by date arithmetic:
// rrule-go builds masks for a whole year on every expansion, which made
// it a tenth of what a large build allocated. TestSimpleMatchesTheRule
// holds the two to the same answers.
type simple struct {
	monthly bool
	n       int     // the interval, at least 1
	days    [7]bool // weekly: the weekdays, Monday = 0
	day     time.Weekday
	nth     int // monthly: 1 to 4, or -1 to -4 from the end
}

// simpleOf returns o as a simple rule, if it is one.
func simpleOf(o rrule.ROption) (simple, bool) {
	s := simple{n: max(o.Interval, 1)}
	if o.Count != 0 || o.Wkst != rrule.MO || len(o.Bysetpos)+len(o.Bymonth)+len(o.Bymonthday)+len(o.Byyearday)+len(o.Byweekno)+len(o.Byhour)+len(o.Byminute)+len(o.Bysecond)+len(o.Byeaster) > 0 {
		return s, false
	}
	switch o.Freq {
	case rrule.WEEKLY:
		if len(o.Byweekday) == 0 {
			s.days[mondayFirst(o.Dtstart.Weekday())] = true
		}
		for _, d := range o.Byweekday {
			if d.N() != 0 {
				return s, false
			}
			s.days[d.Day()] = true // rrule-go numbers Monday 0
		}
		return s, true
	case rrule.MONTHLY:
		if len(o.Byweekday) != 1 {
			return s, false
		}
		d := o.Byweekday[0]
		if n := d.N(); n == 0 || n > 4 || n < -4 {
			return s, false // a fifth weekday is missing from most months
		}
		s.monthly, s.day, s.nth = true, isoToTime(d.Day()), d.N()
		return s, true
	}
	return s, false
}

// maxUntil is where rrule-go ends a rule without an end: its start plus
// the longest time.Duration.
const maxUntil = time.Duration(1<<63 - 1)

// after returns the first meeting at or after t of the rule starting at
// start (its location is the rule's) and ending at until (zero for
// never), or the zero time if there is none.
func (s *simple) after(start, until, t time.Time) time.Time {
	start = start.Truncate(time.Second)
	if until.IsZero() {
		until = start.Add(maxUntil)
	}
	until = until.Truncate(time.Second)
	if t.Before(start) {
		t = start
	}
	if s.monthly {
		return s.monthlyAfter(start, until, t)
	}
	return s.weeklyAfter(start, until, t)
}

func (s *simple) weeklyAfter(start, until, t time.Time) time.Time {
	loc := start.Location()
	hh, mm, ss := start.Clock()
	y, m, d := start.Date()
	monday := time.Date(y, m, d-mondayFirst(start.Weekday()), 12, 0, 0, 0, time.UTC)
	// The period t falls in, counted in weeks from the start's, and
	// back to one the rule meets in; it may have nothing left at or
	// after t, and then the next one has.
	k := daysBetween(monday, t.In(loc)) / 7
	k -= k % s.n
	for range 2 {
		for off, on := range s.days {
			if !on {
				continue
			}
			dy, dm, dd := monday.AddDate(0, 0, 7*k+off).Date()
			v := time.Date(dy, dm, dd, hh, mm, ss, 0, loc)
			if v.Before(t) { // t is not before the start
				continue
			}
			if v.After(until) {
				return time.Time{}
			}
			return v
		}
		k += s.n
	}
	return time.Time{} // no weekdays: Parse gives every rule one
}

func (s *simple) monthlyAfter(start, until, t time.Time) time.Time {
	loc := start.Location()
	hh, mm, ss := start.Clock()
	y, m, _ := start.Date()
	ty, tm, _ := t.In(loc).Date()
	k := (ty-y)*12 + int(tm) - int(m)
	k -= k % s.n
	// Every month has a first to fourth and a last to fourth-last of
	// each weekday, so t's period or the next one meets at or after t.
	for range 2 {
		first := time.Date(y, m+time.Month(k), 1, 12, 0, 0, 0, time.UTC)
		day := nthWeekday(first, s.day, s.nth)
		v := time.Date(first.Year(), first.Month(), day, hh, mm, ss, 0, loc)
		if !v.Before(t) {
			if v.After(until) {
				return time.Time{}
			}
			return v
		}
		k += s.n
	}
	return time.Time{}
}

// nthWeekday returns the day of the month of first (the first of a
// month) that is its nth weekday wd, counting from the end if nth < 0.
func nthWeekday(first time.Time, wd time.Weekday, nth int) int {
	if nth > 0 {
		return 1 + int(wd-first.Weekday()+7)%7 + 7*(nth-1)
	}
	last := first.AddDate(0, 1, -1)
	return last.Day() - int(last.Weekday()-wd+7)%7 + 7*(nth+1)
}

// mondayFirst numbers the days of the week from Monday = 0.
func mondayFirst(d time.Weekday) int { return (int(d) + 6) % 7 }
