package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"moteplass/generator/schema"
)

// kindOfFile names the schema a site file is checked against, by where it
// lives, as DESIGN.md lays the content folder out.
func kindOfFile(p string) string {
	parts := strings.Split(p, "/")
	switch {
	case p == "site.toml":
		return "site"
	case len(parts) < 3 || parts[0] != "content" || path.Ext(p) != ".md":
		return ""
	case parts[1] == "organisations":
		return "organisation"
	case parts[1] == "projects":
		return "project"
	case parts[1] == "activities":
		return "activity"
	case parts[1] == "reports":
		return "report"
	case parts[1] == "pages":
		return "page"
	case parts[1] == "handbooks" && path.Base(p) == "index.md":
		return "handbook"
	case parts[1] == "handbooks":
		return "chapter"
	}
	return ""
}

// frontMatter returns the TOML between a file's two +++ lines.
func frontMatter(t *testing.T, name string, src []byte) string {
	t.Helper()
	src = bytes.ReplaceAll(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), []byte("\r\n"), []byte("\n"))
	rest, ok := bytes.CutPrefix(src, []byte("+++\n"))
	if !ok {
		t.Fatalf("%s: no front matter", name)
	}
	fm, _, ok := bytes.Cut(rest, []byte("\n+++"))
	if !ok {
		t.Fatalf("%s: front matter not closed", name)
	}
	return string(fm)
}

// writeSchemas runs moteplass schema --site site --out DIR and reads back
// what it wrote, by kind.
func writeSchemas(t *testing.T, site string) map[string]map[string]any {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "schemas")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"schema", "--site", site, "--out", dir}, &stdout, &stderr); code != exitOK {
		t.Fatalf("moteplass schema: exit %d\n%s", code, stderr.String())
	}
	if want := "Wrote 8 schemas and a Decap CMS config (decap-config.yml) to " + dir + "\n"; stdout.String() != want || stderr.Len() > 0 {
		t.Errorf("stdout %q, stderr %q; want %q", stdout.String(), stderr.String(), want)
	}
	schemas := map[string]map[string]any{}
	for _, k := range schema.Kinds {
		data, err := os.ReadFile(filepath.Join(dir, k.Name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var s map[string]any
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatalf("%s.json: %v", k.Name, err)
		}
		if s["$schema"] != "http://json-schema.org/draft-04/schema#" || s["type"] != "object" {
			t.Errorf("%s.json: $schema %v, type %v", k.Name, s["$schema"], s["type"])
		}
		schemas[k.Name] = s
	}
	return schemas
}

// TestSchemaValidatesExample runs moteplass schema on the example site
// and checks site.toml and the front matter of every content file against
// its kind's schema: what the build accepts, an editor's schema-aware
// tool must accept too.
func TestSchemaValidatesExample(t *testing.T) {
	schemas := writeSchemas(t, "../..")
	counts := map[string]int{}
	err := fs.WalkDir(os.DirFS("../.."), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != "." && p != "content" && !strings.HasPrefix(p, "content/") {
			return fs.SkipDir
		}
		kind := kindOfFile(p)
		if d.IsDir() || kind == "" {
			return nil
		}
		src, err := os.ReadFile(filepath.Join("../..", filepath.FromSlash(p)))
		if err != nil {
			return err
		}
		text := string(src)
		if kind != "site" {
			text = frontMatter(t, p, src)
		}
		v, err := tomlAsJSON(text)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		for _, e := range validate(schemas[kind], v, "") {
			t.Errorf("%s (%s schema): %s", p, kind, e)
		}
		counts[kind]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range schema.Kinds {
		if counts[k.Name] == 0 {
			t.Errorf("no example file of kind %s checked", k.Name)
		}
	}
	if counts["activity"] < 30 {
		t.Errorf("only %d activities checked", counts["activity"])
	}
}

// TestSchemaCatches makes sure the check can fail: front matter the build
// rejects is rejected by the schema too.
func TestSchemaCatches(t *testing.T) {
	schemas := writeSchemas(t, "../..")
	good := `title = "Kor"
summary = "Vi synger."
organisation = "rode-kors"
category = "kultur"
audiences = ["eldre"]
mode = "physical"
[schedule]
start = 2026-01-08T18:00:00+01:00
end = "2026-01-08 19:30"
[place]
municipality = "Trondheim"
county = "trondelag"
`
	if errs := validate(schemas["activity"], mustTOML(t, good), ""); len(errs) > 0 {
		t.Fatalf("a valid activity fails: %v", errs)
	}
	// An optional date cleared in a form is "", which the build reads as
	// no date.
	if errs := validate(schemas["activity"], mustTOML(t, strings.Replace(good, `end = "2026-01-08 19:30"`, `end = ""`, 1)), ""); len(errs) > 0 {
		t.Errorf("an empty optional date fails: %v", errs)
	}
	for _, tt := range []struct{ name, old, new, want string }{
		{"typo", `summary =`, `sumary =`, `key "sumary" is not allowed`},
		{"missing", `title = "Kor"` + "\n", ``, `required key "title" is missing`},
		{"vocabulary", `mode = "physical"`, `mode = "fysisk"`, `mode: fysisk is not one of`},
		{"type", `audiences = ["eldre"]`, `audiences = "eldre"`, `audiences: a string where the schema wants array`},
		{"nested", `county = "trondelag"`, `county = "trøndelag"`, `place.county: trøndelag is not one of`},
		{"date", `end = "2026-01-08 19:30"`, `end = "8. januar"`, `schedule.end: "8. januar" does not match`},
		{"empty required date", `start = 2026-01-08T18:00:00+01:00`, `start = ""`, `schedule.start: "" does not match`},
		{"integer", `mode = "physical"`, "mode = \"physical\"\n[signup]\ncapacity = 2.5", `signup.capacity: a number where the schema wants integer`},
	} {
		errs := validate(schemas["activity"], mustTOML(t, strings.Replace(good, tt.old, tt.new, 1)), "")
		if len(errs) == 0 || !strings.Contains(strings.Join(errs, "\n"), tt.want) {
			t.Errorf("%s: got %q, want an error with %q", tt.name, errs, tt.want)
		}
	}
	// A keyword the validator does not know fails rather than passing.
	if errs := validate(map[string]any{"type": "object", "maxProperties": 1.0}, map[string]any{}, ""); len(errs) != 1 {
		t.Errorf("unknown keyword: %v", errs)
	}
}

func mustTOML(t *testing.T, src string) map[string]any {
	t.Helper()
	v, err := tomlAsJSON(src)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
