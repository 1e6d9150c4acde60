package publish

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"

	"moteplass/generator/parallel"
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

// A Creator is an Output that also takes files as streams; Create must
// be safe for concurrent use. A *Dir is one.
type Creator interface {
	Output
	Create(name string) (io.WriteCloser, error)
}

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// WriteAll produces every file in parallel, one worker per CPU, and hands
// each to out: as a stream if out is a Creator, else whole. It stops at
// the first error.
func WriteAll(ctx context.Context, out Output, files []File) error {
	return writeAll(ctx, out, files, false)
}

// WriteAllOnce is WriteAll for files nothing reads afterwards (a build):
// each is cleared from files once written, so that what its Write holds,
// such as the data of the search index, can be collected while the rest
// are written.
func WriteAllOnce(ctx context.Context, out Output, files []File) error {
	return writeAll(ctx, out, files, true)
}

func writeAll(ctx context.Context, out Output, files []File, clear bool) error {
	// Twice the CPUs: writing a file waits on the kernel, rendering does not.
	workers := 2 * runtime.GOMAXPROCS(0)
	c, stream := out.(Creator)
	// A buffer per worker, kept for the whole call (a sync.Pool would
	// let the collector take them, and a build make them again). A page
	// fits in one, so it takes one write; larger files (calendars,
	// sitemaps) go out a buffer at a time.
	writers := make(chan *bufio.Writer, workers)
	for range workers {
		writers <- bufio.NewWriterSize(nil, 64<<10)
	}
	return parallel.Each(ctx, len(files), workers, func(_ context.Context, i int) error {
		f := files[i]
		if clear {
			defer func() { files[i] = File{} }()
		}
		if stream {
			bw := <-writers
			defer func() { writers <- bw }()
			return writeStream(c, f, bw)
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

// writeStream writes f through bw into a file c creates.
func writeStream(c Creator, f File, bw *bufio.Writer) error {
	w, err := c.Create(f.Path)
	if err != nil {
		return err
	}
	bw.Reset(w)
	err = f.Write(bw)
	if err == nil {
		err = bw.Flush()
	}
	bw.Reset(nil)
	if err != nil {
		// A Dir's file is removed, not counted.
		if a, ok := w.(interface{ Abort() }); ok {
			a.Abort()
		} else {
			w.Close()
		}
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	return w.Close()
}
