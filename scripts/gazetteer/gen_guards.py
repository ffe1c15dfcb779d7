"""Dev-only: derive the guard lists in models/place_aliases.json from word lists.
common_words: gazetteer names that are lowercase English words (wamerican-large)
not_places (generated part): such names whose places are all small (<1M) and outside
  English-speaking countries (Than IN, Come BJ, Manage BE)
need_context (generated part): common US first names / surnames that name places < 300k
"""
import json, sys, copy
sys.path.insert(0, '/work/main')
from miner.nlp import places
P = '/work/main/models/place_aliases.json'
CUR = '/tmp/places_dev/curated.json'
cfg = json.load(open(CUR))
# build with curated lists only
work = copy.deepcopy(cfg)
json.dump(work, open(P, 'w'), ensure_ascii=False)
places.gazetteer.cache_clear()
g = places._build()
words = set()
for w in open('/usr/share/dict/american-english-large'):
    w = w.strip()
    if w.islower() and "'" not in w:
        words.add(places._fold(w))
def top(path, n):
    out = []
    for line in open(path):
        out.append(line.split()[0].lower())
        if len(out) >= n: break
    return out
base = '/tmp/rg/names-0.3.0/names/'
first = set(top(base+'dist.female.first', 400) + top(base+'dist.male.first', 300))
last = set(top(base+'dist.all.last', 600))
foreign = set("""como para pero todo nada donde cuando hoy mas sin con ver ser vez dia bien muy aqui esta este eso mismo solo tarde noche mundo gente agua lugar casa calle ciudad pueblo playa nord sud ville rue pont berg stadt dorf und oder nicht mit aber auch noch nach sehr wie wir ihr sie les des une avec pour dans sur sous chez tout tous bon bien est sont mais donc alors aussi tres ici lui elle nous vous leur tem nao sim mais muito pouco bom boa ela ele isso aqui la le el lo los las del al da de do das dos na no nos em um uma""".split())
ENGLISH = {'US', 'GB', 'CA', 'AU', 'IE', 'NZ'}
curated_np = set(map(places._key, cfg['not_places']))
curated_nc = set(map(places._key, cfg['need_context']))
common, drop, names = set(), set(), set()
alias_keys = set()
for a in cfg['aliases']:
    for n in a.get('names', []) + a.get('upper', []):
        alias_keys.add(places._key(n))

for key, entry in g.entries.items():
    if entry.rule in (places.BLOCK, places.CONTEXT, places.TOWN, places.QUALIFIED) or not entry.cands or key in curated_nc or key in alias_keys:
        continue
    if entry.cands[0].kind in ('region', 'country', 'area') and (entry.cands[0].country in ENGLISH or entry.cands[0].pop >= 1_000_000) and key not in ('turkey', 'china', 'chile', 'jersey', 'guinea', 'japan', 'georgia', 'jordan', 'chad', 'niger'):
        continue  # states, counties, countries: named as such
    gaz = [c for c in entry.cands if not c.upper and c.pop >= 15000]
    if not gaz: continue
    maxpop = max(c.pop for c in gaz)
    if (key in first or key in last) and maxpop < 300_000 and not any(c.kind in ('country', 'region', 'area') for c in gaz):
        names.add(key)
    elif all(t in words for t in key.split()):
        if not any(c.country in ENGLISH for c in gaz) and maxpop < 1_000_000 and not any(c.kind in ('country','area') for c in gaz):
            drop.add(key)
        else:
            common.add(key)
    elif key in foreign:
        drop.add(key)

print(len(common), len(drop), len(names))
print('NAMES', sorted(names))
out = copy.deepcopy(cfg)
out['common_words'] = sorted(common | set(cfg['common_words']))
out['not_places'] = sorted(set(cfg['not_places']) | drop)
out['need_context'] = sorted(set(cfg['need_context']) | names)
# pretty: one alias per line, word lists wrapped
import textwrap
def dump_list(v, indent):
    items = [json.dumps(x, ensure_ascii=False) for x in v]
    body, line = [], ''
    for it in items:
        if line and len(line) + len(it) + 2 > 108:
            body.append(line + ','); line = it
        else:
            line = f"{line}, {it}" if line else it
    body.append(line)
    pad = ' ' * (indent + 2)
    return '[\n' + '\n'.join(pad + line for line in body) + '\n' + ' ' * indent + ']'
lines = ['{']
items = list(out.items())
for n, (k, v) in enumerate(items):
    comma = ',' if n < len(items) - 1 else ''
    if k == 'aliases':
        lines.append('  "aliases": [')
        for m, a in enumerate(v):
            lines.append('    ' + json.dumps(a, ensure_ascii=False) + (',' if m < len(v) - 1 else ''))
        lines.append('  ]' + comma)
    elif k == '_about':
        lines.append('  "_about": [')
        for m, a in enumerate(v):
            lines.append('    ' + json.dumps(a, ensure_ascii=False) + (',' if m < len(v) - 1 else ''))
        lines.append('  ]' + comma)
    elif isinstance(v, dict):
        lines.append(f'  "{k}": {{')
        for m, (kk, vv) in enumerate(v.items()):
            lines.append(f'    "{kk}": ' + json.dumps(vv, ensure_ascii=False) + (',' if m < len(v) - 1 else ''))
        lines.append('  }' + comma)
    elif isinstance(v, list) and len(json.dumps(v)) > 100:
        lines.append(f'  "{k}": ' + dump_list(v, 2) + comma)
    else:
        lines.append(f'  "{k}": ' + json.dumps(v, ensure_ascii=False) + comma)
lines.append('}')
open(P, 'w').write('\n'.join(lines) + '\n')
assert json.load(open(P)) == out
