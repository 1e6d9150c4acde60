package content

import (
	"github.com/yuin/goldmark/ast"

	"moteplass/generator/collate"
	"moteplass/generator/decode"
	"moteplass/generator/diag"
	"moteplass/generator/schedule"
)

// Kind names a kind of content file.
type Kind string

// The kinds of content, by the folder under content/ they live in.
const (
	KindOrganisation Kind = "organisation"
	KindProject      Kind = "project"
	KindActivity     Kind = "activity"
	KindHandbook     Kind = "handbook"
	KindChapter      Kind = "chapter" // a chapter of a handbook
	KindReport       Kind = "report"
	KindPage         Kind = "page"
)

// A File is what every content file has: where it is, its slug, and its
// Markdown body parsed once. Renderers read Body and Doc; nobody parses the
// body again.
type File struct {
	Path  string      // slash-separated, relative to the site folder
	Slug  string      // URL name: file name without .md, or the folder of an index.md
	Body  []byte      // Markdown after the front matter
	Doc   ast.Node    // Body parsed by package markdown; positions index Body; nil after LoadCompact
	Meta  *decode.Doc // where each front-matter key is, for later errors
	Lines BodyLines   // turns body offsets into file positions

	links    []ast.Node  // the link and image nodes of Doc, found once
	html     string      // the body as HTML, once compacted (LoadCompact)
	taken    bool        // html was handed over (TakeBodyHTML)
	refs     []linkRef   // the links of a compacted body, for the resolver
	ids      string      // the heading anchors of a compacted body, NUL-separated
	alone    *resolution // what resolving the links found, if it depends on f alone
	gen      uint64      // the number of the last load that sorted f (see sortByTitle)
	titleKey []rune      // collation key of keyTitle
	keyTitle string
}

// TitleKey returns the collation key of title, the file's title,
// computed once per title: sorting thousands of activities on every
// rebuild would otherwise redo it.
func (f *File) TitleKey(title string) []rune {
	if f.titleKey == nil || f.keyTitle != title {
		f.titleKey, f.keyTitle = collate.Key(title), title
	}
	return f.titleKey
}

// An Organisation runs activities and projects.
type Organisation struct {
	File     `toml:"-"`
	Title    string    `toml:"title" req:"true" doc:"Organisasjonens fulle navn"`
	Short    string    `toml:"short" doc:"Kortnavn eller forkortelse"`
	Summary  string    `toml:"summary" doc:"Én eller to setninger om organisasjonen"`
	Website  string    `toml:"website" doc:"Nettsted (https://…)"`
	Email    string    `toml:"email" doc:"Kontaktadresse, helst en rolleadresse som post@…"`
	Phone    string    `toml:"phone" doc:"Telefonnummer"`
	Chat     string    `toml:"chat" doc:"Lenke til anonym chat (https://…)"`
	Logo     string    `toml:"logo" doc:"Logo (PNG eller JPEG) ved siden av denne filen"`
	Reviewed Date      `toml:"reviewed" doc:"Dato da noen sist kontrollerte opplysningene"`
	Chapters []Chapter `toml:"chapters" doc:"Lokallag"`

	LogoURL string `toml:"-"` // where the logo is published, if any
	// LogoWidth and LogoHeight are the logo's size in pixels, zero if
	// its format is not one Go reads (PNG, JPEG, GIF).
	LogoWidth, LogoHeight int `toml:"-"`
}

// A Chapter is a local branch of an organisation.
type Chapter struct {
	ID           string `toml:"id" req:"true" doc:"Kort nøkkel aktiviteter bruker i chapter = …"`
	Title        string `toml:"title" req:"true" doc:"Lokallagets navn"`
	Municipality string `toml:"municipality" doc:"Kommune"`
	County       string `toml:"county" vocab:"counties" doc:"Fylke"`
	Email        string `toml:"email" doc:"Kontaktadresse"`
	Phone        string `toml:"phone" doc:"Telefonnummer"`
}

// A Project is a funded project, as a funder granted it.
type Project struct {
	File         `toml:"-"`
	Title        string         `toml:"title" req:"true" doc:"Prosjektets navn"`
	Summary      string         `toml:"summary" doc:"Én eller to setninger om prosjektet"`
	Organisation string         `toml:"organisation" req:"true" vocab:"organisations" doc:"Organisasjonen som eier prosjektet (filnavnet i content/organisations/)"`
	Programme    string         `toml:"programme" doc:"Programmet midlene kom fra, f.eks. Helse høst (2021)"`
	Funder       string         `toml:"funder" doc:"Hvem som ga midlene, f.eks. Stiftelsen Dam"`
	Leader       string         `toml:"leader" doc:"Prosjektleder"`
	Start        Date           `toml:"start" req:"true" doc:"Startdato"`
	End          Date           `toml:"end" doc:"Sluttdato"`
	Status       string         `toml:"status" req:"true" vocab:"statuses" doc:"Prosjektets status: planned (planlagt), ongoing (pågår) eller completed (avsluttet)"`
	AudienceText string         `toml:"audience_text" doc:"Målgruppen med egne ord"`
	TargetReach  int            `toml:"target_reach" doc:"Hvor mange i målgruppen prosjektet planlegger å nå"`
	Grants       map[string]int `toml:"grants" doc:"Bevilgede kroner per år, f.eks. 2022 = 600000"`

	// GrantList is Grants checked and sorted by year.
	GrantList []Grant `toml:"-"`
}

// A Grant is the money granted for one year.
type Grant struct {
	Year   int
	Amount int // kroner
}

// An Activity is something people can take part in.
type Activity struct {
	File          `toml:"-"`
	Title         string   `toml:"title" req:"true" doc:"Hva aktiviteten heter"`
	Summary       string   `toml:"summary" req:"true" doc:"Én eller to setninger: hva skjer, og for hvem"`
	Organisation  string   `toml:"organisation" req:"true" vocab:"organisations" doc:"Organisasjonen som arrangerer (filnavnet i content/organisations/)"`
	Chapter       string   `toml:"chapter" doc:"Lokallaget som arrangerer (id fra organisasjonens chapters)"`
	Project       string   `toml:"project" vocab:"projects" doc:"Prosjektet aktiviteten hører til (filnavnet i content/projects/)"`
	Category      string   `toml:"category" req:"true" vocab:"categories" doc:"Kategori"`
	Audiences     []string `toml:"audiences" req:"true" vocab:"audiences" doc:"Hvem aktiviteten er for"`
	Mode          string   `toml:"mode" req:"true" vocab:"modes" doc:"Hvordan man deltar: digital (på nett), physical (fysisk) eller hybrid (begge)"`
	Languages     []string `toml:"languages" vocab:"languages" doc:"Språk aktiviteten foregår på, f.eks. [\"nb\"]"`
	Cost          string   `toml:"cost" doc:"Hva det koster, f.eks. Gratis"`
	Accessibility string   `toml:"accessibility" doc:"Tilgjengelighet: trinnfri adkomst, teleslynge, tegnspråk …"`
	Draft         bool     `toml:"draft" doc:"true holder aktiviteten utenfor nettstedet"`
	Reviewed      Date     `toml:"reviewed" doc:"Dato da noen sist kontrollerte opplysningene"`
	Language      string   `toml:"language" vocab:"site-languages" doc:"Språket denne filen er skrevet på, hvis et annet enn nettstedets"`
	Schedule      Schedule `toml:"schedule" req:"true" doc:"Når aktiviteten er"`
	Place         Place    `toml:"place" doc:"Hvor aktiviteten er (for physical og hybrid)"`
	Online        Online   `toml:"online" doc:"Hvordan man deltar på nett (for digital og hybrid)"`
	Signup        Signup   `toml:"signup" doc:"Påmelding"`
	Contact       Contact  `toml:"contact" doc:"Hvem man kan kontakte"`

	rule *schedule.Rule // Schedule.Repeat, parsed by validation
	url  string         // URL(), made when parsed

	// What validation found in the file alone (activityAlone), once
	// checked is set.
	checked  bool
	problems diag.List
	// What checking its references found, against the version refsGen
	// of what they point at (see Cache.refsVersion).
	refsGen     uint64
	refProblems diag.List
}

// Rule returns the activity's recurrence, or nil if it meets once.
func (a *Activity) Rule() *schedule.Rule { return a.rule }

// A Schedule says when an activity happens.
type Schedule struct {
	Start  DateTime `toml:"start" req:"true" doc:"Første gang: dato og klokkeslett, f.eks. \"2026-01-06 19:00\" (med anførselstegn)"`
	End    DateTime `toml:"end" doc:"Slutt første gang, f.eks. \"2026-01-06 20:30\""`
	Repeat string   `toml:"repeat" doc:"Gjentakelse (RFC 5545 RRULE), f.eks. FREQ=MONTHLY;BYDAY=1TU"`
	Until  DateTime `toml:"until" doc:"Siste mulige dato for gjentakelsen"`
}

// A Place is where a physical activity meets.
type Place struct {
	Name         string `toml:"name" doc:"Stedets navn"`
	Address      string `toml:"address" doc:"Gateadresse"`
	Postcode     string `toml:"postcode" doc:"Postnummer"`
	Municipality string `toml:"municipality" doc:"Kommune"`
	County       string `toml:"county" vocab:"counties" doc:"Fylke"`
}

// Online says how to join a digital or hybrid activity.
type Online struct {
	Platform string `toml:"platform" doc:"Plattform, f.eks. Zoom eller Teams"`
	Join     string `toml:"join" doc:"Lenke for å delta (https://…)"`
	Public   bool   `toml:"public" doc:"true viser lenken på nettstedet og i kalendere; ellers får deltakerne den ved påmelding"`
}

// Signup says how to sign up.
type Signup struct {
	URL      string `toml:"url" doc:"Påmeldingsskjema (https://…)"`
	Email    string `toml:"email" doc:"Påmelding på e-post"`
	Phone    string `toml:"phone" doc:"Påmelding på telefon"`
	Deadline Date   `toml:"deadline" doc:"Påmeldingsfrist"`
	Capacity int    `toml:"capacity" doc:"Antall plasser"`
	Required bool   `toml:"required" doc:"true hvis påmelding er nødvendig"`
}

// Contact says whom to ask.
type Contact struct {
	Name  string `toml:"name" doc:"Hvem du kan kontakte (helst en rolle, f.eks. Gruppeledere)"`
	Email string `toml:"email" doc:"E-post"`
	Phone string `toml:"phone" doc:"Telefon"`
	Chat  string `toml:"chat" doc:"Lenke til chat (https://…)"`
}

// A Handbook is an ordered list of chapters published as HTML and PDF.
type Handbook struct {
	File         `toml:"-"`
	Title        string   `toml:"title" req:"true" doc:"Håndbokens tittel"`
	Subtitle     string   `toml:"subtitle" doc:"Undertittel"`
	Summary      string   `toml:"summary" doc:"Én eller to setninger om håndboken"`
	Organisation string   `toml:"organisation" req:"true" vocab:"organisations" doc:"Organisasjonen som gir den ut"`
	Project      string   `toml:"project" vocab:"projects" doc:"Prosjektet den kom fra"`
	Version      string   `toml:"version" doc:"Versjon, f.eks. 1.0"`
	Date         Date     `toml:"date" req:"true" doc:"Utgivelsesdato"`
	Authors      []string `toml:"authors" doc:"Forfattere"`
	Language     string   `toml:"language" vocab:"site-languages" doc:"Språket håndboken er skrevet på, hvis et annet enn nettstedets"`

	Chapters []*HandbookChapter `toml:"-"` // ordered by weight, then file name
}

// A HandbookChapter is one chapter file of a handbook.
type HandbookChapter struct {
	File     `toml:"-"`
	Title    string    `toml:"title" req:"true" doc:"Kapittelets tittel"`
	Summary  string    `toml:"summary" doc:"Én setning om kapittelet"`
	Weight   int       `toml:"weight" doc:"Rekkefølge: lavere tall kommer først"`
	Handbook *Handbook `toml:"-"`
}

// A Report is an evaluation report on a project.
type Report struct {
	File     `toml:"-"`
	Title    string   `toml:"title" req:"true" doc:"Rapportens tittel"`
	Summary  string   `toml:"summary" doc:"Én eller to setninger om hva rapporten viser"`
	Project  string   `toml:"project" req:"true" vocab:"projects" doc:"Prosjektet rapporten gjelder"`
	Kind     string   `toml:"kind" req:"true" vocab:"report-kinds" doc:"Rapporttype: midterm (midtveisevaluering), final (sluttrapport) eller annual (årsrapport)"`
	Date     Date     `toml:"date" req:"true" doc:"Dato"`
	Authors  []string `toml:"authors" doc:"Forfattere"`
	Reach    Reach    `toml:"reach" doc:"Hvor mange prosjektet har nådd; rapportsiden og PDF-en viser det mot planen, med prosent"`
	Figures  []Figure `toml:"figures" doc:"Diagrammer; rapportsiden og PDF-en tegner dem likt, hvert fulgt av tallene i en tabell"`
	Language string   `toml:"language" vocab:"site-languages" doc:"Språket rapporten er skrevet på, hvis et annet enn nettstedets"`
}

// Reach is how many people a project planned to reach and did reach.
type Reach struct {
	Planned int `toml:"planned" doc:"Planlagt antall"`
	Actual  int `toml:"actual" doc:"Faktisk antall"`
}

// A Figure is a chart in a report, with its data.
type Figure struct {
	Title   string    `toml:"title" req:"true" doc:"Diagrammets tittel"`
	Type    string    `toml:"type" req:"true" vocab:"figure-types" doc:"Diagramtype: bar (stolper) eller line (linje)"`
	Labels  []string  `toml:"labels" req:"true" doc:"Etiketter langs x-aksen"`
	Values  []float64 `toml:"values" doc:"Én verdi per etikett (tall; ikke nan eller inf)"`
	Series  []Series  `toml:"series" doc:"Flere dataserier i samme diagram"`
	Unit    string    `toml:"unit" doc:"Enhet, f.eks. deltakere eller %"`
	Caption string    `toml:"caption" doc:"Forklaring under diagrammet"`
}

// A Series is one named row of values in a figure.
type Series struct {
	Name   string    `toml:"name" req:"true" doc:"Seriens navn"`
	Values []float64 `toml:"values" req:"true" doc:"Én verdi per etikett"`
}

// A Page is a plain page: about, privacy, accessibility.
type Page struct {
	File     `toml:"-"`
	Title    string `toml:"title" req:"true" doc:"Sidens tittel"`
	Summary  string `toml:"summary" doc:"Én setning om siden"`
	Menu     int    `toml:"menu" doc:"Plass i bunnmenyen (1, 2, …); 0 betyr ikke i menyen"`
	Language string `toml:"language" vocab:"site-languages" doc:"Språket siden er skrevet på, hvis et annet enn nettstedets"`
}
