-- records.sql - a small store of real items for the record-query tests
-- (tests/unit/test_query.c, tests/cli/records.sh). Load it into a fresh
-- store (states and bodies are seeded at creation).
--
-- Facts (official records):
--   A/HRC/RES/S-1/1, Human Rights Council, 1st special session, 6 July 2006,
--     "Human rights situation in the Occupied Palestinian Territory",
--     adopted 29 yes / 11 no / 5 abstain (47 members).
--   E/CN.4/DEC/1990/106, Commission on Human Rights, 46th session, 6 March
--     1990: the no-action motion on draft resolution E/CN.4/1990/L.47
--     "Situation in China", adopted 17 yes / 15 no / 11 abstain (43 members),
--     China voting yes.
-- The individual ballots are PLAUSIBLE, not transcribed: they add up to the
-- official tallies and use the right membership sizes, so the tally counted
-- from them must equal the official one. The Council's 47 members of 2006
-- are the real ones; their term ends are simplified to 2009-06-19, and the
-- Commission's 1990 members are illustrative. One non-member ballot (USA on
-- S-1/1, vote 5) tests that non-members are counted apart.
-- E/CN.4/1990/L.47 is stored twice, under two sources' keys, to test a
-- symbol that names more than one item.

INSERT INTO imports(path, sha256, format, rows, started, finished) VALUES
  ('tests/data/records.sql',
   'f1c7e0d2a9b84c3e5d6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d',
   'fixture', 5, '2024-05-01T10:00:00Z', '2024-05-01T10:00:01Z');

INSERT INTO items(key, body, symbol, session, date, kind, title, subject, scope,
                  target_id, vote_type, yes, no, abstain, outcome, source_id)
VALUES
  ('A/HRC/RES/S-1/1', 'HRC', 'A/HRC/RES/S-1/1', 'S-1', '2006-07-06', 'resolution',
   'Human rights situation in the Occupied Palestinian Territory',
   'Occupied Palestinian Territory', 'country',
   (SELECT id FROM states WHERE iso3 = 'ISR'), 'recorded', 29, 11, 5, 'adopted',
   (SELECT id FROM imports WHERE format = 'fixture')),
  ('E/CN.4/DEC/1990/106', 'CHR', 'E/CN.4/DEC/1990/106', '46', '1990-03-06', 'motion',
   'No-action motion on draft resolution E/CN.4/1990/L.47 (Situation in China)',
   'no-action motion', 'country',
   (SELECT id FROM states WHERE iso3 = 'CHN'), 'recorded', 17, 15, 11, 'adopted',
   (SELECT id FROM imports WHERE format = 'fixture')),
  ('E/CN.4/1990/L.47', 'CHR', 'E/CN.4/1990/L.47', '46', '1990-03-06', 'resolution',
   'Situation in China', 'country situation', 'country',
   (SELECT id FROM states WHERE iso3 = 'CHN'), NULL, NULL, NULL, NULL, 'no-decision',
   (SELECT id FROM imports WHERE format = 'fixture')),
  ('ohchr:chr:46:L.47', 'CHR', 'E/CN.4/1990/L.47', '46', '1990-03-06', 'resolution',
   'Situation in China', 'country situation', 'country',
   (SELECT id FROM states WHERE iso3 = 'CHN'), NULL, NULL, NULL, NULL, 'no-decision',
   (SELECT id FROM imports WHERE format = 'fixture')),
  ('unga:undated:1', 'GA', NULL, NULL, NULL, 'other',
   'An undated item with no symbol', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   (SELECT id FROM imports WHERE format = 'fixture'));

WITH v(iso3, vote) AS (VALUES
  ('DZA',1),('DJI',1),('GAB',1),('GHA',1),('MLI',1),('MUS',1),('MAR',1),('SEN',1),
  ('ZAF',1),('TUN',1),('ZMB',1),('BHR',1),('BGD',1),('CHN',1),('IND',1),('IDN',1),
  ('JOR',1),('MYS',1),('PAK',1),('PHL',1),('SAU',1),('LKA',1),('AZE',1),('RUS',1),
  ('ARG',1),('BRA',1),('CUB',1),('ECU',1),('URY',1),
  ('CAN',2),('CZE',2),('FIN',2),('FRA',2),('DEU',2),('JPN',2),('NLD',2),('POL',2),
  ('ROU',2),('UKR',2),('GBR',2),
  ('CMR',3),('GTM',3),('MEX',3),('NGA',3),('CHE',3),
  ('PER',4),('KOR',4),
  ('USA',5))
INSERT INTO ballots(item_id, state_id, vote, source_id)
SELECT (SELECT id FROM items WHERE key = 'A/HRC/RES/S-1/1'), s.id, v.vote,
       (SELECT id FROM imports WHERE format = 'fixture')
FROM v JOIN states s ON s.iso3 = v.iso3;

WITH v(iso3, vote) AS (VALUES
  ('CHN',1),('PAK',1),('BGD',1),('CUB',1),('IND',1),('IDN',1),('IRQ',1),('LKA',1),
  ('SUN',1),('GHA',1),('NGA',1),('SOM',1),('MDG',1),('ETH',1),('MOZ',1),('LBY',1),
  ('KEN',1),
  ('USA',2),('GBR',2),('FRA',2),('ITA',2),('CAN',2),('JPN',2),('SWE',2),('AUS',2),
  ('BEL',2),('FRG',2),('ESP',2),('PRT',2),('HUN',2),('PAN',2),('COL',2),
  ('PHL',3),('MEX',3),('BRA',3),('ARG',3),('VEN',3),('PER',3),('SEN',3),('CMR',3),
  ('TUN',3),('YUG',3),('CYP',3))
INSERT INTO ballots(item_id, state_id, vote, source_id)
SELECT (SELECT id FROM items WHERE key = 'E/CN.4/DEC/1990/106'), s.id, v.vote,
       (SELECT id FROM imports WHERE format = 'fixture')
FROM v JOIN states s ON s.iso3 = v.iso3;

-- Council members from 19 June 2006 (the 47 of the first election);
-- Commission members of 1990: the states voting on the 1990 motion.
INSERT INTO memberships(state_id, org, start_date, end_date, source_id, source)
SELECT b.state_id, 'HRC', '2006-06-19', '2009-06-19', b.source_id, 'fixture'
FROM ballots b JOIN items i ON i.id = b.item_id
WHERE i.key = 'A/HRC/RES/S-1/1' AND b.vote <> 5;
INSERT INTO memberships(state_id, org, start_date, end_date, source_id, source)
SELECT b.state_id, 'CHR', '1990-01-01', '1991-01-01', b.source_id, 'fixture'
FROM ballots b JOIN items i ON i.id = b.item_id
WHERE i.key = 'E/CN.4/DEC/1990/106';
