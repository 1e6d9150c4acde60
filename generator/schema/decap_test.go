package schema

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"moteplass/generator/build"
	"moteplass/generator/decode"
	"moteplass/generator/site"
)

// decapVocab is vocab with the lists a real site adds from its content.
func decapVocab() map[string][]string {
	v := vocab()
	v["audiences"] = []string{"parorende", "unge-16-30"}
	v["organisations"] = []string{"rode-kors"}
	v["projects"] = []string{"aktiv-besoksvenn"}
	v["site-languages"] = site.Languages
	return v
}

var decapOpts = DecapOptions{Title: "Test", BaseURL: "https://test.example.org/", ActivityFolders: []string{"oslo", "troms/tromso"}}

// TestDecapGolden keeps testdata/decap-config.yml, the config of a small
// site, as a reviewable picture of what Decap gets.
func TestDecapGolden(t *testing.T) {
	got, err := Decap(decapVocab(), decapOpts)
	if err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/decap-config.yml"
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil || !bytes.Equal(want, got) {
		t.Errorf("%s is out of date; run go test ./generator/schema -update and review the diff", golden)
	}
	again, _ := Decap(decapVocab(), decapOpts)
	if !bytes.Equal(got, again) {
		t.Error("two calls gave different bytes")
	}
}

// A decapField is a field item read back from the YAML.
type decapField struct {
	widget   string
	options  []string
	multiple bool
	required string
}

var (
	yamlLine   = regexp.MustCompile(`^( *)(- )?([a-z_]+):(?: (.*))?$`)
	yamlScalar = regexp.MustCompile(`^("(?:[^"\\]|\\.)*"|true|false|-?[0-9]+|[&*][a-z-]+)$`)
	yamlItem   = regexp.MustCompile(`^( *)- ("(?:[^"\\]|\\.)*")$`)
)

// readDecap reads the generated YAML line by line: there is no YAML
// parser in go.mod, and the writer's subset is small. It returns, per
// collection, its folder and its fields by dotted path ("schedule.start"),
// and fails on any line outside that subset.
func readDecap(t *testing.T, data []byte) (folders map[string]string, fields map[string]map[string]*decapField) {
	t.Helper()
	folders = map[string]string{}
	fields = map[string]map[string]*decapField{}
	type open struct {
		indent int
		name   string
		f      *decapField
	}
	var coll string
	anchors := map[string]string{} // anchor: the collection whose fields it names
	var stack []open               // field items enclosing the current line
	var listKey string
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if strings.HasPrefix(strings.TrimLeft(line, " "), "# ") {
			continue
		}
		if m := yamlItem.FindStringSubmatch(line); m != nil {
			if listKey != "options" || len(stack) == 0 {
				t.Fatalf("line %d: a list item outside options: %q", i+1, line)
			}
			f := stack[len(stack)-1].f
			f.options = append(f.options, unquote(t, m[2]))
			continue
		}
		m := yamlLine.FindStringSubmatch(line)
		if m == nil || len(m[1])%2 != 0 || m[4] != "" && !yamlScalar.MatchString(m[4]) {
			t.Fatalf("line %d is not the YAML the writer writes: %q", i+1, line)
		}
		indent, item, key, value := len(m[1]), m[2] != "", m[3], m[4]
		if item {
			indent += 2 // where the item's keys are
		}
		for len(stack) > 0 && stack[len(stack)-1].indent > indent || len(stack) > 0 && item && stack[len(stack)-1].indent == indent {
			stack = stack[:len(stack)-1]
		}
		listKey = ""
		if value == "" {
			listKey = key
		}
		switch {
		case item && indent == 4 && key == "name":
			coll = unquote(t, value)
			fields[coll] = map[string]*decapField{}
			stack = nil
		case indent == 4 && key == "folder":
			folders[coll] = unquote(t, value)
		case indent == 4 && key == "fields" && strings.HasPrefix(value, "&"):
			anchors[value[1:]] = coll
		case indent == 4 && key == "fields" && strings.HasPrefix(value, "*"):
			from, ok := anchors[value[1:]]
			if !ok {
				t.Fatalf("line %d: alias before its anchor: %q", i+1, line)
			}
			fields[coll] = fields[from]
		case item && key == "label":
			stack = append(stack, open{indent: indent, f: &decapField{}})
		case key == "name" && len(stack) > 0 && stack[len(stack)-1].indent == indent && stack[len(stack)-1].name == "":
			stack[len(stack)-1].name = unquote(t, value)
			var names []string
			for _, o := range stack {
				names = append(names, o.name)
			}
			fields[coll][strings.Join(names, ".")] = stack[len(stack)-1].f
		case len(stack) > 0 && stack[len(stack)-1].indent == indent:
			f := stack[len(stack)-1].f
			switch key {
			case "widget":
				f.widget = unquote(t, value)
			case "multiple":
				f.multiple = value == "true"
			case "required":
				f.required = value
			}
		}
	}
	return folders, fields
}

func unquote(t *testing.T, s string) string {
	t.Helper()
	var v string
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	return v
}

// TestDecapCoversTheTypes checks every field of every kind Decap edits
// against its Go type: each key is a field of its collection, required
// as in Go, with the vocabulary's values as options.
func TestDecapCoversTheTypes(t *testing.T) {
	vocab := decapVocab()
	data, err := Decap(vocab, decapOpts)
	if err != nil {
		t.Fatal(err)
	}
	folders, fields := readDecap(t, data)
	wantFolders := map[string]string{
		"organisations":           "content/organisations",
		"projects":                "content/projects",
		"activities":              "content/activities",
		"activities-oslo":         "content/activities/oslo",
		"activities-troms-tromso": "content/activities/troms/tromso",
		"reports":                 "content/reports",
		"pages":                   "content/pages",
	}
	if !reflect.DeepEqual(folders, wantFolders) {
		t.Errorf("collections %v, want %v", folders, wantFolders)
	}
	kindOf := map[string]string{"organisations": "organisation", "projects": "project", "reports": "report", "pages": "page"}
	for coll := range folders {
		kind := kindOf[coll]
		if strings.HasPrefix(coll, "activities") {
			kind = "activity"
		}
		k, _ := kindNamed(kind)
		got := fields[coll]
		want := map[string]bool{"body": true}
		var walk func(prefix string, typ reflect.Type)
		walk = func(prefix string, typ reflect.Type) {
			for _, f := range decode.Fields(typ) {
				p := prefix + f.Key
				if f.Type.Kind() == reflect.Map {
					if !strings.Contains(string(data), "# "+f.Key+" (") {
						t.Errorf("%s: %s is neither a field nor explained in a comment", coll, p)
					}
					continue
				}
				want[p] = true
				g := got[p]
				if g == nil {
					t.Errorf("%s: no field %s", coll, p)
					continue
				}
				if g.required != map[bool]string{true: "true", false: "false"}[f.Required] {
					t.Errorf("%s: %s required: %s, want %v", coll, p, g.required, f.Required)
				}
				if values := vocab[f.Vocab]; len(values) > 0 {
					multiple := f.Type.Kind() == reflect.Slice
					if g.widget != "select" || g.multiple != multiple || !slices.Equal(g.options, values) {
						t.Errorf("%s: %s is %s (multiple %v) with %q, want a select of %q", coll, p, g.widget, g.multiple, g.options, values)
					}
				}
				elem := f.Type
				if elem.Kind() == reflect.Slice {
					elem = elem.Elem()
				}
				if elem.Kind() == reflect.Struct && elem != dateType && elem != dateTimeType {
					walk(p+".", elem)
				}
			}
		}
		walk("", k.Type)
		for p := range got {
			if !want[p] {
				t.Errorf("%s: field %s is not in the Go type", coll, p)
			}
		}
	}
	// Handbooks are folders of chapters; the comment says so.
	if strings.Contains(string(data), "content/handbooks") || !strings.Contains(string(data), "handbooks") {
		t.Error("handbooks: no collection, and a comment saying why")
	}
}

func TestYAMLQuote(t *testing.T) {
	for _, s := range []string{"", "Kor for alle", `sitat "og" \ skråstrek`, "linje\nlinje\ttab\r", "\x00\x1f\x7f\u0085\u009f\u00a0", "\u2028\u2029\ufeff", "æøå 👋 …", "{{slug}}", "# ikke kommentar: - [x]"} {
		q := yamlQuote(s)
		if strings.ContainsAny(q, "\n\r\t\x7f\u0085\u2028\ufeff") {
			t.Errorf("%q: a raw character YAML would not keep: %s", s, q)
		}
		var back string
		if err := json.Unmarshal([]byte(q), &back); err != nil || back != s {
			t.Errorf("%q quoted as %s reads back as %q (%v)", s, q, back, err)
		}
	}
}

func TestActivityFolders(t *testing.T) {
	fsys := fstest.MapFS{
		"content/activities/kafe.md":             {},
		"content/activities/oslo/kor.md":         {},
		"content/activities/oslo/bilde.png":      {},
		"content/activities/troms/tromso/ips.md": {},
		"content/activities/tom/bilde.png":       {},
		"content/activities/.utkast/notat.md":    {},
		"content/organisations/rode-kors.md":     {},
	}
	got, err := ActivityFolders(fsys)
	if err != nil || !slices.Equal(got, []string{"oslo", "troms/tromso"}) {
		t.Errorf("got %q, %v", got, err)
	}
	if got, err := ActivityFolders(fstest.MapFS{}); err != nil || got != nil {
		t.Errorf("no activities folder: %q, %v", got, err)
	}
}

// TestDecapRoundTrip loads an activity written the way Decap writes one
// with this config (datetimes as "YYYY-MM-DD HH:mm" text, dates as
// "YYYY-MM-DD", numbers, booleans, lists, tables) with what moteplass
// check runs: the build must accept what the forms produce.
func TestDecapRoundTrip(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml": {Data: []byte(`title = "Test"
base_url = "https://test.example.org/"
[[categories]]
key = "kultur"
title = "Kor og kultur"
[[audiences]]
key = "parorende"
title = "Pårørende"
`)},
		"content/organisations/rode-kors.md": {Data: []byte(`+++
title = "Røde Kors"
email = "post@rodekors.example.org"
reviewed = "2026-01-05"

[[chapters]]
id = "oslo"
title = "Oslo Røde Kors"
county = "oslo"
+++
Om oss.
`)},
		"content/projects/aktiv-besoksvenn.md": {Data: []byte(`+++
title = "Aktiv Besøksvenn"
organisation = "rode-kors"
start = "2024-09-02"
end = ""
status = "ongoing"
target_reach = 200
+++
`)},
		// As Decap's TOML writer lays it out: keys in field order, tables
		// after, integers without a decimal point, "" for text and dates
		// cleared in the form (the project's end above).
		"content/activities/oslo/kor-for-alle.md": {Data: []byte(`+++
title = "Kor for alle"
summary = "Vi synger sammen."
organisation = "rode-kors"
chapter = "oslo"
project = "aktiv-besoksvenn"
category = "kultur"
audiences = [ "parorende" ]
mode = "hybrid"
languages = [ "nb", "en" ]
cost = "Gratis"
accessibility = ""
language = ""
draft = false
reviewed = "2026-01-05"

[schedule]
start = "2026-01-06 19:00"
end = "2026-01-06 20:30"
repeat = "FREQ=WEEKLY;BYDAY=TU"
until = "2026-06-30 20:30"

[place]
name = "Frivillighetshuset"
municipality = "Oslo"
county = "oslo"

[online]
platform = ""
join = "https://zoom.example.org/j/1"
public = false

[signup]
email = "kor@rodekors.example.org"
deadline = "2026-01-05"
capacity = 30
required = true
+++
Ta med godt humør.
`)},
		"content/reports/midtveis.md": {Data: []byte(`+++
title = "Midtveis"
project = "aktiv-besoksvenn"
kind = "midterm"
date = "2025-06-01"
authors = [ "Kari" ]

[reach]
planned = 200
actual = 120

[[figures]]
title = "Deltakere"
type = "bar"
labels = [ "2024", "2025" ]
values = [ 40, 80.5 ]
+++
`)},
	}
	if _, err := build.Load(context.Background(), fsys); err != nil {
		t.Fatalf("content Decap would write is rejected:\n%v", err)
	}
}
