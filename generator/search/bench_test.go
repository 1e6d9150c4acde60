package search_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"moteplass/generator/build"
	"moteplass/generator/content"
	"moteplass/generator/corpus"
	"moteplass/generator/search"
)

// Benchmarks of the search index on generated sites (generator/corpus):
//
//	go test ./generator/search -run '^$' -bench . -benchmem
//	MOTEPLASS_BENCH_100K=1 go test ./generator/search -run '^$' -bench 100k -benchmem -timeout 60m
//
// BenchmarkIndex times building the index alone. BenchmarkQueryBytes
// builds the whole site and reports what a browser fetches, in bytes as
// served (gzip): opening /sok/ (page, stylesheet, scripts, index
// metadata), then each query of oneWord and twoWords with the ten results
// it shows first. It needs Node.js, which runs the theme's search engine.

var sizes = []struct {
	name string
	n    int
}{{"1k", 1000}, {"10k", 10000}, {"100k", 100000}}

// oneWord and twoWords are what visitors type: topics, places, kinds of
// meeting, and the two commonest words of the corpus (gruppe, trygg).
var (
	oneWord  = []string{"pårørende", "angst", "ensomhet", "sjakk", "kor", "strikking", "tur", "chat", "kurs", "samtalegruppe", "spilleproblemer", "Bergen", "Tromsø", "gruppe", "trygg"}
	twoWords = []string{"pårørende Bergen", "angst unge", "kor Trondheim", "sjakk strategi", "tur Bodø", "chat anonym", "samtalegruppe Oslo", "kurs gruppeledere"}
)

var benchNow = time.Date(2026, 11, 23, 12, 0, 0, 0, content.Oslo)

type benchSite struct {
	once sync.Once
	dir  string
	err  error
}

var benchSites sync.Map // n -> *benchSite

// site writes the corpus of n activities once per test binary.
func site(b *testing.B, n int) string {
	if n >= 100000 && os.Getenv("MOTEPLASS_BENCH_100K") == "" {
		b.Skip("set MOTEPLASS_BENCH_100K=1 for 100,000 activities")
	}
	v, _ := benchSites.LoadOrStore(n, &benchSite{})
	s := v.(*benchSite)
	s.once.Do(func() {
		s.dir, s.err = os.MkdirTemp("", "moteplass-bench-")
		if s.err == nil {
			s.err = corpus.Write(s.dir, n, 1)
		}
	})
	if s.err != nil {
		b.Fatal(s.err)
	}
	return s.dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	benchSites.Range(func(_, v any) bool {
		os.RemoveAll(v.(*benchSite).dir)
		return true
	})
	os.Exit(code)
}

func BenchmarkIndex(b *testing.B) {
	for _, size := range sizes {
		b.Run(size.name, func(b *testing.B) {
			docs, opt, err := build.SearchDocs(context.Background(), build.Options{Site: site(b, size.n), Now: benchNow})
			if err != nil {
				b.Fatal(err)
			}
			runtime.GC()
			var base runtime.MemStats
			runtime.ReadMemStats(&base)
			peak := peakHeap()
			var ix *search.Index
			for b.Loop() {
				if ix, err = search.Build(docs, opt); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(peak()-base.HeapInuse)/(1<<20), "peak-heap-MB")
			if size.n <= 10000 {
				// As serve makes it again after a save: one document
				// changed, the rest split into words already.
				cached := opt
				cached.Cache, cached.Quick = &search.Cache{}, true
				search.Build(docs, cached)
				start := time.Now()
				const rounds = 5
				for i := range rounds {
					docs[len(docs)/2].Title = fmt.Sprint("Endret tittel ", i)
					search.Build(docs, cached)
				}
				b.ReportMetric(float64(time.Since(start).Milliseconds())/rounds, "serve-rebuild-ms")
			}
			b.ReportMetric(float64(ix.Stats.Bytes)/(1<<20), "index-MB")
			b.ReportMetric(float64(len(ix.Files())), "files")
			b.ReportMetric(float64(ix.Stats.Shards), "shards")
		})
	}
}

// peakHeap samples the heap in use until the returned func is called,
// and returns the most it saw.
func peakHeap() func() uint64 {
	var mu sync.Mutex
	var most uint64
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				runtime.ReadMemStats(&m)
				mu.Lock()
				most = max(most, m.HeapInuse)
				mu.Unlock()
			}
		}
	}()
	return func() uint64 {
		close(done)
		mu.Lock()
		defer mu.Unlock()
		return most
	}
}

func BenchmarkQueryBytes(b *testing.B) {
	for _, size := range sizes {
		b.Run(size.name, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "public")
			if _, err := build.Build(context.Background(), build.Options{Site: site(b, size.n), Out: out, Now: benchNow}); err != nil {
				b.Fatal(err)
			}
			e := search.StartEngine(b, out)
			page := 0
			for _, f := range []string{"sok/index.html", "static/style.css", "static/search.js", "static/search-engine.js"} {
				page += gzipped(b, filepath.Join(out, f))
			}
			var one, two []int
			for b.Loop() {
				one, two = one[:0], two[:0]
				for _, q := range oneWord {
					one = append(one, e.FirstSearch(b, q).Bytes)
				}
				for _, q := range twoWords {
					two = append(two, e.FirstSearch(b, q).Bytes)
				}
			}
			kb := func(n int) float64 { return float64(n) / 1000 }
			b.ReportMetric(kb(page+e.OpenBytes()), "open-kB")
			b.ReportMetric(kb(median(one)), "1word-median-kB")
			b.ReportMetric(kb(slices.Max(one)), "1word-max-kB")
			b.ReportMetric(kb(median(two)), "2word-median-kB")
			b.ReportMetric(kb(slices.Max(two)), "2word-max-kB")
		})
	}
}

// gzipped is the size of a file as a host compresses it (gzip -6).
func gzipped(b *testing.B, path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, 6)
	zw.Write(data)
	zw.Close()
	return buf.Len()
}

func median(v []int) int {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}
