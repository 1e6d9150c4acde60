package markdown

import "strings"

// SafeURL reports whether a link or image URL in Markdown may reach a
// visitor's browser: relative URLs, fragments and the schemes http, https,
// mailto and tel. Anything else (javascript:, data:, vbscript:, file:) could
// run code or leak files, so it is dropped whatever the site's options.
func SafeURL(u string) bool {
	// Browsers ignore ASCII tabs and newlines inside a URL and leading
	// control characters and spaces, so "java\tscript:" is javascript:.
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	scheme, _, found := strings.Cut(u, ":")
	if !found || strings.ContainsAny(scheme, "/?#") {
		return true // no scheme: a relative URL
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto", "tel":
		return true
	}
	return false
}
