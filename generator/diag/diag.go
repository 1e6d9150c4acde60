// Package diag holds the problems found in a site's files, each with the
// path, line and column an editor needs to find it.
//
// Problems are collected, not returned one at a time: an editor fixes every
// mistake in one pass. A List sorts by path, then line, then column, so the
// output of a build is the same on every run.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A Pos is a place in a file. Line and Col count from 1; Col counts
// characters, not bytes, so "æøå" each take one column. A zero Line means
// the problem concerns the whole file.
type Pos struct {
	Path string // slash-separated, relative to the site folder
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.Path
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.Path, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.Path, p.Line, p.Col)
}

// An Error is one problem: where, what is wrong, and optionally what to
// write instead.
type Error struct {
	Pos  Pos
	Msg  string
	Hint string // optional; printed after the message
}

func (e *Error) Error() string {
	if e.Hint == "" {
		return e.Pos.String() + ": " + e.Msg
	}
	return e.Pos.String() + ": " + e.Msg + "; " + e.Hint
}

// A List collects problems. The zero value is an empty list ready to use.
// A List is not safe for concurrent use; collect per goroutine and Merge.
type List []*Error

// Add appends a problem.
func (l *List) Add(pos Pos, msg, hint string) {
	*l = append(*l, &Error{Pos: pos, Msg: msg, Hint: hint})
}

// Addf appends a problem with a formatted message and no hint.
func (l *List) Addf(pos Pos, format string, args ...any) {
	l.Add(pos, fmt.Sprintf(format, args...), "")
}

// Merge appends every problem of other.
func (l *List) Merge(other List) { *l = append(*l, other...) }

// Sort orders the list by path, line, column and message, and drops exact
// duplicates (the same problem found by two checks).
func (l *List) Sort() {
	slices.SortStableFunc(*l, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Pos.Path, b.Pos.Path),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	*l = slices.CompactFunc(*l, func(a, b *Error) bool { return *a == *b })
}

// Err sorts the list and returns it as an error, or nil if it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

// Error prints one problem per line.
func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}
