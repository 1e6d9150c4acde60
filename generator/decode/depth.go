package decode

import "bytes"

// MaxDepth bounds how deeply front matter may nest arrays and inline
// tables. Real front matter nests two or three levels ([[figures]] with
// values = [1, 2]); BurntSushi/toml needs time and memory that grow with
// the square of the depth (10,000 nested inline tables: 10 s and 11 GB
// allocated), so deeper nesting is refused before it is parsed.
const MaxDepth = 32

// tooDeep returns the offset in src of the first bracket or brace that
// opens a level deeper than MaxDepth, and false if there is none. It
// skips strings and comments, so "[" inside quotes does not count.
func tooDeep(src []byte) (int, bool) {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '[', '{':
			depth++
			if depth > MaxDepth {
				return i, true
			}
		case ']', '}':
			depth = max(0, depth-1)
		case '#':
			if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
				i += j
			} else {
				return 0, false
			}
		case '"', '\'':
			i = stringEnd(src, i)
		}
	}
	return 0, false
}

// stringEnd returns the offset of the last byte of the TOML string that
// starts at src[i]: basic ("…", with backslash escapes) or literal
// ('…'), on one line or, tripled, on several.
func stringEnd(src []byte, i int) int {
	q := src[i]
	if bytes.HasPrefix(src[i:], []byte{q, q, q}) {
		end := bytes.Index(src[i+3:], []byte{q, q, q})
		for q == '"' && end >= 0 && escaped(src, i+3+end) {
			next := bytes.Index(src[i+3+end+1:], []byte{q, q, q})
			if next < 0 {
				end = -1
				break
			}
			end += 1 + next
		}
		if end < 0 {
			return len(src) - 1
		}
		return i + 3 + end + 2
	}
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q:
			return j
		case '\n':
			return j // unterminated: the parser reports it
		}
	}
	return len(src) - 1
}

// escaped reports whether the byte at src[i] follows an odd number of
// backslashes.
func escaped(src []byte, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && src[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}
