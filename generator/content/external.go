package content

import (
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"unicode/utf8"

	"moteplass/generator/diag"
	"moteplass/generator/markdown"
)

// elsewhere checks a link or image that does not name a file beside the
// Markdown: a site path ("/om/#kontakt", left for Site.CheckPaths) or an
// address with a scheme, checked for form only (no network). It reports
// whether dest is one of those; dest has its character references
// resolved.
//
// A problem with another site's address is a warning (Site.Warnings):
// the renderer still never writes an unsafe or broken address, it keeps
// the text of the link instead, so the page can be published, but
// moteplass check reports it so the editor can write what was meant.
func (r *resolver) elsewhere(f *File, dest string, pos diag.Pos, image bool) bool {
	switch {
	case strings.HasPrefix(dest, "//"):
		r.warn(pos, fmt.Sprintf("%s leaves out the scheme", quoteURL(dest)), "start it with https:, e.g. https:"+shortURL(dest))
		return true
	case strings.HasPrefix(dest, "/"):
		r.sitePath(f, dest, pos, image)
		return true
	}
	scheme := markdown.Scheme(dest)
	if scheme == "" {
		return false
	}
	if len(scheme) == 1 && len(dest) > 2 && (dest[2] == '\\' || dest[2] == '/') {
		r.errs.Add(pos, fmt.Sprintf("%s is a Windows path", dest), "put the file beside this one and name it relative to it, e.g. bilder/kart.png")
		return true
	}
	if problem, hint := externalProblem(dest, scheme, image); problem != "" {
		r.warn(pos, problem, hint)
	}
	return true
}

func (r *resolver) warn(pos diag.Pos, msg, hint string) {
	r.s.Warnings.Add(pos, msg, hint)
}

// externalProblem explains what is wrong with the address dest, whose
// scheme is scheme, and what to write instead; "" if nothing is.
func externalProblem(dest, scheme string, image bool) (problem, hint string) {
	what, shown := "link", "its text"
	if image {
		what, shown = "image", "its description"
	}
	besideFile := "put the file beside this one and link to its name, e.g. [skjema](skjema.pdf)"
	if image {
		besideFile = "put the image beside this file and write ![beskrivelse](bilde.png)"
	}
	switch scheme {
	case "javascript", "vbscript":
		hint := "link to a page with https://, or remove the link"
		if image {
			hint = besideFile
		}
		return fmt.Sprintf("a %s: %s would run code in the visitor's browser, so the page shows only %s", scheme, what, shown), hint
	case "data":
		return fmt.Sprintf("a data: %s is not published, so the page shows only %s", what, shown), besideFile
	case "file":
		return fmt.Sprintf("a file: %s points to a file on one computer, which visitors cannot open, so the page shows only %s", what, shown), besideFile
	case "ftp":
		return fmt.Sprintf("browsers no longer open ftp: addresses, so the page shows only %s", shown),
			"link to the file with https://, or put it beside this one and link to its name"
	case "http", "https":
		return webProblem(dest, scheme, image)
	case "mailto", "tel":
		if image {
			return fmt.Sprintf("an image cannot have a %s: address", scheme), besideFile
		}
		if scheme == "mailto" {
			return mailtoProblem(dest)
		}
		return telProblem(dest)
	}
	return fmt.Sprintf("%ss must be https, mailto or tel, not %s:, so the page shows only %s", what, scheme, shown),
		"write the https:// address of the page"
}

// webProblem checks an http or https address.
func webProblem(dest, scheme string, image bool) (problem, hint string) {
	if strings.ContainsAny(dest, " \t\n") {
		return fmt.Sprintf("%s has a space in it", quoteURL(dest)), "write %20 for a space, or leave it out"
	}
	u, err := url.Parse(dest)
	if err != nil {
		return fmt.Sprintf("%s is not a valid address", quoteURL(dest)), "copy the address from the browser's address bar"
	}
	if u.Host == "" || u.Hostname() == "" {
		return fmt.Sprintf("%s has no host name", quoteURL(dest)), "write the whole address, e.g. https://example.org/side"
	}
	if scheme == "http" {
		secure := "https" + dest[strings.IndexByte(dest, ':'):]
		if image {
			return fmt.Sprintf("the image %s is not encrypted, so the page leaves it out", quoteURL(dest)), "use " + shortURL(secure) + ", or put the image beside this file"
		}
		return fmt.Sprintf("%s is not encrypted", quoteURL(dest)), "use " + shortURL(secure) + " instead; almost every site answers on https"
	}
	return "", ""
}

// mailtoProblem checks a mailto: address: one or more e-mail addresses,
// separated by commas, before an optional ?subject=….
func mailtoProblem(dest string) (problem, hint string) {
	_, rest, _ := strings.Cut(dest, ":")
	to, _, _ := strings.Cut(rest, "?")
	if t, err := url.PathUnescape(to); err == nil {
		to = t
	}
	if strings.TrimSpace(to) == "" {
		return fmt.Sprintf("%s has no e-mail address", quoteURL(dest)), "write it as mailto:post@example.org"
	}
	for _, addr := range strings.Split(to, ",") {
		addr = strings.TrimSpace(addr)
		if plainAddress(addr) {
			continue
		}
		if a, err := mail.ParseAddress(addr); err != nil || a.Address != addr {
			return fmt.Sprintf("%s is not an e-mail address", quoteURL(dest)), "write it as mailto:post@example.org"
		}
	}
	return "", ""
}

// telProblem checks a tel: address as front matter's phone numbers are
// checked.
func telProblem(dest string) (problem, hint string) {
	_, number, _ := strings.Cut(dest, ":")
	if n, err := url.PathUnescape(number); err == nil {
		number = n
	}
	digits := 0
	for _, r := range number {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '+' || r == '-' || r == '(' || r == ')' || r == '.':
		default:
			return fmt.Sprintf("%s is not a phone number", quoteURL(dest)), "write digits and + only, e.g. tel:+4755512345"
		}
	}
	if digits < 3 {
		return fmt.Sprintf("%s is too short for a phone number", quoteURL(dest)), "write digits and + only, e.g. tel:+4755512345"
	}
	return "", ""
}

// quoteURL quotes an address for a message, shortened if it is long.
func quoteURL(u string) string { return `"` + shortURL(u) + `"` }

func shortURL(u string) string {
	if utf8.RuneCountInString(u) <= 60 {
		return u
	}
	r := []rune(u)
	return string(r[:57]) + "…"
}
