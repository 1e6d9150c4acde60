// Package schedule computes when activities happen: the next meeting of a
// recurring activity, the meetings in a period, and the recurrence in
// words ("første tirsdag i måneden").
//
// Recurrences are RFC 5545 RRULEs, expanded by github.com/teambition/rrule-go
// in the Europe/Oslo zone of their start, so a 19:00 meeting stays at 19:00
// across the daylight-saving change.
package schedule

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/teambition/rrule-go"

	"moteplass/generator/i18n"
)

// Hint tells an editor how to write a recurrence.
const Hint = `e.g. repeat = "FREQ=MONTHLY;BYDAY=1TU" (first Tuesday of the month), "FREQ=WEEKLY;BYDAY=WE" (every Wednesday) or "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH" (every other Thursday)`

// A Rule is a parsed recurrence anchored at the first meeting. A Rule is
// safe for concurrent use.
type Rule struct {
	opt rrule.ROption
	src source

	simple   simple // opt, if it is a simple rule
	isSimple bool

	// The last answer of Next, kept because expanding a rule from its
	// start is the dearest step of a rebuild: for any t in (after, next],
	// Next(t) is next again.
	mu          sync.Mutex
	after, next time.Time

	// The first meeting, kept apart from Next's answer: calendars ask
	// for it and pages for the next meeting after now, and one slot
	// for both would expand the rule again on every rebuild.
	firstOnce sync.Once
	first     time.Time
}

// source is what a Rule was parsed from.
type source struct {
	repeat       string
	start, until time.Time
}

// From reports whether r was parsed from these arguments of Parse, so a
// caller holding r from an earlier parse can keep it.
func (r *Rule) From(repeat string, start, until time.Time) bool {
	return r != nil && r.src.repeat == repeat && r.src.start.Equal(start) && r.src.until.Equal(until)
}

// Parse parses repeat (an RRULE such as "FREQ=MONTHLY;BYDAY=1TU", with or
// without the "RRULE:" prefix) starting at start. A non-zero until ends
// the recurrence on that day (inclusive) if the rule itself does not end
// earlier.
func Parse(repeat string, start, until time.Time) (*Rule, error) {
	s := strings.TrimPrefix(strings.TrimSpace(repeat), "RRULE:")
	if s == "" {
		return nil, errors.New("repeat is empty")
	}
	for _, part := range strings.Split(s, ";") {
		name, _, _ := strings.Cut(part, "=")
		switch strings.ToUpper(name) {
		case "FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL", "WKST":
		case "DTSTART":
			return nil, errors.New("repeat must not hold DTSTART: the start is schedule.start")
		default:
			return nil, fmt.Errorf("repeat: %s is not supported", name)
		}
	}
	opt, err := rrule.StrToROptionInLocation(s, start.Location())
	if err != nil {
		return nil, fmt.Errorf("repeat is not a valid recurrence rule: %v", err)
	}
	if opt.Freq == rrule.HOURLY || opt.Freq == rrule.MINUTELY || opt.Freq == rrule.SECONDLY {
		return nil, errors.New("repeat: activities repeat daily at most")
	}
	for _, d := range opt.Byweekday {
		if n := d.N(); n != 0 && (n < -1 || n > 5) {
			return nil, fmt.Errorf("repeat: %s is not a week of the month (1 to 5, or -1 for the last)", d)
		}
	}
	if !until.IsZero() {
		// schedule.until is a day: the recurrence runs through its end.
		end := time.Date(until.Year(), until.Month(), until.Day(), 23, 59, 59, 0, start.Location())
		if opt.Until.IsZero() || end.Before(opt.Until) {
			opt.Until = end
		}
	}
	opt.Dtstart = start
	r := &Rule{opt: *opt, src: source{repeat, start, until}}
	// rrule-go checks the BY parts' bounds; a simple rule has none.
	if r.simple, r.isSimple = simpleOf(*opt); !r.isSimple {
		if _, err := rrule.NewRRule(*opt); err != nil {
			return nil, fmt.Errorf("repeat is not a valid recurrence rule: %v", err)
		}
	}
	return r, nil
}

// rule returns r's recurrence as rrule-go expands it, made when asked
// for: one kept with every activity of a large site would cost 650 bytes
// each, and most are asked once or twice.
func (r *Rule) rule() *rrule.RRule {
	rr, err := rrule.NewRRule(r.opt)
	if err != nil {
		panic("schedule: Parse accepted these options: " + err.Error())
	}
	return rr
}

// Next returns the first meeting at or after t, or the zero time when
// the recurrence has ended.
func (r *Rule) Next(t time.Time) time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.after.IsZero() && t.After(r.after) && (!t.After(r.next) || r.next.IsZero()) {
		return r.next
	}
	r.after, r.next = t.Add(-time.Nanosecond), r.at(t)
	return r.next
}

// at returns the first meeting at or after t.
func (r *Rule) at(t time.Time) time.Time {
	if r.isSimple {
		return r.simple.after(r.opt.Dtstart, r.opt.Until, t)
	}
	return r.from(t).After(t, true)
}

// First returns the first meeting: the start if it is an occurrence of
// the rule, else the first occurrence after it; the zero time if the rule
// never meets. It is computed once per Rule.
func (r *Rule) First() time.Time {
	r.firstOnce.Do(func() { r.first = r.at(r.opt.Dtstart) })
	return r.first
}

// Start returns the start the rule was parsed with.
func (r *Rule) Start() time.Time { return r.opt.Dtstart }

// Between returns the meetings in [from, to).
func (r *Rule) Between(from, to time.Time) []time.Time {
	if r.isSimple {
		var ts []time.Time
		for t := r.at(from); !t.IsZero() && t.Before(to); t = r.at(t.Add(time.Second)) {
			ts = append(ts, t)
		}
		return ts
	}
	ts := r.from(from).Between(from, to, true)
	return slices.DeleteFunc(ts, func(t time.Time) bool { return !t.Before(to) })
}

// Until returns the last moment the rule may produce, or the zero time.
func (r *Rule) Until() time.Time { return r.opt.Until }

// Count returns the number of meetings the rule is limited to, or 0.
func (r *Rule) Count() int { return r.opt.Count }

// String returns the rule as an RRULE value (without DTSTART), for
// calendars.
func (r *Rule) String() string {
	o := r.opt
	o.Dtstart = time.Time{}
	return o.RRuleString()
}

// Freq returns DAILY, WEEKLY, MONTHLY or YEARLY.
func (r *Rule) Freq() string { return r.opt.Freq.String() }

// Interval returns the step between meetings, in units of Freq.
func (r *Rule) Interval() int { return max(r.opt.Interval, 1) }

// Weekdays returns the days of the week the rule names, Monday = 1 …
// Sunday = 7 (ISO), with their position in the month (0 for every).
func (r *Rule) Weekdays() []WeekdayN {
	var out []WeekdayN
	for _, d := range r.opt.Byweekday {
		out = append(out, WeekdayN{Day: isoToTime(d.Day()), N: d.N()})
	}
	return out
}

// A WeekdayN is a day of the week, optionally the Nth in the month
// (N = -1 for the last).
type WeekdayN struct {
	Day time.Weekday
	N   int
}

// rrule-go numbers weekdays Monday = 0.
func isoToTime(d int) time.Weekday { return time.Weekday((d + 1) % 7) }

// Describe says the recurrence in words: "første tirsdag i måneden",
// "annenhver torsdag", "hver onsdag, til og med 30. juni 2027".
func (r *Rule) Describe(l *i18n.Lang, start time.Time) string {
	o := r.opt
	n := max(o.Interval, 1)
	var s string
	days := r.Weekdays()
	switch o.Freq {
	case rrule.DAILY:
		s = l.R("daily")
		if n > 1 {
			s = l.R("every_n_days", "n", n)
		}
	case rrule.WEEKLY:
		s = weekly(l, days, start, n)
	case rrule.MONTHLY:
		var nth []string
		for _, d := range days {
			if d.N != 0 {
				nth = append(nth, l.Ordinal(d.N)+" "+l.Weekday(d.Day))
			}
		}
		switch {
		case len(nth) > 0 && n == 1:
			s = l.R("monthly_weekday", "which", list(l, nth))
		case len(nth) > 0:
			s = l.R("every_n_months_weekday", "which", list(l, nth), "n", n)
		case len(days) > 0:
			s = weekly(l, days, start, 1)
		default:
			day := start.Day()
			if len(o.Bymonthday) > 0 {
				day = o.Bymonthday[0]
			}
			s = l.R("monthly_day", "day", day)
		}
	default:
		s = l.R("yearly")
	}
	if o.Count > 0 {
		s += ", " + l.R("count", "n", o.Count)
	}
	if !o.Until.IsZero() {
		s += ", " + l.R("until", "date", l.DateNoWeekday(o.Until))
	}
	return s
}

func weekly(l *i18n.Lang, days []WeekdayN, start time.Time, n int) string {
	var names []string
	for _, d := range days {
		names = append(names, l.Weekday(d.Day))
	}
	if len(names) == 0 {
		names = []string{l.Weekday(start.Weekday())}
	}
	switch n {
	case 1:
		return l.R("weekly", "days", list(l, names))
	case 2:
		return l.R("biweekly", "days", list(l, names))
	}
	return l.R("every_n_weeks", "n", n, "days", list(l, names))
}

// list joins "a", "b" and "c" as "a, b og c".
func list(l *i18n.Lang, items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + l.R("and") + " " + items[len(items)-1]
}
