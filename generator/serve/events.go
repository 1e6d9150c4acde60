package serve

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// clients are the open event streams, one channel each.
type clients struct {
	mu     sync.Mutex
	m      map[chan int]bool
	closed bool
}

func (c *clients) add() (chan int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil, false
	}
	ch := make(chan int, 1)
	c.m[ch] = true
	return ch, true
}

func (c *clients) remove(ch chan int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, ch)
}

// send tells every client about version v. A client that has not taken
// the previous message gets the newer one instead: only the last counts.
func (c *clients) send(v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for ch := range c.m {
		select {
		case <-ch:
		default:
		}
		ch <- v
	}
}

func (c *clients) closeAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	for ch := range c.m {
		close(ch)
		delete(c.m, ch)
	}
}

// Count returns the number of open event streams.
func (c *clients) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}

// events streams Server-Sent Events: "reload" after every build.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch, ok := s.clients.add()
	if !ok {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.clients.remove(ch)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 1000\n\n")
	flusher.Flush()
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case v, ok := <-ch:
			if !ok {
				return
			}
			if _, err := fmt.Fprintf(w, "event: reload\ndata: %d\n\n", v); err != nil {
				return
			}
			flusher.Flush()
		case <-ping.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil {
				return
			}
			flusher.Flush()
		}
	}
}
