package jsonld

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"html/template"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"moteplass/generator/content"
	"moteplass/generator/schedule"
)

var update = flag.Bool("update", false, "rewrite golden files")

var oslo = content.Oslo

const (
	pageURL = "https://test.example.org/aktiviteter/kafe/"
	orgURL  = "https://test.example.org/organisasjoner/rode-kors/"
)

func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, oslo)
}

var org = &content.Organisation{Title: "Røde Kors", Short: "RK", Website: "https://rodekors.example.org/", Email: "post@rodekors.example.org", Phone: "+47 22 00 00 00",
	Summary:  "Humanitær organisasjon.",
	Chapters: []content.Chapter{{ID: "trondheim", Title: "Trondheim Røde Kors", Municipality: "Trondheim", County: "trondelag", Email: "mailto:trondheim@rodekors.example.org"}}}

func activity(repeat string, start, end time.Time, until time.Time) (*content.Activity, *schedule.Rule) {
	a := &content.Activity{
		Title: "Pårørendekafé", Summary: "Kaffe og samtale.", Mode: "physical", Organisation: "rode-kors",
		Place:    content.Place{Name: "Frivilligsentralen", Address: "Storgata 1", Postcode: "7011", Municipality: "Trondheim", County: "Trøndelag"},
		Schedule: content.Schedule{Start: content.DateTime{Time: start}, End: content.DateTime{Time: end}, Repeat: repeat, Until: content.DateTime{Time: until}},
	}
	a.Slug = "kafe"
	if repeat == "" {
		return a, nil
	}
	r, err := schedule.Parse(repeat, start, until)
	if err != nil {
		panic(err)
	}
	return a, r
}

// doc decodes JSON into a map for checking.
func doc(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	return m
}

func get(m map[string]any, path string) any {
	var v any = m
	for _, k := range strings.Split(path, ".") {
		mm, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = mm[k]
	}
	return v
}

func check(t *testing.T, m map[string]any, want map[string]any) {
	t.Helper()
	for path, w := range want {
		if g := get(m, path); fmt.Sprint(g) != fmt.Sprint(w) {
			t.Errorf("%s = %v, want %v", path, g, w)
		}
	}
}

func TestEvent(t *testing.T) {
	a, r := activity("FREQ=WEEKLY;BYDAY=TU", at(2026, 1, 6, 19, 0), at(2026, 1, 6, 20, 30), time.Date(2026, 6, 30, 0, 0, 0, 0, oslo))
	// The next meeting is in summer time: the offset is +02:00.
	b, err := Event(a, org, r, at(2026, 4, 7, 19, 0), at(2026, 4, 7, 20, 30), pageURL, orgURL, "nb")
	if err != nil {
		t.Fatal(err)
	}
	check(t, doc(t, b), map[string]any{
		"@context":                         "https://schema.org",
		"@type":                            "Event",
		"name":                             "Pårørendekafé",
		"description":                      "Kaffe og samtale.",
		"url":                              pageURL,
		"startDate":                        "2026-04-07T19:00:00+02:00",
		"endDate":                          "2026-04-07T20:30:00+02:00",
		"eventStatus":                      Scheduled,
		"eventAttendanceMode":              Offline,
		"isAccessibleForFree":              true,
		"inLanguage":                       "nb",
		"location.@type":                   "Place",
		"location.name":                    "Frivilligsentralen",
		"location.address.@type":           "PostalAddress",
		"location.address.streetAddress":   "Storgata 1",
		"location.address.postalCode":      "7011",
		"location.address.addressLocality": "Trondheim",
		"location.address.addressRegion":   "Trøndelag",
		"location.address.addressCountry":  "NO",
		"organizer.@type":                  "Organization",
		"organizer.@id":                    orgURL + "#organisasjon",
		"organizer.name":                   "Røde Kors",
		"organizer.url":                    orgURL,
		"eventSchedule.@type":              "Schedule",
		"eventSchedule.repeatFrequency":    "P1W",
		"eventSchedule.byDay":              "https://schema.org/Tuesday",
		"eventSchedule.startDate":          "2026-01-06",
		"eventSchedule.endDate":            "2026-06-30",
		"eventSchedule.startTime":          "19:00:00",
		"eventSchedule.endTime":            "20:30:00",
		"eventSchedule.duration":           "PT1H30M",
		"eventSchedule.scheduleTimezone":   "Europe/Oslo",
		"eventSchedule.byMonthWeek":        nil,
	})
}

func TestEventSchedules(t *testing.T) {
	start := at(2026, 1, 6, 19, 0) // a Tuesday
	tests := []struct {
		repeat string
		want   map[string]any // eventSchedule's fields; nil: no eventSchedule
	}{
		{"FREQ=MONTHLY;BYDAY=1TU", map[string]any{"repeatFrequency": "P1M", "byDay": "https://schema.org/Tuesday", "byMonthWeek": 1}},
		{"FREQ=MONTHLY;BYDAY=1TU,3TU", map[string]any{"repeatFrequency": "P1M", "byDay": "https://schema.org/Tuesday", "byMonthWeek": "[1 3]"}},
		{"FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE", map[string]any{"repeatFrequency": "P2M", "byDay": "https://schema.org/Wednesday", "byMonthWeek": 2}},
		{"FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", map[string]any{"repeatFrequency": "P2W", "byDay": "https://schema.org/Thursday"}},
		{"FREQ=WEEKLY;BYDAY=MO,WE,FR", map[string]any{"repeatFrequency": "P1W", "byDay": "[https://schema.org/Monday https://schema.org/Wednesday https://schema.org/Friday]"}},
		{"FREQ=WEEKLY", map[string]any{"repeatFrequency": "P1W", "byDay": "https://schema.org/Tuesday"}},
		{"FREQ=DAILY;COUNT=5", map[string]any{"repeatFrequency": "P1D", "repeatCount": 5}},
		{"FREQ=MONTHLY", map[string]any{"repeatFrequency": "P1M", "byMonthDay": 6}},
		{"FREQ=MONTHLY;BYMONTHDAY=15", map[string]any{"repeatFrequency": "P1M", "byMonthDay": 15}},
		{"FREQ=YEARLY", map[string]any{"repeatFrequency": "P1Y", "byMonth": 1, "byMonthDay": 6}},
		{"FREQ=MONTHLY;BYDAY=-1TH", nil},    // byMonthWeek has no "last"
		{"FREQ=MONTHLY;BYDAY=1TU,3TH", nil}, // not days × weeks
		{"FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", nil},
	}
	for _, tt := range tests {
		a, r := activity(tt.repeat, start, time.Time{}, time.Time{})
		b, err := Event(a, org, r, time.Time{}, time.Time{}, pageURL, orgURL, "nb")
		if err != nil {
			t.Fatal(err)
		}
		m := doc(t, b)
		sc, _ := m["eventSchedule"].(map[string]any)
		if tt.want == nil {
			if sc != nil {
				t.Errorf("%s: eventSchedule %v, want none", tt.repeat, sc)
			}
			continue
		}
		if sc == nil {
			t.Errorf("%s: no eventSchedule", tt.repeat)
			continue
		}
		for k, w := range tt.want {
			if g := sc[k]; fmt.Sprint(g) != fmt.Sprint(w) {
				t.Errorf("%s: %s = %v, want %v", tt.repeat, k, g, w)
			}
		}
		if m["startDate"] != "2026-01-06T19:00:00+01:00" || sc["startTime"] != "19:00:00" || sc["endTime"] != nil {
			t.Errorf("%s: startDate %v (the first meeting when next is zero), startTime %v, endTime %v", tt.repeat, m["startDate"], sc["startTime"], sc["endTime"])
		}
	}
}

func TestEventOnlineAndCost(t *testing.T) {
	const join = "https://zoom.example.org/j/hemmelig"
	tests := []struct {
		mode   string
		public bool
		cost   string
		want   map[string]any
	}{
		{"digital", true, "Gratis", map[string]any{"eventAttendanceMode": Online, "location.@type": "VirtualLocation", "location.url": join, "location.name": "Zoom", "isAccessibleForFree": true}},
		{"digital", false, "100 kr", map[string]any{"location.@type": "VirtualLocation", "location.url": nil, "isAccessibleForFree": false}},
		{"hybrid", false, "gratis.", map[string]any{"eventAttendanceMode": Mixed, "isAccessibleForFree": true}},
	}
	for _, tt := range tests {
		a, _ := activity("", at(2026, 1, 6, 19, 0), time.Time{}, time.Time{})
		a.Mode, a.Cost, a.Languages = tt.mode, tt.cost, []string{"nb", "en"}
		a.Online = content.Online{Platform: "Zoom", Join: join, Public: tt.public}
		if tt.mode == "digital" {
			a.Place = content.Place{}
		}
		b, err := Event(a, nil, nil, time.Time{}, time.Time{}, pageURL, orgURL, "nb")
		if err != nil {
			t.Fatal(err)
		}
		m := doc(t, b)
		check(t, m, tt.want)
		if !tt.public && bytes.Contains(b, []byte("hemmelig")) {
			t.Errorf("%s: a join link that is not public is published", tt.mode)
		}
		if m["organizer"] != nil || fmt.Sprint(m["inLanguage"]) != "[nb en]" || m["endDate"] != nil {
			t.Errorf("%s: organizer %v inLanguage %v endDate %v", tt.mode, m["organizer"], m["inLanguage"], m["endDate"])
		}
		if tt.mode == "hybrid" {
			loc, _ := m["location"].([]any)
			if len(loc) != 2 || get(loc[0].(map[string]any), "@type") != "Place" || get(loc[1].(map[string]any), "@type") != "VirtualLocation" {
				t.Errorf("hybrid location %v", m["location"])
			}
		}
	}
}

func TestEventAllDay(t *testing.T) {
	a, _ := activity("", at(2026, 7, 1, 0, 0), at(2026, 7, 3, 0, 0), time.Time{})
	a.Schedule.Start.DateOnly, a.Schedule.End.DateOnly = true, true
	b, err := Event(a, org, nil, time.Time{}, time.Time{}, pageURL, orgURL, "nb")
	if err != nil {
		t.Fatal(err)
	}
	check(t, doc(t, b), map[string]any{"startDate": "2026-07-01", "endDate": "2026-07-03", "eventSchedule": nil})
}

func TestOrganization(t *testing.T) {
	b, err := Organization(org, orgURL, "https://test.example.org/organisasjoner/rode-kors/logo.png")
	if err != nil {
		t.Fatal(err)
	}
	m := doc(t, b)
	check(t, m, map[string]any{
		"@context": "https://schema.org", "@type": "Organization", "@id": orgURL + "#organisasjon",
		"name": "Røde Kors", "alternateName": "RK", "url": orgURL, "email": "post@rodekors.example.org",
		"telephone": "+47 22 00 00 00", "sameAs": "https://rodekors.example.org/", "description": "Humanitær organisasjon.",
		"logo": "https://test.example.org/organisasjoner/rode-kors/logo.png",
	})
	deps, _ := m["department"].([]any)
	if len(deps) != 1 {
		t.Fatalf("department %v", m["department"])
	}
	check(t, deps[0].(map[string]any), map[string]any{"@type": "Organization", "name": "Trondheim Røde Kors", "email": "trondheim@rodekors.example.org", "address.addressRegion": "Trøndelag", "address.addressLocality": "Trondheim", "address.addressCountry": "NO"})
}

const hostile = "</script><script>alert(1)</script> <!-- \u2028\u2029 & <SCRIPT>"

func TestCannotBreakOut(t *testing.T) {
	a, r := activity("FREQ=WEEKLY", at(2026, 1, 6, 19, 0), time.Time{}, time.Time{})
	a.Title, a.Summary, a.Place.Name = hostile, hostile, hostile
	o := *org
	o.Title = hostile
	ev, err := Event(a, &o, r, time.Time{}, time.Time{}, pageURL, orgURL, "nb")
	if err != nil {
		t.Fatal(err)
	}
	og, err := Organization(&o, orgURL, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []Doc{ev, og} {
		if el, _ := Script(b); b.Script() != el {
			t.Errorf("Doc.Script %s, Script %s", b.Script(), el)
		}
		if bytes.ContainsAny(b, "<>&\u2028\u2029") {
			t.Errorf("unescaped <, >, & or line separator in %s", b)
		}
		if m := doc(t, b); m["name"] != hostile {
			t.Errorf("name %q, want %q back", m["name"], hostile)
		}
		checkScript(t, b)
	}

	// Script escapes JSON from elsewhere too.
	raw := []byte(`{"name":"` + hostile + `"}`)
	checkScript(t, raw)
	if _, err := Script([]byte(`{"a":`)); err == nil {
		t.Error("Script took invalid JSON")
	}
}

// checkScript parses the element Script makes as a browser would: one
// script element, whose text is all of the JSON, and nothing after it.
func checkScript(t *testing.T, data []byte) {
	t.Helper()
	el, err := Script(data)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(el), `<script type="application/ld+json">`) {
		t.Fatalf("element %s", el)
	}
	z := html.NewTokenizer(strings.NewReader("<head>" + string(el) + "<title>x</title></head>"))
	var tokens []string
	var text string
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		tok := z.Token()
		tokens = append(tokens, tt.String()+":"+tok.Data)
		if tt == html.TextToken && len(tokens) == 3 {
			text = tok.Data
		}
	}
	want := "[StartTag:head StartTag:script Text:" + text + " EndTag:script StartTag:title Text:x EndTag:title EndTag:head]"
	if fmt.Sprint(tokens) != want {
		t.Fatalf("the element breaks out:\n%q", tokens)
	}
	var back map[string]any
	if err := json.Unmarshal([]byte(text), &back); err != nil || back["name"] != hostile {
		t.Errorf("script text %q does not give back the name: %v", text, err)
	}
}

func TestScriptInTemplate(t *testing.T) {
	// The way a layout uses it: {{.}} in <head>, html/template writing
	// the template.HTML as it is.
	el, err := Script([]byte(`{"name":"` + hostile + `"}`))
	if err != nil {
		t.Fatal(err)
	}
	tmpl := template.Must(template.New("head").Parse(`<head>{{.}}</head>`))
	var b strings.Builder
	if err := tmpl.Execute(&b, el); err != nil {
		t.Fatal(err)
	}
	if b.String() != "<head>"+string(el)+"</head>" {
		t.Errorf("html/template changed the element: %s", b.String())
	}
}

func TestGolden(t *testing.T) {
	a, r := activity("FREQ=MONTHLY;BYDAY=1TU", at(2026, 1, 6, 19, 0), at(2026, 1, 6, 20, 30), time.Time{})
	a.Cost, a.Languages = "Gratis", []string{"nb"}
	ev, err := Event(a, org, r, at(2026, 2, 3, 19, 0), at(2026, 2, 3, 20, 30), pageURL, orgURL, "nb")
	if err != nil {
		t.Fatal(err)
	}
	og, err := Organization(org, orgURL, "")
	if err != nil {
		t.Fatal(err)
	}
	got := string(ev) + "\n" + string(og) + "\n"
	const golden = "testdata/golden.jsonl"
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update to accept):\n%s", golden, got)
	}
}
