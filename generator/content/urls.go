package content

// The URL map, in Norwegian. Every URL is a site path ending in "/" for
// pages; renderers prefix the site's base path.

// URL returns the page address of the organisation.
func (o *Organisation) URL() string { return "/organisasjoner/" + o.Slug + "/" }

// URL returns the page address of the project.
func (p *Project) URL() string { return "/prosjekter/" + p.Slug + "/" }

// URL returns the page address of the activity.
func (a *Activity) URL() string {
	if a.url != "" {
		return a.url // made once when parsed: lists and calendars ask on every rebuild
	}
	return "/aktiviteter/" + a.Slug + "/"
}

// URL returns the address of the handbook's front page.
func (h *Handbook) URL() string { return "/handboker/" + h.Slug + "/" }

// PDFURL returns the address of the handbook as one PDF.
func (h *Handbook) PDFURL() string { return h.URL() + h.Slug + ".pdf" }

// URL returns the page address of the chapter.
func (c *HandbookChapter) URL() string { return c.Handbook.URL() + c.Slug + "/" }

// URL returns the page address of the report.
func (r *Report) URL() string { return "/rapporter/" + r.Slug + "/" }

// PDFURL returns the address of the report as PDF.
func (r *Report) PDFURL() string { return r.URL() + r.Slug + ".pdf" }

// URL returns the page address of the page.
func (p *Page) URL() string { return "/" + p.Slug + "/" }

// assetBase is the URL folder that files beside a document are published
// under: a handbook's or report folder's own address, or the page itself.
func assetBase(v any) string {
	if c, ok := v.(*HandbookChapter); ok {
		return c.Handbook.URL()
	}
	return urlOf(v)
}
