package build

import (
	"errors"
	"io/fs"
	"path"
	"regexp"
	"slices"

	"moteplass/generator/diag"
	"moteplass/generator/publish"
)

// paths returns the output paths of files.
func paths(files []publish.File) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.Path
	}
	return out
}

// literalID matches an id attribute written out in a layout, not made by
// a template action: id="innhold", not id="{{.ID}}".
var literalID = regexp.MustCompile(`\bid="([A-Za-z][A-Za-z0-9_:.-]*)"`)

// themeIDs returns the element ids the theme's layouts write as they
// are, such as the skip link's target: a link to a page may end in one
// of them as well as in a heading of the page's Markdown.
func themeIDs(theme fs.FS) []string {
	var ids []string
	fs.WalkDir(theme, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".html" {
			return nil
		}
		src, err := fs.ReadFile(theme, p)
		if err != nil {
			return nil
		}
		for _, m := range literalID.FindAllStringSubmatch(string(src), -1) {
			ids = append(ids, m[1])
		}
		return nil
	})
	slices.Sort(ids)
	return slices.Compact(ids)
}

// problems joins the content problems among errs into one diag.List; an
// error that is not a content problem (I/O, a broken theme) wins.
func problems(errs ...error) error {
	var all diag.List
	for _, err := range errs {
		if err == nil {
			continue
		}
		var list diag.List
		if !errors.As(err, &list) {
			return err
		}
		all.Merge(list)
	}
	return all.Err()
}
