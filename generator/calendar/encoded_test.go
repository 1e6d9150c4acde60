package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"moteplass/generator/content"
)

// TestWriteEncoded: events encoded once give the bytes Write gives, in a
// calendar to subscribe to and in an activity's own file, whatever the
// order they come in.
func TestWriteEncoded(t *testing.T) {
	kafe := act("kafe", at(2026, 1, 6, 19, 0), at(2026, 1, 6, 20, 30), "FREQ=WEEKLY;BYDAY=TU", day(2026, 6, 30))
	kafe.Reviewed = content.Date{Year: 2025, Month: 12, Day: 1}
	dag := act("17-mai", day(2026, 5, 17), day(2026, 5, 18), "", time.Time{})
	dag.Schedule.Start.DateOnly, dag.Schedule.End.DateOnly = true, true
	long := act("kafe-2", at(2026, 2, 3, 18, 0), time.Time{}, "", time.Time{})
	long.Title = strings.Repeat("Sosialt treff på Ørland; åpent for alle, ", 5)
	events := []Event{eventOf(t, kafe), eventOf(t, dag), eventOf(t, long)}
	events[0].Categories = []string{"Kafé"}

	var enc []*Encoded
	for _, e := range events {
		x, err := Encode(e, stamp)
		if err != nil {
			t.Fatal(err)
		}
		enc = append(enc, &x)
	}
	for _, name := range []string{"Alle aktiviteter", ""} {
		var b bytes.Buffer
		if err := WriteEncoded(&b, name, enc); err != nil {
			t.Fatal(err)
		}
		if want := write(t, name, events...); b.String() != want {
			t.Errorf("%q: WriteEncoded differs from Write:\n%s\nwant:\n%s", name, b.String(), want)
		}
	}
	var b bytes.Buffer
	if err := WriteEncoded(&b, "", enc[:1]); err != nil {
		t.Fatal(err)
	}
	if want := write(t, "", events[0]); b.String() != want {
		t.Errorf("one event: WriteEncoded differs from Write:\n%s\nwant:\n%s", b.String(), want)
	}
	if err := WriteEncoded(&b, "", []*Encoded{enc[0], enc[0]}); err == nil || !strings.Contains(err.Error(), "UID") {
		t.Errorf("two events with one UID: err = %v", err)
	}
	if _, err := Encode(events[1], time.Time{}); err == nil {
		t.Error("Encode without a stamp: no error")
	}
	if _, err := Encode(Event{UID: "x@y"}, stamp); err == nil {
		t.Error("Encode without a start: no error")
	}
}
