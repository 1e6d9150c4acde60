package build

import (
	"bytes"
	"context"
	"encoding/xml"
	"slices"
	"strings"
	"testing"

	"moteplass/generator/feed"
)

// TestSitemapIndex: a site of more pages than one sitemap may list (50,000;
// a national directory has 100,000 activities) gets sitemap.xml as an
// index of sitemaps that together list every page once. The limit is 7
// here, so the mini site needs several.
func TestSitemapIndex(t *testing.T) {
	p, err := NewPlan(context.Background(), Options{Site: unpack(t, "mini"), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var pages []string
	for _, f := range p.Files {
		if isPage(f) {
			pages = append(pages, p.Site.Config.URL("/"+strings.TrimSuffix(f.Path, "index.html")))
		}
	}
	const limit = 7
	files := sitemapFiles(p.Site, p.Site.Config, p.Files, limit)
	if want := (len(pages)+limit-1)/limit + 1; len(files) != want {
		t.Fatalf("%d files for %d pages, want %d", len(files), len(pages), want)
	}
	written := map[string][]byte{}
	for _, f := range files {
		var b bytes.Buffer
		if err := f.Write(&b); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		written[f.Path] = b.Bytes()
	}
	var index struct {
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal(written["sitemap.xml"], &index); err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, s := range index.Sitemaps {
		name := strings.TrimPrefix(s.Loc, p.Site.Config.URL("/"))
		var set struct {
			URLs []struct {
				Loc string `xml:"loc"`
			} `xml:"url"`
		}
		if err := xml.Unmarshal(written[name], &set); err != nil {
			t.Fatalf("%s (from %s): %v", name, s.Loc, err)
		}
		if len(set.URLs) > limit {
			t.Errorf("%s lists %d pages", name, len(set.URLs))
		}
		for _, u := range set.URLs {
			listed = append(listed, u.Loc)
		}
	}
	slices.Sort(pages)
	if !slices.Equal(listed, pages) {
		t.Errorf("the sitemaps list\n%s\nwant\n%s", strings.Join(listed, "\n"), strings.Join(pages, "\n"))
	}
	// Under the limit, one sitemap as before.
	if files := sitemapFiles(p.Site, p.Site.Config, p.Files, feed.MaxURLs); len(files) != 1 || files[0].Path != "sitemap.xml" {
		t.Errorf("a small site: %d sitemap files", len(files))
	}
}
