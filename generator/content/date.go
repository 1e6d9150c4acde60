package content

import (
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Oslo must resolve on machines without zoneinfo

	"moteplass/generator/decode"
)

// Oslo is the time zone of local times in content: "2026-01-06 19:00"
// means 19:00 in Norway, summer or winter.
var Oslo = mustLoad("Europe/Oslo")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // tzdata is embedded; this cannot fail
	}
	return loc
}

// A Date is a calendar day. The zero Date means "not given".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight at the start of d in Oslo.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, Oslo) }

// String returns the date as 2026-01-06.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// DateOf returns the calendar day of t in Oslo.
func DateOf(t time.Time) Date {
	t = t.In(Oslo)
	return Date{t.Year(), t.Month(), t.Day()}
}

// UnmarshalTOMLValue accepts a TOML date (2026-01-06), a TOML date-time
// (its day in Oslo), or text: "2026-01-06" or the Norwegian "06.01.2026".
// Empty text means no date: forms (Decap CMS) write "" when one is
// cleared. A required date left empty is reported by the decoder.
func (d *Date) UnmarshalTOMLValue(v any) error {
	if blank(v) {
		*d = Date{}
		return nil
	}
	dt, err := parseWhen(v)
	if err != nil {
		return err
	}
	*d = DateOf(dt.Time)
	return nil
}

// A DateTime is a moment, or a whole day when DateOnly is set. The zero
// DateTime means "not given".
type DateTime struct {
	time.Time      // in Oslo
	DateOnly  bool // written without a time of day
}

// UnmarshalTOMLValue accepts TOML date-times with or without offset
// (without one, the time is Oslo local time), TOML dates, and text:
// "2026-01-06 19:00", "2026-01-06T19:00", "2026-01-06T19:00:00+01:00",
// "2026-01-06", "06.01.2026 19:00", "06.01.2026 kl. 19.00". Empty text
// means not given, as for a Date.
func (d *DateTime) UnmarshalTOMLValue(v any) error {
	if blank(v) {
		*d = DateTime{}
		return nil
	}
	dt, err := parseWhen(v)
	if err != nil {
		return err
	}
	*d = dt
	return nil
}

// blank reports whether v is text with nothing but spaces in it.
func blank(v any) bool {
	s, ok := v.(string)
	return ok && strings.TrimSpace(s) == ""
}

var errWhen = &decode.Problem{
	Msg:  "not a date",
	Hint: `write a date as 2026-01-06, or a date and time as "2026-01-06 19:00"`,
}

func parseWhen(v any) (DateTime, error) {
	switch v := v.(type) {
	case time.Time:
		// BurntSushi/toml marks TOML's local values with zones by these
		// names; a local value means Oslo time to an editor.
		switch v.Location().String() {
		case "date-local":
			return DateTime{Time: time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, Oslo), DateOnly: true}, nil
		case "datetime-local":
			return DateTime{Time: time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), 0, Oslo)}, nil
		case "time-local":
			return DateTime{}, &decode.Problem{Msg: "a time of day needs a date", Hint: `write e.g. "2026-01-06 19:00"`}
		}
		return DateTime{Time: v.In(Oslo)}, nil
	case string:
		return parseWhenText(strings.TrimSpace(v))
	}
	return DateTime{}, errWhen
}

var textLayouts = []struct {
	layout   string
	dateOnly bool
	zoned    bool
}{
	{"2006-01-02", true, false},
	{"2006-01-02 15:04", false, false},
	{"2006-01-02T15:04", false, false},
	{"2006-01-02 15:04:05", false, false},
	{"2006-01-02T15:04:05", false, false},
	{time.RFC3339, false, true},
	{"2006-01-02 15:04:05Z07:00", false, true},
	{"2006-01-02T15:04Z07:00", false, true},
	{"2.1.2006", true, false},
	{"2.1.2006 15:04", false, false},
	{"2.1.2006 15.04", false, false},
	{"2.1.2006 kl. 15.04", false, false},
	{"2.1.2006 kl. 15:04", false, false},
}

func parseWhenText(s string) (DateTime, error) {
	for _, l := range textLayouts {
		var t time.Time
		var err error
		if l.zoned {
			t, err = time.Parse(l.layout, s)
			t = t.In(Oslo)
		} else {
			t, err = time.ParseInLocation(l.layout, s, Oslo)
		}
		if err == nil {
			return DateTime{Time: t, DateOnly: l.dateOnly}, nil
		}
	}
	var y, m, dd int
	if n, _ := fmt.Sscanf(s, "%d-%d-%d", &y, &m, &dd); n == 3 {
		return DateTime{}, &decode.Problem{Msg: fmt.Sprintf("%q is not a real date", s), Hint: "check the month (1–12) and the day"}
	}
	return DateTime{}, &decode.Problem{Msg: fmt.Sprintf("%q is not a date", s), Hint: errWhen.Hint}
}
