package search

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"pårørende", "parorende"},
		{"paarorende", "parorende"},
		{"parorende", "parorende"},
		{"ærøy", "aeroy"},
		{"ålesund", "alesund"},
		{"aalesund", "alesund"},
		{"kárášjohka", "karasjohka"},
		{"čáhppes", "cahppes"},
		{"đ", "d"},
		{"café", "cafe"},
		{"київ", "киів"}, // other scripts keep their letters; only marks go
	} {
		if got := fold(c.in); got != c.want {
			t.Errorf("fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestWords(t *testing.T) {
	var got []string
	words("Pårørende-gruppe for unge (16–30 år) i Ålesund! 😀Emoji, e-post: a@b.no, «sitat» x", func(w string) { got = append(got, w) })
	want := []string{"pårørende", "gruppe", "for", "unge", "16", "30", "år", "ålesund", "emoji", "post", "no", "sitat"}
	if !slices.Equal(got, want) {
		t.Errorf("words = %q\nwant     %q", got, want)
	}
	got = nil
	words(strings.Repeat("a", maxWord+1)+" ok", func(w string) { got = append(got, w) })
	if !slices.Equal(got, []string{"ok"}) {
		t.Errorf("a word longer than %d characters was kept: %q", maxWord, got)
	}
}

// Norwegian inflections meet at one stem, so one search finds them all.
func TestStemsMeet(t *testing.T) {
	for _, group := range [][]string{
		{"gruppe", "grupper", "gruppene", "gruppen"},
		{"pårørende", "pårørendes"},
		{"samling", "samlinger", "samlingene", "samlingen"},
		{"spill", "spillet", "spillene"},
	} {
		want := newTerm(group[0])
		for _, w := range group[1:] {
			got := newTerm(w)
			if got.word[:got.stemLen] != want.word[:want.stemLen] {
				t.Errorf("%s has stem %q, %s has %q", w, got.word[:got.stemLen], group[0], want.word[:want.stemLen])
			}
		}
	}
	// Stems are prefixes of their words, which the shards rely on.
	if tm := newTerm("pårørende"); tm.word != "parorende" || tm.stemLen != len("paror") {
		t.Errorf("newTerm(pårørende) = %+v", tm)
	}
}

func TestDecompound(t *testing.T) {
	docs := []Doc{
		{Title: "Pårørendegruppe", Body: "pårørende gruppe samtale samtalegruppe likeperson likepersonsarbeid arbeid"},
	}
	d := invert(docs, nil, false)
	parts := func(w string) []string {
		var out []string
		for _, p := range d.entries[d.byWord[w]].parts {
			out = append(out, d.entries[p].word)
		}
		return out
	}
	for w, want := range map[string][]string{
		"parorendegruppe":   {"parorende", "gruppe"},
		"samtalegruppe":     {"samtale", "gruppe"},
		"likepersonsarbeid": {"likeperson", "arbeid"},
		"parorende":         nil,
	} {
		if got := parts(w); !slices.Equal(got, want) {
			t.Errorf("parts of %s = %q, want %q", w, got, want)
		}
	}
}

// The shards decode to the postings the dictionary holds, whichever way
// each list was written (gaps, bitmap, reference to a shared stem).
func TestShardsRoundTrip(t *testing.T) {
	var docs []Doc
	for i := range 3000 {
		body := "gruppe"
		if i%3 == 0 {
			body += " grupper gruppene"
		}
		if i%50 == 0 {
			body += " sjelden"
		}
		docs = append(docs, Doc{Title: fmt.Sprint("Aktivitet ", i), Body: body})
	}
	d := invert(docs, nil, false)
	for _, size := range []int{1, 64, 8 << 10} {
		got := map[string][]posting{}
		sh, lists := shards(d, size)
		for _, s := range sh {
			for w, p := range decodeShard(t, s.data, lists) {
				got[w] = p
			}
		}
		if size == 8<<10 && len(lists) == 0 {
			t.Error("no posting list got a file of its own")
		}
		for _, e := range d.entries {
			if want := d.posts[e.group]; !slices.Equal(got[e.word], want) {
				t.Errorf("size %d: %s decodes to %d postings, want %d", size, e.word, len(got[e.word]), len(want))
			}
		}
	}
}

// decodeShard is the client's decoder in Go, for the round trip.
func decodeShard(t *testing.T, b []byte, lists [][]byte) map[string][]posting {
	out := map[string][]posting{}
	var order []string
	prev := ""
	p := 0
	uv := func() int {
		v, n := 0, 0
		for shift := 0; ; shift += 7 {
			c := b[p+n]
			n++
			v |= int(c&0x7f) << shift
			if c < 0x80 {
				break
			}
		}
		p += n
		return v
	}
	for p < len(b) {
		shared := int(b[p])
		p++
		n := uv()
		w := prev[:shared] + string(b[p:p+n])
		p += n
		prev = w
		p++ // stem length
		df := uv()
		enc := b[p]
		p++
		if enc == 3 {
			out[w] = decodeShard(t, append([]byte{0, byte(len("x")), 'x', 0}, append(binaryUvarint(df), lists[uv()]...)...), nil)["x"]
			order = append(order, w)
			continue
		}
		var docs []uint32
		switch enc {
		case 2:
			out[w] = out[order[len(order)-uv()]]
			order = append(order, w)
			continue
		case 0:
			d := 0
			for range df {
				d += uv()
				docs = append(docs, uint32(d))
			}
		case 1:
			first, span := uv(), uv()
			for i := range span * 8 {
				if b[p+i/8]&(1<<(i%8)) != 0 {
					docs = append(docs, uint32(first+i))
				}
			}
			p += span
		default:
			t.Fatalf("%s: encoding %d", w, enc)
		}
		if len(docs) != df {
			t.Fatalf("%s: %d documents, header says %d", w, len(docs), df)
		}
		posts := make([]posting, df)
		for i := range posts {
			v := b[p+i/2]
			if i%2 == 1 {
				v >>= 4
			}
			posts[i] = newPosting(docs[i], v&15)
		}
		p += (df + 1) / 2
		out[w] = posts
		order = append(order, w)
	}
	return out
}

func binaryUvarint(v int) []byte { return binary.AppendUvarint(nil, uint64(v)) }

func TestDeterministic(t *testing.T) {
	docs, opt := fixture()
	a, err := Build(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		b, _ := Build(docs, opt)
		sameFiles(t, a, b)
	}
}

// sameFiles fails t unless indexes a and b write the same files.
func sameFiles(t *testing.T, a, b *Index) {
	t.Helper()
	fa, fb := a.Files(), b.Files()
	if len(fa) != len(fb) {
		t.Fatalf("%d files, then %d", len(fa), len(fb))
	}
	for i := range fa {
		var x, y bytes.Buffer
		fa[i].Write(&x)
		fb[i].Write(&y)
		if fa[i].Path != fb[i].Path || !bytes.Equal(x.Bytes(), y.Bytes()) {
			t.Fatalf("%s differs", fa[i].Path)
		}
	}
}

// With DropBodies, Build lets the documents' text go once it has split
// it, and writes the same index; without, it leaves the documents be.
func TestDropBodies(t *testing.T) {
	docs, opt := fixture()
	want, err := Build(slices.Clone(docs), opt)
	if err != nil {
		t.Fatal(err)
	}
	for i := range docs {
		if docs[i].Body == "" {
			t.Fatalf("fixture document %d has no body", i)
		}
	}
	opt.DropBodies = true
	dropped := slices.Clone(docs)
	got, err := Build(dropped, opt)
	if err != nil {
		t.Fatal(err)
	}
	for i := range dropped {
		if dropped[i].Body != "" {
			t.Errorf("document %d kept its body", i)
		}
	}
	sameFiles(t, want, got)
}

func TestBuildRejectsUnknownValues(t *testing.T) {
	docs, opt := fixture()
	docs[0].Values[0] = []string{"atlantis"}
	if _, err := Build(docs, opt); err == nil || !strings.Contains(err.Error(), `"atlantis"`) {
		t.Errorf("err = %v, want one naming the unknown value", err)
	}
}

// fixture is a small directory: a few activities in two counties, an
// organisation, with the words the tests look for.
func fixture() ([]Doc, Options) {
	opt := Options{
		Kinds: []string{"Aktivitet", "Organisasjon"},
		Facets: []Facet{
			{Key: "fylke", Label: "Fylke", Values: []Value{{Key: "oslo", Label: "Oslo"}, {Key: "vestland", Label: "Vestland"}}},
			{Key: "modus", Label: "Form", Values: []Value{{Key: "digital", Label: "Digitalt"}, {Key: "physical", Label: "Fysisk"}}},
			{Key: "kommune", Label: "Kommune", Parent: "fylke", Values: []Value{{Key: "oslo", Label: "Oslo", Group: "oslo"}, {Key: "bergen", Label: "Bergen", Group: "vestland"}}},
			{Key: "org", Label: "Organisasjon", Lazy: true, Values: []Value{{Key: "san", Label: "Spillavhengighet Norge"}, {Key: "rk", Label: "Røde Kors"}}},
		},
	}
	act := func(title, body, county, mode string, current bool) Doc {
		d := Doc{Title: title, URL: "/aktiviteter/" + strings.ToLower(strings.Fields(title)[0]) + "/", Body: body, Current: current,
			Values: [][]string{{county}, {mode}, nil, {"rk"}}}
		if mode == "physical" {
			d.Values[2] = []string{map[string]string{"oslo": "oslo", "vestland": "bergen"}[county]}
		}
		return d
	}
	docs := []Doc{
		act("Nettverksgruppe for pårørende", "En digital gruppe og et nettverk for pårørende til spilleavhengige.", "oslo", "digital", true),
		act("Samtalegruppe for unge", "En samtale om angst og hverdagen. Gruppene er små.", "vestland", "physical", true),
		act("Kor i Bergen", "Vi synger sammen. Pårørende er velkommen i koret, pårørende, pårørende.", "vestland", "physical", true),
		act("Pårørendegruppe i Oslo", "Et fast treff for familie og venner.", "oslo", "physical", true),
		act("Pårørende før jul", "En samling som var i fjor.", "oslo", "physical", false),
		act("Sjakkklubb", "Sjakk og strategi.", "oslo", "digital", true),
		act("Turgåing", "Vi går tur i gruppe.", "vestland", "physical", true),
		act("Aktiviteter for alle", "Se aktivitetene våre.", "vestland", "digital", true),
		{Kind: 1, Title: "Spillavhengighet Norge", URL: "/organisasjoner/san/", Body: "Vi hjelper spilleavhengige og pårørende.", Current: true, Values: [][]string{{"oslo", "vestland"}, nil, nil, {"san"}}},
	}
	return docs, opt
}

// TestTextMatchesClient checks that the client splits, folds and stems
// exactly as the index does, on every word of the example site and some
// awkward ones.
func TestTextMatchesClient(t *testing.T) {
	docs, opt := fixture()
	e := startEngine(t, writeIndex(t, docs, opt))
	texts := []string{
		"Pårørende PARORENDE paarorende pårørend Ærøy Østfold Ålesund",
		"Kárášjohka Čáhppes Guovdageaidnu đ ŋ ŧ ž Áltá",
		"e-post 16–30 år İstanbul naïve café ﬁne Straße",
		"emoji 😀inni 𝐀𝐁𝐂 ordet",
		"Київ Україна مرحبا بكم Soomaali ትግርኛ",
		"kjørte hetslov bevegelse erfaringskonsulenter likepersonsarbeid spilleavhengighet",
		"bakst baks sjakk sjakks kors korps trygg trygt trygghet",
	}
	filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			data, _ := os.ReadFile(p)
			texts = append(texts, string(data))
		}
		return err
	})
	if len(texts) < 40 {
		t.Fatalf("only %d texts: is ../../content there?", len(texts))
	}
	for _, text := range texts {
		var want struct{ Words, Folded, Stems []string }
		words(text, func(w string) {
			want.Words = append(want.Words, w)
			want.Folded = append(want.Folded, fold(w))
			want.Stems = append(want.Stems, fold(stem(w)))
		})
		var got struct{ Words, Folded, Stems []string }
		e.do(t, map[string]any{"op": "words", "text": text}, &got)
		for i := range max(len(want.Words), len(got.Words)) {
			at := func(l []string) string {
				if i < len(l) {
					return l[i]
				}
				return "(none)"
			}
			if at(got.Words) != at(want.Words) || at(got.Folded) != at(want.Folded) || at(got.Stems) != at(want.Stems) {
				t.Errorf("word %d of %.40q: client %s/%s/%s, index %s/%s/%s", i, text,
					at(got.Words), at(got.Folded), at(got.Stems), at(want.Words), at(want.Folded), at(want.Stems))
				break
			}
		}
	}
}

func titles(a answer) []string { return a.Titles }

func TestSearchNorwegian(t *testing.T) {
	docs, opt := fixture()
	e := startEngine(t, writeIndex(t, docs, opt))
	relatives := []string{
		// titles first, current before past, then BM25
		"Nettverksgruppe for pårørende", "Pårørendegruppe i Oslo", "Pårørende før jul",
		"Kor i Bergen", "Spillavhengighet Norge",
	}
	for _, q := range []string{"pårørende", "Pårørende", "parorende", "PARORENDE", "paarorende", "pårørend", "parorend", "pårørendes"} {
		if got := titles(e.search(t, q, nil)); !slices.Equal(got, relatives) {
			t.Errorf("%q finds %q\nwant %q", q, got, relatives)
		}
	}
	for _, c := range []struct {
		q    string
		want []string
	}{
		// inflections and compounds: "grupper" finds gruppe, gruppene,
		// and the tails of nettverksgruppe, samtalegruppe, pårørendegruppe
		// (title matches, by score), then the body-only match
		{"grupper", []string{"Nettverksgruppe for pårørende", "Samtalegruppe for unge", "Pårørendegruppe i Oslo", "Turgåing"}},
		{"gruppene", []string{"Nettverksgruppe for pårørende", "Samtalegruppe for unge", "Pårørendegruppe i Oslo", "Turgåing"}},
		{"aktivitet", []string{"Aktiviteter for alle"}},
		{"aktivitetene", []string{"Aktiviteter for alle"}},
		// every word must match
		{"pårørende kor", []string{"Kor i Bergen"}},
		{"sjakk", []string{"Sjakkklubb"}},
		{"og", nil}, // a stop word alone is no query
		{"tubaorkester", []string{}},
	} {
		got := titles(e.search(t, c.q, nil))
		if c.want == nil {
			if len(e.search(t, c.q, nil).Results) != len(docs) {
				t.Errorf("%q: want every document (no terms), got %q", c.q, got)
			}
			continue
		}
		if !slices.Equal(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
			t.Errorf("%q finds %q\nwant %q", c.q, got, c.want)
		}
	}
}

func TestFacets(t *testing.T) {
	docs, opt := fixture()
	e := startEngine(t, writeIndex(t, docs, opt))
	a := e.search(t, "pårørende", nil)
	want := map[string]map[string]int{
		"fylke": {"oslo": 4, "vestland": 2}, // the organisation is in both
		"modus": {"digital": 1, "physical": 3},
	}
	for k, w := range want {
		if !equalCounts(a.Counts[k], w) {
			t.Errorf("counts for %s = %v, want %v", k, a.Counts[k], w)
		}
	}
	if _, ok := a.Counts["kommune"]; ok {
		t.Errorf("municipalities were counted before a county was chosen: the facet is loaded on demand")
	}
	if _, ok := a.Counts["org"]; ok {
		t.Errorf("organisations were counted before anyone asked: the facet is lazy")
	}
	a = e.search(t, "pårørende", map[string][]string{"org": {"san"}})
	if got := titles(a); !slices.Equal(got, []string{"Spillavhengighet Norge"}) {
		t.Errorf("org=san finds %q", got)
	}
	if w := map[string]int{"san": 1, "rk": 4}; !equalCounts(a.Counts["org"], w) {
		t.Errorf("organisation counts = %v, want %v", a.Counts["org"], w)
	}
	// AND across facets, OR within one; a facet's own counts ignore its
	// own filter, so the other values still show what they would give.
	a = e.search(t, "pårørende", map[string][]string{"fylke": {"oslo"}, "modus": {"physical"}})
	if got := titles(a); !slices.Equal(got, []string{"Pårørendegruppe i Oslo", "Pårørende før jul"}) {
		t.Errorf("oslo+physical finds %q", got)
	}
	if w := map[string]int{"oslo": 2, "vestland": 1}; !equalCounts(a.Counts["fylke"], w) {
		t.Errorf("county counts under modus=physical = %v, want %v", a.Counts["fylke"], w)
	}
	if w := map[string]int{"digital": 1, "physical": 2}; !equalCounts(a.Counts["modus"], w) {
		t.Errorf("mode counts under fylke=oslo = %v, want %v", a.Counts["modus"], w)
	}
	if w := map[string]int{"oslo": 2}; !equalCounts(a.Counts["kommune"], w) {
		t.Errorf("municipality counts = %v, want %v", a.Counts["kommune"], w)
	}
	a = e.search(t, "pårørende", map[string][]string{"fylke": {"oslo", "vestland"}, "modus": {"digital"}})
	if got := titles(a); !slices.Equal(got, []string{"Nettverksgruppe for pårørende"}) {
		t.Errorf("(oslo OR vestland) AND digital finds %q", got)
	}
	// No query: the filters alone, in the order given.
	a = e.search(t, "", map[string][]string{"kommune": {"bergen"}})
	if got := titles(a); !slices.Equal(got, []string{"Samtalegruppe for unge", "Kor i Bergen", "Turgåing"}) {
		t.Errorf("kommune=bergen finds %q", got)
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// A prefix whose words fall in several shards finds them all: with a
// shard per word, "grupp" spans gruppe, gruppeleder, grupper, gruppene.
func TestPrefixAcrossShards(t *testing.T) {
	docs := []Doc{
		{Title: "A", Body: "gruppe"},
		{Title: "B", Body: "gruppeleder"},
		{Title: "C", Body: "grupper"},
		{Title: "D", Body: "gruppene"},
		{Title: "E", Body: "gruppering"},
		{Title: "F", Body: "grus"},
	}
	opt := Options{Kinds: []string{"Aktivitet"}, ShardBytes: 1}
	for i := range docs {
		docs[i].Current = true
	}
	e := startEngine(t, writeIndex(t, docs, opt))
	var sh struct{ Shards []int }
	e.do(t, map[string]any{"op": "shards", "prefix": "grupp"}, &sh)
	if len(sh.Shards) < 4 {
		t.Fatalf("prefix grupp spans shards %v; the test needs several", sh.Shards)
	}
	got := titles(e.search(t, "grupp", nil))
	slices.Sort(got)
	if want := []string{"A", "B", "C", "D", "E"}; !slices.Equal(got, want) {
		t.Errorf("grupp finds %q, want %q", got, want)
	}
	// The default shard size gives one shard here: same answer.
	opt.ShardBytes = 0
	e = startEngine(t, writeIndex(t, docs, opt))
	got = titles(e.search(t, "grupp", nil))
	slices.Sort(got)
	if want := []string{"A", "B", "C", "D", "E"}; !slices.Equal(got, want) {
		t.Errorf("one shard: grupp finds %q, want %q", got, want)
	}
}

// Common stems have posting files of their own: a query fetches the
// lists of the words it matches, not those of every word beside them.
func TestCommonWords(t *testing.T) {
	var docs []Doc
	for i := range 3000 {
		body := "gruppe"
		if i%3 == 0 {
			body += " gruppeleder"
		}
		if i%100 == 0 {
			body += " sjelden"
		}
		docs = append(docs, Doc{Title: fmt.Sprint("Aktivitet ", i), Body: body, Current: true})
	}
	e := startEngine(t, writeIndex(t, docs, Options{Kinds: []string{"Aktivitet"}}))
	common, rare := e.search(t, "gruppe", nil), e.search(t, "sjelden", nil)
	if len(common.Results) != 3000 || len(rare.Results) != 30 {
		t.Fatalf("gruppe: %d results, sjelden: %d", len(common.Results), len(rare.Results))
	}
	// "grupp" is no word: it finds what it begins, gruppeleder included.
	if n := len(e.search(t, "grupp", nil).Results); n != 3000 {
		t.Errorf("grupp: %d results", n)
	}
	if n := len(e.search(t, "gruppeled", nil).Results); n != 1000 {
		t.Errorf("gruppeled: %d results", n)
	}
	var fresh answer
	e.do(t, map[string]any{"op": "search", "q": "sjelden", "docs": 0, "fresh": true}, &fresh)
	if fresh.Files != 1 {
		t.Errorf("a rare word took %d files; its postings are in the dictionary shard", fresh.Files)
	}
	e.do(t, map[string]any{"op": "search", "q": "gruppe", "docs": 0, "fresh": true}, &fresh)
	if fresh.Files != 2 {
		t.Errorf("a common word took %d files, want its shard and its list", fresh.Files)
	}
}

// A Build with a cache writes what a Build without one writes, after
// documents changed, came and went; Quick compresses differently and
// means the same.
func TestCacheGivesTheSameIndex(t *testing.T) {
	docs, opt := fixture()
	files := func(ix *Index) map[string]string {
		out := map[string]string{}
		for _, f := range ix.Files() {
			var b bytes.Buffer
			f.Write(&b)
			out[f.Path] = b.String()
		}
		return out
	}
	cache := &Cache{}
	for step, change := range []func([]Doc) []Doc{
		func(d []Doc) []Doc { return d },
		func(d []Doc) []Doc { return d }, // all from the cache
		func(d []Doc) []Doc { d[2].Title = "Kor og korps i Bergen"; return d },
		func(d []Doc) []Doc { return append(d[:1], d[2:]...) },
		func(d []Doc) []Doc {
			return append(d, Doc{Title: "Ny strikkekafé", Body: "Strikking og prat.", Values: [][]string{{"oslo"}, {"physical"}, {"oslo"}, {"rk"}}})
		},
	} {
		docs = change(docs)
		want, err := Build(docs, opt)
		if err != nil {
			t.Fatal(err)
		}
		cached := opt
		cached.Cache = cache
		got, err := Build(docs, cached)
		if err != nil {
			t.Fatal(err)
		}
		if !maps.Equal(files(got), files(want)) {
			t.Errorf("step %d: the index built with the cache differs from one built without", step)
		}
		if len(cache.docs) != len(docs) {
			t.Errorf("step %d: the cache holds %d documents, the site %d", step, len(cache.docs), len(docs))
		}
	}
	quick := opt
	quick.Quick = true
	ix, _ := Build(docs, quick)
	e := startEngine(t, writeIndex(t, docs, quick))
	if got := titles(e.search(t, "strikking", nil)); !slices.Equal(got, []string{"Ny strikkekafé"}) || len(ix.Files()) == 0 {
		t.Errorf("quick index: strikking finds %q", got)
	}
}
