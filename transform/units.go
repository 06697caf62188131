package transform

import (
	"strings"
	"sync"
)

// Units.
//
// After a number the scanner reads, in this order: a scale word (十 百 千
// 万 十万 百万 千万 亿 十亿 百亿 千亿 万亿), then a unit from the lexicon below,
// matched greedily (longest entry first) and BEFORE scale words, so the
// 千 of 千瓦 and 千米 and the 兆 of 兆瓦 belong to the unit: 50万千瓦 is
// 50 × 万 千瓦, 8.5亿千瓦时 is 8.5 × 亿 千瓦时. A unit may be followed by "/"
// or 每 and a denominator (元/吨, 万元每亩, 人/平方公里, 辆/万人, /10万).
//
// The standard unit is the unit without its scale word, with 每 written
// "/" (万元每亩 → 元/亩); synonyms become one name (平米 and ㎡ → 平方米,
// ％ → %, 港币 → 港元). No other conversion: 亩, 公顷, 平方公里, 公里 and 吨
// keep their names (DESIGN.md "Standard units").

// unitInfo describes one entry of the unit lexicon.
type unitInfo struct {
	std       string // standard name
	kind      kind
	measure   bool   // a measure word (个, 家, 项 …): "一个", "一批" are articles, not counts
	notFigure string // why a number with this unit is never a figure (届 → ordinal)
}

// unitTable is the unit lexicon: unit as written → what it means.
var unitTable = map[string]unitInfo{
	// Rates.
	"%":    {std: "%", kind: kindPercent},
	"％":    {std: "%", kind: kindPercent},
	"‰":    {std: "‰", kind: kindPercent},
	"‱":    {std: "‱", kind: kindPercent},
	"个百分点": {std: "个百分点", kind: kindPoints},
	"百分点":  {std: "个百分点", kind: kindPoints},
	// Points of a per-mille rate: a change of the rate in ‰ ("自然增长率
	// 1.83‰，比上年提高0.01个千分点" is a delta of 0.01 ‰), not pp. The
	// scanner gives them the standard unit ‰ of the rate they change.
	"个千分点": {std: "个千分点", kind: kindAmount},
	"千分点":  {std: "个千分点", kind: kindAmount},
	"倍":    {std: "倍", kind: kindMultiple},

	// Currencies.
	"元":    {std: "元", kind: kindAmount},
	"元人民币": {std: "元", kind: kindAmount},
	"人民币":  {std: "元", kind: kindAmount},
	"美元":   {std: "美元", kind: kindAmount},
	"港元":   {std: "港元", kind: kindAmount},
	"港币":   {std: "港元", kind: kindAmount},
	"欧元":   {std: "欧元", kind: kindAmount},
	"日元":   {std: "日元", kind: kindAmount},
	"英镑":   {std: "英镑", kind: kindAmount},
	"韩元":   {std: "韩元", kind: kindAmount},
	"澳元":   {std: "澳元", kind: kindAmount},

	// Area.
	"平方米":  {std: "平方米", kind: kindAmount},
	"平米":   {std: "平米", kind: kindAmount},
	"㎡":    {std: "㎡", kind: kindAmount},
	"m²":   {std: "m²", kind: kindAmount},
	"平方公里": {std: "平方公里", kind: kindAmount},
	"平方千米": {std: "平方千米", kind: kindAmount},
	"亩":    {std: "亩", kind: kindAmount},
	"公顷":   {std: "公顷", kind: kindAmount},

	// Length.
	"米":  {std: "米", kind: kindAmount},
	"公里": {std: "公里", kind: kindAmount},
	"千米": {std: "千米", kind: kindAmount},
	"厘米": {std: "厘米", kind: kindAmount},
	"毫米": {std: "毫米", kind: kindAmount},
	"微米": {std: "微米", kind: kindAmount},
	"um": {std: "um", kind: kindAmount},
	"μm": {std: "μm", kind: kindAmount},
	"延米": {std: "延米", kind: kindAmount},
	"km": {std: "km", kind: kindAmount},

	// Mass.
	"吨":    {std: "吨", kind: kindAmount},
	"千克":   {std: "千克", kind: kindAmount},
	"公斤":   {std: "公斤", kind: kindAmount},
	"斤":    {std: "斤", kind: kindAmount},
	"担":    {std: "担", kind: kindAmount},   // 收购烟叶260.2万担
	"重量箱":  {std: "重量箱", kind: kindAmount}, // 平板玻璃15731.71万重量箱
	"克":    {std: "克", kind: kindAmount},
	"毫克":   {std: "毫克", kind: kindAmount},
	"微克":   {std: "微克", kind: kindAmount},
	"kg":   {std: "kg", kind: kindAmount},
	"吨标准煤": {std: "吨标准煤", kind: kindAmount},
	"吨标煤":  {std: "吨标煤", kind: kindAmount},
	"吨油当量": {std: "吨油当量", kind: kindAmount},

	// Volume.
	"立方米": {std: "立方米", kind: kindAmount},
	"方":   {std: "方", kind: kindAmount},
	"升":   {std: "升", kind: kindAmount},
	"千升":  {std: "千升", kind: kindAmount},
	"毫升":  {std: "毫升", kind: kindAmount},

	// Energy and power.
	"千瓦":   {std: "千瓦", kind: kindAmount},
	"千瓦时":  {std: "千瓦时", kind: kindAmount},
	"千瓦小时": {std: "千瓦小时", kind: kindAmount}, // as bulletins head a unit column (亿千瓦小时)
	"兆瓦":   {std: "兆瓦", kind: kindAmount},
	"兆瓦时":  {std: "兆瓦时", kind: kindAmount},
	"吉瓦":   {std: "吉瓦", kind: kindAmount},
	"瓦":    {std: "瓦", kind: kindAmount},
	"度":    {std: "度", kind: kindAmount},
	"千伏":   {std: "千伏", kind: kindAmount},
	"千伏安":  {std: "千伏安", kind: kindAmount},
	"千伏安时": {std: "千伏安时", kind: kindAmount},
	"兆伏安":  {std: "兆伏安", kind: kindAmount},
	"kW":   {std: "kW", kind: kindAmount},
	"kWh":  {std: "kWh", kind: kindAmount},
	"kwh":  {std: "kwh", kind: kindAmount},
	"KWh":  {std: "KWh", kind: kindAmount},
	"kw":   {std: "kw", kind: kindAmount},
	"KW":   {std: "KW", kind: kindAmount},
	"MWh":  {std: "MWh", kind: kindAmount},
	"GWh":  {std: "GWh", kind: kindAmount},
	"MW":   {std: "MW", kind: kindAmount},
	"GW":   {std: "GW", kind: kindAmount},
	"℃":    {std: "℃", kind: kindAmount},
	"摄氏度":  {std: "摄氏度", kind: kindAmount},

	// Transport.
	"标箱":  {std: "标箱", kind: kindAmount},
	"标准箱": {std: "标准箱", kind: kindAmount},
	"TEU": {std: "TEU", kind: kindAmount},
	"吨公里": {std: "吨公里", kind: kindAmount},
	"人公里": {std: "人公里", kind: kindAmount},
	"架次":  {std: "架次", kind: kindAmount, measure: true},
	"航次":  {std: "航次", kind: kindAmount, measure: true},
	"班次":  {std: "班次", kind: kindAmount, measure: true},
	"车次":  {std: "车次", kind: kindAmount, measure: true},
	"辆次":  {std: "辆次", kind: kindAmount, measure: true},
	"艘次":  {std: "艘次", kind: kindAmount, measure: true},
	"乘次":  {std: "乘次", kind: kindAmount, measure: true}, // 地铁客运总量17.9亿乘次

	// People.
	"人":  {std: "人", kind: kindAmount, measure: true},
	"人次": {std: "人次", kind: kindAmount, measure: true},
	"户":  {std: "户", kind: kindAmount, measure: true},
	"户次": {std: "户次", kind: kindAmount, measure: true},
	"家次": {std: "家次", kind: kindAmount, measure: true},
	"名":  {std: "名", kind: kindAmount, measure: true},
	"位":  {std: "位", kind: kindAmount, measure: true},
	"岁":  {std: "岁", kind: kindAmount},
	"周岁": {std: "周岁", kind: kindAmount},

	// Time. Durations (3年, 6个月) are not indicators; shorter spans are
	// (审批时限压缩至3个工作日).
	"年":    {std: "年", kind: kindAmount, notFigure: "duration"},
	"个月":   {std: "个月", kind: kindAmount, notFigure: "duration"},
	"个季度":  {std: "个季度", kind: kindAmount, notFigure: "duration"},
	"天":    {std: "天", kind: kindAmount},
	"小时":   {std: "小时", kind: kindAmount},
	"分钟":   {std: "分钟", kind: kindAmount},
	"秒":    {std: "秒", kind: kindAmount},
	"工作日":  {std: "个工作日", kind: kindAmount},
	"个工作日": {std: "个工作日", kind: kindAmount},

	// Ordinal counters.
	"届": {std: "届", kind: kindAmount, notFigure: "ordinal"},

	// Measure words.
	"个":  {std: "个", kind: kindAmount, measure: true},
	"家":  {std: "家", kind: kindAmount, measure: true},
	"件":  {std: "件", kind: kindAmount, measure: true},
	"项":  {std: "项", kind: kindAmount, measure: true},
	"次":  {std: "次", kind: kindAmount, measure: true},
	"批次": {std: "批次", kind: kindAmount, measure: true},
	"起":  {std: "起", kind: kindAmount, measure: true},
	"辆":  {std: "辆", kind: kindAmount, measure: true},
	"条":  {std: "条", kind: kindAmount, measure: true},
	"张":  {std: "张", kind: kindAmount, measure: true},
	"场":  {std: "场", kind: kindAmount, measure: true},
	"场次": {std: "场次", kind: kindAmount, measure: true},
	"所":  {std: "所", kind: kindAmount, measure: true},
	"座":  {std: "座", kind: kindAmount, measure: true},
	"台":  {std: "台", kind: kindAmount, measure: true},
	"套":  {std: "套", kind: kindAmount, measure: true},
	// 台（套）: one measure for machines and sets, as budgets count
	// equipment ("单价100万元以上设备2台（套）").
	"台（套）": {std: "台（套）", kind: kindAmount, measure: true},
	"台(套)": {std: "台（套）", kind: kindAmount, measure: true},
	"处":    {std: "处", kind: kindAmount, measure: true},
	"批":    {std: "批", kind: kindAmount, measure: true},
	"艘":    {std: "艘", kind: kindAmount, measure: true},
	"架":    {std: "架", kind: kindAmount, measure: true},
	"部":    {std: "部", kind: kindAmount, measure: true},
	"种":    {std: "种", kind: kindAmount, measure: true},
	"棵":    {std: "棵", kind: kindAmount, measure: true},
	"株":    {std: "株", kind: kindAmount, measure: true},
	"头":    {std: "头", kind: kindAmount, measure: true},
	"只":    {std: "只", kind: kindAmount, measure: true},
	"羽":    {std: "羽", kind: kindAmount, measure: true},
	"册":    {std: "册", kind: kindAmount, measure: true},
	"册次":   {std: "册次", kind: kindAmount, measure: true}, // 书刊文献外借78299万册次
	"篇":    {std: "篇", kind: kindAmount, measure: true},
	"本":    {std: "本", kind: kindAmount, measure: true},
	"间":    {std: "间", kind: kindAmount, measure: true},
	"栋":    {std: "栋", kind: kindAmount, measure: true},
	"幢":    {std: "幢", kind: kindAmount, measure: true},
	"层":    {std: "层", kind: kindAmount, measure: true},
	"床":    {std: "床", kind: kindAmount, measure: true},
	"对":    {std: "对", kind: kindAmount, measure: true},
	"支":    {std: "支", kind: kindAmount, measure: true},
	"门":    {std: "门", kind: kindAmount, measure: true},
	"份":    {std: "份", kind: kindAmount, measure: true},
	"宗":    {std: "宗", kind: kindAmount, measure: true},
	"例":    {std: "例", kind: kindAmount, measure: true},
	"根":    {std: "根", kind: kindAmount, measure: true},
	"块":    {std: "块", kind: kindAmount, measure: true},
	"片":    {std: "片", kind: kindAmount, measure: true},
	"口":    {std: "口", kind: kindAmount, measure: true},
	"眼":    {std: "眼", kind: kindAmount, measure: true},
	"列":    {std: "列", kind: kindAmount, measure: true},
	"趟":    {std: "趟", kind: kindAmount, measure: true},
	"笔":    {std: "笔", kind: kindAmount, measure: true},
	"单":    {std: "单", kind: kindAmount, measure: true},
	"款":    {std: "款", kind: kindAmount, measure: true},
	"首":    {std: "首", kind: kindAmount, measure: true},
	"集":    {std: "集", kind: kindAmount, measure: true},
	"组":    {std: "组", kind: kindAmount, measure: true},
	"队":    {std: "队", kind: kindAmount, measure: true},
	"期":    {std: "期", kind: kindAmount, measure: true},
	"轮":    {std: "轮", kind: kindAmount, measure: true},
	"道":    {std: "道", kind: kindAmount, measure: true},
	"盏":    {std: "盏", kind: kindAmount, measure: true},
	"把":    {std: "把", kind: kindAmount, measure: true},
	"颗":    {std: "颗", kind: kindAmount, measure: true},
	"枚":    {std: "枚", kind: kindAmount, measure: true},
	"粒":    {std: "粒", kind: kindAmount, measure: true},
	"具":    {std: "具", kind: kindAmount, measure: true},
	"类":    {std: "类", kind: kindAmount, measure: true},
	"大类":   {std: "大类", kind: kindAmount, measure: true},
	"床日":   {std: "床日", kind: kindAmount},
	"人年":   {std: "人年", kind: kindAmount},
	"日":    {std: "日", kind: kindAmount},
	"单位":   {std: "单位", kind: kindAmount},
	"标准量":  {std: "标准量", kind: kindAmount},
	"省":    {std: "省", kind: kindAmount, measure: true},
	"省份":   {std: "省份", kind: kindAmount, measure: true},
	"市":    {std: "市", kind: kindAmount, measure: true},
	"县":    {std: "县", kind: kindAmount, measure: true},
	"区":    {std: "区", kind: kindAmount, measure: true},
	"镇":    {std: "镇", kind: kindAmount, measure: true},
	"乡":    {std: "乡", kind: kindAmount, measure: true},
	"村":    {std: "村", kind: kindAmount, measure: true},
	"分贝":   {std: "分贝", kind: kindAmount},
	"分":    {std: "分", kind: kindAmount}, // a score: 平均得分99.43分 (not a time: see classify)
	"英寸":   {std: "英寸", kind: kindAmount},
	"周年":   {std: "周年", kind: kindAmount, notFigure: "ordinal"},
}

// denominatorOnly are units that appear only after "/" or 每 (元/月, 次/日).
var denominatorOnly = map[string]unitInfo{
	"月":  {std: "月", kind: kindAmount},
	"日":  {std: "日", kind: kindAmount},
	"周":  {std: "周", kind: kindAmount},
	"季":  {std: "季", kind: kindAmount},
	"人口": {std: "人口", kind: kindAmount},
	"股":  {std: "股", kind: kindAmount}, // 元/股: earnings per share
}

// A runeTrie finds the longest lexicon entry at a position of a text.
// Tries are built once when the package loads and only read afterwards.
type runeTrie struct {
	next map[rune]*runeTrie
	word string // entry ending here, "" if none
	end  bool
}

// newRuneTrie builds a trie of the given words.
func newRuneTrie(words ...map[string]unitInfo) *runeTrie {
	t := &runeTrie{}
	for _, m := range words {
		for w := range m {
			t.add(w)
		}
	}
	return t
}

func (t *runeTrie) add(w string) {
	n := t
	for _, r := range w {
		if n.next == nil {
			n.next = make(map[rune]*runeTrie)
		}
		c := n.next[r]
		if c == nil {
			c = &runeTrie{}
			n.next[r] = c
		}
		n = c
	}
	n.word, n.end = w, true
}

// longest returns the longest entry that starts at text[i] and its length
// in runes, or "", 0.
func (t *runeTrie) longest(text []rune, i int) (string, int) {
	n := t
	best, bestLen := "", 0
	for j := i; j < len(text); j++ {
		c := n.next[text[j]]
		if c == nil {
			break
		}
		n = c
		if n.end {
			best, bestLen = n.word, j-i+1
		}
	}
	return best, bestLen
}

// unitTrie and denomTrie find the units of unitTable in a text (built
// when first needed, not at start-up).
var (
	unitTrie  = sync.OnceValue(func() *runeTrie { return newRuneTrie(unitTable) })
	denomTrie = sync.OnceValue(func() *runeTrie { return newRuneTrie(unitTable, denominatorOnly) })
)

// unitAt returns the unit of the lexicon that starts at text[i]
// (greedy), its information and its length in runes.
func unitAt(text []rune, i int) (string, unitInfo, int) {
	w, n := unitTrie().longest(text, i)
	if n == 0 {
		return "", unitInfo{}, 0
	}
	return w, unitTable[w], n
}

// scalePowers are the scale words and their powers of ten.
var scalePowers = map[string]int{
	"十": 1, "百": 2, "千": 3, "万": 4, "十万": 5, "百万": 6, "千万": 7,
	"亿": 8, "十亿": 9, "百亿": 10, "千亿": 11, "万亿": 12,
}

// isSpace reports whether r is a space that may stand between a number
// and its unit ("15 亿元", "15\u00a0亿元").
func isSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u3000' || r == '\t'
}

// A unitMatch is the scale and unit read after a number.
type unitMatch struct {
	written  string // unit as written without the scale word; "/"-joined denominators kept as written
	std      string // standard unit
	info     unitInfo
	end      int // index just past the unit
	compound bool
}

// readUnit reads the unit, possibly compound, that starts at text[i].
// It reports false when no unit starts there.
func readUnit(text []rune, i int) (unitMatch, bool) {
	w, info, n := unitAt(text, i)
	if n > 0 && w == "方" && i+1 < len(text) && !isUnitBoundary(text[i+1]) &&
		(i == 0 || !isPlaceRune(text[i-1]) || strings.ContainsRune("面案式向法针位", text[i+1])) {
		// 方 (cubic metres) stands alone or after a scale word (6.6万方存量
		// 污泥), never in 方面, 方案, 方式, 方向.
		n = 0
	}
	if n == 1 && i+1 < len(text) && unitWordAfter(text[i], text[i+1]) {
		// 50亿项目, 14亿人民, 一园三片区: the rune starts a word, it is no unit.
		n = 0
	}
	m := unitMatch{written: w, std: info.std, info: info, end: i + n}
	if n == 0 {
		// A bare number over a denominator: 14.3/10万.
		if i < len(text) && (text[i] == '/' || text[i] == '／') {
			if den, end, ok := readDenominator(text, i+1, true); ok {
				return unitMatch{written: "/" + den, std: "/" + den, info: unitInfo{kind: kindAmount}, end: end, compound: true}, true
			}
		}
		return unitMatch{}, false
	}
	if info.kind != kindAmount || info.notFigure != "" {
		return m, true
	}
	// Compound units, possibly chained: 元/人/年.
	for m.end < len(text) {
		sep := text[m.end]
		if sep != '/' && sep != '／' && sep != '每' {
			break
		}
		if den, end, ok := bracketDenominator(text, m.end+1); ok && sep != '每' {
			// 吨/（平方千米×30天）: a product in brackets.
			m.written += string(sep) + den
			m.std += "/" + den
			m.end = end
			m.compound = true
			break
		}
		den, end, ok := readDenominator(text, m.end+1, sep != '每')
		if !ok {
			break
		}
		m.written += string(sep) + den
		m.std += "/" + den
		m.end = end
		m.compound = true
	}
	return m, true
}

// isUnitBoundary reports whether r may follow a one-rune unit such as 方.
func isUnitBoundary(r rune) bool {
	switch r {
	case '，', ',', '。', '；', ';', '、', '）', ')', '：', ':', '\n', ' ', '左', '以', '多', '余', '的', '和', '与', '及', '土', '石':
		return true
	}
	return false
}

// readDenominator reads what follows "/" or 每 in a compound unit:
// optional digits, an optional scale word and a unit (万人, 10万, 平方公里).
// A denominator with no unit (10万) is accepted only after "/"
// (allowNumberOnly). It returns the denominator as written.
func readDenominator(text []rune, i int, allowNumberOnly bool) (string, int, bool) {
	j := i
	for j < len(text) && j-i < 12 && (isArabicDigit(text[j]) || text[j] == '.') {
		j++
	}
	numEnd := j
	for j < len(text) && j-numEnd < 3 {
		if _, ok := placePower(text[j]); !ok {
			break
		}
		// The 千 of 千瓦 or 千克 is the unit's.
		if _, n := denomTrie().longest(text, j); n > 0 {
			break
		}
		j++
	}
	if _, ok := scalePowers[string(text[numEnd:j])]; !ok && j > numEnd {
		return "", i, false
	}
	w, n := denomTrie().longest(text, j)
	if n == 0 {
		if allowNumberOnly && j > i && (j > numEnd) {
			return string(text[i:j]), j, true
		}
		return "", i, false
	}
	if w == "方" {
		return "", i, false
	}
	j += n
	return string(text[i:j]), j, true
}

// bracketDenominator reads a denominator written in brackets after "/",
// a product of units ("（平方千米×30天）", "(平方千米·月)"), and returns it
// with its brackets as written.
func bracketDenominator(text []rune, i int) (string, int, bool) {
	if i >= len(text) || text[i] != '（' && text[i] != '(' {
		return "", i, false
	}
	if _, n := denomTrie().longest(text, i+1); n == 0 {
		return "", i, false
	}
	for k := i + 1; k < len(text) && k <= i+16; k++ {
		switch text[k] {
		case '）', ')':
			return string(text[i : k+1]), k + 1, true
		case '，', '。', '；', '、', '\n':
			return "", i, false
		}
	}
	return "", i, false
}

// wordsStartingWithUnit are two-rune words whose first rune is a
// one-rune unit; after a number that rune is not the unit (50亿项目).
var wordsStartingWithUnit = sync.OnceValue(func() map[[2]rune]bool {
	return runePairs([]string{
		"项目", "人民", "人员", "人才", "人士", "人群", "人员", "部门", "部署", "部分", "条件", "条例", "条款",
		"处理", "处置", "所有", "所在", "场所", "场景", "门槛", "门户", "门类", "期间", "期末", "期限", "道路",
		"台阶", "位置", "位于", "口岸", "份额", "层面", "层级", "层次", "只有", "只是", "头部", "本地", "本届",
		"本级", "集团", "集中", "集聚", "组织", "组团", "队伍", "块状", "片区", "间接", "对接", "对外", "对象",
		"支持", "支撑", "度假", "米粮", "家庭", "家园", "名单", "名称", "名牌", "件事", "次数", "位数", "个体", "个人", "人口", "种类", "种植",
		"种养", "年轻", "天然", "天气", "座谈", "套餐", "批准", "批复", "起步", "起来", "起点", "单位", "单元",
		"单独", "款项", "首批", "首个", "首次", "首家", "元素", "例如", "根据", "根本", "块头", "首都", "列入",
		"列车", "趟次", "笔记", "道德", "轮候", "户籍", "户外", "床位", "层楼", "方面", "方案", "方式", "方向",
		"方针", "方法", "张力", "头条", "对比", "对标", "家居", "家政", "家电", "名医", "部委", "部队",
		"市场", "市民", "市级", "市区", "市县", "市属", "市政", "区域", "区块", "区级", "区县", "区位",
		"县域", "县级", "县城", "县区", "县市", "村民", "村级", "村庄", "村镇", "村集", "镇街", "镇级", "镇村",
		"乡镇", "乡村", "乡级", "国家", "国际", "国内", "国有", "国道", "国企", "省级", "省内", "省道", "省属",
		"类型", "类别", "日常", "日益", "日前", "日均", "家具", "家用", "名词", "人工", "人力", "人大", "人民币",
		"张家", "米面", "次生", "期货", "期刊", "台账", "台风", "台州", "集成", "集体", "集约", "组建", "组成",
	})
})

// runePairs returns the set of the first two runes of each word.
func runePairs(words []string) map[[2]rune]bool {
	m := make(map[[2]rune]bool, len(words))
	for _, w := range words {
		rs := []rune(w)
		m[[2]rune{rs[0], rs[1]}] = true
	}
	return m
}

// unitWordAfter reports whether unit rune u followed by next is a word.
func unitWordAfter(u, next rune) bool { return wordsStartingWithUnit()[[2]rune{u, next}] }
