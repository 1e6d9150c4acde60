package build

import (
	"bytes"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestPrivacyPageSaysWhatIsNotCollected: the example's privacy page tells
// visitors, in plain words, what the site does not do.
func TestPrivacyPageSaysWhatIsNotCollected(t *testing.T) {
	got := page(t, buildExample(t), "personvern/index.html")
	for _, want := range []string{
		"ingen informasjonskapsler", // no cookies
		"ingen analyseverktøy",      // no analytics
		"ingenting fra andre tjenester",
		"Søket kjører i din egen nettleser",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the privacy page does not say %q", want)
		}
	}
}

// storage finds what a script would use to remember or report a
// visitor: cookies, browser storage, beacons, sockets, position.
var storage = regexp.MustCompile(`document\.cookie|localStorage|sessionStorage|indexedDB|sendBeacon|navigator\.geolocation|new WebSocket|new EventSource|XMLHttpRequest`)

// tracking lists scripts that store or send anything about the visitor
// and forms that post to another origin.
func tracking(t *testing.T, dir, host string) []string {
	t.Helper()
	var found []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, _ := os.ReadFile(p)
		switch filepath.Ext(p) {
		case ".js":
			for _, m := range storage.FindAll(data, -1) {
				found = append(found, rel+": "+string(m))
			}
		case ".html":
			z := html.NewTokenizer(bytes.NewReader(data))
			for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
				tok := z.Token()
				if tok.Data == "script" && tt == html.StartTagToken {
					if z.Next() == html.TextToken {
						for _, m := range storage.FindAll(z.Text(), -1) {
							found = append(found, rel+": inline script "+string(m))
						}
					}
				}
				if tok.Data != "form" {
					continue
				}
				for _, a := range tok.Attr {
					if a.Key == "action" {
						if u, err := url.Parse(a.Val); err != nil || (u.Host != "" && u.Host != host) {
							found = append(found, rel+": form posts to "+a.Val)
						}
					}
				}
			}
		}
		return nil
	})
	return found
}

// TestNothingRemembersOrReportsTheVisitor: no script of the example site
// sets a cookie, keeps anything in the browser or reports back, and no
// form sends to another site.
func TestNothingRemembersOrReportsTheVisitor(t *testing.T) {
	out := buildExample(t)
	if found := tracking(t, out, "moteplass.example.org"); len(found) > 0 {
		t.Errorf("the site remembers or reports visitors:\n%s", strings.Join(found, "\n"))
	}
}

// TestTrackingCheckCatches makes sure the check above can fail.
func TestTrackingCheckCatches(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.js"), []byte(`document.cookie = "id=1"; localStorage.setItem("q", q); navigator.sendBeacon("/x")`), 0o644)
	os.WriteFile(filepath.Join(dir, "b.html"), []byte(`<script>sessionStorage.x = 1</script><form action="https://skjema.example.com/post"></form><form action="/sok/"></form>`), 0o644)
	if found := tracking(t, dir, "moteplass.example.org"); len(found) != 5 {
		t.Errorf("found %d, want 5:\n%s", len(found), strings.Join(found, "\n"))
	}
}
