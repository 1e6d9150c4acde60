package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Words and sentences for realistic Norwegian bodies. The vocabulary is
// that of the example site, so search and stemming meet real words.
var (
	subjects   = []string{"Gruppen", "Samtalen", "Møtet", "Treffet", "Kurset", "Likepersonen", "Gruppelederen", "Fellesskapet", "Samlingen", "Turgruppa"}
	verbs      = []string{"gir rom for", "handler om", "bygger på", "legger vekt på", "begynner med", "avsluttes med", "åpner for", "tar utgangspunkt i"}
	objects    = []string{"egne erfaringer", "trygghet og fortrolighet", "mestring i hverdagen", "nettverk og vennskap", "fellesskap og tilhørighet", "det som er viktig for deg", "små skritt fremover", "håp og muligheter"}
	endings    = []string{"Alle er velkomne.", "Du kan være anonym.", "Det er taushetsplikt i gruppen.", "Ta gjerne med en venn.", "Kaffe og te står klart.", "Du trenger ingen forkunnskaper.", "Vi møtes hver gang, også i ferier.", "Det er lov å bare lytte."}
	adjectives = []string{"trygg", "åpen", "rolig", "inkluderende", "uformell", "fast", "liten", "varm"}
	nouns      = []string{"gruppe", "møteplass", "treff", "samling", "kveld", "sosial møteplass"}
	headings   = []string{"Hva skjer", "Slik foregår et møte", "For deg som er ny", "Praktisk informasjon", "Trygt og fortrolig", "Hvem kan delta", "Hva koster det"}
)

// A topic is what an activity is about: the words its text is mostly
// made of. A chess club's page talks about chess, not gambling debt, so
// topical words are rare across the site and common words common, as in
// a real directory; search is measured on that shape.
type topic struct {
	nouns, objects []string
}

var topics = map[string]topic{
	"nettverksgruppe": {[]string{"nettverksgruppe", "pårørendegruppe", "erfaringsmøte", "selvhjelpsgruppe"},
		[]string{"spilleproblemer og gjeld", "pårørendes situasjon", "veien ut av pengespill", "skam og åpenhet", "økonomi og gjeldsrådgivning"}},
	"samtalegruppe": {[]string{"samtalegruppe", "samtalekveld", "ungdomsgruppe", "mestringsgruppe"},
		[]string{"angst og uro", "psykisk helse", "mestring i hverdagen", "skolehverdag og press", "søvn og stress"}},
	"samling": {[]string{"samling", "fellessamling", "erfaringsmøte", "likepersonsamling"},
		[]string{"likepersonsarbeid", "gjensidige relasjoner", "Intentional Peer Support", "erfaringskompetanse", "brukermedvirkning"}},
	"kurs": {[]string{"kurs", "kurskveld", "opplæring", "grunnkurs"},
		[]string{"gruppelederrollen", "taushetsplikt og trygghet", "samtaleteknikk", "likepersonsarbeid", "førstehjelp ved psykiske kriser"}},
	"chat": {[]string{"chat", "nettprat", "chattetjeneste", "digital prat"},
		[]string{"anonym prat", "spørsmål om rus og spill", "tanker du ikke deler med andre", "ensomhet om kvelden"}},
	"kultur": {[]string{"korøvelse", "allsang", "konsert", "musikkverksted"},
		[]string{"god musikk og sang", "felles sangglede", "stemmer og noter", "kultur og opplevelser"}},
	"hobby": {[]string{"sjakkveld", "strikkekafé", "husflidskveld", "hobbyverksted"},
		[]string{"sjakk og strategi", "håndarbeid og strikking", "treskjæring og snekring", "brettspill og quiz"}},
	"tur-og-trening": {[]string{"turgruppe", "gåtur", "trimgruppe", "fjelltur"},
		[]string{"turer i nærmiljøet", "fysisk aktivitet", "frisk luft og bevegelse", "turstier og utsikt"}},
	"sosialt-treff": {[]string{"kafé", "middag", "sosialt treff", "søndagskaffe"},
		[]string{"nettverk og vennskap", "ensomhet og utenforskap", "god mat og prat", "nye bekjentskaper"}},
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// object is mostly the topic's, sometimes anything.
func object(r *rand.Rand, t *topic) string {
	if t != nil && r.IntN(4) > 0 {
		return pick(r, t.objects)
	}
	return pick(r, objects)
}

func noun(r *rand.Rand, t *topic) string {
	if t != nil && r.IntN(4) > 0 {
		return pick(r, t.nouns)
	}
	return pick(r, nouns)
}

func sentence(r *rand.Rand) string { return topicSentence(r, nil) }

func topicSentence(r *rand.Rand, t *topic) string {
	switch r.IntN(3) {
	case 0:
		return fmt.Sprintf("%s %s %s.", pick(r, subjects), pick(r, verbs), object(r, t))
	case 1:
		return fmt.Sprintf("Dette er en %s %s der vi snakker om %s og %s.", pick(r, adjectives), noun(r, t), object(r, t), object(r, t))
	}
	return pick(r, endings)
}

// body writes 150–400 words of Markdown: headings, paragraphs, a list and
// a link.
func body(r *rand.Rand) string { return topicBody(r, nil) }

// topicBody is body about a topic; t may be nil.
func topicBody(r *rand.Rand, t *topic) string {
	var b strings.Builder
	target := 150 + r.IntN(251)
	words := 0
	for section := 0; words < target; section++ {
		if section > 0 {
			fmt.Fprintf(&b, "## %s\n\n", headings[(section-1)%len(headings)])
		}
		for p := 0; p < 1+r.IntN(2) && words < target; p++ {
			var para []string
			for s := 0; s < 3+r.IntN(3); s++ {
				para = append(para, topicSentence(r, t))
			}
			text := strings.Join(para, " ")
			words += len(strings.Fields(text))
			b.WriteString(text + "\n\n")
		}
		if section == 1 {
			for i := 0; i < 3; i++ {
				fmt.Fprintf(&b, "- %s\n", pick(r, endings))
			}
			b.WriteString("\nLes mer på [nettsiden vår](https://example.org/om-oss).\n\n")
			words += 20
		}
	}
	return b.String()
}
