package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeSource returns axe-core's script, from MOTEPLASS_AXE or a local
// npm install, or skips (fails in CI).
func axeSource(t *testing.T) string {
	t.Helper()
	paths := []string{os.Getenv("MOTEPLASS_AXE"), "/tmp/axe/node_modules/axe-core/axe.min.js", "../../node_modules/axe-core/axe.min.js"}
	for _, p := range paths {
		if p == "" {
			continue
		}
		if data, err := os.ReadFile(p); err == nil {
			return string(data)
		}
	}
	msg := "axe-core not found: npm install axe-core and set MOTEPLASS_AXE to axe.min.js"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

type violation struct {
	ID, Impact, Help string
	Nodes            []struct{ Target []string }
}

// axe runs axe-core on the page at url with the WCAG 2.1 A and AA rules.
func axe(t *testing.T, ctx context.Context, url, source string) []violation {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	return runAxe(t, ctx, source)
}

// runAxe runs axe-core on the page the tab shows, as it is now.
func runAxe(t *testing.T, ctx context.Context, source string) []violation {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](source+";true")); err != nil {
		t.Fatalf("injecting axe: %v", err)
	}
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]violation](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]}).then(r => r.violations)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe: %v", err)
	}
	return vs
}

// a11yPages are one page of each type: what the axe test checks.
func a11yPages(out string) []string {
	want := []string{"/", "/aktiviteter/", "/sok/", "/404.html", "/organisasjoner/", "/prosjekter/", "/handboker/", "/rapporter/", "/kategori/", "/fylke/"}
	for _, glob := range []string{"aktiviteter/*/index.html", "organisasjoner/*/index.html", "prosjekter/*/index.html", "handboker/*/index.html", "handboker/*/*/index.html", "rapporter/*/index.html", "fylke/*/index.html", "kategori/*/index.html", "malgruppe/*/index.html", "kommune/*/index.html", "prosjekter/program/*/index.html"} {
		matches, _ := filepath.Glob(filepath.Join(out, glob))
		if len(matches) > 0 {
			rel, _ := filepath.Rel(out, matches[0])
			want = append(want, "/"+strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
		}
	}
	return want
}

func checkA11y(t *testing.T, siteDir string) {
	source := axeSource(t)
	out, base := site(t, siteDir)
	ctx := tab(t)
	for _, p := range a11yPages(out) {
		for _, v := range axe(t, ctx, base+p, source) {
			var where []string
			for _, n := range v.Nodes {
				where = append(where, strings.Join(n.Target, " "))
			}
			t.Errorf("%s: %s (%s): %s at %s", p, v.ID, v.Impact, v.Help, strings.Join(where[:min(3, len(where))], ", "))
		}
	}
}

// TestAccessibilityFixture checks every page type of a small site with
// axe-core: zero WCAG 2.1 A and AA violations.
func TestAccessibilityFixture(t *testing.T) {
	checkA11y(t, unpack(t, "mini"))
}

// TestAxeFindsProblems makes sure the check above can fail.
func TestAxeFindsProblems(t *testing.T) {
	source := axeSource(t)
	vs := axe(t, tab(t), `data:text/html,<html><body><img src="x.png"><a href="/"></a><p style="color:%23bbb;background:%23fff">lys tekst</p></body></html>`, source)
	found := map[string]bool{}
	for _, v := range vs {
		found[v.ID] = true
	}
	for _, id := range []string{"image-alt", "link-name", "color-contrast", "html-has-lang"} {
		if !found[id] {
			t.Errorf("axe did not report %s (got %v)", id, found)
		}
	}
}

// TestAccessibilityExample checks one page of every type of the example
// site, handbook chapters and reports with charts included.
func TestAccessibilityExample(t *testing.T) {
	checkA11y(t, "../..")
}
