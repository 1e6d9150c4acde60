package main

import (
	"os"
	"runtime/debug"
)

// buildGCPercent and buildMemoryLimit tune the garbage collector for a
// build, a batch job that holds the whole site: with the default
// GOGC=100, a 10,000-activity build spends a seventh of its CPU time
// collecting. Twice the headroom halves that, and the soft limit keeps a
// large site (100,000 activities) from growing its heap further than
// the default collector would: there the limit decides when to collect.
// See docs/performance.md, "Full build".
const (
	buildGCPercent   = 200
	buildMemoryLimit = 5 << 29 // 2.5 GiB
)

// tuneGC sets the collector for a build, unless GOGC or GOMEMLIMIT in
// the environment say otherwise.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(buildGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(buildMemoryLimit)
	}
}
