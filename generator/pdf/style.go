package pdf

// The page: A4 portrait with generous margins. Every length is in
// millimetres; font sizes are in points.
const (
	pageW = 210.0
	pageH = 297.0

	marginLeft   = 25.0
	marginRight  = 25.0
	marginTop    = 27.0 // first line of text
	marginBottom = 24.0 // below the last line of text

	headerY = 15.5 // baseline of the running header
	footerY = 284.0

	textW   = pageW - marginLeft - marginRight
	textTop = marginTop
	textBot = pageH - marginBottom
)

// Colours: one accent, calm greys, dark slate text.
var (
	colText    = Color{0x1f, 0x2a, 0x30}
	colMuted   = Color{0x5b, 0x6b, 0x73}
	colAccent  = Color{0x0b, 0x5d, 0x66} // deep teal
	colTint    = Color{0xe3, 0xef, 0xf0} // accent at 12 %: table heads, fact boxes
	colTintBar = Color{0x8f, 0xbd, 0xc2} // block quote bar, link underline
	colRule    = Color{0xc8, 0xd2, 0xd5}
	colCodeBg  = Color{0xf3, 0xf5, 0xf6}
	colStripe  = Color{0xf7, 0xf9, 0xfa}
	colWhite   = Color{0xff, 0xff, 0xff}
)

// A TextStyle is the look of a block of text: size, line height, colour
// and face of its plain runs.
type TextStyle struct {
	Size    float64 // points
	Leading float64 // line height in mm
	Face    Face
	Color   Color
}

var (
	styleBody      = TextStyle{Size: 10.5, Leading: 5.4, Face: Regular, Color: colText}
	styleQuote     = TextStyle{Size: 10.5, Leading: 5.4, Face: Italic, Color: colMuted}
	styleTable     = TextStyle{Size: 9.2, Leading: 4.5, Face: Regular, Color: colText}
	styleTableHead = TextStyle{Size: 9.2, Leading: 4.5, Face: Bold, Color: colAccent}
	styleFootnote  = TextStyle{Size: 8.8, Leading: 4.3, Face: Regular, Color: colText}
	styleCaption   = TextStyle{Size: 8.8, Leading: 4.3, Face: Italic, Color: colMuted}
	styleCode      = TextStyle{Size: 8.6, Leading: 4.2, Face: Mono, Color: colText}
	styleSmall     = TextStyle{Size: 8.5, Leading: 4.2, Face: Regular, Color: colMuted}
)

// Headings by depth below the chapter title: 1 is a section (1.1),
// 2 a subsection (1.1.1), 3 and deeper the rest.
var headingStyles = [...]struct {
	TextStyle
	before, after float64
}{
	{TextStyle{Size: 14.5, Leading: 7.0, Face: Bold, Color: colAccent}, 8.5, 2.8},
	{TextStyle{Size: 12, Leading: 6.0, Face: Bold, Color: colText}, 6.5, 2.0},
	{TextStyle{Size: 10.5, Leading: 5.4, Face: BoldItalic, Color: colText}, 5.0, 1.4},
}

// Vertical rhythm between blocks.
const (
	gapTight   = 1.0 // between items of a tight list
	gapBlock   = 4.5 // around code, tables, figures, quotes
	listIndent = 7.0 // indentation of list item text
	quoteInset = 7.0
)

// ptToMM converts a font size to millimetres.
func ptToMM(pt float64) float64 { return pt * mmPerPt }

// baseline returns the baseline of a line of text of size pt set in a
// line box of height lh whose top is at top: capitals sit centred in the
// box.
func baseline(top, lh, pt float64) float64 {
	return top + (lh+0.714*ptToMM(pt))/2
}
