package html

import (
	"html/template"
	"time"

	"moteplass/generator/content"
	"moteplass/generator/i18n"
	"moteplass/generator/site"
)

// A Page is what a layout renders: the parts every page has, and Data, the
// part only its layout knows. Layouts reach words and formats through
// methods such as {{.T "key"}} and {{.Date .Next}}, so one layout serves
// every language.
//
// What every page shows is in fields, filled in just before the page is
// rendered (finish), not behind methods: text/template looks a method
// up by name through reflect on every use, which costs many times what
// reading a field does, and these are read on every page.
type Page struct {
	r           *Renderer
	Lang        *i18n.Lang
	Site        *site.Config // the site's configuration
	Path        string       // site path, e.g. "/aktiviteter/kor/"
	Home        bool         // the page is the home page, at "/"
	Title       string
	Description string
	Section     string // the main menu entry this page belongs to
	Crumbs      []Link // from the home page down to the parent
	Body        template.HTML
	Data        any

	Canonical string        // the page's absolute address
	Links     template.HTML // the "links" partial (feed, style sheet), the same on every page of a language
	CrumbNav  template.HTML // the "crumbs" partial: Crumbs as a trail, "" if none
	Header    template.HTML // the site header with the main menu, the same on every page of a section
	Footer    template.HTML // the helplines and the footer, the same on every page of a language
	JSONLD    template.HTML // the schema.org description of the page's subject as a whole <script> element, or ""
	Locale    string        // the page's language as an OpenGraph locale
	Image     string        // absolute URL of an image that represents the page when shared (the organisation's logo), or ""
	// Calendar is the site path of the calendar file for the page: the
	// activity's own, or one to subscribe to for an organisation, a
	// county, a category or the whole list; "" if the page has none.
	Calendar string
	PDF      string // address of the PDF version of the handbook or report the page shows, or "" (or when the build writes no PDFs)

	// Parts that many pages share, rendered by their partials once
	// (see fragment): on an activity's page its "kicker", "audiences"
	// and "organiser", and on activity and organisation pages the
	// "reviewed" note; "" elsewhere.
	Kicker, AudienceList, Organiser, ReviewedNote template.HTML

	// Facts are, on an activity's page, the texts its layout would
	// otherwise ask Page methods and helpers for; zero elsewhere.
	Facts ActivityFacts
}

// ActivityFacts are the texts of an activity's page that depend on the
// page's language or need a helper, found once in Go: text/template
// calls a method or a function through reflect, at many times the cost
// of reading a field, and a large site has a hundred thousand of these
// pages. The methods (When, Recurrence, Day, T …) are still there for
// themes.
type ActivityFacts struct {
	Next         string // the next meeting: "tirsdag 6. januar 2026 kl. 19.00–20.30"; "" if none
	StartISO     string // the first meeting, for <time datetime>, when it is past and not repeated
	Start        string // the first meeting in words, likewise
	Recurrence   string // "Første tirsdag i måneden kl. 19.00–20.30"; "" if it meets once
	CalendarHref string // the address of its calendar file, under base_url, if it meets again or repeats
	Languages    string // the languages it is held in, named: "norsk (bokmål), engelsk"
	Deadline     string // "Påmeldingsfrist 1. mars 2026"; "" if none
	Capacity     string // "Plass til 12"; "" if not given
	SignupEmail  string // the signup address without mailto:
	SignupTel    string // the signup phone number as a tel: address takes it
	ContactEmail string // the contact address without mailto:
	ContactTel   string // the contact phone number for tel:
}

func (r *Renderer) page(path, title, description string, data any) *Page {
	return &Page{r: r, Lang: r.lang, Site: r.cfg, Path: path, Home: path == "/", Title: title, Description: description, Data: data}
}

// finish fills in the fields every page shows, once its path, language,
// section and data are set.
func (p *Page) finish() error {
	var err error
	p.Canonical = p.r.cfg.URL(p.Path)
	p.Locale = locale(p.Lang.Code)
	p.Image = p.image()
	p.Calendar = p.calendar()
	p.PDF = p.pdf()
	if p.JSONLD, err = p.jsonLD(); err != nil {
		return err
	}
	if p.Links, err = p.r.chrome(p, "links", p.Lang.Code); err != nil {
		return err
	}
	if p.CrumbNav, err = p.crumbNav(); err != nil {
		return err
	}
	if p.Header, err = p.r.chrome(p, "header", p.Lang.Code+"/"+p.Section); err != nil {
		return err
	}
	p.Footer, err = p.r.chrome(p, "footer", p.Lang.Code)
	return err
}

// withLang switches the page to the language a content file declares.
func (p *Page) withLang(code string) *Page {
	if l := p.r.langs[code]; l != nil {
		p.Lang = l
	}
	return p
}

// T returns the UI text for key in the page's language.
func (p *Page) T(key string, args ...any) (string, error) { return p.Lang.T(key, args...) }

// URL returns the address of a site path under base_url, for links.
func (p *Page) URL(path string) string { return p.r.cfg.Path(path) }

// Abs returns the absolute URL of a site path.
func (p *Page) Abs(path string) string { return p.r.cfg.URL(path) }

// Now returns the moment the site is built for.
func (p *Page) Now() time.Time { return p.r.now }

// Date returns "tirsdag 6. januar 2026".
func (p *Page) Date(t time.Time) string { return p.Lang.Date(t.In(content.Oslo)) }

// Day returns "6. januar 2026" for a calendar date.
func (p *Page) Day(d content.Date) string { return p.Lang.DateNoWeekday(d.Time()) }

// DateTime returns "tirsdag 6. januar 2026 kl. 19.00".
func (p *Page) DateTime(t time.Time) string { return p.Lang.DateTime(t.In(content.Oslo)) }

// ISO returns t for a <time datetime> attribute.
func (p *Page) ISO(t time.Time) string { return isoTime(t) }

func isoTime(t time.Time) string { return t.In(content.Oslo).Format("2006-01-02T15:04-07:00") }

// ISODay returns d for a <time datetime> attribute.
func (p *Page) ISODay(d content.Date) string { return d.String() }

// Kroner returns "600 000 kr".
func (p *Page) Kroner(n int) string { return p.Lang.Kroner(n) }

// Number returns "800" or "1 200".
func (p *Page) Number(n int) string { return p.Lang.Number(n) }

// When says when a meeting is: "tirsdag 6. januar 2026 kl. 19.00–20.30",
// or the date alone for an all-day activity.
func (p *Page) When(a *Activity, start time.Time) string {
	start = start.In(content.Oslo)
	if a.Schedule.Start.DateOnly {
		return p.Lang.Date(start)
	}
	s := p.Lang.DateTime(start)
	if !a.Schedule.End.IsZero() {
		end := start.Add(a.Schedule.End.Sub(a.Schedule.Start.Time))
		if end.YearDay() == start.YearDay() && end.Year() == start.Year() {
			s += "–" + p.Lang.Clock(end)
		} else {
			s += " – " + p.Lang.DateTime(end)
		}
	}
	return s
}

// Soon says when a meeting in the coming weeks is, without the year:
// "tirsdag 6. januar kl. 19.00".
func (p *Page) Soon(a *Activity, start time.Time) string {
	start = start.In(content.Oslo)
	if a.Schedule.Start.DateOnly {
		return p.Lang.DayMonthName(start)
	}
	return p.Lang.DayMonthName(start) + " " + p.Lang.At(start)
}

// Recurrence says how an activity repeats, with its time of day:
// "første tirsdag i måneden kl. 19.00–20.30".
func (p *Page) Recurrence(a *Activity) string {
	if a.Rule == nil {
		return ""
	}
	start := a.Schedule.Start.Time
	s := a.Rule.Describe(p.Lang, start)
	if !a.Schedule.Start.DateOnly {
		at := p.Lang.Clock(start)
		if !a.Schedule.End.IsZero() {
			at += "–" + p.Lang.Clock(a.Schedule.End.Time)
		}
		s += " " + p.Lang.R("at", "time", at)
	}
	return s
}

// Ended reports whether a recurring activity has had its last meeting.
func (p *Page) Ended(a *Activity) bool { return a.Rule != nil && a.Next.IsZero() }

// Stale reports whether d is more than a year before the build: the
// facts may have changed since anyone checked.
func (p *Page) Stale(d content.Date) bool {
	return d.IsZero() || d.Time().AddDate(1, 0, 0).Before(p.r.now)
}

// ModeText names an activity's mode for visitors.
func (p *Page) ModeText(mode string) (string, error) { return p.T(mode) }

// Help returns the helplines of the site.
func (p *Page) Help() []site.Help { return p.r.cfg.Help }

// FooterPages returns the pages in the footer menu, in menu order.
func (p *Page) FooterPages() []*content.Page { return p.r.footer }

// Nav returns the main menu.
func (p *Page) Nav() []NavItem {
	items := []NavItem{
		{Key: "activities", Path: "/aktiviteter/"},
		{Key: "organisations", Path: "/organisasjoner/"},
		{Key: "projects", Path: "/prosjekter/"},
		{Key: "handbooks", Path: "/handboker/"},
		{Key: "search", Path: "/sok/"},
	}
	for i := range items {
		items[i].Current = items[i].Key == p.Section
	}
	return items
}

// A NavItem is an entry of the main menu.
type NavItem struct {
	Key     string // i18n key of the label
	Path    string
	Current bool
}

func (p *Page) pdf() string {
	if !p.r.pdfs {
		return ""
	}
	switch d := p.Data.(type) {
	case *HandbookPage:
		return d.PDFURL()
	case *ReportView:
		return d.PDFURL()
	}
	return ""
}

// CountyName returns the name of a county given as key or name.
func (p *Page) CountyName(s string) string {
	if c, ok := site.LookupCounty(s); ok {
		return c.Name
	}
	return s
}
