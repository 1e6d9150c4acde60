package content

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"moteplass/generator/markdown"
	"moteplass/generator/site"
)

// LoadCompact must give what Load gives: the same problems for every
// error case, and for valid sites the same HTML of every body.

func loadBoth(t *testing.T, fsys fs.FS) (full, compact *Site, errFull, errCompact error) {
	t.Helper()
	cfg, err := site.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	md := markdown.New(markdown.Options{Unsafe: cfg.Markdown.Unsafe})
	full, errFull = Load(context.Background(), fsys, cfg, md)
	compact, errCompact = LoadCompact(context.Background(), fsys, cfg, md)
	return
}

func TestLoadCompactReportsTheSameProblems(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.txtar")
	for _, file := range files {
		fsys, ar := fixture(t, file)
		full, compact, a, b := loadBoth(t, fsys)
		if ra, rb := report(t, full, a, ar), report(t, compact, b, ar); ra != rb {
			t.Errorf("%s: Load reports\n%s\nLoadCompact reports\n%s", file, ra, rb)
		}
	}
}

func TestLoadCompactRendersTheSame(t *testing.T) {
	fsys, _ := fixture(t, "testdata/base.txtar")
	kor := string(fsys["content/activities/trondelag/kor.md"].Data)
	var img bytes.Buffer
	png.Encode(&img, image.NewNRGBA(image.Rect(0, 0, 32, 18)))
	fsys["content/activities/trondelag/bilder/kart ny.png"] = &fstest.MapFile{Data: img.Bytes()}
	fsys["content/activities/trondelag/tegning.svg"] = &fstest.MapFile{Data: []byte("<svg/>")}
	fsys["content/activities/trondelag/kor.md"] = &fstest.MapFile{Data: []byte(kor + `
## Velkommen inn

Les [om oss](../../organisations/rode-kors.md), [prosjektet](../../projects/aktiv-besoksvenn.md#mal "Mål"),
[lenger ned](#velkommen-inn), [på nett](https://example.org/a?b=1&c=2), [post](mailto:kor@example.org),
[hjem](/), [&lt;kodet&gt; &amp; mer](../../organisations/rode-kors.md) og www.example.org.

![Kart](bilder/kart%20ny.png "Kartet") ![Tegning](tegning.svg) ![Fra nettet](https://example.org/x.png)
![Kart igjen](bilder/kart%20ny.png#midt) [![Kart som lenke](bilder/kart%20ny.png)](../../organisations/rode-kors.md)
`)}
	fsys["content/activities/oslo/annen.md"] = &fstest.MapFile{Data: []byte(kor + "\nSe [koret](../trondelag/kor.md#velkommen-inn).\n")}
	fsys["content/projects/aktiv-besoksvenn.md"] = &fstest.MapFile{Data: append(fsys["content/projects/aktiv-besoksvenn.md"].Data, "## Mål\n"...)}
	compareBodies(t, fsys, 2)
}

func TestLoadCompactRendersTheExampleTheSame(t *testing.T) {
	compareBodies(t, os.DirFS("../.."), 30)
}

func compareBodies(t *testing.T, fsys fs.FS, atLeast int) {
	t.Helper()
	full, compact, a, b := loadBoth(t, fsys)
	if a != nil || b != nil {
		t.Fatalf("Load: %v\nLoadCompact: %v", a, b)
	}
	if len(compact.Activities) < atLeast || len(compact.Activities) != len(full.Activities) {
		t.Fatalf("%d and %d activities", len(full.Activities), len(compact.Activities))
	}
	md := markdown.New(markdown.Options{})
	for i, fa := range full.Activities {
		ca := compact.Activities[i]
		if ca.Doc != nil {
			t.Errorf("%s: LoadCompact kept the tree", ca.Path)
		}
		want, _ := fa.BodyHTML(md)
		got, _ := ca.BodyHTML(md)
		if got != want {
			t.Errorf("%s: LoadCompact renders\n%s\nLoad renders\n%s", ca.Path, got, want)
		}
		if h, ok := ca.CompactHTML(); !ok || h != want {
			t.Errorf("%s: CompactHTML = %q, %v", ca.Path, h, ok)
		}
		if strings.Contains(got, "mpl") && !strings.Contains(want, "mpl") {
			t.Errorf("%s: a marker is left: %s", ca.Path, got)
		}
		// A build's page takes the HTML once; a second take fails
		// instead of giving an empty body. A tree is rendered each time.
		if taken, err := ca.TakeBodyHTML(md); err != nil || taken != want {
			t.Errorf("%s: TakeBodyHTML = %q, %v", ca.Path, taken, err)
		}
		if again, err := ca.TakeBodyHTML(md); err == nil {
			t.Errorf("%s: TakeBodyHTML a second time = %q, no error", ca.Path, again)
		}
		if h, err := fa.TakeBodyHTML(md); err != nil || h != want {
			t.Errorf("%s: TakeBodyHTML of a tree = %q, %v", fa.Path, h, err)
		}
	}
	if strings.Join(assetDsts(full), " ") != strings.Join(assetDsts(compact), " ") {
		t.Errorf("assets differ: %v / %v", assetDsts(full), assetDsts(compact))
	}
}

func assetDsts(s *Site) []string {
	var out []string
	for _, a := range s.Assets {
		out = append(out, a.Src+"→"+a.Dst)
	}
	return out
}
