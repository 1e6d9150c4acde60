package content

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"

	"moteplass/generator/diag"
	"moteplass/generator/markdown"
	"moteplass/generator/site"
)

// A Cache keeps parsed files between loads, for `moteplass serve`: a file
// whose size and modification time have not changed is not read or parsed
// again, so one edit costs one parse. Every load still checks the whole
// site, but keeps with each parsed file what its checks found that cannot
// have changed: what the file says on its own, the links that name no
// other file, an activity's references while site.toml, organisations
// and projects stay the same; and sorted lists start from the last
// load's. Activities are kept as HTML, as LoadCompact keeps them.
//
// Loads through one Cache must not overlap, and nothing may read a Site
// from an earlier load while a new one runs: items are reused and
// re-linked. A nil *Cache caches nothing.
type Cache struct {
	mu      sync.Mutex
	opt     markdown.Options
	entries map[string]cacheEntry

	// The last scan of content/, and the paths changed since: with
	// them a load need not walk and stat thousands of files.
	files    []source
	assets   map[string]bool
	scanErrs diag.List
	dirty    map[string]bool
	rescan   bool
	walked   bool // the last scan walked the folder: files may have gone

	// Each load has a number, and the next load starts from the last
	// one's site: items it had keep their place in its sorted lists
	// (see sortByTitle).
	gen  uint64
	last *Site

	// What references between files were last checked against, and a
	// number for that version: an activity's references need checking
	// again only when it changes (see validator.activity).
	refs    refTargets
	refsGen uint64

	nonce string // of link markers in cached HTML (see compactor)
}

// refTargets are what an activity's references are checked against.
type refTargets struct {
	cfg      *site.Config
	orgs     []*Organisation
	projects []*Project
}

// next returns the last load's site and the number of a new load.
func (c *Cache) next() (*Site, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	return c.last, c.gen
}

// loaded records the site of the load numbered gen.
func (c *Cache) loaded(s *Site, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen == gen {
		c.last = s
	}
}

// refsVersion returns the number of the version of s's reference
// targets (site.toml, organisations, projects), a new one if they are not
// those of the last load. A nil Cache returns 0: no version.
func (c *Cache) refsVersion(s *Site) uint64 {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.refsGen == 0 || c.refs.cfg != s.Config || !slices.Equal(c.refs.orgs, s.Organisations) || !slices.Equal(c.refs.projects, s.Projects) {
		c.refsGen++
		c.refs = refTargets{s.Config, slices.Clone(s.Organisations), slices.Clone(s.Projects)}
	}
	return c.refsGen
}

// Changed tells the cache that the files or folders at paths (slash-
// separated, relative to the site folder) changed since the last load,
// as a file watcher reports. The next load then looks at those paths
// only, unless one is a new or removed file or a folder.
func (c *Cache) Changed(paths ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dirty == nil {
		c.dirty = map[string]bool{}
	}
	for _, p := range paths {
		c.dirty[p] = true
	}
}

// Rescan makes the next load walk the whole content folder, as when a
// file watcher has lost events.
func (c *Cache) Rescan() {
	c.mu.Lock()
	c.rescan = true
	c.mu.Unlock()
}

// scan returns the content files, from the last scan and the changes
// since where it can.
func (c *Cache) scan(fsys fs.FS) ([]source, map[string]bool, diag.List) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files != nil && !c.rescan && c.update(fsys) {
		c.dirty = nil
		return c.files, c.assets, c.scanErrs
	}
	c.walked = true
	c.files, c.assets, c.scanErrs = scan(fsys, true)
	c.dirty, c.rescan = nil, false
	return c.files, c.assets, c.scanErrs
}

// update applies the dirty paths to the last scan. It reports false when
// a full scan is needed: a file or folder appeared or went away.
func (c *Cache) update(fsys fs.FS) bool {
	if len(c.scanErrs) > 0 {
		return false // the last scan found problems; look again
	}
	index := make(map[string]int, len(c.dirty))
	for p := range c.dirty {
		index[p] = -1
	}
	for i, f := range c.files {
		if _, ok := index[f.path]; ok {
			index[f.path] = i
		}
	}
	for p, i := range index {
		if !strings.HasPrefix(p, Dir+"/") {
			continue // site.toml, themes/: the scan does not change
		}
		st, err := fs.Stat(fsys, p)
		exists := err == nil
		known := i >= 0 || c.assets[p]
		switch {
		case exists && !st.Mode().IsRegular(), exists != known:
			return false // a folder or a pipe where a file was: the scan says what it is
		case !exists:
			// A temporary file an editor wrote and renamed away.
		case i >= 0:
			c.files[i].size, c.files[i].mod = st.Size(), st.ModTime()
		}
	}
	return true
}

type cacheEntry struct {
	size     int64
	mod      time.Time
	kind     Kind
	slug     string
	parsed   any
	problems diag.List
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	var nonce [8]byte
	rand.Read(nonce[:])
	return &Cache{entries: map[string]cacheEntry{}, nonce: "mpl" + hex.EncodeToString(nonce[:])}
}

// compactor returns the compactor of loads through c: activities are
// kept as HTML, not as syntax trees, whose millions of nodes the
// garbage collector would scan again after every few saves. Markers start
// with the same nonce in every load, as cached HTML holds them.
func (c *Cache) compactor(cfg *site.Config) *compactor {
	return &compactor{nonce: c.nonce, base: cfg.BasePath()}
}

// Load is content.Load with the cache.
func (c *Cache) Load(ctx context.Context, fsys fs.FS, cfg *site.Config, md *markdown.Markdown) (*Site, error) {
	return load(ctx, fsys, cfg, md, c)
}

func (c *Cache) get(f source, md *markdown.Markdown) (cacheEntry, bool) {
	if c == nil {
		return cacheEntry{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.opt != md.Options() {
		// Other Markdown options (site.toml changed) parse differently.
		c.opt, c.entries = md.Options(), map[string]cacheEntry{}
	}
	e, ok := c.entries[f.path]
	return e, ok && e.size == f.size && e.mod.Equal(f.mod) && e.kind == f.kind && e.slug == f.slug && !f.mod.IsZero()
}

func (c *Cache) put(f source, md *markdown.Markdown, parsed any, problems diag.List) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.opt == md.Options() {
		c.entries[f.path] = cacheEntry{f.size, f.mod, f.kind, f.slug, parsed, problems}
	}
}

// keep forgets files that no longer exist. Only a walk of the folder
// finds that one has gone (see update).
func (c *Cache) keep(files []source) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.walked {
		return
	}
	c.walked = false
	live := make(map[string]bool, len(files))
	for _, f := range files {
		live[f.path] = true
	}
	for p := range c.entries {
		if !live[p] {
			delete(c.entries, p)
		}
	}
}
