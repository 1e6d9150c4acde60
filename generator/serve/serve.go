// Package serve is the editors' live preview: it builds the site in
// memory, serves it on loopback, watches site.toml, content/ and themes/,
// and rebuilds and reloads open browsers when a file changes.
//
// Only the files a browser asks for are rendered, from the current Plan:
// an edit costs one parse of the changed file (content.Cache), a check of
// the whole site that takes from the last plan what did not change
// (build.Options.Prev), and the pages the browser then loads — never a
// render of the whole site. While the content has errors, every page shows them,
// with path:line:col, until the file is fixed.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"moteplass/generator/build"
	"moteplass/generator/content"
)

// Options configure a Server. The zero value serves the site in the
// current folder on 127.0.0.1:1313.
type Options struct {
	Site string
	Addr string           // host:port; loopback unless given otherwise
	Now  func() time.Time // the moment each build is for; nil means time.Now
	Log  *slog.Logger     // nil discards
	// Debounce is how long the folder must be quiet before a rebuild:
	// editors write a temporary file and rename it, several events per
	// save, all within a few milliseconds. Zero means 20 ms.
	Debounce time.Duration
}

// A Server serves one site. Create it with New; it is safe for
// concurrent use.
type Server struct {
	opt   Options
	log   *slog.Logger
	cache *content.Cache

	mu      sync.RWMutex // held for writing while a build replaces state
	state   *state
	version int
	last    *build.Plan // the last plan that built, for the next to reuse

	clients clients
}

// state is the result of one build: its files, or what was wrong.
type state struct {
	plan  *build.Plan // its files, the search index built on demand
	base  string      // path prefix of base_url, "/" usually
	err   error
	built time.Time
}

// New returns a server for the site; Run starts it.
func New(opt Options) *Server {
	if opt.Site == "" {
		opt.Site = "."
	}
	if opt.Addr == "" {
		opt.Addr = "127.0.0.1:1313"
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Debounce == 0 {
		opt.Debounce = 20 * time.Millisecond
	}
	log := opt.Log
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return &Server{opt: opt, log: log, cache: content.NewCache(), clients: clients{m: map[chan int]bool{}}}
}

// Rebuild loads the site again and tells open browsers to reload. It
// returns the problems of the build, if any; the server keeps serving.
func (s *Server) Rebuild(ctx context.Context) error {
	s.mu.Lock()
	start := time.Now()
	plan, err := build.NewPlan(ctx, build.Options{Site: s.opt.Site, Now: s.opt.Now(), Cache: s.cache, SearchOnDemand: true, Prev: s.last})
	if err == nil {
		s.last = plan
	}
	st := &state{err: err, built: time.Now(), base: "/", plan: plan}
	if err == nil {
		st.base = plan.Site.Config.BasePath()
	}
	s.state = st
	s.version++
	v := s.version
	s.mu.Unlock()
	if err != nil {
		s.log.Info("build failed", "error", err)
	} else {
		s.log.Info("built", "files", len(st.plan.Files), "time", time.Since(start).Round(time.Millisecond))
	}
	s.clients.send(v)
	return err
}

// Run builds the site, serves it and watches for changes until ctx ends.
func (s *Server) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.opt.Addr)
	if err != nil {
		return err
	}
	return s.Serve(ctx, ln)
}

// Serve is Run on a listener the caller opened.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	w, err := newWatcher(s.opt.Site)
	if err != nil {
		ln.Close()
		return err
	}
	defer w.Close()
	s.Rebuild(ctx)
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	go s.watch(ctx, w)
	select {
	case <-ctx.Done():
	case err := <-done:
		return err
	}
	s.clients.closeAll() // event streams would hold Shutdown open
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		// A connection that never sent a request (a browser's
		// preconnect) holds Shutdown for five seconds: close it.
		srv.Close()
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// render writes the file at path of the current state into a buffer.
func (s *Server) render(path string) (data []byte, found bool, st *state, err error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st = s.state
	if st == nil || st.err != nil {
		return nil, false, st, nil
	}
	f, ok, err := st.plan.File(path)
	if err != nil || !ok {
		return nil, ok, st, err
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return nil, true, st, fmt.Errorf("%s: %w", path, err)
	}
	return b.Bytes(), true, st, nil
}
