// Package i18n holds a language's words: the theme's UI strings and the
// grammar of dates, times, numbers and recurrences. Each language is one
// TOML file in the theme, i18n/<code>.toml, so a translator needs no Go.
//
// A missing key is an error, never a blank: Load checks every language
// file against the keys of nb.toml (and of the built-in theme's nb.toml,
// when a site overrides files of it), and T fails on an unknown key.
// Problems in a language file are content errors (a diag.List) that name
// the file in the site folder, its line and what to add.
package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"moteplass/generator/diag"
)

// A Lang formats text in one language. It is read-only after Load and safe
// for concurrent use.
type Lang struct {
	Code       string            `toml:"-"`
	Months     []string          `toml:"months"`   // January first
	Weekdays   []string          `toml:"weekdays"` // Sunday first, as time.Weekday
	Ordinals   []string          `toml:"ordinals"` // first, second, …
	Last       string            `toml:"last"`
	DateFmt    string            `toml:"date"`       // {weekday} {day}. {month} {year}
	DateShort  string            `toml:"date_short"` // {day}. {month} {year}
	DayMonth   string            `toml:"day_month"`  // {weekday} {day}. {month}
	TimeFmt    string            `toml:"time"`       // kl. {time}
	TimeSep    string            `toml:"time_sep"`   // . in 19.00
	Thousands  string            `toml:"thousands"`  // digit group separator
	Currency   string            `toml:"currency"`   // {n} kr
	Recurrence map[string]string `toml:"recurrence"`
	UI         map[string]string `toml:"ui"`

	file *file // where it was read from, for errors
}

// Load reads i18n/<code>.toml from theme and checks that it has every key
// the reference language (nb) has. When theme is a site's own theme over
// the built-in one (themes.Open), the file must also have every key of
// the built-in nb.toml, which the built-in layouts use. A problem in a
// language file comes back as a diag.List (see errors.As).
func Load(theme fs.FS, code string) (*Lang, error) {
	l, err := read(theme, code)
	if err != nil {
		return nil, err
	}
	var refs []*Lang // what l must cover: the theme's nb, the base's nb
	if code != Reference {
		ref, err := read(theme, Reference)
		if err != nil {
			return nil, err
		}
		refs = append(refs, ref)
	}
	if lt, ok := theme.(layered); ok {
		base, err := read(lt.Base(), Reference)
		if err != nil {
			return nil, err
		}
		base.file.builtin = true
		refs = append(refs, base)
	}
	if errs := missing(theme, l, refs); len(errs) > 0 {
		return nil, errs.Err()
	}
	return l, nil
}

// Reference is the language every other translation is checked against.
const Reference = "nb"

func read(theme fs.FS, code string) (*Lang, error) {
	name := "i18n/" + code + ".toml"
	src, err := fs.ReadFile(theme, name)
	if err != nil {
		return nil, fmt.Errorf("%s: no translation for language %q", name, code)
	}
	f := open(theme, name, src)
	l := &Lang{Code: code, file: f}
	fail := func(pos diag.Pos, msg, hint string) (*Lang, error) {
		var errs diag.List
		errs.Add(pos, msg, hint)
		return nil, errs.Err()
	}
	md, err := toml.Decode(string(src), l)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return fail(f.lines().Pos(pe.Position.Start), pe.Message, "")
		}
		return fail(f.pos(1), err.Error(), "")
	}
	if u := md.Undecoded(); len(u) > 0 {
		line := 1
		if k := u[0]; len(k) == 1 {
			line = f.keyLine("", k[0])
		} else if len(k) == 2 {
			line = f.keyLine(k[0], k[1])
		}
		return fail(f.pos(line), fmt.Sprintf("unknown key %q", u[0].String()), "the keys are months, weekdays, ordinals, last, date, date_short, day_month, time, time_sep, thousands, currency, [recurrence] and [ui]")
	}
	switch {
	case len(l.Months) != 12:
		return fail(f.pos(f.keyLine("", "months")), "months needs 12 names", "")
	case len(l.Weekdays) != 7:
		return fail(f.pos(f.keyLine("", "weekdays")), "weekdays needs 7 names, Sunday first", "")
	case len(l.Ordinals) < 5:
		return fail(f.pos(f.keyLine("", "ordinals")), "ordinals needs at least 5 words", "")
	}
	return l, nil
}

// T returns the UI string for key with {name} placeholders filled from
// args, given as name, value pairs.
func (l *Lang) T(key string, args ...any) (string, error) {
	s, ok := l.UI[key]
	if !ok {
		return "", fmt.Errorf("i18n/%s.toml: no text for %q", l.Code, key)
	}
	return fill(s, args...), nil
}

// R returns a recurrence phrase (see [recurrence] in the language file).
func (l *Lang) R(key string, args ...any) string {
	return fill(l.Recurrence[key], args...)
}

func fill(s string, args ...any) string {
	if len(args) == 0 || !strings.Contains(s, "{") {
		return s
	}
	// Called for every date on every page: no strings.Replacer, which
	// builds a lookup table per call.
	var b strings.Builder
	b.Grow(len(s) + 16)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		name, value := s[i+1:i+j], s[i:i+j+1]
		for k := 0; k+1 < len(args); k += 2 {
			if args[k] == name {
				value = toString(args[k+1])
				break
			}
		}
		b.WriteString(value)
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

func toString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	}
	return fmt.Sprint(v)
}

// Date returns "tirsdag 6. januar 2026".
func (l *Lang) Date(t time.Time) string {
	return fill(l.DateFmt, "weekday", l.Weekdays[t.Weekday()], "day", t.Day(), "month", l.Months[t.Month()-1], "year", t.Year())
}

// DateNoWeekday returns "6. januar 2026".
func (l *Lang) DateNoWeekday(t time.Time) string {
	return fill(l.DateShort, "day", t.Day(), "month", l.Months[t.Month()-1], "year", t.Year())
}

// DayMonthName returns "tirsdag 6. januar", for dates in the coming weeks.
func (l *Lang) DayMonthName(t time.Time) string {
	return fill(l.DayMonth, "weekday", l.Weekdays[t.Weekday()], "day", t.Day(), "month", l.Months[t.Month()-1])
}

// Clock returns "19.00".
func (l *Lang) Clock(t time.Time) string {
	return fmt.Sprintf("%02d%s%02d", t.Hour(), l.TimeSep, t.Minute())
}

// At returns "kl. 19.00".
func (l *Lang) At(t time.Time) string { return fill(l.TimeFmt, "time", l.Clock(t)) }

// DateTime returns "tirsdag 6. januar 2026 kl. 19.00".
func (l *Lang) DateTime(t time.Time) string { return l.Date(t) + " " + l.At(t) }

// Number returns n with digit groups: "600 000". The separator is a
// no-break space in Norwegian so a sum never breaks across lines.
func (l *Lang) Number(n int) string {
	s := strconv.Itoa(max(n, -n))
	var b strings.Builder
	if n < 0 {
		b.WriteString("−")
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(l.Thousands)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Decimal returns a figure value: "12", "12,5", "1 200". Whole numbers
// get digit groups as in Number; English keeps its decimal point.
func (l *Lang) Decimal(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return l.Number(int(f))
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if l.Code != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Kroner returns "600 000 kr".
func (l *Lang) Kroner(n int) string { return fill(l.Currency, "n", l.Number(n)) }

// Weekday returns the name of d.
func (l *Lang) Weekday(d time.Weekday) string { return l.Weekdays[d] }

// Ordinal returns "første" for 1, "andre" for 2, …, and "siste" for -1.
func (l *Lang) Ordinal(n int) string {
	switch {
	case n == -1:
		return l.Last
	case n >= 1 && n <= len(l.Ordinals):
		return l.Ordinals[n-1]
	}
	return strconv.Itoa(n) + "."
}
