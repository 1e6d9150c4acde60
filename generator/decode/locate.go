package decode

import (
	"strconv"
	"strings"
)

// A span is where a key and its value start in the TOML text (byte
// offsets into the decoded source).
type span struct {
	key, value int
}

// locate finds the position of every key and array element in src, which
// the TOML parser has already accepted. BurntSushi/toml keeps positions
// private, and an editor needs the line of the offending value, so this
// scanner follows the TOML grammar just far enough to find where keys and
// values start. Paths look like "schedule.start", "chapters[1].id" and
// "audiences[0]".
func locate(src []byte) map[string]span {
	s := &scanner{src: src, spans: map[string]span{}, arrays: map[string]int{}}
	s.document()
	return s.spans
}

type scanner struct {
	src    []byte
	i      int
	spans  map[string]span
	arrays map[string]int // array-of-tables path → index of its last element
	table  string         // path of the current [table]
}

func (s *scanner) document() {
	for s.i < len(s.src) {
		s.skipSpace(true)
		if s.i >= len(s.src) {
			return
		}
		switch c := s.src[s.i]; {
		case c == '[':
			s.header()
		default:
			start := s.i
			key := s.key()
			if key == "" {
				s.skipLine()
				continue
			}
			path := join(s.table, key)
			s.skipSpace(false)
			if s.peek() == '=' {
				s.i++
			}
			s.skipSpace(false)
			s.spans[path] = span{key: start, value: s.i}
			s.value(path)
		}
	}
}

// header reads [table] or [[array.of.tables]].
func (s *scanner) header() {
	start := s.i
	s.i++
	array := s.peek() == '['
	if array {
		s.i++
	}
	s.skipSpace(false)
	parts := s.keyParts()
	// Resolve parents that are arrays of tables to their last element.
	path := ""
	for n, p := range parts {
		path = join(path, p)
		if idx, ok := s.arrays[path]; ok && (n < len(parts)-1 || !array) {
			path += "[" + strconv.Itoa(idx) + "]"
		}
	}
	if array {
		idx := 0
		if last, ok := s.arrays[path]; ok {
			idx = last + 1
		}
		s.arrays[path] = idx
		s.spans[path] = span{key: start, value: start}
		path += "[" + strconv.Itoa(idx) + "]"
	}
	s.spans[path] = span{key: start, value: start}
	s.table = path
	s.skipLine()
}

func (s *scanner) key() string { return strings.Join(s.keyParts(), ".") }

// keyParts reads a possibly dotted, possibly quoted key.
func (s *scanner) keyParts() []string {
	var parts []string
	for {
		s.skipSpace(false)
		var part string
		switch s.peek() {
		case '"', '\'':
			q := s.src[s.i]
			s.i++
			start := s.i
			for s.i < len(s.src) && s.src[s.i] != q && s.src[s.i] != '\n' {
				if q == '"' && s.src[s.i] == '\\' {
					s.i++
				}
				s.i++
			}
			part = string(s.src[start:min(s.i, len(s.src))])
			s.i++
		default:
			start := s.i
			for s.i < len(s.src) && isBare(s.src[s.i]) {
				s.i++
			}
			part = string(s.src[start:s.i])
		}
		if part == "" && s.peek() != '.' {
			return parts
		}
		parts = append(parts, part)
		s.skipSpace(false)
		if s.peek() != '.' {
			return parts
		}
		s.i++
	}
}

// value skips one value, recording the positions of array elements and
// inline-table keys under path.
func (s *scanner) value(path string) {
	switch s.peek() {
	case '"', '\'':
		s.str()
	case '[':
		s.i++
		for n := 0; ; n++ {
			s.skipSpace(true)
			if s.i >= len(s.src) || s.peek() == ']' {
				s.i++
				return
			}
			elem := path + "[" + strconv.Itoa(n) + "]"
			s.spans[elem] = span{key: s.i, value: s.i}
			s.value(elem)
			s.skipSpace(true)
			if s.peek() == ',' {
				s.i++
			}
		}
	case '{':
		s.i++
		for {
			s.skipSpace(false)
			if s.i >= len(s.src) || s.peek() == '}' || s.peek() == '\n' {
				s.i++
				return
			}
			start := s.i
			key := join(path, s.key())
			s.skipSpace(false)
			if s.peek() == '=' {
				s.i++
			}
			s.skipSpace(false)
			s.spans[key] = span{key: start, value: s.i}
			s.value(key)
			s.skipSpace(false)
			if s.peek() == ',' {
				s.i++
			}
		}
	default:
		for s.i < len(s.src) && !strings.ContainsRune(",]}#\n", rune(s.src[s.i])) {
			s.i++
		}
	}
}

func (s *scanner) str() {
	q := s.src[s.i]
	triple := strings.HasPrefix(string(s.src[s.i:min(s.i+3, len(s.src))]), strings.Repeat(string(q), 3))
	if triple {
		s.i += 3
		end := strings.Index(string(s.src[s.i:]), strings.Repeat(string(q), 3))
		for q == '"' && end > 0 && s.escaped(s.i+end) {
			next := strings.Index(string(s.src[s.i+end+1:]), `"""`)
			if next < 0 {
				end = -1
				break
			}
			end += 1 + next
		}
		if end < 0 {
			s.i = len(s.src)
			return
		}
		s.i += end + 3
		for s.peek() == q { // up to two quotes may end the string
			s.i++
		}
		return
	}
	s.i++
	for s.i < len(s.src) && s.src[s.i] != q && s.src[s.i] != '\n' {
		if q == '"' && s.src[s.i] == '\\' {
			s.i++
		}
		s.i++
	}
	s.i++
}

// escaped reports whether the byte at i is preceded by an odd number of
// backslashes.
func (s *scanner) escaped(i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s.src[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// skipSpace skips blanks and comments; with newlines, also line ends.
func (s *scanner) skipSpace(newlines bool) {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t':
		case '\r', '\n':
			if !newlines {
				return
			}
		case '#':
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.i++
			}
			continue
		default:
			return
		}
		s.i++
	}
}

func (s *scanner) skipLine() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.i++
	}
}

func (s *scanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c >= 0x80
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}
