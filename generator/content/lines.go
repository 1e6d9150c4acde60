package content

import "moteplass/generator/diag"

// BodyLines turns byte offsets in a File's Body (as goldmark's n.Pos()
// reports them) into positions in the file, front matter included.
type BodyLines struct {
	lines *diag.Lines
	base  int // offset of the body in the file
}

// Pos returns the file position of body offset off.
func (b BodyLines) Pos(off int) diag.Pos {
	if b.lines == nil {
		return diag.Pos{}
	}
	return b.lines.Pos(b.base + off)
}

// NewBodyLines returns the BodyLines of a body that starts at byte offset
// bodyStart of the file indexed by lines; for tests and tools that build
// Files without the loader.
func NewBodyLines(lines *diag.Lines, bodyStart int) BodyLines {
	return BodyLines{lines: lines, base: bodyStart}
}
