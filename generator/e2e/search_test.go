package e2e

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// searchState is what the search page shows.
type searchState struct {
	Query   string
	Search  string // location.search
	Status  string
	Titles  []string
	Hrefs   []string
	Checked []string // "fylke=oslo"
	Counts  map[string]string
	More    bool // the "show more" button is visible
}

const searchStateJS = `(() => {
	const q = (s) => [...document.querySelectorAll(s)];
	const counts = {};
	for (const li of q('.search-facets li')) {
		const box = li.querySelector('input');
		if (!li.hidden) counts[box.name + '=' + box.value] = li.querySelector('.count').textContent;
	}
	return {
		Query: document.querySelector('#sok').value,
		Search: decodeURIComponent(location.search),
		Status: document.querySelector('.search-status').textContent,
		Titles: q('.search-results li h3 a').map((a) => a.textContent),
		Hrefs: q('.search-results li h3 a').map((a) => a.getAttribute('href')),
		Checked: q('.search-facets input:checked').map((b) => b.name + '=' + b.value),
		Counts: counts,
		More: document.querySelector('.search-more').offsetParent !== null,
	};
})()`

// settled waits until the page has answered the query it shows.
func settled(t *testing.T, ctx context.Context) searchState {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](`document.querySelector('.search-results') &&
		document.querySelector('.search-results').getAttribute('aria-busy') === 'false' &&
		document.querySelector('.search-status').textContent !== ''`))
	if err != nil {
		t.Fatalf("the search page did not answer: %v", err)
	}
	st, err := chromedp.Run(ctx, chromedp.Evaluate[searchState](searchStateJS))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// typeQuery replaces the query in the search field, typing as a visitor
// does, and waits for the answer.
func typeQuery(t *testing.T, ctx context.Context, q string) searchState {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#sok').value = ''`),
		chromedp.SendKeys(chromedp.ID("sok"), q),
		chromedp.Poll[chromedp.Void](`new URLSearchParams(location.search).get('q') === `+jsString(q)),
	)
	if err != nil {
		t.Fatalf("typing %q: %v", q, err)
	}
	return settled(t, ctx)
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// click clicks the filter checkbox for facet=value and waits.
func click(t *testing.T, ctx context.Context, facet, value string) searchState {
	t.Helper()
	sel := `.search-facets input[name="` + facet + `"][value="` + value + `"]`
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		t.Fatalf("clicking %s=%s: %v", facet, value, err)
	}
	return settled(t, ctx)
}

// builtPage reads the built HTML behind a result's link.
func builtPage(t *testing.T, out, href string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(href, "/")), "index.html"))
	if err != nil {
		t.Fatalf("result %s: %v", href, err)
	}
	return string(data)
}

// TestSearchFindsRelatives searches the example site the three ways a
// visitor may spell it: each finds the same things, every one of them
// about pårørende, and the digital network group for relatives among
// them.
func TestSearchFindsRelatives(t *testing.T) {
	ctx := tab(t)
	out, base := site(t, "../..")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/sok/")); err != nil {
		t.Fatal(err)
	}
	settled(t, ctx)
	var first []string
	for _, q := range []string{"pårørende", "Parorende", "pårørend"} {
		st := typeQuery(t, ctx, q)
		if len(st.Titles) < 5 {
			t.Fatalf("%q: only %q (%s)", q, st.Titles, st.Status)
		}
		if !slices.Contains(st.Titles, "Digital nettverksgruppe for pårørende") {
			t.Errorf("%q does not find the digital network group for relatives: %q", q, st.Titles)
		}
		for i, href := range st.Hrefs {
			if page := strings.ToLower(builtPage(t, out, href)); !strings.Contains(page, "pårørend") {
				t.Errorf("%q finds %q, which is not about relatives", q, st.Titles[i])
			}
		}
		if !strings.Contains(st.Status, "treff") {
			t.Errorf("%q: status %q does not say how many", q, st.Status)
		}
		if first == nil {
			first = st.Titles
		} else if !slices.Equal(st.Titles, first) {
			t.Errorf("%q finds %q\npårørende finds %q", q, st.Titles, first)
		}
	}
}

// TestSearchFilters narrows a search by county, then to digital: each
// step gives fewer results, the counts beside the filters change, and the
// URL holds the state, so that loading it (or going back) restores it.
func TestSearchFilters(t *testing.T) {
	ctx := tab(t)
	_, base := site(t, "../..")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/sok/")); err != nil {
		t.Fatal(err)
	}
	settled(t, ctx)
	all := typeQuery(t, ctx, "unge")
	county := click(t, ctx, "fylke", "akershus")
	if len(county.Titles) == 0 || len(county.Titles) >= len(all.Titles) {
		t.Fatalf("akershus: %d results of %d", len(county.Titles), len(all.Titles))
	}
	if all.Counts["modus=digital"] == county.Counts["modus=digital"] {
		t.Errorf("the count beside digital stayed %s after choosing a county", county.Counts["modus=digital"])
	}
	if county.Counts["fylke=oslo"] == "" {
		t.Errorf("other counties are hidden once one is chosen: %v", county.Counts)
	}
	both := click(t, ctx, "modus", "digital")
	if want := []string{"Ung Arena Vestby – prat på nett"}; !slices.Equal(both.Titles, want) {
		t.Errorf("unge in Akershus, digital: %q, want %q", both.Titles, want)
	}
	if want := "?q=unge&fylke=akershus&modus=digital"; both.Search != want {
		t.Errorf("URL holds %q, want %q", both.Search, want)
	}
	if both.Status != "1 treff" {
		t.Errorf("status %q", both.Status)
	}
	if both.More {
		t.Errorf("one result, and the page offers more")
	}
	if all.More != (len(all.Titles) == 10) {
		t.Errorf("%d results shown, more button visible: %v", len(all.Titles), all.More)
	}

	// Back undoes the last filter.
	// (history.back: chromedp's NavigateBack waits for a page load, and
	// going back to a pushState entry loads nothing.)
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`history.back()`),
		chromedp.Poll[chromedp.Void](`!location.search.includes('modus=')`)); err != nil {
		t.Fatal(err)
	}
	back := settled(t, ctx)
	if !slices.Equal(back.Titles, county.Titles) || !slices.Equal(back.Checked, []string{"fylke=akershus"}) {
		t.Errorf("after Back: %q checked %q, want %q checked [fylke=akershus]", back.Titles, back.Checked, county.Titles)
	}

	// A shared link restores query and filters.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/sok/?q=unge&fylke=akershus&modus=digital")); err != nil {
		t.Fatal(err)
	}
	loaded := settled(t, ctx)
	if loaded.Query != "unge" || !slices.Equal(loaded.Titles, both.Titles) || !slices.Equal(loaded.Checked, []string{"fylke=akershus", "modus=digital"}) {
		t.Errorf("loaded from the URL: query %q, %q, checked %q", loaded.Query, loaded.Titles, loaded.Checked)
	}

	// Municipalities appear once their county is chosen.
	if _, ok := county.Counts["kommune=vestby"]; !ok {
		t.Errorf("Vestby is not offered under Akershus: %v", county.Counts)
	}
	if _, ok := all.Counts["kommune=vestby"]; ok {
		t.Errorf("municipalities were listed before a county was chosen")
	}
}

// TestSearchKeyboard uses the search page with the keyboard alone: Tab to
// the field, type, Tab to a filter and tick it with Space, Tab to a result
// and open it with Enter.
func TestSearchKeyboard(t *testing.T) {
	ctx := tab(t)
	_, base := site(t, "../..")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/sok/")); err != nil {
		t.Fatal(err)
	}
	settled(t, ctx)
	tabTo := func(test, what string) {
		t.Helper()
		for range 200 {
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](test))
			if err != nil {
				t.Fatal(err)
			}
			if ok {
				f, _ := chromedp.Run(ctx, chromedp.Evaluate[focusState](focusJS))
				if f.Outline == "none" || f.Width == "0px" {
					t.Errorf("focus on %s is not visible", what)
				}
				return
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
				t.Fatal(err)
			}
		}
		t.Fatalf("Tab never reached %s", what)
	}
	tabTo(`document.activeElement.id === 'sok'`, "the search field")
	if err := chromedp.Do(ctx, chromedp.KeyEvent("pårørende"), chromedp.Poll[chromedp.Void](`location.search.includes('q=')`)); err != nil {
		t.Fatal(err)
	}
	typed := settled(t, ctx)
	if len(typed.Titles) == 0 {
		t.Fatalf("typing found nothing: %s", typed.Status)
	}
	tabTo(`document.activeElement.matches('.search-facets input[name=modus][value=digital]')`, "the digital filter")
	if err := chromedp.Do(ctx, chromedp.KeyEvent(" "), chromedp.Poll[chromedp.Void](`location.search.includes('modus=digital')`)); err != nil {
		t.Fatal(err)
	}
	filtered := settled(t, ctx)
	if !slices.Equal(filtered.Checked, []string{"modus=digital"}) || len(filtered.Titles) >= len(typed.Titles) {
		t.Fatalf("Space on the filter: checked %q, %d results of %d", filtered.Checked, len(filtered.Titles), len(typed.Titles))
	}
	// Shift+Tab back from the filters to the last result, then open it.
	for range 200 {
		ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement.matches('.search-results h3 a')`))
		if ok {
			break
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift))); err != nil {
			t.Fatal(err)
		}
	}
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.getAttribute('href') || ''`))
	if err != nil || !strings.Contains(href, "/aktiviteter/") && !strings.Contains(href, "/") {
		t.Fatalf("focus is not on a result: %q %v", href, err)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	path := ""
	for range 100 { // the page changes under the evaluation: retry
		if p, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`)); err == nil && p != "/sok/" {
			path = p
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if path != href {
		t.Errorf("Enter opened %s, the focused result is %s", path, href)
	}
}

// TestSearchAccessibility runs axe-core on the search page with results
// and filters showing.
func TestSearchAccessibility(t *testing.T) {
	source := axeSource(t)
	ctx := tab(t)
	_, base := site(t, "../..")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/sok/?q=gruppe&fylke=trondelag")); err != nil {
		t.Fatal(err)
	}
	if st := settled(t, ctx); len(st.Titles) == 0 {
		t.Fatalf("no results to check: %s", st.Status)
	}
	for _, v := range runAxe(t, ctx, source) {
		t.Errorf("%s (%s): %s", v.ID, v.Impact, v.Help)
	}
}

// TestSearchQueriesDoNotRun types attack strings into the search of the
// hostile site, whose content is made of them too.
func TestSearchQueriesDoNotRun(t *testing.T) {
	ctx := tab(t)
	_, base := site(t, unpack(t, "hostile"))
	for _, q := range []string{
		`<img src=x onerror="window.__pwned=1">`,
		`"><script>window.__pwned=1</script>`,
		`javascript:window.__pwned=1`,
		`{{.Site}} </script><script>document.title="pwned"</script>`,
		"\u202eevil\u202c pwned",
		"pwned",
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/sok/?q="+url.QueryEscape(q))); err != nil {
			t.Fatal(err)
		}
		settled(t, ctx)
		typeQuery(t, ctx, q)
		pwned, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__pwned !== undefined || document.title === "pwned" ||
			document.querySelectorAll('.search-results script, .search-results img, .search-results [onerror], .search-results a[href^="javascript:" i]').length > 0`))
		if err != nil {
			t.Fatal(err)
		}
		if pwned {
			t.Errorf("query %q ran or put markup into the page", q)
		}
	}
}
