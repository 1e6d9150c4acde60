package html

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"strings"
)

// templates holds one parsed template set per page layout, each made of
// layouts/base.html, the partials and the layout itself. They are parsed
// once and shared by every page: html/template is safe for concurrent
// execution.
type templates struct {
	byName map[string]*template.Template
}

func loadTemplates(theme fs.FS) (*templates, error) {
	root := template.New("base").Funcs(funcs)
	base, err := fs.ReadFile(theme, "layouts/base.html")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	if _, err := root.Parse(string(base)); err != nil {
		return nil, fmt.Errorf("theme: layouts/base.html: %w", err)
	}
	partials, _ := fs.Glob(theme, "layouts/partials/*.html")
	for _, p := range partials {
		src, err := fs.ReadFile(theme, p)
		if err != nil {
			return nil, err
		}
		if _, err := root.New(path.Base(p)).Parse(string(src)); err != nil {
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
		src, err := fs.ReadFile(theme, p)
		if err != nil {
			return nil, err
		}
		clone, err := root.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := clone.New(name).Parse(string(src)); err != nil {
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
func (t *templates) partial(name string, data any) (template.HTML, error) {
	var b strings.Builder
	for _, tmpl := range t.byName {
		if err := tmpl.ExecuteTemplate(&b, name, data); err != nil {
			return "", err
		}
		return template.HTML(b.String()), nil // html/template escaped it
	}
	return "", fmt.Errorf("theme: no layouts")
}

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
