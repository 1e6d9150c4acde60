//go:build unix

package build

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used so far, user and
// system, in all threads (the garbage collector's too). On a machine
// others share, it moves far less than wall time does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
