package html

import (
	"html/template"
	"strings"

	"moteplass/generator/content"
)

// Parts of an activity's page that many activities share (its category
// and mode, its audiences, its organiser, the date its facts were
// checked) are rendered by their partials once per language and value,
// not once per page: each action costs html/template a reflective call
// and an escaper, and these were a fifth of the work of an activity page.
// A partial rendered this way may use only what its data holds and the
// page's language and site (like the header and footer, see chrome).
// They are in the page's fields (Page.Kicker, …), set before it renders:
// a field costs a layout a fraction of a method call.

// A fragmentKey names a rendered partial.
type fragmentKey struct{ lang, partial, key string }

// fragment renders partial with data() once per key and language.
func (p *Page) fragment(partial, key string, data func() (any, error)) (template.HTML, error) {
	k := fragmentKey{p.Lang.Code, partial, key}
	if h, ok := p.r.fragments.Load(k); ok {
		return h.(template.HTML), nil
	}
	d, err := data()
	if err != nil {
		return "", err
	}
	h, err := p.r.tmpls[p.Lang.Code].partial(partial, d)
	if err != nil {
		return "", err
	}
	p.r.fragments.Store(k, h)
	return h, nil
}

// KickerData is what the "kicker" partial shows: an activity's category
// and mode (whose name it says in the page's language), with the
// addresses of their pages.
type KickerData struct {
	Page           *Page
	Category, Mode TermLink
}

// kicker returns the "kicker" partial for a's category and mode.
func (p *Page) kicker(a *Activity) (template.HTML, error) {
	return p.fragment("kicker", a.Category+"/"+a.Mode, func() (any, error) {
		return KickerData{p, TermLink{a.Category, a.CategoryTerm.Title, a.CategoryHref}, TermLink{Key: a.Mode, Href: a.ModeHref}}, nil
	})
}

// AudienceData is what the "audiences" partial shows.
type AudienceData struct {
	Page  *Page
	Links []TermLink
}

// audiences returns the "audiences" partial for a's audiences.
func (p *Page) audiences(a *Activity) (template.HTML, error) {
	return p.fragment("audiences", a.audienceKey, func() (any, error) { return AudienceData{p, a.AudienceLinks}, nil })
}

// OrganiserData is what the "organiser" partial shows: an organisation,
// the address of its page, and the local chapter (nil if none).
type OrganiserData struct {
	Page    *Page
	Org     *content.Organisation
	Href    string
	Chapter *content.Chapter
}

// organiser returns the "organiser" partial for a's organisation and
// chapter.
func (p *Page) organiser(a *Activity) (template.HTML, error) {
	key := a.Organisation
	if a.OrgChapter != nil {
		key += "/" + a.OrgChapter.ID
	}
	return p.fragment("organiser", key, func() (any, error) { return OrganiserData{p, a.Org, a.OrgHref, a.OrgChapter}, nil })
}

// reviewed returns the "reviewed" partial for date d (see Reviewed).
func (p *Page) reviewed(d content.Date) (template.HTML, error) {
	return p.fragment("reviewed", d.String(), func() (any, error) { return p.Reviewed(d) })
}

// activityParts fills in the fragments of an activity's page.
func (p *Page) activityParts(a *Activity) error {
	var err error
	if p.Kicker, err = p.kicker(a); err != nil {
		return err
	}
	if p.AudienceList, err = p.audiences(a); err != nil {
		return err
	}
	if p.Organiser, err = p.organiser(a); err != nil {
		return err
	}
	if p.ReviewedNote, err = p.reviewed(a.Reviewed); err != nil {
		return err
	}
	return p.activityFacts(a)
}

func (p *Page) activityFacts(a *Activity) error {
	f := &p.Facts
	if a.Upcoming {
		f.Next = p.When(a, a.Next)
	} else if a.Rule == nil {
		f.StartISO, f.Start = isoTime(a.Schedule.Start.Time), p.When(a, a.Schedule.Start.Time)
	}
	if r := p.Recurrence(a); r != "" {
		f.Recurrence = capitalise(r)
	}
	if c := p.calendar(); c != "" && (a.Upcoming || a.Rule != nil) {
		f.CalendarHref = p.URL(c)
	}
	names := make([]string, len(a.Languages))
	for i, l := range a.Languages {
		names[i] = p.LanguageName(l)
	}
	f.Languages = strings.Join(names, ", ")
	var err error
	if !a.Signup.Deadline.IsZero() {
		if f.Deadline, err = p.T("signup_deadline", "date", p.Day(a.Signup.Deadline)); err != nil {
			return err
		}
	}
	if a.Signup.Capacity != 0 {
		if f.Capacity, err = p.T("signup_capacity", "n", a.Signup.Capacity); err != nil {
			return err
		}
	}
	f.SignupEmail, f.SignupTel = strings.TrimPrefix(a.Signup.Email, "mailto:"), tel(a.Signup.Phone)
	f.ContactEmail, f.ContactTel = strings.TrimPrefix(a.Contact.Email, "mailto:"), tel(a.Contact.Phone)
	return nil
}

// CrumbsData is what the "crumbs" partial shows.
type CrumbsData struct {
	Page   *Page
	Crumbs []Link
}

// crumbNav returns the "crumbs" partial for the page's trail.
func (p *Page) crumbNav() (template.HTML, error) {
	var key strings.Builder
	for _, c := range p.Crumbs {
		key.WriteString(c.URL)
		key.WriteByte(0)
		key.WriteString(c.Label)
		key.WriteByte(0)
	}
	return p.fragment("crumbs", key.String(), func() (any, error) { return CrumbsData{p, p.Crumbs}, nil })
}
