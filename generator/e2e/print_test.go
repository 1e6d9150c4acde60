package e2e

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestActivityPrintsOnOnePage prints every activity of the example site
// to PDF in Chromium: each must fit one A4 page, without the menus, and
// with the page's address.
func TestActivityPrintsOnOnePage(t *testing.T) {
	ctx := tab(t)
	out, base := site(t, "../..")
	dirs, _ := filepath.Glob(filepath.Join(out, "aktiviteter", "*", "index.html"))
	if len(dirs) < 30 {
		t.Fatalf("%d activities", len(dirs))
	}
	for _, d := range dirs {
		slug := filepath.Base(filepath.Dir(d))
		url := base + "/aktiviteter/" + slug + "/"
		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
			t.Fatal(err)
		}
		pdf, err := chromedp.Run(ctx, chromedp.Action[[]byte](func(ctx context.Context, tgt *chromedp.Target) ([]byte, error) {
			res, err := cdp.Call(ctx, tgt, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69})
			return res.Data, err
		}))
		if err != nil {
			t.Fatalf("%s: %v", slug, err)
		}
		if n := bytes.Count(pdf, []byte("/Type /Page\n")) + bytes.Count(pdf, []byte("/Type /Page>>")) + bytes.Count(pdf, []byte("/Type /Page ")); n != 1 {
			t.Errorf("%s prints on %d pages", slug, n)
		}
		if !strings.Contains(readFile(t, d), "/aktiviteter/"+slug+"/</p>") {
			t.Errorf("%s: the printed notice lacks the page's address", slug)
		}
	}
}

func readFile(t *testing.T, p string) string {
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
