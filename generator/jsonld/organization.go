package jsonld

import (
	"errors"
	"strings"

	"moteplass/generator/content"
	"moteplass/generator/site"
)

// organization is a schema.org Organization.
type organization struct {
	Context       string            `json:"@context,omitempty"`
	Type          string            `json:"@type"`
	ID            string            `json:"@id,omitempty"`
	Name          string            `json:"name"`
	AlternateName string            `json:"alternateName,omitempty"`
	Description   string            `json:"description,omitempty"`
	URL           string            `json:"url,omitempty"`
	Logo          string            `json:"logo,omitempty"`
	Email         string            `json:"email,omitempty"`
	Telephone     string            `json:"telephone,omitempty"`
	SameAs        oneOrMore[string] `json:"sameAs,omitempty"`
	Address       *postalAddress    `json:"address,omitempty"`
	Department    []organization    `json:"department,omitempty"`
}

// OrgID returns the @id of the organisation whose page is at pageURL;
// Event's organizer and Organization use the same, so the two documents
// name one thing.
func OrgID(pageURL string) string { return pageURL + "#organisasjon" }

// Organization returns the JSON-LD of organisation o's page at pageURL
// (absolute): name, short name, summary, e-mail, phone, its website as
// sameAs, and local chapters as departments. logoURL is the absolute
// address of its logo, or "".
func Organization(o *content.Organisation, pageURL, logoURL string) (Doc, error) {
	if o == nil {
		return nil, errors.New("jsonld: no organisation")
	}
	doc := organization{
		Context:       Context,
		Type:          "Organization",
		ID:            OrgID(pageURL),
		Name:          o.Title,
		AlternateName: o.Short,
		Description:   o.Summary,
		URL:           pageURL,
		Logo:          logoURL,
		Email:         email(o.Email),
		Telephone:     o.Phone,
	}
	if o.Website != "" {
		doc.SameAs = oneOrMore[string]{o.Website}
	}
	for _, c := range o.Chapters {
		d := organization{Type: "Organization", Name: c.Title, Email: email(c.Email), Telephone: c.Phone}
		if c.Municipality != "" || c.County != "" {
			d.Address = &postalAddress{Type: "PostalAddress", AddressLocality: c.Municipality, AddressRegion: countyName(c.County), AddressCountry: "NO"}
		}
		doc.Department = append(doc.Department, d)
	}
	return marshal(doc)
}

// email returns an address without mailto:, as schema.org wants it.
func email(s string) string { return strings.TrimPrefix(s, "mailto:") }

// countyName returns the name of county key (or name) k.
func countyName(k string) string {
	if c, ok := site.LookupCounty(k); ok {
		return c.Name
	}
	return k
}
