package feed

import (
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"
)

// MaxEntries is how many entries a feed holds at most: the newest.
const MaxEntries = 50

// A Feed is an Atom feed. The zero value is not useful: Title, SelfURL
// and SiteURL are required.
type Feed struct {
	Title    string    // the site's title
	Subtitle string    // optional: the site's description
	Lang     string    // xml:lang, e.g. "nb"; "" leaves it out
	SelfURL  string    // absolute address of the feed itself; also its id
	SiteURL  string    // absolute address of the front page
	Author   string    // who runs the site (site.toml owner); "" uses Title
	Updated  time.Time // zero: the newest entry's Updated
	Entries  []Entry   // any order; Atom sorts and caps them
}

// An Entry is one item of the feed: an activity, a report or a handbook.
type Entry struct {
	ID        string    // permanent id; "" uses URL
	Title     string    // required
	Summary   string    // plain text
	URL       string    // absolute address of the page
	Updated   time.Time // when it last changed; required
	Published time.Time // optional
	Category  Category  // optional
}

// A Category is an Atom category: a key, and the label people read.
type Category struct {
	Term   string // e.g. "samtalegruppe"
	Label  string // e.g. "Samtalegrupper"
	Scheme string // optional absolute address of the vocabulary
}

// Atom writes f as an Atom 1.0 document to w: at most MaxEntries
// entries, newest first (ties by id), with a self link and an alternate
// link to the site.
func Atom(w io.Writer, f Feed) error {
	switch {
	case f.Title == "" || f.SelfURL == "" || f.SiteURL == "":
		return errors.New("feed: a feed needs Title, SelfURL and SiteURL")
	}
	entries := slices.Clone(f.Entries)
	for i := range entries {
		e := &entries[i]
		if e.ID == "" {
			e.ID = e.URL
		}
		if e.ID == "" || e.Title == "" || e.Updated.IsZero() {
			return fmt.Errorf("feed: entry %q needs an id or URL, a title and an updated date", e.Title)
		}
	}
	slices.SortFunc(entries, func(a, b Entry) int {
		if c := b.Updated.Compare(a.Updated); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	entries = entries[:min(len(entries), MaxEntries)]

	updated := f.Updated
	if updated.IsZero() && len(entries) > 0 {
		updated = entries[0].Updated
	}
	if updated.IsZero() {
		return errors.New("feed: an empty feed needs Updated")
	}
	author := f.Author
	if author == "" {
		author = f.Title
	}
	doc := atomFeed{
		Lang:      f.Lang,
		ID:        f.SelfURL,
		Title:     atomText{Type: "text", Text: f.Title},
		Updated:   rfc3339(updated),
		Author:    &atomPerson{Name: author},
		Links:     []atomLink{{Rel: "self", Type: "application/atom+xml", Href: f.SelfURL}, {Rel: "alternate", Type: "text/html", Href: f.SiteURL}},
		Generator: "Møteplass",
	}
	if f.Subtitle != "" {
		doc.Subtitle = &atomText{Type: "text", Text: f.Subtitle}
	}
	for _, e := range entries {
		ae := atomEntry{
			ID:      e.ID,
			Title:   atomText{Type: "text", Text: e.Title},
			Updated: rfc3339(e.Updated),
		}
		if !e.Published.IsZero() {
			ae.Published = rfc3339(e.Published)
		}
		if e.URL != "" {
			ae.Links = []atomLink{{Rel: "alternate", Type: "text/html", Href: e.URL}}
		}
		if e.Summary != "" {
			ae.Summary = &atomText{Type: "text", Text: e.Summary}
		}
		if e.Category.Term != "" {
			c := e.Category
			ae.Categories = []atomCategory{{Term: c.Term, Label: c.Label, Scheme: c.Scheme}}
		}
		doc.Entries = append(doc.Entries, ae)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func rfc3339(t time.Time) string { return t.Format(time.RFC3339) }

// The Atom document, in the order RFC 4287 lists the elements.
type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	ID        string      `xml:"id"`
	Title     atomText    `xml:"title"`
	Subtitle  *atomText   `xml:"subtitle"`
	Updated   string      `xml:"updated"`
	Author    *atomPerson `xml:"author"`
	Links     []atomLink  `xml:"link"`
	Generator string      `xml:"generator,omitempty"`
	Entries   []atomEntry `xml:"entry"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      atomText       `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Links      []atomLink     `xml:"link"`
	Summary    *atomText      `xml:"summary"`
	Categories []atomCategory `xml:"category"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomCategory struct {
	Term   string `xml:"term,attr"`
	Scheme string `xml:"scheme,attr,omitempty"`
	Label  string `xml:"label,attr,omitempty"`
}
