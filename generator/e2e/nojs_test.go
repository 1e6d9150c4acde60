package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestPagesReadWithoutJavaScript loads one page of each type of the
// example site with JavaScript switched off: each shows its heading and
// its text, and the search page, which needs JavaScript to search, shows
// the way to the facet pages instead.
func TestPagesReadWithoutJavaScript(t *testing.T) {
	out, base := site(t, "../..")
	ctx := tab(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	type verdict struct {
		H1      string
		Visible bool
		Text    int
		Facets  int
		NoJS    bool
	}
	for _, p := range a11yPages(out) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if p == "/sok/" {
			// Give the search script, were it running, time to open
			// the index and hide the no-script text.
			chromedp.Do(ctx, chromedp.Sleep(time.Second))
		}
		v, err := chromedp.Run(ctx, chromedp.Evaluate[verdict](`(() => {
			const main = document.querySelector("main") || document.body;
			const h1 = main.querySelector("h1");
			return {
				H1: h1 ? h1.innerText.trim() : "",
				Visible: !!h1 && h1.getClientRects().length > 0,
				Text: main.innerText.trim().length,
				Facets: [...main.querySelectorAll('a[href*="/kategori/"], a[href*="/fylke/"], a[href*="/aktiviteter/"]')].filter(a => a.getClientRects().length > 0).length,
				NoJS: [...document.querySelectorAll(".nojs")].some(e => e.getClientRects().length > 0),
			};
		})()`))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if v.H1 == "" || !v.Visible {
			t.Errorf("%s: no visible heading without JavaScript", p)
		}
		if v.Text < 40 {
			t.Errorf("%s: %d characters of text without JavaScript", p, v.Text)
		}
		if p == "/sok/" && (v.Facets == 0 || !v.NoJS) {
			// The search script would hide .nojs: visible, it proves
			// that the page really ran without JavaScript.
			t.Errorf("/sok/ without JavaScript: %d facet links, no-script text shown: %v", v.Facets, v.NoJS)
		}
	}
}
