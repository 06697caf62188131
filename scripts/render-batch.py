#!/usr/bin/python3
"""Render a batch of short PDFs from the corpus texts, for measuring the speed of a batch.

usage: render-batch.py CORPUS OUTDIR [COUNT]      (run with /usr/bin/python3)

Every corpus report is cut into pieces of about 5,000 characters (whole paragraphs, the
report's title on top of each), and each piece is rendered in two of the render-pdf styles
lo-serif, lo-spaced and rl-stsong (by turns), until COUNT PDFs (default 256) of about
5 to 8 pages each are in OUTDIR as NNN-<stem>.<style>.pdf. PDFs already there are kept, so
an interrupted run goes on where it stopped. Renders of corpus texts are for measurement
in a temporary folder only: never commit them.
Needs what render-pdf needs (LibreOffice, ReportLab, the Noto CJK and WenQuanYi fonts).
"""
import os
import subprocess
import sys
import tempfile

STYLES = ['lo-serif', 'rl-stsong', 'lo-spaced']
PIECE = 5000
HERE = os.path.dirname(os.path.abspath(__file__))
RENDER = os.environ.get('RENDER_PDF', os.path.join(HERE, '..', '..', 'shared', 'tools', 'render-pdf'))


def pieces(path):
    lines = [l.strip() for l in open(path, encoding='utf-8').read().splitlines()]
    lines = [l for l in lines if l]
    if len(lines) < 2:
        return
    title, cur, n = lines[0], [], 0
    for p in lines[1:]:
        cur.append(p)
        n += len(p)
        if n >= PIECE:
            yield title, cur
            cur, n = [], 0
    if n >= PIECE // 3:
        yield title, cur


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    corpus, out = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 256
    os.makedirs(out, exist_ok=True)
    texts = sorted(f for f in os.listdir(corpus) if f.endswith('.txt'))
    made, k = 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in texts:
            for title, paras in pieces(os.path.join(corpus, name)):
                stem = '%03d-%s' % (k, name[:-4])
                src = os.path.join(tmp, stem + '.txt')
                with open(src, 'w', encoding='utf-8') as f:
                    f.write(title + '\n' + '\n'.join(paras) + '\n')
                for style in (STYLES[k % 3], STYLES[(k + 1) % 3]):
                    if made >= count:
                        return
                    made += 1
                    if os.path.exists(os.path.join(out, '%s.%s.pdf' % (stem, style))):
                        continue
                    subprocess.run([RENDER, src, out, style], check=True, stdout=subprocess.DEVNULL)
                k += 1


if __name__ == '__main__':
    main()
