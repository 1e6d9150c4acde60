package sitedir

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// site writes files of the sizes that matter to reading (empty, under,
// at and over the first buffer, large) and returns its folder.
func site(t *testing.T) (string, map[string][]byte) {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{}
	for name, n := range map[string]int{
		"empty.md":           0,
		"one.md":             1,
		"content/a/511.md":   511,
		"content/a/512.md":   512,
		"content/a/513.md":   513,
		"content/b/large.md": 300_000,
	} {
		data := bytes.Repeat([]byte("æøå\n"), n/7+1)[:n]
		files[name] = data
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, files
}

func TestDirIsAnFS(t *testing.T) {
	dir, files := site(t)
	var names []string
	for name := range files {
		names = append(names, name)
	}
	if err := fstest.TestFS(New(dir), names...); err != nil {
		t.Fatal(err)
	}
}

func TestReadFileGivesWhatOSGives(t *testing.T) {
	dir, files := site(t)
	d, osfs := New(dir), os.DirFS(dir)
	for name, want := range files {
		got, err := d.ReadFile(name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("ReadFile(%q): %d bytes, %v; want %d bytes", name, len(got), err, len(want))
		}
		viaOS, _ := fs.ReadFile(osfs, name)
		if !bytes.Equal(got, viaOS) {
			t.Errorf("ReadFile(%q) differs from os.DirFS", name)
		}
	}
}

func TestReadLimited(t *testing.T) {
	dir, files := site(t)
	mapfs := fstest.MapFS{}
	for name, data := range files {
		mapfs[name] = &fstest.MapFile{Data: data}
	}
	// Through a Dir, and through any other fs.FS.
	for _, fsys := range []fs.FS{New(dir), mapfs} {
		readLimitedFrom(t, fsys)
	}
}

func readLimitedFrom(t *testing.T, fsys fs.FS) {
	for _, tc := range []struct {
		name  string
		limit int64
		ok    bool
	}{
		{"content/a/512.md", 512, true},
		{"content/a/512.md", 511, false},
		{"content/a/512.md", -1, true},
		{"empty.md", 0, true},
		{"one.md", 0, false},
		{"content/b/large.md", 300_000, true},
		{"content/b/large.md", 299_999, false},
	} {
		data, err := ReadLimited(fsys, tc.name, tc.limit)
		switch {
		case tc.ok && err != nil:
			t.Errorf("%T: ReadLimited(%q, %d): %v", fsys, tc.name, tc.limit, err)
		case !tc.ok && !errors.Is(err, ErrTooLarge):
			t.Errorf("%T: ReadLimited(%q, %d) = %d bytes, %v; want ErrTooLarge", fsys, tc.name, tc.limit, len(data), err)
		}
	}
}

// A file longer than its size says (one that grows while it is read,
// or one in /proc, which says 0) is still held to the limit by the read
// loop, and read whole without one.
func TestReadLimitedPastTheStatedSize(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc")
	}
	d := New("/proc/self")
	if _, err := d.ReadLimited("status", 10); !errors.Is(err, ErrTooLarge) {
		t.Errorf("err %v, want ErrTooLarge", err)
	}
	data, err := d.ReadFile("status")
	if err != nil || !bytes.Contains(data, []byte("\nPid:")) {
		t.Errorf("ReadFile(status) = %q, %v", data, err)
	}
}

func TestErrorsAreAsOSGivesThem(t *testing.T) {
	dir, _ := site(t)
	d, osfs := New(dir), os.DirFS(dir)
	for _, name := range []string{"missing.md", "content/missing/x.md", "../outside.md", "/etc/passwd", `content\a\512.md`, "a\x00b", "content/a"} {
		_, err := d.ReadLimited(name, -1)
		_, osErr := fs.ReadFile(osfs, name)
		if err == nil || osErr == nil {
			t.Errorf("%q: err %v, os.DirFS %v; want both to fail", name, err, osErr)
			continue
		}
		pe, ok := errors.AsType[*fs.PathError](err)
		if !ok || pe.Path != name {
			t.Errorf("%q: %v, want an *fs.PathError naming %q", name, err, name)
		}
		for _, target := range []error{fs.ErrNotExist, fs.ErrInvalid} {
			if errors.Is(err, target) != errors.Is(osErr, target) {
				t.Errorf("%q: errors.Is(%v, %v) differs from os.DirFS's %v", name, err, target, osErr)
			}
		}
	}
	if _, err := d.ReadFile("missing.md"); err.Error() != "open missing.md: no such file or directory" {
		t.Errorf("message %q", err)
	}
}
