// Package parallel runs one function over many items on a fixed number
// of goroutines.
//
// A build handles a few hundred thousand files. A goroutine per file
// (errgroup.Go) starts each one on a fresh stack, which deep work such
// as a template grows and copies again every time: at 1,000 activity
// pages, stack growth was a twentieth of the CPU time. Here each worker
// grows its stack once.
package parallel

import (
	"context"
	"sync"
	"sync/atomic"
)

// Each calls f(ctx, i) for every i in [0, n), at most workers at a time,
// in about ascending order. It stops starting new calls at the first
// error, cancels the context it passes to f, and returns that error; if
// ctx ends first, it returns ctx's error.
func Each(ctx context.Context, n, workers int, f func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		next  atomic.Int64
		once  sync.Once
		first error
		wg    sync.WaitGroup
	)
	fail := func(err error) {
		once.Do(func() {
			first = err
			cancel()
		})
	}
	for range max(min(workers, n), 0) {
		wg.Go(func() {
			for {
				i := next.Add(1) - 1
				if i >= int64(n) {
					return
				}
				if err := ctx.Err(); err != nil {
					fail(err)
					return
				}
				if err := f(ctx, int(i)); err != nil {
					fail(err)
					return
				}
			}
		})
	}
	wg.Wait()
	return first
}
