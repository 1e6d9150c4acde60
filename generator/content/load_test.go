package content

import (
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"moteplass/generator/diag"
	"moteplass/generator/markdown"
	"moteplass/generator/site"
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
			if f.Name != "errors" {
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
// problem reported with the case's "errors" section.
func TestErrors(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.txtar")
	if len(files) < 10 {
		t.Fatalf("only %d error cases", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			fsys, ar := fixture(t, file)
			_, err := loadSite(t, fsys)
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("want a diag.List, got %v", err)
			}
			got := list.Error() + "\n"
			for _, e := range list {
				if e.Pos.Path == "" || e.Pos.Line < 1 || e.Pos.Col < 1 {
					t.Errorf("problem without a line: %v", e)
				}
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

func TestHugeAndStrangeFiles(t *testing.T) {
	fsys, _ := fixture(t, "testdata/base.txtar")
	kor := string(fsys["content/activities/trondelag/kor.md"].Data)
	huge := kor + strings.Repeat("Tekst som aldri slutter. ", 50<<20/25)
	fsys["content/activities/trondelag/stor.md"] = &fstest.MapFile{Data: []byte(strings.Replace(huge, "Kor for alle", "Stor", 1))}
	fsys["content/pages/binaer.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"x\"\n+++\n\xff\xfe\x00\x01")}
	fsys["content/pages/dyp.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Dyp\"\n+++\n" + strings.Repeat(">", 5000) + " sitat\n\n" + strings.Repeat("- ", 2000) + "liste\n\n" + strings.Repeat("[", 5000))}
	fsys["content/pages/dyp-toml.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"x\"\nsummary = " + strings.Repeat("[", 3000) + "\n+++\n")}
	_, err := loadSite(t, fsys)
	got := err.Error()
	for _, want := range []string{
		"content/activities/trondelag/stor.md:1:1: the file is larger than 4 MB",
		"content/pages/binaer.md:4:1: the file is not UTF-8 text",
		"content/pages/dyp-toml.md:3:",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "dyp.md") {
		t.Errorf("deeply nested Markdown is valid: %s", got)
	}
}
