package content

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"moteplass/generator/markdown"
	"moteplass/generator/site"
)

// TestCacheFollowsChanges loads a site through a Cache while files are
// edited, added, removed and saved the way editors save (a temporary
// file renamed over the original), telling the cache as a watcher would.
func TestCacheFollowsChanges(t *testing.T) {
	mfs, _ := fixture(t, "testdata/base.txtar")
	dir := t.TempDir()
	for name, f := range mfs {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	fsys := os.DirFS(dir)
	cfg, err := site.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	md := markdown.New(markdown.Options{})
	cache := NewCache()
	load := func() *Site {
		t.Helper()
		s, err := cache.Load(context.Background(), fsys, cfg, md)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	first := load()
	kor := "content/activities/trondelag/kor.md"
	src, _ := os.ReadFile(filepath.Join(dir, kor))

	// Unchanged: the very same parsed activity comes back.
	if again := load(); again.Activities[0] != first.Activities[0] {
		t.Error("an unchanged file was parsed again")
	}

	// Saved through a temporary file.
	tmp := filepath.Join(dir, kor+".swp")
	os.WriteFile(tmp, []byte(strings.Replace(string(src), "Kor for alle", "Kor for alle i Trondheim", 1)), 0o644)
	future := time.Now().Add(2 * time.Second)
	os.Chtimes(tmp, future, future)
	os.Rename(tmp, filepath.Join(dir, kor))
	cache.Changed(kor+".swp", kor)
	if got := load().Activities[0].Title; got != "Kor for alle i Trondheim" {
		t.Errorf("edit not seen: %q", got)
	}

	// A new file in a new folder, then removed.
	nytt := "content/activities/ny/dypere/tur.md"
	os.MkdirAll(filepath.Join(dir, "content/activities/ny/dypere"), 0o755)
	os.WriteFile(filepath.Join(dir, nytt), []byte(strings.Replace(string(src), "Kor for alle", "Tur", 1)), 0o644)
	cache.Changed("content/activities/ny")
	if n := len(load().Activities); n != 2 {
		t.Errorf("%d activities after adding one", n)
	}
	os.Remove(filepath.Join(dir, nytt))
	cache.Changed(nytt)
	if n := len(load().Activities); n != 1 {
		t.Errorf("%d activities after removing one", n)
	}
}
