package scaffold

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"moteplass/generator/content"
	"moteplass/generator/markdown"
	"moteplass/generator/site"
)

const siteToml = `title = "Test"
base_url = "https://test.example.org/"
[[categories]]
key = "kultur"
title = "Kultur"
[[audiences]]
key = "eldre"
title = "Eldre"
`

var base = fstest.MapFS{
	"site.toml":                    {Data: []byte(siteToml)},
	"content/organisations/org.md": {Data: []byte("+++\ntitle = \"Org\"\n+++\n")},
	"content/projects/prosj.md":    {Data: []byte("+++\ntitle = \"P\"\norganisation = \"org\"\nstart = 2024-01-01\nstatus = \"ongoing\"\n+++\n")},
}

// fill answers every field a scaffold leaves for the editor.
var fill = strings.NewReplacer(
	`title = ""`, `title = "Tittel"`,
	`summary = ""`, `summary = "Kort om det."`,
	`organisation = ""`, `organisation = "org"`,
	`category = ""`, `category = "kultur"`,
	`audiences = []`, `audiences = ["eldre"]`,
	`mode = ""`, `mode = "digital"`,
	`start = ""`, `start = "2026-01-06 19:00"`,
	`status = ""`, `status = "planned"`,
	`project = ""`, `project = "prosj"`,
	`kind = ""`, `kind = "final"`,
)

func load(t *testing.T, fsys fstest.MapFS) error {
	t.Helper()
	cfg, err := site.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	_, err = content.Load(context.Background(), fsys, cfg, markdown.New(markdown.Options{}))
	return err
}

func TestNewThenFillBuildsCleanly(t *testing.T) {
	cfg, _ := site.Parse([]byte(siteToml))
	today := time.Date(2026, 11, 23, 10, 0, 0, 0, content.Oslo)
	for _, kind := range Kinds {
		t.Run(kind, func(t *testing.T) {
			files, err := Files(kind, "Nytt på Byåsen", Vocab(cfg, nil), today)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = v
			}
			for _, f := range files {
				if !strings.Contains(f.Path, "nytt-pa-byasen") {
					t.Errorf("path %s", f.Path)
				}
				fsys[f.Path] = &fstest.MapFile{Data: f.Data}
			}
			// Unfilled, the scaffold must not build: required fields are
			// left to the editor, not filled with invented values.
			if kind != "handbook" && kind != "page" {
				if err := load(t, fsys); err == nil {
					t.Error("an unfilled scaffold built")
				}
			}
			for _, f := range files {
				fsys[f.Path] = &fstest.MapFile{Data: []byte(fill.Replace(string(f.Data)))}
			}
			if err := load(t, fsys); err != nil {
				t.Errorf("filled scaffold does not build:\n%v\n%s", err, fsys[files[0].Path].Data)
			}
		})
	}
}

func TestCommentsNameAllowedValues(t *testing.T) {
	cfg, _ := site.Parse([]byte(siteToml))
	files, _ := Files("activity", "kor", Vocab(cfg, nil), time.Now())
	src := string(files[0].Data)
	for _, want := range []string{
		"# Kategori (må fylles ut). Tillatt: kultur\ncategory = \"\"",
		"Tillatt: digital, physical, hybrid\nmode = \"\"",
		"# [place]",
		"# county = \"\"",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("scaffold lacks %q", want)
		}
	}
}

func TestWriteRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	files := []File{{"content/pages/om.md", []byte("ny")}}
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, []File{{"content/pages/om.md", []byte("overskrevet")}}); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("got %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "content/pages/om.md")); string(data) != "ny" {
		t.Errorf("file was overwritten: %q", data)
	}
	if _, err := Files("podcast", "x", nil, time.Now()); err == nil {
		t.Error("unknown kind accepted")
	}
}
