package content

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"moteplass/generator/diag"
	"moteplass/generator/markdown"
	"moteplass/generator/site"
)

// FuzzLinks loads a site whose page body is any Markdown, and checks its
// links as a build does (CheckPaths after Load): every link problem,
// error or warning, must have a position and a message, and nothing may
// panic, whatever the destinations hold.
func FuzzLinks(f *testing.F) {
	for _, name := range []string{"links", "site-paths", "link-urls"} {
		ar, err := txtar.ParseFile("testdata/errors/" + name + ".txtar")
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			if _, body, ok := strings.Cut(string(file.Data), "+++\n+++"); ok {
				f.Add(body)
			} else if strings.HasSuffix(file.Name, ".md") {
				parts := strings.SplitN(string(file.Data), "+++", 3)
				f.Add(parts[len(parts)-1])
			}
		}
	}
	f.Add("[a](/%zz/#) [b](//) [c](mailto:%) [d](http://[::1) ![e](C:) [f](/?#) [g](tel:) [h](/om/../../x)")
	base, _ := fixture(&testing.T{}, "testdata/base.txtar")
	cfg, err := site.Load(base)
	if err != nil {
		f.Fatal(err)
	}
	md := markdown.New(markdown.Options{})
	f.Fuzz(func(t *testing.T, body string) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys["content/pages/om.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Om\"\n+++\n" + body)}
		s, err := Load(context.Background(), fsys, cfg, md)
		var list diag.List
		if err != nil && s.Listable(err) {
			list = s.CheckPaths([]string{"sok/index.html"}, []string{"innhold"})
		} else if err == nil {
			list = s.CheckPaths(nil, nil)
		}
		if s != nil {
			list = append(list, s.Warnings...)
		}
		for _, e := range list {
			if e.Pos.Path != "content/pages/om.md" || e.Pos.Line < 4 || e.Pos.Col < 1 || strings.TrimSpace(e.Msg) == "" {
				t.Fatalf("problem without a place or message: %v", e)
			}
		}
	})
}
