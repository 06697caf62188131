#!/usr/bin/env python3
"""town-reports.py N DIR [FIGURES]: writes N short town reports of FIGURES
figures each (100 unless given) into DIR, every figure under a name of its
own (four random characters of an industry and a measure: 农林交通总产值),
with a rate against last year.

A province's batch is mostly names as written that one report uses; this
makes such a batch for measuring the memory of sheet 汇总, whose rows are
built per name, e.g.

    scripts/town-reports.py 10000 /tmp/towns
    /usr/bin/time -v zhibiao convert -o /tmp/towns.xlsx /tmp/towns

The texts are generated, not taken from any report.
"""
import os
import random
import sys

CHARS = "农林牧渔工业建筑交通运输仓储邮政批发零售住宿餐饮金融房地产科技教育卫生文化体育娱乐公共管理社会组织水利环境设施服务居民电力热力燃气信息软件租赁商务"
MEASURES = ["总产值", "收入", "产量", "投资", "面积", "数量", "规模"]
UNITS = ["亿元", "万元", "万吨", "公里", "个", "家", "万人"]


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), sys.argv[2]
    figures = int(sys.argv[3]) if len(sys.argv) == 4 else 100
    os.makedirs(out, exist_ok=True)
    rng = random.Random(7)
    for f in range(n):
        lines = [f"某县{f}号镇{2020 + f % 4}年工作总结"]
        for _ in range(figures):
            name = "".join(rng.choice(CHARS) for _ in range(4)) + rng.choice(MEASURES)
            lines.append(f"全年{name}达到{rng.randint(1, 9999) / 10}{rng.choice(UNITS)}，"
                         f"同比增长{rng.randint(1, 200) / 10}%。")
        with open(os.path.join(out, f"town{f:05d}.txt"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
