package build

import (
	"bytes"
	"context"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// A visitor in crisis must not be seen by anyone but the site. These
// tests walk every built file and fail on anything a browser would fetch
// from another origin: scripts, styles, fonts, images, frames,
// preconnects, CSS url()s and imports, and URLs in scripts.

// loads are the elements and attributes a browser fetches by itself.
var loads = map[string][]string{
	"script": {"src"}, "img": {"src", "srcset"}, "iframe": {"src"}, "frame": {"src"},
	"embed": {"src"}, "object": {"data"}, "source": {"src", "srcset"}, "video": {"src", "poster"},
	"audio": {"src"}, "track": {"src"}, "input": {"src"}, "image": {"href"}, "use": {"href"},
}

var (
	cssURL = regexp.MustCompile(`(?i)url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)`)
	jsURL  = regexp.MustCompile(`(?i)["'\x60]((?:https?:)?//[^"'\x60\s]+)`)
)

// thirdParty lists every resource in the site at dir that a browser
// would load from somewhere other than host.
func thirdParty(t *testing.T, dir, host string) []string {
	t.Helper()
	var found []string
	foreign := func(file, what, raw string) {
		raw = strings.TrimSpace(raw)
		u, err := url.Parse(raw)
		if err != nil || (u.Host == "" && u.Scheme == "") || u.Scheme == "data" {
			return // relative, or inline data
		}
		if u.Host != host || (u.Scheme != "" && u.Scheme != "https") {
			found = append(found, file+": "+what+" "+raw)
		}
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, _ := os.ReadFile(p)
		switch filepath.Ext(p) {
		case ".html":
			z := html.NewTokenizer(bytes.NewReader(data))
			inStyle := false
			for {
				tt := z.Next()
				if tt == html.ErrorToken {
					break
				}
				tok := z.Token()
				switch tt {
				case html.StartTagToken, html.SelfClosingTagToken:
					inStyle = tok.Data == "style"
					attrs := map[string]string{}
					for _, a := range tok.Attr {
						attrs[a.Key] = a.Val
						if a.Key == "style" {
							for _, m := range cssURL.FindAllStringSubmatch(a.Val, -1) {
								foreign(rel, "style url", m[1]+m[2])
							}
						}
					}
					for _, a := range loads[tok.Data] {
						if v, ok := attrs[a]; ok {
							for _, part := range strings.Split(v, ",") {
								foreign(rel, tok.Data+" "+a, strings.Fields(part + " ")[0])
							}
						}
					}
					if tok.Data == "link" && attrs["rel"] != "canonical" && attrs["rel"] != "alternate" {
						foreign(rel, "link rel="+attrs["rel"], attrs["href"])
					}
					if tok.Data == "meta" && strings.EqualFold(attrs["http-equiv"], "refresh") {
						if _, u, ok := strings.Cut(strings.ToLower(attrs["content"]), "url="); ok {
							foreign(rel, "meta refresh", u)
						}
					}
				case html.TextToken:
					if inStyle {
						for _, m := range cssURL.FindAllStringSubmatch(tok.Data, -1) {
							foreign(rel, "style url", m[1]+m[2])
						}
					}
				}
			}
		case ".css":
			for _, m := range cssURL.FindAllStringSubmatch(string(data), -1) {
				foreign(rel, "css url", m[1]+m[2])
			}
		case ".js":
			for _, m := range jsURL.FindAllStringSubmatch(string(data), -1) {
				foreign(rel, "script URL", m[1])
			}
		}
		return nil
	})
	return found
}

func TestNoThirdPartyRequests(t *testing.T) {
	site := unpack(t, "mini")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Site: site, Out: out, Now: now}); err != nil {
		t.Fatal(err)
	}
	if found := thirdParty(t, out, "moteplass.example.org"); len(found) > 0 {
		t.Errorf("resources from other origins:\n%s", strings.Join(found, "\n"))
	}
}

// TestPrivacyCheckCatches makes sure the check above can fail.
func TestPrivacyCheckCatches(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.html"), []byte(`<link rel="preconnect" href="https://fonts.googleapis.com"><img srcset="/a.png 1x, https://cdn.example.com/b.png 2x"><div style="background:url('//tracker.example/p.gif')"></div><style>@import "https://x.example/y.css";</style><a href="https://example.org/">ok</a>`), 0o644)
	os.WriteFile(filepath.Join(dir, "b.css"), []byte(`@font-face { src: url(https://fonts.gstatic.com/x.woff2) }`), 0o644)
	os.WriteFile(filepath.Join(dir, "c.js"), []byte(`fetch("https://analytics.example/collect")`), 0o644)
	found := thirdParty(t, dir, "moteplass.example.org")
	if len(found) != 6 {
		t.Errorf("found %d, want 6:\n%s", len(found), strings.Join(found, "\n"))
	}
}
