package diag

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Lines turns byte offsets in a file into line and column positions.
// Build it once per file: goldmark reports byte offsets, editors need lines.
type Lines struct {
	path   string
	src    []byte
	starts []int // byte offset at which each line begins
}

// NewLines indexes src, the contents of the file at path.
func NewLines(path string, src []byte) *Lines {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &Lines{path: path, src: src, starts: starts}
}

// Pos returns the position of byte offset off. The column counts
// characters, so a line starting with "Pårørende" has "e" at column 9.
func (l *Lines) Pos(off int) Pos {
	off = max(0, min(off, len(l.src)))
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	col := utf8.RuneCount(l.src[l.starts[i]:off]) + 1
	return Pos{Path: l.path, Line: i + 1, Col: col}
}

// Line returns the text of line n (counting from 1) without its newline,
// or "" if there is no such line.
func (l *Lines) Line(n int) []byte {
	if n < 1 || n > len(l.starts) {
		return nil
	}
	end := len(l.src)
	if n < len(l.starts) {
		end = l.starts[n] - 1
	}
	return bytes.TrimSuffix(l.src[l.starts[n-1]:end], []byte{'\r'})
}

// Offset returns the byte offset of line n, column col (both from 1).
func (l *Lines) Offset(line, col int) int {
	if line < 1 || line > len(l.starts) {
		return len(l.src)
	}
	off := l.starts[line-1]
	for c := 1; c < col && off < len(l.src) && l.src[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(l.src[off:])
		off += size
	}
	return off
}
