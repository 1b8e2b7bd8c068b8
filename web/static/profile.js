// State profile (/api/profile?state=[&body=]; the JSON of `hrr profile
// ISO3 --json`): how it voted, the ideal-point path with its interval,
// agreement with each group over time, treaties, UPR given and received
// (by session), the country texts that targeted it, its memberships and
// the casebook entries about it.
import { api, bindForm, cards, guarded, plot, table } from './common.js';

const form = document.getElementById('form');
const YEAR = { field: 'year', type: 'quantitative', axis: { format: 'd', tickMinStep: 1 }, title: 'year' };
const sum = (rows, f) => rows.reduce((n, r) => n + (f(r) || 0), 0);

// UPR rows of one direction (given or received), long: session x response.
const upr = (rows, dir) => rows.filter(r => r[dir].total).flatMap(r => [
  { session: r.session, response: 'supported', n: r[dir].supported, total: r[dir].total },
  { session: r.session, response: 'noted', n: r[dir].noted, total: r[dir].total }]);
const uprSpec = title => ({
  height: 220, mark: 'bar',
  encoding: { x: { field: 'session', type: 'ordinal', title: 'UPR session', axis: { labelAngle: 0 } },
              y: { field: 'n', type: 'quantitative', title },
              color: { field: 'response', type: 'nominal', scale: { domain: ['supported', 'noted'], range: ['#2e7d32', '#f9a825'] },
                       legend: { orient: 'top', title: null } },
              tooltip: [{ field: 'session' }, { field: 'response' }, { field: 'n' }, { field: 'total' }] } });

async function show(v) {
  const state = v.state.toUpperCase();
  const p = await api('profile', { state, body: v.body });
  const s = p.state;
  const scope = v.body || 'all bodies';
  document.getElementById('name').textContent = `${s.name} (${s.iso3})`;
  cards('cards', [[`${s.name} · ${s.un_group || 'no regional group'}`, s.iso3, 'iso3'],
    ['treaties: party', p.treaties.filter(t => t.status === 'party').length, 'treaties'],
    ['UPR recommendations given', sum(p.upr, r => r.given.total), 'upr_given'],
    ['UPR recommendations received', sum(p.upr, r => r.received.total), 'upr_received'],
    [`texts targeting it (${scope})`, p.targeted.length, 'targeted'],
    [`recorded votes (${scope})`, sum(p.voting, r => r.items), 'items']]);
  table('voting', [['body', 'body'], ['items', 'items', 0], ['yes', 'yes', 0], ['no', 'no', 0],
    ['abstain', 'abstain', 0], ['absent', 'absent', 0], ['first', 'first'], ['last', 'last']], p.voting);

  document.getElementById('idealnote').textContent = p.ideal.note || '';
  await plot('ideal', {
    height: 260,
    encoding: { x: YEAR, color: { field: 'body', type: 'nominal' } },
    layer: [
      { mark: { type: 'area', opacity: 0.25 },
        encoding: { y: { field: 'lo', type: 'quantitative', title: 'ideal point', scale: { zero: false } }, y2: { field: 'hi' } } },
      { mark: { type: 'line', point: true },
        encoding: { y: { field: 'x', type: 'quantitative' },
                    tooltip: [{ field: 'body' }, { field: 'year' }, { field: 'x', format: '.3f' }, { field: 'lo', format: '.3f' },
                              { field: 'hi', format: '.3f' }, { field: 'votes' }] } }],
  }, p.ideal.path, `ideal-${s.iso3}`);

  // one small panel per group, a line per body, broken where years are
  // missing (run: a stretch of consecutive years)
  const groups = [...new Set(p.agreement.map(r => r.group))];
  const last = new Map();
  let runs = 0;
  const agreement = p.agreement.map(r => {
    const k = `${r.body} ${r.group}`, prev = last.get(k);
    last.set(k, { year: r.year, run: prev && r.year - prev.year === 1 ? prev.run : ++runs });
    return { ...r, run: last.get(k).run };
  });
  const box = document.getElementById('agree').clientWidth;
  await plot('agree', {
    width: Math.max(150, Math.floor((box - 200) / 4) - 20), height: 150,
    mark: { type: 'line', point: { size: 16 } },
    encoding: { x: { ...YEAR, title: null }, y: { field: 'share', type: 'quantitative', scale: { domain: [0, 1] }, title: 'share voted alike' },
                color: { field: 'body', type: 'nominal', title: 'body' }, detail: { field: 'run' },
                facet: { field: 'group', type: 'nominal', sort: groups, columns: 4, title: null, header: { labelFontSize: 13, labelFontWeight: 'bold' } },
                tooltip: [{ field: 'body' }, { field: 'group' }, { field: 'year' }, { field: 'share', format: '.3f' },
                          { field: 'same' }, { field: 'n' }] },
  }, agreement, `agree-groups-${s.iso3}${v.body ? '-' + v.body : ''}`);

  table('treaties', [['instrument', 'instrument'], ['name', 'name'], ['status', 'status'], ['year', 'year']], p.treaties);
  await plot('uprg', uprSpec('recommendations given'), upr(p.upr, 'given'), `upr-given-${s.iso3}`);
  await plot('uprr', uprSpec('recommendations received'), upr(p.upr, 'received'), `upr-received-${s.iso3}`);
  table('targeted', [['date', 'date'], ['body', 'body'], ['symbol', 'symbol'], ['kind', 'kind'],
    ['yes', 'yes', 0], ['no', 'no', 0], ['abstain', 'abst.', 0], ['outcome', 'outcome'], ['vote', 'its vote'],
    ['title', 'title']], p.targeted);
  table('memberships', [['org', 'group'], ['start', 'from'], ['end', 'to'], ['source', 'source']], p.memberships);
  table('casebook', [['date', 'date'], ['body', 'body'], ['symbol', 'symbol'], ['kind', 'kind'], ['outcome', 'outcome'],
    ['note', 'note']], p.casebook);
}

const first = bindForm(form, v => guarded(() => show(v)));
guarded(() => show(first));
