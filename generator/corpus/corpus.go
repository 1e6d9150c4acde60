// Package corpus writes complete, valid Møteplass sites of any size for
// measuring build, search and serve: organisations with local chapters,
// projects with grants, activities spread over every county, many
// municipalities, every category, audience and mode, recurring and
// one-off schedules and Norwegian Markdown bodies of 150–400 words; plus
// a 100-page handbook and a few reports. The same size and seed give the
// same files.
package corpus

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

var (
	categories = []string{"nettverksgruppe", "samtalegruppe", "samling", "kurs", "chat", "kultur", "hobby", "tur-og-trening", "sosialt-treff"}
	audiences  = []string{"spilleavhengige", "parorende", "unge-16-30", "psykisk-helse", "likepersoner", "ensomme", "eldre", "frivillige", "fagfolk"}
	orgWords   = []string{"Likeperson", "Samtale", "Fellesskap", "Nettverk", "Møteplass", "Pårørende", "Mestring", "Hverdag", "Trygg", "Aktiv"}
	orgKinds   = []string{"forening", "forbund", "senter", "lag", "nettverk"}
)

// Write writes a site with n activities into dir, which must not exist
// or be empty.
func Write(dir string, n int, seed uint64) error {
	if n < 1 {
		return fmt.Errorf("corpus: n must be at least 1")
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("corpus: %s is not empty", dir)
	}
	g := &gen{r: rand.New(rand.NewPCG(seed, uint64(n))), out: dir}
	g.site(n)
	return g.err
}

type gen struct {
	r   *rand.Rand
	out string
	err error
}

func (g *gen) write(name, data string) {
	g.writeBytes(name, []byte(data))
}

func (g *gen) writeBytes(name string, data []byte) {
	if g.err != nil {
		return
	}
	p := filepath.Join(g.out, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		g.err = err
		return
	}
	g.err = os.WriteFile(p, data, 0o644)
}

type org struct {
	slug     string
	chapters []chapter
}

type chapter struct{ id, county, municipality string }

func (g *gen) site(n int) {
	g.write("site.toml", siteToml)
	norgs := max(5, min(500, n/200))
	orgs := make([]org, norgs)
	for i := range orgs {
		orgs[i] = g.organisation(i)
		g.project(i, orgs[i].slug)
	}
	for i := range n {
		g.activity(i, orgs[g.r.IntN(len(orgs))])
	}
	g.handbook(orgs[0].slug)
	for i := range 3 {
		g.report(i)
	}
	g.write("content/pages/om.md", "+++\ntitle = \"Om nettstedet\"\nmenu = 1\n+++\nEt generert nettsted for å måle Møteplass.\n")
}

func (g *gen) organisation(i int) org {
	name := fmt.Sprintf("%s%s %s", pick(g.r, orgWords), strings.ToLower(pick(g.r, orgWords)), pick(g.r, orgKinds))
	o := org{slug: fmt.Sprintf("org-%03d", i)}
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = %q\nsummary = %q\nwebsite = \"https://%s.example.org/\"\nemail = \"post@%s.example.org\"\nphone = \"555 %02d %03d\"\nreviewed = 2026-%02d-%02d\n",
		name+" "+fmt.Sprint(i), sentence(g.r), o.slug, o.slug, i%100, i%1000, 1+g.r.IntN(11), 1+g.r.IntN(28))
	if i%3 == 0 {
		fmt.Fprintf(&b, "chat = \"https://%s.example.org/chat\"\n", o.slug)
	}
	for c := range 3 + g.r.IntN(8) {
		county := pick(g.r, counties)
		ch := chapter{id: fmt.Sprintf("lag-%d", c), county: county, municipality: pick(g.r, municipalities[county])}
		o.chapters = append(o.chapters, ch)
		fmt.Fprintf(&b, "\n[[chapters]]\nid = %q\ntitle = %q\nmunicipality = %q\ncounty = %q\nemail = \"%s@%s.example.org\"\n",
			ch.id, ch.municipality+" lokallag", ch.municipality, county, ch.id, o.slug)
	}
	b.WriteString("+++\n")
	b.WriteString(body(g.r))
	g.write("content/organisations/"+o.slug+".md", b.String())
	return o
}

func (g *gen) project(i int, orgSlug string) {
	year := 2021 + g.r.IntN(5)
	g.write(fmt.Sprintf("content/projects/prosjekt-%03d.md", i), fmt.Sprintf(`+++
title = "Prosjekt %d: %s"
organisation = %q
programme = "Helse høst (%d)"
funder = "Stiftelsen Dam"
leader = "Prosjektleder %d"
start = %d-01-01
end = %d-12-31
status = "ongoing"
target_reach = %d
[grants]
%d = %d
%d = %d
+++
%s`, i, pick(g.r, objects), orgSlug, year-1, i, year, year+1, 100+g.r.IntN(900), year, 100000+g.r.IntN(50)*10000, year+1, 100000+g.r.IntN(50)*10000, body(g.r)))
}

var repeats = []string{"FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=TU", "FREQ=WEEKLY;BYDAY=WE", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "FREQ=MONTHLY;BYDAY=1TU", "FREQ=MONTHLY;BYDAY=-1TH", "FREQ=MONTHLY;BYDAY=2WE"}

func (g *gen) activity(i int, o org) {
	r := g.r
	// Every county in turn, so even a small corpus covers them all; the
	// local chapter there runs it, if the organisation has one.
	county := counties[i%len(counties)]
	ch := chapter{county: county, municipality: pick(r, municipalities[county])}
	for _, c := range o.chapters {
		if c.county == county {
			ch = c
			break
		}
	}
	mode := "physical"
	switch x := r.IntN(20); {
	case x < 5:
		mode = "digital"
	case x < 8:
		mode = "hybrid"
	}
	category := pick(r, categories)
	t := topics[category]
	title := fmt.Sprintf("%s %s %d", strings.ToUpper(pick(r, adjectives)[:1])+pick(r, adjectives)[1:], noun(r, &t), i)
	title = strings.ToUpper(title[:1]) + title[1:]
	aud := []string{pick(r, audiences)}
	if r.IntN(2) == 0 {
		if a := pick(r, audiences); a != aud[0] {
			aud = append(aud, a)
		}
	}
	start := time.Date(2025+r.IntN(2), time.Month(1+r.IntN(12)), 1+r.IntN(28), 17+r.IntN(4), []int{0, 30}[r.IntN(2)], 0, 0, time.UTC)
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = %q\nsummary = %q\norganisation = %q\n", title, topicSentence(r, &t)+" "+topicSentence(r, &t), o.slug)
	if ch.id != "" {
		fmt.Fprintf(&b, "chapter = %q\n", ch.id)
	}
	if r.IntN(4) == 0 {
		fmt.Fprintf(&b, "project = \"prosjekt-%s\"\n", strings.TrimPrefix(o.slug, "org-"))
	}
	fmt.Fprintf(&b, "category = %q\naudiences = [%q", category, aud[0])
	for _, a := range aud[1:] {
		fmt.Fprintf(&b, ", %q", a)
	}
	fmt.Fprintf(&b, "]\nmode = %q\nlanguages = [\"nb\"]\ncost = \"Gratis\"\nreviewed = 2026-%02d-%02d\n", mode, 1+r.IntN(11), 1+r.IntN(28))
	fmt.Fprintf(&b, "\n[schedule]\nstart = \"%s\"\nend = \"%s\"\n", start.Format("2006-01-02 15:04"), start.Add(90*time.Minute).Format("2006-01-02 15:04"))
	if r.IntN(5) < 3 {
		fmt.Fprintf(&b, "repeat = %q\n", pick(r, repeats))
	}
	if mode != "digital" {
		fmt.Fprintf(&b, "\n[place]\nname = %q\naddress = \"%s %d\"\npostcode = \"%04d\"\nmunicipality = %q\ncounty = %q\n",
			pick(r, venues), pick(r, streets), 1+r.IntN(80), 1000+r.IntN(8999), ch.municipality, ch.county)
	}
	if mode != "physical" {
		fmt.Fprintf(&b, "\n[online]\nplatform = %q\n", pick(r, []string{"Zoom", "Teams", "Whereby"}))
	}
	fmt.Fprintf(&b, "\n[contact]\nname = \"Gruppeledere\"\nemail = \"post@%s.example.org\"\n+++\n", o.slug)
	b.WriteString(topicBody(r, &t))
	g.write(fmt.Sprintf("content/activities/%s/aktivitet-%06d.md", ch.county, i), b.String())
}

// handbook writes a handbook of about 100 A4 pages: 12 chapters with
// sections, lists, tables, a quote, footnotes and an image.
func (g *gen) handbook(orgSlug string) {
	dir := "content/handbooks/stor-handbok/"
	g.write(dir+"index.md", fmt.Sprintf("+++\ntitle = \"Den store håndboken\"\nsubtitle = \"Alt om likepersonsarbeid\"\norganisation = %q\nversion = \"1.0\"\ndate = 2026-01-15\nauthors = [\"Prosjektgruppa\"]\n+++\nForord.\n", orgSlug))
	g.writeBytes(dir+"figur.png", pngImage())
	for c := 1; c <= 12; c++ {
		var b strings.Builder
		fmt.Fprintf(&b, "+++\ntitle = \"Kapittel om %s\"\nweight = %d\n+++\n", pick(g.r, objects), c)
		for s := 1; s <= 6; s++ {
			fmt.Fprintf(&b, "## %s %d\n\n", pick(g.r, headings), s)
			for p := 0; p < 4; p++ {
				for k := 0; k < 6; k++ {
					b.WriteString(sentence(g.r) + " ")
				}
				b.WriteString("\n\n")
			}
			fmt.Fprintf(&b, "### Sjekkliste\n\n- [ ] %s\n- [x] %s\n\n1. %s\n2. %s\n   - %s\n\n", pick(g.r, endings), pick(g.r, endings), pick(g.r, endings), pick(g.r, endings), pick(g.r, endings))
			fmt.Fprintf(&b, "| Tid | Hva | Hvem |\n| --- | --- | --- |\n| 19.00 | Velkommen | Gruppeleder |\n| 19.15 | Runde | Alle |\n| 20.15 | Avslutning | Gruppeleder |\n\n")
			fmt.Fprintf(&b, "> %s\n\nSe også **viktig** og *nyttig* `kode` og ~~gammelt~~.[^%d]\n\n[^%d]: Kilde: %s.\n\n", sentence(g.r), s, s, pick(g.r, objects))
			if s == 3 {
				b.WriteString("![Et eksempel på en figur](figur.png)\n\n---\n\n")
			}
		}
		g.write(fmt.Sprintf("%s%02d-kapittel.md", dir, c), b.String())
	}
}

func (g *gen) report(i int) {
	kind := []string{"midterm", "final", "annual"}[i%3]
	g.write(fmt.Sprintf("content/reports/rapport-%d.md", i), fmt.Sprintf(`+++
title = "Rapport %d"
project = "prosjekt-%03d"
kind = %q
date = 2026-06-%02d
[reach]
planned = 500
actual = %d
[[figures]]
title = "Deltakere per kvartal"
type = "bar"
labels = ["K1", "K2", "K3", "K4"]
values = [%d, %d, 0, %d]
unit = "deltakere"
[[figures]]
title = "Grupper i drift"
type = "line"
labels = ["jan", "feb", "mar", "apr"]
unit = "grupper"
[[figures.series]]
name = "Digitale"
values = [2, 3, 5, 6]
[[figures.series]]
name = "Fysiske"
values = [4, 4, 3, 5]
+++
## Sammendrag

%s

## Hva vi har gjort

%s

## Hva vi har lært

%s`, i, i, kind, 10+i, 300+g.r.IntN(300), g.r.IntN(100), g.r.IntN(100), g.r.IntN(100), body(g.r), body(g.r), body(g.r)))
}

func pngImage() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 320, 180))
	for y := range 180 {
		for x := range 320 {
			img.Set(x, y, color.RGBA{11, uint8(93 + y/4), uint8(102 + x/8), 255})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

const siteToml = `title = "Møteplass (generert)"
description = "Et generert nettsted for å måle Møteplass."
base_url = "https://korpus.example.org/"
language = "nb"
page_size = 50

[[categories]]
key = "nettverksgruppe"
title = "Nettverksgrupper"
[[categories]]
key = "samtalegruppe"
title = "Samtalegrupper"
[[categories]]
key = "samling"
title = "Samlinger og nettverksmøter"
[[categories]]
key = "kurs"
title = "Kurs og opplæring"
[[categories]]
key = "chat"
title = "Chat og digital prat"
[[categories]]
key = "kultur"
title = "Kor, musikk og kultur"
[[categories]]
key = "hobby"
title = "Sjakk, håndarbeid og hobby"
[[categories]]
key = "tur-og-trening"
title = "Tur og trening"
[[categories]]
key = "sosialt-treff"
title = "Sosiale treff"

[[audiences]]
key = "spilleavhengige"
title = "Spilleavhengige"
[[audiences]]
key = "parorende"
title = "Pårørende"
[[audiences]]
key = "unge-16-30"
title = "Unge 16–30 år"
[[audiences]]
key = "psykisk-helse"
title = "Psykisk helse"
[[audiences]]
key = "likepersoner"
title = "Likepersoner og erfaringskonsulenter"
[[audiences]]
key = "ensomme"
title = "Mer sosial kontakt"
[[audiences]]
key = "eldre"
title = "Eldre"
[[audiences]]
key = "frivillige"
title = "Frivillige"
[[audiences]]
key = "fagfolk"
title = "Ansatte i helsetjenesten"
`
