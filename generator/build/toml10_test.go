package build

import (
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
)

// toml11Time matches a date and time without seconds written as a TOML
// value (start = 2026-01-06 19:00). TOML 1.1 allows it and the loader
// reads it, but TOML 1.0 tools such as Taplo (VS Code's Even Better
// TOML, recommended in docs/editors.md) reject the whole file.
var toml11Time = regexp.MustCompile(`(^|[=\[,{]\s*)\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d([^:\d]|$)`)

// TestExampleIsTOML10 keeps the example site, which editors copy from,
// readable by TOML 1.0 tools: a datetime without seconds is quoted,
// start = "2026-01-06 19:00", which the loader reads as Oslo time.
func TestExampleIsTOML10(t *testing.T) {
	fsys := os.DirFS("../..")
	paths := []string{"site.toml"}
	fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return nil
	})
	if len(paths) < 30 {
		t.Fatalf("only %d files", len(paths))
	}
	for _, p := range paths {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if p != "site.toml" {
			// Only the front matter is TOML.
			parts := strings.SplitN(text, "+++", 3)
			if len(parts) < 3 {
				continue
			}
			text = parts[1]
		}
		for i, line := range strings.Split(text, "\n") {
			if toml11Time.MatchString(line) {
				t.Errorf("%s:%d: %q is TOML 1.1 only; write it quoted, as \"2026-01-06 19:00\"", p, i+1, strings.TrimSpace(line))
			}
		}
	}
}
