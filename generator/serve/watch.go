package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watcher watches the site's folders, adding new folders as they appear.
type watcher struct {
	*fsnotify.Watcher
	root string
}

// watched are the paths under the site folder whose changes matter.
var watched = []string{"site.toml", "content", "themes"}

func newWatcher(root string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{Watcher: fw, root: root}
	// The site folder itself, for site.toml and for content/ or themes/
	// appearing later.
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, name := range watched[1:] {
		w.addTree(filepath.Join(root, name))
	}
	return w, nil
}

// addTree watches dir and every folder below it.
func (w *watcher) addTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && p != dir {
				return filepath.SkipDir
			}
			w.Add(p)
		}
		return nil
	})
}

// relevant reports whether a change at path p can change the site.
func (w *watcher) relevant(p string) bool {
	rel, err := filepath.Rel(w.root, p)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, name := range watched {
		if rel == name || strings.HasPrefix(rel, name+"/") {
			return true
		}
	}
	return false
}

// watch rebuilds after changes, once the folder has been quiet for the
// debounce time, until ctx ends.
func (s *Server) watch(ctx context.Context, w *watcher) {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if !w.relevant(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					w.addTree(ev.Name) // a new folder and what was put in it
				}
			}
			if rel, err := filepath.Rel(w.root, ev.Name); err == nil {
				s.cache.Changed(filepath.ToSlash(rel))
			}
			timer.Reset(s.opt.Debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			// Events were lost (a queue overflow): look at everything.
			s.log.Warn("watching", "error", err)
			s.cache.Rescan()
			timer.Reset(s.opt.Debounce)
		case <-timer.C:
			s.Rebuild(ctx)
		}
	}
}
