#!/usr/bin/env python3
"""Regenerate data/states.csv and data/aliases/iso.csv from the public ISO/M49
code list (../shared/data/countries). Historical states and observers are
listed by hand below, each with its public source. Run once by a developer;
the output is committed, the shared data is never copied."""
import csv, os, sys
D = os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'data', 'countries')
OUT = os.path.join(os.path.dirname(__file__), '..', 'data')
groups = list(csv.DictReader(open(os.path.join(D, 'un_regional_groups_iso3.csv'))))
cc = {r['ISO3166-1-Alpha-3']: r for r in csv.DictReader(open(os.path.join(D, 'country-codes.csv')))}
# UN admission dates are not in the code list; start is left empty for member
# states (they are resolved by code alone), historical states carry their dates.
# Successor states start where their predecessor above ends.
successor = {
 'RUS': ('1991-12-24', '; continues the USSR seat from 24 Dec 1991'),
 'SRB': ('2006-06-03', '; continues Serbia and Montenegro from 3 Jun 2006'),
 'DEU': ('1990-10-03', '; unified Germany from 3 Oct 1990'),
 'YEM': ('1990-05-22', '; unified Yemen from 22 May 1990'),
 'CZE': ('1993-01-01', '; A/RES/47/221'),
 'SVK': ('1993-01-01', '; A/RES/47/222'),
}
# iso3,name,un_group,iso2,m49,start,end,source
extra = [
 ('SUN', 'Union of Soviet Socialist Republics', 'EEG', 'SU', '810', '1945-10-24', '1991-12-24', 'UN membership: Russian Federation continues the USSR seat, letter of 24 Dec 1991'),
 ('YUG', 'Socialist Federal Republic of Yugoslavia', 'EEG', 'YU', '890', '1945-10-24', '1992-04-27', 'A/RES/47/1; FRY proclaimed 27 Apr 1992'),
 ('SCG', 'Serbia and Montenegro (Federal Republic of Yugoslavia)', 'EEG', 'CS', '891', '1992-04-27', '2006-06-03', 'A/RES/55/12 (FRY admitted 1 Nov 2000); Montenegro independence 3 Jun 2006'),
 ('CSK', 'Czechoslovakia', 'EEG', 'CS', '200', '1945-10-24', '1993-01-01', 'A/RES/47/221, A/RES/47/222 (successors admitted 19 Jan 1993)'),
 ('DDR', 'German Democratic Republic', 'EEG', 'DD', '278', '1973-09-18', '1990-10-03', 'A/RES/3050 (XXVIII); unification 3 Oct 1990'),
 ('FRG', 'Federal Republic of Germany (before unification)', 'WEOG', '', '280', '1973-09-18', '1990-10-03', 'A/RES/3050 (XXVIII); project code, ISO kept DEU'),
 ('YAR', 'Yemen Arab Republic', 'ASIA_PACIFIC', '', '886', '1947-09-30', '1990-05-22', 'UN: Yemen unified 22 May 1990; project code, ISO kept YEM'),
 ('YMD', "People's Democratic Republic of Yemen", 'ASIA_PACIFIC', 'YD', '720', '1967-12-14', '1990-05-22', 'A/RES/2310 (XXII); unification 22 May 1990'),
 ('ZAN', 'Zanzibar', 'AFRICAN', '', '', '1963-12-16', '1964-04-26', 'A/RES/1975 (XVIII); union with Tanganyika 26 Apr 1964; project code'),
 ('TWN', 'Republic of China (Taiwan)', 'ASIA_PACIFIC', 'TW', '158', '1945-10-24', '1971-10-25', 'A/RES/2758 (XXVI) of 25 Oct 1971 (China seat)'),
 ('PSE', 'State of Palestine', '', 'PS', '275', '', '', 'observer state, A/RES/67/19'),
 ('VAT', 'Holy See', '', 'VA', '336', '', '', 'observer state'),
 ('XKX', 'Kosovo', '', 'XK', '', '2008-02-17', '', 'not a UN member; user-assigned code XK/XKX'),
 ('RVN', 'Republic of Vietnam (South Vietnam)', '', '', '', '1955-10-26', '1975-04-30', 'project code (RVN, its vehicle code; ISO 3166-3 VDR was North Vietnam); proclaimed 26 Oct 1955, Saigon fell 30 Apr 1975; never a UN member; COW 817, V-Dem VDR'),
]
with open(os.path.join(OUT, 'states.csv'), 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['iso3', 'name', 'un_group', 'iso2', 'm49', 'start', 'end', 'source'])
    for r in groups:
        c = cc.get(r['iso3'], {})
        # the UN's own short name (UNTERM), without its article: "United
        # Kingdom of Great Britain and Northern Ireland", not CLDR's "UK"
        name = r['name_unterm'].replace(' (the)', '').strip()
        start, src = successor.get(r['iso3'], ('', ''))
        w.writerow([r['iso3'], name, r['un_regional_group'], r['iso2'], r['m49'], start, '',
                    'countries/un_regional_groups_iso3.csv; ISO 3166-1; M49' + src])
    for e in extra:
        w.writerow(e)
# name variants from the code list: UNTERM short/formal, official, CLDR;
# valid from the state's start (a successor's names do not name its
# predecessor: "Federal Republic of Germany" is FRG before 3 Oct 1990)
with open(os.path.join(OUT, 'aliases', 'iso.csv'), 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['kind', 'alias', 'iso3', 'from', 'to'])
    for r in groups:
        c = cc.get(r['iso3'], {})
        start = successor.get(r['iso3'], ('', ''))[0]
        seen = set()
        for k in ('UNTERM English Short', 'UNTERM English Formal', 'official_name_en', 'CLDR display name'):
            v = (c.get(k) or '').strip()
            if v and v.lower() not in seen:
                seen.add(v.lower()); w.writerow(['name', v, r['iso3'], start, ''])
