package content

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/yuin/goldmark/ast"

	"moteplass/generator/decode"
	"moteplass/generator/diag"
	"moteplass/generator/markdown"
	"moteplass/generator/parallel"
	"moteplass/generator/site"
	"moteplass/generator/sitedir"
	"moteplass/generator/slug"
)

// Dir is the folder of a site that holds its content.
const Dir = "content"

// Load reads every file under content/ in fsys (a site folder), parses
// front matter and Markdown once per file, and validates the whole site.
// Files are read and parsed in parallel; the result does not depend on
// their order. On problems, Load returns a diag.List of all of them.
func Load(ctx context.Context, fsys fs.FS, cfg *site.Config, md *markdown.Markdown) (*Site, error) {
	return load(ctx, fsys, cfg, md, nil)
}

// Parse is the first half of Load: it reads and parses every file but
// checks nothing between files. Validate is the second half. They are
// apart for benchmarks of each stage; a build calls Load.
func Parse(ctx context.Context, fsys fs.FS, cfg *site.Config, md *markdown.Markdown) (*Site, error) {
	s, errs, err := parseAll(ctx, fsys, cfg, md, nil, nil)
	if err != nil {
		return nil, err
	}
	return s, errs.Err()
}

// Validate checks a site from Parse: references, vocabularies, dates,
// URLs, addresses and links. Call it once per Parse.
func Validate(fsys fs.FS, s *Site) error {
	return validate(fsys, s).Err()
}

func load(ctx context.Context, fsys fs.FS, cfg *site.Config, md *markdown.Markdown, cache *Cache) (*Site, error) {
	s, errs, err := parseAll(ctx, fsys, cfg, md, cache, nil)
	if err != nil {
		return nil, err
	}
	s.refsGen = cache.refsVersion(s)
	errs.Merge(validate(fsys, s))
	if err := errs.Err(); err != nil {
		return s, err
	}
	return s, nil
}

// parseAll reads and parses every file; with a compactor, activities'
// bodies are rendered as they are parsed (see LoadCompact).
func parseAll(ctx context.Context, fsys fs.FS, cfg *site.Config, md *markdown.Markdown, cache *Cache, c *compactor) (*Site, diag.List, error) {
	var files []source
	var assets map[string]bool
	var errs diag.List
	if cache != nil {
		files, assets, errs = cache.scan(fsys)
		c = cache.compactor(cfg)
	} else {
		files, assets, errs = scan(fsys, false)
	}
	parsed := make([]any, len(files))
	problems := make([]diag.List, len(files))
	// More workers than CPUs: each reads a file before it parses, and a
	// worker waiting for the disk leaves its CPU to another.
	err := parallel.Each(ctx, len(files), 4*runtime.GOMAXPROCS(0), func(_ context.Context, i int) error {
		f := files[i]
		if e, ok := cache.get(f, md); ok {
			parsed[i], problems[i] = e.parsed, e.problems
			return nil
		}
		src, err := readLimited(fsys, f.path)
		if errors.Is(err, errTooLarge) {
			problems[i].Add(diag.Pos{Path: f.path, Line: 1, Col: 1}, fmt.Sprintf("the file is larger than %d MB", MaxFileSize>>20), "split it into several files, or move data out of it")
			return nil
		}
		if err != nil {
			return err
		}
		parsed[i], problems[i] = parse(f, src, md, c)
		cache.put(f, md, parsed[i], problems[i])
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	for _, p := range problems {
		errs.Merge(p)
	}
	cache.keep(files)
	if cache == nil {
		return assemble(cfg, parsed, assets, nil, 0), errs, nil
	}
	prev, gen := cache.next()
	s := assemble(cfg, parsed, assets, prev, gen)
	cache.loaded(s, gen)
	return s, errs, nil
}

// MaxFileSize bounds a content file. No real page comes near it; a file
// that does (a pasted database dump, a binary saved as .md) would only
// slow every build and the pages it makes.
const MaxFileSize = 4 << 20

var errTooLarge = sitedir.ErrTooLarge

// readLimited reads a file of at most MaxFileSize bytes, without reading
// more than that of a larger one.
func readLimited(fsys fs.FS, name string) ([]byte, error) {
	return sitedir.ReadLimited(fsys, name, MaxFileSize)
}

// A source is a content file and the kind its folder gives it.
type source struct {
	path string
	kind Kind
	slug string
	size int64     // only with a cache
	mod  time.Time // only with a cache
}

// scan lists the Markdown files under content/ and the other files beside
// them (images), and reports files in folders Møteplass does not know.
func scan(fsys fs.FS, stat bool) (files []source, assets map[string]bool, errs diag.List) {
	assets = map[string]bool{}
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.Add(diag.Pos{Path: p}, "cannot read: "+unwrapPathError(err), "")
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && p != Dir {
			if d.IsDir() {
				return fs.SkipDir // .git, editor folders
			}
			return nil // .DS_Store, editor swap files
		}
		if d.Type()&fs.ModeSymlink != 0 {
			errs.Add(diag.Pos{Path: p, Line: 1, Col: 1}, "symbolic links are not followed", "copy the file into the site instead")
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			// A pipe or a device: reading one could wait for ever.
			errs.Add(diag.Pos{Path: p, Line: 1, Col: 1}, "not a regular file (a pipe, socket or device)", "remove it from the site folder")
			return nil
		}
		if !strings.HasSuffix(name, ".md") {
			assets[p] = true
			return nil
		}
		kind, s, problem := classify(p)
		if problem != "" {
			errs.Add(diag.Pos{Path: p, Line: 1, Col: 1}, problem, "")
			return nil
		}
		src := source{path: p, kind: kind, slug: s}
		if stat {
			if info, err := d.Info(); err == nil {
				src.size, src.mod = info.Size(), info.ModTime()
			}
		}
		files = append(files, src)
		return nil
	})
	if err != nil {
		errs.Add(diag.Pos{Path: Dir}, "cannot read the content folder: "+unwrapPathError(err), "is --site the folder with site.toml and content/?")
	}
	// In path order (a folder's walk puts a/ before a-b/): the site's
	// documents then come in that order without sorting them again on
	// every load.
	slices.SortFunc(files, func(a, b source) int { return strings.Compare(a.path, b.path) })
	return files, assets, errs
}

func unwrapPathError(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// classify tells the kind of a Markdown file from its folder.
func classify(p string) (kind Kind, s, problem string) {
	parts := strings.Split(strings.TrimPrefix(p, Dir+"/"), "/")
	base := strings.TrimSuffix(parts[len(parts)-1], ".md")
	section := parts[0]
	switch {
	case section == "organisations" && len(parts) == 2:
		kind = KindOrganisation
	case section == "projects" && len(parts) == 2:
		kind = KindProject
	case section == "pages" && len(parts) == 2:
		kind = KindPage
	case section == "activities" && len(parts) >= 2:
		kind = KindActivity
	case section == "reports" && len(parts) == 2:
		kind = KindReport
	case section == "reports" && len(parts) == 3 && base == "index":
		kind, base = KindReport, parts[1]
	case section == "handbooks" && len(parts) == 3 && base == "index":
		kind, base = KindHandbook, parts[1]
	case section == "handbooks" && len(parts) == 3:
		kind = KindChapter
	default:
		return "", "", "Møteplass does not know what this file is: put it in content/activities/, organisations/, projects/, handbooks/<name>/, reports/ or pages/"
	}
	if strings.ContainsFunc(p, unicode.IsControl) {
		return "", "", fmt.Sprintf("the path %q holds a control character (such as NUL or a line break)", p)
	}
	s = slug.Make(base)
	if s == "" {
		return "", "", fmt.Sprintf("the file name %q has no letters or digits to make an address from", base)
	}
	if slug.Reserved(s) {
		return "", "", fmt.Sprintf("the file name %q gives the address %q, a name Windows reserves for a device; the site could not be copied to a Windows disk", base, s)
	}
	return kind, s, ""
}

// parse decodes one file into the struct of its kind.
func parse(f source, src []byte, md *markdown.Markdown, c *compactor) (any, diag.List) {
	src = normalize(src)
	lines := diag.NewLines(f.path, src)
	tomlSrc, body, tomlStart, bodyStart, errs := split(f.path, src, lines)
	if len(errs) > 0 {
		return nil, errs
	}
	var v any
	var file *File
	switch f.kind {
	case KindOrganisation:
		o := &Organisation{}
		v, file = o, &o.File
	case KindProject:
		p := &Project{}
		v, file = p, &p.File
	case KindActivity:
		a := &Activity{url: "/aktiviteter/" + f.slug + "/"}
		v, file = a, &a.File
	case KindHandbook:
		h := &Handbook{}
		v, file = h, &h.File
	case KindChapter:
		c := &HandbookChapter{}
		v, file = c, &c.File
	case KindReport:
		r := &Report{}
		v, file = r, &r.File
	case KindPage:
		p := &Page{}
		v, file = p, &p.File
	}
	meta, errs := decode.Decode(lines, tomlStart, tomlSrc, v)
	*file = File{
		Path:  f.path,
		Slug:  f.slug,
		Body:  body,
		Doc:   md.Parse(body),
		Meta:  meta,
		Lines: BodyLines{lines: lines, base: bodyStart},
	}
	ast.Walk(file.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (n.Kind() == ast.KindLink || n.Kind() == ast.KindImage || n.Kind() == ast.KindAutoLink) {
			file.links = append(file.links, n)
		}
		return ast.WalkContinue, nil
	})
	if c != nil && f.kind == KindActivity {
		if err := c.compact(file, md); err != nil {
			errs.Add(diag.Pos{Path: f.path, Line: 1, Col: 1}, err.Error(), "")
		}
	}
	return v, errs
}

// Dir returns the folder of the file, for resolving relative links.
func (f *File) Dir() string { return path.Dir(f.Path) }
