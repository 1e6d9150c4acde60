//go:build unix

package content

import (
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
	dir := onDisk(t, fsys)
	if err := syscall.Mkfifo(filepath.Join(dir, "content/activities/trondelag/ror.md"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	_, err := loadSite(t, sitedir.New(dir)) // without the check, this waits for ever
	if err == nil || !strings.Contains(err.Error(), "content/activities/trondelag/ror.md:1:1: not a regular file") {
		t.Errorf("err %v", err)
	}
}
