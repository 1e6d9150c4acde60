package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"

	"moteplass/generator/content"
	"moteplass/generator/i18n"
	"moteplass/generator/schedule"
	"moteplass/themes"
)

var oslo = content.Oslo

const domain = "test.example.org"

// stamp is the fallback DTSTAMP the tests pass to Write.
var stamp = time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)

func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, oslo)
}

func day(y int, m time.Month, d int) time.Time { return at(y, m, d, 0, 0) }

func nb(t testing.TB) *i18n.Lang {
	t.Helper()
	l, err := i18n.Load(themes.Default(), "nb")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// act returns a physical activity meeting at start (until end), repeating
// by repeat until until (both may be empty or zero).
func act(slug string, start, end time.Time, repeat string, until time.Time) *content.Activity {
	a := &content.Activity{
		Title:   "Aktivitet " + slug,
		Summary: "Om " + slug + ".",
		Mode:    "physical",
		Place:   content.Place{Name: "Frivilligsentralen", Address: "Storgata 1", Postcode: "7011", Municipality: "Trondheim", County: "trondelag"},
		Schedule: content.Schedule{
			Start:  content.DateTime{Time: start},
			End:    content.DateTime{Time: end},
			Repeat: repeat,
			Until:  content.DateTime{Time: until, DateOnly: !until.IsZero()},
		},
	}
	a.Slug = slug
	return a
}

func ruleOf(t testing.TB, a *content.Activity) *schedule.Rule {
	t.Helper()
	s := a.Schedule
	if s.Repeat == "" {
		return nil
	}
	r, err := schedule.Parse(s.Repeat, s.Start.Time, s.Until.Time)
	if err != nil {
		t.Fatalf("%s: %v", s.Repeat, err)
	}
	return r
}

func eventOf(t testing.TB, a *content.Activity) Event {
	t.Helper()
	return EventOf(a, ruleOf(t, a), "https://"+domain+a.URL(), domain, nb(t))
}

func write(t testing.TB, name string, events ...Event) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, name, events, stamp); err != nil {
		t.Fatal(err)
	}
	checkLines(t, b.String())
	return b.String()
}

// checkLines checks the physical form RFC 5545 asks for: CRLF endings,
// no line over 75 octets, no UTF-8 sequence split by folding.
func checkLines(t testing.TB, s string) {
	t.Helper()
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatal("the file does not end in CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	for i, l := range lines {
		switch {
		case strings.ContainsAny(l, "\r\n"):
			t.Fatalf("line %d has a bare CR or LF: %q", i+1, l)
		case len(l) > maxLine:
			t.Fatalf("line %d has %d octets: %q", i+1, len(l), l)
		case !utf8.ValidString(l):
			t.Fatalf("line %d splits a UTF-8 sequence: %q", i+1, l)
		case l == "":
			t.Fatalf("line %d is empty", i+1)
		}
	}
}

// unfold joins folded lines.
func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }

func decode(t testing.TB, s string) *ical.Calendar {
	t.Helper()
	cal, err := ical.NewDecoder(strings.NewReader(s)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the output: %v\n%s", err, s)
	}
	return cal
}

func eventByUID(t testing.TB, cal *ical.Calendar, uid string) ical.Event {
	t.Helper()
	for _, e := range cal.Events() {
		if p := e.Props.Get(ical.PropUID); p != nil && p.Value == uid {
			return e
		}
	}
	t.Fatalf("no event with UID %s", uid)
	return ical.Event{}
}

func text(t testing.TB, c *ical.Component, name string) string {
	t.Helper()
	s, err := c.Props.Text(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}
