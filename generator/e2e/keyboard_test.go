package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focusState says what has the keyboard focus and whether it shows.
type focusState struct {
	Tag, Text, Href string
	Outline         string // the computed outline style
	Width           string // the computed outline width
}

const focusJS = `(() => {
	const e = document.activeElement;
	const s = getComputedStyle(e);
	return {Tag: e.tagName, Text: (e.textContent || "").trim().slice(0, 40), Href: e.getAttribute("href") || "", Outline: s.outlineStyle, Width: s.outlineWidth};
})()`

// TestKeyboard tabs through an activity page: the skip link comes first
// and jumps to the content, every link and field can be reached in
// document order, and focus is always visible.
func TestKeyboard(t *testing.T) {
	ctx := tab(t)
	_, base := site(t, unpack(t, "mini"))
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/aktiviteter/kafe/")); err != nil {
		t.Fatal(err)
	}
	want, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])").length`))
	if err != nil {
		t.Fatal(err)
	}
	var seen []focusState
	for range want + 2 {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		f, err := chromedp.Run(ctx, chromedp.Evaluate[focusState](focusJS))
		if err != nil {
			t.Fatal(err)
		}
		if f.Tag == "BODY" {
			break
		}
		if f.Outline == "none" || f.Width == "0px" {
			t.Errorf("focus on %s %q is not visible", f.Tag, f.Text)
		}
		seen = append(seen, f)
	}
	if len(seen) != want {
		t.Errorf("Tab reached %d of %d interactive elements", len(seen), want)
	}
	if len(seen) == 0 || seen[0].Href != "#innhold" {
		t.Fatalf("the first Tab must reach the skip link, got %+v", seen)
	}

	// The skip link moves focus past the menu to the content.
	chromedp.Do(ctx, chromedp.Navigate(base+"/aktiviteter/kafe/"), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab))
	f, _ := chromedp.Run(ctx, chromedp.Evaluate[focusState](focusJS))
	inMain, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.activeElement.closest("main")`))
	if !inMain {
		t.Errorf("after the skip link, Tab went to %+v, not into the content", f)
	}
}
