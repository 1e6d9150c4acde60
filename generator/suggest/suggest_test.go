package suggest

import "testing"

func TestNearest(t *testing.T) {
	keys := []string{"title", "summary", "organisation", "category", "audiences", "mode", "reviewed"}
	tests := []struct{ word, want string }{
		{"titel", "title"},
		{"Title", "title"},
		{"organization", "organisation"},
		{"organisasjon", "organisation"},
		{"kategori", "category"},
		{"audience", "audiences"},
		{"reviwed", "reviewed"},
		{"x", ""},
		{"beskrivelse", ""},
	}
	for _, tt := range tests {
		if got := Nearest(tt.word, keys); got != tt.want {
			t.Errorf("Nearest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	counties := []string{"oslo", "trondelag", "more-og-romsdal", "ostfold"}
	if got := Nearest("trøndelag", counties); got != "trondelag" {
		t.Errorf("æøå folding: got %q", got)
	}
}

func TestHint(t *testing.T) {
	if got := Hint("digtal", []string{"digital", "physical", "hybrid"}); got != `did you mean "digital"?` {
		t.Errorf("got %q", got)
	}
	if got := Hint("nett", []string{"digital", "physical", "hybrid"}); got != "use one of: digital, physical, hybrid" {
		t.Errorf("got %q", got)
	}
}
