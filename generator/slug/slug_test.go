package slug

import "testing"

func TestMake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Møre og Romsdal", "more-og-romsdal"},
		{"Trøndelag", "trondelag"},
		{"Ærøy", "aeroy"},
		{"Ålesund", "alesund"},
		{"Kárášjohka", "karasjohka"},
		{"  Hva er en nettverksgruppe?  ", "hva-er-en-nettverksgruppe"},
		{"Unge 16–30 år", "unge-16-30-ar"},
		{"Guovdageaidnu – Kautokeino", "guovdageaidnu-kautokeino"},
		{"Ŋ đ ŧ", "n-d-t"},
		{"---", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestValid(t *testing.T) {
	for s, want := range map[string]bool{"oslo": true, "more-og-romsdal": true, "Oslo": false, "a--b": false, "": false, "ø": false} {
		if got := Valid(s); got != want {
			t.Errorf("Valid(%q) = %v, want %v", s, got, want)
		}
	}
}
