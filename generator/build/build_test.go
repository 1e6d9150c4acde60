package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"moteplass/generator/content"
	"moteplass/generator/diag"
)

// now is the moment the test sites are built for.
var now = time.Date(2026, 11, 23, 12, 0, 0, 0, content.Oslo)

// unpack writes a txtar site into a new temporary folder.
func unpack(t *testing.T, name string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// tree returns every file under dir with the hash of its contents.
func tree(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = sha256.Sum256(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func diffTrees(a, b map[string][32]byte) []string {
	var diffs []string
	for p, h := range a {
		if hb, ok := b[p]; !ok {
			diffs = append(diffs, "only in first: "+p)
		} else if hb != h {
			diffs = append(diffs, "differs: "+p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			diffs = append(diffs, "only in second: "+p)
		}
	}
	slices.Sort(diffs)
	return diffs
}

func TestBuildIsDeterministic(t *testing.T) {
	site := unpack(t, "mini")
	out1, out2 := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for i, out := range []string{out1, out2} {
		if i == 1 {
			// A second later and on one CPU: neither the clock nor the
			// order in which workers finish may show in the output.
			time.Sleep(1100 * time.Millisecond)
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		}
		if _, err := Build(context.Background(), Options{Site: site, Out: out, Now: now}); err != nil {
			t.Fatal(err)
		}
	}
	a, b := tree(t, out1), tree(t, out2)
	if len(a) < 20 {
		t.Fatalf("only %d files", len(a))
	}
	requireKinds(t, a, ".html", ".pdf", ".ics", ".xml", ".json", ".csv", ".css")
	if d := diffTrees(a, b); len(d) > 0 {
		t.Errorf("two builds differ:\n%s", strings.Join(d, "\n"))
	}
}

// TestExampleIsDeterministic builds the example site a second time, with
// its handbook and report PDFs and its calendars, and compares every file
// with the first build.
func TestExampleIsDeterministic(t *testing.T) {
	first := tree(t, buildExample(t))
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Site: "../..", Out: out, Now: now}); err != nil {
		t.Fatal(err)
	}
	requireKinds(t, first, ".html", ".pdf", ".ics", ".xml", ".json", ".csv")
	var pdfs int
	for p := range first {
		if strings.HasSuffix(p, ".pdf") {
			pdfs++
		}
	}
	if pdfs < 2 {
		t.Errorf("only %d PDFs in the example site; it has a handbook and reports", pdfs)
	}
	if d := diffTrees(first, tree(t, out)); len(d) > 0 {
		t.Errorf("two builds of the example differ:\n%s", strings.Join(d, "\n"))
	}
}

// requireKinds fails unless the tree has files with each extension, so a
// comparison of two trees covers them.
func requireKinds(t *testing.T, files map[string][32]byte, exts ...string) {
	t.Helper()
	for _, ext := range exts {
		if !slices.ContainsFunc(slices.Collect(maps.Keys(files)), func(p string) bool { return strings.HasSuffix(p, ext) }) {
			t.Errorf("no %s file in the output", ext)
		}
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	site := unpack(t, "mini")
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if _, err := Build(context.Background(), Options{Site: site, Out: out, Now: now}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)

	// Break two files; the build must report both and write nothing.
	kafe := filepath.Join(site, "content/activities/oslo/kafe.md")
	src, _ := os.ReadFile(kafe)
	os.WriteFile(kafe, bytes.Replace(src, []byte(`category = "sosialt-treff"`), []byte(`category = "kafe"`), 1), 0o644)
	os.WriteFile(filepath.Join(site, "content/pages/om.md"), []byte("+++\ntitle = \"Om\"\n"), 0o644)
	_, err := Build(context.Background(), Options{Site: site, Out: out, Now: now})
	var list diag.List
	if !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("want 2 problems, got %v", err)
	}
	if got := list[0].Pos.String(); got != "content/activities/oslo/kafe.md:7:12" {
		t.Errorf("first problem at %s", got)
	}
	if d := diffTrees(before, tree(t, out)); len(d) > 0 {
		t.Errorf("a failed build changed the output:\n%s", strings.Join(d, "\n"))
	}
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if e.Name() != "public" && e.Name() != ".moteplass-public.lock" {
			t.Errorf("left behind in the output's parent: %s", e.Name())
		}
	}
}

func TestBuildReplacesOutput(t *testing.T) {
	site := unpack(t, "mini")
	out := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(filepath.Join(out, "gammel"), 0o755)
	os.WriteFile(filepath.Join(out, "gammel", "index.html"), []byte("old"), 0o644)
	res, err := Build(context.Background(), Options{Site: site, Out: out, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "gammel")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a file of the previous build survived")
	}
	if res.Files == 0 || res.Activities != 1 {
		t.Errorf("result: %+v", res)
	}
	var b strings.Builder
	res.Summary(&b)
	if !strings.Contains(b.String(), "Activities") {
		t.Errorf("summary:\n%s", b.String())
	}
}

// page reads a built page as text.
func page(t *testing.T, out, path string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(path)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestMiniSitePages(t *testing.T) {
	site := unpack(t, "mini")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Site: site, Out: out, Now: now}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want []string
	}{
		{"aktiviteter/kafe/index.html", []string{
			"<h1>Pårørendekafé</h1>",
			"tirsdag 1. desember 2026 kl. 19.00–20.30",
			"Første tirsdag i måneden kl. 19.00–20.30",
			"Sist kontrollert 3. november 2026",
			`href="https://example.org/chat">Chat anonymt`,
			`<a href="/handboker/hb/01-a/#del-to">`,
			`<html lang="nb">`,
		}},
		{"prosjekter/prosj/index.html", []string{"600\u00a0000\u00a0kr", "1\u00a0200\u00a0000\u00a0kr", "Helse høst (2021)", "Stiftelsen Dam", "1. januar 2022", "30. april 2024"}},
		{"index.html", []string{"tirsdag 1. desember kl. 19.00", "Pårørendekafé"}},
		{"fylke/oslo/index.html", []string{"Pårørendekafé", "1 aktivitet"}},
		{"fylke/agder/index.html", []string{"Ingen aktiviteter her ennå."}},
		{"rapporter/rapp/index.html", []string{"640 av 800 (80 %)", "Sluttrapport"}},
		{"handboker/hb/01-a/index.html", []string{`id="del-to"`, "Kapittel 1"}},
		{"404.html", []string{"Fant ikke siden"}},
	}
	for _, tt := range tests {
		got := page(t, out, tt.path)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %q", tt.path, w)
			}
		}
	}
}
