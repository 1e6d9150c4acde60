package calendar

import (
	"io"
	"strings"
	"unicode/utf8"
)

// maxLine is the longest content line RFC 5545 allows, in octets,
// without the CRLF.
const maxLine = 75

// escapeText escapes s as an iCalendar TEXT value: backslash, semicolon
// and comma get a backslash, line breaks become \n. Other control
// characters are not allowed in TEXT and are dropped; invalid UTF-8
// becomes U+FFFD.
func escapeText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteByte(c)
		default:
			if c < 0x20 || c == 0x7f {
				continue
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// cleanURI drops what may not stand in a URI value on a content line:
// control characters and spaces. Content URLs are checked on load; this
// only keeps a bad one from breaking the file.
func cleanURI(s string) string {
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

// A lineWriter writes content lines folded at 75 octets with CRLF
// endings, to a *bufio.Writer (errors stick in it and come out of Flush)
// or a *bytes.Buffer (which has none).
type lineWriter struct {
	w interface {
		io.Writer
		io.StringWriter
	}
}

// line writes one content line, folding it so that no physical line is
// longer than 75 octets and no UTF-8 sequence is split.
func (lw lineWriter) line(s string) {
	limit := maxLine
	for len(s) > limit {
		i := limit
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		lw.w.WriteString(s[:i])
		lw.w.WriteString("\r\n ")
		s = s[i:]
		limit = maxLine - 1 // the leading space counts
	}
	lw.w.WriteString(s)
	lw.w.WriteString("\r\n")
}

// prop writes NAME:value, the value already escaped.
func (lw lineWriter) prop(name, value string) { lw.line(name + ":" + value) }

// text writes a TEXT property, escaping value. Empty values are left out.
func (lw lineWriter) text(name, value string) {
	if value != "" {
		lw.prop(name, escapeText(value))
	}
}
