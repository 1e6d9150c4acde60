package chart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"math"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func bars(values ...float64) Figure {
	labels := make([]string, len(values))
	for i := range values {
		labels[i] = string(rune('A' + i))
	}
	return Figure{Type: "bar", Labels: labels, Series: []Series{{Name: "Deltakere", Values: values}}, Unit: "deltakere"}
}

var opts = Options{Width: 480, Height: 260}

func TestBarHeightsAreProportional(t *testing.T) {
	tests := []struct {
		name   string
		values []float64
	}{
		{"four with a zero", []float64{120, 340, 0, 275}},
		{"single bar", []float64{42}},
		{"all zero", []float64{0, 0}},
		{"fractions", []float64{12.5, 87.5, 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := New(bars(tt.values...), opts)
			if len(l.Bars) != len(tt.values) {
				t.Fatalf("%d bars for %d values", len(l.Bars), len(tt.values))
			}
			top := l.Ticks[len(l.Ticks)-1]
			axisMax := parse(t, top.Label)
			base := l.Plot.Y + l.Plot.H
			for i, b := range l.Bars {
				want := tt.values[i] / axisMax * l.Plot.H
				if math.Abs(b.H-want) > 1e-9 {
					t.Errorf("bar %d: height %.3f, want %.3f", i, b.H, want)
				}
				if math.Abs(b.Y+b.H-base) > 1e-9 {
					t.Errorf("bar %d does not stand on the axis", i)
				}
				if b.X < l.Plot.X || b.X+b.W > l.Plot.X+l.Plot.W+1e-9 {
					t.Errorf("bar %d outside the plot", i)
				}
			}
			if axisMax < maxOf(tt.values) {
				t.Errorf("axis top %v below the largest value", axisMax)
			}
		})
	}
}

func TestLinePointsFollowValues(t *testing.T) {
	f := Figure{Type: "line", Labels: []string{"jan", "feb", "mar"}, Series: []Series{{"Digitale", []float64{2, 4, 6}}, {"Fysiske", []float64{6, 0, 3}}}}
	l := New(f, opts)
	if len(l.Lines) != 2 || len(l.Legend) != 2 {
		t.Fatalf("%d lines, %d legend items", len(l.Lines), len(l.Legend))
	}
	p := l.Lines[0].Points
	if d1, d2 := p[0].Y-p[1].Y, p[1].Y-p[2].Y; math.Abs(d1-d2) > 1e-9 || d1 <= 0 {
		t.Errorf("evenly rising values must rise evenly: %v", p)
	}
	if l.Lines[1].Points[1].Y != l.Plot.Y+l.Plot.H {
		t.Error("zero must sit on the axis")
	}
}

// TestLongLabelsWrap: labels wider than their slot break into lines, so
// no two labels on the x axis overlap, and the plot shrinks to make room.
func TestLongLabelsWrap(t *testing.T) {
	f := bars(87, 74, 81)
	f.Labels = []string{"Jeg har lært noe jeg bruker", "Jeg føler meg mindre alene", "Jeg vil fortsette i nettverket"}
	narrow := Options{Width: 300, Height: 200}
	l := New(f, narrow)
	short := New(bars(87, 74, 81), narrow)
	if len(l.XLabels) <= len(f.Labels) {
		t.Fatalf("labels not wrapped: %v", l.XLabels)
	}
	if l.Plot.H >= short.Plot.H {
		t.Errorf("plot height %.1f, want less than %.1f to make room for two-line labels", l.Plot.H, short.Plot.H)
	}
	measure := func(s string) float64 { return 0.55 * 11 * float64(len([]rune(s))) }
	slot := l.Plot.W / 3
	for _, x := range l.XLabels {
		if w := measure(x.Text); w > slot {
			t.Errorf("label line %q is %.1f wide, the slot %.1f", x.Text, w, slot)
		}
		if x.Y+2 > l.Height-2 {
			t.Errorf("label line %q at %.1f falls off the chart (height %.1f)", x.Text, x.Y, l.Height)
		}
	}
	if got := wrap("Kort", 10, measure); len(got) != 1 {
		t.Errorf("a long single word must stay whole: %q", got)
	}
}

func TestNiceTicks(t *testing.T) {
	for _, tt := range []struct {
		lo, hi float64
		want   []float64
	}{
		{0, 340, []float64{0, 100, 200, 300, 400}},
		{0, 42, []float64{0, 10, 20, 30, 40, 50}},
		{0, 0, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{-20, 50, []float64{-20, 0, 20, 40, 60}},
	} {
		got := niceTicks(tt.lo, tt.hi)
		if len(got) != len(tt.want) {
			t.Errorf("niceTicks(%v, %v) = %v, want %v", tt.lo, tt.hi, got, tt.want)
			continue
		}
		for i := range got {
			if math.Abs(got[i]-tt.want[i]) > 1e-9 {
				t.Errorf("niceTicks(%v, %v) = %v, want %v", tt.lo, tt.hi, got, tt.want)
				break
			}
		}
	}
}

// TestSVGGolden keeps the drawn SVG of each case under testdata/ and
// checks that it is well-formed XML with a title and description.
func TestSVGGolden(t *testing.T) {
	cases := map[string]Figure{
		"bar-with-zero": bars(120, 340, 0, 275),
		"single-bar":    bars(42),
		"two-series":    {Type: "bar", Labels: []string{"2022", "2023"}, Series: []Series{{"Planlagt", []float64{400, 400}}, {"Faktisk", []float64{310, 330}}}, Unit: "personer"},
		"line":          {Type: "line", Labels: []string{"jan", "feb", "mar", "apr"}, Series: []Series{{"Digitale", []float64{2, 3, 5, 6}}, {"Fysiske", []float64{4, 4, 3, 5}}}, Unit: "grupper"},
	}
	for name, f := range cases {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := SVG(&b, New(f, opts), "fig-1", "Deltakere <per> år", "Stolper & tall"); err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Title string `xml:"title"`
				Desc  string `xml:"desc"`
			}
			if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
				t.Fatalf("not XML: %v", err)
			}
			if doc.Title != "Deltakere <per> år" || doc.Desc != "Stolper & tall" {
				t.Errorf("title %q, desc %q", doc.Title, doc.Desc)
			}
			golden := filepath.Join("testdata", name+".svg")
			if *update {
				os.WriteFile(golden, b.Bytes(), 0o644)
				return
			}
			want, _ := os.ReadFile(golden)
			if !bytes.Equal(want, b.Bytes()) {
				t.Errorf("%s differs; run go test -update and review the diff\ngot:\n%s", golden, b.Bytes())
			}
		})
	}
}

func parse(t *testing.T, s string) float64 {
	var v float64
	for _, c := range s {
		v = v*10 + float64(c-'0')
	}
	return v
}

func maxOf(vs []float64) float64 {
	m := 0.0
	for _, v := range vs {
		m = math.Max(m, v)
	}
	return m
}
