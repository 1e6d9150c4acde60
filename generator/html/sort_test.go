package html

import (
	"slices"
	"testing"
	"time"

	"moteplass/generator/collate"
	"moteplass/generator/content"
)

// Lists put the next meeting first, then Norwegian alphabetical order
// (æ, ø, å after z), then the slug; activities that do not meet again
// come last.
func TestSortActivities(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 12, d, 19, 0, 0, 0, content.Oslo) }
	act := func(slug, title string, next time.Time) *Activity {
		a := &Activity{Activity: &content.Activity{Title: title}, Title: title, Next: next, titleKey: collate.Key(title)}
		a.Activity.Slug = slug
		return a
	}
	list := []*Activity{
		act("over", "Avsluttet kurs", time.Time{}),
		act("alesund", "Ålesund", day(3)),
		act("zeta", "Zeta", day(3)),
		act("aeroy", "Ærøy", day(3)),
		act("ostfold", "Østfold", day(3)),
		act("tidlig", "Tidlig treff", day(1)),
		act("b", "Kor", day(5)),
		act("a", "Kor", day(5)),
		act("over-a", "Alt er over", time.Time{}),
	}
	sortActivities(list)
	var got []string
	for _, a := range list {
		got = append(got, a.Slug)
	}
	want := []string{"tidlig", "zeta", "aeroy", "ostfold", "alesund", "a", "b", "over-a", "over"}
	if !slices.Equal(got, want) {
		t.Errorf("order %q\nwant  %q", got, want)
	}
}
