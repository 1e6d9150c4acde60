package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"moteplass/generator/build"
	"moteplass/generator/content"
	"moteplass/generator/corpus"
)

// After each edit, every file serve gives (PDFs aside) is the file a
// fresh `build` of the folder writes, byte for byte once the reload
// script is taken out: the edited activity's page, the lists and facet
// pages it is on or has left, the calendars, feed, sitemap and the search
// index. Serve rebuilds from what the last plan kept; build starts afresh.
func TestServedPagesMatchBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated site several times")
	}
	dir := filepath.Join(t.TempDir(), "site")
	if err := corpus.Write(dir, 150, 2); err != nil {
		t.Fatal(err)
	}
	addr, _ := serveDir(t, dir)
	wait := events(t, addr)
	acts, _ := filepath.Glob(filepath.Join(dir, "content/activities/*/*.md"))
	slices.Sort(acts)
	rel := func(p string) string { r, _ := filepath.Rel(dir, p); return filepath.ToSlash(r) }
	a, b := rel(acts[10]), rel(acts[20])
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	line := func(name, key string) string {
		for _, l := range strings.Split(read(name), "\n") {
			if strings.HasPrefix(l, key+" = ") {
				return l
			}
		}
		t.Fatalf("%s: no %s", name, key)
		return ""
	}
	edits := []struct {
		name string
		edit func()
	}{
		{"title", func() { write(t, dir, a, strings.Replace(read(a), line(a, "title"), `title = "Aaa endret tittel"`, 1)) }},
		{"county", func() {
			src := strings.Replace(read(a), line(a, "municipality"), `municipality = "Vardø"`, 1)
			write(t, dir, a, strings.Replace(src, line(a, "county"), `county = "finnmark"`, 1))
		}},
		{"new", func() {
			write(t, dir, "content/activities/ny/ny-aktivitet.md", strings.Replace(read(b), line(b, "title"), `title = "Ny aktivitet"`, 1))
		}},
		{"deleted", func() { os.Remove(filepath.Join(dir, b)) }},
		{"organisation", func() {
			o := "content/organisations/org-002.md"
			write(t, dir, o, strings.Replace(read(o), line(o, "title"), `title = "Omdøpt"`, 1))
		}},
	}
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, content.Oslo) // as serveDir's
	for _, e := range edits {
		e.edit()
		wait()
		out := filepath.Join(t.TempDir(), "public")
		if _, err := build.Build(context.Background(), build.Options{Site: dir, Out: out, Now: now}); err != nil {
			t.Fatalf("%s: build: %v", e.name, err)
		}
		n := 0
		err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, ".pdf") {
				return err
			}
			want, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			name := filepath.ToSlash(strings.TrimPrefix(p, out))
			url := strings.TrimSuffix(name, "index.html")
			code, got := get(t, addr+url)
			got = strings.Replace(got, `<script src="`+scriptPath+`"></script>`, "", 1)
			if code != 200 || got != string(want) {
				t.Errorf("%s: %s: served (%d) differs from what build wrote", e.name, url, code)
			}
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n < 500 {
			t.Fatalf("%s: only %d files compared", e.name, n)
		}
	}
}
