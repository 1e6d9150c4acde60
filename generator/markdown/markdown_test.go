package markdown

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden renders every testdata/*.txtar case: the "md" file is the
// input, "html" the expected output; an "unsafe" file turns raw HTML on.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var src []byte
			var opt Options
			for _, f := range ar.Files {
				switch f.Name {
				case "md":
					src = f.Data
				case "unsafe":
					opt.Unsafe = true
				}
			}
			got, err := New(opt).HTML(src)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for i := range ar.Files {
				if ar.Files[i].Name == "html" {
					found = true
					if *update {
						ar.Files[i].Data = got
					} else if want := ar.Files[i].Data; string(got) != string(want) {
						t.Errorf("html differs\n--- got\n%s\n--- want\n%s", got, want)
					}
				}
			}
			if !found {
				ar.Files = append(ar.Files, txtar.File{Name: "html", Data: got})
				if !*update {
					t.Errorf("no html section; run with -update")
				}
			}
			if *update {
				os.WriteFile(file, txtar.Format(ar), 0o644)
			}
		})
	}
}

func TestSafeURL(t *testing.T) {
	tests := map[string]bool{
		"https://example.org":        true,
		"http://example.org":         true,
		"mailto:post@example.org":    true,
		"tel:+4755512345":            true,
		"../handboker/":              true,
		"#avsnitt":                   true,
		"bilde.png":                  true,
		"/a:b":                       true,
		"javascript:alert(1)":        false,
		"JavaScript:alert(1)":        false,
		"java\tscript:alert(1)":      false,
		" \x01javascript:alert(1)":   false,
		"data:text/html,<script>":    false,
		"data:image/png;base64,AAAA": false,
		"vbscript:msgbox":            false,
		"file:///etc/passwd":         false,
	}
	for u, want := range tests {
		if got := SafeURL(u); got != want {
			t.Errorf("SafeURL(%q) = %v, want %v", u, got, want)
		}
	}
}

func TestPlainText(t *testing.T) {
	src := []byte("# Tittel\n\nEn *viktig* [lenke](https://example.org) og \"sitat\".\n\n- punkt\n")
	got := PlainText(New(Options{}).Parse(src), src)
	want := "Tittel\nEn viktig lenke og «sitat».\npunkt"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if strings.Contains(got, "*") {
		t.Error("markup in plain text")
	}
}
