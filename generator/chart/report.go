package chart

import "moteplass/generator/content"

// Of converts a report's figure: a figure with values and no series is
// one series named after the figure.
func Of(f content.Figure) Figure {
	c := Figure{Type: f.Type, Labels: f.Labels, Unit: f.Unit}
	if len(f.Series) == 0 {
		c.Series = []Series{{Name: f.Title, Values: f.Values}}
	}
	for _, s := range f.Series {
		c.Series = append(c.Series, Series{Name: s.Name, Values: s.Values})
	}
	return c
}
