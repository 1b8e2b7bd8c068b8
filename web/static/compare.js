// Compare two states (/api/compare?a=&b=&body=[&from=&to=]; the JSON of
// `hrr compare A B --json`): agreement over the whole range, year by year
// and by subject, and the votes where they differed most.
import { api, bindForm, cards, fmt, guarded, plot, table } from './common.js';

const form = document.getElementById('form');

async function show(v) {
  const a = v.a.toUpperCase(), b = v.b.toUpperCase();
  const c = await api('compare', { a, b, body: v.body, from: v.from, to: v.to });
  const years = c.from || c.to ? `${c.from ?? '…'}–${c.to ?? '…'}` : 'all years';
  document.getElementById('names').textContent = `${c.name_a} (${c.a}) and ${c.name_b} (${c.b}), ${c.body}, ${years}`;
  cards('cards', [[`votes both cast (${c.body})`, c.all.n, 'n'], ['agreement (same ballot)', fmt(c.all.agree), 'agree'],
                  ['agreement, abstention = ½', fmt(c.all.agree_half), 'agree_half'],
                  ['votes one yes, one no', c.all.opposed, 'opposed']]);
  // run: a stretch of consecutive years (a line breaks where years are missing)
  let run = 0;
  const long = c.by_year.flatMap((r, i) => {
    if (!i || r.year - c.by_year[i - 1].year > 1) run++;
    return [{ year: r.year, measure: 'agree', value: r.agree, n: r.n, same: r.same, opposed: r.opposed, run },
            { year: r.year, measure: 'agree_half', value: r.agree_half, n: r.n, same: r.same, opposed: r.opposed, run }];
  });
  await plot('years', {
    height: 260, mark: { type: 'line', point: true },
    encoding: { x: { field: 'year', type: 'quantitative', axis: { format: 'd', tickMinStep: 1 } },
                y: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, title: `${a}–${b} agreement` },
                color: { field: 'measure', type: 'nominal', legend: { orient: 'top', title: null } }, detail: { field: 'run' },
                tooltip: [{ field: 'year' }, { field: 'measure' }, { field: 'value', format: '.3f' }, { field: 'n' },
                          { field: 'same' }, { field: 'opposed' }] },
  }, long, `agree-${a}-${b}-${c.body}`);
  // the subjects with the most votes (the API's order), at most 25
  const subjects = c.by_subject.slice(0, 25);
  await plot('subjects', {
    width: Math.max(300, document.getElementById('subjects').clientWidth - 420), height: { step: 18 },
    encoding: { y: { field: 'subject', type: 'nominal', sort: null, title: null, axis: { labelLimit: 320 } },
                x: { field: 'agree_half', type: 'quantitative', scale: { domain: [0, 1] }, title: 'agreement (abstention = ½)' },
                tooltip: [{ field: 'subject' }, { field: 'n' }, { field: 'same' }, { field: 'opposed' },
                          { field: 'agree', format: '.3f' }, { field: 'agree_half', format: '.3f' }] },
    layer: [{ mark: 'bar' },
            { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#5b6475' },
              encoding: { text: { field: 'n', format: 'd' } } }],
  }, subjects, `agree-by-subject-${a}-${b}-${c.body}`);
  table('differ', [['date', 'date'], ['symbol', 'symbol'], ['a', a], ['b', b], ['subject', 'subject'], ['title', 'title']],
        c.differed);
}

const first = bindForm(form, v => guarded(() => show(v)));
guarded(() => show(first));
