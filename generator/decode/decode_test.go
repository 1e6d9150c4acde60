package decode

import (
	"fmt"
	"strings"
	"testing"

	"moteplass/generator/diag"
)

type place struct {
	Name   string `toml:"name"`
	County string `toml:"county" req:"true"`
}

type chapter struct {
	ID    string `toml:"id" req:"true"`
	Title string `toml:"title"`
}

type yesNo bool

func (y *yesNo) UnmarshalTOMLValue(v any) error {
	s, ok := v.(string)
	if !ok || (s != "ja" && s != "nei") {
		return &Problem{Msg: "must be ja or nei", Hint: `write "ja" or "nei"`}
	}
	*y = s == "ja"
	return nil
}

type item struct {
	Title     string           `toml:"title" req:"true"`
	Audiences []string         `toml:"audiences"`
	Reach     int              `toml:"reach"`
	Share     float64          `toml:"share"`
	Draft     bool             `toml:"draft"`
	Free      yesNo            `toml:"free"`
	Grants    map[string]int   `toml:"grants"`
	Place     place            `toml:"place"`
	Chapters  []chapter        `toml:"chapters"`
	Skip      string           `toml:"-"`
	Extra     map[string]int64 `toml:"extra"`
}

func decodeString(t *testing.T, src string) (*item, *Doc, string) {
	t.Helper()
	// Put the TOML after a two-line prefix, as front matter sits in a file.
	file := "+++\n# kommentar\n" + src
	var it item
	doc, errs := Decode(diag.NewLines("a.md", []byte(file)), len("+++\n# kommentar\n"), []byte(src), &it)
	errs.Sort()
	return &it, doc, errs.Error()
}

func TestDecodeValid(t *testing.T) {
	it, doc, errs := decodeString(t, `title = "Kor for alle"
audiences = "eldre"
reach = 800
share = 12
draft = false
free = "ja"
grants = { 2022 = 600000, 2023 = 600000 }

[place]
name = "Frivilligsentralen"
county = "trondelag"

[[chapters]]
id = "trondheim"

[[chapters]]
id = "steinkjer"
title = """
Røde Kors
Steinkjer"""
`)
	if errs != "" {
		t.Fatal(errs)
	}
	want := `&{Kor for alle [eldre] 800 12 false true map[2022:600000 2023:600000] {Frivilligsentralen trondelag} [{trondheim } {steinkjer Røde Kors
Steinkjer}]  map[]}`
	if got := fmt.Sprint(it); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	for path, want := range map[string]string{
		"title":             "a.md:3:9",
		"place.county":      "a.md:13:10",
		"chapters[1].id":    "a.md:19:6",
		"chapters[1].title": "a.md:20:9",
		"grants.2023":       "a.md:9:34",
		"nope":              "a.md:3:1",
		"place.nope":        "a.md:11:1",
	} {
		if got := doc.Value(path).String(); got != want {
			t.Errorf("Value(%q) = %s, want %s", path, got, want)
		}
	}
	if !doc.Has("place.name") || doc.Has("place.address") {
		t.Error("Has is wrong")
	}
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown key", "titel = \"x\"\n", `a.md:3:1: missing required key "title"; add title = … at the top
a.md:3:1: unknown key "titel"; did you mean "title"?`},
		{"nested unknown", "title = \"x\"\n[place]\ncounty = \"oslo\"\nnavn = \"x\"\n", `a.md:6:1: unknown key "navn"; known keys here: name, county`},
		{"wrong types", "title = 5\nreach = \"800\"\ndraft = \"ja\"\n", `a.md:3:9: title must be text, not the number 5; write it in quotes: title = "5"
a.md:4:9: reach must be a whole number, not the text "800"; write the number without quotes or spaces, e.g. reach = 600000
a.md:5:9: draft must be true or false, not the text "ja"; write draft = true or draft = false, without quotes`},
		{"unmarshaler", "title = \"x\"\nfree = \"kanskje\"\n", `a.md:4:8: free: must be ja or nei; write "ja" or "nei"`},
		{"list element", "title = \"x\"\naudiences = [\"a\", 5]\n", `a.md:4:19: audiences[1] must be text, not the number 5; write it in quotes: audiences[1] = "5"`},
		{"required in table", "title = \"x\"\n[[chapters]]\ntitle = \"y\"\n", `a.md:4:1: missing required key "chapters[0].id"; add id = … under [chapters[0]]`},
		{"syntax", "title = \"x\"\nsummary = Hei\n", `a.md:4:11: invalid TOML: expected value but found "Hei" instead; text values need quotes, e.g. title = "Kor for alle"`},
		{"æøå columns", "title = \"Pårørende\"\nplace = 5\n", `a.md:4:9: place must be a table, not the number 5`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, got := decodeString(t, tt.src)
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestLocateTricky(t *testing.T) {
	src := `a = """
[not a table]
b = 1
"""
"quoted key" = 'x'
c.d = [
  1, # comment with ] bracket
  "]",
]
[t]
e = { f = 1, g = [2, 3] }
`
	spans := locate([]byte(src))
	var got []string
	for _, k := range []string{"a", "b", "not a table", "quoted key", "c.d", "c.d[1]", "t.e.f", "t.e.g[1]"} {
		if s, ok := spans[k]; ok {
			got = append(got, fmt.Sprintf("%s@%d", k, s.value))
		}
	}
	want := "a@4 quoted key@47 c.d@57 c.d[1]@91 t.e.f@112 t.e.g[1]@123"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}
