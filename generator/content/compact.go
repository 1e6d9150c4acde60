package content

import (
	"bytes"
	"context"
	"fmt"
	"runtime"

	"golang.org/x/sync/errgroup"

	"moteplass/generator/markdown"
)

// Compact renders the body of every activity once, as HTML and as plain
// text, and lets go of its syntax tree. The trees are most of the memory
// of a big site (12 KB for an activity of 300 words, against 3 KB of
// HTML), and the garbage collector scans every node of them again and
// again; a build that renders each page once needs them no longer once
// the site is checked. After Compact, BodyHTML and PlainText return what
// was rendered and Doc is nil. A site kept between builds (serve) must
// not be compacted.
func (s *Site) Compact(ctx context.Context, md *markdown.Markdown) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, a := range s.Activities {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			return a.File.compact(md)
		})
	}
	return g.Wait()
}

// DropPlainText forgets the plain text Compact kept, once the search
// index has it.
func (s *Site) DropPlainText() {
	for _, a := range s.Activities {
		if a.Doc == nil {
			a.text = nil
		}
	}
}

func (f *File) compact(md *markdown.Markdown) error {
	if f.Doc == nil {
		return nil
	}
	var b bytes.Buffer
	b.Grow(len(f.Body) + len(f.Body)/4)
	if err := md.RenderHTML(&b, f.Body, f.Doc); err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	f.html = bytes.Clone(b.Bytes())
	f.text = markdown.PlainText(f.Doc, f.Body)
	f.Doc, f.links = nil, nil
	return nil
}

// BodyHTML returns the body as HTML: rendered now, or by Compact.
func (f *File) BodyHTML(md *markdown.Markdown) ([]byte, error) {
	if f.Doc == nil && f.html != nil {
		return f.html, nil
	}
	var b bytes.Buffer
	if err := md.RenderHTML(&b, f.Body, f.Doc); err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	return b.Bytes(), nil
}

// PlainText returns the body as plain text, for search: taken from the
// syntax tree now, or kept by Compact.
func (f *File) PlainText() []byte {
	if f.Doc == nil {
		return f.text
	}
	return markdown.PlainText(f.Doc, f.Body)
}
