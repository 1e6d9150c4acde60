package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/tools/txtar"

	"moteplass/generator/build"
	"moteplass/generator/content"
)

// now is the moment the test sites are built for.
var now = time.Date(2026, 11, 23, 12, 0, 0, 0, content.Oslo)

var (
	browserOnce sync.Once
	browserCtx  context.Context
	browserErr  string
	// browserStop ends Chromium; the allocator then removes the profile
	// folder it made under TMPDIR, which would otherwise stay behind.
	browserStop = func() {}
)

func TestMain(m *testing.M) {
	code := m.Run()
	browserStop()
	os.Exit(code)
}

// chromePath finds a Chromium to drive.
func chromePath() string {
	if p := os.Getenv("MOTEPLASS_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// tab returns a new browser tab for the test. One headless Chromium is
// started per test binary; each test gets its own tab.
func tab(t *testing.T) context.Context {
	t.Helper()
	browserOnce.Do(func() {
		path := chromePath()
		if path == "" {
			browserErr = "no Chromium found (install Debian's chromium package)"
			return
		}
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(path),
			chromedp.NoSandbox,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-quic", true),
			chromedp.WindowSize(1024, 800),
		)
		alloc, stopAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, stopBrowser := chromedp.NewContext(alloc)
		browserStop = func() { stopBrowser(); stopAlloc() }
		if err := chromedp.Do(ctx); err != nil {
			browserErr = "Chromium does not start: " + err.Error()
			return
		}
		browserCtx = ctx
	})
	if browserCtx == nil {
		if os.Getenv("CI") != "" {
			t.Fatal(browserErr)
		}
		t.Skip(browserErr)
	}
	ctx, cancel := chromedp.NewContext(browserCtx)
	ctx, cancel2 := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancel2(); cancel() })
	return ctx
}

// site builds the txtar site testdata/name.txtar, or the folder dir if
// name is a path, and serves the output as a static host would.
func site(t *testing.T, siteDir string) (out, url string) {
	t.Helper()
	out = filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), build.Options{Site: siteDir, Out: out, Now: now}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	return out, srv.URL
}

// unpack writes testdata/name.txtar into a new folder.
func unpack(t *testing.T, name string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// pages lists the HTML pages of a built site as URL paths.
func pages(t *testing.T, out string) []string {
	t.Helper()
	var paths []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".html" {
			rel, _ := filepath.Rel(out, p)
			rel = filepath.ToSlash(rel)
			if filepath.Base(rel) == "index.html" {
				rel = rel[:len(rel)-len("index.html")]
			}
			paths = append(paths, "/"+rel)
		}
		return err
	})
	return paths
}
