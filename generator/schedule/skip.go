package schedule

import (
	"time"

	"github.com/teambition/rrule-go"
)

// rrule-go expands a rule from its start, a period (day, week, month) at
// a time, allocating as it goes: the next meeting of a weekly activity
// that began three years ago takes 150 periods, and a site of a hundred
// thousand activities spends a gigabyte on it. from gives a rule with the
// same meetings from a later period on.

// from returns a rule with the same meetings at and after t as r's, that
// starts as late as it can (whole intervals after r's start, one to
// spare), or r's own rule. A rule with COUNT keeps its start: its
// meetings are counted from there.
func (r *Rule) from(t time.Time) *rrule.RRule {
	o := r.opt
	start := o.Dtstart
	if o.Count > 0 || !t.After(start) {
		return r.rule()
	}
	t = t.In(start.Location())
	n := max(o.Interval, 1)
	var shifted time.Time
	switch o.Freq {
	case rrule.DAILY, rrule.WEEKLY:
		step := n
		if o.Freq == rrule.WEEKLY {
			step = 7 * n // same weekday, same weeks of the interval
		}
		k := daysBetween(start, t)/step - 1
		if k < 1 {
			return r.rule()
		}
		shifted = start.AddDate(0, 0, k*step)
	case rrule.MONTHLY:
		months := (t.Year()-start.Year())*12 + int(t.Month()) - int(start.Month())
		k := months/n - 1
		if k < 1 {
			return r.rule()
		}
		// The first of the month, which every month has; the day of
		// the month the start implied is made explicit.
		y, m, _ := start.Date()
		shifted = time.Date(y, m+time.Month(k*n), 1, start.Hour(), start.Minute(), start.Second(), 0, start.Location())
		if len(o.Bymonthday) == 0 && len(o.Byweekday) == 0 && len(o.Byweekno) == 0 && len(o.Byyearday) == 0 && len(o.Byeaster) == 0 {
			o.Bymonthday = []int{start.Day()}
		}
	default:
		return r.rule() // yearly: few periods anyway
	}
	if shifted.Hour() != start.Hour() || shifted.Minute() != start.Minute() || shifted.Second() != start.Second() {
		return r.rule() // the clock changed that day
	}
	o.Dtstart = shifted
	s, err := rrule.NewRRule(o)
	if err != nil {
		return r.rule()
	}
	return s
}

// daysBetween returns the number of calendar days from a's date to b's.
func daysBetween(a, b time.Time) int {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return int(time.Date(by, bm, bd, 12, 0, 0, 0, time.UTC).Sub(time.Date(ay, am, ad, 12, 0, 0, 0, time.UTC)).Hours() / 24)
}
