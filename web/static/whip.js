// Whip count (/api/forecast): a draft's form -> each member's probabilities,
// P(adopted), the swing states, and the earlier text it was read against.
import { api, bindForm, cards, fmt, guarded, plot, table } from './common.js';

const form = document.getElementById('form');

async function show(v) {
  const r = await api('forecast', v);
  const d = r.items[0];
  cards('cards', [['P(adopted)', fmt(d.p_adopted), 'p_adopted'], ['P(no-action passes)', d.p_no_action == null ? '–' : fmt(d.p_no_action), 'p_no_action'],
    ['expected yes', fmt(d.expected.yes, 1), 'yes'], ['expected no', fmt(d.expected.no, 1), 'no'],
    ['expected abstain', fmt(d.expected.abstain, 1), 'abstain'], ['members', d.members, 'members']]);
  document.getElementById('like').textContent = d.like ? `Read against ${d.like} (the earlier text it repeats).` : '';
  const order = [...d.ballots].sort((x, y) => (y.p.yes - y.p.no) - (x.p.yes - x.p.no)).map(b => b.state);
  const long = d.ballots.flatMap(b => ['yes', 'abstain', 'absent', 'no'].map((k, i) => ({ state: b.state, ballot: k, p: b.p[k], stack: i })));
  await plot('members', {
    height: { step: 16 }, mark: 'bar',
    encoding: { y: { field: 'state', type: 'nominal', sort: order, axis: { labelFontSize: 11 }, title: null },
                x: { field: 'p', type: 'quantitative', stack: 'normalize', title: 'probability', axis: { format: '.0%', tickCount: 10 } },
                color: { field: 'ballot', type: 'nominal', scale: { domain: ['yes', 'abstain', 'absent', 'no'],
                         range: ['#2e7d32', '#f9a825', '#9e9e9e', '#c62828'] },
                         legend: { orient: 'top', title: null } },
                order: { field: 'stack' }, // yes, abstain, absent, no from the left
                tooltip: [{ field: 'state' }, { field: 'ballot' }, { field: 'p', format: '.3f' }] },
  }, long, `forecast-${v.body}-${v.date}`);
  const swing = [...d.ballots].sort((x, y) => y.swing - x.swing).slice(0, 12)
    .map(b => ({ state: b.state, yes: b.p.yes, no: b.p.no, abstain: b.p.abstain, absent: b.p.absent, decisive: b.decisive, swing: b.swing }));
  table('swing', [['state', 'state'], ['yes', 'P(yes)', 3], ['no', 'P(no)', 3], ['abstain', 'P(abstain)', 3],
    ['absent', 'P(absent)', 3], ['decisive', 'decisive', 4], ['swing', 'swing', 5]], swing);
}

const first = bindForm(form, v => guarded(() => show(v)));
guarded(() => show(first));
