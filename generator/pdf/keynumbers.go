package pdf

// A KeyNumber is a figure shown large, with a few words under it: "897
// 000 kr" and "bevilget i alt".
type KeyNumber struct{ Value, Label string }

var (
	styleKeyValue = TextStyle{Size: 19, Leading: 8.6, Face: Bold, Color: colAccent}
	styleKeyLabel = TextStyle{Size: 8.8, Leading: 4.4, Face: Regular, Color: colText}
)

// KeyNumbers draws up to four figures side by side in framed tiles of
// equal width, kept on one page: what a reader should take away first.
func (f *Flow) KeyNumbers(items []KeyNumber) {
	if len(items) == 0 {
		return
	}
	items = items[:min(len(items), 4)]
	const gap, pad = 4.0, 3.5
	w := (f.w - gap*float64(len(items)-1)) / float64(len(items))
	type tile struct {
		vr, lr []run
		v, l   []line
	}
	tiles := make([]tile, len(items))
	h := 0.0
	for i, it := range items {
		t := &tiles[i]
		t.vr = []run{{text: f.clean(Bold, it.Value)}}
		t.lr = []run{{text: f.clean(Regular, it.Label)}}
		t.v = breakLines(f.m, t.vr, styleKeyValue, w-2*pad)
		t.l = breakLines(f.m, t.lr, styleKeyLabel, w-2*pad)
		h = max(h, float64(len(t.v))*styleKeyValue.Leading+1+float64(len(t.l))*styleKeyLabel.Leading)
	}
	h += 2 * pad
	f.Gap(gapBlock)
	y := f.Reserve(h)
	for i, t := range tiles {
		x := f.x + float64(i)*(w+gap)
		f.drawColor(colRule)
		f.lineWidth(0.3)
		f.c.Rect(x, y, w, h, "D")
		f.fillRect(x, y, w, 1.2, colAccent)
		ty := y + pad
		for _, l := range t.v {
			f.drawLine(l, t.vr, styleKeyValue, x+pad, ty, styleKeyValue.Leading, w-2*pad, alignLeft)
			ty += styleKeyValue.Leading
		}
		ty++
		for _, l := range t.l {
			f.drawLine(l, t.lr, styleKeyLabel, x+pad, ty, styleKeyLabel.Leading, w-2*pad, alignLeft)
			ty += styleKeyLabel.Leading
		}
	}
	f.Advance(h)
	f.Gap(gapBlock)
}
