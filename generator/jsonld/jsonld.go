// Package jsonld writes schema.org structured data as JSON-LD for the
// head of a page: an Event for each activity page and an Organization
// for each organisation page, so search engines and other finders can
// show when and where an activity meets.
//
// The JSON comes from structs, so keys have a fixed order and the same
// content gives the same bytes. It is encoded with encoding/json's
// default HTML escaping: <, >, & and U+2028/U+2029 inside strings become
// \u003c, \u003e, \u0026, \u2028 and \u2029, so no text an editor writes
// can end the script element it is put in. Script wraps the JSON in that
// element for html/template.
//
// Nothing is published that the page does not show: a join link only
// when Online.Public is set, and no contact person.
//
// The package has no state and is safe for concurrent use.
package jsonld

import (
	"bytes"
	"encoding/json"
	"errors"
	"html/template"
	"strings"
)

// Context is the @context of every document.
const Context = "https://schema.org"

// A Doc is a JSON-LD document this package encoded: valid JSON whose
// strings have <, >, &, U+2028 and U+2029 escaped.
type Doc []byte

// Script returns d as a complete <script type="application/ld+json">
// element, as Script does, without checking again what marshal made
// sure of.
func (d Doc) Script() template.HTML {
	return template.HTML(scriptOpen + string(d) + scriptEnd)
}

const scriptOpen, scriptEnd = `<script type="application/ld+json">`, `</script>`

// Script returns the JSON-LD document data as a complete
// <script type="application/ld+json"> element, to be written into a
// page's <head> with {{.}}: it is template.HTML, so html/template writes
// it as it is. data must be valid JSON; <, >, &, U+2028 and U+2029 in
// its strings are escaped again here, so JSON from elsewhere is safe too.
func Script(data []byte) (template.HTML, error) {
	if !json.Valid(data) {
		return "", errors.New("jsonld: not valid JSON")
	}
	if !needsEscape(data) { // as json.Marshal writes it
		return Doc(data).Script(), nil
	}
	var b strings.Builder
	b.WriteString(scriptOpen)
	var esc bytes.Buffer
	json.HTMLEscape(&esc, data)
	b.Write(esc.Bytes())
	b.WriteString(scriptEnd)
	return template.HTML(b.String()), nil
}

// needsEscape reports whether data has a byte json.HTMLEscape changes:
// <, > or &, or the start of U+2028 or U+2029.
func needsEscape(data []byte) bool {
	return bytes.ContainsAny(data, "<>&") || bytes.Contains(data, []byte("\u2028")) || bytes.Contains(data, []byte("\u2029"))
}

// marshal encodes v with HTML escaping (the default of json.Marshal;
// never turn it off here).
func marshal(v any) (Doc, error) { return json.Marshal(v) }

// oneOrMore is a list written as a single value when it has one item,
// as schema.org examples do.
type oneOrMore[T any] []T

func (l oneOrMore[T]) MarshalJSON() ([]byte, error) {
	if len(l) == 1 {
		return marshal(l[0])
	}
	return marshal([]T(l))
}
