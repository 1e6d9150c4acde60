package jsonld

import (
	"fmt"
	"slices"
	"time"

	"github.com/teambition/rrule-go"

	"moteplass/generator/content"
	"moteplass/generator/schedule"
)

// eventSchedule is a schema.org Schedule.
type eventSchedule struct {
	Type             string            `json:"@type"`
	RepeatFrequency  string            `json:"repeatFrequency"`
	ByDay            oneOrMore[string] `json:"byDay,omitempty"`
	ByMonthWeek      oneOrMore[int]    `json:"byMonthWeek,omitempty"`
	ByMonthDay       oneOrMore[int]    `json:"byMonthDay,omitempty"`
	ByMonth          oneOrMore[int]    `json:"byMonth,omitempty"`
	StartDate        string            `json:"startDate"`
	EndDate          string            `json:"endDate,omitempty"`
	RepeatCount      int               `json:"repeatCount,omitempty"`
	StartTime        string            `json:"startTime,omitempty"`
	EndTime          string            `json:"endTime,omitempty"`
	Duration         string            `json:"duration,omitempty"`
	ScheduleTimezone string            `json:"scheduleTimezone"`
}

// dayURL names the days of the week the schema.org way.
var dayURL = [...]string{
	time.Sunday:    "https://schema.org/Sunday",
	time.Monday:    "https://schema.org/Monday",
	time.Tuesday:   "https://schema.org/Tuesday",
	time.Wednesday: "https://schema.org/Wednesday",
	time.Thursday:  "https://schema.org/Thursday",
	time.Friday:    "https://schema.org/Friday",
	time.Saturday:  "https://schema.org/Saturday",
}

// scheduleOf returns the eventSchedule of a recurring activity, or nil
// when schema.org cannot say the rule. It can say "every (other) week on
// these days", "the first and third Tuesday of the month" (byMonthWeek,
// 1 to 5), "on the 15th of the month", "every day" and "every year".
// It cannot say "the last Thursday" (byMonthWeek has no negative
// weeks) nor mixes such as "the first Tuesday and third Thursday"; a
// wrong schedule would be worse than none, and startDate still gives the
// next meeting.
func scheduleOf(a *content.Activity, rule *schedule.Rule) *eventSchedule {
	opt, err := rrule.StrToROption(rule.String())
	if err != nil || len(opt.Bysetpos) > 0 || len(opt.Byyearday) > 0 || len(opt.Byweekno) > 0 {
		return nil
	}
	s := a.Schedule
	start := s.Start.In(content.Oslo)
	sc := &eventSchedule{
		Type:             "Schedule",
		StartDate:        start.Format(time.DateOnly),
		RepeatCount:      rule.Count(),
		ScheduleTimezone: content.Oslo.String(),
		ByMonth:          opt.Bymonth,
		ByMonthDay:       opt.Bymonthday,
	}
	if u := rule.Until(); !u.IsZero() {
		sc.EndDate = u.In(content.Oslo).Format(time.DateOnly)
	}
	if !s.Start.DateOnly {
		sc.StartTime = start.Format(time.TimeOnly)
		if !s.End.IsZero() && s.End.After(s.Start.Time) {
			sc.EndTime = s.End.In(content.Oslo).Format(time.TimeOnly)
			sc.Duration = duration(s.End.Sub(s.Start.Time))
		}
	}

	// Days, and weeks of the month: every (day, week) pair must be in
	// the rule, since schema.org combines byDay and byMonthWeek.
	var days []time.Weekday
	var weeks []int
	pairs := map[schedule.WeekdayN]bool{}
	for _, d := range rule.Weekdays() {
		if d.N < 0 || d.N > 5 {
			return nil
		}
		pairs[d] = true
		if !slices.Contains(days, d.Day) {
			days = append(days, d.Day)
		}
		if d.N > 0 && !slices.Contains(weeks, d.N) {
			weeks = append(weeks, d.N)
		}
	}
	if len(weeks) > 0 {
		for _, d := range days {
			for _, w := range weeks {
				if !pairs[schedule.WeekdayN{Day: d, N: w}] {
					return nil
				}
			}
		}
		slices.Sort(weeks)
		sc.ByMonthWeek = weeks
	}
	for _, d := range days {
		sc.ByDay = append(sc.ByDay, dayURL[d])
	}

	n := rule.Interval()
	switch rule.Freq() {
	case "DAILY":
		if len(weeks) > 0 {
			return nil
		}
		sc.RepeatFrequency = fmt.Sprintf("P%dD", n)
	case "WEEKLY":
		if len(weeks) > 0 {
			return nil
		}
		if len(days) == 0 {
			sc.ByDay = oneOrMore[string]{dayURL[start.Weekday()]}
		}
		sc.RepeatFrequency = fmt.Sprintf("P%dW", n)
	case "MONTHLY":
		switch {
		case len(days) > 0 && len(weeks) == 0:
			// "Every Tuesday, monthly" is every Tuesday.
			if n != 1 || len(sc.ByMonthDay) > 0 {
				return nil
			}
			sc.RepeatFrequency = "P1W"
		case len(days) > 0 && len(sc.ByMonthDay) > 0:
			return nil // e.g. Friday the 13th
		default:
			if len(days) == 0 && len(sc.ByMonthDay) == 0 {
				sc.ByMonthDay = oneOrMore[int]{start.Day()}
			}
			sc.RepeatFrequency = fmt.Sprintf("P%dM", n)
		}
	case "YEARLY":
		if len(days) > 0 && (len(weeks) == 0 || len(sc.ByMonth) == 0) {
			return nil // nth weekday of the year, or every Tuesday
		}
		if len(sc.ByMonth) == 0 {
			sc.ByMonth = oneOrMore[int]{int(start.Month())}
		}
		if len(days) == 0 && len(sc.ByMonthDay) == 0 {
			sc.ByMonthDay = oneOrMore[int]{start.Day()}
		}
		sc.RepeatFrequency = fmt.Sprintf("P%dY", n)
	default:
		return nil
	}
	return sc
}

// duration returns d in ISO 8601: PT1H30M.
func duration(d time.Duration) string {
	d = d.Round(time.Minute)
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	s := "PT"
	if h > 0 {
		s += fmt.Sprintf("%dH", h)
	}
	if m > 0 || h == 0 {
		s += fmt.Sprintf("%dM", m)
	}
	return s
}
