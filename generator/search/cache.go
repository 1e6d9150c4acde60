package search

import (
	"hash/maphash"
	"strconv"
)

// A Cache keeps what Build learnt of each document, so that building the
// index again after an editor changed a few documents splits only those
// into words: serve rebuilds the index after every save that is followed
// by a search. Pass the same Cache to each Build. The zero value is an
// empty cache; a Cache is not safe for concurrent use.
type Cache struct {
	seed maphash.Seed
	docs map[docKey]*cachedDoc
}

// A docKey identifies a document by its text.
type docKey uint64

// A cachedDoc is a document split into words.
type cachedDoc struct {
	words  []string // distinct, lower-case, no stop words
	tf     []counts
	length [nFields]int32
}

// key hashes the texts the index reads of d. Read-only, so the workers of
// one build may call it at once.
func (c *Cache) key(d *Doc) docKey {
	var h maphash.Hash
	h.SetSeed(c.seed)
	for _, s := range []string{d.Title, d.Summary} {
		h.WriteString(strconv.Itoa(len(s)))
		h.WriteString(s)
	}
	h.WriteString(strconv.Itoa(len(d.Extra)))
	for _, s := range d.Extra {
		h.WriteString(strconv.Itoa(len(s)))
		h.WriteString(s)
	}
	h.WriteString(strconv.Itoa(len(d.Body)))
	h.WriteString(d.Body)
	h.WriteString(d.BodyHTML)
	return docKey(h.Sum64())
}

// ready sets the cache up before a build's workers read it.
func (c *Cache) ready() {
	if c.docs == nil {
		c.seed = maphash.MakeSeed()
		c.docs = map[docKey]*cachedDoc{}
	}
}
