// The search page: results and filters as you type, the state in the
// URL. Without JavaScript (or without DecompressionStream) the page keeps
// its links to the facet pages. Content only ever reaches the page as
// text (textContent), never as HTML.
import { Engine } from './search-engine.js';

const root = document.querySelector('[data-search]');
const pageSize = 10;

if (root && window.DecompressionStream && window.fetch) start();

function t(key, n) {
  let s = root.dataset['t' + key] || '';
  if (n !== undefined) s = s.replace('{n}', n.toLocaleString(document.documentElement.lang || 'nb'));
  return s;
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

async function get(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(url + ': ' + r.status);
  return new Uint8Array(await r.arrayBuffer());
}

async function start() {
  const form = root.querySelector('form');
  const input = form.querySelector('input[type=search]');
  const ui = root.querySelector('.search-ui');
  const status = root.querySelector('.search-status');
  const results = root.querySelector('.search-results');
  const list = results.querySelector('ol');
  const more = root.querySelector('.search-more');
  const facetsBox = root.querySelector('.search-facets');
  const clear = root.querySelector('.search-clear');
  const base = root.dataset.base;
  let engine;
  try {
    engine = await Engine.open(root.dataset.index, get);
  } catch (err) {
    status.textContent = t('failed');
    ui.hidden = false;
    return;
  }
  root.querySelector('.nojs').hidden = true;
  ui.hidden = false;

  const chosen = {}; // facet key -> Set of value keys
  const boxes = {}; // facet key -> {fieldset, items: [{li, input, count}], more}
  const expanded = new Set();
  for (const f of engine.facets) {
    chosen[f.key] = new Set();
    const legend = el('legend', { text: f.label });
    const ul = el('ul');
    const items = f.values.map(([key, label, group], i) => {
      const id = 'f-' + f.key + '-' + i;
      const box = el('input', { type: 'checkbox', id, name: f.key, value: key });
      const count = el('span', { class: 'count' });
      const li = el('li', {}, box, el('label', { for: id }, label + ' ', count));
      ul.append(li);
      box.addEventListener('change', () => {
        if (box.checked) chosen[f.key].add(key);
        else chosen[f.key].delete(key);
        run(true);
      });
      return { li, box, count, group };
    });
    const toggle = el('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false' });
    toggle.addEventListener('click', async () => {
      if (!f.col) {
        // a facet with its own file: fetch it, then count again
        expanded.add(f.key);
        await engine.load(f.key);
        await run(false);
        return;
      }
      if (expanded.has(f.key)) expanded.delete(f.key);
      else expanded.add(f.key);
      show(last);
      if (!expanded.has(f.key)) toggle.focus();
    });
    const hint = el('p', { class: 'hint', text: f.parent ? t('pickcounty') : '' });
    const fieldset = el('fieldset', { class: 'facet' }, legend, hint, ul, toggle);
    facetsBox.append(fieldset);
    boxes[f.key] = { fieldset, items, toggle, hint };
  }

  function readURL(first) {
    const params = new URLSearchParams(location.search);
    // What a visitor typed while the index loaded is kept.
    if (!(first && !params.has('q') && input.value)) input.value = params.get('q') || '';
    for (const f of engine.facets) {
      chosen[f.key] = new Set(params.getAll(f.key));
      for (const it of boxes[f.key].items) it.box.checked = chosen[f.key].has(it.box.value);
    }
  }

  function writeURL(push) {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    for (const f of engine.facets) for (const v of chosen[f.key]) params.append(f.key, v);
    const qs = params.toString();
    const url = location.pathname + (qs ? '?' + qs : '');
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  let last = null; // the answer shown
  let shown = 0;
  let seq = 0;

  async function run(push) {
    writeURL(push);
    const mine = ++seq;
    results.setAttribute('aria-busy', 'true');
    const filters = {};
    for (const k in chosen) filters[k] = chosen[k];
    let answer;
    try {
      answer = await engine.search(input.value, filters);
    } catch (err) {
      if (mine === seq) {
        status.textContent = t('failed');
        results.setAttribute('aria-busy', 'false');
      }
      return;
    }
    if (mine !== seq) return; // a newer query is on its way
    last = answer;
    show(answer);
    list.replaceChildren();
    shown = 0;
    await page();
    if (mine === seq) results.setAttribute('aria-busy', 'false');
  }

  function empty() {
    return !last.terms.length && Object.values(chosen).every((s) => !s.size);
  }

  function show(answer) {
    for (const f of engine.facets) {
      const b = boxes[f.key];
      const counts = answer.counts[f.key];
      const parents = f.parent ? chosen[f.parent] : null;
      if (!counts && !f.parent) {
        // not fetched yet: offer to show it
        for (const it of b.items) it.li.hidden = true;
        b.toggle.hidden = false;
        b.toggle.setAttribute('aria-expanded', 'false');
        b.toggle.textContent = t('showall') + ' (' + f.values.length + ')';
        b.hint.hidden = true;
        b.fieldset.hidden = false;
        continue;
      }
      let visible = 0;
      const limit = expanded.has(f.key) ? Infinity : 8;
      let hidden = 0;
      b.items.forEach((it, i) => {
        const n = counts ? counts[i] : 0;
        let on = it.box.checked || n > 0;
        if (parents) on = it.box.checked || (parents.has(it.group) && n > 0);
        if (on && visible >= limit && !it.box.checked) {
          hidden++;
          on = false;
        }
        if (on) visible++;
        it.li.hidden = !on;
        it.count.textContent = '(' + n.toLocaleString(document.documentElement.lang || 'nb') + ')';
      });
      b.toggle.hidden = !hidden && !expanded.has(f.key);
      b.toggle.setAttribute('aria-expanded', expanded.has(f.key) ? 'true' : 'false');
      b.toggle.textContent = expanded.has(f.key) ? t('showfewer') : t('showall') + ' (' + (visible + hidden) + ')';
      b.hint.hidden = !parents || parents.size > 0;
      b.fieldset.hidden = !visible && !(parents && !parents.size);
    }
    const n = answer.results.length;
    status.textContent = empty() ? t('start') : n === 0 ? t('none') : n === 1 ? t('one') : t('results', n);
    clear.hidden = Object.values(chosen).every((s) => !s.size);
  }

  async function page() {
    const ids = empty() ? [] : last.results.slice(shown, shown + pageSize);
    const answer = last;
    const docs = await Promise.all(ids.map((d) => engine.doc(d).catch(() => null)));
    if (answer !== last) return;
    let first = null;
    ids.forEach((d, i) => {
      const doc = docs[i];
      if (!doc) return;
      const a = el('a', { href: base + doc.u.replace(/^\//, ''), text: doc.t });
      first ??= a;
      const bits = [];
      if (engine.kind[d] !== 0) bits.push(engine.meta.kinds[engine.kind[d]]);
      if (doc.o) bits.push(doc.o);
      if (doc.w) bits.push(doc.w);
      if (doc.p) bits.push(doc.p);
      const li = el('li', {}, el('h3', {}, a), el('p', { class: 'meta', text: bits.join(' · ') }));
      if (doc.s) li.append(el('p', { text: doc.s }));
      list.append(li);
    });
    shown += ids.length;
    more.hidden = shown >= last.results.length || empty();
    return first;
  }

  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(false), 150);
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearTimeout(timer);
    run(true);
  });
  more.addEventListener('click', async () => {
    const first = await page();
    if (first) first.focus();
  });
  clear.addEventListener('click', () => {
    for (const k in chosen) chosen[k].clear();
    for (const k in boxes) for (const it of boxes[k].items) it.box.checked = false;
    run(true);
    input.focus();
  });
  window.addEventListener('popstate', () => {
    readURL();
    run(false);
  });
  readURL(true);
  run(false);
}
