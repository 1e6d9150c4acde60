package search

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"moteplass/generator/publish"
)

// An Index is a built search index, ready to be written.
type Index struct {
	meta   []byte   // compressed
	facets []byte   // compressed
	lazy   []lazy   // facets loaded on demand
	shards [][]byte // compressed
	lists  [][]byte // compressed: long posting lists
	docs   [][]byte // JSON, docsPerFile documents each
	Stats  Stats
}

type lazy struct {
	key  string
	data []byte // compressed
}

// Stats describe an index, for the build summary and benchmarks.
type Stats struct {
	Docs, Words, Postings, Shards int
	Bytes                         int64 // all files, compressed
}

// meta is what the client fetches first.
type meta struct {
	Version string      `json:"v"`
	Docs    int         `json:"n"`
	Shards  []string    `json:"shards"` // first word of each
	Stop    []string    `json:"stop"`
	Kinds   []string    `json:"kinds"`
	Facets  []metaFacet `json:"facets"`
}

type metaFacet struct {
	Key    string     `json:"key"`
	Label  string     `json:"label"`
	Values [][]string `json:"values"` // key, label[, group]
	Sets   [][]int    `json:"sets"`   // distinct value sets; column entries index these
	Parent string     `json:"parent,omitempty"`
	File   string     `json:"file,omitempty"` // set if the column is its own file
}

// docMeta is a document as a result shows it.
type docMeta struct {
	Title   string `json:"t"`
	URL     string `json:"u"`
	Summary string `json:"s,omitempty"`
	Org     string `json:"o,omitempty"`
	When    string `json:"w,omitempty"`
	Place   string `json:"p,omitempty"`
}

// maxSummary is how many characters of a summary a result shows.
const maxSummary = 200

// docsPerFile is how many documents share a result file: one each would
// fetch the least, but at 100,000 activities a file per document is a
// third of all the files a build writes, and creating files is what disks
// are slowest at. Two halve the files and keep a first one-word query
// at 10,000 activities under 10 kB (four would not).
const docsPerFile = 2

// Build indexes docs, in the order given: with an empty query and no
// filters that is the order results come in. Values in Doc.Values must be
// keys of the matching facet.
func Build(docs []Doc, opt Options) (*Index, error) {
	if opt.ShardBytes <= 0 {
		opt.ShardBytes = 2 << 10
	}
	if len(docs) > maxDocs {
		return nil, fmt.Errorf("search: %d documents; the index holds at most %d", len(docs), maxDocs)
	}
	for i, d := range docs {
		if d.Kind < 0 || d.Kind >= len(opt.Kinds) {
			return nil, fmt.Errorf("search: document %s has kind %d of %d", d.URL, d.Kind, len(opt.Kinds))
		}
		if len(d.Values) > len(opt.Facets) {
			return nil, fmt.Errorf("search: document %d (%s) has values for %d facets, not %d", i, d.URL, len(d.Values), len(opt.Facets))
		}
	}
	if opt.Cache != nil {
		opt.Cache.ready()
	}
	dict := invert(docs, opt.Cache, opt.DropBodies)
	sh, lists := shards(dict, opt.ShardBytes)

	ix := &Index{shards: make([][]byte, len(sh)), lists: make([][]byte, len(lists)), docs: make([][]byte, (len(docs)+docsPerFile-1)/docsPerFile)}
	ix.Stats.Docs, ix.Stats.Words, ix.Stats.Shards = len(docs), len(dict.entries), len(sh)
	for _, p := range dict.posts {
		ix.Stats.Postings += len(p)
	}
	dict = nil

	m := meta{Docs: len(docs), Kinds: opt.Kinds, Facets: []metaFacet{}, Stop: slices.Sorted(maps.Keys(stopWords))}
	for _, s := range sh {
		m.Shards = append(m.Shards, s.first)
	}
	cols, err := facetColumns(docs, opt.Facets, &m)
	if err != nil {
		return nil, err
	}

	// Compress in parallel; the version is a hash of every file, so a
	// browser never mixes files of two builds. Documents stay JSON: a
	// few hundred bytes gain little from gzip, and a hundred thousand
	// of them cost seconds; hosts compress JSON as they serve it.
	h := sha256.New()
	level := gzip.BestCompression
	if opt.Quick {
		level = gzip.BestSpeed
	}
	parallel(len(sh), func(i int) { ix.shards[i] = compress(sh[i].data, level) })
	parallel(len(lists), func(i int) { ix.lists[i] = compress(lists[i], level) })
	parallel(len(ix.docs), func(c int) {
		var group []docMeta
		for _, d := range docs[c*docsPerFile : min(len(docs), (c+1)*docsPerFile)] {
			group = append(group, docMeta{Title: d.Title, URL: d.URL, Summary: clip(d.Summary, maxSummary), Org: d.Org, When: d.When, Place: d.Place})
		}
		ix.docs[c], _ = json.Marshal(group) // strings always marshal
	})
	for _, s := range ix.shards {
		h.Write(s)
	}
	for _, l := range ix.lists {
		h.Write(l)
	}
	for _, d := range ix.docs {
		h.Write(d)
	}
	ix.facets = compress(cols.main, level)
	h.Write(ix.facets)
	for _, l := range cols.lazy {
		c := compress(l.data, level)
		ix.lazy = append(ix.lazy, lazy{l.key, c})
		h.Write(c)
	}
	metaJSON, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	h.Write(metaJSON)
	m.Version = hex.EncodeToString(h.Sum(nil))[:12]
	metaJSON, _ = json.Marshal(m)
	ix.meta = compress(metaJSON, level)

	ix.Stats.Bytes = int64(len(ix.meta) + len(ix.facets))
	for _, l := range ix.lazy {
		ix.Stats.Bytes += int64(len(l.data))
	}
	for _, s := range ix.shards {
		ix.Stats.Bytes += int64(len(s))
	}
	for _, l := range ix.lists {
		ix.Stats.Bytes += int64(len(l))
	}
	for _, d := range ix.docs {
		ix.Stats.Bytes += int64(len(d))
	}
	return ix, nil
}

// Files lists the index's files under search/.
func (ix *Index) Files() []publish.File {
	files := []publish.File{
		bytesFile("search/meta.bin", ix.meta),
		bytesFile("search/facets.bin", ix.facets),
	}
	for _, l := range ix.lazy {
		files = append(files, bytesFile("search/f-"+l.key+".bin", l.data))
	}
	for i, s := range ix.shards {
		files = append(files, bytesFile("search/t/"+strconv.Itoa(i)+".bin", s))
	}
	for i, l := range ix.lists {
		files = append(files, bytesFile("search/p/"+strconv.Itoa(i)+".bin", l))
	}
	for i, d := range ix.docs {
		files = append(files, bytesFile("search/d/"+strconv.Itoa(i)+".json", d))
	}
	return files
}

func bytesFile(path string, data []byte) publish.File {
	return publish.File{Path: path, Write: func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}}
}

// columns are the encoded facet columns: those fetched with the index,
// and those fetched when their facet is used.
type columns struct {
	main []byte
	lazy []lazy
}

// facetColumns encodes, per document, its kind, whether it is current,
// and the set of values it has of each facet; and fills in m's facets.
//
// facets.bin: N bytes of kinds, then ceil(N/8) bytes of the current bit
// (least significant first), then per facet without its own file a
// column: a byte giving the width w (1 or 2), then N little-endian
// w-byte indexes into the facet's sets. A facet with its own file
// (search/f-<key>.bin) has its column there, in the same form.
func facetColumns(docs []Doc, facets []Facet, m *meta) (columns, error) {
	n := len(docs)
	var c columns
	main := make([]byte, 0, 2*n)
	for _, d := range docs {
		main = append(main, byte(d.Kind))
	}
	current := make([]byte, (n+7)/8)
	for i, d := range docs {
		if d.Current {
			current[i/8] |= 1 << (i % 8)
		}
	}
	main = append(main, current...)
	for fi, f := range facets {
		index := map[string]int{}
		mf := metaFacet{Key: f.Key, Label: f.Label, Parent: f.Parent}
		for i, v := range f.Values {
			index[v.Key] = i
			row := []string{v.Key, v.Label}
			if v.Group != "" {
				row = append(row, v.Group)
			}
			mf.Values = append(mf.Values, row)
		}
		sets := map[string]int{"": 0}
		mf.Sets = [][]int{{}}
		col := make([]int, n)
		for di, d := range docs {
			if fi >= len(d.Values) || len(d.Values[fi]) == 0 {
				continue
			}
			var set []int
			for _, k := range d.Values[fi] {
				v, ok := index[k]
				if !ok {
					return c, fmt.Errorf("search: %s has %s %q, which is not among the facet's values", d.URL, f.Key, k)
				}
				set = append(set, v)
			}
			slices.Sort(set)
			set = slices.Compact(set)
			key := fmt.Sprint(set)
			id, ok := sets[key]
			if !ok {
				id = len(mf.Sets)
				sets[key] = id
				mf.Sets = append(mf.Sets, set)
			}
			col[di] = id
		}
		var b []byte
		if len(mf.Sets) <= 256 {
			b = append(b, 1)
			for _, id := range col {
				b = append(b, byte(id))
			}
		} else {
			b = append(b, 2)
			for _, id := range col {
				b = binary.LittleEndian.AppendUint16(b, uint16(id))
			}
		}
		if len(mf.Sets) > 1<<16 {
			return c, fmt.Errorf("search: facet %s has more than 65536 combinations of values", f.Key)
		}
		if f.Parent != "" || f.Lazy {
			mf.File = "f-" + f.Key + ".bin"
			c.lazy = append(c.lazy, lazy{f.Key, b})
		} else {
			main = append(main, b...)
		}
		m.Facets = append(m.Facets, mf)
	}
	c.main = main
	return c, nil
}

// parallel calls fn(0) … fn(n-1), one worker per CPU.
func parallel(n int, fn func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				fn(i)
			}
		})
	}
	wg.Wait()
}

func clip(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndexByte(string(r), ' '); i > n/2 {
		return string(r)[:i] + " …"
	}
	return string(r) + "…"
}
