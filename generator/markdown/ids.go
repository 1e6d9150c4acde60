package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"

	"moteplass/generator/slug"
)

// ids makes heading anchors readable in a URL: "#hva-er-en-nettverksgruppe"
// rather than goldmark's default, which keeps æøå and would need escaping.
type ids struct {
	used map[string]bool
}

func newIDs() parser.IDs { return &ids{used: map[string]bool{}} }

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug.Make(string(value))
	if base == "" {
		base = "avsnitt"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }
