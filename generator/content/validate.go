package content

import (
	"fmt"
	"io/fs"
	"maps"
	"math"
	"net/mail"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"moteplass/generator/diag"
	"moteplass/generator/schedule"
	"moteplass/generator/site"
	"moteplass/generator/slug"
	"moteplass/generator/suggest"
)

// validate checks everything a single file's decoding cannot: vocabulary
// values, references between files, dates, URLs, duplicate addresses and
// links inside the Markdown.
func validate(fsys fs.FS, s *Site) diag.List {
	v := &validator{s: s, cfg: s.Config, categories: site.Keys(s.Config.Categories), audiences: site.Keys(s.Config.Audiences)}
	v.duplicates()
	for _, o := range s.Organisations {
		v.organisation(o)
	}
	for _, p := range s.Projects {
		v.project(p)
	}
	for _, a := range slices.Concat(s.Activities, s.Drafts) {
		v.activity(a)
	}
	for _, h := range s.Handbooks {
		v.handbook(h)
	}
	for _, r := range s.Reports {
		v.report(r)
	}
	for _, p := range s.Pages {
		v.page(p)
	}
	v.orphanChapters()
	links := resolve(fsys, s)
	s.linkErrs = make(map[*diag.Error]bool, len(links))
	for _, e := range links {
		s.linkErrs[e] = true
	}
	v.errs.Merge(links)
	return v.errs
}

type validator struct {
	s    *Site
	cfg  *site.Config
	errs diag.List

	categories, audiences []string // the keys of site.toml's lists
}

func (v *validator) at(f *File, key, msg, hint string) {
	v.errs.Add(f.Meta.Value(key), msg, hint)
}

// duplicates reports two files of one kind that would publish to the same
// address, such as activities/oslo/kafe.md and activities/bergen/kafe.md.
// The file first in path order keeps the address.
func (v *validator) duplicates() {
	type key struct {
		kind     Kind
		handbook *Handbook // for chapters: theirs
		slug     string
	}
	first := make(map[key]string, len(v.s.parsed))
	for _, item := range v.s.parsed { // in path order
		var k key
		var f *File
		switch item := item.(type) {
		case *Organisation:
			k, f = key{KindOrganisation, nil, item.Slug}, &item.File
		case *Project:
			k, f = key{KindProject, nil, item.Slug}, &item.File
		case *Activity:
			k, f = key{KindActivity, nil, item.Slug}, &item.File
		case *Report:
			k, f = key{KindReport, nil, item.Slug}, &item.File
		case *Page:
			k, f = key{KindPage, nil, item.Slug}, &item.File
		case *HandbookChapter:
			if item.Handbook == nil {
				continue // reported as an orphan
			}
			k, f = key{KindChapter, item.Handbook, item.Slug}, &item.File
		default:
			continue
		}
		if prev, ok := first[k]; ok {
			v.errs.Add(diag.Pos{Path: f.Path, Line: 1, Col: 1},
				fmt.Sprintf("duplicate slug %q: %s already uses the address of this %s", f.Slug, prev, k.kind),
				"rename one of the files")
			continue
		}
		first[k] = f.Path
	}
}

func (v *validator) organisation(o *Organisation) {
	v.url(&o.File, "website", o.Website)
	v.url(&o.File, "chat", o.Chat)
	v.email(&o.File, "email", o.Email)
	v.phone(&o.File, "phone", o.Phone)
	ids := map[string]bool{}
	for i, c := range o.Chapters {
		key := fmt.Sprintf("chapters[%d]", i)
		switch {
		case c.ID == "":
			// reported as missing
		case !validSlug(c.ID):
			v.at(&o.File, key+".id", fmt.Sprintf("chapter id %q must be lower case letters a–z, digits and hyphens", c.ID), "")
		case ids[c.ID]:
			v.at(&o.File, key+".id", fmt.Sprintf("chapter id %q is used twice", c.ID), "")
		}
		ids[c.ID] = true
		v.county(&o.File, key+".county", c.County)
		v.email(&o.File, key+".email", c.Email)
		v.phone(&o.File, key+".phone", c.Phone)
	}
}

func (v *validator) project(p *Project) {
	if slices.Contains([]string{"program", "finansiering", "status"}, p.Slug) {
		v.errs.Add(diag.Pos{Path: p.Path, Line: 1, Col: 1}, fmt.Sprintf("a project cannot be called %q: the overview uses /prosjekter/%s/ for its filters", p.Slug, p.Slug), "rename the file")
	}
	v.organisationRef(&p.File, p.Organisation)
	v.address(&p.File, "programme", p.Programme)
	v.address(&p.File, "funder", p.Funder)
	v.vocab(&p.File, "status", p.Status, site.Statuses)
	if !p.End.IsZero() && !p.Start.IsZero() && p.End.Before(p.Start) {
		v.at(&p.File, "end", fmt.Sprintf("the project ends (%s) before it starts (%s)", p.End, p.Start), "")
	}
	if p.TargetReach < 0 {
		v.at(&p.File, "target_reach", "target_reach cannot be negative", "write how many people the project plans to reach, e.g. target_reach = 200")
	}
	p.GrantList = p.GrantList[:0]
	for _, k := range slices.Sorted(maps.Keys(p.Grants)) {
		year, err := strconv.Atoi(k)
		key := "grants." + k
		if err != nil || len(k) != 4 {
			v.at(&p.File, key, fmt.Sprintf("grant year %q is not a year", k), "write one line per year: 2022 = 600000")
			continue
		}
		amount := p.Grants[k]
		if amount < 0 {
			v.at(&p.File, key, fmt.Sprintf("the grant for %d cannot be negative", year), "write the kroner granted that year, e.g. "+k+" = 600000")
		}
		// Money is granted for the project period; a year on either side
		// is normal (granted in December, spent in January).
		if !p.Start.IsZero() && (year < p.Start.Year-1 || (!p.End.IsZero() && year > p.End.Year+1)) {
			v.at(&p.File, key, fmt.Sprintf("grant year %d is outside the project period %s–%s", year, p.Start, p.End), "check the year or the start and end dates")
		}
		p.GrantList = append(p.GrantList, Grant{Year: year, Amount: amount})
	}
}

func (v *validator) activity(a *Activity) {
	// References are checked again only when the file or what they
	// point at changed (serve).
	if v.s.refsGen == 0 || a.refsGen != v.s.refsGen {
		saved := v.errs
		v.errs = nil
		v.activityRefs(a)
		a.refsGen, a.refProblems = v.s.refsGen, v.errs
		v.errs = saved
	}
	v.errs.Merge(a.refProblems)
	// The rest depends on the file alone: checked once per parse, and
	// the answer kept with the parsed file (serve reuses it until the
	// file changes).
	if !a.checked {
		saved := v.errs
		v.errs = nil
		v.activityAlone(a)
		a.checked, a.problems = true, v.errs
		v.errs = saved
	}
	v.errs.Merge(a.problems)
}

// activityRefs checks an activity's organisation, chapter and project,
// and its terms from site.toml.
func (v *validator) activityRefs(a *Activity) {
	f := &a.File
	if o := v.organisationRef(f, a.Organisation); o != nil && a.Chapter != "" && o.ChapterOf(a.Chapter) == nil {
		ids := make([]string, len(o.Chapters))
		for i, c := range o.Chapters {
			ids[i] = c.ID
		}
		hint := suggest.Hint(a.Chapter, ids)
		if len(ids) == 0 {
			hint = o.Path + " has no chapters"
		}
		v.at(f, "chapter", fmt.Sprintf("organisation %q has no chapter %q", a.Organisation, a.Chapter), hint)
	}
	if a.Project != "" {
		v.projectRef(f, "project", a.Project)
	}
	v.vocab(f, "category", a.Category, v.categories)
	if len(a.Audiences) == 0 && f.Meta.Has("audiences") {
		v.at(f, "audiences", "audiences is empty", "name at least one, e.g. audiences = [\""+v.cfg.Audiences[0].Key+"\"]")
	}
	for i, k := range a.Audiences {
		v.vocab(f, fmt.Sprintf("audiences[%d]", i), k, v.audiences)
	}
}

// activityAlone checks what an activity's file says on its own, without
// the other files or site.toml.
func (v *validator) activityAlone(a *Activity) {
	f := &a.File
	v.vocab(f, "mode", a.Mode, site.Modes)
	for i, l := range a.Languages {
		if !validLanguage(l) {
			v.at(f, fmt.Sprintf("languages[%d]", i), fmt.Sprintf("%q is not a language code", l), `use codes like "nb", "nn", "en", "se"`)
		}
	}
	if a.Language != "" && !slices.Contains(site.Languages, a.Language) {
		v.at(f, "language", fmt.Sprintf("unknown language %q", a.Language), suggest.Hint(a.Language, site.Languages))
	}
	v.schedule(a)
	if a.Mode == "physical" || a.Mode == "hybrid" {
		if a.Place.Municipality == "" || a.Place.County == "" || a.Place.Name == "" && a.Place.Address == "" {
			v.at(f, "place", "a "+a.Mode+" activity needs [place] with name or address, municipality and county", "")
		}
	}
	if a.Place.County != "" {
		v.county(f, "place.county", a.Place.County)
	}
	v.address(f, "place.municipality", a.Place.Municipality)
	if a.Place.Postcode != "" && !isDigits(a.Place.Postcode, 4) {
		v.at(f, "place.postcode", fmt.Sprintf("postcode %q must be four digits", a.Place.Postcode), "")
	}
	v.url(f, "online.join", a.Online.Join)
	v.url(f, "signup.url", a.Signup.URL)
	v.email(f, "signup.email", a.Signup.Email)
	v.phone(f, "signup.phone", a.Signup.Phone)
	if a.Signup.Capacity < 0 {
		v.at(f, "signup.capacity", "capacity cannot be negative", "")
	}
	v.email(f, "contact.email", a.Contact.Email)
	v.phone(f, "contact.phone", a.Contact.Phone)
	v.url(f, "contact.chat", a.Contact.Chat)
}

func (v *validator) schedule(a *Activity) {
	f := &a.File
	s := a.Schedule
	if s.Start.IsZero() {
		return // reported as missing
	}
	if !s.End.IsZero() && !s.End.After(s.Start.Time) {
		v.at(f, "schedule.end", fmt.Sprintf("the activity ends (%s) before it starts (%s)", s.End.Format("2006-01-02 15:04"), s.Start.Format("2006-01-02 15:04")), "end is the end of the first meeting, e.g. the same day two hours later")
	}
	if !s.Until.IsZero() && s.Until.Before(s.Start.Time) {
		v.at(f, "schedule.until", fmt.Sprintf("until (%s) is before the start (%s)", s.Until.Format("2006-01-02"), s.Start.Format("2006-01-02")), "")
	}
	if !s.Until.IsZero() && s.Repeat == "" {
		v.at(f, "schedule.until", "until needs repeat", `say how it repeats, e.g. repeat = "FREQ=WEEKLY;BYDAY=TU"`)
	}
	// A rule unchanged since the last load (serve) is kept, with what it
	// has computed.
	if !a.rule.From(s.Repeat, s.Start.Time, s.Until.Time) {
		a.rule = nil
		if s.Repeat != "" {
			rule, err := schedule.Parse(s.Repeat, s.Start.Time, s.Until.Time)
			if err != nil {
				v.at(f, "schedule.repeat", err.Error(), schedule.Hint)
			}
			a.rule = rule
		}
	}
	if !a.Signup.Deadline.IsZero() && s.Repeat == "" && a.Signup.Deadline.Time().After(s.Start.Time) {
		v.at(f, "signup.deadline", "the signup deadline is after the activity starts", "")
	}
}

func (v *validator) handbook(h *Handbook) {
	v.organisationRef(&h.File, h.Organisation)
	if h.Project != "" {
		v.projectRef(&h.File, "project", h.Project)
	}
	if len(h.Chapters) == 0 {
		v.errs.Add(diag.Pos{Path: h.Path, Line: 1, Col: 1}, "the handbook has no chapters", "add chapter files such as 01-innledning.md beside index.md")
	}
}

func (v *validator) orphanChapters() {
	for _, c := range v.s.orphans {
		v.errs.Add(diag.Pos{Path: c.Path, Line: 1, Col: 1}, "this chapter has no handbook: "+c.Dir()+"/index.md is missing", "add index.md with the handbook's title, organisation and date")
	}
}

func (v *validator) report(r *Report) {
	f := &r.File
	v.projectRef(f, "project", r.Project)
	v.vocab(f, "kind", r.Kind, site.ReportKinds)
	if r.Reach.Planned < 0 {
		v.at(f, "reach.planned", "reach cannot be negative", "write how many people the project planned to reach, e.g. planned = 200")
	}
	if r.Reach.Actual < 0 {
		v.at(f, "reach.actual", "reach cannot be negative", "write how many people the project reached, e.g. actual = 124")
	}
	for i, fig := range r.Figures {
		key := fmt.Sprintf("figures[%d]", i)
		v.vocab(f, key+".type", fig.Type, []string{"bar", "line"})
		switch {
		case len(fig.Values) == 0 && len(fig.Series) == 0:
			v.at(f, key, "the figure has no values", "add values = [...] with one number per label, or [[figures.series]]")
		case len(fig.Values) > 0 && len(fig.Series) > 0:
			v.at(f, key+".series", "a figure has either values or series, not both", "")
		}
		if len(fig.Values) > 0 && len(fig.Values) != len(fig.Labels) {
			v.at(f, key+".values", fmt.Sprintf("%d values for %d labels", len(fig.Values), len(fig.Labels)), "give one value per label")
		}
		v.numbers(f, key+".values", fig.Values)
		for j, s := range fig.Series {
			vkey := fmt.Sprintf("%s.series[%d].values", key, j)
			if len(s.Values) != len(fig.Labels) {
				v.at(f, vkey, fmt.Sprintf("%d values for %d labels", len(s.Values), len(fig.Labels)), "give one value per label")
			}
			v.numbers(f, vkey, s.Values)
		}
	}
}

// numbers checks that a figure's values can be drawn: TOML allows nan
// and inf, a chart does not.
func (v *validator) numbers(f *File, key string, values []float64) {
	for i, x := range values {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			word := "nan"
			if math.IsInf(x, 0) {
				word = "inf"
			}
			v.at(f, fmt.Sprintf("%s[%d]", key, i), word+" is not a number a chart can show", "write the value as digits, e.g. 12 or 12.5")
		}
	}
}

// reserved are the first path segments of the site's own sections; a page
// with one of these names would be hidden by the section.
var reserved = []string{"aktiviteter", "organisasjoner", "prosjekter", "handboker", "rapporter", "fylke", "kommune", "kategori", "malgruppe", "modus", "kalender", "sok", "search", "static", "assets"}

func (v *validator) page(p *Page) {
	if slices.Contains(reserved, p.Slug) {
		v.errs.Add(diag.Pos{Path: p.Path, Line: 1, Col: 1}, fmt.Sprintf("a page cannot be called %q: the site uses /%s/ itself", p.Slug, p.Slug), "rename the file")
	}
}

// address checks a value that becomes part of an address, such as a
// municipality (/kommune/<slug>/): it needs a letter or a digit, and its
// slug must not be a name Windows reserves.
func (v *validator) address(f *File, key, value string) {
	switch s := slug.Make(value); {
	case value == "":
	case s == "":
		v.at(f, key, fmt.Sprintf("%s %q has no letters or digits to make an address from", key, value), "")
	case slug.Reserved(s):
		v.at(f, key, fmt.Sprintf("%s %q gives the address %q, a name Windows reserves for a device", key, value, s), "write the name in full")
	}
}

func (v *validator) organisationRef(f *File, slug string) *Organisation {
	if slug == "" {
		return nil
	}
	if o := v.s.Organisation(slug); o != nil {
		return o
	}
	slugs := make([]string, len(v.s.Organisations))
	for i, o := range v.s.Organisations {
		slugs[i] = o.Slug
	}
	v.at(f, "organisation", fmt.Sprintf("no organisation %q", slug), refHint(slug, slugs, "content/organisations/"))
	return nil
}

func (v *validator) projectRef(f *File, key, slug string) {
	if v.s.Project(slug) != nil {
		return
	}
	slugs := make([]string, len(v.s.Projects))
	for i, p := range v.s.Projects {
		slugs[i] = p.Slug
	}
	v.at(f, key, fmt.Sprintf("no project %q", slug), refHint(slug, slugs, "content/projects/"))
}

func refHint(slug string, slugs []string, dir string) string {
	if n := suggest.Nearest(slug, slugs); n != "" {
		return `did you mean "` + n + `"?`
	}
	return "write the file name (without .md) of a file in " + dir
}

func (v *validator) vocab(f *File, key, value string, allowed []string) {
	if value == "" || slices.Contains(allowed, value) {
		return
	}
	// Name the value by its key without indexes: "audiences[1]" is an
	// audience, "figures[0].type" a type.
	name := key
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = strings.TrimSuffix(name[:i], "s")
	}
	v.at(f, key, fmt.Sprintf("unknown %s %q", name, value), suggest.Hint(value, allowed))
}

func (v *validator) county(f *File, key, value string) {
	if value == "" {
		return
	}
	if _, ok := site.LookupCounty(value); !ok {
		v.at(f, key, fmt.Sprintf("unknown county %q", value), suggest.Hint(value, site.CountyKeys()))
	}
}

// url checks a link from front matter: only https, mailto and tel, so no
// field can carry javascript: or an unencrypted page to a visitor.
func (v *validator) url(f *File, key, value string) {
	if value == "" {
		return
	}
	u, err := url.Parse(value)
	switch {
	case err != nil || strings.ContainsAny(value, " \t\n"):
		v.at(f, key, fmt.Sprintf("%q is not a valid address", value), "")
	case u.Scheme == "https" && u.Host != "":
	case u.Scheme == "mailto" && u.Opaque != "":
	case u.Scheme == "tel" && u.Opaque != "":
	case u.Scheme == "http":
		v.at(f, key, fmt.Sprintf("%q is not encrypted", value), "use https:// instead of http://")
	case u.Scheme == "":
		v.at(f, key, fmt.Sprintf("%q is not a full address", value), "start it with https://")
	default:
		v.at(f, key, fmt.Sprintf("links must be https, mailto or tel, not %s:", u.Scheme), "")
	}
}

func (v *validator) email(f *File, key, value string) {
	if value == "" {
		return
	}
	addr := strings.TrimPrefix(value, "mailto:")
	if plainAddress(addr) {
		return // the usual role address; mail.ParseAddress is slow
	}
	if a, err := mail.ParseAddress(addr); err != nil || a.Address != addr {
		v.at(f, key, fmt.Sprintf("%q is not an e-mail address", value), "e.g. post@example.org")
	}
}

func (v *validator) phone(f *File, key, value string) {
	if value == "" {
		return
	}
	digits := 0
	for _, r := range strings.TrimPrefix(value, "tel:") {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '+' || r == '-' || r == '(' || r == ')':
		default:
			v.at(f, key, fmt.Sprintf("%q is not a phone number", value), "write digits, spaces and + only, e.g. 555 12 345")
			return
		}
	}
	if digits < 3 {
		v.at(f, key, fmt.Sprintf("%q is too short for a phone number", value), "")
	}
}

// plainAddress reports whether s is a simple address such as
// post@example.org: letters, digits and .-_+ around one @, and a dot in
// the domain.
func plainAddress(s string) bool {
	at := strings.IndexByte(s, '@')
	if at < 1 || at == len(s)-1 || !strings.Contains(s[at:], ".") || strings.HasSuffix(s, ".") {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.' || r == '-':
		case (r == '_' || r == '+') && i < at:
		case r == '@' && i == at:
		default:
			return false
		}
	}
	return true
}

func validSlug(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' && i > 0 && i < len(s)-1) {
			return false
		}
	}
	return !strings.Contains(s, "--")
}

func validLanguage(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
