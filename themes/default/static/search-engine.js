// Møteplass search engine: reads the index that generator/search writes
// under /search/ and answers queries with facet counts. No DOM here, so
// the same module runs in the browser (search.js) and in Node for tests.
// Text handling must match generator/search/text.go exactly.

const wordChar = /[\p{L}\p{Nd}\p{Mn}\p{Mc}]/u;
const mark = /\p{Mn}/u;
const foldRunes = { 'æ': 'ae', 'ø': 'o', 'đ': 'd', 'ŋ': 'n', 'ŧ': 't', 'ß': 'ss', 'œ': 'oe', 'ł': 'l', 'þ': 'th', 'ð': 'd' };
const utf8 = new TextEncoder();
const fromUTF8 = new TextDecoder();

// words splits text into lower-case words of 2–40 characters.
export function words(text) {
  const out = [];
  let cur = '';
  const push = () => {
    if (cur) {
      const w = cur;
      const n = [...w].length;
      if (n >= 2 && n <= 40) out.push(w);
    }
    cur = '';
  };
  for (const ch of text.normalize('NFC')) {
    // one character at a time, as Go lower-cases: no final sigma, and
    // İ becomes i without a dot above
    if (ch.length === 1 && wordChar.test(ch)) cur += ch === 'İ' ? 'i' : ch.toLowerCase();
    else push();
  }
  push();
  return out;
}

// fold spells a word as typed without æøå: æ→ae, ø→o, å and aa→a.
export function fold(w) {
  if (/^[\x00-\x7f]*$/.test(w) && !w.includes('aa')) return w;
  let out = '';
  for (const ch of w.normalize('NFD')) {
    if (ch.charCodeAt(0) < 0x80) out += ch;
    else if (!mark.test(ch)) out += foldRunes[ch] ?? ch;
  }
  return out.replaceAll('aa', 'a');
}

// stem is the Snowball Norwegian stemmer.
const vowels = 'aeiouyæåø';
const sEnding = 'bcdfghjlmnoprtvyz';
const main1 = ['a', 'e', 'ede', 'ande', 'ende', 'ane', 'ene', 'hetene', 'en', 'heten', 'ar', 'er', 'heter', 'as', 'es', 'edes', 'endes', 'enes', 'hetenes', 'ens', 'hetens', 'ers', 'ets', 'et', 'het', 'ast'];
const main3 = ['erte', 'ert'];
const other = ['leg', 'eleg', 'ig', 'eig', 'lig', 'elig', 'els', 'lov', 'elov', 'slov', 'hetslov'];

export function stem(word) {
  let w = [...word];
  const isV = (c) => c !== undefined && vowels.includes(c);
  let p1 = w.length;
  if (w.length >= 3) {
    let i = 0;
    while (i < w.length && !isV(w[i])) i++;
    while (i < w.length && isV(w[i])) i++;
    if (i < w.length) p1 = Math.max(i + 1, 3);
  }
  const ends = (s) => {
    const n = [...s].length;
    return w.length - n >= p1 && w.slice(w.length - n).join('') === s;
  };
  const longest = (list) => list.filter(ends).sort((a, b) => b.length - a.length)[0];
  const all = longest([...main1, 's', ...main3]);
  if (all === 's') {
    const before = w[w.length - 2];
    if (w.length >= 2 && (sEnding.includes(before) || (before === 'k' && w.length >= 3 && !isV(w[w.length - 3])))) w = w.slice(0, -1);
  } else if (all && main3.includes(all)) {
    w = w.slice(0, w.length - all.length).concat(['e', 'r']);
  } else if (all) {
    w = w.slice(0, w.length - all.length);
  }
  if (ends('dt') || ends('vt')) w = w.slice(0, -1);
  const o = longest(other);
  if (o) w = w.slice(0, w.length - o.length);
  return w.join('');
}

// terms turns a query into the folded words and stems to look up.
export function terms(query, stop) {
  const out = [];
  for (const w of words(query)) {
    if (stop.has(w) || out.some((t) => t.raw === w)) continue;
    const word = fold(w);
    const s = fold(stem(w));
    let n = s.length;
    if (!word.startsWith(s)) {
      n = 0;
      while (n < s.length && s[n] === word[n]) n++;
    }
    out.push({ raw: w, word, stem: word.slice(0, n) });
  }
  return out;
}

// A prefix shorter than this does not match longer words, so "ut" does
// not fetch half the dictionary.
const minPrefix = 3;
const prefixWeight = 0.7;

async function inflate(bytes) {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes; // the host inflated it already
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function uvarint(b, p) {
  let v = 0, shift = 0, c;
  do {
    c = b[p++];
    v += (c & 0x7f) * 2 ** shift;
    shift += 7;
  } while (c & 0x80);
  return [v, p];
}

// decodeShard lists a shard's entries: word, stem length (in bytes) and
// where the postings are.
function decodeShard(b) {
  const entries = [];
  let prev = new Uint8Array(0);
  let p = 0;
  while (p < b.length) {
    const shared = b[p++];
    let len, df;
    [len, p] = uvarint(b, p);
    const bytes = new Uint8Array(shared + len);
    bytes.set(prev.subarray(0, shared));
    bytes.set(b.subarray(p, p + len), shared);
    p += len;
    prev = bytes;
    const stemLen = b[p++];
    [df, p] = uvarint(b, p);
    const e = { word: fromUTF8.decode(bytes), stemLen, df, buf: b, at: p };
    const enc = b[p++];
    if (enc === 3) {
      // the postings are a file of their own
      [e.file, p] = uvarint(b, p);
      entries.push(e);
      continue;
    }
    if (enc === 2) {
      // the postings of an earlier word with the same stem
      let back;
      [back, p] = uvarint(b, p);
      const same = entries[entries.length - back];
      e.at = same.at;
      e.file = same.file;
      entries.push(e);
      continue;
    }
    if (enc === 0) {
      for (let i = 0; i < df; i++) while (b[p++] & 0x80);
    } else {
      let span;
      [, p] = uvarint(b, p);
      [span, p] = uvarint(b, p);
      p += span;
    }
    p += Math.ceil(df / 2);
    entries.push(e);
  }
  return entries;
}

// postings calls fn(doc, score nibble) for each posting of e.
function postings(e, fn) {
  const b = e.buf;
  let p = e.at;
  const enc = b[p++];
  const docs = new Array(e.df);
  if (enc === 0) {
    let d = 0, g;
    for (let i = 0; i < e.df; i++) {
      [g, p] = uvarint(b, p);
      d += g;
      docs[i] = d;
    }
  } else {
    let first, span, k = 0;
    [first, p] = uvarint(b, p);
    [span, p] = uvarint(b, p);
    for (let i = 0; i < span; i++) {
      const byte = b[p + i];
      if (byte) for (let j = 0; j < 8; j++) if (byte & (1 << j)) docs[k++] = first + i * 8 + j;
    }
    p += span;
  }
  for (let i = 0; i < e.df; i++) {
    const v = b[p + (i >> 1)];
    fn(docs[i], i & 1 ? v >> 4 : v & 15);
  }
}

// shardsFor returns the shards that can hold words starting with prefix:
// the one it falls in and every later one whose first word starts with it.
export function shardsFor(firsts, prefix) {
  let lo = 0, hi = firsts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firsts[mid] <= prefix) lo = mid;
    else hi = mid - 1;
  }
  const out = [lo];
  for (let j = lo + 1; j < firsts.length && firsts[j].startsWith(prefix); j++) out.push(j);
  return out;
}

export class Engine {
  // open loads the index under base ("/search/"); get(url) resolves to
  // the bytes at url.
  static async open(base, get) {
    const e = new Engine(base, get);
    const [meta, facets] = await Promise.all([e.file('meta.bin', false), e.file('facets.bin', false)]);
    e.meta = JSON.parse(fromUTF8.decode(meta));
    e.n = e.meta.n;
    e.stop = new Set(e.meta.stop);
    e.kind = facets.subarray(0, e.n);
    e.current = facets.subarray(e.n, e.n + Math.ceil(e.n / 8));
    let p = e.n + Math.ceil(e.n / 8);
    e.facets = e.meta.facets.map((f) => ({ ...f, index: new Map(f.values.map((v, i) => [v[0], i])) }));
    for (const f of e.facets) {
      if (f.file) continue;
      p = e.column(f, facets, p);
    }
    return e;
  }

  constructor(base, get) {
    this.base = base;
    this.get = get;
    this.shards = new Map();
    this.lists = new Map();
    this.docs = new Map();
  }

  async file(name, versioned = true) {
    const v = versioned ? '?v=' + this.meta.v : '';
    return inflate(await this.get(this.base + name + v));
  }

  column(f, b, p) {
    const w = b[p++];
    f.col = w === 1 ? b.subarray(p, p + this.n) : new Uint16Array(b.slice(p, p + 2 * this.n).buffer);
    return p + w * this.n;
  }

  facet(key) {
    return this.facets.find((f) => f.key === key);
  }

  // load fetches a facet that has its own file.
  async load(key) {
    const f = this.facet(key);
    if (f && f.file && !f.col) {
      f.loading ??= this.file(f.file).then((b) => this.column(f, b, 0));
      await f.loading;
    }
  }

  shard(i) {
    if (!this.shards.has(i)) {
      const p = this.file('t/' + i + '.bin').then(decodeShard);
      p.catch(() => this.shards.delete(i));
      this.shards.set(i, p);
    }
    return this.shards.get(i);
  }

  // doc resolves to document i as a result shows it; two share a file.
  doc(i) {
    const c = i >> 1;
    if (!this.docs.has(c)) {
      const p = this.file('d/' + c + '.json').then((b) => JSON.parse(fromUTF8.decode(b)));
      p.catch(() => this.docs.delete(c));
      this.docs.set(c, p);
    }
    return this.docs.get(c).then((group) => group[i & 1]);
  }

  isCurrent(d) {
    return (this.current[d >> 3] >> (d & 7)) & 1;
  }

  // postings fetches the posting list of a common stem, which is a file
  // of its own.
  list(n) {
    if (!this.lists.has(n)) {
      const p = this.file('p/' + n + '.bin');
      p.catch(() => this.lists.delete(n));
      this.lists.set(n, p);
    }
    return this.lists.get(n);
  }

  // match scores one query term: per document, the best BM25F weight of
  // the words it matched and whether one of them is in the title. A word
  // the dictionary has matches its stem (and so its inflections, and the
  // compounds it is part of); a word it does not have, such as one being
  // typed, matches the words it begins.
  async match(t) {
    const lists = await Promise.all(shardsFor(this.meta.shards, t.stem).map((i) => this.shard(i)));
    const stemBytes = utf8.encode(t.stem).length;
    const near = lists.flat().filter((e) => e.word.startsWith(t.stem));
    const known = near.some((e) => e.word === t.word);
    const chosen = [];
    for (const e of near) {
      if (e.stemLen === stemBytes) chosen.push([e, 1]);
      else if (!known && t.word.length >= minPrefix && e.word.startsWith(t.word)) chosen.push([e, prefixWeight]);
    }
    await Promise.all(chosen.map(async ([e]) => {
      if (e.file !== undefined) {
        e.buf = await this.list(e.file);
        e.at = 0;
      }
    }));
    const best = new Float32Array(this.n);
    const title = new Uint8Array(this.n);
    const hit = new Uint8Array(this.n);
    let df = 0;
    for (const [e, weight] of chosen) {
      postings(e, (d, s) => {
        if (!hit[d]) {
          hit[d] = 1;
          df++;
        }
        best[d] = Math.max(best[d], weight * (((s & 7) + 0.5) / 8));
        if (s & 8) title[d] = 1;
      });
    }
    const idf = Math.log(1 + (this.n - df + 0.5) / (df + 0.5));
    return { hit, title, best, idf };
  }

  // search runs a query with filters ({fylke: Set(["oslo"]), …}) and
  // returns the matching documents in rank order, with counts per facet
  // value of what choosing it would give.
  async search(query, filters = {}) {
    const ts = terms(query, this.stop);
    // A facet with its own file is needed once it, or its parent, is in use.
    const used = (k) => filters[k] && filters[k].size;
    await Promise.all(this.facets.filter((f) => f.file && (used(f.key) || used(f.parent))).map((f) => this.load(f.key)));
    const matches = await Promise.all(ts.map((t) => this.match(t)));
    const n = this.n;
    const facets = this.facets.filter((f) => f.col);
    // pass[f][set] says whether documents with that value set pass the
    // facet's filter: OR within a facet.
    const pass = facets.map((f) => {
      const chosen = filters[f.key];
      if (!chosen || !chosen.size) return null;
      return f.sets.map((set) => set.some((v) => chosen.has(f.values[v][0])));
    });
    const counts = facets.map((f) => new Uint32Array(f.values.length));
    const results = [];
    for (let d = 0; d < n; d++) {
      let ok = true;
      for (const m of matches) if (!m.hit[d]) { ok = false; break; }
      if (!ok) continue;
      let failed = -1, fails = 0;
      for (let i = 0; i < facets.length; i++) {
        if (pass[i] && !pass[i][facets[i].col[d]]) {
          failed = i;
          if (++fails > 1) break;
        }
      }
      if (fails > 1) continue;
      for (let i = 0; i < facets.length; i++) {
        if (fails === 1 && i !== failed) continue;
        for (const v of facets[i].sets[facets[i].col[d]]) counts[i][v]++;
      }
      if (fails === 0) results.push(d);
    }
    if (ts.length) {
      const titles = new Uint8Array(n);
      const score = new Float32Array(n);
      for (const d of results) {
        for (const m of matches) {
          titles[d] += m.title[d];
          score[d] += m.idf * m.best[d];
        }
      }
      results.sort((a, b) => titles[b] - titles[a] || this.isCurrent(b) - this.isCurrent(a) || score[b] - score[a] || a - b);
    }
    const byKey = {};
    facets.forEach((f, i) => { byKey[f.key] = counts[i]; });
    return { terms: ts, results, counts: byKey };
  }
}
