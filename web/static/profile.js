// State profile (/api/profile?state=): ideal-point path, agreement with
// groups, treaties, UPR given and received, texts that targeted the state.
import { api, bindForm, cards, guarded, plot, table } from './common.js';

const form = document.getElementById('form');
const sumBy = (rows, key) => {
  const m = new Map();
  for (const r of rows) {
    const a = m.get(r[key]) || { state: r[key], recommendations: 0, supported: 0, noted: 0 };
    a.recommendations += r.recommendations; a.supported += r.supported; a.noted += r.noted;
    m.set(r[key], a);
  }
  return [...m.values()].sort((x, y) => y.recommendations - x.recommendations).slice(0, 15);
};

async function show(v) {
  const p = await api('profile', { state: v.state });
  const s = p.state;
  const given = p.upr_given.reduce((n, r) => n + r.recommendations, 0);
  const received = p.upr_received.reduce((n, r) => n + r.recommendations, 0);
  cards('cards', [[`${s.name} · ${s.group || ''}`, s.iso3, 'iso3'], ['treaties', p.treaties.length, 'treaties'],
    ['UPR given', given, 'upr_given'], ['UPR received', received, 'upr_received'],
    ['texts targeting it', p.targeted.length, 'targeted']]);
  const ideal = p.ideal.map(r => ({ ...r, lo: r.dim1 - 1.96 * r.sd, hi: r.dim1 + 1.96 * r.sd }));
  await plot('ideal', {
    height: 260,
    encoding: { x: { field: 'year', type: 'quantitative', axis: { format: 'd', tickMinStep: 1 } },
                color: { field: 'body', type: 'nominal' } },
    layer: [
      { mark: { type: 'area', opacity: 0.2 }, encoding: { y: { field: 'lo', type: 'quantitative', title: 'ideal point (dim 1)' }, y2: { field: 'hi' } } },
      { mark: { type: 'line', point: true }, encoding: { y: { field: 'dim1', type: 'quantitative' },
        tooltip: [{ field: 'body' }, { field: 'year' }, { field: 'dim1', format: '.3f' }, { field: 'sd', format: '.3f' }, { field: 'votes' }] } }],
  }, ideal, `ideal-${s.iso3}`);
  const agree = p.agree_groups.filter(r => r.body === v.body);
  await plot('agree', {
    height: 260, mark: { type: 'line', point: true },
    encoding: { x: { field: 'year', type: 'quantitative', axis: { format: 'd', tickMinStep: 1 } },
                y: { field: 'agree', type: 'quantitative', scale: { domain: [0, 1] } },
                color: { field: 'group', type: 'nominal' },
                tooltip: [{ field: 'group' }, { field: 'year' }, { field: 'agree', format: '.3f' }, { field: 'n' }] },
  }, agree, `agree-groups-${s.iso3}-${v.body}`);
  table('treaties', [['instrument', 'instrument'], ['status', 'status'], ['year', 'year']], p.treaties);
  const bar = title => ({
    height: { step: 16 }, mark: 'bar',
    encoding: { y: { field: 'state', type: 'nominal', sort: '-x', title }, x: { field: 'recommendations', type: 'quantitative' },
                tooltip: [{ field: 'state' }, { field: 'recommendations' }, { field: 'supported' }, { field: 'noted' }] } });
  await plot('uprg', bar('to'), sumBy(p.upr_given, 'state'), `upr-given-${s.iso3}`);
  await plot('uprr', bar('from'), sumBy(p.upr_received, 'state'), `upr-received-${s.iso3}`);
  table('targeted', [['date', 'date'], ['body', 'body'], ['symbol', 'symbol', (x, r) => x || r.key], ['kind', 'kind'],
    ['yes', 'yes', 0], ['no', 'no', 0], ['abstain', 'abst.', 0], ['outcome', 'outcome'], ['title', 'title']], p.targeted);
}

const first = bindForm(form, v => guarded(() => show(v)));
guarded(() => show(first));
