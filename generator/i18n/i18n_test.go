package i18n

import (
	"testing"
	"testing/fstest"
	"time"

	"moteplass/themes"
)

func nb(t *testing.T) *Lang {
	t.Helper()
	l, err := Load(themes.Default(), "nb")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestFormats(t *testing.T) {
	l := nb(t)
	oslo, _ := time.LoadLocation("Europe/Oslo")
	tm := time.Date(2026, 1, 6, 19, 0, 0, 0, oslo)
	tests := []struct{ got, want string }{
		{l.Date(tm), "tirsdag 6. januar 2026"},
		{l.DateTime(tm), "tirsdag 6. januar 2026 kl. 19.00"},
		{l.DateNoWeekday(time.Date(2026, 11, 3, 0, 0, 0, 0, oslo)), "3. november 2026"},
		{l.DayMonthName(tm), "tirsdag 6. januar"},
		{l.Kroner(600000), "600\u00a0000\u00a0kr"},
		{l.Kroner(1500000), "1\u00a0500\u00a0000\u00a0kr"},
		{l.Number(897), "897"},
		{l.Number(4000), "4\u00a0000"},
		{l.Number(-12000), "−12\u00a0000"},
		{l.Decimal(1200), "1\u00a0200"},
		{l.Decimal(12.5), "12,5"},
		{l.Decimal(0), "0"},
		{l.Ordinal(1), "første"},
		{l.Ordinal(-1), "siste"},
		{l.Ordinal(9), "9."},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	if s, err := l.T("reviewed", "date", "3. november 2026"); err != nil || s != "Sist kontrollert 3. november 2026" {
		t.Errorf("T: %q, %v", s, err)
	}
	if _, err := l.T("no-such-key"); err == nil {
		t.Error("a missing key must be an error")
	}
}

func TestMissingTranslation(t *testing.T) {
	theme := fstest.MapFS{
		"i18n/nb.toml": {Data: []byte(grammar + "[ui]\nhome = \"Forside\"\nsearch = \"Søk\"\n")},
		"i18n/nn.toml": {Data: []byte(grammar + "[ui]\nhome = \"Framside\"\n")},
	}
	if _, err := Load(theme, "nn"); err == nil || err.Error() != `i18n/nn.toml:4:1: missing translation for ui.search, which i18n/nb.toml has; add under [ui]: search = "…", translating "Søk"` {
		t.Errorf("got %v", err)
	}
	if _, err := Load(theme, "se"); err == nil {
		t.Error("an unknown language must be an error")
	}
}

const grammar = `months = ["1","2","3","4","5","6","7","8","9","10","11","12"]
weekdays = ["s","m","t","o","t","f","l"]
ordinals = ["1","2","3","4","5"]
`
