package build

import (
	"bytes"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// Contact details of individuals must appear only where an editor put
// them on purpose: in a front-matter field (an activity's [contact], an
// organisation's email) or in site.toml. These tests find every e-mail
// address and phone number in the built site and fail on any that no
// such field holds, so an address from a git log, a build machine or a
// template cannot slip into the pages, calendars, feeds or data files.

var (
	emailRe = regexp.MustCompile(`(?i)[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}`)
	// phoneRe finds Norwegian numbers as people write them: eight digits
	// together or in groups (22 33 44 55, 222 33 444, 2233 4455), with or
	// without +47; in tel: links too.
	phoneRe = regexp.MustCompile(`(?:\+47[ \x{a0}]?|\b)(?:\d{8}|\d{2}[ \x{a0}]\d{2}[ \x{a0}]\d{2}[ \x{a0}]\d{2}|\d{3}[ \x{a0}]\d{2}[ \x{a0}]\d{3}|\d{4}[ \x{a0}]\d{4})\b`)
	digits  = regexp.MustCompile(`\D`)
	icsUID  = regexp.MustCompile(`(?m)^UID:.*$`)
)

// phoneKey reduces a phone number to its eight digits.
func phoneKey(s string) string {
	d := digits.ReplaceAllString(s, "")
	if len(d) == 10 && strings.HasPrefix(d, "47") {
		d = d[2:]
	}
	return d
}

// frontMatterContacts returns every e-mail address and phone number in a
// string of site.toml or of the front matter of a file under content/.
func frontMatterContacts(t *testing.T, site string) (emails, phones map[string]bool) {
	t.Helper()
	emails, phones = map[string]bool{}, map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			for _, e := range emailRe.FindAllString(v, -1) {
				emails[strings.ToLower(e)] = true
			}
			if k := phoneKey(v); len(k) == 8 {
				phones[k] = true
			}
			for _, p := range phoneRe.FindAllString(v, -1) {
				phones[phoneKey(p)] = true
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		case []map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	decode := func(name string, src []byte) {
		var m map[string]any
		if _, err := toml.Decode(string(src), &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		walk(m)
	}
	src, err := os.ReadFile(filepath.Join(site, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	decode("site.toml", src)
	err = filepath.WalkDir(filepath.Join(site, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		if rest, ok := bytes.CutPrefix(src, []byte("+++\n")); ok {
			if head, _, ok := bytes.Cut(rest, []byte("\n+++")); ok {
				decode(p, head)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return emails, phones
}

// contactsNotFrom lists the e-mail addresses and phone numbers in the
// text files of the built site at dir that are not in the given sets.
func contactsNotFrom(t *testing.T, dir string, emails, phones map[string]bool) []string {
	t.Helper()
	var found []string
	seen := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".html", ".ics", ".json", ".xml", ".csv", ".txt", ".js", ".css":
		default:
			return nil // PDFs: their text is checked in package pdf; images
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		// Read the text as a browser or a calendar would: character
		// references and %-escapes resolved, iCalendar lines unfolded.
		text := strings.ReplaceAll(string(data), "\r\n ", "")
		if filepath.Ext(p) == ".ics" {
			// An event's UID looks like an address but names the
			// event: aktivitet@host.
			text = icsUID.ReplaceAllString(text, "")
		}
		text = html.UnescapeString(text)
		if u, err := url.PathUnescape(text); err == nil {
			text = u
		}
		rel, _ := filepath.Rel(dir, p)
		report := func(what string) {
			if !seen[rel+what] {
				seen[rel+what] = true
				found = append(found, rel+": "+what)
			}
		}
		for _, e := range emailRe.FindAllString(text, -1) {
			if !emails[strings.ToLower(e)] {
				report("e-mail " + e)
			}
		}
		for _, ph := range phoneRe.FindAllString(text, -1) {
			if !phones[phoneKey(ph)] {
				report("phone " + ph)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(found)
	return found
}

func TestContactDetailsOnlyFromFrontMatter(t *testing.T) {
	out := buildExample(t)
	emails, phones := frontMatterContacts(t, "../..")
	if len(emails) < 10 || len(phones) < 10 {
		t.Fatalf("the example's front matter has only %d e-mail addresses and %d phone numbers", len(emails), len(phones))
	}
	if found := contactsNotFrom(t, out, emails, phones); len(found) > 0 {
		t.Errorf("contact details that no front matter holds:\n%s", strings.Join(found, "\n"))
	}
	// The check looks where the details are: the example's pages show
	// addresses and numbers from front matter.
	for _, f := range []string{"aktiviteter/nettverksgruppe-oslo/index.html", "organisasjoner/rode-kors/index.html"} {
		data, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		if !emailRe.Match(data) || !phoneRe.Match(data) {
			t.Errorf("%s shows no e-mail address or phone number", f)
		}
	}
}

// TestContactCheckCatches makes sure the check above can fail: an address
// and a number in a page, a calendar and a data file, written the ways a
// template or a library might (entities, %-escapes, tel: links, folded
// calendar lines).
func TestContactCheckCatches(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.html"), []byte(`<a href="mailto:ola.nordmann&#64;example.org">Skriv</a> <a href="tel:+4791234567">Ring</a> <p>Kjent: post@kjent.example.org, 22 33 44 55. Sum: 1 200 000 kr, 2022 og 2023.</p>`), 0o644)
	os.WriteFile(filepath.Join(dir, "b.ics"), []byte("BEGIN:VEVENT\r\nDTSTART:20260106T190000\r\nORGANIZER:mailto:kari.nord\r\n mann@example.org\r\nEND:VEVENT\r\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.json"), []byte(`{"telephone":"987 65 432","email":"per%40example.org"}`), 0o644)
	found := contactsNotFrom(t, dir, map[string]bool{"post@kjent.example.org": true}, map[string]bool{"22334455": true})
	want := []string{
		"a.html: e-mail ola.nordmann@example.org", "a.html: phone +4791234567",
		"b.ics: e-mail kari.nordmann@example.org",
		"c.json: e-mail per@example.org", "c.json: phone 987 65 432",
	}
	if !slices.Equal(found, want) {
		t.Errorf("found\n%s\nwant\n%s", strings.Join(found, "\n"), strings.Join(want, "\n"))
	}
}
