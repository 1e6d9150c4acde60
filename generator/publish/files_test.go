package publish

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteAllStreams: into a Dir, files are written as streams, large
// ones in pieces, and counted as WriteFile counts them; a file that
// fails stops the build with its name in the error.
func TestWriteAllStreams(t *testing.T) {
	d, err := Begin(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	big := bytes.Repeat([]byte("BEGIN:VEVENT\r\nEND:VEVENT\r\n"), 20000) // 520 KB
	files := []File{
		{Path: "index.html", Write: func(w io.Writer) error { _, err := io.WriteString(w, "<!doctype html>"); return err }},
		{Path: "kalender/alle.ics", Write: func(w io.Writer) error {
			for i := 0; i < len(big); i += 1000 {
				if _, err := w.Write(big[i:min(len(big), i+1000)]); err != nil {
					return err
				}
			}
			return nil
		}},
		{Path: "tom.txt", Write: func(io.Writer) error { return nil }},
	}
	if err := WriteAll(context.Background(), d, files); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(d.Path(), "kalender/alle.ics")); !bytes.Equal(got, big) {
		t.Errorf("kalender/alle.ics: %d bytes, want %d", len(got), len(big))
	}
	if got, _ := os.ReadFile(filepath.Join(d.Path(), "index.html")); string(got) != "<!doctype html>" {
		t.Errorf("index.html: %q", got)
	}
	if d.Files() != 3 || d.Bytes() != int64(len(big)+15) || d.Count(".ics") != 1 || d.Count(".html") != 1 {
		t.Errorf("counted %d files, %d bytes, %d .ics, %d .html", d.Files(), d.Bytes(), d.Count(".ics"), d.Count(".html"))
	}

	fail := errors.New("kaputt")
	err = WriteAll(context.Background(), d, []File{{Path: "feil/index.html", Write: func(w io.Writer) error {
		io.WriteString(w, "halv")
		return fail
	}}})
	if !errors.Is(err, fail) || !strings.Contains(err.Error(), "feil/index.html") {
		t.Errorf("a failing file: %v", err)
	}
	if err := WriteAll(context.Background(), d, []File{{Path: "../ut.html", Write: func(io.Writer) error { return nil }}}); err == nil {
		t.Error("WriteAll wrote outside the folder")
	}
	if d.Files() != 3 {
		t.Errorf("failed files were counted: %d", d.Files())
	}
	if _, err := os.Stat(filepath.Join(d.Path(), "feil/index.html")); err == nil {
		t.Error("the half-written file is still there")
	}
}

// TestWriteAllOnce: the same files are written as with WriteAll, each
// cleared from the list once it is, and the list is left as it was by
// WriteAll.
func TestWriteAllOnce(t *testing.T) {
	for _, once := range []bool{false, true} {
		d, err := Begin(filepath.Join(t.TempDir(), "public"))
		if err != nil {
			t.Fatal(err)
		}
		var files []File
		for i := range 50 {
			name := fmt.Sprintf("side/%d/index.html", i)
			files = append(files, File{Path: name, Write: func(w io.Writer) error { _, err := io.WriteString(w, name); return err }})
		}
		write := WriteAll
		if once {
			write = WriteAllOnce
		}
		if err := write(context.Background(), d, files); err != nil {
			t.Fatal(err)
		}
		for i, f := range files {
			name := fmt.Sprintf("side/%d/index.html", i)
			if got, _ := os.ReadFile(filepath.Join(d.Path(), name)); string(got) != name {
				t.Errorf("once=%v: %s holds %q", once, name, got)
			}
			if cleared := f.Path == "" && f.Write == nil; cleared != once {
				t.Errorf("once=%v: file %d cleared: %v", once, i, cleared)
			}
		}
		d.Abort()
	}
}
