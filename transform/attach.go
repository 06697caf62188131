package transform

import (
	"strings"
	"unicode/utf8"
)

// leadWords are words that open a clause before the indicator name: time,
// modality and sequence words, and verbs of achievement. They are
// stripped from the start of a name, repeatedly.
var leadWords = []string{
	"其中", "预计", "预期", "全年", "今年", "年内", "年底前", "力争", "确保", "争取", "累计", "共计", "合计", "总计",
	"今年以来", "以来", "及以上", "以上", "及以下", "以下", "以内", "左右", "比上一年", "比上年", "比去年", "较上年", "较去年", "同比", "拟", "了", "按可比口径计算", "按可比口径", "按可比价格计算", "按可比价计算", "按不变价格计算", "按可比价格", "按当年价格", "按可比价", "按同口径计算", "按同口径", "同口径", "扣除不可比因素", "扣除价格因素后", "平均每年", "每年平均", "扣除价格因素",
	"实现", "完成", "同时", "已经", "已", "另外", "此外", "截至目前", "截至年底", "截至年末", "目前", "初步核算",
	"一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
	"全部", "分别", "共有", "当年", "年末", "年底", "期末", "同期", "一年来", "过去一年",
	"达到", "超过", "其次", "再次", "首先", "以及", "的",
	// verbs of action before the thing counted ("引进50亿项目1个")
	"引进", "培育", "认定", "组织", "举办", "申报", "储备", "开展", "受理", "处置", "发放", "办结", "录入",
	"处理", "招引", "接待", "获评", "获得", "拥有", "建成", "打造", "创建", "实施", "推进", "带动", "吸引",
	"落实", "帮助", "解决", "安排", "筹集", "成功", "累计完成", "新建成",
}

// canWords may follow 可 when 可 is a modal ("可实现"), not part of a
// word ("可支配收入").
var canWords = []string{"实现", "完成", "达", "入驻", "引进", "新增", "带动", "提供", "突破", "超", "拉动", "吸纳"}

// trailWords are verbs, copulas and bound words between a name and its
// figure. They are stripped from the end of a name, repeatedly.
var trailWords = []string{
	"调整为", "调整到", "调整至", "优化为", "演进为", "变为", "分别为", "分别达", "分别是", "分别", "均达到", "均达", "均为", "约为", "达到了", "达到", "已达", "共计", "累计",
	"增至", "增加到", "增加至", "提高到", "提高至", "提升到", "提升至", "上升到", "上升至", "下降到", "下降至",
	"跨越", "跨过", "迈上", "迈入", "站上", "跃上", "跃升至", "首次突破", "首破", "冲上",
	"首次", "高达", "多达", "仅为", "仅占", "仅", "降至", "降到", "不少于", "不低于", "不超过", "不高于", "不到", "不足", "至少", "接近", "突破", "超过",
	"控制在", "保持在", "稳定在", "实现", "完成", "共有", "达", "为", "是", "超", "逾",
	"约", "到", "至", "了", "以及", "和", "与", "等", "共", "由平均", "从平均", "从", "由", "占",
	"已经", "已", "保持", "拟按", "近", "均", "双双",
}

// isFootnoteMark reports whether r is a isFootnoteMark mark (①, ⑤, ²).
func isFootnoteMark(r rune) bool {
	return r >= '①' && r <= '⑳' || r >= '㉑' && r <= '㉟' || r >= '㊱' && r <= '㊿' ||
		r >= '⑴' && r <= '⒇' || r == '¹' || r == '²' || r == '³' || r >= '⁰' && r <= '⁹'
}

// isNamePunct reports whether r is punctuation dropped from names.
func isNamePunct(r rune) bool {
	return strings.ContainsRune("“”‘’\"'《》〈〉「」『』【】•·", r) || isBlankRune(r) || r == '\n' || isFootnoteMark(r)
}

// cleanName turns the words between a clause start and a figure into an
// indicator name: quotes, spaces and isFootnoteMark marks dropped ("[2]" too),
// lead and trail words stripped, unmatched brackets cut.
func cleanName(rs []rune) string {
	b := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if (r == '[' || r == '［') && i+2 < len(rs) {
			j := i + 1
			for j < len(rs) && isWesternDigit(rs[j]) {
				j++
			}
			if j > i+1 && j < len(rs) && (rs[j] == ']' || rs[j] == '］') {
				i = j
				continue
			}
		}
		if isNamePunct(r) {
			continue
		}
		b = append(b, r)
	}
	// Unmatched brackets: keep what follows an unclosed "（" or a lone "）".
	open := -1
	for i, r := range b {
		switch r {
		case '（', '(':
			open = i
		case '）', ')':
			if open < 0 {
				b = b[i+1:]
				return cleanName(b)
			}
			open = -1
		}
	}
	if open >= 0 {
		b = b[open+1:]
	}
	s := string(b)
	// "……11全年收入预算": an entry of a table of contents run into the
	// line after it; the name follows its leaders and page number.
	if i := strings.LastIndexAny(s, ".…·"); i >= 0 && (strings.Contains(s, "....") || strings.Contains(s, "……") || strings.Contains(s, "····")) {
		_, n := utf8.DecodeRuneInString(s[i:])
		s = strings.TrimLeftFunc(s[i+n:], isWesternDigit)
	}
	// "||---|---||原煤|": a cell of a table written in text; the name is
	// in the last cell.
	if strings.Contains(s, "|") {
		cells := strings.Split(s, "|")
		s = ""
		for k := len(cells) - 1; k >= 0 && s == ""; k-- {
			s = strings.TrimSpace(cells[k])
		}
	}
	for changed := true; changed && s != ""; {
		changed = false
		// "（29.0%）": an aside that states a figure names nothing.
		if rs := []rune(s); len(rs) > 2 && (rs[0] == '（' || rs[0] == '(') && (rs[len(rs)-1] == '）' || rs[len(rs)-1] == ')') &&
			strings.IndexFunc(s, isWesternDigit) >= 0 {
			return ""
		}
		// "-娱乐场所", "*": list bullets.
		s = strings.Trim(s, "、，,：:；;。 -－—*")
		// "（下同）地区生产总值": a leading remark in brackets.
		if strings.HasPrefix(s, "（") || strings.HasPrefix(s, "(") {
			if i := strings.IndexAny(s, "）)"); i > 0 && i+len("）") <= len(s) {
				_, n := utf8.DecodeRuneInString(s[i:])
				if rest := s[i+n:]; rest != "" {
					s, changed = rest, true
				}
			}
		}
		for _, w := range leadWords {
			// Strip a lead word unless one rune would be left: 处理率 is
			// a name, not 处理 + 率.
			if !strings.HasPrefix(s, w) {
				continue
			}
			rest := s[len(w):]
			if r, _ := utf8.DecodeRuneInString(rest); rest != "" && strings.ContainsRune("率额量", r) {
				break // 办结率均达: the word is the stem of a rate
			}
			if rest == "" || len([]rune(rest)) >= 2 {
				s, changed = rest, true
				break
			}
		}
		if strings.HasPrefix(s, "可") {
			for _, w := range canWords {
				if strings.HasPrefix(s[len("可"):], w) {
					s, changed = s[len("可"):], true
					break
				}
			}
		}
		if n := leadingCount(s); n > 0 {
			s, changed = s[n:], true // 九大类民生支出: how many, not what
		}
		if rs := []rune(s); len(rs) > 0 {
			// "公司2022-2024年归母净利润": the years a list of figures is
			// about date the figures; they are no part of the name.
			for k := range rs {
				if ys, n := yearSpanAt(rs, k); ys != nil && k+n < len(rs) {
					rs = append(rs[:k:k], rs[k+n:]...)
					s, changed = string(rs), true
					break
				}
			}
			if y, n := yearWritten(rs, 0); y != 0 {
				rs = rs[n:]
				for len(rs) > 0 && strings.ContainsRune("末底度初", rs[0]) {
					rs = rs[1:]
				}
				s, changed = string(rs), true
			}
		}
		for _, w := range trailWords {
			if strings.HasSuffix(s, w) {
				if rs := []rune(s); len([]rune(w)) == 1 && len(rs) >= 2 && compoundBound(rs, 0, len(rs), w) {
					continue // 签约 keeps its 约
				}
				if w == "共" && strings.HasSuffix(s, "公共") {
					continue
				}
				if w == "高达" && strings.HasSuffix(s, "最高达") {
					continue // 单日最高达: 最高 is the name's
				}
				if strings.HasPrefix(w, "均") {
					// 平均达到, 人均为: 均 belongs to the name.
					if r, _ := utf8.DecodeLastRuneInString(s[:len(s)-len(w)]); strings.ContainsRune("平人亩户", r) {
						continue
					}
				}
				s, changed = s[:len(s)-len(w)], true
				break
			}
		}
		// "床位数由2015年的", "增加到2024年": a year that dates the figure.
		if rs := []rune(s); len(rs) >= 5 {
			for k := len(rs) - 5; k >= 0 && k >= len(rs)-7; k-- {
				if y, n := yearWritten(rs, k); y != 0 && strings.Trim(string(rs[k+n:]), "的末底") == "" {
					s, changed = string(rs[:k]), true
					for _, w := range []string{"由", "从", "自"} {
						s = strings.TrimSuffix(s, w)
					}
					break
				}
			}
		}
	}
	// "发明专利拥有量从28件" (…提高到70件): the old value is no part of
	// the name.
	if rs := []rune(s); len(rs) > 3 {
		for k := len(rs) - 2; k >= 2 && k >= len(rs)-10; k-- {
			if (rs[k] == '从' || rs[k] == '由') && isWesternDigit(rs[k+1]) {
				s = string(rs[:k])
				break
			}
		}
	}
	// "全国共有婚姻登记机构和场所": what is had is the name.
	for _, v := range []string{"共有", "拥有", "现有"} {
		if i := strings.LastIndex(s, v); i > 0 && utf8.RuneCountInString(s[i+len(v):]) >= 2 {
			s = s[i+len(v):]
		}
	}
	// "一般公共服务支出（类）统计信息事务（款）专项普查活动（项）": a budget
	// item, named by its two lowest levels before any cut.
	s = classificationName(s)
	if rs := []rune(s); len(rs) > maxName && !strings.Contains(s, "：") {
		s = string(keepEnd(rs, maxName))
	}
	return s
}

// keepEnd returns the last n runes of name, or fewer: a cut inside a
// number moves past it, and past the year it writes ("上海市普陀区财政局
// 2024年度政府采购金额（以合同签订为准）" keeps 政府采购金额（以合同签订为准）,
// not 024年度…).
func keepEnd(name []rune, n int) []rune {
	i := len(name) - n
	if !isWesternDigit(name[i-1]) || !isWesternDigit(name[i]) {
		return name[i:]
	}
	for i < len(name) && isWesternDigit(name[i]) {
		i++
	}
	for _, w := range []string{"年度", "年"} {
		if strings.HasPrefix(string(name[i:]), w) {
			i += utf8.RuneCountInString(w)
			break
		}
	}
	return name[i:]
}

// leadingCount returns the length in bytes of a count in Chinese numerals
// that opens s ("四个", "九大类", "两项"), 0 if none or if fewer than two
// runes would be left.
func leadingCount(s string) int {
	rs := []rune(s)
	i := 0
	for i < len(rs) && i < 2 && strings.ContainsRune("一二两三四五六七八九十", rs[i]) {
		i++
	}
	if i == 0 {
		return 0
	}
	for _, n := range []int{2, 1} {
		// Not 类 or 次: 四类水 is a class of water, 三次产业 a sector.
		if w := string(rs[i : i+min(n, len(rs)-i)]); i+n+2 <= len(rs) && measureWords[w] && w != "类" && w != "次" {
			return len(string(rs[:i+n]))
		}
	}
	return 0
}

// maxName is the most runes kept of a name; longer walks back keep their end,
// where the noun stands.
const maxName = 20

// clauseStart returns where the clause that ends at end begins, no further
// back than lo. With enum set, an enumeration comma (、) ends a clause too.
func clauseStart(text []rune, lo, end int, enum bool) int {
	for i := end - 1; i >= lo; i-- {
		if isClauseEnd(text[i]) || enum && text[i] == '、' {
			return i + 1
		}
	}
	return lo
}

// forwardStops end a name read after its figure ("81个项目纳入…").
var forwardStops = []string{"出台", "运行", "上线", "深入", "加快", "启动", "开展", "实施", "推进", "提供", "开放", "均取得", "均已", "均有", "均达", "已经", "已", "取得", "纳入", "全部", "完成", "实现", "获得", "获批", "入选", "被", "成功", "参与", "达到", "受到", "通过", "建成", "投入", "开工", "竣工", "落地", "签约", "上市", "进入", "列入", "的"}

// forwardName reads a name after figure q: the words up to the clause end,
// a number or a stop word ("44项具体任务全部完成" → 具体任务).
func forwardName(text []rune, q quantity) string {
	i := q.End
	for _, w := range []string{"及以上", "及以下", "以上", "以下", "以内", "左右", "上下", "余", "多"} {
		if hasPrefixRunes(text, i, w) {
			i += len([]rune(w))
			break
		}
	}
	for i < len(text) && text[i] == '的' {
		i++
	}
	// "464户1408人消除致贫返贫风险", "46大类194项重点任务清单": two counts of
	// one thing; the name follows the second.
	if i == q.End && i < len(text) && isWesternDigit(text[i]) {
		k := i
		for k < len(text) && (isWesternDigit(text[k]) || text[k] == '.') {
			k++
		}
		for k < len(text) && strings.ContainsRune("十百千万亿", text[k]) {
			k++
		}
		for _, n := range []int{2, 1} {
			if k+n <= len(text) && measureWords[string(text[k:k+n])] {
				i = k + n
				break
			}
		}
	}
	j := i
	for j < len(text) && j-i < 2*maxName {
		r := text[j]
		if (r == '（' || r == '(') && j > i {
			// 县（市、区）: keep a short bracket whole.
			k := j + 1
			for k < len(text) && k < j+8 && text[k] != '）' && text[k] != ')' && !isClauseEnd(text[k]) {
				k++
			}
			if k < len(text) && (text[k] == '）' || text[k] == ')') {
				j = k + 1
				continue
			}
			break
		}
		if isWesternDigit(r) {
			// 10个30亿元级重大工业项目: a class number is part of the name.
			k := j
			for k < len(text) && (isWesternDigit(text[k]) || text[k] == '.') {
				k++
			}
			// 6座500千伏变电站: a capacity inside the name of the things counted.
			if hasPrefixRunes(text, k, "千伏") && isHan(at(text, k+2)) {
				j = k + 2
				continue
			}
			for k < len(text) && strings.ContainsRune("十百千万亿元吨瓦", text[k]) {
				k++
			}
			if k < len(text) && text[k] == '级' {
				j = k + 1
				continue
			}
			break
		}
		if isClauseEnd(r) || r == '、' || isBlankRune(r) || r == '（' || r == '(' {
			break
		}
		stop := false
		for _, w := range forwardStops {
			// A verb right after the figure begins the name ("65.7%开展预约诊疗").
			if j > i && hasPrefixRunes(text, j, w) {
				stop = true
				break
			}
		}
		if stop {
			break
		}
		j++
	}
	if j == i {
		return ""
	}
	name := cleanName(text[i:j])
	switch name {
	case "大关", "台阶", "关口", "水平", "以上", "以下":
		return "" // 突破500亿元大关: a milestone, not a name
	}
	if rs := []rune(name); len(rs) > maxName {
		// "4台文化和旅游部全国戏曲表演领军人才培养计划京剧专场演出": the
		// thing counted ends the name.
		name = string(keepEnd(rs, maxName))
	}
	return name
}

// levelName returns the name of figure q, a level: the clause before it
// back to lo (the end of the previous figure or the sentence start), or,
// when that holds no name, the words after it.
//
// A count followed by a noun names that noun ("建设10个国家物流枢纽",
// "洛阳等10个国家物流枢纽"): Chinese puts the counted thing after its
// measure word, and what stands before is then a verb or a list of places.
func levelName(seg *segmenter, text []rune, lo int, q quantity) string {
	if measureWords[q.StdUnit] {
		// "快递收寄量超2亿件城市": after a bound word, a count belongs to
		// the measure before it (收寄量, 吞吐量), and what follows names a
		// class of things (城市); but "动员全省超8000名志愿者" counts
		// 志愿者.
		for _, b := range []string{"超过", "突破", "超", "逾", "达到"} {
			if !hasSuffixRunes(text, lo, q.Start, b) || compoundBound(text, lo, q.Start, b) {
				continue
			}
			back := []rune(cleanName(text[clauseStart(text, lo, q.Start, true):q.Start]))
			if len(back) >= 2 && strings.ContainsRune(nameEnds, back[len(back)-1]) {
				return string(back)
			}
			break
		}
		// A verb alone after the count ("由7种扩大到15种") names nothing.
		if name := forwardName(text, q); len([]rune(name)) >= 2 && !onlyVerbs(seg, name) {
			return name
		}
	}
	cs := clauseStart(text, lo, q.Start, true)
	back := strings.TrimRightFunc(string(text[cs:q.Start]), func(r rune) bool { return isBlankRune(r) })
	if strings.HasSuffix(back, "和") || strings.HasSuffix(back, "及") || strings.HasSuffix(back, "与") {
		// "18公里供水管网和19公里城市道路": the second name follows.
		if name := forwardName(text, q); len([]rune(name)) >= 2 {
			return name
		}
	}
	if name := cleanName(text[cs:q.Start]); len([]rune(name)) >= 2 {
		if q.Kind == kindPercent && !isArabicDigit(at(text, q.Start)) {
			name = dropWhole(name)
		}
		if !currencies[q.StdUnit] && (onlyVerbs(seg, name) || verbalNoun(seg, name)) {
			// "新建1亿亩高标准农田", "发展2万亩高粱": a verb alone before
			// the figure; the thing measured follows it (but "投入12亿元
			// 实施…" spends money on what follows).
			if fwd := forwardName(text, q); len([]rune(fwd)) >= 2 {
				return fwd
			}
		}
		return name
	}
	if name := forwardName(text, q); name != "" {
		return name
	}
	// "、" may have split the name off ("国家级、省级人才16名"): retry without.
	cs = clauseStart(text, lo, q.Start, false)
	if name := cleanName(text[cs:q.Start]); !onlyVerbs(seg, name) {
		return name
	}
	return "" // 让13.07万户…: a verb names nothing
}

// measureWords are the units that count things (个, 家, 项 …): their
// figure is often followed by the thing counted.
var measureWords = map[string]bool{
	"个": true, "家": true, "件": true, "项": true, "名": true, "人": true, "人次": true, "户": true,
	"次": true, "批次": true, "批": true, "起": true, "辆": true, "条": true, "张": true, "场": true,
	"场次": true, "所": true, "座": true, "台": true, "套": true, "台（套）": true, "处": true, "篇": true, "部": true,
	"册": true, "种": true, "类": true, "大类": true, "对": true, "支": true, "艘": true, "架": true,
	"列": true, "只": true, "头": true, "床": true, "块": true, "班次": true, "期": true, "间": true,
	"轮": true, "门": true, "枚": true, "宗": true, "笔": true, "栋": true, "幢": true, "株": true,
	"棵": true, "根": true, "片": true, "届": true, "例": true, "份": true, "本": true, "首": true,
	"单": true, "层": true, "趟": true, "市": true, "县": true, "镇": true, "村": true, "班": true, "艘次": true, "架次": true, "台套": true, "口": true, "眼": true,
}

// splitSubjects splits the subjects listed before 分别 ("A、B和C").
func splitSubjects(rs []rune) []string {
	s := string(rs)
	parts := strings.Split(s, "、")
	if len(parts) > 1 {
		last := parts[len(parts)-1]
		for _, sep := range []string{"以及", "和", "及", "与"} {
			if i := strings.LastIndex(last, sep); i > 0 {
				parts = append(parts[:len(parts)-1], last[:i], last[i+len(sep):])
				break
			}
		}
	} else {
		for _, sep := range []string{"以及", "和", "及", "与"} {
			if strings.Contains(s, sep) {
				parts = strings.Split(s, sep)
				break
			}
		}
	}
	var out []string
	for _, p := range parts {
		if n := cleanName([]rune(p)); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// onlySeparators reports whether rs holds nothing but list separators
// between the figures of an enumeration ("8.2%、8.1%和8.7%").
func onlySeparators(rs []rune) bool {
	s := strings.TrimSpace(string(rs))
	// Bound words may follow each figure: "分别增长7%左右和8%左右".
	for _, w := range []string{"及以上", "以上", "以下", "以内", "左右", "上下", "以及", "、", "，", ",", "和", "及", "与"} {
		s = strings.ReplaceAll(s, w, "")
	}
	return strings.TrimSpace(s) == ""
}

// categoryHeads are the nouns that, right after an amount, make it part
// of a category name ("10亿元企业2家", "超亿元项目17个").
var categoryHeads = []string{"项目", "企业", "工程", "设备", "以上项目", "以上企业", "以上工业企业", "级", "元以上", "元项目", "元企业", "强", "的项目", "的企业"}

// inCategoryName reports whether figure q is a number inside a category
// name rather than a figure: "引进50亿项目1个" counts 1 项目 of the 50亿
// class, "新增培育10亿元企业2家" counts 2 企业 of the 10亿元 class. next is
// the figure after q in its sentence, nil if none.
func inCategoryName(seg *segmenter, text []rune, q quantity, next *quantity) bool {
	if q.Kind == kindPercent || q.Kind == kindPoints {
		return false
	}
	if hasPrefixRunes(text, q.End, "级") {
		return true // 30亿元级重大工业项目, 10万吨级码头: a class
	}
	if q.StdUnit == "岁" || q.StdUnit == "分" {
		for _, w := range []string{"及以上", "以上", "以下", "及以下", "以内"} {
			if hasPrefixRunes(text, q.End, w) && isHan(at(text, q.End+len([]rune(w)))) {
				return true // 3岁以下婴幼儿, 600分以上考生: an age or score class (but 提高1岁以上，)
			}
		}
	}
	if next == nil {
		return false
	}
	i := q.End
	for _, w := range []string{"（含）", "(含)"} {
		if hasPrefixRunes(text, i, w) {
			i += len([]rune(w)) // 单价100万元（含）以上设备（不含车辆）2台（套）
			break
		}
	}
	for _, w := range []string{"及以上", "以上", "以下", "以内"} {
		if hasPrefixRunes(text, i, w) {
			i += len([]rune(w))
			break
		}
	}
	head := false
	for _, w := range categoryHeads {
		if hasPrefixRunes(text, i, w) {
			head = true
			break
		}
	}
	// "100～199张床位医院5813个", "65岁及以上老年人数14136万人": a class
	// of things, then how many there are.
	if !head && (!measureWords[next.StdUnit] && next.StdUnit != "人" ||
		!measureWords[q.StdUnit] && q.StdUnit != "岁" && q.Max == nil) {
		return false
	}
	if head && measureWords[q.StdUnit] && !measureWords[next.StdUnit] {
		return false
	}
	if next.Start-i < 1 || next.Start-i > 12 {
		return false
	}
	gap := string(text[i:next.Start])
	for _, r := range gap {
		if !(r >= 0x4e00 && r <= 0x9fff) && !strings.ContainsRune("（）()", r) {
			return false
		}
	}
	if head && next.Start-i > 8 {
		return false
	}
	if head {
		return true
	}
	for _, v := range []string{"实现", "完成", "新增", "达到", "共", "有", "被", "占", "其中", "为", "增", "减", "超", "达", "约", "近", "惠及", "和", "及", "与"} {
		if strings.Contains(gap, v) {
			return false // "882个义务教育学区和822所普通高中": two counts
		}
	}
	// "与黄石9条连接路贯通6条": a verb between makes the second count a
	// figure of the first things.
	for _, tk := range seg.cut([]rune(gap)) {
		if tk.Pos == "v" {
			return false
		}
	}
	return true
}

// quantifiesSubject reports whether q, a small count written in Chinese
// numerals, only tells how many things the subject of the next figure
// covers: "九大类民生支出3310亿元", "四个特色产业增加值增长2.7%". next is the
// figure after q in its sentence, nil if none; it must stand in the same
// clause, after nothing but words.
func quantifiesSubject(text []rune, q quantity, next *quantity) bool {
	if next == nil || q.Kind != kindAmount || !measureWords[q.StdUnit] || q.Approx != "" || q.Max != nil ||
		isArabicDigit(at(text, q.Start)) || q.Scale.String() != "1" {
		return false
	}
	if v, ok := q.Value.Int64(); !ok || v > 10 {
		return false
	}
	if next.Start-q.End < 2 || next.Start-q.End > 16 {
		return false
	}
	for _, r := range text[q.End:next.Start] {
		if !isHan(r) {
			return false
		}
	}
	return true
}

// nameEnds are the last characters of most indicator names (率, 额, 量 …).
const nameEnds = "率额量值数价重费入出资积产模比"

// subjectBefore returns the subject a sentence states in an earlier
// clause than the figure's ("新农合参合率再创新高，达到98.5%" →
// 新农合参合率): the previous clause up to its last name-ending character.
func subjectBefore(text []rune, lo, at int) string {
	end := clauseStart(text, lo, at, false) - 1
	if end <= lo {
		return ""
	}
	prev := []rune(cleanName(text[clauseStart(text, lo, end, false):end]))
	for i := len(prev) - 1; i > 0; i-- {
		if strings.ContainsRune(nameEnds, prev[i]) {
			return string(prev[:i+1])
		}
	}
	return ""
}

// impliedUnit returns the unit a scaled number without one counts, when
// its name tells: "老年人数14136.0万" counts 人, "诊疗人次101.5亿" 人次,
// "地区生产总值跨越千亿台阶" 元,
// "6600多万纳税人" 人, "惠及上千万家庭" 户 (a verb before the figure names
// nothing; the people counted follow it).
// It returns "" when the name does not tell.
func impliedUnit(seg *segmenter, text []rune, lo int, q quantity) string {
	back := cleanName(text[clauseStart(text, lo, q.Start, true):q.Start])
	for _, u := range []struct{ suffix, unit string }{
		{"人次", "人次"}, {"人数", "人"}, {"户数", "户"}, {"家数", "家"}, {"个数", "个"}, {"件数", "件"},
		// "地区生产总值跨越千亿台阶": sums of money.
		{"生产总值", "元"}, {"GDP", "元"}, {"增加值", "元"}, {"总产值", "元"}, {"产值", "元"}, {"营业收入", "元"},
		{"营收", "元"}, {"销售额", "元"}, {"零售总额", "元"}, {"进出口总额", "元"}, {"财政收入", "元"},
		{"预算收入", "元"}, {"税收", "元"}, {"投资", "元"}, {"存款余额", "元"}, {"贷款余额", "元"},
	} {
		if strings.HasSuffix(back, u.suffix) {
			return u.unit
		}
	}
	// "脱贫人口务工规模超过3300万": a size of a group of people.
	for _, w := range []string{"人口", "人员", "劳动力", "群众", "居民", "市民", "村民", "职工", "农民工", "学生", "在校生", "儿童", "婴幼儿", "幼儿"} {
		if i := strings.Index(back, w); i >= 0 {
			switch strings.TrimPrefix(back[i+len(w):], "务工") {
			case "", "规模", "总数", "数量", "总量":
				return "人"
			}
		}
	}
	if back != "" && !endsWithVerb(seg, back) {
		return ""
	}
	// "450万困难群众纳入低保", "为138万残疾人发放补贴": the people counted
	// follow the number.
	fwd := []rune(forwardName(text, q))
	if len(fwd) > 10 {
		fwd = fwd[:10]
	}
	f := string(fwd)
	for _, u := range []struct{ word, unit string }{
		{"家庭", "户"}, {"户", "户"}, {"人次", "人次"}, {"群众", "人"}, {"学生", "人"}, {"居民", "人"}, {"职工", "人"},
		{"人口", "人"}, {"老人", "人"}, {"儿童", "人"}, {"患者", "人"}, {"人员", "人"}, {"对象", "人"}, {"人", "人"},
	} {
		if strings.Contains(f, u.word) {
			return u.unit
		}
	}
	return ""
}

// ordinalContext reports whether the words around q make it an ordinal
// or a rank rather than a figure: "第十二次", "十三届三次全会",
// "排名前1%".
func ordinalContext(text []rune, q quantity) bool {
	if q.Start > 0 && (text[q.Start-1] == '第' || text[q.Start-1] == '届') {
		return true
	}
	if q.Start >= 2 && string(text[q.Start-2:q.Start]) == "连续" && measureWords[q.StdUnit] && q.StdUnit == "次" {
		return true // 连续三次位列第二: a streak
	}
	if q.Start > 0 && text[q.Start-1] == '前' && (q.Kind == kindPercent || q.StdUnit == "位" || q.StdUnit == "名") {
		return true // 排名前1%, 居全国前10位: a rank
	}
	if q.Start > 0 && (text[q.Start-1] == '（' || text[q.Start-1] == '(') &&
		(hasSuffixRunes(text, 0, q.Start-1, "上年") || hasSuffixRunes(text, 0, q.Start-1, "去年")) {
		return true // 比上年（31.7%）下降3.9个百分点: last year's level, an aside
	}
	if hasPrefixRunes(text, q.End, "方面") || hasPrefixRunes(text, q.End, "大方面") {
		return true // 做好十个方面工作: the plan's outline
	}
	for i := q.End; i < len(text) && i < q.End+6; i++ {
		if hasPrefixRunes(text, i, "全会") {
			return true
		}
		if isClauseEnd(text[i]) {
			break
		}
	}
	return false
}

// quoted reports whether figure q stands at the start of a quoted name
// ("出台稳增长“21条”政策", "打造“365天不落幕的科技博览会”").
func quoted(text []rune, q quantity) bool {
	open := false
	back := 5
	for i := q.Start - 1; i >= 0 && i >= q.Start-back; i-- {
		if text[i] == '“' {
			open = true
			break
		}
		if text[i] == '、' {
			back = 20 // “四化同步、城乡融合、五区共兴”: an item of a quoted list
			continue
		}
		if text[i] == '”' || isClauseEnd(text[i]) {
			break
		}
	}
	if !open {
		return false
	}
	for i := q.End; i < len(text) && i < q.End+12; i++ {
		switch text[i] {
		case '”':
			return true
		case '，', '。', '；', '“', '\n':
			return false
		}
	}
	return false
}

// hasHan reports whether s holds a Chinese character: a name without one
// ("", "Operatingtemperature", "≤T<") names nothing a reader of a Chinese
// report can look up.
func hasHan(s string) bool { return strings.IndexFunc(s, isHan) >= 0 }

// unnamedName returns a name for the figure at text offset start of the
// current sentence, whose own words name nothing: the label before a
// colon right before it ("温度：-20～55℃"), else the subject an earlier
// clause of its sentence states (see subjectBefore); "" when neither has
// a Chinese character.
func (r *run) unnamedName(start int) string {
	text, lo := r.text, r.cur.start
	e := start
	for e > lo && isBlankRune(text[e-1]) {
		e--
	}
	if e > lo && (text[e-1] == '：' || text[e-1] == ':') {
		if name := cleanName(text[clauseStart(text, lo, e-1, false) : e-1]); hasHan(name) {
			return name
		}
	}
	return subjectBefore(text, lo, start)
}
