package calendar

import (
	"strings"
	"time"

	"moteplass/generator/content"
)

// rruleValue returns the RRULE value of e. UNTIL is written in UTC
// (20261231T225959Z) when DTSTART has a TZID, and as a date when the
// event is all day, as RFC 5545 requires. RFC 5545 forbids COUNT and
// UNTIL together; a schedule may have both (COUNT in repeat, until
// beside it), so the one that ends the recurrence first is kept.
func rruleValue(e *Event) string {
	r := e.Rule
	until, count := r.Until(), r.Count()
	if count > 0 && !until.IsZero() {
		if len(r.Between(e.Start, until.Add(time.Second))) >= count {
			until = time.Time{} // COUNT comes first
		} else {
			count = 0
		}
	}
	var parts []string
	for _, p := range strings.Split(r.String(), ";") {
		name, _, _ := strings.Cut(p, "=")
		switch name {
		case "COUNT":
			if count > 0 {
				parts = append(parts, p)
			}
		case "UNTIL":
			if !until.IsZero() {
				parts = append(parts, "UNTIL="+untilValue(until, e.AllDay))
			}
		case "BYDAY":
			// rrule-go writes +1TU; 1TU means the same and more
			// programs read it.
			parts = append(parts, strings.ReplaceAll(p, "+", ""))
		case "":
		default:
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ";")
}

func untilValue(t time.Time, allDay bool) string {
	if allDay {
		return t.In(content.Oslo).Format(dateLayout)
	}
	return t.UTC().Format(utcLayout)
}
