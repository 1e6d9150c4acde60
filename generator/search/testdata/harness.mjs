// Runs the theme's search engine (copied next to this file as
// engine.mjs by the Go tests) on an index folder, and answers the
// requests on stdin, one JSON object per line, with one JSON line each:
//
//	{"op":"words","text":"…"}            -> words, folded, stems
//	{"op":"search","q":"…","filters":{…},"docs":10,"fresh":true}
//	                                      -> results, counts, titles of the
//	                                         first docs, bytes fetched
import { Engine, words, fold, stem, terms, shardsFor } from './engine.mjs';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createInterface } from 'node:readline';

const dir = process.argv[2];
let bytes = 0, files = 0;
const get = async (url) => {
  const b = await readFile(dir + url.replace(/\?.*$/, ''));
  // as served: .bin files are gzip already, a host compresses the rest
  bytes += b[0] === 0x1f && b[1] === 0x8b ? b.length : gzipSync(b, { level: 6 }).length;
  files++;
  return new Uint8Array(b);
};

const engine = await Engine.open('/search/', get);
const opened = { bytes, files };
const out = (v) => process.stdout.write(JSON.stringify(v) + '\n');
out({ op: 'open', ...opened });

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const req = JSON.parse(line);
  bytes = 0;
  files = 0;
  if (req.op === 'words') {
    const ws = words(req.text);
    out({ words: ws, folded: ws.map(fold), stems: ws.map((w) => fold(stem(w))), terms: terms(req.text, engine.stop) });
  } else if (req.op === 'shards') {
    out({ shards: shardsFor(engine.meta.shards, req.prefix) });
  } else if (req.op === 'search') {
    if (req.fresh) {
      // a first query: nothing fetched yet but the index metadata
      engine.shards.clear();
      engine.lists.clear();
      engine.docs.clear();
    }
    const filters = {};
    for (const [k, v] of Object.entries(req.filters || {})) filters[k] = new Set(v);
    const r = await engine.search(req.q, filters);
    const first = r.results.slice(0, req.docs ?? 10);
    const docs = await Promise.all(first.map((d) => engine.doc(d)));
    const counts = {};
    for (const [k, c] of Object.entries(r.counts)) {
      const f = engine.facet(k);
      counts[k] = {};
      c.forEach((n, i) => { if (n) counts[k][f.values[i][0]] = n; });
    }
    out({ results: r.results, titles: docs.map((d) => d.t), urls: docs.map((d) => d.u), counts, bytes, files });
  }
}
