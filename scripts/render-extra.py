#!/usr/bin/python3
"""Render a plain-text report (line 1 title, one paragraph a line) with PDF producers
that neither ../shared/tools/render-pdf nor fixtures/make-extra.py use, to measure
the pipeline on producers it was not built against. Only for measurement: never commit
the PDFs this makes.

usage: render-extra.py TEXT.txt OUTDIR [STYLE ...]

  rl-ttf   ReportLab canvas with an EMBEDDED TrueType font (WenQuanYi Zen Hei, face 0 of
           the TTC): simple TrueType subsets of at most 256 glyphs each, with a
           ToUnicode map, left-aligned lines broken by width, header rule + title, footer
           "第N页"; every line is drawn with its own text object
  rl-glyph ReportLab canvas, the same embedded font, but every character drawn on its own
           (one text object per glyph, absolute positions, as Word, WPS and Chrome emit
           them), full lines justified by spreading the slack between characters, page
           number top right "第 N 页", the title and a date as the running header
  cairo    the lo-serif render (made with render-pdf when absent) rewritten by poppler's
           pdftocairo -pdf: cairo's font subsets and text operators
Needs: python3-reportlab fonts-wqy-zenhei poppler-utils (and render-pdf for cairo).
"""
import os, subprocess, sys

RENDER_PDF = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'tools', 'render-pdf')
WQY = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'


def read(path):
    lines = [l.strip(' \u3000') for l in open(path, encoding='utf-8').read().splitlines()]
    lines = [l for l in lines if l]
    return lines[0], lines[1:]


def rl_ttf(title, paras, out, glyphs=False):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(TTFont('WQY', WQY, subfontIndex=0))
    w, h = A4
    left, right, top, bottom = 72, w - 72, h - 80, 70
    size, lead = 13, 22
    c = canvas.Canvas(out, pagesize=A4)
    c.setTitle(title)
    page = [1]
    y = [top]

    def furniture():
        c.setFont('WQY', 9)
        if glyphs:
            c.drawString(left, h - 50, title + '　　2025年1月')
            c.drawRightString(right, h - 50, f'第 {page[0]} 页')
        else:
            c.drawString(left, h - 50, title)
            c.drawCentredString(w / 2, 40, f'第{page[0]}页')
        c.line(left, h - 55, right, h - 55)

    def newpage():
        c.showPage()
        page[0] += 1
        y[0] = top
        furniture()

    def lines_of(text, width, indent):
        out, cur, avail = [], '', width - indent
        for ch in text:
            if pdfmetrics.stringWidth(cur + ch, 'WQY', size) > avail and cur:
                out.append(cur)
                cur, avail = '', width
            cur += ch
        if cur:
            out.append(cur)
        return out

    furniture()
    c.setFont('WQY', 18)
    c.drawCentredString(w / 2, y[0], title)
    y[0] -= 40
    for p in paras:
        lines = lines_of(p, right - left, 2 * size)
        for i, line in enumerate(lines):
            if y[0] < bottom:
                newpage()
            c.setFont('WQY', size)
            x0 = left + (2 * size if i == 0 else 0)
            if not glyphs:
                c.drawString(x0, y[0], line)
            else:
                widths = [pdfmetrics.stringWidth(ch, 'WQY', size) for ch in line]
                gap = 0
                if i < len(lines) - 1 and len(line) > 1:
                    gap = (right - x0 - sum(widths)) / (len(line) - 1)
                x = x0
                for ch, cw in zip(line, widths):
                    c.drawString(x, y[0], ch)
                    x += cw + gap
            y[0] -= lead
        y[0] -= 4
    c.save()


def cairo(src, outdir, stem, out):
    base = os.path.join(outdir, f'{stem}.lo-serif.pdf')
    if not os.path.exists(base):
        subprocess.run([RENDER_PDF, src, outdir, 'lo-serif'], check=True, capture_output=True)
    subprocess.run(['pdftocairo', '-pdf', base, out], check=True)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    src, outdir, styles = sys.argv[1], sys.argv[2], sys.argv[3:] or ['rl-ttf', 'rl-glyph', 'cairo']
    title, paras = read(src)
    os.makedirs(outdir, exist_ok=True)
    stem = os.path.splitext(os.path.basename(src))[0]
    for style in styles:
        out = os.path.join(outdir, f'{stem}.{style}.pdf')
        if style in ('rl-ttf', 'rl-glyph'):
            rl_ttf(title, paras, out, style == 'rl-glyph')
        elif style == 'cairo':
            cairo(src, outdir, stem, out)
        else:
            sys.exit(f'unknown style {style}')
        print(out)


if __name__ == '__main__':
    main()
