// Package publish writes a built site into a fresh folder beside the
// output folder and swaps it into place only when every file is written.
// A failed or interrupted build leaves the previous site untouched.
package publish

import (
	"errors"
	"fmt"
	"io"
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
	made    stringSet // folders made
	names   stringSet // lower-case names of every file written
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
	w, err := d.Create(name)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

// Create creates the file name, refused as WriteFile refuses it, for
// writing in pieces: a large file (a calendar of every activity) then
// never has to be held in memory whole. The file counts as written when
// it is closed.
func (d *Dir) Create(name string) (io.WriteCloser, error) {
	if !filepath.IsLocal(filepath.FromSlash(name)) || strings.ContainsRune(name, 0) || strings.Contains(name, `\`) {
		return nil, fmt.Errorf("refusing to write %q: outside the output folder", name)
	}
	if el := reservedElement(name); el != "" {
		return nil, fmt.Errorf("refusing to write %q: Windows reserves the name %q", name, el)
	}
	if prev, dup := d.names.add(strings.ToLower(name), name); dup {
		if prev == name {
			return nil, fmt.Errorf("refusing to write %q twice: two pages would have the same address", name)
		}
		return nil, fmt.Errorf("refusing to write %q: %q differs only in case, and a case-insensitive disk keeps one of them", name, prev)
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(p)); err != nil {
		return nil, err
	}
	f, err := createFile(p)
	if err != nil {
		return nil, err
	}
	return &file{f: f, d: d, ext: filepath.Ext(name)}, nil
}

// A file is a file being written into a Dir.
type file struct {
	f   io.WriteCloser
	d   *Dir
	ext string
	n   int64
	err error
}

func (f *file) Write(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	n, err := f.f.Write(p)
	f.n += int64(n)
	f.err = err
	return n, err
}

// Abort closes and removes the file, after a failed write: it is not
// counted, and the staging folder keeps no half-written file.
func (f *file) Abort() {
	f.f.Close()
	if r, ok := f.f.(interface{ Name() string }); ok {
		os.Remove(r.Name())
	}
}

// Close closes the file and counts it, if every write succeeded.
func (f *file) Close() error {
	err := f.f.Close()
	if f.err != nil {
		return f.err
	}
	if err != nil {
		return err
	}
	f.d.files.Add(1)
	f.d.bytes.Add(f.n)
	n, _ := f.d.kinds.LoadOrStore(f.ext, new(atomic.Int64))
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
	if d.made.has(dir) {
		return nil
	}
	// Most folders are new leaves under a folder already made: one
	// mkdir call instead of MkdirAll's walk up the path.
	if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	d.made.add(dir, dir)
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
	for rest := name; rest != ""; {
		var el string
		el, rest, _ = strings.Cut(rest, "/")
		// Every reserved name has three or four letters.
		if base, _, _ := strings.Cut(el, "."); (len(base) == 3 || len(base) == 4) && slug.Reserved(base) {
			return el
		}
	}
	return ""
}
