#!/usr/bin/python3
"""Render a report text with its tables drawn as real tables, in several producer styles,
to test and measure how extract reads tables out of PDFs.

usage: render-tables.py TEXT.txt OUTDIR [STYLE ...]      (run with /usr/bin/python3)

The text is in the project's text format: line 1 the title, one paragraph a line; a table
is a caption line (表N …), optional unit-note lines (单位：万元), then one line per row with
the cells separated by TABs, as extract's text reader reads it; TAB lines without a caption
are paragraphs, their TABs set as wide spaces. Header
rows are the rows before the first one with a figure in a cell other than the first (as
extract's headerRows counts them). Inside the header rows an empty cell continues the
cell on its left (a header merged over several columns, "2022年" over 绝对数 | 增长) and,
in the first column or under a one-column header cell, the cell above it (a header merged
over several rows, "指标"): that is how extract writes merged cells back as text.

Styles (output OUTDIR/<stem>.<style>.pdf):

  lo-ruled      LibreOffice Writer from a flat ODT: Noto Serif CJK 10.5/12 pt, every cell
                bordered with 0.5 pt lines, merged header cells, header rows repeated on
                each page a table runs on, column widths from the cells' text so that long
                labels and headers wrap inside their cells, footer "- N -"
  chrome-3line  Chromium headless --print-to-pdf from HTML: three-line tables (a thick rule
                above and below, a thin one under the header, short rules under headers
                merged over columns), the header repeated on every page a table runs on,
                WenQuanYi Zen Hei, CSS @page footer "— N —"
  word-rect     ReportLab canvas imitating Word/WPS output: every cell border drawn as a
                thin filled rectangle (0.5 pt), text drawn line by line inside its cell
                (wrapped, labels left, figures right, headers centred), tables split across
                pages with their header rows repeated, embedded TrueType subsets, footer
                "第 N 页"
  chrome-plain  Chromium as chrome-3line but with no rules at all: columns only aligned

Only for tests and measurement: commit PDFs rendered from texts written for the project,
never ones rendered from corpus or label texts.
Needs: libreoffice-writer-nogui chromium python3-reportlab fonts-noto-cjk fonts-wqy-zenhei.
"""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

HEADING = re.compile(r'^([一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章部分节])')
CAPTION = re.compile(r'^(?:附|续)?表\s*[0-9０-９一二三四五六七八九十]+(?:[-－—.．][0-9０-９]+)?(?:[\s　：:、．.]|$)|^续表'
                     r'|^(?:附|续)?表\s*[0-9０-９]+(?:[-－—.．][0-9０-９]+)?[\u4e00-\u9fff（(“](?!.*[，。；])')
UNIT_NOTE = re.compile(r'^[（(]?(?:金额|计量|数量)?单位\s*[:：]\s*\S{1,16}[）)]?$')
NUMERIC = re.compile(r'^[+\-−－]?[0-9０-９][0-9０-９,，.．%％()（） ]*$|^[+\-−－.．,，%％()（）]*[0-9０-９][0-9０-９+\-−－.．,，%％()（） ]*$')
WQY = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'


def clean(s):
    return re.sub(r'\s+', ' ', s.replace('\t', ' ')).strip(' \u3000')


def numeric(s):
    s = s.strip()
    return bool(s) and bool(NUMERIC.match(s)) and any(c.isdigit() for c in s)


class Table:
    def __init__(self, caption, notes, rows):
        self.caption, self.notes = caption, notes
        n = max(len(r) for r in rows)
        self.rows = [[clean(c) for c in r] + [''] * (n - len(r)) for r in rows]
        self.cols = n
        self.header = self.header_rows()
        self.span = self.merges()

    def header_rows(self):
        for r, row in enumerate(self.rows):
            if any(numeric(c) for c in row[1:]):
                return min(r, 3)
        return 1 if len(self.rows) > 1 else 0

    def merges(self):
        """span[r][c] = (rowspan, colspan) at an origin, None at a covered position."""
        span = [[(1, 1) for _ in range(self.cols)] for _ in self.rows]
        origin = {}  # covered position -> its origin

        def at(r, c):
            return origin.get((r, c), (r, c))
        for r in range(self.header):
            for c in range(self.cols):
                if self.rows[r][c]:
                    continue
                if r > 0:
                    o = at(r - 1, c)
                    if self.rows[o[0]][o[1]] and o[1] == c and span[o[0]][o[1]][1] == 1:
                        span[o[0]][o[1]] = (r - o[0] + 1, 1)
                        span[r][c], origin[(r, c)] = None, o
                        continue
                if c > 0:
                    o = at(r, c - 1)
                    if o[0] == r and self.rows[r][o[1]]:
                        span[r][o[1]] = (1, c - o[1] + 1)
                        span[r][c], origin[(r, c)] = None, o
        return span


def parse(path):
    """title, blocks: ('p', text) or ('t', Table)."""
    lines = [l.rstrip() for l in open(path, encoding='utf-8-sig').read().splitlines()]
    lines = [l for l in lines if l.strip()]
    title, rest = clean(lines[0]), lines[1:]
    blocks, i = [], 0
    while i < len(rest):
        line = rest[i]
        caption, notes, j = '', [], i
        if CAPTION.match(clean(line)) and len(clean(line)) <= 60:
            caption, j = clean(line), i + 1
            while j < len(rest) and '\t' not in rest[j] and UNIT_NOTE.match(clean(rest[j])):
                notes.append(clean(rest[j]))
                j += 1
        k = j
        while caption and k < len(rest) and '\t' in rest[k].lstrip(' \u3000') and not CAPTION.match(clean(rest[k])):
            k += 1
        if k > j:
            rows = [r.lstrip(' \u3000') for r in rest[j:k]]
            if all(r.startswith('\t') for r in rows):
                rows = [r[1:] for r in rows]
            blocks.append(('t', Table(caption, notes, [r.split('\t') for r in rows])))
            i = k
            continue
        # A line with TABs outside a table (a contents line, a chart's
        # caption set with tabs) keeps its gaps as ideographic spaces.
        blocks.append(('p', clean(line.replace('\t', '\u3000\u3000'))))
        i += 1
    return title, blocks


def width(s):
    return sum(2 if ord(ch) > 0x2e80 else 1 for ch in s)


def col_weights(t):
    """Relative column widths from the cells' text, as a browser's auto layout would: wide
    enough for every figure, but labels capped at 20 and headers at 10 half-width cells,
    so that long labels and headers wrap inside their cells."""
    w = []
    for c in range(t.cols):
        m = 6
        for r in range(len(t.rows)):
            if t.span[r][c] != (1, 1):
                continue
            text = t.rows[r][c]
            m = max(m, width(text) + 2 if numeric(text) else min(width(text), 10 if r < t.header else 20))
        w.append(m)
    return w


# ---------------------------------------------------------------- LibreOffice

def lo_ruled(title, blocks, out):
    e = html.escape
    styles = []  # the tables' column styles
    body = [f'<text:p text:style-name="Title">{e(title)}</text:p>']
    for kind, b in blocks:
        if kind == 'p':
            style = 'H1' if HEADING.match(b) else 'Body'
            body.append(f'<text:p text:style-name="{style}">{e(b)}</text:p>')
            continue
        t = b
        if t.caption:
            body.append(f'<text:p text:style-name="Cap">{e(t.caption)}</text:p>')
        for n in t.notes:
            body.append(f'<text:p text:style-name="Note">{e(n)}</text:p>')
        name = f'T{len(body)}'
        ws = col_weights(t)
        cols = ''.join(f'<table:table-column table:style-name="{name}c{c}"/>' for c in range(t.cols))
        styles.extend(f'<style:style style:name="{name}c{c}" style:family="table-column"><style:table-column-properties style:column-width="{16 * w / sum(ws):.3f}cm"/></style:style>' for c, w in enumerate(ws))
        rows = []
        for r, row in enumerate(t.rows):
            cells = []
            for c, text in enumerate(row):
                sp = t.span[r][c]
                if sp is None:
                    cells.append('<table:covered-table-cell/>')
                    continue
                attrs = ''
                if sp[0] > 1:
                    attrs += f' table:number-rows-spanned="{sp[0]}"'
                if sp[1] > 1:
                    attrs += f' table:number-columns-spanned="{sp[1]}"'
                p = 'CellH' if r < t.header else 'CellN' if numeric(text) else 'CellL'
                cells.append(f'<table:table-cell table:style-name="Cell"{attrs} office:value-type="string"><text:p text:style-name="{p}">{e(text)}</text:p></table:table-cell>')
            rows.append(f'<table:table-row>{"".join(cells)}</table:table-row>')
        head, rest = rows[:t.header], rows[t.header:]
        hr = f'<table:table-header-rows>{"".join(head)}</table:table-header-rows>' if head else ''
        body.append(f'<table:table table:name="{name}" table:style-name="Tbl">{cols}{hr}{"".join(rest)}</table:table>')
    doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="B" svg:font-family="&apos;Noto Serif CJK SC&apos;"/>
 <style:font-face style:name="H" svg:font-family="&apos;Noto Sans CJK SC&apos;"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph"><style:text-properties style:font-name="B" style:font-name-asian="B" fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-indent="24pt" fo:text-align="justify" fo:line-height="140%"/></style:style>
 <style:style style:name="H1" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-indent="24pt" fo:margin-top="6pt" fo:margin-bottom="6pt"/><style:text-properties style:font-name="H" style:font-name-asian="H"/></style:style>
 <style:style style:name="Cap" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-top="8pt" fo:margin-bottom="4pt" fo:keep-with-next="always"/><style:text-properties style:font-name="H" style:font-name-asian="H"/></style:style>
 <style:style style:name="Note" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end" fo:margin-bottom="2pt" fo:keep-with-next="always"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
 <style:style style:name="CellL" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
 <style:style style:name="CellN" style:family="paragraph" style:parent-style-name="CellL"><style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="CellH" style:family="paragraph" style:parent-style-name="CellL"><style:paragraph-properties fo:text-align="center"/></style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="18pt"/><style:text-properties style:font-name="H" style:font-name-asian="H" fo:font-size="18pt" style:font-size-asian="18pt"/></style:style>
 <style:style style:name="Ftr" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16cm" table:align="center" fo:margin-bottom="6pt"/></style:style>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000" style:vertical-align="middle"/></style:style>
 {"".join(styles)}
 <style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2.5cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"><style:footer><text:p text:style-name="Ftr">- <text:page-number text:select-page="current"/> -</text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>{''.join(body)}</office:text></office:body></office:document>'''
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'doc.fodt')
        open(src, 'w', encoding='utf-8').write(doc)
        subprocess.run(['soffice', f'-env:UserInstallation=file://{tmp}/profile', '--headless',
                        '--convert-to', 'pdf', '--outdir', tmp, src], check=True, capture_output=True)
        shutil.move(os.path.join(tmp, 'doc.pdf'), out)



# ---------------------------------------------------------------- Chromium

def html_page(title, blocks, rules):
    e = html.escape
    css = '''
@page { size: A4; margin: 22mm 24mm 20mm 24mm;
  @bottom-center { content: "— " counter(page) " —"; font-size: 10pt; font-family: 'WenQuanYi Zen Hei'; } }
body { font-family: 'WenQuanYi Zen Hei'; font-size: 12pt; line-height: 1.5; }
h1 { text-align: center; font-size: 18pt; font-weight: normal; margin: 0 0 16pt 0; }
p { text-indent: 2em; text-align: justify; margin: 0; }
p.h { font-weight: bold; margin: 6pt 0; }
p.cap { text-indent: 0; text-align: center; font-weight: bold; margin: 10pt 0 2pt 0; }
p.note { text-indent: 0; text-align: right; font-size: 9pt; margin: 0 0 2pt 0; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.3; margin-bottom: 8pt; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { padding: 2pt 5pt; vertical-align: middle; }
th { font-weight: normal; text-align: center; }
td { text-align: left; } td.n { text-align: right; }
'''
    if rules:
        css += '''
table { border-top: 1.5pt solid black; border-bottom: 1.5pt solid black; }
thead tr:last-child th { border-bottom: 0.75pt solid black; }
th[colspan] { border-bottom: 0.5pt solid black; }
'''
    out = [f'<h1>{e(title)}</h1>']
    for kind, b in blocks:
        if kind == 'p':
            out.append(f'<p{" class=h" if HEADING.match(b) else ""}>{e(b)}</p>')
            continue
        t = b
        if t.caption:
            out.append(f'<p class="cap">{e(t.caption)}</p>')
        for n in t.notes:
            out.append(f'<p class="note">{e(n)}</p>')
        ws = col_weights(t)
        total = sum(ws)
        rows = []
        for r, row in enumerate(t.rows):
            tag = 'th' if r < t.header else 'td'
            cells = []
            for c, text in enumerate(row):
                sp = t.span[r][c]
                if sp is None:
                    continue
                attrs = f' style="width:{100 * ws[c] / total:.1f}%"' if r == 0 and sp[1] == 1 else ''
                attrs += f' rowspan="{sp[0]}"' if sp[0] > 1 else ''
                attrs += f' colspan="{sp[1]}"' if sp[1] > 1 else ''
                if tag == 'td' and numeric(text):
                    attrs += ' class="n"'
                cells.append(f'<{tag}{attrs}>{e(text)}</{tag}>')
            rows.append('<tr>' + ''.join(cells) + '</tr>')
        out.append('<table><thead>' + ''.join(rows[:t.header]) + '</thead><tbody>' + ''.join(rows[t.header:]) + '</tbody></table>')
    return f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title)}</title><style>{css}</style></head><body>{"".join(out)}</body></html>'


def chrome(title, blocks, out, rules=True):
    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, 'doc.html')
        open(page, 'w', encoding='utf-8').write(html_page(title, blocks, rules))
        subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
                        '--disable-background-networking', '--disable-component-update', '--disable-sync',
                        f'--user-data-dir={tmp}/profile', '--no-pdf-header-footer', f'--print-to-pdf={out}',
                        'file://' + page], check=True, capture_output=True)


def chrome_3line(title, blocks, out):
    chrome(title, blocks, out, rules=True)


def chrome_plain(title, blocks, out):
    chrome(title, blocks, out, rules=False)


# ---------------------------------------------------------------- Word-like (ReportLab)

def word_rect(title, blocks, out):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(TTFont('WQY', WQY, subfontIndex=0))
    W, H, L, R, TOP, BOT = 595.3, 841.9, 72, 72, 72, 72
    BODY, CELL, LEAD, PAD, RULE = 12, 10.5, 20, 3, 0.5
    avail = W - L - R
    nostart = set('，。、；：？！）》」』”’,.;:?!)%')

    def sw(s, size):
        return pdfmetrics.stringWidth(s, 'WQY', size)

    def wrap(text, wid, size, indent=0.0):
        lines, cur, room = [], '', wid - indent
        for ch in text:
            if cur and sw(cur + ch, size) > room and ch not in nostart:
                lines.append(cur)
                cur, room = '', wid
            cur += ch
        return lines + [cur] if cur else lines or ['']

    c = canvas.Canvas(out, pagesize=(W, H), pageCompression=1, invariant=1)
    c.setTitle(title)
    c.setCreator('Microsoft Word')
    state = {'y': H - TOP, 'page': 1}

    def new_page():
        c.setFont('WQY', 9)
        c.drawCentredString(W / 2, 40, f'第 {state["page"]} 页')
        c.showPage()
        state['page'] += 1
        state['y'] = H - TOP

    def room(h):
        if state['y'] - h < BOT:
            new_page()

    def para(text, size=BODY, indent=True, align='left'):
        ls = wrap(text, avail, size, 2 * size if indent else 0)
        for k, l in enumerate(ls):
            room(LEAD)
            state['y'] -= LEAD
            c.setFont('WQY', size)
            x = L + (2 * size if indent and k == 0 else 0)
            if align == 'center':
                c.drawCentredString(W / 2, state['y'] + 5, l)
            elif align == 'right':
                c.drawRightString(W - R, state['y'] + 5, l)
            else:
                c.drawString(x, state['y'] + 5, l)

    def table(t):
        ws = col_weights(t)
        colw = [avail * w / sum(ws) for w in ws]
        xs = [L]
        for w in colw:
            xs.append(xs[-1] + w)
        # lines of each origin cell, then row heights (a merged cell's lines spread over its rows)
        lines = {}
        for r, row in enumerate(t.rows):
            for col, text in enumerate(row):
                sp = t.span[r][col]
                if sp is None:
                    continue
                wid = xs[col + sp[1]] - xs[col] - 2 * PAD
                lines[(r, col)] = wrap(text, wid, CELL)
        lh = CELL * 1.3
        heights = []
        for r, row in enumerate(t.rows):
            h = lh + 2 * PAD
            for col in range(t.cols):
                sp = t.span[r][col]
                if sp and sp[0] == 1:
                    h = max(h, len(lines[(r, col)]) * lh + 2 * PAD)
            heights.append(h)
        for r, row in enumerate(t.rows):
            for col in range(t.cols):
                sp = t.span[r][col]
                if sp and sp[0] > 1:
                    need = len(lines[(r, col)]) * lh + 2 * PAD
                    have = sum(heights[r:r + sp[0]])
                    if need > have:
                        heights[r + sp[0] - 1] += need - have

        def draw_rows(rs, top):
            y = top
            tops = {}
            for r in rs:
                tops[r] = y
                y -= heights[r]
            for r in rs:
                for col in range(t.cols):
                    sp = t.span[r][col]
                    if sp is None:
                        continue
                    last = min(r + sp[0], rs[-1] + 1)
                    y0, y1 = tops[r] - sum(heights[r:last]), tops[r]
                    x0, x1 = xs[col], xs[col + sp[1]]
                    # Word draws each border of each cell as a thin filled rectangle
                    c.rect(x0, y1 - RULE / 2, x1 - x0, RULE, stroke=0, fill=1)
                    c.rect(x0, y0 - RULE / 2, x1 - x0, RULE, stroke=0, fill=1)
                    c.rect(x0 - RULE / 2, y0, RULE, y1 - y0, stroke=0, fill=1)
                    c.rect(x1 - RULE / 2, y0, RULE, y1 - y0, stroke=0, fill=1)
                    ls = lines[(r, col)]
                    ty = (y0 + y1) / 2 + len(ls) * lh / 2 - lh + (lh - CELL) / 2 + 1.5
                    c.setFont('WQY', CELL)
                    for k, l in enumerate(ls):
                        yy = ty - k * lh
                        if r < t.header:
                            c.drawCentredString((x0 + x1) / 2, yy, l)
                        elif numeric(t.rows[r][col]):
                            c.drawRightString(x1 - PAD, yy, l)
                        else:
                            c.drawString(x0 + PAD, yy, l)
            return y

        head = list(range(t.header))
        body = list(range(t.header, len(t.rows)))
        hh = sum(heights[r] for r in head)
        i = 0
        first = True
        while i < len(body) or first and not body:
            top = state['y']
            # as many body rows as fit under the header on this page
            space = top - BOT - hh
            n = 0
            used = 0.0
            while i + n < len(body) and used + heights[body[i + n]] <= space:
                used += heights[body[i + n]]
                n += 1
            if n == 0 and body and not first or n == 0 and body and space < heights[body[i]] and top < H - TOP - 1:
                new_page()
                first = False
                continue
            n = max(n, 1) if body else 0
            y = draw_rows(head + body[i:i + n], top) if head + body[i:i + n] else top
            state['y'] = y - 6
            i += n
            first = False
            if i < len(body):
                new_page()

    c.setFont('WQY', 18)
    state['y'] -= 30
    c.drawCentredString(W / 2, state['y'], title)
    state['y'] -= 16
    for kind, b in blocks:
        if kind == 'p':
            para(b)
            continue
        t = b
        room(LEAD * 3)
        if t.caption:
            para(t.caption, indent=False, align='center')
        for n in t.notes:
            para(n, size=9, indent=False, align='right')
        table(t)
    c.setFont('WQY', 9)
    c.drawCentredString(W / 2, 40, f'第 {state["page"]} 页')
    c.showPage()
    c.save()


STYLES = {'lo-ruled': lo_ruled, 'chrome-3line': chrome_3line, 'word-rect': word_rect, 'chrome-plain': chrome_plain}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    src, outdir, names = sys.argv[1], sys.argv[2], sys.argv[3:] or ['lo-ruled', 'chrome-3line', 'word-rect']
    title, blocks = parse(src)
    os.makedirs(outdir, exist_ok=True)
    stem = os.path.splitext(os.path.basename(src))[0]
    for name in names:
        if name not in STYLES:
            sys.exit(f'unknown style {name}; styles: {" ".join(STYLES)}')
        out = os.path.join(outdir, f'{stem}.{name}.pdf')
        STYLES[name](title, blocks, out)
        print(out)


if __name__ == '__main__':
    main()
