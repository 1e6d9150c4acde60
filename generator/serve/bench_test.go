package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"moteplass/generator/corpus"
)

// benchSite writes a generated site of 1,000 activities, or
// MOTEPLASS_BENCH_N, and returns its folder.
func benchSite(b *testing.B) string {
	n := 1000
	if s := os.Getenv("MOTEPLASS_BENCH_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	dir := filepath.Join(b.TempDir(), "site")
	if err := corpus.Write(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkEditToReload measures what an editor waits for: from saving
// one activity to the reload event (reload-*) and to the served page
// showing the change (page-*). The corpus has 1,000 activities, or
// MOTEPLASS_BENCH_N:
//
//	MOTEPLASS_BENCH_N=10000 go test ./generator/serve -run '^$' -bench EditToReload -benchtime 20x
//
// It reports the median and the worst edit of each.
func BenchmarkEditToReload(b *testing.B) {
	dir := benchSite(b)
	addr, _ := serveDir(b, dir)
	wait := events(b, addr)
	files, _ := filepath.Glob(filepath.Join(dir, "content/activities/*/*.md"))
	slices.Sort(files)
	file := files[len(files)/2]
	src, _ := os.ReadFile(file)
	slug := strings.TrimSuffix(filepath.Base(file), ".md")
	rel, _ := filepath.Rel(dir, file)
	var reloads, pages []time.Duration
	b.ResetTimer()
	for i := range b.N {
		title := fmt.Sprintf("Endret tittel %d", i)
		edited := strings.Replace(string(src), "+++\ntitle = ", "+++\ntitle = \""+title+"\"\n# title = ", 1)
		start := time.Now()
		write(b, dir, rel, edited)
		wait()
		reloads = append(reloads, time.Since(start))
		_, body := get(b, addr+"/aktiviteter/"+slug+"/")
		pages = append(pages, time.Since(start))
		if !strings.Contains(body, title) {
			b.Fatalf("edit %d did not show", i)
		}
	}
	b.StopTimer()
	for _, m := range []struct {
		name  string
		times []time.Duration
	}{{"reload", reloads}, {"page", pages}} {
		slices.Sort(m.times)
		b.ReportMetric(float64(m.times[len(m.times)/2].Microseconds())/1000, "ms-"+m.name+"-median")
		b.ReportMetric(float64(m.times[len(m.times)-1].Microseconds())/1000, "ms-"+m.name+"-worst")
	}
}

// BenchmarkEditToSearch measures from saving one activity to the first
// file of the search index served after it (search/meta.bin): the index
// is built when a browser first asks for it after a change.
//
//	MOTEPLASS_BENCH_N=10000 go test ./generator/serve -run '^$' -bench EditToSearch -benchtime 10x
func BenchmarkEditToSearch(b *testing.B) {
	dir := benchSite(b)
	addr, _ := serveDir(b, dir)
	wait := events(b, addr)
	files, _ := filepath.Glob(filepath.Join(dir, "content/activities/*/*.md"))
	slices.Sort(files)
	src, _ := os.ReadFile(files[len(files)/2])
	rel, _ := filepath.Rel(dir, files[len(files)/2])
	var times []time.Duration
	b.ResetTimer()
	for i := range b.N {
		edited := strings.Replace(string(src), "+++\ntitle = ", "+++\ntitle = \"Endret tittel "+strconv.Itoa(i)+"\"\n# title = ", 1)
		start := time.Now()
		write(b, dir, rel, edited)
		wait()
		if code, _ := get(b, addr+"/search/meta.bin"); code != 200 {
			b.Fatalf("search/meta.bin: %d", code)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "ms-worst")
}

// BenchmarkRebuild measures a rebuild after a change, without the file
// system and the browser: where edit-to-reload time goes.
func BenchmarkRebuild(b *testing.B) {
	dir := benchSite(b)
	srv := New(Options{Site: dir})
	srv.Rebuild(b.Context())
	files, _ := filepath.Glob(filepath.Join(dir, "content/activities/*/*.md"))
	rel, _ := filepath.Rel(dir, files[len(files)/2])
	b.ResetTimer()
	for range b.N {
		srv.cache.Changed(filepath.ToSlash(rel))
		if err := srv.Rebuild(b.Context()); err != nil {
			b.Fatal(err)
		}
	}
}
