package build

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"moteplass/generator/corpus"
)

// Visitors are often on a cheap phone on a weak connection. These tests
// hold the built site to byte budgets (sizes, never times): an activity
// page with its CSS under 15 KB gzip, the home page under 30 KB; no web
// fonts; images that reserve their space and load lazily; lists a page
// at a time.

const (
	activityBudget = 15 << 10
	homeBudget     = 30 << 10
)

func TestLightPagesExample(t *testing.T) {
	out := buildExample(t)
	for _, p := range lightProblems(t, out, 50) {
		t.Error(p)
	}
}

func TestLightPagesCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,000-activity site")
	}
	site := filepath.Join(t.TempDir(), "site")
	if err := corpus.Write(site, 1000, 1); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Site: site, Out: out, Now: now}); err != nil {
		t.Fatal(err)
	}
	for _, p := range lightProblems(t, out, 50) {
		t.Error(p)
	}
	// The lists are long enough to be split, and are.
	list, _ := os.ReadFile(filepath.Join(out, "aktiviteter/index.html"))
	if !bytes.Contains(list, []byte(`rel="next"`)) {
		t.Error("/aktiviteter/ of 1,000 activities has no next page")
	}
	var imgs int
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			data, _ := os.ReadFile(p)
			imgs += bytes.Count(data, []byte("<img"))
		}
		return err
	})
	if imgs == 0 {
		t.Error("no images in the corpus site: the image checks checked nothing")
	}
}

// TestLightPageCheckCatches makes sure the checks can fail.
func TestLightPageCheckCatches(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	// 80 KB of hexadecimal noise: about 40 KB gzip.
	var noise strings.Builder
	x := uint64(1)
	for range 10000 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		fmt.Fprintf(&noise, "%08x", uint32(x))
	}
	write("index.html", `<link rel="stylesheet" href="/static/style.css"><p>`+noise.String()+`</p>`)
	write("aktiviteter/kafe/index.html", `<link rel="stylesheet" href="/static/style.css"><img src="/a.png" alt=""><img src="/b.png" alt="" width="10" height="10" loading="lazy">`+strings.Repeat(`<li class="card">x</li>`, 51))
	write("static/style.css", `@font-face { font-family: X; src: url(/static/x.woff2); } body { color: #000 }`)
	write("static/x.woff2", "wOF2")
	got := lightProblems(t, dir, 50)
	for _, want := range []string{
		"index.html and its CSS and scripts:",
		"aktiviteter/kafe/index.html: <img src=\"/a.png\"> lacks width, height, loading=\"lazy\"",
		"aktiviteter/kafe/index.html: 51 activities on one page",
		"static/style.css: @font-face",
		"static/x.woff2: a font file",
	} {
		if !strings.Contains(strings.Join(got, "\n"), want) {
			t.Errorf("missing %q in\n%s", want, strings.Join(got, "\n"))
		}
	}
	if len(got) != 5 {
		t.Errorf("%d problems, want 5:\n%s", len(got), strings.Join(got, "\n"))
	}
}

var (
	fontFace  = regexp.MustCompile(`(?i)@font-face`)
	fontFiles = map[string]bool{".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true}
)

// lightProblems checks the built site at dir and says what is too heavy.
func lightProblems(t *testing.T, dir string, pageSize int) []string {
	t.Helper()
	var problems []string
	gz := map[string]int{} // file → gzip size, for CSS and JS shared by pages
	gzipSize := func(name string) int {
		if n, ok := gz[name]; ok {
			return n
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			problems = append(problems, name+": "+err.Error())
			return 0
		}
		var b bytes.Buffer
		w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		w.Write(data)
		w.Close()
		gz[name] = b.Len()
		return b.Len()
	}
	var heaviest [2]struct {
		page string
		n    int
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := filepath.ToSlash(must(filepath.Rel(dir, p)))
		ext := path.Ext(rel)
		if fontFiles[ext] {
			problems = append(problems, rel+": a font file; the site uses the system's fonts")
		}
		switch ext {
		case ".css":
			data, _ := os.ReadFile(p)
			if fontFace.Match(data) {
				problems = append(problems, rel+": @font-face; the site uses the system's fonts")
			}
			return nil
		case ".html":
		default:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var loads []string
		cards := 0
		z := html.NewTokenizer(bytes.NewReader(data))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			tok := z.Token()
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				attrs[a.Key] = a.Val
			}
			switch tok.Data {
			case "link":
				if attrs["rel"] == "stylesheet" {
					loads = append(loads, attrs["href"])
				}
				if attrs["rel"] == "preload" && attrs["as"] == "font" {
					problems = append(problems, rel+": preloads a font")
				}
			case "script":
				if src := attrs["src"]; src != "" {
					loads = append(loads, src)
				}
			case "img":
				var lacks []string
				for _, a := range []string{"width", "height"} {
					if n, err := strconv.Atoi(attrs[a]); err != nil || n <= 0 {
						lacks = append(lacks, a)
					}
				}
				if attrs["loading"] != "lazy" {
					lacks = append(lacks, `loading="lazy"`)
				}
				if len(lacks) > 0 {
					problems = append(problems, fmt.Sprintf("%s: <img src=%q> lacks %s", rel, attrs["src"], strings.Join(lacks, ", ")))
				}
			case "li":
				if attrs["class"] == "card" {
					cards++
				}
			}
		}
		if cards > pageSize {
			problems = append(problems, fmt.Sprintf("%s: %d activities on one page; lists show %d a page", rel, cards, pageSize))
		}
		budget, kind := 0, 0
		switch {
		case rel == "index.html":
			budget, kind = homeBudget, 0
		case strings.HasPrefix(rel, "aktiviteter/") && strings.Count(rel, "/") == 2 && !strings.HasPrefix(rel, "aktiviteter/side/"):
			budget, kind = activityBudget, 1
		default:
			return nil
		}
		n := gzipSize(rel)
		for _, l := range loads {
			if strings.HasPrefix(l, "/") {
				n += gzipSize(strings.TrimPrefix(l, "/"))
			}
		}
		if n > heaviest[kind].n {
			heaviest[kind].page, heaviest[kind].n = rel, n
		}
		if n > budget {
			problems = append(problems, fmt.Sprintf("%s and its CSS and scripts: %d bytes gzip, over the budget of %d", rel, n, budget))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("heaviest home page %d B gzip (budget %d), heaviest activity page %s %d B gzip (budget %d)",
		heaviest[0].n, homeBudget, heaviest[1].page, heaviest[1].n, activityBudget)
	return problems
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
