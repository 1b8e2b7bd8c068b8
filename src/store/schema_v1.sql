-- hrr store, schema version 1. One row per fact; every imported row points
-- at the import (provenance) it came from. Dates are ISO "YYYY-MM-DD" text.

CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- One canonical identity per state: ISO3, or a project code for historical
-- states without one (FRG, YAR, ZAN), each with the dates it existed as a UN
-- actor. un_group: present-day UN regional group where one applies.
CREATE TABLE states(
  id INTEGER PRIMARY KEY,
  iso3 TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  un_group TEXT CHECK (un_group IN ('AFRICAN','ASIA_PACIFIC','GRULAC','WEOG','EEG')),
  iso2 TEXT,
  m49 INTEGER,
  start_date TEXT,
  end_date TEXT,
  source TEXT
);

-- Every code or name a source uses for a state, valid between two dates
-- (NULL: open). kind: iso3, iso2, m49, cow, vdem, name (normalised).
CREATE TABLE state_aliases(
  kind TEXT NOT NULL,
  alias TEXT NOT NULL,
  state_id INTEGER NOT NULL REFERENCES states(id),
  from_date TEXT,
  to_date TEXT,
  source TEXT,
  UNIQUE (kind, alias, state_id, from_date)
);
CREATE INDEX state_aliases_lookup ON state_aliases(kind, alias);

-- Provenance: one row per imported file.
CREATE TABLE imports(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  rows INTEGER NOT NULL DEFAULT 0,
  started TEXT NOT NULL,
  finished TEXT
);

-- Bodies that decide: CHR, HRC, GA (plenary), GA3 (Third Committee), ...
CREATE TABLE bodies(
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  founded TEXT,
  ended TEXT,
  source TEXT
);

-- Sessions of a body (number as the body writes it: "1", "S-1", "46").
CREATE TABLE sessions(
  body TEXT NOT NULL REFERENCES bodies(code),
  session TEXT NOT NULL,
  start_date TEXT,
  end_date TEXT,
  PRIMARY KEY (body, session)
);

-- Memberships over time: of a body (HRC, CHR...) or a group (regional
-- groups, EU, OIC, NAM, LMG, ...). end_date NULL: still a member.
CREATE TABLE memberships(
  state_id INTEGER NOT NULL REFERENCES states(id),
  org TEXT NOT NULL,
  start_date TEXT NOT NULL DEFAULT '',
  end_date TEXT,
  source_id INTEGER REFERENCES imports(id),
  source TEXT,
  PRIMARY KEY (state_id, org, start_date)
);
CREATE INDEX memberships_org ON memberships(org);

-- Items decided: resolutions, decisions, amendments, procedural motions.
-- key: identity across sources (the symbol where it is unique, else a
-- source key such as "unga:rcid:3"). Official tally where recorded.
CREATE TABLE items(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL REFERENCES bodies(code),
  symbol TEXT,
  session TEXT,
  date TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('resolution','decision','amendment','motion','other')),
  title TEXT,
  agenda_item TEXT,
  subject TEXT,
  scope TEXT CHECK (scope IN ('country','thematic')),
  target_id INTEGER REFERENCES states(id),
  sponsors TEXT,
  vote_type TEXT,
  yes INTEGER, no INTEGER, abstain INTEGER, nonvoting INTEGER,
  outcome TEXT CHECK (outcome IN ('adopted','rejected','withdrawn','no-decision')),
  important INTEGER,
  source_id INTEGER REFERENCES imports(id)
);
CREATE INDEX items_symbol ON items(symbol);
CREATE INDEX items_body_date ON items(body, date);

-- How a source names an item where its name alone is ambiguous: hrc/
-- names a Council vote by symbol only, and four Council symbols were given
-- to two records each; all-vote-data.csv's date settles which one it means,
-- and the other hrc/ files follow that choice.
CREATE TABLE item_refs(
  source TEXT NOT NULL,
  ref TEXT NOT NULL,
  item_id INTEGER NOT NULL REFERENCES items(id),
  PRIMARY KEY (source, ref)
) WITHOUT ROWID;

-- Issue codes of an item (unvotes: me, nu, di, hr, co, ec).
CREATE TABLE item_issues(
  item_id INTEGER NOT NULL REFERENCES items(id),
  code TEXT NOT NULL,
  PRIMARY KEY (item_id, code)
) WITHOUT ROWID;

-- One state's ballot on one item. vote: an hrr_vote_t (include/hrr/records.h,
-- the one definition; this CHECK is the one place the numbers are written
-- again): 1 yes, 2 no, 3 abstain, 4 absent (present but not voting /
-- non-voting member), 5 not a member.
CREATE TABLE ballots(
  item_id INTEGER NOT NULL REFERENCES items(id),
  state_id INTEGER NOT NULL REFERENCES states(id),
  vote INTEGER NOT NULL CHECK (vote BETWEEN 1 AND 5),
  source_id INTEGER NOT NULL REFERENCES imports(id),
  PRIMARY KEY (item_id, state_id)
) WITHOUT ROWID;

-- The 18 core instruments and their monitoring bodies.
CREATE TABLE instruments(
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('treaty','protocol')),
  parent TEXT REFERENCES instruments(code),
  monitoring_body TEXT,
  mechanism TEXT,
  adopted TEXT,
  source TEXT
);

-- status: party (ratified or acceded), signatory (signed, not ratified), none.
CREATE TABLE ratifications(
  state_id INTEGER NOT NULL REFERENCES states(id),
  instrument TEXT NOT NULL REFERENCES instruments(code),
  status TEXT NOT NULL CHECK (status IN ('party','signatory','none')),
  year INTEGER,
  note TEXT,
  source_id INTEGER REFERENCES imports(id),
  PRIMARY KEY (state_id, instrument)
);

-- Universal Periodic Review recommendations. recommending_id NULL: the
-- record names no recommending state (UPR Info "(Unknown)").
CREATE TABLE upr_recommendations(
  id INTEGER PRIMARY KEY,
  session INTEGER NOT NULL,
  sur_id INTEGER NOT NULL REFERENCES states(id),
  recommending_id INTEGER REFERENCES states(id),
  text TEXT NOT NULL,
  response TEXT CHECK (response IN ('supported','noted')),
  action INTEGER,
  issues TEXT,
  source_id INTEGER REFERENCES imports(id)
);
CREATE INDEX upr_sur ON upr_recommendations(sur_id);

-- Regime scores by state and year (measure: polity2, v2x_polyarchy, fh_total...).
CREATE TABLE regime_scores(
  state_id INTEGER NOT NULL REFERENCES states(id),
  year INTEGER NOT NULL,
  measure TEXT NOT NULL,
  value REAL NOT NULL,
  source_id INTEGER REFERENCES imports(id),
  PRIMARY KEY (state_id, year, measure)
) WITHOUT ROWID;

-- Data-quality findings: tally mismatches, sources that disagree, ...
CREATE TABLE findings(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  item_id INTEGER REFERENCES items(id),
  detail TEXT NOT NULL,
  source_id INTEGER REFERENCES imports(id),
  UNIQUE (kind, item_id, detail)
);
