package pdf

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden draws every testdata/*.txtar handbook on a recording canvas
// and compares the log with the archive's pdf.log section, and the
// warnings with its warnings section.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fx := loadFixture(t, ar)
			rec := &recorder{}
			warns, err := NewHandbook(fx.hb, fx.org, fx.options()).Draw(rec, fx.options())
			if err != nil {
				t.Fatal(err)
			}
			withinMargins(t, rec.b.String())
			got := map[string]string{"pdf.log": rec.b.String(), "warnings": warns.Error() + "\n"}
			changed := false
			for _, name := range []string{"pdf.log", "warnings"} {
				i := section(ar, name)
				if i < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: name})
					i = len(ar.Files) - 1
				}
				want := string(ar.Files[i].Data)
				if want == got[name] {
					continue
				}
				changed = true
				if *update {
					ar.Files[i].Data = []byte(got[name])
					continue
				}
				t.Errorf("%s differs (run with -update to accept):\n%s", name, diff(want, got[name]))
			}
			if *update && changed {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

func section(ar *txtar.Archive, name string) int {
	for i, f := range ar.Files {
		if f.Name == name {
			return i
		}
	}
	return -1
}

// diff shows the first lines where want and got differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 12; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want " + wl + "\n  got  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}

// TestEveryKindHasAFunction walks the node kinds the fixtures produce and
// fails on any the Renderer has no function for: goldmark would skip
// them silently.
func TestEveryKindHasAFunction(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	fns := (&Renderer{}).funcs()
	seen := map[ast.NodeKind]bool{}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		fx := loadFixture(t, ar)
		docs := []ast.Node{fx.hb.Doc}
		for _, c := range fx.hb.Chapters {
			docs = append(docs, c.Doc)
		}
		for _, d := range docs {
			ast.Walk(d, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if entering {
					seen[n.Kind()] = true
				}
				return ast.WalkContinue, nil
			})
		}
	}
	for k := range seen {
		if _, ok := fns[k]; !ok {
			t.Errorf("no function for node kind %s", k)
		}
	}
	// The fixture must exercise the whole dialect, or this test proves
	// little.
	if len(seen) < len(fns)-1 {
		var missing []string
		for k := range fns {
			if !seen[k] {
				missing = append(missing, k.String())
			}
		}
		t.Errorf("fixtures produce %d of %d kinds; missing %v", len(seen), len(fns), missing)
	}
}
