package pdf

import (
	"strconv"
	"strings"
	"time"

	"moteplass/generator/i18n"
)

// Words are the fixed texts of a PDF. Placeholders in braces are filled
// in. The zero value is Norwegian bokmål; WordsFrom takes them from the
// theme's language file where it has them.
type Words struct {
	Contents   string   // "Innhold"
	Chapter    string   // "Kapittel {n}"
	Page       string   // "side {n} av {total}"
	Version    string   // "Versjon {version}"
	Published  string   // "Utgitt {date}"
	Authors    string   // "Forfattere"
	Accessible string   // before the address of the HTML version
	AccessNote string   // says why the HTML version is there
	Preface    string   // title of a handbook's own text, before chapter 1
	Months     []string // "januar", …
}

var bokmal = Words{
	Contents:   "Innhold",
	Chapter:    "Kapittel {n}",
	Page:       "side {n} av {total}",
	Version:    "Versjon {version}",
	Published:  "Utgitt {date}",
	Authors:    "Forfattere",
	Accessible: "Tilgjengelig versjon",
	AccessNote: "PDF-en er laget for utskrift. Nettversjonen fungerer også med skjermleser, forstørring og mobil:",
	Preface:    "Forord",
	Months:     []string{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"},
}

// WordsFrom takes the words from a theme language (keys handbook_contents,
// chapter_n, handbook_version, handbook_published, authors, pdf_page,
// pdf_accessible, pdf_access_note and handbook_preface, and the month names). Keys the
// language lacks keep their bokmål text. l may be nil.
func WordsFrom(l *i18n.Lang) Words {
	w := bokmal
	if l == nil {
		return w
	}
	for key, dst := range map[string]*string{
		"handbook_contents":  &w.Contents,
		"chapter_n":          &w.Chapter,
		"pdf_page":           &w.Page,
		"handbook_version":   &w.Version,
		"handbook_published": &w.Published,
		"authors":            &w.Authors,
		"pdf_accessible":     &w.Accessible,
		"pdf_access_note":    &w.AccessNote,
		"handbook_preface":   &w.Preface,
	} {
		if s, ok := l.UI[key]; ok && s != "" {
			*dst = s
		}
	}
	if len(l.Months) == 12 {
		w.Months = l.Months
	}
	return w
}

func (w Words) withDefaults() Words {
	d := bokmal
	for _, p := range [...]struct{ dst, def *string }{
		{&w.Contents, &d.Contents}, {&w.Chapter, &d.Chapter}, {&w.Page, &d.Page},
		{&w.Version, &d.Version}, {&w.Published, &d.Published}, {&w.Authors, &d.Authors},
		{&w.Accessible, &d.Accessible}, {&w.AccessNote, &d.AccessNote}, {&w.Preface, &d.Preface},
	} {
		if *p.dst == "" {
			*p.dst = *p.def
		}
	}
	if len(w.Months) != 12 {
		w.Months = d.Months
	}
	return w
}

// fill replaces {name} placeholders with values given as name, value
// pairs.
func fill(s string, args ...string) string {
	for i := 0; i+1 < len(args); i += 2 {
		s = strings.ReplaceAll(s, "{"+args[i]+"}", args[i+1])
	}
	return s
}

// Date returns t as "15. april 2024".
func (w Words) Date(t time.Time) string {
	return strconv.Itoa(t.Day()) + ". " + w.Months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}
