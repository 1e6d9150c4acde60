package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestHostileContentDoesNotRun loads every page of a site whose every
// text field and Markdown body carries attack strings, and checks that
// none of them ran: each would set window.__pwned.
func TestHostileContentDoesNotRun(t *testing.T) {
	ctx := tab(t)
	out, base := site(t, unpack(t, "hostile"))
	paths := pages(t, out)
	if len(paths) < 20 {
		t.Fatalf("only %d pages", len(paths))
	}
	for _, p := range paths {
		type verdict struct {
			Pwned     bool
			Dangerous int
			Literal   bool
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		result, err := chromedp.Run(ctx, chromedp.Evaluate[verdict](`({
				Pwned: window.__pwned !== undefined || document.title === "pwned",
				Dangerous: document.querySelectorAll('a[href^="javascript:" i], img[src^="javascript:" i], iframe, object, embed, [onerror], [onload], [onmouseover]').length,
				Literal: document.body.textContent.includes("{{.Site}}") || document.title.includes("{{.Site}}"),
			})`))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if result.Pwned || result.Dangerous > 0 {
			t.Errorf("%s: attack ran (pwned %v, %d dangerous elements)", p, result.Pwned, result.Dangerous)
		}
		// Template syntax in content is text, shown as written.
		if p == "/aktiviteter/a/" && !result.Literal {
			t.Errorf("%s: {{.Site}} in the content is not shown as text", p)
		}
	}
}
