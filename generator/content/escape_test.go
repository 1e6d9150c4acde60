package content

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
)

// The cases that a txtar file can hold are in testdata/errors/escape.txtar;
// these need names a txtar header cannot carry, or a real disk.

// TestControlCharactersInNames: a NUL or a line break in a file name, or
// in the name of an image, is refused with the file and line, and the
// message shows the character quoted rather than printing it.
func TestControlCharactersInNames(t *testing.T) {
	fsys, _ := fixture(t, "testdata/base.txtar")
	fsys["content/pages/a\x00b.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"x\"\n+++\n")}
	fsys["content/pages/linje\nskift.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"x\"\n+++\n")}
	kor := string(fsys["content/activities/trondelag/kor.md"].Data)
	fsys["content/activities/trondelag/kor.md"] = &fstest.MapFile{Data: []byte(kor + "\n![nul](a%00b.png)\n")}
	fsys["content/activities/trondelag/a\x00b.png"] = &fstest.MapFile{Data: []byte("png")}
	org := string(fsys["content/organisations/rode-kors.md"].Data)
	fsys["content/organisations/rode-kors.md"] = &fstest.MapFile{Data: []byte(strings.Replace(org, "+++\ntitle", "+++\nlogo = \"logo\\u0000.png\"\ntitle", 1))}
	_, err := loadSite(t, fsys)
	if err == nil {
		t.Fatal("loaded")
	}
	got := err.Error()
	for _, want := range []string{
		`content/pages/a` + "\x00" + `b.md:1:1: the path "content/pages/a\x00b.md" holds a control character`,
		`skift.md:1:1: the path "content/pages/linje\nskift.md" holds a control character`,
		`content/activities/trondelag/kor.md:21:3: "a\x00b.png" holds a control character`,
		`content/organisations/rode-kors.md:2:8: "logo\x00.png" holds a control character`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	// Only the path itself (as the editor's tools print it) may hold
	// the character; every message quotes it.
	for _, line := range strings.Split(got, "\n") {
		if _, msg, ok := strings.Cut(line, ".md:"); ok && strings.ContainsRune(msg, 0) {
			t.Errorf("a raw NUL in the message: %q", line)
		}
	}
}

// TestSymlinksAreNotFollowed: a link inside content/ to a file or a
// folder outside the site is refused, whether it poses as a page, a
// folder of pages or an image, so nothing outside the site is published.
func TestSymlinksAreNotFollowed(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	fsys, _ := fixture(t, "testdata/base.txtar")
	site := t.TempDir()
	for name, f := range fsys {
		p := filepath.Join(site, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	outside := t.TempDir()
	secret := filepath.Join(outside, "hemmelig.md")
	os.WriteFile(secret, []byte("+++\ntitle = \"Hemmelig\"\n+++\nPassord: hunter2\n"), 0o644)
	os.WriteFile(filepath.Join(outside, "bilde.png"), []byte("png"), 0o644)
	kor := filepath.Join(site, "content/activities/trondelag/kor.md")
	src, _ := os.ReadFile(kor)
	os.WriteFile(kor, append(src, "\n![bilde](bilde.png) ![lenket](lenket/bilde.png)\n"...), 0o644)
	for link, target := range map[string]string{
		"content/pages/hemmelig.md":              secret,
		"content/activities/ute":                 outside,
		"content/activities/trondelag/bilde.png": filepath.Join(outside, "bilde.png"),
		"content/pages/passwd.md":                "/etc/passwd",
		"content/activities/trondelag/lenket":    outside,
	} {
		p := filepath.Join(site, filepath.FromSlash(link))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	s, err := loadSite(t, os.DirFS(site))
	if err == nil {
		t.Fatal("loaded a site with symbolic links")
	}
	got := err.Error()
	for _, want := range []string{
		"content/pages/hemmelig.md:1:1: symbolic links are not followed",
		"content/activities/ute:1:1: symbolic links are not followed",
		"content/activities/trondelag/bilde.png:1:1: symbolic links are not followed",
		"content/pages/passwd.md:1:1: symbolic links are not followed",
		"content/activities/trondelag/lenket:1:1: symbolic links are not followed",
		"content/activities/trondelag/kor.md:21:3: bilde.png is not published: it is a symbolic link",
		"content/activities/trondelag/kor.md:21:23: lenket/bilde.png is not published: it is a symbolic link",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if s != nil {
		for _, p := range s.Pages {
			if p.Title == "Hemmelig" {
				t.Error("the linked page was loaded")
			}
		}
		for _, a := range s.Assets {
			if strings.Contains(a.Src, "bilde.png") {
				t.Errorf("the linked image is published: %v", a)
			}
		}
	}
}
