package build

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// The example site in content/ is the product's showcase and the seeds'
// record: these tests build it and check that pages carry the figures the
// seeds give, exactly.

var (
	exampleOnce sync.Once
	exampleOut  string
	exampleErr  error
	exampleWarn string
	tempRoot    string // removed by TestMain
)

// buildExample builds content/ once for all the tests that read it.
func buildExample(t *testing.T) string {
	t.Helper()
	exampleOnce.Do(func() {
		exampleOut = filepath.Join(tempRoot, "example", "public")
		var res *Result
		res, exampleErr = Build(context.Background(), Options{Site: "../..", Out: exampleOut, Now: now})
		if exampleErr == nil && len(res.Warnings) > 0 {
			exampleWarn = res.Warnings.Error()
		}
	})
	if exampleErr != nil {
		t.Fatalf("the example site does not build:\n%v", exampleErr)
	}
	if exampleWarn != "" {
		t.Errorf("warnings building the example site:\n%s", exampleWarn)
	}
	return exampleOut
}

func TestExampleSiteProjects(t *testing.T) {
	out := buildExample(t)
	nbsp := func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }
	tests := []struct {
		project string
		want    []string
	}{
		{"digitale-nettverksgrupper", []string{"Spillavhengighet Norge", "Helse høst (2021)", "Stiftelsen Dam", "Atle Vestvik", "1. januar 2022", "30. april 2024", "Avsluttet", nbsp("600 000 kr"), nbsp("1 200 000 kr"), ">800<"}},
		{"baerekraftige-sosiale-moteplasser", []string{"Fontenehus Norge", "Helse høst (2021)", "Ann-Mari Lofthus", "1. januar 2022", "31. desember 2023", nbsp("697 000 kr"), nbsp("200 000 kr"), nbsp("897 000 kr"), ">200<"}},
		{"digitalisering-av-likepersonsarbeid", []string{"Rådet for psykisk helse", "Stimuleringsprogram for helsefrivilligheten", "Stian Sandø", "1. september 2020", ">2020<", nbsp("404 000 kr")}},
		{"ikke-sammen-likevel-naer", []string{"Mental Helse", "Stimuleringsprogram for helsefrivilligheten", "Tom Guldberg", "12. februar 2021", ">2021<", nbsp("650 000 kr")}},
		{"aktiv-besoksvenn", []string{"Norges Røde Kors", "Utvikling (2024)", "Vibeke Arntzen", "2. september 2024", "31. desember 2027", nbsp("198 000 kr"), nbsp("434 000 kr"), nbsp("1 500 000 kr")}},
	}
	for _, tt := range tests {
		got := page(t, out, "prosjekter/"+tt.project+"/index.html")
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %q", tt.project, w)
			}
		}
	}
}

func TestExampleSiteCSV(t *testing.T) {
	out := buildExample(t)
	f, err := os.Open(filepath.Join(out, "prosjekter.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	want := map[string]int{
		"Styrking og videreføring av digitale nettverksgrupper": 1200000,
		"Bærekraftige sosiale møteplasser":                      897000,
		"Digitalisering av likepersonsarbeid":                   404000,
		"«Ikke sammen, likevel nær»":                            650000,
		"Aktiv Besøksvenn":                                      1500000,
	}
	for _, rec := range recs[1:] {
		total, _ := strconv.Atoi(rec[col["grant_total"]])
		if w, ok := want[rec[col["project"]]]; !ok || total != w {
			t.Errorf("%s: grant_total %d, want %d", rec[col["project"]], total, w)
		}
		sum := 0
		for h, i := range col {
			if strings.HasPrefix(h, "grant_2") {
				n, _ := strconv.Atoi(rec[i])
				sum += n
			}
		}
		if sum != total {
			t.Errorf("%s: years add up to %d, total says %d", rec[col["project"]], sum, total)
		}
		delete(want, rec[col["project"]])
	}
	if len(want) > 0 {
		t.Errorf("missing from the CSV: %v", want)
	}
}

func TestExampleSitePages(t *testing.T) {
	out := buildExample(t)
	tests := []struct {
		path string
		want []string
	}{
		{"index.html", []string{"Det skjer de neste 14 dagene", "Nettverksgrupper", "Trøndelag", "Spillavhengighet Norge"}},
		{"aktiviteter/nettverksgruppe-spilleavhengige/index.html", []string{
			"Neste gang:", "tirsdag 1. desember 2026 kl. 19.00–20.30", "Første tirsdag i måneden kl. 19.00–20.30",
			"Sist kontrollert 3. november 2026", "Chat anonymt", "Lenken sendes til dem som melder seg på."}},
		{"aktiviteter/ips-manedsmote/index.html", []string{"Andre onsdag i måneden", `href="https://fontenehus.example.org/ips-mote"`}},
		{"aktiviteter/angstring-unge/index.html", []string{"Sist kontrollert 4. september 2025", "over et år siden"}},
		{"aktiviteter/ips-samling-bergen-2025/index.html", []string{"Denne aktiviteten er over."}},
		{"aktiviteter/kor-for-alle-byasen/index.html", []string{"Hver torsdag kl. 18.00–19.30", "besøksvenn", "Trondheim Røde Kors"}},
		{"organisasjoner/rode-kors/index.html", []string{"Steinkjer Røde Kors", "Aktiv Besøksvenn", "Kor for alle på Byåsen"}},
		{"handboker/digitale-nettverksgrupper/index.html", []string{"Innledning", "Trygghet og taushetsplikt", "digitale-nettverksgrupper.pdf"}},
		{"handboker/digitale-nettverksgrupper/05-trygghet-og-taushetsplikt/index.html", []string{`id="hva-gjor-vi-ved-krise"`, "Kapittel 5"}},
		{"rapporter/ips-sluttrapport/index.html", []string{"Sluttrapport", "230 av 200 (115 %)", "<svg", nbspS("897 000 kr")}},
		{"fylke/trondelag/index.html", []string{"Kor for alle på Byåsen"}},
		{"personvern/index.html", []string{"informasjonskapsler"}},
		{"tilgjengelighetserklaering/index.html", []string{"tilgjengelige versjonen"}},
	}
	for _, tt := range tests {
		got := page(t, out, tt.path)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %q", tt.path, w)
			}
		}
	}
	if strings.Contains(page(t, out, "aktiviteter/index.html"), "Sommersamling") {
		t.Error("a draft was published")
	}
	if found := thirdParty(t, out, "moteplass.example.org"); len(found) > 0 {
		t.Errorf("the example site loads from other origins:\n%s", strings.Join(found, "\n"))
	}
}

func nbspS(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }
