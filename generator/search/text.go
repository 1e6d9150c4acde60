package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/norwegian"
	"golang.org/x/text/unicode/norm"
)

// Words shorter or longer than these (in characters) are not indexed: one
// letter finds everything, and a 60-letter "word" is noise or an attack.
const (
	minWord = 2
	maxWord = 40
)

// words calls fn with each word of s, lower-cased and in NFC: runs of
// letters, digits and combining marks. The search client splits queries
// the same way (tokens in search-engine.js).
func words(s string, fn func(w string)) {
	splitWords(s, nil, func(w string, lower []byte) {
		if lower != nil {
			w = string(lower)
		}
		fn(w)
	})
}

// splitWords is words without an allocation per word, for the index: fn
// gets either w, a word of s that is lower case already, or lower, a
// word lowered into buf, which fn must not keep. It returns buf, for the
// next call.
func splitWords(s string, buf []byte, fn func(w string, lower []byte)) []byte {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	start := -1
	ascii := true // the word so far is ASCII lower case: no copy needed
	emit := func(end int) {
		w := s[start:end]
		start = -1
		if ascii {
			if len(w) >= minWord && len(w) <= maxWord {
				fn(w, nil)
			}
			return
		}
		ascii = true
		buf = buf[:0]
		n := 0
		for _, r := range w {
			if r < utf8.RuneSelf {
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				buf = append(buf, byte(r))
			} else {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
			n++
		}
		if n >= minWord && n <= maxWord {
			fn("", buf)
		}
	}
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			if r >= utf8.RuneSelf || ('A' <= r && r <= 'Z') {
				ascii = false
			}
			continue
		}
		if start >= 0 {
			emit(i)
		}
	}
	if start >= 0 {
		emit(len(s))
	}
	return buf
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	// Characters outside the Basic Multilingual Plane (emoji) are not
	// words; the client drops them too, since JavaScript counts them as
	// two characters.
	return r <= 0xFFFF && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc))
}

// stem returns the Snowball (Porter) Norwegian stem of w, a lower-case
// word. Every stem is a prefix of its word: the algorithm only removes
// endings, or turns -erte/-ert into -er.
func stem(w string) string {
	env := snowballstem.NewEnv(w)
	norwegian.Stem(env)
	return env.Current()
}

// fold spells w the way Norwegians type when a keyboard has no æøå: æ as
// ae, ø as o, å and aa as a, accents dropped (Sámi č as c), so that
// "Pårørende", "parorende" and "paarorende" meet. Letters of other
// scripts are kept.
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii && !strings.Contains(w, "aa") {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range norm.NFD.String(w) {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// an accent: keep the base letter only
		default:
			if s, ok := foldRunes[r]; ok {
				b.WriteString(s)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return strings.ReplaceAll(b.String(), "aa", "a")
}

// foldRunes spells letters that do not decompose into a base letter and
// an accent. search-engine.js has the same table.
var foldRunes = map[rune]string{
	'æ': "ae", 'ø': "o", 'đ': "d", 'ŋ': "n", 'ŧ': "t", 'ß': "ss",
	'œ': "oe", 'ł': "l", 'þ': "th", 'ð': "d",
}

// A term is a word as the index keeps it: folded, with the length of its
// folded stem, so the client can tell "grupper" (stem "grupp") from
// "gruppeleder" (stem "gruppeled") by looking at the word alone.
type term struct {
	word    string // folded
	stemLen int    // bytes of word that are its stem
}

// newTerm folds the lower-case word w and finds its stem.
func newTerm(w string) term {
	f := fold(w)
	s := fold(stem(w))
	n := len(s)
	if !strings.HasPrefix(f, s) {
		// folding joined letters across the end of the stem ("aa")
		n = 0
		for n < len(s) && n < len(f) && s[n] == f[n] {
			n++
		}
	}
	return term{word: f, stemLen: n}
}

// stopWords are left out of the index and of queries: the Snowball
// Norwegian list (bokmål and nynorsk), less "kor", which is also a choir.
var stopWords = toSet(`og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg
seg men ett har om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans
hvor eller hva skal selv sjøl her alle vil bli ble blei blitt kunne inn når være kom noen noe ville
dere deres kun ja etter ned skulle denne for deg si sine sitt mot å meget hvorfor dette disse uten
hvordan ingen din ditt blir samme hvilken hvilke sånn inni mellom vår hver hvem vors hvis både bare
enn fordi før mange også slik vært båe begge siden dykk dykkar dei deira deires deim di då eg ein
eit eitt elles honom hjå ho hoe henne hennar hennes hoss hossen ingi inkje korleis korso kva kvar
kvarhelst kven kvi kvifor me medan mi mine mykje no nokon noka nokor noko nokre sia sidan so somt
somme um upp vere vore verte vort varte vart`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
