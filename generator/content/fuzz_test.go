package content

import (
	"strings"
	"testing"

	"moteplass/generator/markdown"
)

// FuzzParse feeds any bytes to the front-matter and Markdown parser of
// each kind of file: it may reject them, with a position, but must never
// panic or hang.
func FuzzParse(f *testing.F) {
	ar, _ := fixture(&testing.T{}, "testdata/base.txtar")
	for _, file := range ar {
		f.Add(string(file.Data))
	}
	f.Add("+++\n+++\n")
	f.Add("\xef\xbb\xbf+++\r\ntitle = \"x\"\r\n+++\r\n# Overskrift\r\n")
	f.Add("+++\n[schedule]\nstart = 2026-01-06T19:00:00+01:00\nrepeat = \"FREQ=MONTHLY;BYDAY=1TU\"\n+++\n> sitat\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
	md := markdown.New(markdown.Options{})
	kinds := []Kind{KindActivity, KindOrganisation, KindProject, KindHandbook, KindChapter, KindReport, KindPage}
	c := &compactor{nonce: "mplfuzz"}
	f.Fuzz(func(t *testing.T, src string) {
		for i, k := range append(kinds, KindActivity) {
			var comp *compactor
			if i == len(kinds) {
				comp = c // an activity rendered as it is parsed, as by LoadCompact
			}
			_, errs := parse(source{path: "content/x.md", kind: k, slug: "x"}, []byte(src), md, comp)
			for _, e := range errs {
				if e.Pos.Line < 1 || e.Pos.Col < 1 || e.Pos.Path != "content/x.md" {
					t.Fatalf("problem without a position: %v", e)
				}
				if strings.TrimSpace(e.Msg) == "" {
					t.Fatalf("problem without a message at %v", e.Pos)
				}
			}
		}
	})
}
