package serve

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestTwoHundredClientsAndAbruptDisconnects: 100 browsers wait for
// reloads while 100 more fetch pages, and 60 connections go away
// mid-request, mid-response or mid-stream. Every page is served, the
// streams of the clients that left are let go, every browser still
// waiting gets the next reload, and the server stops cleanly with a
// silent connection open.
func TestTwoHundredClientsAndAbruptDisconnects(t *testing.T) {
	// A browser's preconnect: a connection that sends nothing, open
	// while the server stops (it must stop all the same, without error).
	// Closed after the server's cleanup, which is registered later.
	var pre net.Conn
	t.Cleanup(func() {
		if pre != nil {
			pre.Close()
		}
	})
	_, addr, srv := start(t)
	host := strings.TrimPrefix(addr, "http://")
	pre, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	var waits []func()
	for range 100 {
		waits = append(waits, events(t, addr))
	}

	var wg sync.WaitGroup
	errs := make(chan string, 1000)
	pages := []string{"/", "/aktiviteter/", "/aktiviteter/kafe/", "/om/", "/static/style.css", "/finnes-ikke/"}
	for i := range 100 {
		wg.Go(func() {
			for j := range 3 {
				p := pages[(i+j)%len(pages)]
				code, _ := get(t, addr+p)
				if want := map[bool]int{true: 404, false: 200}[p == "/finnes-ikke/"]; code != want {
					errs <- fmt.Sprintf("%s: %d, want %d", p, code, want)
				}
			}
		})
	}
	for i := range 60 {
		wg.Go(func() {
			c, err := net.Dial("tcp", host)
			if err != nil {
				errs <- err.Error()
				return
			}
			defer c.Close()
			switch i % 3 {
			case 0: // half a request
				fmt.Fprint(c, "GET /aktiviteter/ HTTP/1.1\r\nHost: x\r\n")
			case 1: // a whole request, then gone before the answer is read
				fmt.Fprint(c, "GET /aktiviteter/kafe/ HTTP/1.1\r\nHost: x\r\n\r\n")
			case 2: // a reload stream, left once it has started
				fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: x\r\n\r\n", eventsPath)
				bufio.NewReader(c).ReadString('\n')
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}

	// The streams of the 20 that left are closed by the server.
	deadline := time.Now().Add(10 * time.Second)
	for srv.clients.count() != 100 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := srv.clients.count(); n != 100 {
		t.Errorf("%d reload streams open, want the 100 still waiting", n)
	}
	if err := srv.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, wait := range waits {
		wait()
	}
	if code, _ := get(t, addr+"/"); code != 200 {
		t.Errorf("after it all, / answers %d", code)
	}
}
