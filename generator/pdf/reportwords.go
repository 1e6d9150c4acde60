package pdf

import (
	"sync"

	"moteplass/generator/content"
	"moteplass/generator/i18n"
	"moteplass/themes"
)

// reportText gives a report its words: UI strings, numbers and dates in
// the site's language, as on the report's HTML page.
type reportText struct {
	l *i18n.Lang
	w Words
}

// bokmalLang is the default theme's bokmål, for documents rendered
// without a language and for keys a site's own theme lacks. It is loaded
// once and never changes.
var bokmalLang = sync.OnceValue(func() *i18n.Lang {
	l, err := i18n.Load(themes.Default(), "nb")
	if err != nil {
		return &i18n.Lang{Code: "nb", Months: bokmal.Months, DateShort: "{day}. {month} {year}", Thousands: "\u00a0", Currency: "{n}\u00a0kr"}
	}
	return l
})

func newReportText(opt Options) reportText {
	l := opt.Lang
	if l == nil {
		l = bokmalLang()
	}
	w := opt.Words
	if opt.Words.Contents == "" && opt.Lang != nil {
		w = WordsFrom(opt.Lang)
	}
	return reportText{l: l, w: w.withDefaults()}
}

// ui returns the UI string key with placeholders filled, falling back to
// bokmål, then to the key itself: a PDF never fails on a missing word.
func (t reportText) ui(key string, args ...any) string {
	if s, err := t.l.T(key, args...); err == nil {
		return s
	}
	if s, err := bokmalLang().T(key, args...); err == nil {
		return s
	}
	return key
}

func (t reportText) date(d content.Date) string {
	if d.IsZero() {
		return ""
	}
	return t.l.DateNoWeekday(d.Time())
}
