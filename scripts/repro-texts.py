#!/usr/bin/python3
"""Write the small invented texts that reproduce the extraction defects found by scoring PDF
renders (running headers with page numbers, heading-like continuation lines, justified
spaces read as cells, digit lines taken for page numbers, short paragraphs in two columns). Each is line 1 a title, one paragraph a line,
so render-pdf, fixtures/make-extra.py and scripts/render-extra.py can render it.

usage: repro-texts.py OUTDIR

  space.txt   a justified line whose only break opportunities are ASCII spaces ("1 5 1")
              → mupdf-html: stretched space read as a table cell ("1\t5\t1"), paragraph cut in 3
  enum.txt    continuation lines that begin "一、", "二、" or "第95百分位数"
              → every style: a new paragraph starts there (headingRE, paragraphs.go)
  long.txt    16 pages; the rl-glyph header "title 2025年1月 … 第 N 页" on one line
              → pages 11, 13, 15 keep the header (runningKey digit count, headers.go)
  short.txt   200 short paragraphs → lo-2col: the two columns read as 2-cell table rows
"""
import os, random, sys


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    base = '全年实施工业项目一百个，率先出台推进工业经济高质量发展“1 5 1”系列政策，工业投资增长18.2%，制造业投资增长17.8%，服务业增加值增长6.9%。'
    texts = {'space.txt': ['空格测试报告'] + ['甲' * i + base + '乙' * (i % 5) for i in range(12)]}
    base = '全市地区生产总值增长6.1%，高于全国平均水平。其中，一、二、三产业增加值分别增长4.9%、8.3%、4.4%，一氧化碳日均浓度第95百分位数为0.9毫克/立方米。'
    texts['enum.txt'] = ['行首编号测试报告'] + ['甲' * i + base for i in range(30)]
    texts['long.txt'] = ['某市政府工作报告'] + [
        f'（{i % 9 + 1}）第{i + 1}段。全市地区生产总值增长6.1%，一般公共预算收入完成{100 + i}亿元，同比增长{i % 7 + 1}.5%。'
        f'城乡居民人均可支配收入达到{30000 + i * 10}元，新增城镇就业{2 + i % 5}万人。' for i in range(150)]
    rnd = random.Random(1)
    short = ['短段落双栏测试公报']
    for i in range(200):
        s = f'第{i}项指标完成{100 + i}.5亿元，增长{i % 9}.1%' + '，比上年提高一个百分点并持续向好发展'
        short.append(s[:rnd.randint(8, 26)] + '。')
    texts['short.txt'] = short
    for name, lines in texts.items():
        with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines) + '\n')
        print(os.path.join(out, name))


if __name__ == '__main__':
    main()
