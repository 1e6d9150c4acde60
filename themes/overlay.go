package themes

import (
	"errors"
	"io/fs"
	"path"
	"slices"
)

// Open returns the theme a site uses: the site's own themes/<name>/ folder
// over the default theme, so a site can replace single files (one layout,
// the CSS, a translation) and keep the rest. fsys is the site folder.
func Open(fsys fs.FS, name string) (fs.FS, error) {
	own, err := fs.Sub(fsys, path.Join("themes", name))
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(own, "."); err != nil {
		if name != "default" {
			return nil, errors.New("themes/" + name + ": no such theme in the site folder")
		}
		return Default(), nil
	}
	return overlay{top: own, bottom: Default(), dir: path.Join("themes", name)}, nil
}

// overlay reads a file from top if it is there, else from bottom; folder
// listings merge both.
type overlay struct {
	top, bottom fs.FS
	dir         string // top's folder in the site: themes/<name>
}

// Base returns the built-in theme under the site's own files.
func (o overlay) Base() fs.FS { return o.bottom }

// Origin returns the path in the site folder of the theme file name
// ("themes/default/i18n/nb.toml") if the site's own theme folder has it,
// or "" if it comes from the built-in theme. Errors in a site's theme
// files name them by it.
func (o overlay) Origin(name string) string {
	if st, err := fs.Stat(o.top, name); err == nil && !st.IsDir() {
		return path.Join(o.dir, name)
	}
	return ""
}

func (o overlay) Open(name string) (fs.File, error) {
	if f, err := o.top.Open(name); err == nil {
		if st, err := f.Stat(); err == nil && !st.IsDir() {
			return f, nil
		}
		f.Close()
	}
	return o.bottom.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	a, errA := fs.ReadDir(o.top, name)
	b, errB := fs.ReadDir(o.bottom, name)
	if errA != nil && errB != nil {
		return nil, errB
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range slices.Concat(a, b) {
		if !seen[e.Name()] {
			seen[e.Name()] = true
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(x, y fs.DirEntry) int {
		switch {
		case x.Name() < y.Name():
			return -1
		case x.Name() > y.Name():
			return 1
		}
		return 0
	})
	return out, nil
}
