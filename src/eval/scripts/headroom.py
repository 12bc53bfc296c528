#!/usr/bin/env python3
"""Headroom of a case set on the open data: for each patient, how many of its findings (HPO labels)
its gold disease is annotated with (the term itself or a more specific one, in the Orphanet packet,
the HPO's rows of the disease, or those of an OMIM entry it maps to exactly), and success@10 of a
run on the patients with at least K such findings and on the rest.
Usage: headroom.py QUERIES.tsv QRELS RUN PACKETS.tar.gz HPOA.gz HP.json.gz [K]"""
import sys, json, gzip, tarfile, collections
qf, qrf, runf, packets, hpoa, hpjson = sys.argv[1:7]
K = int(sys.argv[7]) if len(sys.argv) > 7 else 3
g = json.load(gzip.open(hpjson))['graphs'][0]
byname, par = {}, collections.defaultdict(set)
for n in g['nodes']:
    i = n['id'].split('/')[-1].replace('_', ':')
    if n.get('lbl'): byname[n['lbl'].lower()] = i
    for s in n.get('meta', {}).get('synonyms', []): byname.setdefault(s['val'].lower(), i)
for e in g['edges']:
    if e['pred'] == 'is_a': par[e['sub'].split('/')[-1].replace('_', ':')].add(e['obj'].split('/')[-1].replace('_', ':'))
def lineage(t, seen=None):
    seen = seen if seen is not None else {t}
    for p in par.get(t, ()):
        if p not in seen: seen.add(p); lineage(p, seen)
    return seen
ann = collections.defaultdict(set); exact = collections.defaultdict(set)
for l in gzip.open(hpoa, 'rt'):
    if l.startswith('#') or l.startswith('database_id'): continue
    f = l.rstrip('\n').split('\t')
    if len(f) > 10 and f[2] != 'NOT': ann[f[0]].add(f[3])
with tarfile.open(packets) as t:
    for m in t.getmembers():
        if not m.name.endswith('.json'): continue
        p = json.load(t.extractfile(m)); p = p.get('Orphapacket', p); code = 'ORPHA:' + str(p['ORPHAcode'])
        def items(x, w):
            out = []
            def c(n):
                if n is None: return
                if isinstance(n, list): [c(e) for e in n]
                elif isinstance(n, dict) and w in n: c(n[w])
                else: out.append(n)
            c(x); return out
        for ph in items(p.get('Phenotypes'), 'Phenotype'):
            if isinstance(ph, dict) and ph.get('HPOId'): ann[code].add(ph['HPOId'])
        for r in items(p.get('ExternalReferences'), 'ExternalReference'):
            if isinstance(r, dict) and str(r.get('DisorderMappingRelation', '')).startswith('E') and r.get('Source') == 'OMIM':
                exact[code].add('OMIM:' + str(r['Reference']))
def profile(doc):
    code = doc.replace('ORPHA_', 'ORPHA:')
    terms = set(ann[code])
    for o in exact[code]: terms |= ann[o]
    closed = set()
    for t in terms: closed |= lineage(t)
    return closed
qrels = collections.defaultdict(set)
for l in open(qrf):
    q, _, d, r = l.split()
    if int(r) > 0: qrels[q].add(d)
run = collections.defaultdict(list)
for l in open(runf):
    f = l.split(); run[f[0]].append(f[2])
groups = {'>=%d' % K: [], '<%d' % K: []}
counts = []
for l in open(qf):
    if not l.strip(): continue
    q, text = l.rstrip('\n').split('\t', 1)
    terms = [byname.get(f.strip().lower()) for f in text.split(';')]
    best = max((sum(1 for t in terms if t and t in profile(d)) for d in qrels[q]), default=0)
    counts.append(best)
    hit = any(d in qrels[q] for d in run.get(q, [])[:10])
    groups['>=%d' % K if best >= K else '<%d' % K].append(hit)
print('patients', len(counts), 'median annotated findings', sorted(counts)[len(counts) // 2])
for k, v in groups.items():
    print('gold annotated with %s findings: %d patients, S@10 %.3f' % (k, len(v), sum(v) / max(1, len(v))))
