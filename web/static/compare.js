// Compare two states: agreement over time (/api/agree?with=A&by_year=1) and
// by subject, and the votes where they differed most (/api/compare).
import { api, bindForm, cards, fmt, guarded, plot, table } from './common.js';

const form = document.getElementById('form');

async function show(v) {
  const a = v.a.toUpperCase(), b = v.b.toUpperCase();
  const range = { body: v.body, from: v.from, to: v.to };
  const [years, cmp] = await Promise.all([
    api('agree', { ...range, with: a, by_year: 1 }), api('compare', { a, b, ...range })]);
  const rows = years.filter(r => r.b === b);
  const n = rows.reduce((s, r) => s + r.n, 0);
  const mean = n ? rows.reduce((s, r) => s + r.agree * r.n, 0) / n : null;
  cards('cards', [[`votes both cast (${v.body})`, n, 'n'], ['agreement', fmt(mean), 'agree'],
                  ['votes one yes, one no', cmp.differ.length, 'differ']]);
  const long = rows.flatMap(r => [{ year: r.year, measure: 'agree', value: r.agree, n: r.n },
                                  { year: r.year, measure: 'agree_half', value: r.agree_half, n: r.n }]);
  await plot('years', {
    height: 260, mark: { type: 'line', point: true },
    encoding: { x: { field: 'year', type: 'quantitative', axis: { format: 'd', tickMinStep: 1 } },
                y: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, title: `${a}–${b} agreement` },
                color: { field: 'measure', type: 'nominal' },
                tooltip: [{ field: 'year' }, { field: 'measure' }, { field: 'value', format: '.3f' }, { field: 'n' }] },
  }, long, `agree-${a}-${b}-${v.body}`);
  await plot('subjects', {
    height: { step: 16 }, mark: 'bar',
    encoding: { y: { field: 'subject', type: 'nominal', sort: '-x' },
                x: { field: 'agree', type: 'quantitative', scale: { domain: [0, 1] } },
                tooltip: [{ field: 'subject' }, { field: 'agree', format: '.3f' }, { field: 'n' }] },
  }, cmp.by_subject.slice(0, 25), `agree-by-subject-${a}-${b}-${v.body}`);
  table('differ', [['date', 'date'], ['symbol', 'symbol'], ['a_vote', a], ['b_vote', b], ['title', 'title']],
        cmp.differ);
}

const first = bindForm(form, v => guarded(() => show(v)));
guarded(() => show(first));
