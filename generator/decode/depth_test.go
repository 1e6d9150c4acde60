package decode

import (
	"strings"
	"testing"

	"moteplass/generator/diag"
)

func TestTooDeep(t *testing.T) {
	deep := "a = " + strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	for _, tt := range []struct {
		src  string
		at   int // offset of the bracket too deep, -1 if none
		name string
	}{
		{"title = \"x\"\n[[figures]]\nvalues = [[1, 2], [3]]\nt = {a = {b = 1}}\n", -1, "ordinary"},
		{deep, 4 + MaxDepth, "arrays"},
		{"a = " + strings.Repeat("{b = ", MaxDepth+1) + "1" + strings.Repeat("}", MaxDepth+1), 4 + 5*MaxDepth, "inline tables"},
		{`a = "` + strings.Repeat("[", 100) + `"`, -1, "brackets in a basic string"},
		{`a = '` + strings.Repeat("{", 100) + `'`, -1, "braces in a literal string"},
		{`a = "\"` + strings.Repeat("[", 100) + `"`, -1, "after an escaped quote"},
		{"a = \"\"\"\n" + strings.Repeat("[", 100) + "\n\\\"\"\"\n" + strings.Repeat("[", 100) + "\"\"\"", -1, "multi-line string with an escaped quote"},
		{"a = '''\n" + strings.Repeat("[", 100) + "'''", -1, "multi-line literal string"},
		{"# " + strings.Repeat("[", 100) + "\na = 1", -1, "comment"},
		{strings.Repeat("]", 100) + deep, 104 + MaxDepth, "closing brackets first"},
	} {
		at, deep := tooDeep([]byte(tt.src))
		if !deep {
			at = -1
		}
		if at != tt.at {
			t.Errorf("%s: too deep at %d, want %d", tt.name, at, tt.at)
		}
	}
}

// TestDeepFrontMatter: 10,000 nested inline tables took BurntSushi/toml
// 10 s and 11 GB of allocations; now they are an error at once, with
// the position of the first bracket too deep.
func TestDeepFrontMatter(t *testing.T) {
	for _, src := range []string{
		"title = \"x\"\nsummary = " + strings.Repeat("{a = ", 10000) + "1" + strings.Repeat("}", 10000) + "\n",
		"title = \"x\"\nsummary = " + strings.Repeat("[", 10000) + "1" + strings.Repeat("]", 10000) + "\n",
	} {
		file := "+++\n" + src + "+++\n"
		lines := diag.NewLines("a.md", []byte(file))
		var v struct {
			Title   string `toml:"title"`
			Summary string `toml:"summary"`
		}
		_, errs := Decode(lines, 4, []byte(src), &v)
		if len(errs) != 1 || !strings.HasPrefix(errs.Error(), "a.md:3:") || !strings.Contains(errs.Error(), "nested more than") {
			t.Errorf("got %v", errs)
		}
	}
}
