// Package scaffold writes new content files for `moteplass new`: every
// field of the kind, with a short Norwegian comment saying what it means
// and which values are allowed, taken from the content model and the
// site's vocabularies. Required fields are left empty to be filled in;
// optional ones are commented out.
package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"moteplass/generator/content"
	"moteplass/generator/decode"
	"moteplass/generator/site"
	"moteplass/generator/slug"
)

// Kinds lists what `moteplass new` can make.
var Kinds = []string{"activity", "organisation", "project", "handbook", "report", "page"}

// Vocab returns the allowed values of each vocabulary a field can name
// in its `vocab` tag, for comments, schemas and forms. s may be nil when
// the site's content could not be loaded: references are then left out.
func Vocab(cfg *site.Config, s *content.Site) map[string][]string {
	v := map[string][]string{
		"categories":     site.Keys(cfg.Categories),
		"audiences":      site.Keys(cfg.Audiences),
		"modes":          site.Modes,
		"statuses":       site.Statuses,
		"report-kinds":   site.ReportKinds,
		"figure-types":   {"bar", "line"},
		"counties":       site.CountyKeys(),
		"site-languages": site.Languages,
	}
	if s != nil {
		for _, o := range s.Organisations {
			v["organisations"] = append(v["organisations"], o.Slug)
		}
		for _, p := range s.Projects {
			v["projects"] = append(v["projects"], p.Slug)
		}
	}
	return v
}

// A File is one file to write, relative to the site folder.
type File struct {
	Path string
	Data []byte
}

// Files returns the files `moteplass new kind name` writes. today fills
// dates that mean "now" (reviewed, a handbook's date).
func Files(kind, name string, vocab map[string][]string, today time.Time) ([]File, error) {
	s := slug.Make(name)
	if s == "" {
		return nil, fmt.Errorf("%q has no letters or digits to make a file name from", name)
	}
	day := today.Format("2006-01-02")
	switch kind {
	case "activity":
		return []File{{"content/activities/" + s + ".md", frontMatter(reflect.TypeFor[content.Activity](), vocab, day, activityBody)}}, nil
	case "organisation":
		return []File{{"content/organisations/" + s + ".md", frontMatter(reflect.TypeFor[content.Organisation](), vocab, day, "Skriv om organisasjonen her: hvem dere er, hva dere tilbyr og hvordan man blir med.\n")}}, nil
	case "project":
		return []File{{"content/projects/" + s + ".md", frontMatter(reflect.TypeFor[content.Project](), vocab, day, "## Bakgrunn\n\n## Mål\n\n## Slik gjennomfører vi prosjektet\n")}}, nil
	case "handbook":
		return []File{
			{"content/handbooks/" + s + "/index.md", frontMatter(reflect.TypeFor[content.Handbook](), vocab, day, "Forord: hvem håndboken er for, og hvordan den ble til.\n")},
			{"content/handbooks/" + s + "/01-innledning.md", frontMatter(reflect.TypeFor[content.HandbookChapter](), vocab, day, "## Hvorfor denne håndboken\n\nKapitler er egne filer ved siden av index.md: 02-….md, 03-….md. Bilder legges i samme mappe.\n")},
		}, nil
	case "report":
		return []File{{"content/reports/" + s + ".md", frontMatter(reflect.TypeFor[content.Report](), vocab, day, "## Sammendrag\n\n## Hva vi har gjort\n\n## Hva vi har lært\n")}}, nil
	case "page":
		return []File{{"content/pages/" + s + ".md", frontMatter(reflect.TypeFor[content.Page](), vocab, day, "Skriv sidens tekst her.\n")}}, nil
	}
	return nil, fmt.Errorf("unknown kind %q; use one of: %s", kind, strings.Join(Kinds, ", "))
}

const activityBody = `## Hva skjer

Fortell hva som skjer, hvordan et første møte er, og hva man bør ta med.

## Trygt og fortrolig

Skriv om taushetsplikt og hvordan man kan delta anonymt.
`

// Write writes files into the site folder dir, refusing to replace any
// file that exists: nothing is written then.
func Write(dir string, files []File) error {
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, f.Path)); err == nil {
			return fmt.Errorf("%s already exists; choose another name or edit that file", f.Path)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	for _, f := range files {
		p := filepath.Join(dir, f.Path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		fd, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		_, err = fd.Write(f.Data)
		if cerr := fd.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// frontMatter writes the front matter of type t, then body.
func frontMatter(t reflect.Type, vocab map[string][]string, day, body string) []byte {
	var b bytes.Buffer
	b.WriteString("+++\n")
	writeTable(&b, t, "", vocab, day, false)
	b.WriteString("+++\n")
	b.WriteString(body)
	return b.Bytes()
}

var (
	dateType     = reflect.TypeFor[content.Date]()
	dateTimeType = reflect.TypeFor[content.DateTime]()
)

// writeTable writes the keys of struct type t; tables follow the plain
// keys, as TOML requires. Inside an optional table every line is
// commented out.
func writeTable(b *bytes.Buffer, t reflect.Type, prefix string, vocab map[string][]string, day string, commented bool) {
	fields := decode.Fields(t)
	for _, f := range fields {
		if isTable(f.Type) {
			continue
		}
		comment(b, f, vocab, commented)
		line := f.Key + " = " + placeholder(f, day)
		if commented || !f.Required && !(f.Key == "reviewed" || f.Key == "date") {
			line = "# " + line
		}
		b.WriteString(line + "\n")
	}
	for _, f := range fields {
		if !isTable(f.Type) {
			continue
		}
		if f.Type.Kind() == reflect.Map {
			b.WriteString("\n")
			comment(b, f, vocab, true)
			b.WriteString("# [" + join(prefix, f.Key) + "]\n# 2026 = 100000\n")
			continue
		}
		elem := f.Type
		header := "[" + join(prefix, f.Key) + "]"
		if f.Type.Kind() == reflect.Slice {
			elem = f.Type.Elem()
			header = "[" + header + "]"
		}
		off := commented || !f.Required
		b.WriteString("\n")
		comment(b, f, vocab, off)
		if off {
			b.WriteString("# ")
		}
		b.WriteString(header + "\n")
		writeTable(b, elem, join(prefix, f.Key), vocab, day, off)
	}
}

func isTable(t reflect.Type) bool {
	if t == dateType || t == dateTimeType {
		return false
	}
	return t.Kind() == reflect.Struct || t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct || t.Kind() == reflect.Map
}

func comment(b *bytes.Buffer, f decode.Field, vocab map[string][]string, commented bool) {
	text := f.Doc
	if f.Required {
		text += " (må fylles ut)"
	}
	if values := vocab[f.Vocab]; len(values) > 0 && len(values) <= 40 {
		text += ". Tillatt: " + strings.Join(values, ", ")
	}
	if text == "" {
		return
	}
	b.WriteString("# " + text + "\n")
}

func placeholder(f decode.Field, day string) string {
	switch {
	case f.Type == dateType && (f.Key == "reviewed" || f.Key == "date"):
		return day
	case f.Type == dateType && f.Required:
		return `""`
	case f.Type == dateType:
		return `"2026-01-31"`
	case f.Type == dateTimeType && f.Key == "until":
		return `"2026-06-30"`
	case f.Type == dateTimeType && f.Required:
		return `""`
	case f.Type == dateTimeType:
		return `"2026-01-06 20:30"`
	case f.Type.Kind() == reflect.Bool:
		return "false"
	case f.Type.Kind() == reflect.Int:
		return "0"
	case f.Type.Kind() == reflect.Slice:
		return "[]"
	}
	return `""`
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}
