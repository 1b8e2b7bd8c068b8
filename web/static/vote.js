// A vote (/api/votes?ref=): each member's ballot on a seat map by regional
// group (/api/states for the groups), the official tally against the counted
// ballots, and the findings about it (/api/check).
import { api, bindForm, guarded, plot, table } from './common.js';

const form = document.getElementById('form');
const GROUPS = ['AFRICAN', 'ASIA_PACIFIC', 'EEG', 'GRULAC', 'WEOG'];
const ROW = 8; // seats per row in each group's block
let states = null;

async function show(v) {
  if (!states) states = new Map((await api('states')).map(s => [s.iso3, s]));
  const it = await api('votes', { ref: v.ref });
  const [check] = await Promise.all([api('check')]);
  table('item', [['k', ''], ['v', '']], [
    ['symbol', it.symbol || it.key], ['body', `${it.body}, session ${it.session ?? ''}`], ['date', it.date],
    ['kind', [it.kind, it.scope, it.target && `target ${it.target}`].filter(Boolean).join(', ')],
    ['title', it.title], ['outcome', it.outcome]].map(([k, x]) => ({ k, v: x })));
  const seen = new Map();
  const seats = it.ballots.map(b => {
    const group = states.get(b.state)?.group || 'other';
    const i = seen.get(group) || 0;
    seen.set(group, i + 1);
    return { state: b.state, name: b.name, vote: b.vote, group, col: i % ROW, row: Math.floor(i / ROW) };
  });
  await plot('seats', {
    width: 150, height: { step: 26 },
    facet: { column: { field: 'group', type: 'nominal', sort: GROUPS, title: null, header: { labelFontSize: 13 } } },
    spec: {
      width: ROW * 26, height: 26 * Math.max(1, ...[...seen.values()].map(n => Math.ceil(n / ROW))),
      layer: [
        { mark: { type: 'square', size: 480 },
          encoding: { color: { field: 'vote', type: 'nominal', scale: { domain: ['yes', 'no', 'abstain', 'absent'],
                      range: ['#2e7d32', '#c62828', '#f9a825', '#9e9e9e'] },
                      legend: { orient: 'bottom', title: 'ballot', direction: 'horizontal' } },
                      tooltip: [{ field: 'state' }, { field: 'name' }, { field: 'vote' }] } },
        { mark: { type: 'text', fontSize: 7, color: 'white' }, encoding: { text: { field: 'state' } } }],
      encoding: { x: { field: 'col', type: 'ordinal', axis: null }, y: { field: 'row', type: 'ordinal', axis: null } },
    },
  }, seats, `ballots-${(it.symbol || it.key).replace(/\W+/g, '_')}`);
  const o = it.official || {}, c = it.counted || {};
  table('tally', [['k', ''], ['official', 'official', 0], ['counted', 'counted', 0]], [
    { k: 'yes', official: o.yes, counted: c.yes }, { k: 'no', official: o.no, counted: c.no },
    { k: 'abstain', official: o.abstain, counted: c.abstain },
    { k: 'absent / non-voting', official: o.nonvoting, counted: c.absent },
    { k: 'not a member (not listed)', official: null, counted: c.not_member }]);
  table('findings', [['kind', 'kind'], ['date', 'date'], ['detail', 'detail']],
        check.findings.filter(f => f.item === it.key || f.item === it.symbol));
}

const first = bindForm(form, v => guarded(() => show(v)));
guarded(() => show(first));
