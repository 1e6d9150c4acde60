package feed

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"time"
)

// MaxURLs is the most URLs one sitemap may hold (sitemaps.org).
const MaxURLs = 50000

// A URL is one page of the sitemap.
type URL struct {
	Loc     string    // absolute address
	LastMod time.Time // when the page last changed; zero if unknown
}

// Sitemap writes urls as sitemap.xml (sitemaps.org protocol 0.9) to w,
// sorted by address, each address once (the latest LastMod wins).
// lastmod is the date in Oslo (2026-01-06). More than MaxURLs addresses
// is an error: a site that big needs a sitemap index (SitemapIndex) over
// several sitemaps.
func Sitemap(w io.Writer, urls []URL) error {
	sorted := slices.Clone(urls)
	slices.SortFunc(sorted, func(a, b URL) int {
		if c := cmp.Compare(a.Loc, b.Loc); c != 0 {
			return c
		}
		return b.LastMod.Compare(a.LastMod) // latest first, kept by Compact
	})
	sorted = slices.CompactFunc(sorted, func(a, b URL) bool { return a.Loc == b.Loc })
	if len(sorted) > MaxURLs {
		return fmt.Errorf("feed: %d pages is more than one sitemap may list (%d)", len(sorted), MaxURLs)
	}
	set := urlset{}
	for _, u := range sorted {
		if u.Loc == "" {
			return fmt.Errorf("feed: a sitemap URL has no address")
		}
		su := sitemapURL{Loc: u.Loc}
		if !u.LastMod.IsZero() {
			su.LastMod = u.LastMod.In(oslo).Format(time.DateOnly)
		}
		set.URLs = append(set.URLs, su)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(set); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// SitemapIndex writes sitemap.xml as an index of the sitemaps at the
// absolute addresses locs, for a site of more than MaxURLs pages.
func SitemapIndex(w io.Writer, locs []string) error {
	if len(locs) > MaxURLs {
		return fmt.Errorf("feed: %d sitemaps is more than one index may list (%d)", len(locs), MaxURLs)
	}
	idx := sitemapIndex{}
	for _, l := range locs {
		if l == "" {
			return fmt.Errorf("feed: a sitemap in the index has no address")
		}
		idx.Sitemaps = append(idx.Sitemaps, sitemapURL{Loc: l})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(idx); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}
