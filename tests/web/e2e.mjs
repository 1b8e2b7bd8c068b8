// Browser tests of the dashboard: each page loaded in headless Chromium
// against `hrr serve` running at $HRR_URL; the
// numbers a page shows are checked against the API's own answer, the
// filters are changed and submitted, a screenshot of each page goes to
// $HRR_SHOTS, and any console error or failed request fails the test.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../web/package.json'));
const { chromium } = require('playwright-core');

const BASE = process.env.HRR_URL || 'http://127.0.0.1:8080';
const SHOTS = process.env.HRR_SHOTS || path.join(here, '../../build/web-shots');
mkdirSync(SHOTS, { recursive: true });

let failures = 0;
const fail = msg => { failures++; console.error(`FAIL ${msg}`); };
const eq = (what, got, want) => { if (String(got) !== String(want)) fail(`${what}: page shows '${got}', API says '${want}'`); };
const f3 = v => (v == null ? '' : Number(v).toFixed(3));
async function apiGet(route, q) {
  const r = await fetch(`${BASE}/api/${route}?${new URLSearchParams(q)}`);
  if (!r.ok) throw new Error(`/api/${route}: ${r.status}`);
  return r.json();
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
let current = '';
page.on('console', m => { if (m.type() === 'error') fail(`${current}: console error: ${m.text()}`); });
page.on('pageerror', e => fail(`${current}: ${e.message}`));
page.on('requestfailed', r => fail(`${current}: request failed: ${r.url()} ${r.failure()?.errorText}`));
page.on('response', r => { if (r.status() >= 400) fail(`${current}: HTTP ${r.status()} ${r.url()}`); });

async function open(name, url) {
  current = name;
  await page.goto(BASE + url, { waitUntil: 'networkidle' });
  await settle();
}
async function settle() {
  await page.waitForFunction(() => document.getElementById('status')?.textContent !== 'Loading…', null, { timeout: 60000 });
  await page.waitForLoadState('networkidle');
  const err = await page.$eval('#status', e => (e.className === 'error' ? e.textContent : ''));
  if (err) fail(`${current}: the page says: ${err}`);
}
const card = key => page.$eval(`[data-key="${key}"]`, e => e.textContent);
const cells = (box, col) => page.$$eval(`#${box} td[data-col="${col}"]`, es => es.map(e => e.textContent));
const shot = name => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
async function submit(fields) {
  for (const [k, v] of Object.entries(fields)) {
    const sel = `#form [name="${k}"]`;
    if (await page.$eval(sel, e => e.tagName) === 'SELECT') await page.selectOption(sel, v);
    else await page.fill(sel, v);
  }
  await Promise.all([page.waitForResponse(r => r.url().includes('/api/')), page.click('#form button')]);
  await settle();
}
// The number of rows in the plot in box ID's data (what its JSON download holds).
async function plotRows(id) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`#${id} button[data-download="json"]`)]);
  const file = await dl.path();
  return JSON.parse(readFileSync(file, 'utf8')).length;
}
async function plots(n) {
  const got = await page.$$eval('.figure svg.marks', es => es.filter(e =>
    e.getBoundingClientRect().width > 100 && e.querySelectorAll('.role-mark > *').length > 0).length);
  if (got < n) fail(`${current}: ${got} plots drawn, want ${n} (each wider than 100 px, with marks)`);
  const dl = await page.$$eval('.figure button[data-download]', es => es.length);
  if (dl < 2 * n) fail(`${current}: ${dl} download buttons, want ${2 * n}`);
}

// index: the store's summary (BODIES: the bodies the store has)
await open('index', '/');
const BODIES = (await apiGet('summary', {})).bodies.filter(b => b.items).map(b => b.code);
{
  const s = await apiGet('summary', {});
  eq('index items', await card('items'), s.bodies.reduce((n, b) => n + b.items, 0));
  eq('index ballots', await card('ballots'), s.bodies.reduce((n, b) => n + b.ballots, 0));
  eq('index bodies', (await cells('bodies', 'code')).join(' '), s.bodies.map(b => b.code).join(' '));
  eq('index body items', (await cells('bodies', 'items')).join(' '), s.bodies.map(b => b.items).join(' '));
  await shot('index');
}

// state profile: China (all bodies), Cuba, then Cuba on the Council only
await open('profile', '/static/profile.html?state=CHN');
for (const q of [{ state: 'CHN' }, { state: 'CUB' }, { state: 'CUB', body: 'HRC' }]) {
  if (q.state !== 'CHN') await submit(q);
  const p = await apiGet('profile', q);
  const tag = `profile ${q.state}${q.body ? ' ' + q.body : ''}`;
  eq(tag, await card('iso3'), q.state);
  eq(`${tag} treaties`, await card('treaties'), p.treaties.filter(t => t.status === 'party').length);
  eq(`${tag} targeted`, await card('targeted'), p.targeted.length);
  eq(`${tag} votes cast`, await card('items'), p.voting.reduce((n, r) => n + r.items, 0));
  eq(`${tag} upr given`, await card('upr_given'), p.upr.reduce((n, r) => n + r.given.total, 0));
  eq(`${tag} upr received`, await card('upr_received'), p.upr.reduce((n, r) => n + r.received.total, 0));
  eq(`${tag} targeted symbols`, (await cells('targeted', 'symbol')).join(' '), p.targeted.map(r => r.symbol).join(' '));
  eq(`${tag} treaty statuses`, (await cells('treaties', 'status')).join(' '), p.treaties.map(r => r.status).join(' '));
  eq(`${tag} voting bodies`, (await cells('voting', 'body')).join(' '), p.voting.map(r => r.body).join(' '));
  eq(`${tag} memberships`, (await cells('memberships', 'org')).join(' '), p.memberships.map(r => r.org).join(' '));
  eq(`${tag} casebook`, (await cells('casebook', 'symbol')).join(' '), p.casebook.map(r => r.symbol ?? '').join(' '));
  // every plot's data is the API's: the ideal path and the group agreement
  // rows, as the JSON download would give them
  eq(`${tag} ideal path`, await plotRows('ideal'), p.ideal.path.length);
  eq(`${tag} agreement rows`, await plotRows('agree'), p.agreement.length);
  // the UPR plots: one bar per session and response where there were any
  eq(`${tag} upr given bars`, await plotRows('uprg'), 2 * p.upr.filter(r => r.given.total).length);
  eq(`${tag} upr received bars`, await plotRows('uprr'), 2 * p.upr.filter(r => r.received.total).length);
  // the plots with data (a store of the HRC alone has no UPR)
  await plots([p.ideal.path, p.agreement, p.upr.filter(r => r.given.total), p.upr.filter(r => r.received.total)]
    .filter(x => x.length).length);
  await shot(`profile-${q.state}${q.body ? '-' + q.body : ''}`);
}

// compare: China and the United States on the Council, then 2010-2015
await open('compare', '/static/compare.html?a=CHN&b=USA&body=HRC');
for (const range of [{}, { from: '2010', to: '2015' }]) {
  if (range.from) await submit(range);
  const c = await apiGet('compare', { a: 'CHN', b: 'USA', body: 'HRC', ...range });
  const tag = `compare ${JSON.stringify(range)}`;
  eq(`${tag} n`, await card('n'), c.all.n);
  eq(`${tag} agreement`, await card('agree'), f3(c.all.agree));
  eq(`${tag} agreement half`, await card('agree_half'), f3(c.all.agree_half));
  eq(`${tag} opposed`, await card('opposed'), c.all.opposed);
  eq(`${tag} differed symbols`, (await cells('differ', 'symbol')).join(' '), c.differed.map(r => r.symbol).join(' '));
  eq(`${tag} differed ballots`, (await cells('differ', 'a')).join(' '), c.differed.map(r => r.a).join(' '));
  eq(`${tag} years`, await plotRows('years'), 2 * c.by_year.length);
  eq(`${tag} subjects`, await plotRows('subjects'), Math.min(25, c.by_subject.length));
  await plots(2);
  if (!range.from) await shot('compare');
}
await submit({ b: 'FRA', from: '', to: '' });
{
  const c = await apiGet('compare', { a: 'CHN', b: 'FRA', body: 'HRC' });
  eq('compare CHN FRA n', await card('n'), c.all.n);
  await plots(2);
}

// blocs: HRC 2018-2020, then 2014-2016
await open('blocs', '/static/blocs.html');
for (const range of [{ from: '2018', to: '2020' }, { from: '2014', to: '2016' }]) {
  if (range.from !== '2018') await submit(range);
  const b = await apiGet('blocs', { body: 'HRC', min: 10, ...range });
  eq(`blocs ${range.from} count`, await card('blocs'), b.blocs.length);
  eq(`blocs modularity`, await card('modularity'), f3(b.modularity));
  eq(`blocs members`, (await cells('members', 'members')).join('|'), b.blocs.map(x => x.members.join(' ')).join('|'));
  await plots(3);
  if (range.from === '2018') await shot('blocs');
}

// a vote: the Council's first special session, then the Commission's 1990 China motion
await open('vote', '/static/vote.html');
// (the Commission's only when the store has it)
for (const ref of ['A/HRC/RES/S-1/1', 'E/CN.4/DEC/1990/106'].filter(r => r.startsWith('A/') || BODIES.includes('CHR'))) {
  if (ref !== 'A/HRC/RES/S-1/1') await submit({ ref });
  const v = await apiGet('votes', { ref });
  eq(`vote ${ref} official`, (await cells('tally', 'official')).slice(0, 3).join(' '), [v.official.yes, v.official.no, v.official.abstain].map(x => x ?? '').join(' '));
  eq(`vote ${ref} counted`, (await cells('tally', 'counted')).join(' '),
     [v.counted.yes, v.counted.no, v.counted.abstain, v.counted.absent, v.counted.not_member].map(x => x ?? '').join(' '));
  const seats = await page.$$eval('#seats svg.marks text', es => es.map(e => e.textContent).filter(t => /^[A-Z]{3}$/.test(t)));
  for (const b of v.ballots) if (!seats.includes(b.state)) { fail(`vote ${ref}: ${b.state} not on the seat map`); break; }
  await plots(1);
  await shot(`vote-${ref.replace(/\W+/g, '_')}`);
}

// replay: China's 2007 proposal on the Council, then country texts only
await open('replay', '/static/replay.html');
for (const q of [{}, { kind: 'country' }]) {
  if (q.kind) await submit(q);
  const rules = await page.$eval('#rules', e => e.value);
  const r = await apiGet('replay', { rules, body: 'HRC', ...q });
  eq(`replay ${rules} ${q.kind || ''} flips`, await card('flips'), r.length);
  eq(`replay symbols`, (await cells('items', 'symbol')).join(' '), r.map(x => x.symbol ?? '').join(' '));
  await plots(2);
}
await shot('replay');

// whip count: a Burundi text in October 2023, then with a no-action motion
await open('whip', '/static/whip.html');
for (const q of [{}, { no_action: '1' }]) {
  if (q.no_action) await submit(q);
  const vals = await page.$$eval('#form [name]', es => Object.fromEntries(es.filter(e => e.value).map(e => [e.name, e.value])));
  const d = (await apiGet('forecast', vals)).items[0];
  eq(`whip ${JSON.stringify(q)} P(adopted)`, await card('p_adopted'), f3(d.p_adopted));
  const top = [...d.ballots].sort((x, y) => y.swing - x.swing).slice(0, 12).map(b => b.state);
  eq('whip swing states', (await cells('swing', 'state')).join(' '), top.join(' '));
  await plots(1);
}
await shot('whip');


await browser.close();
if (failures) { console.error(`${failures} failure(s)`); process.exit(1); }
console.log(`web e2e: every page checked against the API; screenshots in ${SHOTS}`);
