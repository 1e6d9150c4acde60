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

// TestMakeCannotLeaveAFolder: whatever a file name or a front-matter value
// holds, its slug is one harmless path element.
func TestMakeCannotLeaveAFolder(t *testing.T) {
	for _, in := range []string{"../../x", "/etc/passwd", `..\..\x`, "C:\\Windows", "a\x00b", ".", "..", "x/../../y", "~root", "%2e%2e%2fx"} {
		s := Make(in)
		for _, r := range s {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Errorf("Make(%q) = %q holds %q", in, s, r)
			}
		}
	}
}

func TestReserved(t *testing.T) {
	for s, want := range map[string]bool{"nul": true, "NUL": true, "con": true, "aux": true, "prn": true, "com1": true, "lpt9": true, "com": false, "com10": false, "nullstilling": false, "oslo": false, "": false} {
		if got := Reserved(s); got != want {
			t.Errorf("Reserved(%q) = %v, want %v", s, got, want)
		}
	}
}
