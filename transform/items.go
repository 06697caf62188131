package transform

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/extract"
)

// Items. Budgets and final accounts (部门预算, 决算) explain their spending
// item by item: a numbered paragraph names the item, by its place in the
// government's classification of spending ("1.“一般公共服务支出（类）统计
// 信息事务（款）专项普查活动（项）”25.77万元"), and the sentences under it
// state the item's figures with names that only say which stage of the
// budget they are ("2023年当年预算执行数为60.13万元，2024年预算安排25.77
// 万元"; "年初预算为1560.05万元，支出决算为1511.89万元"). Such a name is
// qualified by the item it belongs to: 统计信息事务：专项普查活动：预算执行数.

// An item is the part of a document that a numbered paragraph opens.
type item struct {
	start, end int    // rune offsets in Document.Text: the numbered paragraph to the next heading or numbered paragraph
	name       string // the item's label, cleaned (see classificationName)
}

// maxItemLabel is the most runes of a numbered paragraph's label read as
// an item: longer openings are sentences, not labels.
const maxItemLabel = 64

// listItems returns the items of doc in text order: each numbered
// paragraph ("1.", "1、", "（1）") whose opening words, up to the first
// full stop, colon, comma or figure, name something.
func listItems(doc *extract.Document) []item {
	var out []item
	var rs []rune
	for i, p := range doc.Paragraphs {
		if p.Table != 0 {
			continue
		}
		rs = appendRunes(rs[:0], p.Text)
		lvl, skip := headingLevel(rs)
		if lvl < 0 {
			continue
		}
		if len(out) > 0 && out[len(out)-1].end < 0 {
			out[len(out)-1].end = p.Offset // a heading or numbered paragraph ends the item before
		}
		if lvl != 3 && lvl != 4 {
			continue
		}
		label := itemLabel(rs[skip:])
		if label == "" {
			continue
		}
		it := item{start: p.Offset, end: -1, name: label}
		if i == len(doc.Paragraphs)-1 {
			it.end = p.Offset + len(rs)
		}
		out = append(out, it)
	}
	if len(out) > 0 && out[len(out)-1].end < 0 {
		out[len(out)-1].end = utf8.RuneCountInString(doc.Text)
	}
	return out
}

// itemLabel returns the label of a numbered paragraph rs: its words after
// the number up to the first full stop, colon, comma or figure, cleaned;
// "" when they hold no Chinese character or run too long.
func itemLabel(rs []rune) string {
	i := 0
	switch {
	case i < len(rs) && (rs[i] == '（' || rs[i] == '('):
		for i < len(rs) && rs[i] != '）' && rs[i] != ')' {
			i++
		}
		i++
	default:
		for i < len(rs) && isWesternDigit(rs[i]) {
			i++
		}
		i++ // 、 or .
	}
	if i >= len(rs) {
		return ""
	}
	j, depth := i, 0
	for j < len(rs) && !isClauseEnd(rs[j]) && rs[j] != '；' && (depth > 0 || !isArabicDigit(rs[j])) {
		switch rs[j] {
		case '（', '(':
			depth++ // 司法（06款）: a code in brackets is part of the label
		case '）', ')':
			depth = max(depth-1, 0)
		}
		j++
	}
	if j-i > maxItemLabel {
		return ""
	}
	label := cleanName(rs[i:j])
	if !hasHan(label) || genericName(label) {
		return ""
	}
	return label
}

// itemAt returns the name of the item that covers offset of
// Document.Text, "" when none does.
func itemAt(items []item, offset int) string {
	i := sort.Search(len(items), func(i int) bool { return items[i].start > offset }) - 1
	if i < 0 || offset >= items[i].end {
		return ""
	}
	return items[i].name
}

// classificationMark matches the mark of a level of the government's
// classification of revenue and spending (政府收支分类科目) written after
// each level's name, with or without its code: （类）, （204类）, (06款).
var classificationMark = lazyRegexp(`[（(][0-9０-９]{0,8}[类款项][）)]`)

// classificationName returns the name of a classified budget item
// written with its levels ("一般公共服务支出（类）统计信息事务（款）专项
// 普查活动（项）"): the 款 and the 项, joined by a colon
// (统计信息事务：专项普查活动), or one of them alone when they are the same
// or the other is missing (words after the last mark are the next
// level, whose mark a line break cut off); a name without level marks is
// returned as it is. The 类 names the broad function only, and one 款 holds many 项 of
// the same name (一般行政管理事务), so the two lowest levels name the item.
func classificationName(s string) string {
	marks := classificationMark().FindAllStringIndex(s, -1)
	if marks == nil {
		return s
	}
	var levels []string // names of 类, 款, 项 in the order written
	at := 0
	for _, m := range marks {
		levels = append(levels, strings.TrimSpace(s[at:m[0]]))
		at = m[1]
	}
	rest := s[at:]
	if len(levels) == 0 {
		return s
	}
	if rest = strings.TrimSpace(rest); rest != "" {
		// "…（款）行政单位离退休" of a label whose last mark went to the
		// next line: the words after the last mark are the next level.
		levels = append(levels, rest)
	}
	if len(levels) > 2 {
		levels = levels[len(levels)-2:]
	}
	if len(levels) == 2 && (levels[0] == levels[1] || levels[0] == "") {
		levels = levels[1:]
	}
	return strings.Join(levels, "：")
}

// stageWords name a stage of a budget, not what is budgeted: a figure
// named only so ("预算执行数", "支出决算") needs the item it belongs to.
var stageWords = map[string]bool{
	"预算执行数": true, "执行数": true, "预算安排": true, "预算数": true, "决算数": true, "预算": true, "决算": true,
	"年初预算": true, "年初预算数": true, "全年预算": true, "全年预算数": true, "调整预算": true, "调整预算数": true,
	"支出决算": true, "收入决算": true, "支出预算": true, "收入预算": true, "决算支出": true, "预算支出": true,
	"决算收入": true, "预算收入": true, "安排": true, "完成数": true, "实际完成数": true, "实际支出": true,
}

// genericName reports whether name only says which stage of a budget a
// figure is (预算执行数, 当年预算安排, 年初预算).
func genericName(name string) bool {
	for _, p := range []string{"当年", "本年", "上年", "本年度", "当年度"} {
		if n := strings.TrimPrefix(name, p); n != name && n != "" {
			name = n
			break
		}
	}
	return stageWords[name]
}

// stageSuffix returns the stage word that ends name after a subject of
// two runes or more ("一般公共预算财政拨款支出年初预算" → 年初预算), or "".
func stageSuffix(name string) string {
	best := ""
	for w := range stageWords {
		if len(w) > len(best) && strings.HasSuffix(name, w) && utf8.RuneCountInString(name)-utf8.RuneCountInString(w) >= 2 {
			best = w
		}
	}
	return best
}

// qualify returns name, the name of a figure at offset start of r.text,
// qualified by what it belongs to when it only names a stage of a budget:
// the item that covers it ("统计信息事务：专项普查活动：预算执行数"), else
// the subject of the figure before it in its sentence whose name is that
// subject and a stage ("一般公共预算财政拨款支出年初预算为2993.92万元，支出
// 决算为2940.05万元" → 一般公共预算财政拨款支出：支出决算).
func (r *run) qualify(name string, start int) string {
	if !genericName(name) {
		return name
	}
	if it := itemAt(r.items, r.origOffset(start)); it != "" {
		return it + "：" + name
	}
	for k := len(r.out) - 1; k >= 0 && r.starts[k] >= r.cur.start; k-- {
		prev := r.out[k].Name
		if w := stageSuffix(prev); w != "" {
			return strings.TrimRight(strings.TrimSuffix(prev, w), "：") + "：" + name
		}
	}
	return name
}
