package serve

import (
	"net"
	"testing"
)

// TestLoopbackByDefault: the preview shows drafts and unchecked content,
// so unless told otherwise it listens where only this computer can reach
// it. (The command's --addr default is the same; see cmd/moteplass.)
func TestLoopbackByDefault(t *testing.T) {
	s := New(Options{})
	host, _, err := net.SplitHostPort(s.opt.Addr)
	if err != nil {
		t.Fatal(err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		t.Errorf("the default address %s is not loopback", s.opt.Addr)
	}
}
