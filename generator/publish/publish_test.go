package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCommitSwapsAndCleans(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	os.MkdirAll(filepath.Join(out, "gammel"), 0o755)
	os.WriteFile(filepath.Join(out, "gammel", "index.html"), []byte("gammel"), 0o644)
	// What a killed build left behind.
	os.MkdirAll(filepath.Join(parent, ".moteplass-public-new-123", "x"), 0o755)

	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("aktiviteter/kor/index.html", []byte("ny")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "aktiviteter/kor/index.html")); string(data) != "ny" {
		t.Errorf("new file: %q", data)
	}
	if _, err := os.Stat(filepath.Join(out, "gammel")); err == nil {
		t.Error("the old output survived the swap")
	}
	entries, _ := os.ReadDir(parent)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != ".moteplass-public.lock public" {
		t.Errorf("left in the parent: %v", names)
	}
}

func TestWriteRefusesToLeaveTheFolder(t *testing.T) {
	d, err := Begin(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, name := range []string{"../x.html", "/etc/passwd", "a/../../x", "a\x00b", "", `..\..\x`, "nul/index.html", "aktiviteter/con.ics", "kommune/LPT1/index.html"} {
		if err := d.WriteFile(name, []byte("x")); err == nil {
			t.Errorf("wrote %q", name)
		}
	}
	if err := d.WriteFile("nullstilling/index.html", []byte("x")); err != nil {
		t.Errorf("a name that only starts like a device: %v", err)
	}
}

// TestWriteRefusesNamesACaseInsensitiveDiskMerges: on macOS and Windows,
// Kafe/index.html and kafe/index.html are one file, and the second would
// silently replace the first.
func TestWriteRefusesNamesACaseInsensitiveDiskMerges(t *testing.T) {
	d, err := Begin(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if err := d.WriteFile("aktiviteter/kafe/index.html", []byte("a")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"aktiviteter/Kafe/index.html", "Aktiviteter/kafe/INDEX.html", "aktiviteter/kafe/index.html"} {
		err := d.WriteFile(name, []byte("b"))
		if err == nil {
			t.Errorf("wrote %q after aktiviteter/kafe/index.html", name)
			continue
		}
		if !strings.Contains(err.Error(), name) {
			t.Errorf("the error does not name the file: %v", err)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(d.Path(), "aktiviteter/kafe/index.html")); string(data) != "a" {
		t.Errorf("the first file was replaced: %q", data)
	}
}

func TestLock(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Begin(out); !errors.Is(err, ErrLocked) {
		t.Fatalf("a second build at once: %v", err)
	}
	first.Abort()
	second, err := Begin(out)
	if err != nil {
		t.Fatalf("after the first build ended: %v", err)
	}
	second.Abort()
}

func TestAbortLeavesOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "index.html"), []byte("forrige"), 0o644)
	d, _ := Begin(out)
	d.WriteFile("index.html", []byte("halvferdig"))
	d.Abort()
	if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != "forrige" {
		t.Errorf("output changed: %q", data)
	}
	if _, err := os.Stat(d.Path()); err == nil {
		t.Error("the staging folder is still there")
	}
}
