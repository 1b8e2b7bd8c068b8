// The front page: the store's summary (/api/summary).
import { api, cards, guarded, table } from './common.js';

guarded(async () => {
  const s = await api('summary');
  const items = s.bodies.reduce((n, b) => n + b.items, 0);
  const ballots = s.bodies.reduce((n, b) => n + b.ballots, 0);
  cards('cards', [['items', items, 'items'], ['ballots', ballots, 'ballots'],
                  ['states', s.tables.states, 'states'], ['imports', s.imports.length, 'imports']]);
  table('bodies', [['code', 'body'], ['name', 'name'], ['items', 'items', 0], ['ballots', 'ballots', 0],
                   ['first', 'first'], ['last', 'last']], s.bodies);
});
