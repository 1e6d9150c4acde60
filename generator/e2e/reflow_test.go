package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// reflowWidth is the narrowest viewport WCAG 2.1 success criterion 1.4.10
// (Reflow) asks for: 320 CSS pixels, a 1280 px window zoomed to 400 %.
const reflowWidth = 320

// overflowJS measures the page as laid out: how wide the document is
// against the viewport, and which elements stick out past its right edge.
// An element inside a scroll container of its own (a table wrapper with
// overflow-x: auto, a code block) scrolls there and does not widen the
// page, so it is not counted; the container itself must fit.
const overflowJS = `(() => {
	const root = document.documentElement;
	const width = root.clientWidth;
	const scrolls = e => {
		for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
			const o = getComputedStyle(p).overflowX;
			if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return true;
		}
		return false;
	};
	// right is how far an element or its own text reaches.
	const right = e => {
		let r = e.getBoundingClientRect().width === 0 ? 0 : e.getBoundingClientRect().right;
		for (const n of e.childNodes) {
			if (n.nodeType !== Node.TEXT_NODE || !n.textContent.trim()) continue;
			const range = document.createRange();
			range.selectNodeContents(n);
			r = Math.max(r, range.getBoundingClientRect().right);
		}
		return r;
	};
	const culprits = [];
	for (const e of document.body.querySelectorAll("*")) {
		const r = right(e);
		if (r <= width + 0.5 || scrolls(e)) continue;
		// Report the innermost: an element none of whose children sticks out.
		if ([...e.children].some(c => right(c) > width + 0.5)) continue;
		const name = e.tagName.toLowerCase() + (e.className ? "." + String(e.className).trim().split(/\s+/).join(".") : "");
		culprits.push(name + " " + JSON.stringify((e.textContent || "").trim().slice(0, 50)) + " to " + Math.round(r) + "px");
		if (culprits.length === 5) break;
	}
	// A phone number split over two lines is easy to misdial.
	const phones = [...document.querySelectorAll('a[href^="tel:"]')].filter(a => a.getClientRects().length > 1).map(a => a.textContent);
	return {ScrollWidth: root.scrollWidth, ClientWidth: width, Culprits: culprits, BrokenPhones: phones};
})()`

type overflow struct {
	ScrollWidth, ClientWidth int
	Culprits                 []string
	BrokenPhones             []string
}

// TestReflowAt320 loads every page of the example site in a viewport 320
// CSS pixels wide: none may need horizontal scrolling. Long e-mail
// addresses and links, fact lists and tables must wrap or scroll in a box
// of their own. Phone numbers stay on one line.
func TestReflowAt320(t *testing.T) {
	ctx := tab(t)
	out, base := site(t, "../..")
	paths := pages(t, out)
	if len(paths) < 50 {
		t.Fatalf("only %d pages", len(paths))
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(reflowWidth, 640)); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, p := range paths {
		o, err := measure(ctx, base+p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if o.ClientWidth != reflowWidth {
			t.Fatalf("%s: viewport is %d px wide, not %d", p, o.ClientWidth, reflowWidth)
		}
		if len(o.BrokenPhones) > 0 {
			t.Errorf("%s: phone numbers broken over two lines: %q", p, o.BrokenPhones)
		}
		if o.ScrollWidth > o.ClientWidth {
			bad++
			if bad <= 20 {
				t.Errorf("%s is %d px wide at %d px: %s", p, o.ScrollWidth, o.ClientWidth, strings.Join(o.Culprits, "; "))
			}
		}
	}
	if bad > 20 {
		t.Errorf("and %d more pages", bad-20)
	}
}

// TestReflowCheckCatches makes sure the measurement sees an overflow: a
// page with a long unbreakable word is wider than the viewport, and the
// same word inside a scroll container is not.
func TestReflowCheckCatches(t *testing.T) {
	ctx := tab(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(reflowWidth, 640)); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("x", 80)
	for _, c := range []struct {
		body string
		wide bool
	}{
		{"<p>" + long + "</p>", true},
		{`<div style="overflow-x:auto"><p>` + long + "</p></div>", false},
	} {
		o, err := measure(ctx, "data:text/html,<!doctype html><body style='margin:0'>"+c.body)
		if err != nil {
			t.Fatal(err)
		}
		if got := o.ScrollWidth > o.ClientWidth; got != c.wide {
			t.Errorf("%s: %d/%d px, culprits %v; want overflow %v", c.body, o.ScrollWidth, o.ClientWidth, o.Culprits, c.wide)
		}
		if c.wide && len(o.Culprits) == 0 {
			t.Errorf("%s: overflow without a culprit", c.body)
		}
	}
}

// measure loads url in the tab and measures its width.
func measure(ctx context.Context, url string) (overflow, error) {
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return overflow{}, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[overflow](overflowJS))
}
