package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"

	"moteplass/generator/content"
	"moteplass/generator/site"
)

const base = "https://test.example.org/"

// The Atom document as a reader sees it, for checking the output.
type readFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links   []atomLink `xml:"link"`
	Entries []struct {
		ID       string     `xml:"id"`
		Title    string     `xml:"title"`
		Updated  string     `xml:"updated"`
		Summary  string     `xml:"summary"`
		Links    []atomLink `xml:"link"`
		Category *struct {
			Term  string `xml:"term,attr"`
			Label string `xml:"label,attr"`
		} `xml:"category"`
	} `xml:"entry"`
}

func day(y int, m time.Month, d int) content.Date { return content.Date{Year: y, Month: m, Day: d} }

func TestAtom(t *testing.T) {
	a := &content.Activity{Title: "Kafé <for> pårørende & venner", Summary: "Kaffe, vafler\nog prat.", Reviewed: day(2026, 1, 5)}
	a.Slug = "kafe"
	old := &content.Activity{Title: "Gammel", Reviewed: day(2025, 3, 1)}
	old.Slug = "gammel"
	never := &content.Activity{Title: "Aldri kontrollert"}
	r := &content.Report{Title: "Midtveisevaluering", Summary: "Hva vi har lært.", Date: day(2026, 2, 1)}
	h := &content.Handbook{Title: "Håndbok for likepersoner", Date: day(2026, 1, 5)}

	var entries []Entry
	term := site.Term{Key: "samtalegruppe", Title: "Samtalegrupper"}
	for _, act := range []*content.Activity{a, old, never} {
		if e, ok := ActivityEntry(act, base+"aktiviteter/"+act.Slug+"/", term); ok {
			entries = append(entries, e)
		} else if act != never {
			t.Errorf("%s: no entry", act.Title)
		}
	}
	entries = append(entries, ReportEntry(r, base+"rapporter/midtveis/"), HandbookEntry(h, base+"handboker/likeperson/"))

	var b bytes.Buffer
	f := Feed{Title: "Møteplass", Lang: "nb", SelfURL: base + "feed.xml", SiteURL: base, Entries: entries}
	if err := Atom(&b, f); err != nil {
		t.Fatal(err)
	}
	var got readFeed
	if err := xml.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if got.ID != base+"feed.xml" || got.Title != "Møteplass" || got.Lang != "nb" || got.Author.Name != "Møteplass" {
		t.Errorf("feed head: %+v", got)
	}
	if got.Updated != "2026-02-01T00:00:00+01:00" {
		t.Errorf("feed updated %s, want the newest entry's", got.Updated)
	}
	if len(got.Links) != 2 || got.Links[0] != (atomLink{Rel: "self", Type: "application/atom+xml", Href: base + "feed.xml"}) || got.Links[1].Href != base {
		t.Errorf("links %+v", got.Links)
	}
	var order []string
	for _, e := range got.Entries {
		order = append(order, e.Title)
		if e.ID == "" || e.Updated == "" || len(e.Links) != 1 || e.Links[0].Href != e.ID {
			t.Errorf("entry %q: id %q updated %q links %v", e.Title, e.ID, e.Updated, e.Links)
		}
	}
	// Newest first; the handbook and the activity share a date and are
	// ordered by id (address).
	want := []string{"Midtveisevaluering", a.Title, h.Title, "Gammel"}
	if fmt.Sprint(order) != fmt.Sprint(want) {
		t.Errorf("order %q, want %q", order, want)
	}
	e := got.Entries[1]
	if e.Summary != a.Summary || e.Category == nil || e.Category.Term != "samtalegruppe" || e.Category.Label != "Samtalegrupper" {
		t.Errorf("activity entry %+v", e)
	}
	if strings.Contains(b.String(), "<for>") {
		t.Error("title not escaped")
	}

	// Same input in another order, same bytes.
	entries[0], entries[3] = entries[3], entries[0]
	var b2 bytes.Buffer
	if err := Atom(&b2, f); err != nil || !bytes.Equal(b.Bytes(), b2.Bytes()) {
		t.Errorf("output depends on the order of entries (err %v)", err)
	}
}

func TestAtomCapsEntries(t *testing.T) {
	var entries []Entry
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, oslo)
	for i := range MaxEntries + 10 {
		entries = append(entries, Entry{Title: fmt.Sprint(i), URL: fmt.Sprintf("%sa/%d/", base, i), Updated: start.AddDate(0, 0, i)})
	}
	var b bytes.Buffer
	if err := Atom(&b, Feed{Title: "T", SelfURL: base + "feed.xml", SiteURL: base, Entries: entries}); err != nil {
		t.Fatal(err)
	}
	var got readFeed
	if err := xml.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Entries) != MaxEntries || got.Entries[0].Title != fmt.Sprint(MaxEntries+9) {
		t.Errorf("%d entries, first %q", len(got.Entries), got.Entries[0].Title)
	}
}

func TestAtomErrors(t *testing.T) {
	ok := Feed{Title: "T", SelfURL: base + "feed.xml", SiteURL: base}
	for name, f := range map[string]Feed{
		"no title":           {SelfURL: base, SiteURL: base},
		"empty, no date":     ok,
		"entry with no date": {Title: "T", SelfURL: base, SiteURL: base, Entries: []Entry{{Title: "x", URL: base}}},
	} {
		if err := Atom(&bytes.Buffer{}, f); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	ok.Updated = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := Atom(&bytes.Buffer{}, ok); err != nil {
		t.Errorf("empty feed with a date: %v", err)
	}
}

func TestSitemap(t *testing.T) {
	urls := []URL{
		{Loc: base + "aktiviteter/kafe/", LastMod: day(2026, 1, 5).Time()},
		{Loc: base},
		{Loc: base + "sok/?q=a&b"},
		{Loc: base + "aktiviteter/kafe/", LastMod: day(2025, 1, 5).Time()}, // twice: latest wins
	}
	var b bytes.Buffer
	if err := Sitemap(&b, urls); err != nil {
		t.Fatal(err)
	}
	var got struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	want := "[{" + base + " } {" + base + "aktiviteter/kafe/ 2026-01-05} {" + base + "sok/?q=a&b }]"
	if fmt.Sprint(got.URLs) != want {
		t.Errorf("got %v\nwant %s", got.URLs, want)
	}
	if !strings.HasPrefix(b.String(), `<?xml version="1.0" encoding="UTF-8"?>`) || !strings.Contains(b.String(), "a&amp;b") {
		t.Errorf("sitemap:\n%s", b.String())
	}

	many := make([]URL, MaxURLs+1)
	for i := range many {
		many[i].Loc = fmt.Sprint(base, i)
	}
	if err := Sitemap(&bytes.Buffer{}, many); err == nil {
		t.Error("no error for too many URLs")
	}
}

func TestRobots(t *testing.T) {
	var b bytes.Buffer
	if err := Robots(&b, base+"sitemap.xml"); err != nil {
		t.Fatal(err)
	}
	want := "User-agent: *\nAllow: /\n\nSitemap: https://test.example.org/sitemap.xml\n"
	if b.String() != want {
		t.Errorf("robots.txt:\n%s", b.String())
	}
	if err := Robots(&b, base+"x\nDisallow: /"); err == nil {
		t.Error("a line break in the sitemap address is let through")
	}
}

func TestSitemapIndex(t *testing.T) {
	var b bytes.Buffer
	if err := SitemapIndex(&b, []string{base + "sitemap-1.xml", base + "sitemap-2.xml"}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if len(got.Sitemaps) != 2 || got.Sitemaps[1].Loc != base+"sitemap-2.xml" {
		t.Errorf("index %v\n%s", got.Sitemaps, b.String())
	}
	if err := SitemapIndex(&bytes.Buffer{}, []string{""}); err == nil {
		t.Error("no error for a sitemap without an address")
	}
}
