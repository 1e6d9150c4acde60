package html

import (
	"html/template"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"moteplass/generator/chart"
	"moteplass/generator/content"
	"moteplass/generator/jsonld"
)

// The partials take the page and one thing to show; these methods pair
// them, since templates cannot build structs.

// CardData is what the "card" partial shows.
type CardData struct {
	Page     *Page
	Activity *Activity
	Start    time.Time // the meeting shown; zero if none

	// What the partial would otherwise ask Page methods for, found
	// once: text/template calls a method through reflect, at many
	// times the cost of reading a field, and a large site has a
	// hundred thousand cards.
	StartISO   string // Start for a <time datetime> attribute; "" if none
	StartText  string // Start as the card says it ("tirsdag 6. januar kl. 19.00")
	Recurrence string // how the activity repeats ("hver tirsdag kl. 19.00–20.30"), or ""
}

func (p *Page) cardData(a *Activity, start time.Time) CardData {
	c := CardData{Page: p, Activity: a, Start: start, Recurrence: p.Recurrence(a)}
	if !start.IsZero() {
		c.StartISO, c.StartText = isoTime(start), p.Soon(a, start)
	}
	return c
}

// Card pairs the page with an activity shown at its next meeting.
func (p *Page) Card(a *Activity) CardData { return p.cardData(a, a.Next) }

// CardHTML returns the activity's card as it appears in lists, rendered
// once per build.
func (p *Page) CardHTML(a *Activity) (template.HTML, error) {
	if p.Lang != p.r.lang {
		return p.r.tmpls[p.Lang.Code].partial("card", p.Card(a))
	}
	c, ok := p.r.cards.Load(a)
	if !ok {
		c, _ = p.r.cards.LoadOrStore(a, &card{})
	}
	e := c.(*card)
	e.once.Do(func() { e.html, e.err = p.r.tmpls[p.Lang.Code].partial("card", p.Card(a)) })
	return e.html, e.err
}

// A card is an activity's card in the site's language. An activity
// appears on half a dozen lists; its card is rendered once per renderer
// (views may outlive one, see Options.Prev).
type card struct {
	once sync.Once
	html template.HTML
	err  error
}

// Meeting pairs the page with one meeting of an activity.
func (p *Page) Meeting(m Meeting) CardData { return p.cardData(m.Activity, m.Start) }

// FacetData is what the "terms" partial shows.
type FacetData struct {
	Page   *Page
	Values []*FacetValue
}

// Facet pairs the page with facet values.
func (p *Page) Facet(values []*FacetValue) FacetData { return FacetData{p, values} }

// PagerData is what the "pager" partial shows.
type PagerData struct {
	Page  *Page
	Pager *Pager
}

// PagerOf pairs the page with its pager.
func (p *Page) PagerOf(pg *Pager) PagerData { return PagerData{p, pg} }

// ReviewedData is what the "reviewed" partial shows: the date and, as
// fields for the partial, what the page's methods say of it.
type ReviewedData struct {
	Page  *Page
	Date  content.Date
	ISO   string // for <time datetime>; "" if the date is zero
	Text  string // "Sist kontrollert 6. januar 2026" in the page's language; "" if the date is zero
	Stale bool   // more than a year before the build (see Page.Stale)
}

// Reviewed pairs the page with the date its facts were last checked.
func (p *Page) Reviewed(d content.Date) (ReviewedData, error) {
	v := ReviewedData{Page: p, Date: d, Stale: p.Stale(d)}
	if d.IsZero() {
		return v, nil
	}
	var err error
	v.ISO = p.ISODay(d)
	v.Text, err = p.T("reviewed", "date", p.Day(d))
	return v, err
}

// Cards returns the cards of activities as the "card" partial shows
// each in lists (see CardHTML), for a layout to range over: joined into
// one string, the cards of every list page would be copied once more,
// 360 MB at 100,000 activities.
func (p *Page) Cards(list []*Activity) ([]template.HTML, error) {
	cards := make([]template.HTML, len(list))
	for i, a := range list {
		c, err := p.CardHTML(a)
		if err != nil {
			return nil, err
		}
		cards[i] = c
	}
	return cards, nil
}

// ProjectData is what the "projectfacts" partial shows.
type ProjectData struct {
	Page    *Page
	Project *ProjectView
}

// ProjectFacts pairs the page with a project.
func (p *Page) ProjectFacts(v *ProjectView) ProjectData { return ProjectData{p, v} }

// FigureData is what the "figuredata" partial shows.
type FigureData struct {
	Page   *Page
	Figure content.Figure
}

// FigureData pairs the page with a report figure.
func (p *Page) FigureData(f content.Figure) FigureData { return FigureData{p, f} }

// Decimal formats a figure value: "12", "12,5", "1 200".
func (p *Page) Decimal(f float64) string { return p.Lang.Decimal(f) }

// LanguageName names a language code in the page's language: "nb" →
// "norsk (bokmål)". Unknown codes are shown as they are.
func (p *Page) LanguageName(code string) string {
	if s, ok := p.Lang.UI["lang_"+code]; ok {
		return s
	}
	return code
}

func init() {
	funcs["tel"] = tel
	funcs["trimMailto"] = func(s string) string { return strings.TrimPrefix(s, "mailto:") }
	funcs["cap"] = capitalise
}

// tel turns a phone number as written ("555 12 345", "tel:+47 555 12 345")
// into a tel: URL body ("+4755512345").
func tel(s string) string {
	s = strings.TrimPrefix(s, "tel:")
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' || r == '+' && b.Len() == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// ChartOf converts a report figure for package chart.
func ChartOf(f content.Figure) chart.Figure { return chart.Of(f) }

// Chart draws figure number n (from 1) of a report as inline SVG.
func (p *Page) Chart(n int, f content.Figure) (template.HTML, error) {
	layout := chart.New(ChartOf(f), chart.Options{Width: 640, Height: 320, FontSize: 13, Format: p.Decimal})
	kind, err := p.T("chart_" + f.Type)
	if err != nil {
		return "", err
	}
	desc, err := p.T("chart_desc", "kind", kind, "n", len(f.Labels))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := chart.SVG(&b, layout, "figur-"+strconv.Itoa(n), f.Title, desc); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil // chart.SVG escapes every text
}

// chrome renders a partial that depends only on key, once: the header
// per language and section, the footer per language.
func (r *Renderer) chrome(p *Page, partial, key string) (template.HTML, error) {
	key = partial + "/" + key
	if v, ok := r.chromeCache.Load(key); ok {
		return v.(template.HTML), nil
	}
	h, err := r.tmpls[p.Lang.Code].partial(partial, p)
	if err != nil {
		return "", err
	}
	r.chromeCache.Store(key, h)
	return h, nil
}

func (p *Page) jsonLD() (template.HTML, error) {
	cfg := p.r.cfg
	var data jsonld.Doc
	var err error
	switch d := p.Data.(type) {
	case *Activity:
		data, err = jsonld.Event(d.Activity, d.Org, d.Rule, d.Next, d.NextEnd, cfg.URL(d.URL()), cfg.URL(d.Org.URL()), p.Lang.Code)
	case *OrgPage:
		logo := ""
		if d.LogoURL != "" {
			logo = cfg.URL(d.LogoURL)
		}
		data, err = jsonld.Organization(d.Organisation, cfg.URL(d.URL()), logo)
	default:
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return data.Script(), nil
}

func (p *Page) calendar() string {
	switch d := p.Data.(type) {
	case *Activity:
		return d.URL() + d.Slug + ".ics"
	case *OrgPage:
		return "/kalender/organisasjon/" + d.Slug + ".ics"
	case *List:
		switch {
		case d.Facet == nil:
			return "/kalender/alle.ics"
		case d.Facet.Facet == "fylke":
			return "/kalender/fylke/" + d.Facet.Key + ".ics"
		case d.Facet.Facet == "kategori":
			return "/kalender/kategori/" + d.Facet.Key + ".ics"
		}
	}
	return ""
}

func (p *Page) image() string {
	var org *content.Organisation
	switch d := p.Data.(type) {
	case *Activity:
		org = d.Org
	case *OrgPage:
		org = d.Organisation
	}
	if org == nil || org.LogoURL == "" {
		return ""
	}
	return p.r.cfg.URL(org.LogoURL)
}

// locale returns a language as an OpenGraph locale.
func locale(code string) string {
	switch code {
	case "nb":
		return "nb_NO"
	case "nn":
		return "nn_NO"
	}
	return "en_GB"
}
