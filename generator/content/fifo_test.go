//go:build unix

package content

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"moteplass/generator/sitedir"
)

// A named pipe among the content files is reported, not opened: opening
// one waits for a writer that never comes.
func TestPipeIsNotRead(t *testing.T) {
	fsys, _ := fixture(t, "testdata/base.txtar")
	dir := t.TempDir()
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "content/activities/trondelag/ror.md"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	_, err := loadSite(t, sitedir.New(dir)) // without the check, this waits for ever
	if err == nil || !strings.Contains(err.Error(), "content/activities/trondelag/ror.md:1:1: not a regular file") {
		t.Errorf("err %v", err)
	}
}
