package html

import (
	"bytes"
	"fmt"
	stdhtml "html"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"sync"

	"moteplass/generator/i18n"
)

// templates holds one parsed template set per page layout, each made of
// layouts/base.html, the partials and the layout itself. They are parsed
// once and shared by every page: html/template is safe for concurrent
// execution.
type templates struct {
	byName map[string]*template.Template
}

// staticT matches a UI text with a fixed key, {{.T "key"}} or
// {{$.T "key"}}: loadTemplates writes the text itself into the template,
// so pages do not look it up, call a method and escape it each time.
var staticT = regexp.MustCompile(`\{\{\s*(?:\$\w*)?\.T\s+"([a-z0-9_]+)"\s*\}\}`)

// inline replaces static texts in src with their words in l. A key l
// lacks is an error here, when the theme loads.
func inline(name, src string, l *i18n.Lang) (string, error) {
	var missing error
	out := staticT.ReplaceAllStringFunc(src, func(m string) string {
		key := staticT.FindStringSubmatch(m)[1]
		text, err := l.T(key)
		if err != nil && missing == nil {
			missing = fmt.Errorf("theme: %s: %w", name, err)
		}
		// The escaped text is safe in element content and in quoted
		// attributes, the only places the layouts use it.
		return stdhtml.EscapeString(text)
	})
	return out, missing
}

func loadTemplates(theme fs.FS, l *i18n.Lang) (*templates, error) {
	read := func(name string) (string, error) {
		src, err := fs.ReadFile(theme, name)
		if err != nil {
			return "", fmt.Errorf("theme: %w", err)
		}
		return inline(name, string(src), l)
	}
	root := template.New("base").Funcs(funcs)
	base, err := read("layouts/base.html")
	if err != nil {
		return nil, err
	}
	if _, err := root.Parse(base); err != nil {
		return nil, fmt.Errorf("theme: layouts/base.html: %w", err)
	}
	partials, _ := fs.Glob(theme, "layouts/partials/*.html")
	for _, p := range partials {
		src, err := read(p)
		if err != nil {
			return nil, err
		}
		if _, err := root.New(path.Base(p)).Parse(src); err != nil {
			return nil, fmt.Errorf("theme: %s: %w", p, err)
		}
	}
	t := &templates{byName: map[string]*template.Template{}}
	layouts, _ := fs.Glob(theme, "layouts/*.html")
	for _, p := range layouts {
		name := strings.TrimSuffix(path.Base(p), ".html")
		if name == "base" {
			continue
		}
		src, err := read(p)
		if err != nil {
			return nil, err
		}
		clone, err := root.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := clone.New(name).Parse(src); err != nil {
			return nil, fmt.Errorf("theme: %s: %w", p, err)
		}
		t.byName[name] = clone
	}
	return t, nil
}

func (t *templates) execute(w io.Writer, layout string, p *Page) error {
	tmpl, ok := t.byName[layout]
	if !ok {
		return fmt.Errorf("theme: layouts/%s.html is missing", layout)
	}
	return tmpl.ExecuteTemplate(w, "base", p)
}

// partial renders one named partial, such as "card", on its own.
// The result is exactly as long as the text: cards are kept for the
// whole build, one per activity.
func (t *templates) partial(name string, data any) (template.HTML, error) {
	b := partialBuffers.Get().(*bytes.Buffer)
	defer partialBuffers.Put(b)
	b.Reset()
	for _, tmpl := range t.byName {
		if err := tmpl.ExecuteTemplate(b, name, data); err != nil {
			return "", err
		}
		return template.HTML(b.String()), nil // html/template escaped it
	}
	return "", fmt.Errorf("theme: no layouts")
}

var partialBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// funcs are the helpers layouts may call besides the Page's methods.
var funcs = template.FuncMap{
	"join": strings.Join,
	"add":  func(a, b int) int { return a + b },
	"seq": func(n int) []int {
		s := make([]int, n)
		for i := range s {
			s[i] = i + 1
		}
		return s
	},
}
