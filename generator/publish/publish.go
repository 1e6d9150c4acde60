// Package publish writes a built site into a fresh folder beside the
// output folder and swaps it into place only when every file is written.
// A failed or interrupted build leaves the previous site untouched.
package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"moteplass/generator/slug"
)

// A Dir is a staging folder for the next version of an output folder.
// WriteFile is safe for concurrent use.
type Dir struct {
	out     string // the output folder to replace
	tmp     string // the staging folder
	lock    *os.File
	made    sync.Map
	names   sync.Map // lower-case name → name, of every file written
	files   atomic.Int64
	bytes   atomic.Int64
	kinds   sync.Map // file extension → *atomic.Int64
	aborted bool
}

// Prefix starts the names of staging and retired folders, so a later run
// can find and remove those a killed build left behind.
const prefix = ".moteplass-"

// ErrLocked is returned by Begin when another build is writing the same
// output folder.
var ErrLocked = errors.New("another build is writing this output folder; wait for it to finish")

// Begin locks out against other builds and creates a staging folder next
// to it (same parent, so the final rename stays on one file system).
func Begin(out string) (*Dir, error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	lock, err := os.OpenFile(filepath.Join(parent, prefix+filepath.Base(out)+".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lockFile(lock); err != nil {
		lock.Close()
		return nil, fmt.Errorf("%s: %w", out, ErrLocked)
	}
	cleanStale(out)
	tmp, err := os.MkdirTemp(parent, prefix+filepath.Base(out)+"-new-")
	if err != nil {
		lock.Close()
		return nil, err
	}
	return &Dir{out: out, tmp: tmp, lock: lock}, nil
}

// cleanStale removes staging folders a killed build left behind. It runs
// under the lock, so none of them belongs to a running build.
func cleanStale(out string) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(out), prefix+filepath.Base(out)+"-*"))
	for _, m := range matches {
		os.RemoveAll(m)
	}
}

// unlock releases the lock; the lock file stays, empty, for the next build.
func (d *Dir) unlock() {
	if d.lock != nil {
		d.lock.Close()
		d.lock = nil
	}
}

// Path returns the staging folder.
func (d *Dir) Path() string { return d.tmp }

// WriteFile writes data to name, a slash-separated path inside the output
// folder. Paths that would leave the folder are refused, and so are names
// that another disk would not keep apart: a second file whose name
// differs from an earlier one only in case (one file on macOS and
// Windows), and names Windows reserves (nul, con, …). Content checks
// report these with file and line first; this is the last guard.
func (d *Dir) WriteFile(name string, data []byte) error {
	if !filepath.IsLocal(filepath.FromSlash(name)) || strings.ContainsRune(name, 0) || strings.Contains(name, `\`) {
		return fmt.Errorf("refusing to write %q: outside the output folder", name)
	}
	if el := reservedElement(name); el != "" {
		return fmt.Errorf("refusing to write %q: Windows reserves the name %q", name, el)
	}
	if prev, dup := d.names.LoadOrStore(strings.ToLower(name), name); dup {
		if prev == name {
			return fmt.Errorf("refusing to write %q twice: two pages would have the same address", name)
		}
		return fmt.Errorf("refusing to write %q: %q differs only in case, and a case-insensitive disk keeps one of them", name, prev)
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return err
	}
	d.files.Add(1)
	d.bytes.Add(int64(len(data)))
	n, _ := d.kinds.LoadOrStore(filepath.Ext(name), new(atomic.Int64))
	n.(*atomic.Int64).Add(1)
	return nil
}

// Count returns how many files with extension ext (".html") were written.
func (d *Dir) Count(ext string) int64 {
	if n, ok := d.kinds.Load(ext); ok {
		return n.(*atomic.Int64).Load()
	}
	return 0
}

func (d *Dir) mkdir(dir string) error {
	if _, ok := d.made.Load(dir); ok {
		return nil
	}
	// Most folders are new leaves under a folder already made: one
	// mkdir call instead of MkdirAll's walk up the path.
	if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	d.made.Store(dir, true)
	return nil
}

// Files and Bytes count what has been written.
func (d *Dir) Files() int64 { return d.files.Load() }

// Bytes returns the number of bytes written.
func (d *Dir) Bytes() int64 { return d.bytes.Load() }

// Abort removes the staging folder; the output folder is not touched.
func (d *Dir) Abort() {
	if !d.aborted {
		d.aborted = true
		os.RemoveAll(d.tmp)
	}
	d.unlock()
}

// Commit swaps the staging folder in as the output folder. The old
// output is first renamed aside, then removed; at no moment is the
// output folder half-written.
func (d *Dir) Commit() error {
	old := ""
	if st, err := os.Lstat(d.out); err == nil {
		if !st.IsDir() {
			d.Abort()
			return fmt.Errorf("%s exists and is not a folder", d.out)
		}
		base := prefix + filepath.Base(d.out)
		old = filepath.Join(filepath.Dir(d.out), base+"-old-"+strings.TrimPrefix(filepath.Base(d.tmp), base+"-new-"))
		if err := os.Rename(d.out, old); err != nil {
			d.Abort()
			return err
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		d.Abort()
		return err
	}
	if err := os.Rename(d.tmp, d.out); err != nil {
		if old != "" {
			os.Rename(old, d.out) // put the previous site back
		}
		d.Abort()
		return err
	}
	if old != "" {
		os.RemoveAll(old)
	}
	d.aborted = true // nothing left to remove
	d.unlock()
	return nil
}

// reservedElement returns the first element of the slash-separated path
// name that Windows reserves for a device, or "".
func reservedElement(name string) string {
	for _, el := range strings.Split(name, "/") {
		if base, _, _ := strings.Cut(el, "."); slug.Reserved(base) {
			return el
		}
	}
	return ""
}
