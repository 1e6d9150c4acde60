package scaffold

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"moteplass/generator/content"
	"moteplass/generator/site"
)

// toml11Time matches a date and time without seconds written as a TOML
// value (start = 2026-01-06 19:00): TOML 1.1 allows it, TOML 1.0 tools
// such as Taplo (VS Code's Even Better TOML) reject the whole file.
var toml11Time = regexp.MustCompile(`(^|[=\[,{]\s*)\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d([^:\d]|$)`)

// TestScaffoldWritesTOML10 makes sure every file moteplass new writes is
// TOML 1.0, which every editor program reads: datetimes are quoted
// ("2026-01-06 20:30"), dates are plain TOML dates.
func TestScaffoldWritesTOML10(t *testing.T) {
	cfg, _ := site.Parse([]byte(siteToml))
	today := time.Date(2026, 11, 23, 10, 0, 0, 0, content.Oslo)
	for _, kind := range Kinds {
		files, err := Files(kind, "Prøve", Vocab(cfg, nil), today)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			for i, line := range strings.Split(string(f.Data), "\n") {
				// Commented-out fields are written to be uncommented.
				if toml11Time.MatchString(strings.TrimLeft(line, "# ")) {
					t.Errorf("%s:%d: %q is TOML 1.1 only; quote the datetime", f.Path, i+1, line)
				}
			}
		}
	}
}

func TestTOML11TimeMatches(t *testing.T) {
	for _, s := range []string{"start = 2026-01-06 19:00", "end=2026-01-06T19:00", "until = 2026-06-30 08:15 # kveld"} {
		if !toml11Time.MatchString(s) {
			t.Errorf("%q is not caught", s)
		}
	}
	for _, s := range []string{`start = "2026-01-06 19:00"`, "start = 2026-01-06T19:00:00+01:00", "start = 2026-01-06 19:00:00", "date = 2026-01-06"} {
		if toml11Time.MatchString(s) {
			t.Errorf("%q is TOML 1.0", s)
		}
	}
}
