// Replay (/api/rules, /api/replay): what flips under another rule set, by
// year and by target.
import { api, bindForm, cards, guarded, plot, table } from './common.js';

const form = document.getElementById('form');
const count = (rows, key) => {
  const m = new Map();
  for (const r of rows) {
    const k = `${r[key] ?? '(none)'}\t${r.own}→${r.outcome}`;
    m.set(k, (m.get(k) || 0) + 1);
  }
  return [...m].map(([k, n]) => { const [v, flip] = k.split('\t'); return { [key]: v, flip, n }; });
};

async function show(v) {
  const rules = await api('rules');
  const sel = document.getElementById('rules');
  if (!sel.options.length) {
    for (const r of rules) sel.add(new Option(`${r.name} (${r.body})`, r.name));
    sel.value = new URLSearchParams(location.search).get('rules') || 'hrc-china-2007';
    v.rules = sel.value;
  }
  document.getElementById('ruletitle').textContent = rules.find(r => r.name === v.rules)?.title || '';
  const flips = await api('replay', { rules: v.rules, body: v.body, kind: v.kind, from: v.from, to: v.to });
  const rows = flips.map(r => ({ ...r, year: r.date ? Number(r.date.slice(0, 4)) : null }));
  cards('cards', [['votes that flip', rows.length, 'flips'],
    ['adopted → rejected', rows.filter(r => r.own === 'adopted').length, 'adopted_rejected'],
    ['target states', new Set(rows.map(r => r.target).filter(Boolean)).size, 'targets']]);
  await plot('byyear', {
    height: 240, mark: 'bar',
    encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'n', type: 'quantitative', title: 'votes that flip' },
                color: { field: 'flip', type: 'nominal' }, tooltip: [{ field: 'year' }, { field: 'flip' }, { field: 'n' }] },
  }, count(rows, 'year'), `flips-by-year-${v.rules}`);
  await plot('bytarget', {
    height: { step: 16 }, mark: 'bar',
    encoding: { y: { field: 'target', type: 'nominal', sort: '-x' }, x: { field: 'n', type: 'quantitative', title: 'votes that flip' },
                color: { field: 'flip', type: 'nominal' }, tooltip: [{ field: 'target' }, { field: 'flip' }, { field: 'n' }] },
  }, count(rows, 'target'), `flips-by-target-${v.rules}`);
  table('items', [['date', 'date'], ['symbol', 'symbol'], ['target', 'target'], ['yes', 'yes', 0], ['no', 'no', 0],
    ['abstain', 'abst.', 0], ['own', 'own rules'], ['outcome', v.rules], ['margin', 'margin', 0], ['reason', 'why']], rows);
}

const first = bindForm(form, v => guarded(() => show(v)));
guarded(() => show(first));
