package build

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// This file tests what a page tells the programs that read it rather than
// the visitor: canonical address and OpenGraph for link previews, the
// language, and that nothing of the development server leaks into a build.

// headMeta is what a page's <head> says about the page.
type headMeta struct {
	Lang      string            // <html lang>
	Title     string            // <title>
	Canonical []string          // every <link rel="canonical">
	OG        map[string]string // <meta property="og:…">, by property
	OGCount   map[string]int
}

func readHead(t *testing.T, file string) headMeta {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	m := headMeta{OG: map[string]string{}, OGCount: map[string]int{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			a := map[string]string{}
			for _, at := range n.Attr {
				a[at.Key] = at.Val
			}
			switch n.Data {
			case "html":
				m.Lang = a["lang"]
			case "title": // the page's, not an SVG chart's
				if n.Parent.Data == "head" && n.FirstChild != nil {
					m.Title = n.FirstChild.Data
				}
			case "link":
				if a["rel"] == "canonical" {
					m.Canonical = append(m.Canonical, a["href"])
				}
			case "meta":
				if p, ok := strings.CutPrefix(a["property"], "og:"); ok {
					m.OG[p] = a["content"]
					m.OGCount[p]++
				}
			}
		}
		for c := range n.ChildNodes() {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// writeLogo puts a small PNG logo beside the mini site's organisation and
// names it in the front matter.
func writeLogo(t *testing.T, site string) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 4))
	for x := range 8 {
		for y := range 4 {
			img.Set(x, y, color.RGBA{0x0b, 0x5d, 0x66, 0xff})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(site, "content", "organisations")
	if err := os.WriteFile(filepath.Join(dir, "org.png"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(dir, "org.md"), `title = "Testorganisasjonen"`, `title = "Testorganisasjonen"`+"\nlogo = \"org.png\"")
}

// edit replaces old by new in file, once; old must be there.
func edit(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s lacks %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func buildSite(t *testing.T, site string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Site: site, Out: out, Now: now}); err != nil {
		t.Fatal(err)
	}
	return out
}

// htmlPages lists the built HTML files by the address they are served at.
func htmlPages(t *testing.T, out string) map[string]string {
	t.Helper()
	pages := map[string]string{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = "/" + filepath.ToSlash(rel)
		pages[strings.TrimSuffix(rel, "index.html")] = p
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestCanonicalAndOpenGraph checks the head of every page of the mini
// site: one canonical address, absolute under base_url and the page's own;
// OpenGraph title, URL and description as the page gives them; and the
// organisation's logo, absolute and published, as the image of its
// activities and of its own page.
func TestCanonicalAndOpenGraph(t *testing.T) {
	const base = "https://moteplass.example.org"
	site := unpack(t, "mini")
	writeLogo(t, site)
	out := buildSite(t, site)
	pages := htmlPages(t, out)
	if len(pages) < 20 {
		t.Fatalf("only %d pages", len(pages))
	}
	for path, file := range pages {
		m := readHead(t, file)
		if len(m.Canonical) != 1 || m.Canonical[0] != base+path {
			t.Errorf("%s: canonical %q, want [%s]", path, m.Canonical, base+path)
		}
		for _, p := range []string{"title", "url", "site_name", "type", "locale"} {
			if m.OGCount[p] != 1 || m.OG[p] == "" {
				t.Errorf("%s: %d og:%s %q", path, m.OGCount[p], p, m.OG[p])
			}
		}
		if m.OG["url"] != base+path {
			t.Errorf("%s: og:url %q", path, m.OG["url"])
		}
		if path != "/" && m.Title != m.OG["title"]+" – Møteplass" {
			t.Errorf("%s: og:title %q does not match <title> %q", path, m.OG["title"], m.Title)
		}
		if img := m.OG["image"]; img != "" {
			rel, ok := strings.CutPrefix(img, base+"/")
			if !ok {
				t.Errorf("%s: og:image %q is not an absolute address on the site", path, img)
			} else if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel))); err != nil {
				t.Errorf("%s: og:image %q is not published: %v", path, img, err)
			}
		}
	}
	for _, tt := range []struct {
		path, title, desc string
		image             bool
	}{
		{"/", "Møteplass", "Finn likepersonstilbud, samtalegrupper og sosiale aktiviteter i hele Norge – fysisk og digitalt.", false},
		{"/aktiviteter/kafe/", "Pårørendekafé", "Kafé for pårørende.", true},
		{"/organisasjoner/org/", "Testorganisasjonen", "En organisasjon.", true},
		{"/rapporter/rapp/", "Sluttrapport", "", false},
	} {
		file, ok := pages[tt.path]
		if !ok {
			t.Errorf("no page %s", tt.path)
			continue
		}
		m := readHead(t, file)
		if m.OG["title"] != tt.title {
			t.Errorf("%s: og:title %q, want %q", tt.path, m.OG["title"], tt.title)
		}
		if tt.desc != "" && m.OG["description"] != tt.desc {
			t.Errorf("%s: og:description %q, want %q", tt.path, m.OG["description"], tt.desc)
		}
		if got := m.OG["image"] != ""; got != tt.image {
			t.Errorf("%s: og:image %q, want one: %v", tt.path, m.OG["image"], tt.image)
		} else if tt.image && !strings.HasSuffix(m.OG["image"], ".png") {
			t.Errorf("%s: og:image %q is not the logo", tt.path, m.OG["image"])
		}
	}

	// Without a logo there is no image to share.
	out = buildSite(t, unpack(t, "mini"))
	if img := readHead(t, filepath.Join(out, "aktiviteter", "kafe", "index.html")).OG["image"]; img != "" {
		t.Errorf("og:image %q without a logo", img)
	}
}

// TestContentLanguage gives one activity of the bokmål mini site its own
// language = "en": that page is English throughout (lang, menus, labels,
// dates), and the rest of the site stays bokmål.
func TestContentLanguage(t *testing.T) {
	site := unpack(t, "mini")
	edit(t, filepath.Join(site, "content", "activities", "oslo", "kafe.md"), `mode = "hybrid"`, "mode = \"hybrid\"\nlanguage = \"en\"")
	out := buildSite(t, site)
	got := page(t, out, "aktiviteter/kafe/index.html")
	for _, w := range []string{`<html lang="en">`, "Skip to main content", ">Activities<", "<dt>When</dt>", "Tuesday 1 December 2026", "The first Tuesday of the month", `content="en_GB"`} {
		if !strings.Contains(got, w) {
			t.Errorf("the English activity lacks %q", w)
		}
	}
	for _, w := range []string{`lang="nb"`, "Hopp til hovedinnholdet", "<dt>Når</dt>", "tirsdag"} {
		if strings.Contains(got, w) {
			t.Errorf("the English activity has bokmål %q", w)
		}
	}
	for _, p := range []string{"index.html", "organisasjoner/org/index.html", "aktiviteter/index.html"} {
		if got := readHead(t, filepath.Join(out, p)).Lang; got != "nb" {
			t.Errorf("%s: lang %q, want the site's nb", p, got)
		}
	}
}

// TestNoReloadScriptInBuild: serve injects /_moteplass/reload.js into the
// pages it serves; a build for hosting must carry no trace of it, in any
// file.
func TestNoReloadScriptInBuild(t *testing.T) {
	for _, out := range []string{buildExample(t), buildSite(t, unpack(t, "mini"))} {
		n := 0
		var bad []string
		err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			n++
			data, err := os.ReadFile(p)
			if strings.Contains(p, "_moteplass") || bytes.Contains(data, []byte("_moteplass")) {
				rel, _ := filepath.Rel(out, p)
				bad = append(bad, filepath.ToSlash(rel))
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(bad) > 0 {
			t.Errorf("%d of %d files built mention _moteplass, e.g. %s", len(bad), n, strings.Join(bad[:min(5, len(bad))], ", "))
		}
		if n < 20 {
			t.Errorf("%s: only %d files", out, n)
		}
	}
}

// TestSiteThemeOverrides: a site's own themes/<name>/ replaces single
// files of the embedded default theme (a layout, the CSS, a translation)
// and keeps the rest, under the default name and under a name of its own.
func TestSiteThemeOverrides(t *testing.T) {
	for _, name := range []string{"default", "egen"} {
		t.Run(name, func(t *testing.T) {
			site := unpack(t, "mini")
			if name != "default" {
				edit(t, filepath.Join(site, "site.toml"), `language = "nb"`, "language = \"nb\"\ntheme = \""+name+"\"")
			}
			own := filepath.Join(site, "themes", name)
			files := map[string]string{
				"static/style.css":  "/* egen stil */ body { color: #000; }\n",
				"layouts/page.html": `{{define "main"}}<p class="egen-side">{{.Title}}</p>{{end}}`,
			}
			for f, data := range files {
				p := filepath.Join(own, filepath.FromSlash(f))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			// A translation file of the site's own replaces the default's
			// wholesale: start from the default and change one string.
			nb, err := os.ReadFile("../../themes/default/i18n/nb.toml")
			if err != nil {
				t.Fatal(err)
			}
			os.MkdirAll(filepath.Join(own, "i18n"), 0o755)
			nb = bytes.Replace(nb, []byte(`home = "Forside"`), []byte(`home = "Til start"`), 1)
			if err := os.WriteFile(filepath.Join(own, "i18n", "nb.toml"), nb, 0o644); err != nil {
				t.Fatal(err)
			}
			out := buildSite(t, site)

			if css, _ := os.ReadFile(filepath.Join(out, "static", "style.css")); string(css) != files["static/style.css"] {
				t.Errorf("style.css is not the site's own:\n%.200s", css)
			}
			if got := page(t, out, "om/index.html"); !strings.Contains(got, `<p class="egen-side">Om</p>`) || strings.Contains(got, "Om nettstedet.") {
				t.Errorf("the page layout is not the site's own:\n%.300s", got)
			}
			act := page(t, out, "aktiviteter/kafe/index.html")
			if !strings.Contains(act, ">Til start<") {
				t.Error("the site's own translation is not used")
			}
			// Everything else still comes from the default theme.
			if !strings.Contains(act, "<h1>Pårørendekafé</h1>") || !strings.Contains(act, "<dt>Når</dt>") {
				t.Error("the activity page lost the default layout")
			}
			if _, err := os.Stat(filepath.Join(out, "static", "search.js")); err != nil {
				t.Errorf("the default theme's search.js is missing: %v", err)
			}
		})
	}
}
