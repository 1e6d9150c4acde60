package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStrangeContentBuilds renders what editors and their tools produce
// that is hard to lay out, all the way to HTML and PDF: Markdown nested
// 10,000 levels deep (quotes, lists, emphasis, brackets) in a page and in
// a handbook chapter, Windows line endings and a byte-order mark. It must
// build, with every page and the PDF written. (What must fail, fails
// with a file and line: see content.TestHugeAndStrangeFiles.)
func TestStrangeContentBuilds(t *testing.T) {
	site := unpack(t, "mini")
	n := 10000
	deep := strings.Repeat(">", n) + " sitat\n\n" + strings.Repeat("- ", n) + "liste\n\n" + strings.Repeat("1. ", n) + "tall\n\n" +
		strings.Repeat("[", n) + strings.Repeat("*", n) + "x" + strings.Repeat("*", n) + "\n\n" + strings.Repeat("ord", 20000) + "\n"
	windows := func(s string) []byte { return []byte("\xef\xbb\xbf" + strings.ReplaceAll(s, "\n", "\r\n")) }
	os.WriteFile(filepath.Join(site, "content/handbooks/hb/02-dyp.md"), windows("+++\ntitle = \"Dyp\"\n+++\n"+deep), 0o644)
	os.WriteFile(filepath.Join(site, "content/pages/dyp.md"), windows("+++\ntitle = \"Dyp\"\n+++\n"+deep), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Site: site, Out: out, Now: now}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"dyp/index.html", "handboker/hb/02-dyp/index.html"} {
		data, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte("sitat")) || !bytes.Contains(data, []byte("liste")) {
			t.Errorf("%s lacks the nested text", f)
		}
	}
	pdf, err := os.ReadFile(filepath.Join(out, "handboker/hb/hb.pdf"))
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("the handbook PDF: %v", err)
	}
}
