package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"moteplass/generator/content"
	"moteplass/generator/corpus"
	"moteplass/generator/markdown"
	"moteplass/generator/publish"
	"moteplass/generator/site"
)

// Benchmarks of each stage of a build on generated sites of 1,000 and
// 10,000 activities (and 100,000 with MOTEPLASS_BENCH_100K=1):
//
//	go test ./generator/build -run '^$' -bench . -benchmem
//	MOTEPLASS_BENCH_100K=1 go test ./generator/build -run '^$' -bench 'Build/100k' -benchmem -timeout 1h
//
// Each site is generated once per test binary with package corpus (seed
// 1, as `moteplass-corpus -n N` writes it). Parse and Validate are the
// two halves of Load; Plan is Load plus preparing the pages (recurrence,
// facets, the file list); Render writes every file but the PDFs, PDF the
// PDFs, both into memory; Build is all of it, written to disk. The other
// stages' inputs are made with the timer stopped.

var (
	corpora   sync.Map // size → *corpusSite
	benchSize = []struct {
		name string
		n    int
	}{{"1k", 1000}, {"10k", 10000}, {"100k", 100000}}
)

type corpusSite struct {
	once sync.Once
	dir  string
	err  error
}

// benchSites runs f for each size as a sub-benchmark, with the folder of
// that size's generated site.
func benchSites(b *testing.B, f func(b *testing.B, dir string)) {
	for _, s := range benchSize {
		b.Run(s.name, func(b *testing.B) {
			if s.n > 10000 && os.Getenv("MOTEPLASS_BENCH_100K") == "" {
				b.Skip("set MOTEPLASS_BENCH_100K=1 for 100,000 activities")
			}
			v, _ := corpora.LoadOrStore(s.n, &corpusSite{})
			c := v.(*corpusSite)
			c.once.Do(func() {
				c.dir = filepath.Join(tempRoot, fmt.Sprintf("corpus-%d", s.n))
				c.err = corpus.Write(c.dir, s.n, 1)
			})
			if c.err != nil {
				b.Fatal(c.err)
			}
			f(b, c.dir)
		})
	}
}

func loadConfig(b *testing.B, dir string) (*site.Config, *markdown.Markdown) {
	cfg, err := site.Load(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	return cfg, markdown.New(markdown.Options{Unsafe: cfg.Markdown.Unsafe})
}

func BenchmarkParse(b *testing.B) {
	benchSites(b, func(b *testing.B, dir string) {
		fsys := os.DirFS(dir)
		cfg, md := loadConfig(b, dir)
		for b.Loop() {
			if _, err := content.Parse(context.Background(), fsys, cfg, md); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkValidate(b *testing.B) {
	benchSites(b, func(b *testing.B, dir string) {
		fsys := os.DirFS(dir)
		cfg, md := loadConfig(b, dir)
		for range b.N {
			b.StopTimer()
			s, err := content.Parse(context.Background(), fsys, cfg, md)
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if err := content.Validate(fsys, s); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	benchSites(b, func(b *testing.B, dir string) {
		fsys := os.DirFS(dir)
		cfg, md := loadConfig(b, dir)
		for b.Loop() {
			if _, err := content.Load(context.Background(), fsys, cfg, md); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkPlan(b *testing.B) {
	benchSites(b, func(b *testing.B, dir string) {
		start := cpuTime()
		for b.Loop() {
			if _, err := NewPlan(context.Background(), Options{Site: dir, Now: now}); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpuTime()-start)
	})
}

func BenchmarkRender(b *testing.B) {
	benchSites(b, func(b *testing.B, dir string) {
		benchWrite(b, dir, func(f publish.File) bool { return !strings.HasSuffix(f.Path, ".pdf") })
	})
}

// BenchmarkRenderActivities renders the activity pages alone: the
// pages a site has most of, and most of the template work.
func BenchmarkRenderActivities(b *testing.B) {
	benchSites(b, func(b *testing.B, dir string) {
		benchWrite(b, dir, func(f publish.File) bool {
			return strings.HasPrefix(f.Path, "aktiviteter/") && strings.HasSuffix(f.Path, "/index.html") && !strings.Contains(f.Path, "/side/") && f.Path != "aktiviteter/index.html"
		})
	})
}

func BenchmarkPDF(b *testing.B) {
	benchSites(b, func(b *testing.B, dir string) {
		benchWrite(b, dir, func(f publish.File) bool { return strings.HasSuffix(f.Path, ".pdf") })
	})
}

// benchWrite renders the files of a fresh plan that keep selects into
// memory, reporting how many and how large.
func benchWrite(b *testing.B, dir string, keep func(publish.File) bool) {
	var out discard
	var cpu time.Duration
	for range b.N {
		b.StopTimer()
		p, err := NewPlan(context.Background(), Options{Site: dir, Now: now})
		if err != nil {
			b.Fatal(err)
		}
		var files []publish.File
		for _, f := range p.Files {
			if keep(f) {
				files = append(files, f)
			}
		}
		out = discard{}
		b.StartTimer()
		start := cpuTime()
		if err := publish.WriteAll(context.Background(), &out, files); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - start
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(out.files.Load()), "files")
	b.ReportMetric(float64(out.bytes.Load())/(1<<20), "MB")
}

func BenchmarkBuild(b *testing.B) {
	benchSites(b, func(b *testing.B, dir string) {
		out := filepath.Join(b.TempDir(), "public")
		var res *Result
		start := cpuTime()
		for b.Loop() {
			var err error
			if res, err = Build(context.Background(), Options{Site: dir, Out: out, Now: now}); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpuTime()-start)
		b.ReportMetric(float64(res.Files), "files")
		b.ReportMetric(float64(res.Bytes)/(1<<20), "MB")
	})
}

// reportCPU reports the CPU time (user and system, all threads) the
// timed part took per iteration: steadier than ns/op on a shared
// machine, and with two cores about twice ns/op when both are busy.
func reportCPU(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

// discard is an Output that keeps nothing but counts.
type discard struct{ files, bytes atomic.Int64 }

func (d *discard) WriteFile(name string, data []byte) error {
	d.files.Add(1)
	d.bytes.Add(int64(len(data)))
	return nil
}
