package search

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The search client (themes/default/static/search-engine.js) is tested
// here in Node, on indexes this package writes: the Go side and the
// JavaScript side must agree on every word.

const enginePath = "../../themes/default/static/search-engine.js"

// writeIndex builds docs and writes the index files into a new folder,
// as the build would publish them.
func writeIndex(t testing.TB, docs []Doc, opt Options) string {
	t.Helper()
	ix, err := Build(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ix.Files() {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		w, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Write(w); err != nil {
			t.Fatal(err)
		}
		w.Close()
	}
	return dir
}

// A jsEngine is the search engine running in Node on one index.
type jsEngine struct {
	in   io.WriteCloser
	out  *bufio.Scanner
	Open struct{ Bytes, Files int }
}

// nodePath finds Node, or skips the test where it is missing and CI is
// not set: .ci/run installs it.
func nodePath(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node not found; the search client's tests need Node.js")
		}
		t.Skip("node not found")
	}
	return p
}

func startEngine(t testing.TB, index string) *jsEngine {
	t.Helper()
	node := nodePath(t)
	dir := t.TempDir()
	for src, dst := range map[string]string{enginePath: "engine.mjs", "testdata/harness.mjs": "harness.mjs"} {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, dst), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(node, filepath.Join(dir, "harness.mjs"), index)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { in.Close(); cmd.Wait() })
	e := &jsEngine{in: in, out: bufio.NewScanner(out)}
	e.out.Buffer(nil, 64<<20)
	e.read(t, &e.Open)
	return e
}

func (e *jsEngine) read(t testing.TB, v any) {
	t.Helper()
	if !e.out.Scan() {
		t.Fatalf("the search engine in Node stopped: %v", e.out.Err())
	}
	if err := json.Unmarshal(e.out.Bytes(), v); err != nil {
		t.Fatalf("%v in %s", err, e.out.Bytes())
	}
}

func (e *jsEngine) do(t testing.TB, req map[string]any, resp any) {
	t.Helper()
	data, _ := json.Marshal(req)
	if _, err := e.in.Write(append(data, '\n')); err != nil {
		t.Fatal(err)
	}
	e.read(t, resp)
}

// An answer is what the engine says to a search.
type answer struct {
	Results []int
	Titles  []string
	URLs    []string
	Counts  map[string]map[string]int
	Bytes   int
	Files   int
}

func (e *jsEngine) search(t testing.TB, q string, filters map[string][]string) answer {
	t.Helper()
	var a answer
	e.do(t, map[string]any{"op": "search", "q": q, "filters": filters, "docs": 50}, &a)
	return a
}

// TestClientSize keeps the search client small: a slow phone on a weak
// connection downloads it before the first result shows.
func TestClientSize(t *testing.T) {
	total := 0
	for _, f := range []string{enginePath, "../../themes/default/static/search.js"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, 6)
		zw.Write(data)
		zw.Close()
		total += b.Len()
	}
	if total > 15000 {
		t.Errorf("the search client is %d bytes gzipped; the budget is 15,000", total)
	}
}
