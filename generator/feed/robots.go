package feed

import (
	"fmt"
	"io"
	"strings"
)

// Robots writes robots.txt to w: every crawler may read every page, and
// the sitemap is at sitemapURL (absolute).
//
// Crawlers read robots.txt only at the root of a host, so it does its job
// only for a site whose base_url has no path.
func Robots(w io.Writer, sitemapURL string) error {
	if sitemapURL == "" || strings.ContainsFunc(sitemapURL, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return fmt.Errorf("feed: %q is not a sitemap address for robots.txt", sitemapURL)
	}
	_, err := fmt.Fprintf(w, "User-agent: *\nAllow: /\n\nSitemap: %s\n", sitemapURL)
	return err
}
