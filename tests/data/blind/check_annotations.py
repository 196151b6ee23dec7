#!/usr/bin/env python3
"""Checks the blind set's annotations (not the extractor): usage `python3 check_annotations.py [DIR]`.

For each NAME.expected.json: the JSON parses; NAME.txt starts with ' date YYYY-MM-DD' (2024-2026)
and a blank line, and its body has 200-350 words; keys, types, grades, polarity/modality values,
event_date format and attributed_to keys are valid; every name of a must/should entity and every
not_entities string occurs verbatim in the text; no folded name belongs to two entities; every
evidence part (split on '; ' and ' ... ', annotator notes in parentheses removed) occurs verbatim.
Exits 1 when anything is wrong.
"""
import glob, json, os, re, sys
def norm(n):
    n = n.replace('\u2019', "'").lower().replace('.', '')
    n = re.sub(r"[^a-z0-9' ]", ' ', n)
    n = re.sub(r' +', ' ', n).strip()
    return n[4:] if n.startswith('the ') else n
bad = 0
def err(f, m):
    global bad; bad += 1; print(f"{f}: {m}")
for jf in sorted(glob.glob(os.path.join(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)), '*.expected.json'))):
    tf = jf.replace('.expected.json', '.txt')
    f = os.path.basename(jf)
    text = open(tf, encoding='utf-8').read()
    lines = text.split('\n')
    if not re.fullmatch(r' date 20(24|25|26)-\d\d-\d\d', lines[0]): err(f, 'bad date line')
    if lines[1] != '': err(f, 'line 2 not blank')
    body = '\n'.join(lines[2:]); wc = len(body.split())
    if not 200 <= wc <= 350: err(f, f'word count {wc}')
    g = json.load(open(jf, encoding='utf-8'))
    if g.get('date') != lines[0][6:]: err(f, 'date mismatch')
    if g.get('article') != os.path.basename(tf): err(f, 'article mismatch')
    keys = {}; seen = {}
    for e in g['entities']:
        if e['key'] in keys: err(f, 'dup key ' + e['key'])
        keys[e['key']] = e
        if e['type'] not in ('PERSON', 'ORG', 'GPE', 'LOC'): err(f, 'type ' + e['key'])
        if e['grade'] not in ('must', 'should', 'may'): err(f, 'grade ' + e['key'])
        for n in e['names']:
            k = norm(n)
            if k in seen and seen[k] != e['key']: err(f, f'name {n} in {seen[k]} and {e["key"]}')
            seen[k] = e['key']
            if n not in text and e['grade'] != 'may': err(f, f'name not in text: {n} ({e["key"]})')
            if n not in text and e['grade'] == 'may': print(f'{f}: note: may-name not verbatim: {n}')
    for bad_n in g.get('not_entities', []):
        if bad_n not in text: err(f, 'not_entity not in text: ' + bad_n)
        if norm(bad_n) in seen: err(f, 'not_entity is a name: ' + bad_n)
    used = set()
    sigs = set()
    for r in g['relations']:
        for k in ('subject', 'object'):
            if r[k] not in keys: err(f, f'unknown key {r[k]}')
            used.add(r[k])
        if r['subject'] == r['object']: err(f, 'self relation')
        if r['grade'] not in ('must', 'should', 'may'): err(f, 'rel grade')
        if not isinstance(r['symmetric'], bool) or not r['predicates']: err(f, 'rel fields')
        if r.get('polarity') not in (None, 'NEGATED'): err(f, 'polarity')
        if r.get('modality') not in (None, 'INTENDED', 'OBLIGATION', 'POSSIBLE', 'REPORTED'): err(f, 'modality')
        if 'event_date' in r and not re.fullmatch(r'20\d\d-\d\d-\d\d', r['event_date']): err(f, 'event_date')
        if 'attributed_to' in r and r['attributed_to'] not in keys: err(f, 'attributed_to ' + r['attributed_to'])
        if r['grade'] != 'may':
            for k in ('subject', 'object'):
                if keys[r[k]]['grade'] == 'may': err(f, f"non-may relation on may entity {r[k]}")
        for k in set(r) - {'subject','object','grade','symmetric','predicates','evidence','polarity','modality','event_date','attributed_to'}:
            err(f, 'unknown field ' + k)
        ev = r['evidence']
        ev = re.sub(r'\s*\(([^()]*)\)', lambda m: m.group(0) if m.group(0).strip() in text or ('(' + m.group(1) + ')') in text else '', ev)
        for part in re.split(r'; | \.\.\. ', ev):
            part = part.strip()
            if part and part not in text: err(f, f'evidence not in text: {part!r}')
        sig = (r['subject'], r['object'], tuple(r['predicates']), r.get('polarity'), r.get('modality'))
        if sig in sigs: err(f, f'duplicate relation {sig}')
        sigs.add(sig)
    for k, e in keys.items():
        if e['grade'] != 'may' and k not in used: print(f'{f}: note: entity {k} ({e["grade"]}) in no relation')
    print(f'{f}: {wc} words, {len(keys)} entities, {len(g["relations"])} relations ' +
          '(' + ', '.join(f'{x} {sum(r["grade"]==x for r in g["relations"])}' for x in ('must','should','may')) + ')')
print('errors:', bad)
sys.exit(1 if bad else 0)
