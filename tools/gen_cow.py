#!/usr/bin/env python3
"""Regenerate data/aliases/cow.csv: Correlates of War state codes -> hrr
identities. Most pairs come from V-Dem's own COW column (vdem_cowcode/cown in
../shared/data/regimes/vdem_simple.csv, years >= 1945); the states V-Dem does
not cover and the codes that changed hands are set by hand below, from the COW
State System Membership list (correlatesofwar.org, version 2016)."""
import csv, os
H = os.path.dirname(__file__)
D = os.path.join(H, '..', '..', 'shared', 'data')
ours = set(r['iso3'] for r in csv.DictReader(open(os.path.join(H, '..', 'data', 'states.csv'))))
pairs = {}
for r in csv.DictReader(open(os.path.join(D, 'regimes', 'vdem_simple.csv'))):
    if r['cown'] and int(r['year']) >= 1945:
        pairs.setdefault(r['cown'], set()).add(r['country_text_id'])
hand = {  # COW code: [(iso3, from, to)]
 '31': [('BHS', '', '')], '54': [('DMA', '', '')], '55': [('GRD', '', '')], '56': [('LCA', '', '')],
 '57': [('VCT', '', '')], '58': [('ATG', '', '')], '60': [('KNA', '', '')], '80': [('BLZ', '', '')],
 '221': [('MCO', '', '')], '223': [('LIE', '', '')], '232': [('AND', '', '')], '331': [('SMR', '', '')],
 '835': [('BRN', '', '')], '946': [('KIR', '', '')], '947': [('TUV', '', '')], '955': [('TON', '', '')],
 '970': [('NRU', '', '')], '983': [('MHL', '', '')], '986': [('PLW', '', '')], '987': [('FSM', '', '')],
 '990': [('WSM', '', '')],
 '255': [('DEU', '1990-10-03', '')],
 '260': [('FRG', '', '1990-10-03')],
 '265': [('DDR', '', '1990-10-03')],
 '315': [('CSK', '', '1993-01-01')],
 '316': [('CZE', '1993-01-01', '')],
 '345': [('YUG', '', '1992-04-27'), ('SCG', '1992-04-27', '2006-06-03'), ('SRB', '2006-06-03', '')],
 '365': [('SUN', '', '1991-12-24'), ('RUS', '1991-12-24', '')],
 '678': [('YAR', '', '1990-05-22'), ('YEM', '1990-05-22', '')],
 '679': [('YEM', '1990-05-22', '')],
 '680': [('YMD', '', '1990-05-22')],
 '511': [('ZAN', '', '')],
 '713': [('TWN', '', '')],
}
with open(os.path.join(H, '..', 'data', 'aliases', 'cow.csv'), 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['kind', 'alias', 'iso3', 'from', 'to', 'source'])
    for c in sorted(set(pairs) | set(hand), key=int):
        if c in hand:
            for iso3, a, b in hand[c]:
                w.writerow(['cow', c, iso3, a, b, 'COW state list'])
        elif len(pairs[c]) == 1 and next(iter(pairs[c])) in ours:
            w.writerow(['cow', c, next(iter(pairs[c])), '', '', 'V-Dem cown'])
