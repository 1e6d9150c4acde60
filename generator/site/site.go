// Package site reads site.toml: the site's name, address and language, and
// the vocabularies editors choose from (categories, audiences). Counties,
// modes and statuses are fixed lists kept here too, so every later stage
// checks and names them the same way.
package site

import (
	"errors"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"

	"moteplass/generator/decode"
	"moteplass/generator/diag"
	"moteplass/generator/slug"
	"moteplass/generator/suggest"
)

// File is the name of the configuration file in a site's folder.
const File = "site.toml"

// Config is a site's configuration. Load fills it; the zero value is not
// useful. A Config is read-only after Load and safe for concurrent use.
type Config struct {
	Title       string   `toml:"title" req:"true" doc:"Nettstedets navn"`
	Description string   `toml:"description" doc:"Én setning om nettstedet, brukt på forsiden og i søkemotorer"`
	BaseURL     string   `toml:"base_url" req:"true" doc:"Adressen nettstedet publiseres på, f.eks. https://moteplass.example.org/"`
	Language    string   `toml:"language" doc:"Språk for tekstene i malen: nb, nn eller en"`
	Theme       string   `toml:"theme" doc:"Mal under themes/; default er innebygd"`
	Owner       string   `toml:"owner" doc:"Hvem som driver nettstedet (vises nederst på hver side)"`
	Email       string   `toml:"email" doc:"Kontaktadresse for nettstedet"`
	PageSize    int      `toml:"page_size" doc:"Hvor mange aktiviteter en listeside viser før neste side"`
	Markdown    Markdown `toml:"markdown" doc:"Innstillinger for Markdown"`
	Categories  []Term   `toml:"categories" req:"true" doc:"Kategorier aktiviteter kan ha"`
	Audiences   []Term   `toml:"audiences" req:"true" doc:"Målgrupper aktiviteter kan være for"`
	Help        []Help   `toml:"help" doc:"Hjelpetelefoner som vises på hver side for den som trenger hjelp nå"`
	PDF         PDF      `toml:"pdf" doc:"Skrifter i PDF-håndbøker og -rapporter"`

	base *url.URL
	doc  *decode.Doc
}

// Markdown holds the Markdown options of a site.
type Markdown struct {
	// Unsafe lets raw HTML in Markdown through to the pages. Dangerous:
	// any editor can then put scripts on the site.
	Unsafe bool `toml:"unsafe" doc:"Slipp gjennom rå HTML i Markdown. Farlig: da kan alle redaktører legge skript på sidene"`
}

// PDF names the fonts of the PDF handbooks and reports: TrueType files
// relative to the site folder. Empty fields use the theme's Noto fonts.
type PDF struct {
	Regular    string `toml:"regular" doc:"Skrift for brødtekst (.ttf)"`
	Bold       string `toml:"bold" doc:"Fet skrift (.ttf)"`
	Italic     string `toml:"italic" doc:"Kursiv skrift (.ttf)"`
	BoldItalic string `toml:"bold_italic" doc:"Fet kursiv skrift (.ttf)"`
	Mono       string `toml:"mono" doc:"Skrift med fast bredde for kode (.ttf)"`
}

// A Term is one entry of a vocabulary: a key editors write in front
// matter and the title visitors see.
type Term struct {
	Key         string `toml:"key" req:"true" doc:"Kort nøkkel med små bokstaver, f.eks. samtalegruppe"`
	Title       string `toml:"title" req:"true" doc:"Navnet besøkende ser"`
	Description string `toml:"description" doc:"Én setning om hva som hører hjemme her"`
}

// Help is a helpline shown to visitors who need help now.
type Help struct {
	Title string `toml:"title" req:"true" doc:"Navnet på tjenesten"`
	Phone string `toml:"phone" doc:"Telefonnummer"`
	URL   string `toml:"url" doc:"Nettside eller chat (https://…)"`
	Note  string `toml:"note" doc:"Når og for hvem, f.eks. Døgnåpen, gratis og anonym"`
}

// Load reads and checks site.toml in fsys.
func Load(fsys fs.FS) (*Config, error) {
	src, err := fs.ReadFile(fsys, File)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			var l diag.List
			l.Add(diag.Pos{Path: File}, "site.toml is missing", "is --site the folder with site.toml and content/?")
			return nil, l.Err()
		}
		return nil, err
	}
	return Parse(src)
}

// Parse reads site.toml from src.
func Parse(src []byte) (*Config, error) {
	c := &Config{}
	lines := diag.NewLines(File, src)
	doc, errs := decode.Decode(lines, 0, src, c)
	c.doc = doc
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	errs.Merge(c.check())
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Config) check() diag.List {
	var errs diag.List
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		errs.Add(c.doc.Value("base_url"), "base_url must be a full address", `e.g. base_url = "https://moteplass.example.org/"`)
	} else {
		if !strings.HasSuffix(u.Path, "/") {
			u.Path += "/"
		}
		c.base = u
	}
	if c.Language == "" {
		c.Language = "nb"
	}
	if !slices.Contains(Languages, c.Language) {
		errs.Add(c.doc.Value("language"), "unknown language "+quote(c.Language), suggest.Hint(c.Language, Languages))
	}
	if c.Theme == "" {
		c.Theme = "default"
	}
	if c.PageSize == 0 {
		c.PageSize = 50
	}
	if c.PageSize < 1 || c.PageSize > 500 {
		errs.Add(c.doc.Value("page_size"), "page_size must be between 1 and 500", "")
	}
	checkTerms(&errs, c.doc, "categories", c.Categories)
	checkTerms(&errs, c.doc, "audiences", c.Audiences)
	return errs
}

func checkTerms(errs *diag.List, doc *decode.Doc, name string, terms []Term) {
	seen := map[string]bool{}
	for i, t := range terms {
		path := name + "[" + itoa(i) + "].key"
		switch {
		case !slug.Valid(t.Key):
			errs.Add(doc.Value(path), "key "+quote(t.Key)+" must be lower case letters a–z, digits and hyphens", "e.g. "+quote(slug.Make(t.Title)))
		case seen[t.Key]:
			errs.Add(doc.Value(path), "key "+quote(t.Key)+" is used twice in "+name, "")
		}
		seen[t.Key] = true
	}
}

// Languages are the languages the default theme is translated into.
var Languages = []string{"nb", "nn", "en"}

// URL returns the absolute URL of a site path such as "/aktiviteter/".
func (c *Config) URL(p string) string {
	u := *c.base
	u.Path = c.Path(p)
	return u.String()
}

// Path returns the path of a site path under base_url: with base_url
// "https://example.org/moteplass/", Path("/sok/") is "/moteplass/sok/".
// A trailing slash is kept.
func (c *Config) Path(p string) string {
	joined := path.Join(c.base.Path, p)
	if strings.HasSuffix(p, "/") && !strings.HasSuffix(joined, "/") {
		joined += "/"
	}
	return joined
}

// BasePath is the path part of base_url ("/" for a site at the root of
// its domain); links inside the site start with it.
func (c *Config) BasePath() string { return c.base.Path }

// Category returns the category with key k.
func (c *Config) Category(k string) (Term, bool) { return find(c.Categories, k) }

// Audience returns the audience with key k.
func (c *Config) Audience(k string) (Term, bool) { return find(c.Audiences, k) }

func find(terms []Term, k string) (Term, bool) {
	for _, t := range terms {
		if t.Key == k {
			return t, true
		}
	}
	return Term{}, false
}

// Keys returns the keys of terms, for hints.
func Keys(terms []Term) []string {
	keys := make([]string, len(terms))
	for i, t := range terms {
		keys[i] = t.Key
	}
	return keys
}
