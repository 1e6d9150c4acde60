package search

import (
	"html"
	"strings"
)

// htmlText returns the text a reader sees in h, a body as the Markdown
// renderer writes it: tags dropped, an image's alt text kept, entities
// decoded. Inline elements join the text around them, as in the words
// «fri<em>villig</em>»; other tags part it. A footnote's number and what
// script and style elements hold are not text.
//
// An activity's body is kept as HTML until its page is written; reading
// the words from it spares keeping a second copy of every body as text.
// A scan, not golang.org/x/net/html's tokenizer (which pdf uses for raw
// HTML blocks): on the renderer's output it reads the same words six
// times as fast, with one allocation a body instead of sixty, and it
// runs on every body of the site.
func htmlText(h string) string {
	var b strings.Builder
	b.Grow(len(h))
	text := func(s string) {
		if strings.IndexByte(s, '&') >= 0 {
			s = html.UnescapeString(s)
		}
		b.WriteString(s)
	}
	skipTo := "" // the end tag whose element holds no text, once inside one
	for h != "" {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			if skipTo == "" {
				text(h)
			}
			break
		}
		if skipTo == "" {
			text(h[:i])
		}
		h = h[i:]
		if strings.HasPrefix(h, "<!--") {
			end := strings.Index(h[4:], "-->")
			if end < 0 {
				break
			}
			h = h[4+end+3:]
			continue
		}
		name, closing := tagName(h)
		if name == "" { // a '<' that starts no tag: text
			if skipTo == "" {
				b.WriteByte('<')
			}
			h = h[1:]
			continue
		}
		end := tagEnd(h)
		tag := h[:end]
		h = h[end:]
		if skipTo != "" {
			if closing && strings.EqualFold(name, skipTo) {
				skipTo = ""
			}
			continue
		}
		switch {
		case closing:
		case strings.EqualFold(name, "script"), strings.EqualFold(name, "style"):
			skipTo = name
			continue
		case strings.EqualFold(name, "a") && strings.Contains(tag, `role="doc-noteref"`):
			skipTo = name
			continue
		case strings.EqualFold(name, "img"):
			text(attr(tag, "alt"))
			continue
		}
		if !inline[strings.ToLower(name)] {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// inline lists the elements that do not part the words around them.
var inline = toSet("a abbr b bdi bdo cite code data del dfn em i img input ins kbd mark q s samp small span strong sub sup time u var wbr")

// tagName returns the name of the tag h starts with, and whether it is
// an end tag; "" if h starts no tag.
func tagName(h string) (name string, closing bool) {
	i := 1
	if i < len(h) && (h[i] == '/' || h[i] == '!' || h[i] == '?') {
		closing = h[i] == '/'
		i++
	}
	j := i
	for j < len(h) && (h[j] >= 'a' && h[j] <= 'z' || h[j] >= 'A' && h[j] <= 'Z' || j > i && h[j] >= '0' && h[j] <= '9') {
		j++
	}
	return h[i:j], closing
}

// tagEnd returns the length of the tag h starts with: up to its '>'
// outside quoted attribute values, or all of h.
func tagEnd(h string) int {
	var quote byte
	for i := 1; i < len(h); i++ {
		switch c := h[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return len(h)
}

// attr returns the value of the attribute name="…" in tag, still
// escaped; "" if tag has none.
func attr(tag, name string) string {
	key := " " + name + `="`
	i := strings.Index(tag, key)
	if i < 0 {
		return ""
	}
	v := tag[i+len(key):]
	if j := strings.IndexByte(v, '"'); j >= 0 {
		return v[:j]
	}
	return v
}
