package build

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The example reports' PDFs are what funders receive: these tests read
// them back with poppler-utils and want every figure the content gives,
// formatted here independently of the code that drew them.

func needPDFTools(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdffonts"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing: install poppler-utils", tool)
			}
			t.Skipf("%s is missing (apt-get install poppler-utils)", tool)
		}
	}
}

// grouped writes n as Norwegian does: 1 200 000.
func grouped(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func TestExampleReportPDFs(t *testing.T) {
	needPDFTools(t)
	out := buildExample(t)
	s, err := Load(context.Background(), os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Reports) < 3 {
		t.Fatalf("%d example reports, want at least 3", len(s.Reports))
	}
	// The seeds' figures, so a wrong sum in the content fails too.
	seed := map[string][]string{
		"ips-midtveisevaluering":                 {"Bevilgning i alt\\s+897 000 kr", "124 av 200 \\(62 %\\)"},
		"ips-sluttrapport":                       {"Bevilgning i alt\\s+897 000 kr", "230 av 200 \\(115 %\\)"},
		"digitale-nettverksgrupper-sluttrapport": {"Bevilgning i alt\\s+1 200 000 kr", "640 av 800 \\(80 %\\)"},
	}
	for _, rep := range s.Reports {
		t.Run(rep.Slug, func(t *testing.T) {
			file := filepath.Join(out, "rapporter", rep.Slug, rep.Slug+".pdf")
			raw, err := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", file, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext %s: %v", file, err)
			}
			text := strings.ReplaceAll(string(raw), "\u00a0", " ")
			p := s.Project(rep.Project)
			want := []string{regexp.QuoteMeta("Program: " + p.Programme), regexp.QuoteMeta(p.Funder), regexp.QuoteMeta(p.Leader)}
			total := 0
			for _, g := range p.GrantList {
				want = append(want, fmt.Sprintf(`Bevilgning %d\s+%s kr`, g.Year, grouped(g.Amount)))
				total += g.Amount
			}
			want = append(want, fmt.Sprintf(`Bevilgning i alt\s+%s kr`, grouped(total)))
			if rep.Reach.Planned > 0 {
				pct := (rep.Reach.Actual*100 + rep.Reach.Planned/2) / rep.Reach.Planned
				want = append(want, fmt.Sprintf(`%s av %s \(%d %%\)`, grouped(rep.Reach.Actual), grouped(rep.Reach.Planned), pct))
			}
			for _, f := range rep.Figures {
				want = append(want, regexp.QuoteMeta(f.Title))
			}
			want = append(want, seed[rep.Slug]...)
			for _, w := range want {
				if !regexp.MustCompile(w).MatchString(text) {
					t.Errorf("the PDF's text lacks %s", w)
				}
			}
			if len(rep.Figures) < 2 {
				t.Errorf("%d figures, the example reports need at least 2", len(rep.Figures))
			}
			fonts, err := exec.Command("pdffonts", file).Output()
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(string(fonts)), "\n")
			if len(lines) < 3 {
				t.Fatalf("pdffonts lists no fonts:\n%s", fonts)
			}
			for _, l := range lines[2:] {
				if f := strings.Fields(l); len(f) < 7 || f[len(f)-5] != "yes" {
					t.Errorf("font not embedded: %s", l)
				}
			}
			html := page(t, out, "rapporter/"+rep.Slug+"/index.html")
			if !strings.Contains(html, `href="/rapporter/`+rep.Slug+"/"+rep.Slug+`.pdf"`) {
				t.Errorf("the report page does not link its PDF")
			}
		})
	}
}
