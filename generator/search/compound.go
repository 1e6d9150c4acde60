package search

// Norwegian writes compounds as one word: "pårørendegruppe",
// "spilleavhengighet", "likepersonsarbeid". decompound finds, for each
// word of the index, the words of the index it is made of, so a search
// for "gruppe" also finds the "pårørendegruppe". The head of a compound is
// found without this, as a prefix; the tail is not.

const (
	minCompound = 7 // shorter words are not split
	minHead     = 3
	minTail     = 4
	maxParts    = 4 // a compound of more words than this is split no further
)

// decompound sets the parts of every entry that is a compound of other
// entries (or of their stems, as in "samtalegruppe": "samtal" + "e" +
// "gruppe").
func decompound(d *dictionary, stems map[string]int32) {
	n := len(d.entries)
	for i := range n {
		w := d.entries[i].word
		if len(w) < minCompound {
			continue
		}
		var parts []int32
		for len(parts) < maxParts {
			head, tail, ok := split(d, stems, w)
			if !ok {
				break
			}
			parts = append(parts, head, tail)
			w = d.entries[tail].word
		}
		d.entries[i].parts = parts
	}
}

// split splits w into a known head and the longest known tail: a word
// of the index of at least minTail bytes, after a head of at least
// minHead bytes that is a word, a stem, or either followed by the linking
// letters e or s.
func split(d *dictionary, stems map[string]int32, w string) (head, tail int32, ok bool) {
	for i := minHead; i <= len(w)-minTail; i++ {
		t, found := d.byWord[w[i:]]
		if !found {
			continue
		}
		h := w[:i]
		if id, found := headEntry(d, stems, h); found {
			return id, t, true
		}
		if last := h[len(h)-1]; (last == 'e' || last == 's') && len(h) > minHead {
			if id, found := headEntry(d, stems, h[:len(h)-1]); found {
				return id, t, true
			}
		}
	}
	return 0, 0, false
}

// headEntry finds the entry a compound's head stands for: the word
// itself, or a word whose stem it is.
func headEntry(d *dictionary, stems map[string]int32, h string) (int32, bool) {
	if id, ok := d.byWord[h]; ok {
		return id, true
	}
	if _, ok := stems[h]; !ok {
		return 0, false
	}
	// The shortest word with that stem stands for the head: "samtal" is
	// "samtale".
	best, found := int32(0), false
	for _, suffix := range []string{"e", "er", "en", "a", "et", "ing"} {
		if id, ok := d.byWord[h+suffix]; ok && d.entries[id].stemLen == len(h) {
			if !found || len(d.entries[id].word) < len(d.entries[best].word) {
				best, found = id, true
			}
		}
	}
	return best, found
}
