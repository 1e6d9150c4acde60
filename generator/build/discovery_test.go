package build

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	ics "github.com/emersion/go-ical"
)

var ldScript = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// TestExampleStructuredData checks that every activity page carries one
// valid schema.org Event with its next start, and organisation pages an
// Organization.
func TestExampleStructuredData(t *testing.T) {
	out := buildExample(t)
	pages, _ := filepath.Glob(filepath.Join(out, "aktiviteter", "*", "index.html"))
	if len(pages) < 30 {
		t.Fatalf("%d activity pages", len(pages))
	}
	for _, p := range pages {
		data, _ := os.ReadFile(p)
		m := ldScript.FindAllSubmatch(data, -1)
		if len(m) != 1 {
			t.Errorf("%s: %d JSON-LD blocks", p, len(m))
			continue
		}
		var ev struct {
			Type      string `json:"@type"`
			Name      string `json:"name"`
			StartDate string `json:"startDate"`
			Mode      string `json:"eventAttendanceMode"`
			Location  any    `json:"location"`
			Organizer struct {
				Type string `json:"@type"`
				Name string `json:"name"`
			} `json:"organizer"`
		}
		if err := json.Unmarshal(m[0][1], &ev); err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if ev.Type != "Event" || ev.Name == "" || ev.StartDate == "" || ev.Mode == "" || ev.Location == nil || ev.Organizer.Type != "Organization" {
			t.Errorf("%s: incomplete Event %+v", p, ev)
		}
	}
	org, _ := os.ReadFile(filepath.Join(out, "organisasjoner", "rode-kors", "index.html"))
	if !strings.Contains(string(org), `"@type":"Organization"`) {
		t.Error("no Organization on an organisation page")
	}
}

func TestExampleFeedsAndCalendars(t *testing.T) {
	out := buildExample(t)
	for _, name := range []string{"feed.xml", "sitemap.xml"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			XMLName xml.Name
			Entries []struct{} `xml:"entry"`
			URLs    []struct{} `xml:"url"`
		}
		if err := xml.Unmarshal(data, &doc); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if len(doc.Entries)+len(doc.URLs) < 20 {
			t.Errorf("%s has %d entries", name, len(doc.Entries)+len(doc.URLs))
		}
	}
	if robots, _ := os.ReadFile(filepath.Join(out, "robots.txt")); !strings.Contains(string(robots), "Sitemap: https://moteplass.example.org/sitemap.xml") {
		t.Errorf("robots.txt: %s", robots)
	}
	for _, name := range []string{"kalender/alle.ics", "kalender/fylke/trondelag.ics", "kalender/organisasjon/rode-kors.ics", "kalender/kategori/kultur.ics", "aktiviteter/kor-for-alle-byasen/kor-for-alle-byasen.ics"} {
		f, err := os.Open(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		cal, err := ics.NewDecoder(f).Decode()
		f.Close()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		events := cal.Events()
		if len(events) == 0 {
			t.Errorf("%s has no events", name)
		}
		if name == "kalender/fylke/trondelag.ics" && len(events) != 11 {
			t.Errorf("%s: %d events, want the 11 activities in Trøndelag", name, len(events))
		}
		for _, ev := range events {
			if p := ev.Props.Get(ics.PropDateTimeStart); p == nil || p.Params.Get(ics.ParamTimezoneID) != "Europe/Oslo" && p.ValueType() != ics.ValueDate {
				t.Errorf("%s: DTSTART without Europe/Oslo", name)
			}
		}
	}
	kor, _ := os.ReadFile(filepath.Join(out, "aktiviteter/kor-for-alle-byasen/kor-for-alle-byasen.ics"))
	if !strings.Contains(string(kor), "RRULE:FREQ=WEEKLY;BYDAY=TH") {
		t.Error("the weekly choir lost its recurrence")
	}
}

// TestLanguages builds the small site in nynorsk and in English.
func TestLanguages(t *testing.T) {
	for _, tt := range []struct {
		lang string
		want []string
	}{
		{"nn", []string{`<html lang="nn">`, "Aktivitetar", "tysdag 1. desember 2026 kl. 19.00–20.30", "Første tysdag i månaden"}},
		{"en", []string{`<html lang="en">`, "Activities", "Tuesday 1 December 2026", "The first Tuesday of the month"}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			site := unpack(t, "mini")
			cfgPath := filepath.Join(site, "site.toml")
			cfg, _ := os.ReadFile(cfgPath)
			os.WriteFile(cfgPath, []byte(strings.Replace(string(cfg), `language = "nb"`, `language = "`+tt.lang+`"`, 1)), 0o644)
			out := filepath.Join(t.TempDir(), "public")
			if _, err := Build(context.Background(), Options{Site: site, Out: out, Now: now}); err != nil {
				t.Fatal(err)
			}
			got := page(t, out, "aktiviteter/kafe/index.html")
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q", w)
				}
			}
		})
	}
}
