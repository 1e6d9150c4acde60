package search

import "encoding/binary"

// The dictionary shard format. A shard is a sequence of entries in byte
// order of their words:
//
//	byte    length of the prefix shared with the previous word
//	uvarint length of the rest, then its bytes
//	byte    length of the word's stem
//	uvarint number of postings
//	byte    0: document ids follow as uvarint gaps (the first from 0)
//	        1: a bitmap follows: uvarint first id, uvarint byte count,
//	           then bytes, least significant bit first
//	        2: the postings are those of an earlier entry of the shard
//	           with the same stem: uvarint how many entries back; the
//	           entry ends here
//	        3: the postings are in search/p/<uvarint>.bin, in the form
//	           of encodings 0 or 1; the entry ends here
//	bytes   one score nibble per posting, two per byte, low nibble first
//
// Words with the same stem share their postings (see dictionary), so
// each stem's postings are in a shard once. Long posting lists are files
// of their own, so a query fetches the dictionary around its words and
// then only the lists of the words it matches, not those of every
// compound that begins the same way.

func appendEntry(b []byte, prev string, e *entry, posts []posting, ref, file int) []byte {
	shared := 0
	for shared < len(prev) && shared < len(e.word) && shared < 255 && prev[shared] == e.word[shared] {
		shared++
	}
	b = append(b, byte(shared))
	b = binary.AppendUvarint(b, uint64(len(e.word)-shared))
	b = append(b, e.word[shared:]...)
	b = append(b, byte(e.stemLen))
	b = binary.AppendUvarint(b, uint64(len(posts)))
	switch {
	case file >= 0:
		b = append(b, 3)
		return binary.AppendUvarint(b, uint64(file))
	case ref > 0:
		b = append(b, 2)
		return binary.AppendUvarint(b, uint64(ref))
	}
	return appendPostings(b, posts)
}

// appendPostings writes encoding 0 or 1 of posts with their scores.
func appendPostings(b []byte, posts []posting) []byte {
	b = appendDocs(b, posts)
	for i := 0; i < len(posts); i += 2 {
		v := posts[i].score()
		if i+1 < len(posts) {
			v |= posts[i+1].score() << 4
		}
		b = append(b, v)
	}
	return b
}

// appendDocs writes the document ids of posts, as gaps or as a bitmap,
// whichever is smaller.
func appendDocs(b []byte, posts []posting) []byte {
	gaps := 0
	prev := uint32(0)
	for _, p := range posts {
		gaps += uvarintLen(uint64(p.doc() - prev))
		prev = p.doc()
	}
	first := posts[0].doc()
	span := int(posts[len(posts)-1].doc()-first)/8 + 1
	if span+uvarintLen(uint64(first))+uvarintLen(uint64(span)) >= gaps {
		b = append(b, 0)
		prev = 0
		for _, p := range posts {
			b = binary.AppendUvarint(b, uint64(p.doc()-prev))
			prev = p.doc()
		}
		return b
	}
	b = append(b, 1)
	b = binary.AppendUvarint(b, uint64(first))
	b = binary.AppendUvarint(b, uint64(span))
	start := len(b)
	b = append(b, make([]byte, span)...)
	for _, p := range posts {
		k := int(p.doc() - first)
		b[start+k/8] |= 1 << (k % 8)
	}
	return b
}

func uvarintLen(v uint64) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}

// A shard is a run of entries, encoded; first is its first word.
type shard struct {
	first string
	data  []byte
}

// ownFile is the size from which a stem's postings are a file of their
// own rather than part of a dictionary shard.
const ownFile = 1 << 10

// shards cuts the dictionary, in word order, into shards of about size
// bytes each, and returns the posting lists that are files of their own.
func shards(d *dictionary, size int) (out []shard, lists [][]byte) {
	var cur []byte
	first, prev := "", ""
	n := 0                     // entries in the current shard
	written := map[int32]int{} // group -> its entry in the current shard
	file := map[int32]int{}    // group -> its posting file
	for _, i := range d.sortedEntries() {
		e := &d.entries[i]
		posts := d.posts[e.group]
		if len(posts) == 0 {
			continue
		}
		f, own := file[e.group]
		if !own && len(posts) >= ownFile/2 {
			if data := appendPostings(nil, posts); len(data) >= ownFile {
				f, own = len(lists), true
				file[e.group] = f
				lists = append(lists, data)
			}
		}
		if !own {
			f = -1
		}
		_, again := written[e.group]
		// A new shard begins only where the word's postings would not be
		// repeated: the words of a stem stay together.
		if len(cur) >= size && !again {
			out = append(out, shard{first, cur})
			cur, first, prev, n = nil, e.word, "", 0
			clear(written)
		}
		ref := 0
		if k, ok := written[e.group]; ok {
			ref = n - k
		} else {
			written[e.group] = n
		}
		cur = appendEntry(cur, prev, e, posts, ref, f)
		prev = e.word
		n++
	}
	if len(cur) > 0 || len(out) == 0 {
		out = append(out, shard{first, cur})
	}
	return out, lists
}
