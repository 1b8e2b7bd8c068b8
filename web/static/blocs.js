// Blocs: the agreement heatmap ordered by bloc (/api/agree, /api/blocs), the
// blocs year by year (/api/blocs?by_year=1) and the LMG's and the EU's
// cohesion (/api/cohesion?group=LMG, EU).
import { api, bindForm, cards, fmt, guarded, plot, table } from './common.js';

const form = document.getElementById('form');

async function show(v) {
  const range = { body: v.body, from: v.from, to: v.to };
  const [pairs, blocs, years, lmg, eu] = await Promise.all([
    api('agree', { ...range, min: v.min }), api('blocs', { ...range, min: v.min }),
    api('blocs', { ...range, min: v.min, by_year: 1 }),
    api('cohesion', { ...range, group: 'LMG' }), api('cohesion', { ...range, group: 'EU' })]);
  const bloc = new Map();
  blocs.blocs.forEach((b, i) => b.members.forEach(s => bloc.set(s, i + 1)));
  const order = [...bloc.keys()].sort((x, y) => bloc.get(x) - bloc.get(y) || x.localeCompare(y));
  const cells = [];
  for (const p of pairs) {
    if (p.agree == null || !bloc.has(p.a) || !bloc.has(p.b)) continue;
    cells.push({ a: p.a, b: p.b, agree: p.agree, n: p.n, bloc_a: bloc.get(p.a), bloc_b: bloc.get(p.b) });
    cells.push({ a: p.b, b: p.a, agree: p.agree, n: p.n, bloc_a: bloc.get(p.b), bloc_b: bloc.get(p.a) });
  }
  cards('cards', [['blocs', blocs.blocs.length, 'blocs'], ['states', order.length, 'states'],
                  ['modularity', fmt(blocs.modularity), 'modularity']]);
  await plot('heat', {
    width: Math.max(300, order.length * 9), height: Math.max(300, order.length * 9), mark: 'rect',
    encoding: { x: { field: 'a', type: 'nominal', sort: order, title: null, axis: { labelFontSize: 8 } },
                y: { field: 'b', type: 'nominal', sort: order, title: null, axis: { labelFontSize: 8 } },
                color: { field: 'agree', type: 'quantitative', scale: { scheme: 'blues', domain: [0, 1] } },
                tooltip: [{ field: 'a' }, { field: 'b' }, { field: 'agree', format: '.3f' }, { field: 'n' }, { field: 'bloc_a' }, { field: 'bloc_b' }] },
  }, cells, `agree-pairs-${v.body}`);
  const ym = years.years.flatMap(y => y.blocs.flatMap((b, i) => b.members.map(s => ({ year: y.year, state: s, bloc: i + 1 }))));
  await plot('years', {
    height: { step: 9 }, mark: 'rect',
    encoding: { x: { field: 'year', type: 'ordinal' },
                y: { field: 'state', type: 'nominal', sort: order, axis: { labelFontSize: 8 } },
                color: { field: 'bloc', type: 'nominal', scale: { scheme: 'category10' } },
                tooltip: [{ field: 'year' }, { field: 'state' }, { field: 'bloc' }] },
  }, ym, `blocs-by-year-${v.body}`);
  const coh = [...lmg.map(r => ({ group: 'LMG', ...r })), ...eu.map(r => ({ group: 'EU', ...r }))];
  await plot('cohesion', {
    height: 240, mark: { type: 'line', point: true },
    encoding: { x: { field: 'year', type: 'quantitative', axis: { format: 'd', tickMinStep: 1 } },
                y: { field: 'rice', type: 'quantitative', scale: { domain: [0, 1] }, title: 'Rice index' },
                color: { field: 'group', type: 'nominal' },
                tooltip: [{ field: 'group' }, { field: 'year' }, { field: 'rice', format: '.3f' }, { field: 'hnr', format: '.3f' }, { field: 'items' }] },
  }, coh, `cohesion-LMG-EU-${v.body}`);
  table('members', [['bloc', 'bloc'], ['n', 'states', 0], ['members', 'members']],
        blocs.blocs.map((b, i) => ({ bloc: i + 1, n: b.members.length, members: b.members.join(' ') })));
}

const first = bindForm(form, v => guarded(() => show(v)));
guarded(() => show(first));
