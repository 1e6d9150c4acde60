package publish

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"
)

// A File is one file of the built site, produced on demand: `build`
// writes every file, `serve` writes only those a browser asks for.
type File struct {
	Path  string // slash-separated, relative to the output folder
	Write func(w io.Writer) error
}

// An Output receives finished files. WriteFile must be safe for
// concurrent use; a *Dir is one.
type Output interface {
	WriteFile(name string, data []byte) error
}

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// WriteAll produces every file in parallel, one worker per CPU, and hands
// each to out. It stops at the first error.
func WriteAll(ctx context.Context, out Output, files []File) error {
	g, ctx := errgroup.WithContext(ctx)
	// Twice the CPUs: writing a file waits on the kernel, rendering does not.
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	for _, f := range files {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			buf := buffers.Get().(*bytes.Buffer)
			buf.Reset()
			defer buffers.Put(buf)
			if err := f.Write(buf); err != nil {
				return fmt.Errorf("%s: %w", f.Path, err)
			}
			return out.WriteFile(f.Path, buf.Bytes())
		})
	}
	return g.Wait()
}
