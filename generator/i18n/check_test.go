package i18n

import (
	"errors"
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"moteplass/generator/diag"
	"moteplass/themes"
)

// siteTheme returns the theme of a site whose own themes/default/ folder
// holds files, each the built-in file of that name edited by edit.
func siteTheme(t *testing.T, files map[string]func(string) string) fs.FS {
	t.Helper()
	site := fstest.MapFS{}
	for name, edit := range files {
		src, err := fs.ReadFile(themes.Default(), name)
		if err != nil {
			src = nil // a file the built-in theme lacks
		}
		site["themes/default/"+name] = &fstest.MapFile{Data: []byte(edit(string(src)))}
	}
	theme, err := themes.Open(site, "default")
	if err != nil {
		t.Fatal(err)
	}
	return theme
}

func without(key string) func(string) string {
	return func(src string) string {
		var out []string
		for _, line := range strings.Split(src, "\n") {
			if !strings.HasPrefix(line, key+" =") {
				out = append(out, line)
			}
		}
		return strings.Join(out, "\n")
	}
}

// loadErr loads code from theme and returns its problems, which must be
// content errors (a diag.List), one per line.
func loadErr(t *testing.T, theme fs.FS, code string) string {
	t.Helper()
	_, err := Load(theme, code)
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("Load(%s): %v is not a diag.List", code, err)
	}
	return list.Error()
}

// TestSiteTranslationMissingKey: a site's own language file that lacks a
// key is a content error at the file and section, naming the file that
// has the key and the line to add.
func TestSiteTranslationMissingKey(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]func(string) string
		code  string
		want  string
	}{{
		"own nb.toml lacks a key of the built-in nb.toml",
		map[string]func(string) string{"i18n/nb.toml": without("skip")},
		"nb",
		`themes/default/i18n/nb.toml:31:1: missing translation for ui.skip, which the built-in theme's i18n/nb.toml has; add under [ui]: skip = "Hopp til hovedinnholdet"`,
	}, {
		"own nn.toml lacks a key of nb.toml",
		map[string]func(string) string{"i18n/nn.toml": without("skip")},
		"nn",
		`themes/default/i18n/nn.toml:31:1: missing translation for ui.skip, which the built-in theme's i18n/nb.toml has; add under [ui]: skip = "Hopp til hovudinnhaldet"`,
	}, {
		"own nn.toml lacks a key only the site's nb.toml has",
		map[string]func(string) string{
			"i18n/nb.toml": func(s string) string { return s + "lokal = \"Lokal tekst\"\n" },
			"i18n/nn.toml": func(s string) string { return s },
		},
		"nn",
		`themes/default/i18n/nn.toml:31:1: missing translation for ui.lokal, which themes/default/i18n/nb.toml has; add under [ui]: lokal = "…", translating "Lokal tekst"`,
	}, {
		"the built-in nn.toml lacks a key the site's nb.toml added",
		map[string]func(string) string{"i18n/nb.toml": func(s string) string { return s + "lokal = \"Lokal tekst\"\n" }},
		"nn",
		`themes/default/i18n/nb.toml:` + lineCount(t, "i18n/nb.toml") + `:1: ui.lokal has no translation in the built-in theme's i18n/nn.toml; add themes/default/i18n/nn.toml with a translation under [ui], or remove the key`,
	}, {
		"a recurrence phrase, and no [ui] at all",
		map[string]func(string) string{"i18n/en.toml": func(s string) string {
			s, _, _ = strings.Cut(s, "[ui]")
			return without("weekly")(s)
		}},
		"en",
		`themes/default/i18n/en.toml:16:1: missing translation for recurrence.weekly, which the built-in theme's i18n/nb.toml has; add under [recurrence]: weekly = "every {days}"` + "\n" +
			`themes/default/i18n/en.toml:1:1: missing translation for ui.skip, which the built-in theme's i18n/nb.toml has; add under [ui]: skip = "Skip to main content"`,
	}, {
		"TOML that does not parse",
		map[string]func(string) string{"i18n/nb.toml": func(s string) string { return strings.Replace(s, `skip = "Hopp`, `skip = Hopp`, 1) }},
		"nb",
		"themes/default/i18n/nb.toml:32:8: ",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErr(t, siteTheme(t, tt.files), tt.code)
			for _, want := range strings.Split(tt.want, "\n") {
				if !strings.Contains(got+"\n", want) {
					t.Errorf("got\n%s\nwant a line starting\n%s", got, want)
				}
			}
		})
	}
}

// lineCount returns the number of the line after the last of the
// built-in file name, where an appended key lands.
func lineCount(t *testing.T, name string) string {
	return strconv.Itoa(strings.Count(string(mustRead(t, name)), "\n") + 1)
}

// TestBuiltinTranslationsComplete: every built-in language file has every
// key of nb.toml, so an untouched site never sees these errors.
func TestBuiltinTranslationsComplete(t *testing.T) {
	site := fstest.MapFS{"themes/default/i18n/nb.toml": &fstest.MapFile{Data: mustRead(t, "i18n/nb.toml")}}
	theme, err := themes.Open(site, "default")
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"nb", "nn", "en"} {
		if _, err := Load(theme, code); err != nil {
			t.Errorf("%s: %v", code, err)
		}
		if _, err := Load(themes.Default(), code); err != nil {
			t.Errorf("%s: %v", code, err)
		}
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	src, err := fs.ReadFile(themes.Default(), name)
	if err != nil {
		t.Fatal(err)
	}
	return src
}
