package pdf

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"moteplass/generator/chart"
)

// The charts' PDF drawings are kept as recorder logs beside the SVG
// goldens of the same cases in generator/chart/testdata, so a change to
// the shared layout shows up in both.
var chartCases = map[string]chart.Figure{
	"bar-with-zero": bars(120, 340, 0, 275),
	"single-bar":    bars(42),
	"two-series":    {Type: "bar", Labels: []string{"2022", "2023"}, Series: []chart.Series{{Name: "Planlagt", Values: []float64{400, 400}}, {Name: "Faktisk", Values: []float64{310, 330}}}, Unit: "personer"},
	"line":          {Type: "line", Labels: []string{"jan", "feb", "mar", "apr"}, Series: []chart.Series{{Name: "Digitale", Values: []float64{2, 3, 5, 6}}, {Name: "Fysiske", Values: []float64{4, 4, 3, 5}}}, Unit: "grupper"},
}

func bars(values ...float64) chart.Figure {
	labels := make([]string, len(values))
	for i := range values {
		labels[i] = string(rune('A' + i))
	}
	return chart.Figure{Type: "bar", Labels: labels, Series: []chart.Series{{Name: "Deltakere", Values: values}}, Unit: "deltakere"}
}

// drawChartLog draws fig at the top of the text area of a page and
// returns what the recorder saw.
func drawChartLog(t *testing.T, fig chart.Figure) string {
	t.Helper()
	rec := &recorder{m: newMetrics(DefaultFonts())}
	d := &docState{m: rec.m}
	f := newFlow(rec, d)
	f.NewPage(false)
	h := chartH
	if len(fig.Series) > 1 {
		h += chartLegend
	}
	l := f.chartLayout(fig, f.w, h, nil)
	f.drawChart(l, f.x, f.y)
	for _, o := range rec.overflow {
		t.Errorf("overflow: %s", o)
	}
	return rec.b.String()
}

func TestChartGolden(t *testing.T) {
	for name, fig := range chartCases {
		t.Run(name, func(t *testing.T) {
			got := drawChartLog(t, fig)
			golden := filepath.Join("..", "chart", "testdata", name+".pdf.log")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if string(want) != got {
				t.Errorf("%s differs (run with -update to accept):\n%s", golden, diff(string(want), got))
			}
		})
	}
}

var (
	barRect   = regexp.MustCompile(`(?m)^rect ([\d.]+),([\d.]+) ([\d.]+)x([\d.]+) F fill (#0b5d66|#8fc1c6)$`)
	gridLine  = regexp.MustCompile(`(?m)^line [\d.]+,([\d.]+) [\d.]+,[\d.]+ w0\.15 #d4dbde$`)
	tickText  = regexp.MustCompile(`(?m)^text [\d.]+,[\d.]+ sans- 7\.5 #5b6b73 "(\d+)"$`)
	zeroLabel = regexp.MustCompile(`(?m)^text [\d.]+,([\d.]+) sans-B 7\.5 #1f2a30 "0"$`)
)

// TestChartBarsProportional reads bar heights back from what was drawn:
// each is its value's share of the value axis, bars stand on the axis,
// and a zero value draws no bar but still its label.
func TestChartBarsProportional(t *testing.T) {
	for _, values := range [][]float64{{120, 340, 0, 275}, {42}, {0, 7}} {
		log := drawChartLog(t, bars(values...))
		var grid []float64
		for _, m := range gridLine.FindAllStringSubmatch(log, -1) {
			grid = append(grid, num(t, m[1]))
		}
		ticks := tickText.FindAllStringSubmatch(log, -1)
		if len(grid) < 2 || len(ticks) != len(grid) {
			t.Fatalf("%v: %d gridlines, %d tick labels:\n%s", values, len(grid), len(ticks), log)
		}
		axisTop, axisBottom := grid[len(grid)-1], grid[0]
		axisMax := num(t, ticks[len(ticks)-1][1])
		rects := barRect.FindAllStringSubmatch(log, -1)
		nonzero := 0
		for _, v := range values {
			if v != 0 {
				nonzero++
			}
		}
		if len(rects) != nonzero {
			t.Fatalf("%v: %d bars drawn, want %d:\n%s", values, len(rects), nonzero, log)
		}
		i := 0
		for _, v := range values {
			if v == 0 {
				continue
			}
			y, h := num(t, rects[i][2]), num(t, rects[i][4])
			want := v / axisMax * (axisBottom - axisTop)
			if math.Abs(h-want) > 0.11 {
				t.Errorf("%v: bar for %v is %.1f mm high, want %.2f", values, v, h, want)
			}
			if math.Abs(y+h-axisBottom) > 0.11 {
				t.Errorf("%v: bar for %v ends at %.1f, the axis is at %.1f", values, v, y+h, axisBottom)
			}
			i++
		}
		if slices.Contains(values, 0) {
			m := zeroLabel.FindStringSubmatch(log)
			if m == nil {
				t.Errorf("%v: no value label for the zero:\n%s", values, log)
			} else if y := num(t, m[1]); y > axisBottom || y < axisBottom-2 {
				t.Errorf("%v: the zero's label at %.1f is not just above the axis at %.1f", values, y, axisBottom)
			}
		}
	}
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestChartBadValues: NaN and infinities (TOML allows them) draw as zero
// rather than breaking the layout.
func TestChartBadValues(t *testing.T) {
	log := drawChartLog(t, bars(math.NaN(), math.Inf(1), 3))
	if !strings.Contains(log, `"3"`) || strings.Contains(log, "NaN") {
		t.Errorf("bad values were drawn:\n%s", log)
	}
}
