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
	objects    = []string{"egne erfaringer", "trygghet og fortrolighet", "likepersonsarbeid", "pårørendes situasjon", "mestring i hverdagen", "nettverk og vennskap", "spilleproblemer og gjeld", "psykisk helse", "ensomhet og utenforskap", "fysisk aktivitet", "god musikk og sang", "sjakk og strategi", "håndarbeid og strikking", "turer i nærmiljøet"}
	endings    = []string{"Alle er velkomne.", "Du kan være anonym.", "Det er taushetsplikt i gruppen.", "Ta gjerne med en venn.", "Kaffe og te står klart.", "Du trenger ingen forkunnskaper.", "Vi møtes hver gang, også i ferier.", "Det er lov å bare lytte."}
	adjectives = []string{"trygg", "åpen", "rolig", "inkluderende", "uformell", "fast", "liten", "varm"}
	nouns      = []string{"samtalegruppe", "nettverksgruppe", "pårørendegruppe", "kafé", "turgruppe", "korøvelse", "sjakkveld", "strikkekafé", "samling", "erfaringsmøte"}
	headings   = []string{"Hva skjer", "Slik foregår et møte", "For deg som er ny", "Praktisk informasjon", "Trygt og fortrolig", "Hvem kan delta", "Hva koster det"}
)

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

func sentence(r *rand.Rand) string {
	switch r.IntN(3) {
	case 0:
		return fmt.Sprintf("%s %s %s.", pick(r, subjects), pick(r, verbs), pick(r, objects))
	case 1:
		return fmt.Sprintf("Dette er en %s %s der vi snakker om %s og %s.", pick(r, adjectives), pick(r, nouns), pick(r, objects), pick(r, objects))
	}
	return pick(r, endings)
}

// body writes 150–400 words of Markdown: headings, paragraphs, a list and
// a link.
func body(r *rand.Rand) string {
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
				para = append(para, sentence(r))
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
