package content

import (
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"moteplass/generator/diag"
	"moteplass/generator/markdown"
	"moteplass/generator/site"
	"moteplass/generator/sitedir"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixture returns the files of testdata/base.txtar with those of the
// archive at path laid over them.
func fixture(t *testing.T, path string) (fstest.MapFS, *txtar.Archive) {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, p := range []string{"testdata/base.txtar", path} {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name != "errors" && f.Name != "published" && f.Name != "ids" {
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
		}
		if p == path {
			return fsys, ar
		}
	}
	return fsys, nil
}

func loadSite(t *testing.T, fsys fs.FS) (*Site, error) {
	t.Helper()
	cfg, err := site.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return Load(context.Background(), fsys, cfg, markdown.New(markdown.Options{}))
}

func TestBaseFixtureIsValid(t *testing.T) {
	fsys, _ := fixture(t, "testdata/base.txtar")
	s, err := loadSite(t, fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Activities) != 1 || len(s.Organisations) != 1 || len(s.Projects) != 1 {
		t.Fatalf("loaded %d activities, %d organisations, %d projects", len(s.Activities), len(s.Organisations), len(s.Projects))
	}
	a := s.Activities[0]
	if a.Schedule.Start.Format("2006-01-02 15:04 -0700") != "2026-01-07 18:00 +0100" {
		t.Errorf("text date read as %v", a.Schedule.Start)
	}
	if got := s.Projects[0].GrantList; len(got) != 2 || got[0] != (Grant{2024, 198000}) {
		t.Errorf("grants: %v", got)
	}
}

// TestErrors loads each testdata/errors/*.txtar site and compares every
// problem reported with the case's "errors" section: the errors, then the
// warnings (Site.Warnings), each marked "warning: ". As in a build, links
// to site paths are checked once the rest loads (CheckPaths), against the
// content's own pages and the files an optional "published" section lists
// one per line (fylke/oslo/index.html), with the theme's element ids from
// an optional "ids" section.
func TestErrors(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.txtar")
	if len(files) < 10 {
		t.Fatalf("only %d error cases", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			fsys, ar := fixture(t, file)
			s, err := loadSite(t, fsys)
			got := report(t, s, err, ar)
			if got == "" {
				t.Fatal("no problems found")
			}
			i := len(ar.Files) - 1
			if ar.Files[i].Name != "errors" {
				t.Fatal(`the last section must be "errors"`)
			}
			if *update {
				ar.Files[i].Data = []byte(got)
				os.WriteFile(file, txtar.Format(ar), 0o644)
				return
			}
			if want := string(ar.Files[i].Data); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// report returns what a build of the error case ar reports after Load
// returned s and err, as TestErrors compares it: the errors, those of
// CheckPaths included, then the warnings, one per line.
func report(t *testing.T, s *Site, err error, ar *txtar.Archive) string {
	t.Helper()
	var list diag.List
	if err != nil && !errors.As(err, &list) {
		t.Fatalf("want a diag.List, got %v", err)
	}
	if err == nil || s.Listable(err) {
		list.Merge(s.CheckPaths(section(ar, "published"), section(ar, "ids")))
	}
	var warnings diag.List
	if s != nil {
		warnings = s.Warnings
	}
	list.Sort()
	warnings.Sort()
	var got string
	for _, e := range list {
		got += e.Error() + "\n"
	}
	for _, e := range warnings {
		got += "warning: " + e.Error() + "\n"
	}
	for _, e := range slices.Concat(list, warnings) {
		if e.Pos.Path == "" || e.Pos.Line < 1 || e.Pos.Col < 1 {
			t.Errorf("problem without a line: %v", e)
		}
	}
	return got
}

// section returns the lines of the archive's section name, if any.
func section(ar *txtar.Archive, name string) []string {
	for _, f := range ar.Files {
		if f.Name == name {
			return strings.Fields(string(f.Data))
		}
	}
	return nil
}

func TestWindowsFilesJustWork(t *testing.T) {
	fsys, _ := fixture(t, "testdata/base.txtar")
	orig := string(fsys["content/activities/trondelag/kor.md"].Data)
	crlf := "\xef\xbb\xbf" + strings.ReplaceAll(orig, "\n", "\r\n")
	fsys["content/activities/trondelag/kor.md"] = &fstest.MapFile{Data: []byte(crlf)}
	s, err := loadSite(t, fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Activities[0].Title; got != "Kor for alle" {
		t.Errorf("title %q", got)
	}
	// Positions still count lines as the editor sees them.
	fsys["content/activities/trondelag/kor.md"] = &fstest.MapFile{Data: []byte(strings.Replace(crlf, `mode = "physical"`, `mode = "fysisk"`, 1))}
	_, err = loadSite(t, fsys)
	if err == nil || !strings.Contains(err.Error(), "kor.md:9:8: unknown mode") {
		t.Errorf("got %v", err)
	}
}

func TestDraftsAreCheckedButNotPublished(t *testing.T) {
	fsys, _ := fixture(t, "testdata/base.txtar")
	kor := string(fsys["content/activities/trondelag/kor.md"].Data)
	fsys["content/activities/trondelag/utkast.md"] = &fstest.MapFile{Data: []byte(strings.Replace(kor, "+++\ntitle", "+++\ndraft = true\ntitle", 1))}
	s, err := loadSite(t, fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Activities) != 1 || len(s.Drafts) != 1 {
		t.Errorf("%d activities, %d drafts", len(s.Activities), len(s.Drafts))
	}
	fsys["content/activities/trondelag/utkast.md"] = &fstest.MapFile{Data: []byte(strings.Replace(kor, "+++\ntitle", "+++\ndraft = true\ncategory = \"x\"\ntitle", 1))}
	if _, err := loadSite(t, fsys); err == nil {
		t.Error("a draft with errors must fail the build")
	}
}

// onDisk writes fsys into a new folder and returns its path.
func onDisk(t *testing.T, fsys fstest.MapFS) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// On disk, a site is read through sitedir, which has its own limit
// check; the message is the same.
func TestHugeFileOnDisk(t *testing.T) {
	fsys, _ := fixture(t, "testdata/base.txtar")
	kor := string(fsys["content/activities/trondelag/kor.md"].Data)
	fsys["content/activities/trondelag/stor.md"] = &fstest.MapFile{Data: []byte(strings.Replace(kor, "Kor for alle", "Stor", 1) + strings.Repeat("Tekst som aldri slutter. ", 5<<20/25))}
	dir := onDisk(t, fsys)
	_, err := loadSite(t, sitedir.New(dir))
	if err == nil || err.Error() != "content/activities/trondelag/stor.md:1:1: the file is larger than 4 MB; split it into several files, or move data out of it" {
		t.Errorf("err %v", err)
	}
}

func TestHugeAndStrangeFiles(t *testing.T) {
	fsys, _ := fixture(t, "testdata/base.txtar")
	kor := string(fsys["content/activities/trondelag/kor.md"].Data)
	huge := kor + strings.Repeat("Tekst som aldri slutter. ", 50<<20/25)
	fsys["content/activities/trondelag/stor.md"] = &fstest.MapFile{Data: []byte(strings.Replace(huge, "Kor for alle", "Stor", 1))}
	fsys["content/pages/binaer.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"x\"\n+++\n\xff\xfe\x00\x01")}
	fsys["content/pages/dyp.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Dyp\"\n+++\n" + strings.Repeat(">", 10000) + " sitat\n\n" + strings.Repeat("- ", 10000) + "liste\n\n" + strings.Repeat("1. ", 10000) + "tall\n\n" + strings.Repeat("[", 10000) + strings.Repeat("*", 10000) + "x" + indented(300))}
	fsys["content/pages/dyp-toml.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"x\"\nsummary = " + strings.Repeat("[", 10000) + "\n+++\n")}
	fsys["content/pages/dyp-tabell.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"x\"\nsummary = " + strings.Repeat("{a = ", 10000) + "1" + strings.Repeat("}", 10000) + "\n+++\n")}
	fsys["content/pages/tom.md"] = &fstest.MapFile{Data: []byte{}}
	fsys["content/pages/bom.md"] = &fstest.MapFile{Data: []byte("\xef\xbb\xbf")}
	fsys["content/pages/bare-front.md"] = &fstest.MapFile{Data: []byte("+++\r\ntitle = \"Bare front\"\r\n+++")}
	fsys["content/pages/latin1.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Bl\xe5b\xe6r\"\n+++\n")}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := loadSite(t, fsys)
	runtime.ReadMemStats(&after)
	got := err.Error()
	for _, want := range []string{
		"content/activities/trondelag/stor.md:1:1: the file is larger than 4 MB",
		"content/pages/binaer.md:4:1: the file is not UTF-8 text",
		"content/pages/dyp-toml.md:3:",
		"content/pages/dyp-tabell.md:3:",
		"content/pages/tom.md:1:1:",
		"content/pages/bom.md:1:1:",
		"content/pages/latin1.md:2:",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "dyp.md") || strings.Contains(got, "bare-front.md") {
		t.Errorf("deeply nested Markdown and a page of only front matter are valid: %s", got)
	}
	for _, line := range strings.Split(got, "\n") {
		if !strings.HasPrefix(line, "content/") || !strings.Contains(line, ".md:") {
			t.Errorf("a problem without its file and line: %q", line)
		}
	}
	// The 50 MB file is refused from its size, not read: loading all of
	// this allocates a few megabytes.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("loading allocated %d MB", alloc>>20)
	}
}

// indented returns a list nested n levels deep by indentation, the
// nesting that costs goldmark most (each line is checked against every
// open list): 300 levels take a fraction of a second, 2,000 (4 MB, the
// size limit) about 8 s.
func indented(n int) string {
	var b strings.Builder
	b.WriteString("\n\n")
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- nivå\n")
	}
	return b.String()
}
