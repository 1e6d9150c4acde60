package pdf

import (
	"math"
	"strings"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// mmPerPt converts points to millimetres, the unit of every layout value.
const mmPerPt = 25.4 / 72

// metrics measures text in one document's fonts. Widths come from the
// fonts' advance widths rounded to 1/1000 em per glyph, as fpdf writes
// them into the PDF, so a run drawn with one Text call is exactly as wide
// as measured. Results are cached per rune and per word: layout measures
// the same words over and over. A metrics is not safe for concurrent use;
// each document has its own.
type metrics struct {
	fonts *Fonts
	buf   sfnt.Buffer
	runes [numFaces]map[rune]int32 // width in 1/1000 em; -1: no glyph
	words [numFaces]map[string]int32
}

func newMetrics(f *Fonts) *metrics {
	m := &metrics{fonts: f}
	for i := range numFaces {
		m.runes[i] = make(map[rune]int32, 128)
		m.words[i] = make(map[string]int32, 1024)
	}
	return m
}

// glyph returns the width of r in face f in 1/1000 em, or -1 if the font
// has no glyph for it. Runes outside the Basic Multilingual Plane count as
// missing whatever the font says: fpdf's width table stops at U+FFFF.
func (m *metrics) glyph(f Face, r rune) int32 {
	if w, ok := m.runes[f][r]; ok {
		return w
	}
	w := int32(-1)
	ff := &m.fonts.faces[f]
	if r <= 0xFFFF {
		if g, err := ff.font.GlyphIndex(&m.buf, r); err == nil && g != 0 {
			ppem := fixed.Int26_6(ff.upem * 64)
			if adv, err := ff.font.GlyphAdvance(&m.buf, g, ppem, font.HintingNone); err == nil {
				w = int32(math.Round(1000 * float64(adv) / 64 / ff.upem))
			} else {
				w = 0
			}
		}
	}
	m.runes[f][r] = w
	return w
}

// has reports whether face f can show r.
func (m *metrics) has(f Face, r rune) bool { return m.glyph(f, r) >= 0 }

// units returns the width of s in face f in 1/1000 em. s must be clean
// (see clean): a missing glyph counts as zero.
func (m *metrics) units(f Face, s string) int32 {
	if w, ok := m.words[f][s]; ok {
		return w
	}
	var w int32
	for _, r := range s {
		w += max(0, m.glyph(f, r))
	}
	if len(s) <= 32 {
		m.words[f][s] = w
	}
	return w
}

// width returns the width of s in face f at size pt, in millimetres.
func (m *metrics) width(f Face, size float64, s string) float64 {
	return float64(m.units(f, s)) * size / 1000 * mmPerPt
}

// Fallback is printed in place of a character the fonts cannot show,
// such as an emoji.
const Fallback = "\uFFFD"

// clean returns s with every character face f cannot show replaced by
// Fallback (one per run of such characters, so an emoji sequence gives
// one), invisible emoji joiners and variation selectors removed, and
// control characters as spaces, invalid UTF-8 as Fallback (fpdf panics
// on it). It returns the characters it replaced.
func (m *metrics) clean(f Face, s string) (string, []string) {
	ok := true
	for _, r := range s {
		if r < 0x20 || r == 0x7F || r == 0xAD || r == utf8.RuneError || !m.has(f, r) {
			ok = false
			break
		}
	}
	if ok {
		return s, nil
	}
	var b strings.Builder
	var bad []string
	var cur strings.Builder // the run of replaced characters
	flush := func() {
		if cur.Len() > 0 {
			bad = append(bad, cur.String())
			b.WriteString(m.fallback(f))
			cur.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			flush()
			b.WriteString(m.fallback(f))
		case r == 0xAD: // soft hyphen: we do not hyphenate
		case r < 0x20 || r == 0x7F:
			flush()
			b.WriteByte(' ')
		case invisible(r):
			if cur.Len() > 0 {
				cur.WriteRune(r)
			}
		case !m.has(f, r):
			cur.WriteRune(r)
		default:
			flush()
			b.WriteRune(r)
		}
	}
	flush()
	return b.String(), bad
}

// fallback returns Fallback, or "?" if face f has no glyph for it.
func (m *metrics) fallback(f Face) string {
	if m.has(f, []rune(Fallback)[0]) {
		return Fallback
	}
	return "?"
}

// invisible reports whether r only joins or styles its neighbours in an
// emoji sequence: zero-width joiner, variation selectors, keycap, tags.
func invisible(r rune) bool {
	return r == 0x200D || r == 0x20E3 || (r >= 0xFE00 && r <= 0xFE0F) ||
		(r >= 0xE0020 && r <= 0xE007F) || (r >= 0x1F3FB && r <= 0x1F3FF)
}
