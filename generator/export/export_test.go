package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"
)

func TestCSVAndJSON(t *testing.T) {
	rows := []Row{
		{Organisation: "Røde Kors", Project: "Aktiv Besøksvenn", Programme: "Utvikling (2024)", Funder: "Stiftelsen Dam", Start: "2024-09-02", End: "2027-12-31", Status: "ongoing",
			GrantTotal: 1500000, Grants: map[int]int{2024: 198000, 2025: 434000, 2026: 434000, 2027: 434000}, URL: "https://x/p/"},
		{Organisation: "Mental Helse", Project: "«Ikke sammen, likevel nær»", Programme: "Stimuleringsprogram, for \"helse\"", Start: "2021-02-12", Status: "completed",
			GrantTotal: 650000, Grants: map[int]int{2021: 650000}, TargetReach: 10, ActualReach: 12},
	}
	var b bytes.Buffer
	if err := CSV(&b, rows, []int{2021, 2024, 2025, 2026, 2027}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := recs[0]
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, h := range []string{"organisation", "project", "programme", "funder", "start", "end", "status", "grant_total", "target_reach", "actual_reach", "grant_2021", "grant_2027"} {
		if _, ok := col[h]; !ok {
			t.Errorf("no column %s", h)
		}
	}
	if got := recs[1][col["grant_total"]]; got != "1500000" {
		t.Errorf("grant_total %s", got)
	}
	if got := recs[1][col["grant_2021"]]; got != "0" {
		t.Errorf("a year without a grant: %q", got)
	}
	if got := recs[2][col["programme"]]; got != `Stimuleringsprogram, for "helse"` {
		t.Errorf("quoting: %q", got)
	}
	b.Reset()
	JSON(&b, rows)
	var back []Row
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back[0].Grants[2026] != 434000 {
		t.Errorf("JSON round trip: %v %+v", err, back)
	}
}
