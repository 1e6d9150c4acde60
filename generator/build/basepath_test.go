package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A site served under a path of its domain links to its own pages under
// that path, from Markdown as from the theme: relative links to other
// files and site paths alike.
func TestLinksUnderBasePath(t *testing.T) {
	dir := unpack(t, "mini")
	edit := func(name, old, new string) {
		p := filepath.Join(dir, name)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), old) {
			t.Fatalf("%s has no %q", name, old)
		}
		os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644)
	}
	edit("site.toml", `base_url = "https://moteplass.example.org/"`, `base_url = "https://moteplass.example.org/frivillig/"`)
	edit("content/activities/oslo/kafe.md", "Se [håndboken](../../handbooks/hb/01-a.md#del-to).",
		"Se [håndboken](../../handbooks/hb/01-a.md#del-to) og [om oss](/om/).")
	edit("content/handbooks/hb/index.md", "Forord.", "Forord. Se [kafeen](/aktiviteter/kafe/).")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Site: dir, Out: out, Now: now}); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string][]string{
		"aktiviteter/kafe/index.html": {`href="/frivillig/handboker/hb/01-a/#del-to"`, `href="/frivillig/om/"`, `href="/frivillig/static/style.css"`},
		"handboker/hb/index.html":     {`href="/frivillig/aktiviteter/kafe/"`},
	} {
		got := page(t, out, file)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s has no %s", file, w)
			}
		}
		if strings.Contains(got, `href="/om/"`) || strings.Contains(got, `href="/handboker/`) || strings.Contains(got, `href="/aktiviteter/kafe/"`) {
			t.Errorf("%s links to a page outside /frivillig/", file)
		}
	}
}
