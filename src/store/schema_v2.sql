-- schema_v2.sql - the records the regime runs on (issue 11): who tabled an
-- item, which text an amendment changes, the Assembly's Main Committee,
-- elections to the Council, and a state's engagement with the machinery.
-- Council and Commission terms are memberships (org 'HRC' / 'CHR', with
-- start and end dates), in the memberships table of schema_v1.sql.

-- Main Committee the draft came from (Assembly: 'third', 'first', ..., or
-- 'plenary' for drafts without reference to a Main Committee).
ALTER TABLE items ADD COLUMN committee TEXT;
-- The item an amendment (or a motion) acts on, where the records say so.
ALTER TABLE items ADD COLUMN amends_id INTEGER REFERENCES items(id);

-- Who tabled an item: a state, or a group acting "on behalf of" its members
-- (grp: a code of data/groups.csv where known, else the name as written).
-- role: main (sponsor) or co (co-sponsor / additional sponsor).
CREATE TABLE sponsors(
  item_id INTEGER NOT NULL REFERENCES items(id),
  state_id INTEGER REFERENCES states(id),
  grp TEXT,
  role TEXT NOT NULL CHECK (role IN ('main','co')),
  name TEXT NOT NULL,             -- as the source writes it
  note TEXT,                      -- e.g. 'on behalf of the Group of Arab States'
  source_id INTEGER REFERENCES imports(id),
  source TEXT,
  CHECK (state_id IS NOT NULL OR grp IS NOT NULL)
);
CREATE INDEX sponsors_item ON sponsors(item_id);
CREATE INDEX sponsors_state ON sponsors(state_id);

-- Elections to a body (the Assembly electing the Council, ECOSOC the
-- Commission): one row per candidate and round, each with its UN source.
CREATE TABLE elections(
  body TEXT NOT NULL REFERENCES bodies(code),
  date TEXT NOT NULL,
  grp TEXT NOT NULL,              -- the regional group's seats contested
  seats INTEGER,                  -- seats for that group in that election
  state_id INTEGER NOT NULL REFERENCES states(id),
  round INTEGER NOT NULL DEFAULT 1,
  votes INTEGER,                  -- NULL where the record gives none
  elected INTEGER NOT NULL CHECK (elected IN (0,1)),
  source TEXT NOT NULL,
  PRIMARY KEY (body, date, state_id, round)
);

-- A state's engagement with the machinery: special procedures' visits and
-- requests, the High Commissioner's visits, treaty-body reviews, ...
CREATE TABLE engagement(
  id INTEGER PRIMARY KEY,
  state_id INTEGER NOT NULL REFERENCES states(id),
  kind TEXT NOT NULL,             -- sp-visit, sp-request, hc-visit, tb-review, ...
  mechanism TEXT,                 -- the mandate or treaty body
  date TEXT,                      -- YYYY, YYYY-MM or YYYY-MM-DD
  status TEXT,                    -- done, pending, refused, accepted, ...
  note TEXT,
  source TEXT NOT NULL
);
CREATE INDEX engagement_state ON engagement(state_id);
