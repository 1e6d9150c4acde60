package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"moteplass/generator/content"
)

// testReport is a final report on a two-year project, with a bar chart
// (a zero among its values), a line chart with two series and four
// sections of text.
func testReport(body string) (*content.Report, *content.Project, *content.Organisation) {
	org := &content.Organisation{Title: "Foreningen Mestring Sápmi", File: content.File{Path: "content/organisations/mestring.md", Slug: "mestring"}}
	proj := &content.Project{
		Title: "Samtalegrupper i hele landet", Organisation: "mestring", Programme: "Helse høst (2021)", Funder: "Stiftelsen Dam",
		Leader: "Áile Ŋuolla", Start: content.Date{Year: 2022, Month: 1, Day: 1}, End: content.Date{Year: 2023, Month: 12, Day: 31},
		Status: "completed", AudienceText: "Unge voksne og pårørende.", TargetReach: 400,
		GrantList: []content.Grant{{Year: 2022, Amount: 600000}, {Year: 2023, Amount: 612500}},
	}
	rep := &content.Report{
		File:  chapterFile("content/reports/sluttrapport.md", body),
		Title: "Samtalegrupper – sluttrapport", Project: "samtalegrupper", Kind: "final",
		Date: content.Date{Year: 2024, Month: 3, Day: 1}, Summary: "Vi nådde flere enn planlagt.",
		Reach: content.Reach{Planned: 400, Actual: 412},
		Figures: []content.Figure{
			{Title: "Deltakere per kvartal", Type: "bar", Labels: []string{"1. kvartal", "2. kvartal", "3. kvartal", "4. kvartal"}, Values: []float64{120, 96, 0, 196}, Unit: "deltakere", Caption: "Ingen samling om sommeren"},
			{Title: "Grupper i drift", Type: "line", Labels: []string{"2022", "2023"}, Unit: "grupper",
				Series: []content.Series{{Name: "Digitale", Values: []float64{3, 8.5}}, {Name: "Fysiske", Values: []float64{5, 6}}}},
		},
	}
	rep.File.Slug = "sluttrapport"
	return rep, proj, org
}

const fourSections = "## Sammendrag\n\nTekst.\n\n## Hva vi gjorde\n\nTekst.\n\n## Hva vi lærte\n\n- punkt\n\n## Videre\n\nTekst.\n"

func writeReport(t *testing.T, rep *content.Report, proj *content.Project, org *content.Organisation) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	warns, err := Report(&b, rep, proj, org, Options{HTMLURL: "https://moteplass.example.org/rapporter/sluttrapport/"})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) > 0 {
		t.Errorf("warnings: %v", warns)
	}
	keep(t, "rapport-"+rep.Slug+".pdf", b.Bytes())
	file := filepath.Join(t.TempDir(), "rapport.pdf")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file, b.Bytes()
}

// text returns the PDF's text with no-break spaces as spaces.
func text(t *testing.T, file string) string {
	return strings.ReplaceAll(runTool(t, "pdftotext", "-enc", "UTF-8", file, "-"), "\u00a0", " ")
}

// TestReportText reads the report PDF back as a funder's viewer would:
// the cover, every grant and the total, the reach, both charts' numbers.
func TestReportText(t *testing.T) {
	needPoppler(t)
	rep, proj, org := testReport(fourSections)
	file, _ := writeReport(t, rep, proj, org)
	all := text(t, file)
	for _, want := range []string{
		"Sluttrapport", "Samtalegrupper – sluttrapport", "Prosjekt: Samtalegrupper i hele landet", "Foreningen Mestring Sápmi",
		"Program: Helse høst (2021)", "Finansiert av: Stiftelsen Dam", "Dato: 1. mars 2024",
		"1. januar 2022 – 31. desember 2023", "Avsluttet", "Áile Ŋuolla", "Unge voksne og pårørende.",
		"412 av 400 (103 %)", "nådd, av 400 planlagt", "103 %",
		"Figur 1", "Deltakere per kvartal", "Ingen samling om sommeren", "Tallene i figuren (deltakere)", "196",
		"Figur 2", "Digitale", "Fysiske", "8,5",
		"Innhold", "Hva vi lærte", "side 3 av", "Tilgjengelig versjon: https://moteplass.example.org/rapporter/sluttrapport/",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the report's text lacks %q", want)
		}
	}
	// The fact box's rows, label and value on one line.
	layout := strings.ReplaceAll(runTool(t, "pdftotext", "-enc", "UTF-8", "-layout", file, "-"), "\u00a0", " ")
	for _, want := range []string{`Bevilgning 2022\s+600 000 kr`, `Bevilgning 2023\s+612 500 kr`, `Bevilgning i alt\s+1 212 500 kr`,
		`Antall nådd\s+412 av 400 \(103 %\)`, `1 212 500 kr\s+412\s+103 %`} {
		if !regexp.MustCompile(want).MatchString(layout) {
			t.Errorf("the report's text lacks %s", want)
		}
	}
	out := runTool(t, "pdffonts", file)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	for _, l := range lines[2:] {
		if f := strings.Fields(l); len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
	info := runTool(t, "pdfinfo", file)
	for _, want := range []string{"Title:           Samtalegrupper – sluttrapport", "Keywords:        Sluttrapport, Helse høst (2021), Stiftelsen Dam"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

// TestReportContents: a table of contents only from three sections on.
func TestReportContents(t *testing.T) {
	for _, tt := range []struct {
		body string
		toc  bool
	}{
		{fourSections, true},
		{"## Sammendrag\n\nTekst.\n\n## Videre\n\nTekst.\n\n### Ikke en seksjon\n\nTekst.\n", false},
		{"", false},
	} {
		rep, proj, org := testReport(tt.body)
		rec := &recorder{m: newMetrics(DefaultFonts())}
		if _, err := NewReport(rep, proj, org, Options{}).Draw(rec, Options{}); err != nil {
			t.Fatal(err)
		}
		log := rec.b.String()
		if got := strings.Contains(log, `bookmark 0 "Innhold"`); got != tt.toc {
			t.Errorf("%q: table of contents %v, want %v", tt.body, got, tt.toc)
		}
		if tt.body == "" && strings.Contains(log, `bookmark 0 "Sluttrapport"`) {
			t.Error("a chapter for a report without text")
		}
		withinMargins(t, log)
		headingsKept(t, log)
		for _, o := range rec.overflow {
			t.Errorf("overflow: %s", o)
		}
	}
}

// TestReportReproducible: the same report gives the same bytes, dated
// by the report, not the clock.
func TestReportReproducible(t *testing.T) {
	rep, proj, org := testReport(fourSections)
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		if _, err := Report(buf, rep, proj, org, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two renders of the same report differ")
	}
	if !bytes.Contains(a.Bytes(), []byte("D:20240301000000")) {
		t.Error("creation date is not the report's date")
	}
}

// TestReportWithoutProject: a report whose project is unknown still
// renders (validation reports the reference; rendering never panics).
func TestReportWithoutProject(t *testing.T) {
	rep, _, _ := testReport(fourSections)
	rep.Figures = append(rep.Figures, content.Figure{Title: "Tom", Type: "bar"}, content.Figure{Title: "Skjev", Type: "line", Labels: []string{"a", "b"}, Values: []float64{1}})
	var b bytes.Buffer
	if _, err := Report(&b, rep, nil, nil, Options{}); err != nil {
		t.Fatal(err)
	}
}
