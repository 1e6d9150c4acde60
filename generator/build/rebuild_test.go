package build

import (
	"bytes"
	"context"
	"image"
	stdpng "image/png"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"moteplass/generator/content"
	"moteplass/generator/corpus"
	"moteplass/generator/publish"
)

// A rebuild that reuses the last plan (serve) must give the same files,
// byte for byte, and the same problems as a fresh plan of the same
// folder, after every kind of edit an editor makes: a title, a place, a
// new, deleted or draft activity, a broken and a fixed reference, an
// organisation, links between files and to site paths, site.toml and
// the theme.
func TestRebuildMatchesFreshPlan(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := corpus.Write(dir, 120, 1); err != nil {
		t.Fatal(err)
	}
	acts, _ := filepath.Glob(filepath.Join(dir, "content/activities/*/*.md"))
	slices.Sort(acts)
	rel := func(p string) string { r, _ := filepath.Rel(dir, p); return filepath.ToSlash(r) }
	a0, a1, a2, a3 := rel(acts[0]), rel(acts[1]), rel(acts[2]), rel(acts[3])
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	write := func(name, data string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	replace := func(name, old, new string) {
		src := read(name)
		if !strings.Contains(src, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		write(name, strings.Replace(src, old, new, 1))
	}
	png := func(name string, w, h int) {
		var b bytes.Buffer
		if err := stdpng.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
			t.Fatal(err)
		}
		write(name, b.String())
	}
	field := func(name, key string) string { // the first `key = ...` line
		for _, line := range strings.Split(read(name), "\n") {
			if strings.HasPrefix(line, key+" = ") {
				return line
			}
		}
		t.Fatalf("%s has no %s", name, key)
		return ""
	}

	steps := []struct {
		name    string
		changed []string
		edit    func()
		broken  bool // the content has problems after the edit
	}{
		{"title", []string{a0}, func() { replace(a0, field(a0, "title"), `title = "Aaa først i lista"`) }, false},
		{"place", []string{a1}, func() {
			replace(a1, field(a1, "municipality"), `municipality = "Vardø"`)
			replace(a1, field(a1, "county"), `county = "finnmark"`)
		}, false},
		{"new activity", []string{"content/activities/ny", "content/activities/ny/ny-aktivitet.md"}, func() {
			write("content/activities/ny/ny-aktivitet.md", strings.Replace(read(a2), field(a2, "title"), `title = "Ny aktivitet"`, 1))
		}, false},
		{"deleted activity", []string{a3}, func() { os.Remove(filepath.Join(dir, a3)) }, false},
		{"draft", []string{a2}, func() { replace(a2, "+++\n", "+++\ndraft = true\n") }, false},
		{"broken reference", []string{a0}, func() { replace(a0, field(a0, "organisation"), `organisation = "finnes-ikke"`) }, true},
		{"fixed reference", []string{a0}, func() { replace(a0, `organisation = "finnes-ikke"`, `organisation = "org-001"`) }, false},
		{"organisation", []string{"content/organisations/org-001.md"}, func() {
			replace("content/organisations/org-001.md", field("content/organisations/org-001.md", "title"), `title = "Omdøpt organisasjon"`)
		}, false},
		{"links", []string{"content/pages/lenker.md"}, func() {
			write("content/pages/lenker.md", "+++\ntitle = \"Lenker\"\n+++\nSe [Vardø](/kommune/vardo/), [alle](/aktiviteter/side/2/) og [denne](../activities/"+
				strings.TrimPrefix(a1, "content/activities/")+"#hva-skjer).\n")
		}, false},
		{"broken anchor", []string{a1}, func() { replace(a1, "## Hva skjer", "## Hva hender") }, true},
		{"broken site path", []string{a1, "content/pages/lenker.md"}, func() {
			replace(a1, "## Hva hender", "## Hva skjer")
			replace("content/pages/lenker.md", "/kommune/vardo/", "/kommune/ingensteds/")
		}, true},
		{"fixed site path", []string{"content/pages/lenker.md"}, func() { replace("content/pages/lenker.md", "/kommune/ingensteds/", "/kommune/vardo/") }, false},
		{"page moves", []string{a1}, func() { replace(a1, `municipality = "Vardø"`, `municipality = "Hammerfest"`) }, true},
		{"site.toml", []string{"site.toml", a1}, func() {
			replace(a1, `municipality = "Hammerfest"`, `municipality = "Vardø"`)
			replace("site.toml", `title = "Nettverksgrupper"`, `title = "Nettverk"`)
		}, false},
		{"theme", []string{"themes", "themes/default/static/ekstra.txt", "themes/default/i18n/nb.toml"}, func() {
			write("themes/default/static/ekstra.txt", "ekstra\n")
			nb, err := os.ReadFile("../../themes/default/i18n/nb.toml")
			if err != nil {
				t.Fatal(err)
			}
			write("themes/default/i18n/nb.toml", strings.Replace(string(nb), `all_activities = "`, `all_activities = "Alle `, 1))
		}, false},
		{"image and link", []string{a0, path.Join(path.Dir(a0), "kart.png")}, func() {
			png(path.Join(path.Dir(a0), "kart.png"), 8, 4)
			next, _ := filepath.Rel(filepath.Dir(a0), a1)
			replace(a0, "## Hva skjer", "![Kart](kart.png) og [neste](<"+filepath.ToSlash(next)+"#hva-skjer>).\n\n## Hva skjer")
		}, false},
		{"image size", []string{path.Join(path.Dir(a0), "kart.png")}, func() { png(path.Join(path.Dir(a0), "kart.png"), 16, 12) }, false},
		{"chapter", []string{"content/handbooks/stor-handbok/02-kapittel.md"}, func() {
			replace("content/handbooks/stor-handbok/02-kapittel.md", "weight = 2", "weight = -1")
		}, false},
		{"nothing", nil, func() {}, false},
	}

	ctx := context.Background()
	cache := content.NewCache()
	opt := Options{Site: dir, Now: now, Cache: cache, SearchOnDemand: true}
	prev, err := NewPlan(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range steps {
		st.edit()
		cache.Changed(st.changed...)
		opt.Prev = prev
		got, gotErr := NewPlan(ctx, opt)
		want, wantErr := NewPlan(ctx, Options{Site: dir, Now: now})
		if (gotErr != nil) != st.broken || (wantErr != nil) != st.broken {
			t.Fatalf("%s: rebuild: %v; fresh: %v; want broken %v", st.name, gotErr, wantErr, st.broken)
		}
		if st.broken {
			t.Logf("%s: %v", st.name, gotErr)
			if gotErr.Error() != wantErr.Error() {
				t.Errorf("%s: rebuild reports\n%v\nfresh plan reports\n%v", st.name, gotErr, wantErr)
			}
			continue
		}
		samePlans(t, st.name, got, want)
		prev = got
	}
}

// samePlans checks that two plans list the same files with the same
// bytes; got builds its search index on demand, PDFs are left out.
func samePlans(t *testing.T, name string, got, want *Plan) {
	t.Helper()
	index := map[string]publish.File{}
	for _, f := range got.Files {
		index[f.Path] = f
	}
	var wantPaths []string
	for _, f := range want.Files {
		wantPaths = append(wantPaths, f.Path)
		g, ok := index[f.Path]
		if !ok {
			if g, ok, _ = got.SearchFile(f.Path); !ok {
				t.Errorf("%s: the rebuild has no %s", name, f.Path)
				continue
			}
		}
		if strings.HasSuffix(f.Path, ".pdf") {
			continue
		}
		var a, b bytes.Buffer
		if err := g.Write(&a); err != nil {
			t.Fatalf("%s: %s: %v", name, f.Path, err)
		}
		if err := f.Write(&b); err != nil {
			t.Fatalf("%s: %s: %v", name, f.Path, err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: %s differs from a fresh plan's", name, f.Path)
		}
	}
	gotPaths := paths(got.Files)
	slices.Sort(gotPaths)
	slices.Sort(wantPaths)
	wantPaths = slices.DeleteFunc(wantPaths, func(p string) bool { return strings.HasPrefix(p, "search/") })
	if !slices.Equal(gotPaths, wantPaths) {
		t.Errorf("%s: the rebuild lists %d files, a fresh plan %d", name, len(gotPaths), len(wantPaths))
	}
}
