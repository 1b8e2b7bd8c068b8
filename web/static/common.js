// hrr dashboard: what every page shares. api() fetches the JSON API (the
// same JSON as the CLI's --json); plot() draws a Vega-Lite spec with
// vega-embed and adds "download CSV" and "download JSON" of exactly the rows
// the plot shows (the spec's data); table() renders rows as an HTML table.

export async function api(route, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v != null) q.set(k, v);
  const url = `/api/${route}${q.toString() ? '?' + q : ''}`;
  const r = await fetch(url);
  const body = await r.json().catch(() => ({ error: `${url}: not JSON` }));
  if (!r.ok) throw new Error(body.error || `${url}: HTTP ${r.status}`);
  return body;
}

export function status(msg, isError = false) {
  const el = document.getElementById('status');
  el.textContent = msg || '';
  el.className = isError ? 'error' : '';
}

// Run LOAD (an async function); report its failure in the status line.
export async function guarded(load) {
  status('Loading…');
  try { await load(); status(''); } catch (e) { status(e.message, true); }
}

export function toCSV(rows) {
  if (!rows.length) return '';
  const cols = Object.keys(rows[0]);
  const cell = v => {
    if (v == null) return '';
    const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(','), ...rows.map(r => cols.map(c => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

function download(name, type, text) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 0);
}

// Draw SPEC (Vega-Lite, without data) with ROWS as its inline data into the
// element with id ID; NAME names the downloaded files.
export async function plot(id, spec, rows, name) {
  const box = document.getElementById(id);
  box.replaceChildren();
  const chart = document.createElement('div');
  box.appendChild(chart);
  const full = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    // a number, not 'container': the box's width when drawn (a 'container'
    // width inside a scrolling box can come out as 0)
    width: Math.max(300, box.clientWidth - 140), ...spec, data: { values: rows },
    config: { font: 'system-ui, DejaVu Sans, sans-serif', axis: { labelFontSize: 12, titleFontSize: 13 },
              legend: { labelFontSize: 12, titleFontSize: 13 }, ...(spec.config || {}) },
  };
  if (!rows.length) {
    chart.textContent = 'No data for this selection.';
  } else {
    await vegaEmbed(chart, full, { actions: false, renderer: 'svg' });
  }
  const dl = document.createElement('div');
  dl.className = 'downloads';
  for (const [label, type, make, ext] of [
    ['download CSV', 'text/csv', () => toCSV(rows), 'csv'],
    ['download JSON', 'application/json', () => JSON.stringify(rows, null, 1), 'json']]) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'small';
    b.textContent = label;
    b.dataset.download = ext;
    b.addEventListener('click', () => download(`${name}.${ext}`, type, make()));
    dl.appendChild(b);
  }
  box.appendChild(dl);
}

export const fmt = (v, d = 3) => (v == null || Number.isNaN(v) ? '' : Number(v).toFixed(d));

// COLS: [key, heading, format?]; a format is a function or a number of decimals.
export function table(id, cols, rows) {
  const t = document.createElement('table');
  const head = t.createTHead().insertRow();
  for (const [key, title, f] of cols) {
    const th = document.createElement('th');
    th.textContent = title;
    if (typeof f === 'number') th.className = 'num';
    th.dataset.col = key;
    head.appendChild(th);
  }
  const tb = t.createTBody();
  for (const r of rows) {
    const tr = tb.insertRow();
    for (const [key, , f] of cols) {
      const td = tr.insertCell();
      td.dataset.col = key;
      const v = r[key];
      if (typeof f === 'number') { td.className = 'num'; td.textContent = fmt(v, f); }
      else if (typeof f === 'function') td.textContent = f(v, r);
      else td.textContent = v == null ? '' : String(v);
    }
  }
  const el = document.getElementById(id);
  el.replaceChildren(rows.length ? t : Object.assign(document.createElement('p'),
    { className: 'muted', textContent: 'None.' }));
}

// The form's fields <-> the page's query string, so a view can be linked.
export function bindForm(form, onSubmit) {
  const q = new URLSearchParams(location.search);
  for (const el of form.elements) if (el.name && q.has(el.name)) el.value = q.get(el.name);
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const el of form.elements) if (el.name && el.value !== '') p.set(el.name, el.value);
    history.replaceState(null, '', `?${p}`);
    onSubmit(values(form));
  });
  return values(form);
}

export function values(form) {
  const v = {};
  for (const el of form.elements) if (el.name) v[el.name] = el.value.trim();
  return v;
}

export function cards(id, items) {
  const el = document.getElementById(id);
  el.replaceChildren(...items.map(([label, value, key]) => {
    const c = document.createElement('div');
    c.className = 'card';
    c.innerHTML = '<div class="value"></div><div class="label"></div>';
    c.firstChild.textContent = value;
    c.firstChild.dataset.key = key || label;
    c.lastChild.textContent = label;
    return c;
  }));
}
