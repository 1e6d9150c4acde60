package e2e

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// printedJS says, with print media in force, which parts of the page a
// printed notice must not show (header, menus, breadcrumbs, footer, the
// help lines, the skip link) are shown anyway, and which contact details
// (the sign-up and contact boxes, e-mail addresses and phone numbers
// in the content) are not.
const printedJS = `(() => {
	const name = e => e.tagName.toLowerCase() + (e.className ? "." + e.className : "") + (e.getAttribute("aria-label") ? "[" + e.getAttribute("aria-label") + "]" : "");
	const shown = e => e.checkVisibility();
	const chrome = [...document.querySelectorAll(".site-header, header.site-header nav, nav, .crumbs, footer, .site-footer, .help, .skip")];
	const boxes = 'section[aria-labelledby="s-kontakt"], section[aria-labelledby="s-pamelding"]';
	const contacts = [...document.querySelectorAll('main a[href^="mailto:"], main a[href^="tel:"]')];
	return {
		Media: matchMedia("print").matches,
		Shown: chrome.filter(shown).map(name),
		Contacts: contacts.filter(shown).map(e => e.textContent.trim()),
		HiddenContacts: contacts.filter(e => !shown(e)).map(e => e.textContent.trim()),
		Boxes: document.querySelectorAll(boxes).length,
		HiddenBoxes: [...document.querySelectorAll(boxes)].filter(e => !shown(e)).map(e => e.textContent.trim().slice(0, 40)),
		Address: [...document.querySelectorAll(".print-only")].filter(shown).map(e => e.textContent.trim()),
	};
})()`

type printed struct {
	Media                    bool
	Shown                    []string
	Contacts, HiddenContacts []string
	Boxes                    int
	HiddenBoxes              []string
	Address                  []string
}

// TestActivityPrintsOnOnePage prints every activity of the example site
// to PDF in Chromium: each must fit one A4 page, without the header, the
// menus and the footer, and with the contact details and the page's
// address.
func TestActivityPrintsOnOnePage(t *testing.T) {
	ctx := tab(t)
	out, base := site(t, "../..")
	dirs, _ := filepath.Glob(filepath.Join(out, "aktiviteter", "*", "index.html"))
	if len(dirs) < 30 {
		t.Fatalf("%d activities", len(dirs))
	}
	// Lay pages out for print, as printing does, to look at them.
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	contacts := 0
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
		p, err := chromedp.Run(ctx, chromedp.Evaluate[printed](printedJS))
		if err != nil {
			t.Fatalf("%s: %v", slug, err)
		}
		if !p.Media {
			t.Fatalf("%s: print media is not in force", slug)
		}
		if len(p.Shown) > 0 {
			t.Errorf("%s: printing shows %v", slug, p.Shown)
		}
		if len(p.HiddenContacts) > 0 || len(p.HiddenBoxes) > 0 || p.Boxes == 0 {
			t.Errorf("%s: printing hides contact details %v, boxes %v (of %d)", slug, p.HiddenContacts, p.HiddenBoxes, p.Boxes)
		}
		if len(p.Address) != 1 || !strings.HasSuffix(p.Address[0], "/aktiviteter/"+slug+"/") {
			t.Errorf("%s: printed address %q", slug, p.Address)
		}
		if len(p.Contacts) > 0 {
			contacts++
		}
	}
	// Most notices give an e-mail address or a phone number to call.
	if contacts < len(dirs)*3/4 {
		t.Errorf("only %d of %d printed activities show an e-mail address or phone number", contacts, len(dirs))
	}
}

func readFile(t *testing.T, p string) string {
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
