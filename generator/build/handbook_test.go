package build

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"moteplass/generator/content"
)

// tocLine is one line of a PDF's table of contents as pdftotext -layout
// prints it: an optional number (3, 3.2), the title, dot leaders and the
// page number.
var tocLine = regexp.MustCompile(`^\s*(?:(\d+(?:\.\d+)*)\s+)?(\S.*?)[\s.]*(?:\.\s*){3,}(\d+)\s*$`)

type tocEntry struct {
	num, title string
	page       int
}

// pdfPages returns the text of each page of file (pdftotext separates
// pages by form feeds), laid out as on the page or in reading order.
func pdfPages(t *testing.T, file string, layout bool) []string {
	t.Helper()
	args := []string{"-enc", "UTF-8", file, "-"}
	if layout {
		args = append([]string{"-layout"}, args...)
	}
	out, err := exec.Command("pdftotext", args...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	return strings.Split(strings.ReplaceAll(string(out), "\u00a0", " "), "\f")
}

// TestExampleHandbookContents reads each example handbook's PDF back with
// pdftotext: its table of contents lists every chapter in order, and
// every entry, chapter or section, names the page where that heading is
// printed (the first page, past the contents, whose text has it).
func TestExampleHandbookContents(t *testing.T) {
	needPDFTools(t)
	out := buildExample(t)
	s, err := Load(context.Background(), os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Handbooks) == 0 {
		t.Fatal("no example handbook")
	}
	for _, hb := range s.Handbooks {
		t.Run(hb.Slug, func(t *testing.T) {
			file := filepath.Join(out, "handboker", hb.Slug, hb.Slug+".pdf")
			laid, flow := pdfPages(t, file, true), pdfPages(t, file, false)
			entries, tocEnd := readContents(t, laid)
			checkContents(t, hb.Chapters, entries, flow, tocEnd)
		})
	}
}

// groupedNumber is a number in digit groups, as phone numbers and amounts
// are written: 800 800 40, 177 000.
var groupedNumber = regexp.MustCompile(`(?:^|[^\d.,:])(\d{1,3}(?: \d{2,3})+)(?:$|[^\d])`)

// TestExampleHandbookKeepsNumbersTogether: every phone number and amount
// written in digit groups in a handbook's chapters is whole on one line
// of its PDF, never "800" at the end of a line and "800 40" on the next.
func TestExampleHandbookKeepsNumbersTogether(t *testing.T) {
	needPDFTools(t)
	out := buildExample(t)
	s, err := Load(context.Background(), os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, hb := range s.Handbooks {
		laid := strings.Join(pdfPages(t, filepath.Join(out, "handboker", hb.Slug, hb.Slug+".pdf"), true), "\n")
		var lines []string
		for _, l := range strings.Split(laid, "\n") {
			lines = append(lines, strings.Join(strings.Fields(l), " "))
		}
		for _, ch := range hb.Chapters {
			for _, m := range groupedNumber.FindAllStringSubmatch(string(ch.Body), -1) {
				seen++
				if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, m[1]) }) {
					t.Errorf("%s: %q is broken across lines in the PDF", ch.Path, m[1])
				}
			}
		}
	}
	if seen == 0 {
		t.Error("no grouped numbers in the example handbooks: the test tests nothing")
	}
}

// readContents parses the table of contents: from the page titled Innhold
// to the page before the first entry's. It returns the entries and the
// index of the page after the contents.
func readContents(t *testing.T, pages []string) ([]tocEntry, int) {
	t.Helper()
	start := -1
	for i, p := range pages {
		if regexp.MustCompile(`(?m)^\s*Innhold\s*$`).MatchString(p) {
			start = i
			break
		}
	}
	if start < 0 {
		t.Fatal("no page titled Innhold")
	}
	var entries []tocEntry
	end := len(pages)
	for i := start; i < end; i++ {
		for _, line := range strings.Split(pages[i], "\n") {
			m := tocLine.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			n, _ := strconv.Atoi(m[3])
			entries = append(entries, tocEntry{m[1], m[2], n})
			if len(entries) == 1 {
				end = min(end, n-1) // pages count from 1
			}
		}
	}
	if len(entries) == 0 {
		t.Fatalf("no entries in the contents:\n%s", pages[start])
	}
	return entries, end
}

func checkContents(t *testing.T, chapters []*content.HandbookChapter, entries []tocEntry, pages []string, tocEnd int) {
	t.Helper()
	// Every chapter, numbered from 1, in the order of the handbook.
	var nums []tocEntry
	for _, e := range entries {
		if e.num != "" && !strings.Contains(e.num, ".") {
			nums = append(nums, e)
		}
	}
	if len(nums) != len(chapters) {
		t.Errorf("the contents list %d chapters, the handbook has %d: %v", len(nums), len(chapters), nums)
	}
	for i, c := range chapters {
		if i < len(nums) && (nums[i].num != strconv.Itoa(i+1) || nums[i].title != c.Title) {
			t.Errorf("contents entry %v, want chapter %d %q", nums[i], i+1, c.Title)
		}
	}
	if len(entries) <= len(chapters) {
		t.Errorf("the contents list no sections: %v", entries)
	}
	flat := make([]string, len(pages))
	for i, p := range pages {
		flat[i] = strings.Join(strings.Fields(p), " ")
	}
	prev := 0
	for _, e := range entries {
		if e.page < prev {
			t.Errorf("%s %q on page %d, before the entry above it (page %d)", e.num, e.title, e.page, prev)
		}
		prev = e.page
		// What the heading prints: "Kapittel 2 Title" opens a chapter,
		// "2.3 Title" a section; an unnumbered part has its title alone.
		heading := e.title
		switch {
		case e.num != "" && !strings.Contains(e.num, "."):
			heading = "Kapittel " + e.num + " " + e.title
		case e.num != "":
			heading = e.num + " " + e.title
		}
		found := 0
		for i := tocEnd; i < len(flat); i++ {
			if strings.Contains(flat[i], heading) {
				found = i + 1
				break
			}
		}
		if found != e.page {
			t.Errorf("the contents give page %d for %q; pdftotext finds it first on page %d", e.page, heading, found)
		}
	}
}
