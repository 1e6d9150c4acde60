package i18n

import (
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"moteplass/generator/diag"
)

// A layered theme is a site's own theme folder over a base theme, what
// themes.Open returns. Load checks a language file against the base's
// reference too, and names files by their path in the site folder.
type layered interface {
	fs.FS
	// Base returns the theme underneath, whose layouts the site keeps.
	Base() fs.FS
	// Origin returns the path in the site folder of the file name
	// ("themes/default/i18n/nb.toml"), or "" for a file of the base.
	Origin(name string) string
}

// open describes the theme file name for errors: its path in the site
// folder if it is the site's, else its path in the theme and whether
// that is the built-in theme under a site's own.
func open(theme fs.FS, name string, src []byte) *file {
	f := &file{name: name, path: name, src: src}
	if lt, ok := theme.(layered); ok {
		if p := lt.Origin(name); p != "" {
			f.path, f.site = p, true
		} else {
			f.builtin = true
		}
	}
	return f
}

// A file is a language file as read, for error positions.
type file struct {
	name    string // in the theme: i18n/nb.toml
	path    string // to print: in the site folder if it is the site's
	site    bool   // the site's own file
	builtin bool   // a file of the built-in theme under a site's own
	src     []byte
}

func (f *file) lines() *diag.Lines { return diag.NewLines(f.path, f.src) }

func (f *file) pos(line int) diag.Pos { return diag.Pos{Path: f.path, Line: line, Col: 1} }

var header = regexp.MustCompile(`^\s*\[\s*([A-Za-z0-9_-]+)\s*\]`)

// sectionLine returns the line of the [section] header, or 0.
func (f *file) sectionLine(section string) int {
	for i, line := range strings.Split(string(f.src), "\n") {
		if m := header.FindStringSubmatch(line); m != nil && m[1] == section {
			return i + 1
		}
	}
	return 0
}

// keyLine returns the line where key is set in section ("" for the
// keys before the first header), or 1 if it cannot tell.
func (f *file) keyLine(section, key string) int {
	in := section == ""
	for i, line := range strings.Split(string(f.src), "\n") {
		if m := header.FindStringSubmatch(line); m != nil {
			in = m[1] == section
			continue
		}
		k, _, ok := strings.Cut(line, "=")
		if in && ok && strings.Trim(strings.TrimSpace(k), `"'`) == key {
			return i + 1
		}
	}
	return 1
}

// missing reports the keys of refs (the theme's reference language, the
// base theme's) that l lacks, one problem per key, at the section of the
// file that lacks it, with the text to add.
func missing(theme fs.FS, l *Lang, refs []*Lang) diag.List {
	var errs diag.List
	seen := map[string]bool{}
	var own *Lang // the base theme's file of l's language, for its text
	if lt, ok := theme.(layered); ok && l.file.site {
		own, _ = read(lt.Base(), l.Code)
	}
	sections := []struct {
		name string
		get  func(*Lang) map[string]string
	}{
		{"ui", func(x *Lang) map[string]string { return x.UI }},
		{"recurrence", func(x *Lang) map[string]string { return x.Recurrence }},
	}
	for _, ref := range refs {
		for _, sec := range sections {
			have := sec.get(l)
			for _, k := range slices.Sorted(maps.Keys(sec.get(ref))) {
				if _, ok := have[k]; ok || seen[sec.name+"."+k] {
					continue
				}
				seen[sec.name+"."+k] = true
				m := miss{l: l, ref: ref, own: own, sec: sec.name, key: k, get: sec.get}
				errs.Add(m.pos(), m.message(), m.hint())
			}
		}
	}
	return errs
}

// A miss is one key a language file lacks.
type miss struct {
	l, ref, own *Lang // own: the base theme's file of l's language, or nil
	sec, key    string
	get         func(*Lang) map[string]string
}

// added reports whether the key is one the site's reference added and a
// built-in file lacks: the site, not the built-in file, must act.
func (m miss) added() bool { return m.l.file.builtin && m.ref.file.site }

// pos is the section of the file that lacks the key (its first line if
// it has no such section), or, when the site's reference added the key,
// the key in that file.
func (m miss) pos() diag.Pos {
	if m.added() {
		return m.ref.file.pos(m.ref.file.keyLine(m.sec, m.key))
	}
	return m.l.file.pos(max(1, m.l.file.sectionLine(m.sec)))
}

func (m miss) message() string {
	if m.added() {
		return fmt.Sprintf("%s.%s has no translation in the built-in theme's %s", m.sec, m.key, m.l.file.name)
	}
	return fmt.Sprintf("missing translation for %s.%s, which %s has", m.sec, m.key, m.ref.file.label())
}

// hint says what to add: the base theme's text in the same language if
// it has one, else the reference text to translate.
func (m miss) hint() string {
	key := m.key
	if !bare.MatchString(key) {
		key = strconv.Quote(key)
	}
	if m.added() {
		dir := strings.TrimSuffix(m.ref.file.path, m.ref.file.name)
		return fmt.Sprintf("add %s%s with a translation under [%s], or remove the key", dir, m.l.file.name, m.sec)
	}
	if m.own != nil {
		if v, ok := m.get(m.own)[m.key]; ok {
			return fmt.Sprintf("add under [%s]: %s = %s", m.sec, key, strconv.Quote(v))
		}
	}
	v := m.get(m.ref)[m.key]
	if m.l.Code == m.ref.Code {
		return fmt.Sprintf("add under [%s]: %s = %s", m.sec, key, strconv.Quote(v))
	}
	return fmt.Sprintf("add under [%s]: %s = \"…\", translating %s", m.sec, key, strconv.Quote(v))
}

// label names the file for an editor.
func (f *file) label() string {
	if f.builtin {
		return "the built-in theme's " + f.name
	}
	return f.path
}

var bare = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
