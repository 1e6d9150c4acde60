package diag

import (
	"errors"
	"testing"
)

func TestListSortAndPrint(t *testing.T) {
	var l List
	l.Add(Pos{"content/b.md", 3, 1}, "b3", "")
	l.Add(Pos{"content/a.md", 10, 2}, "a10", "")
	l.Add(Pos{"content/a.md", 2, 5}, `unknown key "titel"`, `did you mean "title"?`)
	l.Add(Pos{"content/a.md", 2, 5}, `unknown key "titel"`, `did you mean "title"?`)
	l.Add(Pos{"site.toml", 0, 0}, "whole file", "")
	err := l.Err()
	want := `content/a.md:2:5: unknown key "titel"; did you mean "title"?
content/a.md:10:2: a10
content/b.md:3:1: b3
site.toml: whole file`
	if err == nil || err.Error() != want {
		t.Fatalf("got\n%v\nwant\n%s", err, want)
	}
	var list List
	if !errors.As(err, &list) || len(list) != 4 {
		t.Fatalf("errors.As: %v, %d entries", list, len(list))
	}
	if (List{}).Err() != nil {
		t.Fatal("empty list must give a nil error")
	}
}

func TestLines(t *testing.T) {
	src := []byte("+++\ntitle = \"Pårørende\"\r\n+++\nTekst\n")
	l := NewLines("x.md", src)
	tests := []struct {
		off  int
		want Pos
	}{
		{0, Pos{"x.md", 1, 1}},
		{4, Pos{"x.md", 2, 1}},
		{4 + len(`title = "Pårørende`), Pos{"x.md", 2, 19}},
		{len(src), Pos{"x.md", 5, 1}},
		{-3, Pos{"x.md", 1, 1}},
	}
	for _, tt := range tests {
		if got := l.Pos(tt.off); got != tt.want {
			t.Errorf("Pos(%d) = %v, want %v", tt.off, got, tt.want)
		}
	}
	if got := string(l.Line(2)); got != `title = "Pårørende"` {
		t.Errorf("Line(2) = %q", got)
	}
	if off := l.Offset(2, 11); string(src[off:off+2]) != "å" {
		t.Errorf("Offset(2,11) = %d (%q)", off, src[off:])
	}
}
