package pdf

// A Fact is one row of a fact box: a label and its value, e.g.
// "Prosjektperiode" and "2022–2024".
type Fact struct{ Label, Value string }

var (
	styleFactTitle = TextStyle{Size: 10.5, Leading: 5.6, Face: Bold, Color: colAccent}
	styleFactLabel = TextStyle{Size: 9, Leading: 4.8, Face: Regular, Color: colMuted}
	styleFactValue = TextStyle{Size: 9.5, Leading: 4.8, Face: Bold, Color: colText}
)

// FactBox draws a tinted box with a title and label–value rows, kept on
// one page, as a report's key figures before its text.
func (f *Flow) FactBox(title string, facts []Fact) {
	const pad = 4.0
	labelW := 0.0
	for _, fc := range facts {
		labelW = max(labelW, f.m.width(styleFactLabel.Face, styleFactLabel.Size, f.clean(styleFactLabel.Face, fc.Label)))
	}
	labelW = min(labelW+4, 0.4*(f.w-2*pad))
	valueW := f.w - 2*pad - labelW
	type row struct {
		label, value []line
		lr, vr       []run
		h            float64
	}
	titleRuns := []run{{text: f.clean(Bold, title)}}
	titleLines := breakLines(f.m, titleRuns, styleFactTitle, f.w-2*pad)
	h := 2*pad + float64(len(titleLines))*styleFactTitle.Leading + 1.5
	rows := make([]row, len(facts))
	for i, fc := range facts {
		r := &rows[i]
		r.lr = []run{{text: f.clean(styleFactLabel.Face, fc.Label)}}
		r.vr = []run{{text: f.clean(styleFactValue.Face, fc.Value)}}
		r.label = breakLines(f.m, r.lr, styleFactLabel, labelW-2)
		r.value = breakLines(f.m, r.vr, styleFactValue, valueW)
		r.h = float64(max(len(r.label), len(r.value)))*styleFactValue.Leading + 1.2
		h += r.h
	}
	f.Gap(gapBlock)
	y := f.Reserve(h)
	f.fillRect(f.x, y, f.w, h, colTint)
	f.fillRect(f.x, y, 1.2, h, colAccent)
	x := f.x + pad
	y += pad
	for _, l := range titleLines {
		f.drawLine(l, titleRuns, styleFactTitle, x, y, styleFactTitle.Leading, f.w-2*pad, alignLeft)
		y += styleFactTitle.Leading
	}
	y += 1.5
	for _, r := range rows {
		for i, l := range r.label {
			f.drawLine(l, r.lr, styleFactLabel, x, y+float64(i)*styleFactValue.Leading, styleFactValue.Leading, labelW, alignLeft)
		}
		for i, l := range r.value {
			f.drawLine(l, r.vr, styleFactValue, x+labelW, y+float64(i)*styleFactValue.Leading, styleFactValue.Leading, valueW, alignLeft)
		}
		y += r.h
	}
	f.Advance(h)
	f.Gap(gapBlock)
}
