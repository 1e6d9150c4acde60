package corpus

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"moteplass/generator/content"
	"moteplass/generator/markdown"
	"moteplass/generator/site"
)

// TestCorpusIsValid checks that a generated site passes every check and
// covers what the benchmarks need.
func TestCorpusIsValid(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := Write(dir, 300, 7); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	cfg, err := site.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	s, err := content.Load(context.Background(), fsys, cfg, markdown.New(markdown.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Activities) != 300 || len(s.Handbooks) != 1 || len(s.Reports) != 3 {
		t.Errorf("%d activities, %d handbooks, %d reports", len(s.Activities), len(s.Handbooks), len(s.Reports))
	}
	modes, counties := map[string]bool{}, map[string]bool{}
	for _, a := range s.Activities {
		modes[a.Mode] = true
		if a.Place.County != "" {
			counties[a.Place.County] = true
		}
	}
	if len(modes) != 3 || len(counties) != 15 {
		t.Errorf("modes %v, %d counties", modes, len(counties))
	}
}

func TestCorpusIsDeterministic(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, dir := range []string{a, b} {
		if err := Write(dir, 50, 3); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(a, "content/activities/*/*.md"))
	if len(files) != 50 {
		t.Fatalf("%d activity files", len(files))
	}
	for _, f := range files {
		rel, _ := filepath.Rel(a, f)
		x, _ := os.ReadFile(f)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || string(x) != string(y) {
			t.Errorf("%s differs between two runs", rel)
		}
	}
}
