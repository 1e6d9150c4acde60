// Package export writes the funders' table of projects as CSV and JSON
// (/prosjekter.csv, /prosjekter.json), the figures funders paste into
// spreadsheets: one row per project with its grants per year.
package export

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"

	"moteplass/generator/content"
	"moteplass/generator/publish"
)

// A Row is one project in the export.
type Row struct {
	Organisation string      `json:"organisation"`
	Project      string      `json:"project"`
	Slug         string      `json:"slug"`
	URL          string      `json:"url"`
	Programme    string      `json:"programme"`
	Funder       string      `json:"funder"`
	Leader       string      `json:"leader"`
	Start        string      `json:"start"`
	End          string      `json:"end"`
	Status       string      `json:"status"`
	GrantTotal   int         `json:"grant_total"`
	TargetReach  int         `json:"target_reach"`
	ActualReach  int         `json:"actual_reach"`
	Grants       map[int]int `json:"grants"`
	Reports      []string    `json:"reports"` // report URLs, newest first
}

// Rows returns one row per project, in the site's project order.
// absURL turns a site path into an absolute URL.
func Rows(s *content.Site, absURL func(string) string) []Row {
	rows := make([]Row, 0, len(s.Projects))
	for _, p := range s.Projects {
		r := Row{
			Project:     p.Title,
			Slug:        p.Slug,
			URL:         absURL(p.URL()),
			Programme:   p.Programme,
			Funder:      p.Funder,
			Leader:      p.Leader,
			Start:       dateString(p.Start),
			End:         dateString(p.End),
			Status:      p.Status,
			GrantTotal:  p.GrantTotal(),
			TargetReach: p.TargetReach,
			ActualReach: s.ActualReach(p),
			Grants:      map[int]int{},
			Reports:     []string{},
		}
		if o := s.Organisation(p.Organisation); o != nil {
			r.Organisation = o.Title
		}
		for _, g := range p.GrantList {
			r.Grants[g.Year] = g.Amount
		}
		for _, rep := range s.ReportsOf(p) {
			r.Reports = append(r.Reports, absURL(rep.URL()))
		}
		rows = append(rows, r)
	}
	return rows
}

func dateString(d content.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// CSV writes rows with a header row; years are the grant_YYYY columns.
// Numbers are plain integers and dates ISO 8601, so any spreadsheet reads
// them as numbers and dates.
func CSV(w io.Writer, rows []Row, years []int) error {
	cw := csv.NewWriter(w)
	header := []string{"organisation", "project", "programme", "funder", "leader", "start", "end", "status", "grant_total", "target_reach", "actual_reach"}
	for _, y := range years {
		header = append(header, "grant_"+strconv.Itoa(y))
	}
	header = append(header, "url")
	cw.Write(header)
	for _, r := range rows {
		rec := []string{r.Organisation, r.Project, r.Programme, r.Funder, r.Leader, r.Start, r.End, r.Status,
			strconv.Itoa(r.GrantTotal), strconv.Itoa(r.TargetReach), strconv.Itoa(r.ActualReach)}
		for _, y := range years {
			rec = append(rec, strconv.Itoa(r.Grants[y]))
		}
		rec = append(rec, r.URL)
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// JSON writes rows as an indented JSON array.
func JSON(w io.Writer, rows []Row) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rows)
}

// Files returns /prosjekter.csv and /prosjekter.json for s.
func Files(s *content.Site, absURL func(string) string) []publish.File {
	return []publish.File{
		{Path: "prosjekter.csv", Write: func(w io.Writer) error {
			return CSV(w, Rows(s, absURL), s.GrantYears())
		}},
		{Path: "prosjekter.json", Write: func(w io.Writer) error {
			return JSON(w, Rows(s, absURL))
		}},
	}
}
