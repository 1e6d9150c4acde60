package content

import (
	"bytes"
	"unicode/utf8"

	"moteplass/generator/diag"
)

// Front matter sits between two lines of exactly "+++" at the top of a file.
var fence = []byte("+++")

// normalize returns src without a byte-order mark and with CRLF line
// endings made LF, so files saved on Windows "just work" and line numbers
// stay the editor's.
func normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	return src
}

// split finds the front matter of src. It returns the byte ranges of the
// TOML text and of the body.
func split(path string, src []byte, lines *diag.Lines) (toml, body []byte, tomlStart, bodyStart int, errs diag.List) {
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, size := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		errs.Add(lines.Pos(off), "the file is not UTF-8 text", "save it as UTF-8 in your editor")
		return
	}
	first, _, _ := bytes.Cut(src, []byte("\n"))
	if !bytes.Equal(bytes.TrimRight(first, " \t"), fence) {
		hint := "the file must start with a line +++, then the fields, then another line +++"
		if len(bytes.TrimSpace(src)) == 0 {
			errs.Add(diag.Pos{Path: path, Line: 1, Col: 1}, "the file is empty", hint)
		} else {
			errs.Add(diag.Pos{Path: path, Line: 1, Col: 1}, "missing front matter", hint)
		}
		return
	}
	tomlStart = len(first) + 1
	for off := tomlStart; off <= len(src); {
		line, _, found := bytes.Cut(src[off:], []byte("\n"))
		if bytes.Equal(bytes.TrimRight(line, " \t"), fence) {
			bodyStart = off + len(line)
			if found {
				bodyStart++
			}
			return src[tomlStart:off], src[bodyStart:], tomlStart, bodyStart, nil
		}
		if !found {
			break
		}
		off += len(line) + 1
	}
	errs.Add(diag.Pos{Path: path, Line: 1, Col: 1}, "the front matter has no closing +++", "add a line with just +++ after the last field, before the text")
	return
}
