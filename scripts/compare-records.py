#!/usr/bin/python3
"""Compare the records zhibiao finds in PDF renders with those it finds in the texts they were
rendered from, over whole reports (not only the labelled lines): every difference is a figure
that the PDF path gains or loses, and its sentence shows which extraction defect caused it.

usage: compare-records.py [-noperiod] ZHIBIAO TEXTDIR PDF...

Each PDF is <stem>.<style>.pdf and is compared with TEXTDIR/<stem>.txt. Records are compared
as a multiset of (name, std_value, std_unit, yoy, pp, status, period); with -noperiod the
period is left out (to see past a report year that a leaked header changed). Prints one line per PDF
(records in text, in PDF, lost, gained) and the differing records with their sentences.
"""
import collections, json, os, subprocess, sys


def records(zb, path, period=True):
    out = subprocess.run([zb, 'convert', '-o', os.devnull, '--jsonl', '-', path],
                         capture_output=True, text=True).stdout
    recs = [json.loads(l) for l in out.splitlines() if l.startswith('{')]
    key = lambda r: (r['name'], r['std_value'], r['std_unit'], r['yoy'], r['pp'], r['status']) + ((r['period'],) if period else ())
    return collections.Counter(key(r) for r in recs), {key(r): r['sentence'] for r in recs}, len(recs)


def main():
    args = sys.argv[1:]
    period = not (args and args[0] == '-noperiod')
    if not period:
        args = args[1:]
    if len(args) < 3:
        sys.exit(__doc__)
    zb, textdir, pdfs = args[0], args[1], args[2:]
    cache = {}
    tot = collections.Counter()
    for pdf in pdfs:
        base = os.path.basename(pdf)[:-len('.pdf')]
        stem, style = base.rsplit('.', 1)
        src = os.path.join(textdir, stem + '.txt')
        if src not in cache:
            cache[src] = records(zb, src, period)
        want, wsent, wn = cache[src]
        got, gsent, gn = records(zb, pdf, period)
        lost, gained = want - got, got - want
        nl, ng = sum(lost.values()), sum(gained.values())
        tot['text'] += wn; tot['pdf'] += gn; tot['lost'] += nl; tot['gained'] += ng
        print(f'{stem:44s} {style:10s} text {wn:4d} pdf {gn:4d} lost {nl:3d} gained {ng:3d}')
        for k in lost:
            print(f'    - {k}  «{wsent[k][:90]}»')
        for k in gained:
            print(f'    + {k}  «{gsent[k][:90]}»')
    print(f'TOTAL text {tot["text"]} pdf {tot["pdf"]} lost {tot["lost"]} gained {tot["gained"]}')


if __name__ == '__main__':
    main()
