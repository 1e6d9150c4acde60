package build

import (
	"regexp"
	"strings"
	"testing"
)

// The contents of an HTML handbook number each chapter once, as the list
// does, and the numbers agree with the chapter pages' «Kapittel n».
func TestHandbookContentsNumberedOnce(t *testing.T) {
	out := buildExample(t)
	got := page(t, out, "handboker/digitale-nettverksgrupper/01-innledning/index.html")
	_, toc, _ := strings.Cut(got, `<nav class="toc"`)
	toc, _, _ = strings.Cut(toc, "</nav>")
	if m := regexp.MustCompile(`<li><a [^>]*>\d+\. `).FindString(toc); m != "" {
		t.Errorf("a chapter in the contents carries its own number too: %s", m)
	}
	if !strings.Contains(toc, "<ol>") || !strings.Contains(got, "Kapittel 1") {
		t.Errorf("the contents are not a numbered list, or the chapter is not «Kapittel 1»")
	}
	items := regexp.MustCompile(`(?s)<ol>(.*?)</ol>`).FindStringSubmatch(toc)
	if items == nil || !strings.HasPrefix(strings.TrimSpace(items[1]), `<li><a href="/handboker/digitale-nettverksgrupper/01-innledning/"`) {
		t.Errorf("the first item of the numbered list is not chapter 1: %.200s", items)
	}
}
