package main

import (
	"os"
	"runtime/debug"
)

// buildGCPercent and buildMemoryLimit tune the garbage collector for a
// build, a batch job that holds the whole site: with the default
// GOGC=100, a 10,000-activity build spends a seventh of its CPU time
// collecting. Twice the headroom halves that. The soft limit keeps a
// large site within 2 GB: at 100,000 activities the live heap is about
// 650 MB, and the limit, not GOGC, decides when to collect (1.8 GB peak
// instead of 2.6 GB, for about 5 % more CPU time). See
// docs/performance.md, "Full build".
const (
	buildGCPercent   = 200
	buildMemoryLimit = 1750 << 20 // 1.75 GiB
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
