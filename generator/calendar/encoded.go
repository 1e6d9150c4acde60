package calendar

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"
)

// An Encoded is an event written out once, to be put into many
// calendars: a site's calendars to subscribe to hold every activity
// several times (all, its county, its organisation, its category), and
// its own file once more. The zero value is not useful; make one with
// Encode. An Encoded is safe for concurrent use.
type Encoded struct {
	UID  string
	text []byte // BEGIN:VEVENT up to the lines writeEventEnd adds
}

// Encode writes e as Write would, with stamp as its DTSTAMP unless e has
// one of its own.
func Encode(e Event, stamp time.Time) (Encoded, error) {
	switch {
	case e.UID == "":
		return Encoded{}, fmt.Errorf("calendar: event %q has no UID", e.Summary)
	case e.Start.IsZero():
		return Encoded{}, fmt.Errorf("calendar: event %s has no start", e.UID)
	case e.Stamp.IsZero() && stamp.IsZero():
		return Encoded{}, errors.New("calendar: no DTSTAMP: pass a stamp for events without a reviewed date")
	}
	var b bytes.Buffer
	b.Grow(1024)
	writeEvent(lineWriter{&b}, &e, stamp)
	return Encoded{UID: e.UID, text: bytes.Clone(b.Bytes())}, nil
}

// WriteEncoded writes a VCALENDAR holding events, sorted by UID, to w:
// the same bytes as Write with the events they were encoded from. name
// is as for Write.
func WriteEncoded(w io.Writer, name string, events []*Encoded) error {
	byUID := func(a, b *Encoded) int { return cmp.Compare(a.UID, b.UID) }
	if !slices.IsSortedFunc(events, byUID) {
		events = slices.Clone(events)
		slices.SortStableFunc(events, byUID)
	}
	for i, e := range events {
		if i > 0 && events[i-1].UID == e.UID {
			return fmt.Errorf("calendar: two events have the UID %q", e.UID)
		}
	}
	lw, flush := newLineWriter(w)
	if name == "" {
		lw.w.WriteString(ownHead) // an activity's own file: the same head for all
	} else {
		writeHead(lw, name)
	}
	for _, e := range events {
		lw.w.Write(e.text)
		writeEventEnd(lw, name != "")
	}
	lw.prop("END", "VCALENDAR")
	return flush()
}

// ownHead is the head of a calendar without a name, written once.
var ownHead = func() string {
	var b bytes.Buffer
	writeHead(lineWriter{&b}, "")
	return b.String()
}()
