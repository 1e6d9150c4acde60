package serve

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"moteplass/generator/content"
)

// start serves a copy of the build package's mini site and returns its
// folder and address.
func start(t *testing.T) (dir, addr string, srv *Server) {
	t.Helper()
	ar, err := txtar.ParseFile("../build/testdata/mini.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	addr, srv = serveDir(t, dir)
	return dir, addr, srv
}

// serveDir serves the site in dir until the test ends.
func serveDir(t testing.TB, dir string) (addr string, srv *Server) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, content.Oslo)
	srv = New(Options{Site: dir, Now: func() time.Time { return now }})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("the server did not stop")
		}
	})
	addr = "http://" + ln.Addr().String()
	// Wait for the first build.
	for range 1000 {
		if code, _ := get(t, addr+"/"); code == 200 {
			return addr, srv
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the server never answered")
	return
}

// searchVersion returns the version of the served search index, which
// changes with its content.
func searchVersion(t *testing.T, addr string) string {
	t.Helper()
	code, body := get(t, addr+"/search/meta.bin")
	if code != 200 {
		t.Fatalf("/search/meta.bin: %d", code)
	}
	zr, err := gzip.NewReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var m struct{ V string }
	if err := json.NewDecoder(zr).Decode(&m); err != nil || m.V == "" {
		t.Fatalf("meta.bin: %v %q", err, m.V)
	}
	return m.V
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// events opens the reload stream and returns a func that waits for the
// next reload event.
func events(t testing.TB, addr string) func() {
	t.Helper()
	resp, err := http.Get(addr + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	return func() {
		t.Helper()
		timeout := time.After(10 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatal("event stream closed")
				}
				if l == "event: reload" {
					return
				}
			case <-timeout:
				t.Fatal("no reload event")
			}
		}
	}
}

func write(t testing.TB, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	os.MkdirAll(filepath.Dir(p), 0o755)
	// As editors do: write a temporary file, then rename it over.
	tmp := p + ".tmp~"
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

func TestEditBreakFixAddDelete(t *testing.T) {
	dir, addr, _ := start(t)
	wait := events(t, addr)

	code, body := get(t, addr+"/aktiviteter/kafe/")
	if code != 200 || !strings.Contains(body, "<h1>Pårørendekafé</h1>") {
		t.Fatalf("%d %s", code, body)
	}
	if !strings.Contains(body, `<script src="/_moteplass/reload.js"></script></body>`) {
		t.Error("no reload script in the served page")
	}

	kafe := "content/activities/oslo/kafe.md"
	src, _ := os.ReadFile(filepath.Join(dir, kafe))
	index := searchVersion(t, addr)
	write(t, dir, kafe, strings.Replace(string(src), `title = "Pårørendekafé"`, `title = "Kafé for pårørende"`, 1))
	wait()
	if v := searchVersion(t, addr); v == index {
		t.Errorf("the search index kept version %s after the edit", v)
	}
	if _, body := get(t, addr+"/aktiviteter/kafe/"); !strings.Contains(body, "<h1>Kafé for pårørende</h1>") {
		t.Error("the edit did not show")
	}
	if _, body := get(t, addr+"/kategori/sosialt-treff/"); !strings.Contains(body, "Kafé for pårørende") {
		t.Error("the list did not follow the edit")
	}

	write(t, dir, kafe, strings.Replace(string(src), `mode = "hybrid"`, `mode = "begge"`, 1))
	wait()
	code, body = get(t, addr+"/aktiviteter/kafe/")
	if code != 500 || !strings.Contains(body, "content/activities/oslo/kafe.md:9:8") || !strings.Contains(body, `unknown mode &#34;begge&#34;`) {
		t.Errorf("error page: %d\n%s", code, body)
	}
	if !strings.Contains(body, "/_moteplass/reload.js") {
		t.Error("the error page must reload by itself")
	}

	write(t, dir, kafe, string(src))
	wait()
	if code, _ := get(t, addr+"/aktiviteter/kafe/"); code != 200 {
		t.Errorf("not recovered: %d", code)
	}

	nytt, _, _ := strings.Cut(strings.Replace(string(src), `title = "Pårørendekafé"`, `title = "Turgruppe"`, 1), "## Velkommen")
	write(t, dir, "content/activities/ny-mappe/dypere/tur.md", nytt)
	wait()
	if code, body := get(t, addr+"/aktiviteter/tur/"); code != 200 || !strings.Contains(body, "Turgruppe") {
		t.Errorf("a file in a new folder was not picked up: %d", code)
	}

	os.Remove(filepath.Join(dir, "content/activities/ny-mappe/dypere/tur.md"))
	wait()
	if code, body := get(t, addr+"/aktiviteter/tur/"); code != 404 || !strings.Contains(body, "Fant ikke siden") {
		t.Errorf("a deleted file's page: %d", code)
	}
}

func TestNoPathTraversal(t *testing.T) {
	_, addr, _ := start(t)
	for _, p := range []string{"/../site.toml", "/%2e%2e/site.toml", "/static/../../site.toml", "/..%2fsite.toml", "/content/pages/om.md"} {
		code, body := get(t, addr+p)
		if strings.Contains(body, "base_url") || strings.Contains(body, "+++") {
			t.Errorf("%s leaked a site file (%d)", p, code)
		}
	}
	if code, _ := get(t, addr+"/aktiviteter/kafe"); code != 200 {
		t.Errorf("redirect to the folder: %d", code)
	}
}

func TestManyClients(t *testing.T) {
	_, addr, srv := start(t)
	var waits []func()
	for range 50 {
		waits = append(waits, events(t, addr))
	}
	for srv.clients.count() < 50 {
		time.Sleep(10 * time.Millisecond)
	}
	if err := srv.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, wait := range waits {
		wait()
	}
}
