package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"slices"
	"testing"

	"moteplass/generator/site"
)

var update = flag.Bool("update", false, "rewrite docs/content.md and testdata/decap-config.yml")

func vocab() map[string][]string {
	return map[string][]string{
		"modes":        site.Modes,
		"statuses":     site.Statuses,
		"report-kinds": site.ReportKinds,
		"figure-types": {"bar", "line"},
		"counties":     site.CountyKeys(),
		"categories":   {"kor", "samtalegruppe"},
	}
}

// TestReferenceIsCurrent keeps docs/content.md in step with the Go types.
func TestReferenceIsCurrent(t *testing.T) {
	var b bytes.Buffer
	Reference(&b, vocab())
	const path = "../../docs/content.md"
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(want, b.Bytes()) {
		t.Errorf("docs/content.md is out of date; run go test ./generator/schema -update")
	}
}

func TestActivitySchema(t *testing.T) {
	var k Kind
	for _, kind := range Kinds {
		if kind.Name == "activity" {
			k = kind
		}
	}
	data, err := JSON(k, vocab())
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Required   []string
		Additional bool `json:"additionalProperties"`
		Properties map[string]struct {
			Type       string
			Enum       []string
			Properties map[string]struct{ Type, Pattern string }
			Required   []string
		}
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"title", "summary", "organisation", "category", "audiences", "mode", "schedule"} {
		if !slices.Contains(s.Required, key) {
			t.Errorf("%s is not required", key)
		}
	}
	if s.Additional {
		t.Error("unknown keys must be rejected")
	}
	if got := s.Properties["mode"].Enum; !slices.Equal(got, site.Modes) {
		t.Errorf("mode enum %v", got)
	}
	if got := s.Properties["category"].Enum; !slices.Equal(got, []string{"kor", "samtalegruppe"}) {
		t.Errorf("category enum %v", got)
	}
	sched := s.Properties["schedule"]
	if sched.Type != "object" || sched.Properties["start"].Pattern == "" || !slices.Equal(sched.Required, []string{"start"}) {
		t.Errorf("schedule: %+v", sched)
	}
}
