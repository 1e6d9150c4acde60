// Package decode fills typed structs from TOML and reports every problem
// with the line and column of the key or value at fault.
//
// BurntSushi/toml parses the text; decode then walks the result against the
// struct's `toml` tags itself, so that one run finds every unknown key
// (with the nearest known key as a hint), every value of the wrong type and
// every missing required key, instead of stopping at the first.
//
// Struct tags understood:
//
//	toml:"name"   the key (required on every decoded field; "-" skips it)
//	req:"true"    the key must be present, and text must not be empty
//	vocab:"name"  the value comes from a list (read by package scaffold)
//
// A field whose pointer implements Unmarshaler decodes itself (dates).
package decode

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"moteplass/generator/diag"
	"moteplass/generator/suggest"
)

// An Unmarshaler decodes a TOML value it is given as BurntSushi/toml
// produced it: string, int64, float64, bool, time.Time, []any or
// map[string]any. Errors may be a *Problem to carry a hint.
type Unmarshaler interface {
	UnmarshalTOMLValue(v any) error
}

// A Problem is an error with a hint saying what to write instead.
type Problem struct {
	Msg, Hint string
}

func (p *Problem) Error() string { return p.Msg }

// A Doc remembers where each key of a decoded TOML text is, so later checks
// (an unknown category, a missing organisation) can point at the value.
// Paths are dotted keys with array indexes: "schedule.start",
// "chapters[1].county", "audiences[0]". A Doc is safe for concurrent reads.
//
// The positions are found when first asked for: a valid file is never
// asked, and most files are valid.
type Doc struct {
	lines *diag.Lines
	base  int    // offset of the TOML text in the file
	src   []byte // the TOML text
	once  sync.Once
	spans map[string]span
}

// Has reports whether the key at path was written. A nil Doc (of a file
// whose positions were let go after its checks) has no keys.
func (d *Doc) Has(path string) bool {
	_, ok := d.located()[path]
	return ok
}

func (d *Doc) located() map[string]span {
	if d == nil {
		return nil
	}
	d.once.Do(func() {
		if d.spans == nil {
			d.spans = locate(d.src)
		}
	})
	return d.spans
}

// Key returns the position of the key at path, or of its nearest written
// parent, or of the start of the TOML text.
func (d *Doc) Key(path string) diag.Pos {
	if d == nil {
		return diag.Pos{}
	}
	return d.lines.Pos(d.base + d.find(path).key)
}

// Value returns the position of the value at path (or as Key falls back).
func (d *Doc) Value(path string) diag.Pos {
	if d == nil {
		return diag.Pos{}
	}
	return d.lines.Pos(d.base + d.find(path).value)
}

func (d *Doc) find(path string) span {
	spans := d.located()
	for path != "" {
		if s, ok := spans[path]; ok {
			return s
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return span{}
}

// Decode parses src, the TOML text starting at byte offset base of the
// file indexed by lines, into v, a pointer to a struct. It returns the
// positions of src's keys and every problem found; with problems, v may be
// partly filled.
func Decode(lines *diag.Lines, base int, src []byte, v any) (*Doc, diag.List) {
	doc := &Doc{lines: lines, base: base}
	if off, deep := tooDeep(src); deep {
		var l diag.List
		l.Add(lines.Pos(base+off), fmt.Sprintf("lists and tables nested more than %d levels deep", MaxDepth), "front matter needs at most a list of tables with lists in them, e.g. [[figures]] with values = [1, 2]")
		return doc, l
	}
	var data map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&data); err != nil {
		return doc, syntaxError(lines, base, src, err)
	}
	doc.src = src
	d := &decoder{doc: doc}
	d.fill("", data, reflect.ValueOf(v).Elem())
	return doc, d.errs
}

func syntaxError(lines *diag.Lines, base int, src []byte, err error) diag.List {
	var l diag.List
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		l.Add(lines.Pos(base), "invalid TOML: "+err.Error(), "")
		return l
	}
	inner := diag.NewLines("", src)
	off := inner.Offset(pe.Position.Line, max(1, pe.Position.Col))
	msg := pe.Message
	hint := ""
	if strings.HasPrefix(msg, "expected value but found") {
		hint = `text values need quotes, e.g. title = "Kor for alle"`
	}
	l.Add(lines.Pos(base+off), "invalid TOML: "+msg, hint)
	return l
}

type decoder struct {
	doc  *Doc
	errs diag.List
}

var unmarshalerType = reflect.TypeFor[Unmarshaler]()

func (d *decoder) errorf(path, hint, format string, args ...any) {
	d.errs.Add(d.doc.Value(path), fmt.Sprintf(format, args...), hint)
}

func (d *decoder) fill(path string, data any, rv reflect.Value) {
	if rv.CanAddr() && rv.Addr().Type().Implements(unmarshalerType) {
		if err := rv.Addr().Interface().(Unmarshaler).UnmarshalTOMLValue(data); err != nil {
			var p *Problem
			if errors.As(err, &p) {
				d.errs.Add(d.doc.Value(path), fmt.Sprintf("%s: %s", keyName(path), p.Msg), p.Hint)
			} else {
				d.errorf(path, "", "%s: %v", keyName(path), err)
			}
		}
		return
	}
	switch rv.Kind() {
	case reflect.Struct:
		m, ok := data.(map[string]any)
		if !ok {
			d.errorf(path, "", "%s must be a table, not %s", keyName(path), describe(data))
			return
		}
		d.fillStruct(path, m, rv)
	case reflect.String:
		s, ok := data.(string)
		if !ok {
			example := fmt.Sprint(data)
			switch data.(type) {
			case []any, []map[string]any, map[string]any:
				example = "…" // a list or table would print as a wall of brackets
			}
			d.errorf(path, fmt.Sprintf(`write it in quotes: %s = "%s"`, keyName(path), example), "%s must be text, not %s", keyName(path), describe(data))
			return
		}
		rv.SetString(s)
	case reflect.Bool:
		b, ok := data.(bool)
		if !ok {
			d.errorf(path, fmt.Sprintf("write %s = true or %s = false, without quotes", keyName(path), keyName(path)), "%s must be true or false, not %s", keyName(path), describe(data))
			return
		}
		rv.SetBool(b)
	case reflect.Int, reflect.Int64, reflect.Int32:
		n, ok := data.(int64)
		if !ok {
			if f, isFloat := data.(float64); isFloat && f == math.Trunc(f) {
				n, ok = int64(f), true
			}
		}
		if !ok {
			d.errorf(path, fmt.Sprintf("write the number without quotes or spaces, e.g. %s = 600000", keyName(path)), "%s must be a whole number, not %s", keyName(path), describe(data))
			return
		}
		rv.SetInt(n)
	case reflect.Float64:
		switch n := data.(type) {
		case int64:
			rv.SetFloat(float64(n))
		case float64:
			rv.SetFloat(n)
		default:
			d.errorf(path, "write the number without quotes, with a point for decimals: 12.5", "%s must be a number, not %s", keyName(path), describe(data))
		}
	case reflect.Slice:
		d.fillSlice(path, data, rv)
	case reflect.Map:
		m, ok := data.(map[string]any)
		if !ok || rv.Type().Key().Kind() != reflect.String {
			d.errorf(path, "", "%s must be a table, not %s", keyName(path), describe(data))
			return
		}
		out := reflect.MakeMapWithSize(rv.Type(), len(m))
		for _, k := range slices.Sorted(maps.Keys(m)) {
			ev := reflect.New(rv.Type().Elem()).Elem()
			d.fill(join(path, k), m[k], ev)
			out.SetMapIndex(reflect.ValueOf(k).Convert(rv.Type().Key()), ev)
		}
		rv.Set(out)
	default:
		panic("decode: unsupported field type " + rv.Type().String()) // a programming error, never content
	}
}

func (d *decoder) fillStruct(path string, m map[string]any, rv reflect.Value) {
	fields := Fields(rv.Type())
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Key
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		i := slices.Index(names, k)
		if i < 0 {
			d.errs.Add(d.doc.Key(join(path, k)), fmt.Sprintf("unknown key %q", k), unknownHint(k, names))
			continue
		}
		fv := rv.FieldByIndex(fields[i].Index)
		d.fill(join(path, k), m[k], fv)
		// Empty text in a required key: for text and for dates, which
		// take "" as not given.
		if fields[i].Required && fv.IsZero() {
			if s, ok := m[k].(string); ok && strings.TrimSpace(s) == "" {
				d.errorf(join(path, k), "write a value between the quotes", "%s is empty", join(path, k))
			}
		}
	}
	for _, f := range fields {
		if _, ok := m[f.Key]; !ok && f.Required {
			where := "at the top"
			if path != "" {
				where = "under [" + path + "]"
			}
			d.errs.Add(d.doc.Value(path), fmt.Sprintf("missing required key %q", join(path, f.Key)), "add "+f.Key+" = … "+where)
		}
	}
}

func unknownHint(k string, names []string) string {
	if n := suggest.Nearest(k, names); n != "" {
		return `did you mean "` + n + `"?`
	}
	return "known keys here: " + strings.Join(names, ", ")
}

func (d *decoder) fillSlice(path string, data any, rv reflect.Value) {
	var items []any
	switch v := data.(type) {
	case []any:
		items = v
	case []map[string]any:
		for _, m := range v {
			items = append(items, m)
		}
	default:
		if rv.Type().Elem().Kind() == reflect.Struct {
			d.errorf(path, fmt.Sprintf("write each entry under [[%s]]", path), "%s must be a list of tables, not %s", keyName(path), describe(data))
			return
		}
		// A single value where a list is expected: audiences = "unge".
		// Reading it as a one-element list is what the editor meant.
		items = []any{data}
		out := reflect.MakeSlice(rv.Type(), 1, 1)
		d.fill(path, data, out.Index(0))
		rv.Set(out)
		return
	}
	out := reflect.MakeSlice(rv.Type(), len(items), len(items))
	for i, item := range items {
		d.fill(fmt.Sprintf("%s[%d]", path, i), item, out.Index(i))
	}
	rv.Set(out)
}

// A Field is one decoded struct field.
type Field struct {
	Key      string
	Index    []int
	Required bool
	Doc      string // the `doc` tag: what the field means, for editors
	Vocab    string // the `vocab` tag: the list its values come from
	Type     reflect.Type
}

// Fields lists the decoded fields of struct type t in declaration order,
// including those of embedded structs. The result is shared: do not
// modify it.
func Fields(t reflect.Type) []Field {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]Field)
	}
	f, _ := fieldCache.LoadOrStore(t, fields(t))
	return f.([]Field)
}

// fieldCache holds the fields of each type decoded so far: reflection
// over struct tags is slow next to decoding one small file.
var fieldCache sync.Map

func fields(t reflect.Type) []Field {
	var out []Field
	for _, f := range reflect.VisibleFields(t) {
		key, ok := f.Tag.Lookup("toml")
		if !ok || key == "-" || f.Anonymous {
			continue
		}
		out = append(out, Field{
			Key:      key,
			Index:    f.Index,
			Required: f.Tag.Get("req") == "true",
			Doc:      f.Tag.Get("doc"),
			Vocab:    f.Tag.Get("vocab"),
			Type:     f.Type,
		})
	}
	return out
}

func keyName(path string) string {
	if path == "" {
		return "the front matter"
	}
	return path
}

func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("the text %q", v)
	case int64, float64:
		return fmt.Sprintf("the number %v", v)
	case bool:
		return fmt.Sprintf("%v", v)
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a date (%v)", v)
}
