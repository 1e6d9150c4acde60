// Package search builds the site's full-text index: static files under
// /search/ that the theme's search client (search-engine.js) reads, so
// search works on any static host and a query downloads only what it
// needs.
//
// Words are lower-cased, NFC, stemmed with the Snowball Norwegian stemmer
// (so gruppe, grupper and gruppene meet) and folded to the spellings of a
// keyboard without æøå (so parorende finds pårørende). Compound words are
// also indexed under the words they are made of, so "gruppe" finds
// "pårørendegruppe". Each posting carries a 4-bit score: whether the word
// is in the title, and a BM25F term weight with field boosts.
//
// The files:
//
//	search/meta.bin       what the client needs first: shard boundaries,
//	                      facet values, stop words, kinds
//	search/facets.bin     per document: kind, upcoming, facet values
//	search/f-<facet>.bin  a facet loaded only when used (municipalities,
//	                      organisations)
//	search/t/<n>.bin      a shard of the dictionary: words in byte order,
//	                      each with its postings
//	search/p/<n>.bin      the postings of a common stem
//	search/d/<n>.json     two documents as results show them
//
// The .bin files are gzip-compressed once, here; the client inflates
// them with DecompressionStream, so a host that does not compress still
// serves small files. See docs/search.md for the formats.
package search

import (
	"bytes"
	"compress/gzip"
	"io"
	"sync"
)

// A Doc is one thing a visitor can find: an activity, organisation,
// project, handbook chapter or report.
type Doc struct {
	Kind    int    // index into Options.Kinds
	URL     string // site path, "/aktiviteter/kor/"
	Title   string
	Summary string
	Body    string // plain text of the body
	// BodyHTML is the body as HTML, read for its text (what a reader
	// sees) when Body is empty.
	BodyHTML string
	// Extra are other texts that should find the document, such as its
	// organisation, place and category names.
	Extra []string
	// Values holds the document's facet values, by the index of the
	// facet in Options.Facets: value keys, several where it has several.
	Values [][]string
	// Current is false for an activity that does not meet again; such
	// activities rank after those that do.
	Current bool
	Org     string // shown in results: who runs it
	When    string // shown in results: "Neste gang: tirsdag 6. januar kl. 19.00"
	Place   string // shown in results: "Bergen", "Digitalt"
}

// A Facet is a property results can be filtered by, with its values in
// display order.
type Facet struct {
	Key    string // URL parameter on /sok/: "fylke"
	Label  string // "Fylke"
	Values []Value
	// Parent names the facet whose values group this one's (kommune
	// under fylke); the client lists a municipality once its county is
	// chosen, and loads the facet only then.
	Parent string
	// Lazy facets (and those with a parent) are in a file of their own,
	// fetched when a visitor opens them, so that a facet of hundreds of
	// values does not weigh on every visit to the search page.
	Lazy bool
}

// A Value is one value of a facet.
type Value struct {
	Key   string // "oslo"
	Label string // "Oslo"
	Group string // key of the parent facet's value, if the facet has one
}

// Options configure the index. Facets and Kinds are required; the rest
// have defaults.
type Options struct {
	Facets []Facet
	Kinds  []string // labels of Doc.Kind: "Aktivitet", "Organisasjon", …
	// ShardBytes is the size a dictionary shard grows to before the next
	// begins, before compression; 0 means 2 KiB. A word's postings are
	// never split.
	ShardBytes int
	// Cache, if set, keeps each document split into words for the next
	// Build with the same Cache.
	Cache *Cache
	// Quick compresses for speed rather than size, for serve: the index
	// is made again after every save that a search follows.
	Quick bool
	// DropBodies lets Build clear each Doc's Body and BodyHTML once it
	// has split them into words, so that text nothing else holds can
	// leave memory before the index is laid out (a build, which has no
	// other use for it).
	DropBodies bool
}

// gzipWriters pools writers per level: a writer's state is large.
var gzipWriters = map[int]*sync.Pool{}

func init() {
	for _, level := range []int{gzip.BestCompression, gzip.BestSpeed} {
		gzipWriters[level] = &sync.Pool{New: func() any {
			w, _ := gzip.NewWriterLevel(io.Discard, level)
			return w
		}}
	}
}

// compress gzips data once, at the given level: the build uses the best,
// since files are written once and fetched many times.
func compress(data []byte, level int) []byte {
	var b bytes.Buffer
	pool := gzipWriters[level]
	zw := pool.Get().(*gzip.Writer)
	zw.Reset(&b)
	zw.Write(data)
	zw.Close()
	pool.Put(zw)
	return b.Bytes()
}
