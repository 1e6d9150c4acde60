package markdown

import "strings"

// SafeURL reports whether a link or image URL in Markdown may reach a
// visitor's browser: relative URLs, fragments and the schemes http, https,
// mailto and tel. Anything else (javascript:, data:, vbscript:, file:) could
// run code or leak files, so it is dropped whatever the site's options.
func SafeURL(u string) bool {
	scheme, _, found := strings.Cut(asBrowsed(u), ":")
	if !found || strings.ContainsAny(scheme, "/?#") {
		return true // no scheme: a relative URL
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto", "tel":
		return true
	}
	return false
}

// Scheme returns the scheme of URL u in lower case, read as a browser
// reads it ("javascript" for "java\tscript:" and " JavaScript:"), or ""
// for a relative URL.
func Scheme(u string) string {
	scheme, _, found := strings.Cut(asBrowsed(u), ":")
	if !found || strings.ContainsAny(scheme, "/?#") {
		return ""
	}
	return strings.ToLower(scheme)
}

// asBrowsed drops what browsers ignore in a URL: ASCII tabs and newlines
// anywhere, control characters and spaces in front.
func asBrowsed(u string) string {
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	return strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
}
