package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"moteplass/themes"
)

// TestTranslationMissingKey: a site's own translation that lacks a key
// the built-in one has is a content error (exit 1) for build and check,
// at the file and its [ui] line, saying which key and which file has it.
func TestTranslationMissingKey(t *testing.T) {
	dir := miniSite(t)
	src, err := fs.ReadFile(themes.Default(), "i18n/nb.toml")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	ui := 0
	for i, line := range strings.Split(string(src), "\n") {
		if line == "[ui]" {
			ui = i + 1
		}
		if !strings.HasPrefix(line, "skip =") {
			lines = append(lines, line)
		}
	}
	own := filepath.Join(dir, "themes", "default", "i18n", "nb.toml")
	os.MkdirAll(filepath.Dir(own), 0o755)
	os.WriteFile(own, []byte(strings.Join(lines, "\n")), 0o644)
	want := "themes/default/i18n/nb.toml:" + itoa(ui) + `:1: missing translation for ui.skip, which the built-in theme's i18n/nb.toml has; add under [ui]: skip = "Hopp til hovedinnholdet"` + "\n1 problem; nothing was written.\n"
	out := filepath.Join(t.TempDir(), "public")
	for _, args := range [][]string{
		{"build", "--site", dir, "--out", out, "--now", "2026-11-23"},
		{"check", "--site", dir},
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), args, &stdout, &stderr)
		if code != exitContent || stderr.String() != want {
			t.Errorf("moteplass %s: exit %d, want 1, stderr\n%s\nwant\n%s", args[0], code, stderr.String(), want)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the failed build wrote %s", out)
	}
}

// TestBuildLinks: build fails on a link to a site path it does not
// publish, as on a link to a missing file, and prints every problem; an
// address of another site that will not work as written is a warning
// for build (the page shows the link's text) and a problem for check.
func TestBuildLinks(t *testing.T) {
	dir := miniSite(t)
	page := filepath.Join(dir, "content", "pages", "lenker.md")
	out := filepath.Join(t.TempDir(), "public")
	build := []string{"build", "--site", dir, "--out", out, "--now", "2026-11-23", "--quiet"}
	check := []string{"check", "--site", dir}

	os.WriteFile(page, []byte("+++\ntitle = \"Lenker\"\n+++\nSe [søk](/sok/) og [gammel side](http://example.org/).\n"), 0o644)
	warning := `content/pages/lenker.md:4:21: "http://example.org/" is not encrypted; use https://example.org/ instead; almost every site answers on https`
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), build, &stdout, &stderr); code != exitOK || stderr.String() != "warning: "+warning+"\n" {
		t.Errorf("build: exit %d, stderr\n%s", code, stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	if code := run(context.Background(), check, &stdout, &stderr); code != exitContent || stderr.String() != warning+"\n1 problem; nothing was written.\n" {
		t.Errorf("check: exit %d, stderr\n%s", code, stderr.String())
	}

	os.WriteFile(page, []byte("+++\ntitle = \"Lenker\"\n+++\nSe [søk](/sok/), [ingen](/finnes-ikke/) og [mappe](../ingen.md).\n"), 0o644)
	for _, args := range [][]string{build, check} {
		stdout.Reset()
		stderr.Reset()
		code := run(context.Background(), args, &stdout, &stderr)
		got := stderr.String()
		if code != exitContent || !strings.Contains(got, "content/pages/lenker.md:4:19: link to /finnes-ikke/: the site has no page or file at this address") ||
			!strings.Contains(got, "content/pages/lenker.md:4:45: link to ../ingen.md: no such file") || !strings.Contains(got, "2 problems") {
			t.Errorf("%s: exit %d, stderr\n%s", args[0], code, got)
		}
	}
}

func itoa(n int) string {
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
