package themes

import (
	"fmt"
	"io/fs"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// WCAG 2.1 AA asks for text contrast of at least 4.5:1 (1.4.3) and, for
// what shows a control and its focus, 3:1 (1.4.11, 2.4.7). axe-core checks
// the rendered example pages (package e2e); these tests check the palette
// itself, every rule of the theme's CSS, including hover states and focus
// outlines that a page load never shows.

const (
	minText    = 4.5
	minNonText = 3.0
)

func TestTextContrast(t *testing.T) {
	for _, name := range themeCSS(t) {
		t.Run(name, func(t *testing.T) {
			sheet := parseThemeCSS(t, name)
			pairs := sheet.textPairs()
			if len(pairs) < 15 {
				t.Fatalf("only %d text/background pairs found; is the CSS parsed?", len(pairs))
			}
			for _, p := range pairs {
				if r := contrast(p.fg, p.bg); r < minText {
					t.Errorf("%s: %s on %s is %.2f:1, under %.1f:1", p.where, p.fg, p.bg, r, minText)
				}
			}
		})
	}
}

func TestFocusAndControlContrast(t *testing.T) {
	for _, name := range themeCSS(t) {
		t.Run(name, func(t *testing.T) {
			sheet := parseThemeCSS(t, name)
			pairs := sheet.nonTextPairs()
			var focus int
			for _, p := range pairs {
				if strings.Contains(p.where, "focus") {
					focus++
				}
				if r := contrast(p.fg, p.bg); r < minNonText {
					t.Errorf("%s: %s on %s is %.2f:1, under %.1f:1", p.where, p.fg, p.bg, r, minNonText)
				}
			}
			if name == "static/style.css" && focus < 2 {
				t.Errorf("only %d focus outlines checked", focus)
			}
		})
	}
}

// TestContrastCheckCatches makes sure the checks above can fail: grey
// text, a pale link on a tinted box, white on a light button, a faint
// focus ring.
func TestContrastCheckCatches(t *testing.T) {
	sheet, err := parseCSS(`:root { --soft: #eef5f5; color: #1b1e21; background: #fff; }
		.box { background: var(--soft); }
		.meta { color: #949494; }
		a:hover { color: #3fa7b3; }
		.site-header { background: #0b5d66; color: #fff; }
		.site-header .brand { color: #7fb3b9; }
		button { background: #5fb8c2; color: #fff; }
		:focus-visible { outline: 3px solid #f0c0a0; }
		@media print { .meta { color: #ccc; } }`)
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	for _, p := range sheet.textPairs() {
		if contrast(p.fg, p.bg) < minText {
			bad = append(bad, p.where+" "+p.fg.String()+" on "+p.bg.String())
		}
	}
	for _, p := range sheet.nonTextPairs() {
		if contrast(p.fg, p.bg) < minNonText {
			bad = append(bad, p.where+" "+p.fg.String()+" on "+p.bg.String())
		}
	}
	want := []string{
		".meta color #949494 on #ffffff", ".meta color #949494 on #eef5f5",
		"a:hover color #3fa7b3 on #ffffff", "a:hover color #3fa7b3 on #eef5f5",
		".site-header .brand color #7fb3b9 on #0b5d66",
		"button color #ffffff on #5fb8c2",
		":focus-visible outline #f0c0a0 on #ffffff", ":focus-visible outline #f0c0a0 on #eef5f5",
	}
	slices.Sort(bad)
	slices.Sort(want)
	if !slices.Equal(bad, want) {
		t.Errorf("found\n%s\nwant\n%s", strings.Join(bad, "\n"), strings.Join(want, "\n"))
	}
	if _, err := parseCSS(".a { color: #000; } } .b { color: #fff; }"); err == nil {
		t.Error("a stray } passed: browsers drop the rule after it")
	}
}

func TestContrastRatio(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want float64
	}{
		{"#000", "#fff", 21}, {"#fff", "#fff", 1}, {"#777", "#fff", 4.48}, {"#767676", "#fff", 4.54},
	} {
		a, _ := parseColor(tt.a)
		b, _ := parseColor(tt.b)
		if got := contrast(a, b); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}

func themeCSS(t *testing.T) []string {
	names, err := fs.Glob(Default(), "static/*.css")
	if err != nil || len(names) == 0 {
		t.Fatalf("no CSS in the theme: %v", err)
	}
	return names
}

func parseThemeCSS(t *testing.T, name string) *sheet {
	t.Helper()
	src, err := fs.ReadFile(Default(), name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := parseCSS(string(src))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

// A sheet is the screen rules of a style sheet, with custom properties
// of :root resolved. It knows just enough CSS for the theme: rules,
// @media blocks (print is left out: it prints black on white), and
// colours as #hex, rgb() and a few names.
type sheet struct {
	rules []rule
	vars  map[string]string
}

type rule struct {
	selectors []string
	decls     map[string]string
}

type pair struct {
	fg, bg color
	where  string
}

var comments = regexp.MustCompile(`(?s)/\*.*?\*/`)

func parseCSS(src string) (*sheet, error) {
	src = comments.ReplaceAllString(src, "")
	s := &sheet{vars: map[string]string{}}
	rest, err := s.block(src, false, false)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(rest) != "" {
		return nil, fmt.Errorf("a stray } before %.40q", strings.TrimSpace(rest))
	}
	for _, r := range s.rules {
		if slices.Contains(r.selectors, ":root") {
			for k, v := range r.decls {
				if strings.HasPrefix(k, "--") {
					s.vars[k] = v
				}
			}
		}
	}
	return s, nil
}

// block reads rules until the end of src or, if nested, the } that
// closes the block, and returns what follows.
func (s *sheet) block(src string, nested, skip bool) (string, error) {
	for {
		src = strings.TrimSpace(src)
		if src == "" {
			if nested {
				return "", fmt.Errorf("a block is not closed")
			}
			return "", nil
		}
		if src[0] == '}' {
			if nested {
				return src[1:], nil
			}
			return src, nil
		}
		open := strings.IndexByte(src, '{')
		if open < 0 {
			return "", fmt.Errorf("no { after %.40q", src)
		}
		prelude := strings.TrimSpace(src[:open])
		if strings.ContainsRune(prelude, '}') {
			return src, nil // a stray }
		}
		src = src[open+1:]
		if strings.HasPrefix(prelude, "@media") || strings.HasPrefix(prelude, "@supports") {
			var err error
			src, err = s.block(src, true, skip || strings.Contains(prelude, "print"))
			if err != nil {
				return "", err
			}
			continue
		}
		end := strings.IndexByte(src, '}')
		if end < 0 {
			return "", fmt.Errorf("rule %q is not closed", prelude)
		}
		body := src[:end]
		src = src[end+1:]
		if skip || strings.HasPrefix(prelude, "@") {
			continue
		}
		r := rule{decls: map[string]string{}}
		for _, sel := range strings.Split(prelude, ",") {
			r.selectors = append(r.selectors, strings.Join(strings.Fields(sel), " "))
		}
		for _, d := range strings.Split(body, ";") {
			if k, v, ok := strings.Cut(d, ":"); ok {
				r.decls[strings.TrimSpace(k)] = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important"))
			}
		}
		s.rules = append(s.rules, r)
	}
}

var varRef = regexp.MustCompile(`var\(\s*(--[a-z0-9-]+)\s*(?:,[^)]*)?\)`)

// colorIn returns the first colour in a declaration value, such as the
// colour of "3px solid var(--focus)".
func (s *sheet) colorIn(v string) (color, bool) {
	for range 5 {
		v2 := varRef.ReplaceAllStringFunc(v, func(m string) string { return s.vars[varRef.FindStringSubmatch(m)[1]] })
		if v2 == v {
			break
		}
		v = v2
	}
	for _, tok := range regexp.MustCompile(`#[0-9a-fA-F]+|rgba?\([^)]*\)|[a-zA-Z]+`).FindAllString(v, -1) {
		if c, ok := parseColor(tok); ok {
			return c, true
		}
	}
	return color{}, false
}

func (s *sheet) decl(r rule, names ...string) (color, bool) {
	for _, n := range names {
		if v, ok := r.decls[n]; ok {
			return s.colorIn(v)
		}
	}
	return color{}, false
}

// background returns the colour rule r paints behind its text; set is
// false if r does not say (its text is on whatever is behind it).
func (s *sheet) background(r rule) (c color, set bool) {
	return s.decl(r, "background-color", "background")
}

// surfaces are the backgrounds text of no particular box may stand on:
// the page's, and those of boxes that keep the text colour they inherit
// (quotes, code, fact boxes, the help box).
func (s *sheet) surfaces() []color {
	var out []color
	for _, r := range s.rules {
		_, hasColor := r.decls["color"]
		if bg, ok := s.background(r); ok && (!hasColor || isRoot(r)) && !slices.Contains(out, bg) {
			out = append(out, bg)
		}
	}
	return out
}

func isRoot(r rule) bool {
	return slices.ContainsFunc(r.selectors, func(s string) bool { return s == ":root" || s == "html" || s == "body" })
}

// behind returns the backgrounds a selector's text is drawn on: that of
// the nearest box in the selector (".site-header a" is on the header)
// that sets one, else every surface.
func (s *sheet) behind(sel string) []color {
	parts := strings.FieldsFunc(sel, func(r rune) bool { return r == ' ' || r == '>' || r == '+' || r == '~' })
	for i := len(parts) - 1; i >= 0; i-- {
		compound := pseudo.ReplaceAllString(parts[i], "")
		if compound == "" {
			continue
		}
		for _, r := range s.rules {
			if slices.Contains(r.selectors, compound) {
				if bg, ok := s.background(r); ok {
					return []color{bg}
				}
			}
		}
	}
	return s.surfaces()
}

var pseudo = regexp.MustCompile(`::?[a-z-]+(\([^)]*\))?`)

// textPairs lists every text colour of the sheet with each background it
// can stand on.
func (s *sheet) textPairs() []pair {
	var out []pair
	for _, r := range s.rules {
		fg, ok := s.decl(r, "color")
		if !ok {
			continue
		}
		for _, sel := range r.selectors {
			bgs := s.behind(sel)
			if bg, ok := s.background(r); ok && !isRoot(r) {
				bgs = []color{bg}
			}
			for _, bg := range bgs {
				out = append(out, pair{fg, bg, sel + " color"})
			}
		}
	}
	// Text inherits the root colour on every surface without its own.
	for _, r := range s.rules {
		if _, hasColor := r.decls["color"]; hasColor || isRoot(r) {
			continue
		}
		if bg, ok := s.background(r); ok {
			for _, root := range s.rules {
				if fg, ok := s.decl(root, "color"); ok && isRoot(root) {
					out = append(out, pair{fg, bg, r.selectors[0] + " (inherited text)"})
				}
			}
		}
	}
	return out
}

// nonTextPairs lists focus outlines and the borders of form controls
// with the backgrounds around them.
func (s *sheet) nonTextPairs() []pair {
	var out []pair
	for _, r := range s.rules {
		for _, sel := range r.selectors {
			if c, ok := s.decl(r, "outline-color", "outline"); ok {
				for _, bg := range s.behind(strings.TrimSuffix(sel, pseudo.FindString(sel))) {
					out = append(out, pair{c, bg, sel + " outline"})
				}
			}
			if !strings.Contains(sel, "input") && !strings.Contains(sel, "select") && !strings.Contains(sel, "textarea") {
				continue
			}
			if c, ok := s.decl(r, "border-color", "border"); ok {
				for _, bg := range s.surfaces() {
					out = append(out, pair{c, bg, sel + " border"})
				}
			}
		}
	}
	return out
}

type color struct{ r, g, b uint8 }

func (c color) String() string { return fmt.Sprintf("#%02x%02x%02x", c.r, c.g, c.b) }

var named = map[string]color{"white": {255, 255, 255}, "black": {0, 0, 0}}

func parseColor(s string) (color, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if c, ok := named[s]; ok {
		return c, true
	}
	if strings.HasPrefix(s, "rgb") {
		var c color
		if _, err := fmt.Sscanf(strings.ReplaceAll(s[strings.IndexByte(s, '(')+1:], ",", " "), "%d %d %d", &c.r, &c.g, &c.b); err == nil {
			return c, true
		}
		return color{}, false
	}
	if !strings.HasPrefix(s, "#") {
		return color{}, false
	}
	h := s[1:]
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return color{}, false // with alpha: what it shows depends on what is behind
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return color{}, false
	}
	return color{uint8(n >> 16), uint8(n >> 8), uint8(n)}, true
}

// contrast is the WCAG 2.1 contrast ratio of two colours.
func contrast(a, b color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color) float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
}
