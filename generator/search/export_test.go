package search

import "testing"

// For the benchmarks in package search_test, which build whole sites and
// so cannot live in this package (build imports search).

type Answer = answer

var (
	StartEngine = startEngine
	WriteIndex  = writeIndex
)

// FirstSearch runs q as the first query after opening the page: with
// nothing cached, showing its first ten results.
func (e *jsEngine) FirstSearch(t testing.TB, q string) Answer {
	var a answer
	e.do(t, map[string]any{"op": "search", "q": q, "docs": 10, "fresh": true}, &a)
	return a
}

// OpenBytes is what loading the index cost: meta.bin and facets.bin.
func (e *jsEngine) OpenBytes() int { return e.Open.Bytes }
