package content

import (
	"context"
	"io/fs"
	"sync"
	"time"

	"moteplass/generator/diag"
	"moteplass/generator/markdown"
	"moteplass/generator/site"
)

// A Cache keeps parsed files between loads, for `moteplass serve`: a file
// whose size and modification time have not changed is not read or parsed
// again, so one edit costs one parse. References are still resolved and
// validated across the whole site on every load.
//
// Loads through one Cache must not overlap, and nothing may read a Site
// from an earlier load while a new one runs: items are reused and
// re-linked. A nil *Cache caches nothing.
type Cache struct {
	mu      sync.Mutex
	md      *markdown.Markdown
	entries map[string]cacheEntry
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
func NewCache() *Cache { return &Cache{entries: map[string]cacheEntry{}} }

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
	if c.md != md {
		// Another Markdown setup (site.toml changed) parses differently.
		c.md, c.entries = md, map[string]cacheEntry{}
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
	if c.md == md {
		c.entries[f.path] = cacheEntry{f.size, f.mod, f.kind, f.slug, parsed, problems}
	}
}

// keep forgets files that no longer exist.
func (c *Cache) keep(files []source) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
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
