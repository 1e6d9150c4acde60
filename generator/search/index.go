package search

import (
	"maps"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Fields of a document, with their BM25F boost and length normalisation.
const (
	fieldTitle = iota
	fieldSummary
	fieldExtra
	fieldBody
	nFields
)

var (
	fieldBoost = [nFields]float64{5, 2, 1.5, 1}
	fieldB     = [nFields]float64{0.5, 0.5, 0, 0.75}
)

const (
	k1 = 1.2
	// partWeight is how much a word counts where it is only part of a
	// compound: "gruppe" in "pårørendegruppe".
	partWeight = 0.5
)

// A posting says a document has a word, with its score nibble: bit 3 is
// set if the word's stem is in the title, bits 0–2 are the saturated
// BM25F term frequency tf/(k1+tf) in eighths. The document number is in
// the upper 28 bits: a hundred thousand documents have millions of
// postings, and four bytes each is half of a struct's eight.
type posting uint32

func newPosting(doc uint32, score uint8) posting { return posting(doc<<4 | uint32(score&15)) }

func (p posting) doc() uint32  { return uint32(p) >> 4 }
func (p posting) score() uint8 { return uint8(p & 15) }

// maxDocs is how many documents postings can number.
const maxDocs = 1 << 28

// docWords is what tokenising one document yields: its distinct words
// (ids into the worker's vocabulary) with their counts per field, and the
// length of each field.
type docWords struct {
	ids    []int32
	tf     []counts
	length [nFields]int32
}

// counts are a word's occurrences in each field of a document. They stop
// at 255: BM25 has saturated long before, and a byte instead of two
// makes the words of a hundred thousand documents 60 MB smaller.
type counts [nFields]uint8

// vocab is one worker's list of distinct lower-case words.
type vocab struct {
	ids   map[string]int32
	words []string
}

// id returns the id of the word w, or of lower if w is "" (see
// splitWords), or -1 for a stop word; a word's first sight decides, so
// that each token costs one lookup. A new word is copied: w is part of a
// document's text, which it would otherwise keep in memory.
func (v *vocab) id(w string, lower []byte) int32 {
	var id int32
	var ok bool
	if w == "" {
		id, ok = v.ids[string(lower)]
	} else {
		id, ok = v.ids[w]
	}
	if ok {
		return id
	}
	if w == "" {
		w = string(lower)
	} else {
		w = strings.Clone(w)
	}
	if stopWords[w] {
		v.ids[w] = -1
		return -1
	}
	id = int32(len(v.words))
	v.ids[w] = id
	v.words = append(v.words, w)
	return id
}

// tokenize splits docs into words with one worker's vocabulary. A
// document the cache knows (by its text) is not split again; what it
// splits goes into fresh, for the next build's cache. With drop, each
// document's Body and BodyHTML are cleared once split
// (Options.DropBodies).
func tokenize(docs []Doc, v *vocab, cache *Cache, fresh map[docKey]*cachedDoc, drop bool) []docWords {
	out := make([]docWords, len(docs))
	// For each word id, the last document (i+1) it was seen in and its
	// index in that document's ids: slices, not a map cleared per
	// document, as every token looks.
	var seenIn, seenAt []int32
	// A document's words are gathered in scratch slices and kept in
	// slices of their exact size: grown by appending, they would hold a
	// quarter more on average, for the whole build of the index.
	var ids []int32
	var tf []counts
	var buf []byte // for splitWords
	for i := range docs {
		d := &docs[i]
		dw := &out[i]
		var key docKey
		if cache != nil {
			key = cache.key(d)
			if c := cache.docs[key]; c != nil {
				dw.ids = make([]int32, len(c.words))
				for j, w := range c.words {
					dw.ids[j] = v.id(w, nil)
				}
				dw.tf, dw.length = c.tf, c.length
				fresh[key] = c
				continue
			}
		}
		stamp := int32(i + 1)
		ids, tf = ids[:0], tf[:0]
		add := func(field int, text string) {
			buf = splitWords(text, buf, func(w string, lower []byte) {
				dw.length[field]++
				id := v.id(w, lower)
				if id < 0 {
					return // a stop word
				}
				if int(id) >= len(seenIn) {
					seenIn = append(seenIn, make([]int32, int(id)+1-len(seenIn))...)
					seenAt = append(seenAt, make([]int32, int(id)+1-len(seenAt))...)
				}
				j := int(seenAt[id])
				if seenIn[id] != stamp {
					j = len(ids)
					seenIn[id], seenAt[id] = stamp, int32(j)
					ids = append(ids, id)
					tf = append(tf, counts{})
				}
				if tf[j][field] < math.MaxUint8 {
					tf[j][field]++
				}
			})
		}
		add(fieldTitle, d.Title)
		add(fieldSummary, d.Summary)
		for _, e := range d.Extra {
			add(fieldExtra, e)
		}
		if d.Body == "" && d.BodyHTML != "" {
			add(fieldBody, htmlText(d.BodyHTML))
		} else {
			add(fieldBody, d.Body)
		}
		if drop {
			d.Body, d.BodyHTML = "", ""
		}
		dw.ids, dw.tf = slices.Clone(ids), slices.Clone(tf)
		if cache != nil {
			c := &cachedDoc{words: make([]string, len(dw.ids)), tf: dw.tf, length: dw.length}
			for j, id := range dw.ids {
				c.words[j] = v.words[id]
			}
			fresh[key] = c
		}
	}
	return out
}

// An entry is one word of the dictionary.
type entry struct {
	term
	group int32   // index of the word's stem group
	parts []int32 // entries of the words a compound is made of
}

// dictionary is every distinct folded word of the index, and per stem
// group the documents that have one of its words. Words of a group share
// its postings: "gruppe", "grupper" and "gruppene" find the same
// documents, with the same scores.
type dictionary struct {
	entries []entry
	byWord  map[string]int32 // folded word -> entry
	posts   [][]posting      // by group
}

func (d *dictionary) entry(w string, t func() term) int32 {
	if id, ok := d.byWord[w]; ok {
		return id
	}
	id := int32(len(d.entries))
	d.byWord[w] = id
	d.entries = append(d.entries, entry{term: t()})
	return id
}

// invert builds the dictionary with postings for docs: tokenising in
// parallel over contiguous ranges, so that concatenating the workers'
// postings keeps them in document order.
func invert(docs []Doc, cache *Cache, drop bool) *dictionary {
	workers := max(1, min(runtime.GOMAXPROCS(0), len(docs)/64))
	type part struct {
		lo    int
		v     vocab
		words []docWords
		posts [][]posting // by group
		fresh map[docKey]*cachedDoc
	}
	if len(docs) > maxDocs {
		docs = docs[:maxDocs] // Build refuses this many first
	}
	parts := make([]part, workers)
	var wg sync.WaitGroup
	for w := range parts {
		p := &parts[w]
		p.lo = len(docs) * w / workers
		hi := len(docs) * (w + 1) / workers
		p.v.ids = map[string]int32{}
		p.fresh = map[docKey]*cachedDoc{}
		wg.Go(func() { p.words = tokenize(docs[p.lo:hi], &p.v, cache, p.fresh, drop) })
	}
	wg.Wait()
	if cache != nil {
		// The next build knows what this one split, and nothing older:
		// deleted documents drop out.
		cache.docs = map[docKey]*cachedDoc{}
		for w := range parts {
			maps.Copy(cache.docs, parts[w].fresh)
		}
	}

	// One dictionary for all: lower-case words fold into entries
	// ("Pårørende" and "parorende" are one), entries share stem groups.
	dict := &dictionary{byWord: map[string]int32{}}
	groups := map[string]int32{}
	local := make([][]int32, workers) // worker word id -> entry
	for w := range parts {
		p := &parts[w]
		local[w] = make([]int32, len(p.v.words))
		for i, lw := range p.v.words {
			t := newTerm(lw)
			local[w][i] = dict.entry(t.word, func() term { return t })
		}
	}
	for i := range dict.entries {
		e := &dict.entries[i]
		g := e.word[:e.stemLen]
		id, ok := groups[g]
		if !ok {
			id = int32(len(groups))
			groups[g] = id
		}
		e.group = id
	}
	decompound(dict, groups)

	// Average field lengths, for BM25's length normalisation.
	var avg [nFields]float64
	for w := range parts {
		for _, dw := range parts[w].words {
			for f := range nFields {
				avg[f] += float64(dw.length[f])
			}
		}
	}
	for f := range avg {
		avg[f] = max(1, avg[f]/float64(max(1, len(docs))))
	}

	for w := range parts {
		wg.Go(func() {
			p := &parts[w]
			p.posts = make([][]posting, len(groups))
			s := newScorer(dict, avg, len(groups))
			for i := range p.words {
				s.doc(uint32(p.lo+i), &p.words[i], local[w], p.posts)
				p.words[i] = docWords{} // its postings now say it all
			}
			p.words = nil
		})
	}
	wg.Wait()
	// Join the workers' lists, freeing each as it is copied, so the
	// postings are in memory about once.
	dict.posts = make([][]posting, len(groups))
	for g := range dict.posts {
		n := 0
		for w := range parts {
			n += len(parts[w].posts[g])
		}
		if workers == 1 {
			dict.posts[g] = parts[0].posts[g]
			continue
		}
		dict.posts[g] = make([]posting, 0, n)
		for w := range parts {
			dict.posts[g] = append(dict.posts[g], parts[w].posts[g]...)
			parts[w].posts[g] = nil
		}
	}
	return dict
}

// scorer turns one document's word counts into postings. One per
// worker; the per-document table is dense and reset by stamping, not
// cleared, since a document touches a few hundred of a dictionary's
// hundred thousand stems.
type scorer struct {
	dict *dictionary
	avg  [nFields]float64

	stamp   uint32
	groupAt []uint32 // group -> stamp of the last document that had it
	groupTF [][nFields]float64
	groups  []int32 // the groups of the current document
}

func newScorer(d *dictionary, avg [nFields]float64, groups int) *scorer {
	return &scorer{dict: d, avg: avg, groupAt: make([]uint32, groups), groupTF: make([][nFields]float64, groups)}
}

func (s *scorer) add(e int32, tf *[nFields]float64, weight float64) {
	g := s.dict.entries[e].group
	if s.groupAt[g] != s.stamp {
		s.groupAt[g] = s.stamp
		s.groupTF[g] = [nFields]float64{}
		s.groups = append(s.groups, g)
	}
	for f := range tf {
		s.groupTF[g][f] += tf[f] * weight
	}
}

func (s *scorer) doc(doc uint32, dw *docWords, local []int32, posts [][]posting) {
	s.stamp++
	s.groups = s.groups[:0]
	for i, id := range dw.ids {
		e := local[id]
		var tf [nFields]float64
		for f := range tf {
			tf[f] = float64(dw.tf[i][f])
		}
		s.add(e, &tf, 1)
		for _, p := range s.dict.entries[e].parts {
			s.add(p, &tf, partWeight)
		}
	}
	for _, g := range s.groups {
		posts[g] = append(posts[g], newPosting(doc, s.score(&s.groupTF[g], &dw.length)))
	}
}

// score is BM25F's saturated term frequency for one stem group in one
// document, in eighths, with bit 3 set for a title match. The client
// multiplies by the idf of what the query matched.
func (s *scorer) score(tf *[nFields]float64, length *[nFields]int32) uint8 {
	var w float64
	for f := range tf {
		if tf[f] == 0 {
			continue
		}
		norm := 1 - fieldB[f] + fieldB[f]*float64(length[f])/s.avg[f]
		w += fieldBoost[f] * tf[f] / norm
	}
	level := uint8(min(7, math.Floor(8*w/(k1+w))))
	if tf[fieldTitle] > 0 {
		level |= 8
	}
	return level
}

// sortedEntries returns the entry indexes in byte order of their words,
// the order of the dictionary shards.
func (d *dictionary) sortedEntries() []int32 {
	order := make([]int32, len(d.entries))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		wa, wb := d.entries[a].word, d.entries[b].word
		switch {
		case wa < wb:
			return -1
		case wa > wb:
			return 1
		}
		return 0
	})
	return order
}
