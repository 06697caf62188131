package transform

import "sync"

// Protected terms: words and names that contain numerals but are not
// figures. The scanner checks them at every position before it reads a
// number, so the 五 of 十四五 and the 2.5 of PM2.5 never start a figure.

// protectedNames are names that contain numbers. The scanner returns
// each as a span with NotFigure "name", so later stages can see it.
var protectedNames = []string{
	// Plans, congresses, slogans.
	"十一五", "十二五", "十三五", "十四五", "十五五", "十六五",
	"十八大", "十九大", "二十大", "二十一大", "十八届", "十九届", "二十届",
	"两会", "三农", "四上", "一带一路", "双循环", "双碳", "双减", "双创",
	"六稳", "六保", "三保", "三公", "两不愁三保障", "三保障", "一企一策", "一老一小", "一事一议",
	"一网通办", "一网统管", "一件事", "一次性", "一站式", "一揽子", "一把手", "一体化",
	"一张网", "一张图", "一张蓝图", "一盘棋", "一条龙", "一窗受理", "一门式", "一码通",
	"两个确立", "两个维护", "两个毫不动摇", "两个大局", "两个结合", "两个一百年",
	"两个确保", "两个积极性", "八项规定", "中央八项规定", "五项原则", "和平共处五项原则", "四个现代化", "四项基本原则", "三个有利于", "三个面向", "两个中国",
	"一公里", "最后一公里", "最先一公里", "一件事一次办", "一次办", "三个务必", "三个代表", "三个转变", "四个意识", "四个自信", "四个全面", "五位一体",
	"三北", "五台山", "三区三线", "三线一单", "三同时", "三资", "三旧", "三供一业", "一二期",
	"三次产业", "一二三次产业", "一二三产", "第一产业", "第二产业", "第三产业", "一产", "二产", "三产",
	"千家万户", "千方百计", "成千上万", "一成不变", "三年行动", "五年规划",
	"五个一批", "三甲医院", "二甲医院", "三级甲等",
	"一类", "二类", "三类", "四类", "五类", "劣五类", "Ⅰ类", "Ⅱ类", "Ⅲ类", "Ⅳ类", "Ⅴ类",
	"一级", "二级", "三级", "四级",
	// Codes and models with digits.
	"日最大8小时", "最大8小时", "8小时滑动", // 臭氧日最大8小时平均浓度
	"PM2.5", "PM10", "PM 2.5", "PM_2.5", "PM_10", "PM_(2.5)", "5G", "4G", "6G", "3A", "4A", "5A", "C919", "C929", "ARJ21",
	"12345", "12315", "12356",
	"COVID-19", "G20", "WTO",
}

// protectedWords are ordinary words that merely contain a numeral
// character. The scanner skips them without returning a span.
var protectedWords = []string{
	"一些", "一定", "一切", "一致", "一直", "一般", "一起", "一道", "一同", "一样", "一旦",
	"一系列", "一批", "一流", "一线", "一方面", "一手", "一心", "一度", "一律", "一贯",
	"一举", "一环", "一步", "一新", "一大批", "一下子", "一次次", "一个个", "一项项",
	"一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
	"一要", "二要", "三要", "一抓", "一带", "一手抓", "两手抓", "两手",
	"唯一", "统一", "同一", "单一", "逐一", "划一", "均一", "之一", "万一", "专一", "一一",
	"进一步", "更进一步", "一体", "一如既往", "一以贯之", "一鼓作气", "一往无前", "一马当先",
	"一刀切", "一席", "一环扣一环",
	"万物", "万众", "万家", "千秋", "百姓", "百年", "百花", "十分", "百分百", "百倍",
	"三心二意", "四面八方", "五湖四海", "七上八下", "九牛一毛",
	"零部件", "零售", "零星", "零工", "零件", "零就业", "零基础", "零门槛", "零跑腿",
	"零距离", "零容忍", "零事故", "零死亡", "零的突破", "零增长", "零排放", "零碳",
	"一国两制", "一区一策", "一村一品", "一县一策", "一镇一品", "一乡一品", "千村示范", "万村整治",
	"一日游", "两日游", "二日游", "三日游", "一夜游",
	"两岸", "两地", "两翼", "两区", "两头", "两者", "几个", "数个", "几年", "几十年", "多年",
}

// A protected is a match of a protected term.
type protected struct {
	n    int  // length in runes
	emit bool // return it as a NotFigure "name" span
}

// protectedTables are the lookup tables of the protected terms, built
// when first needed (not at start-up).
type protectedTables struct {
	trie  *runeTrie       // the terms
	emit  map[string]bool // whether a term is returned as a span
	first *[1 << 10]uint64
}

// protectedIndex returns the tables, built once.
var protectedIndex = sync.OnceValue(buildProtected)

func buildProtected() protectedTables {
	t := protectedTables{trie: &runeTrie{}, emit: make(map[string]bool), first: new([1 << 10]uint64)}
	for _, set := range []struct {
		terms []string
		emit  bool
	}{{protectedWords, false}, {protectedNames, true}} {
		for _, w := range set.terms {
			t.trie.add(w)
			t.emit[w] = set.emit
			// first marks the first runes of protected terms (BMP only,
			// as all terms are), so the scanner skips other runes with
			// one bit test.
			r := []rune(w)[0]
			t.first[r>>6] |= 1 << (r & 63)
		}
	}
	return t
}

// protectedAt returns the protected term starting at text[i], if any.
// A term that starts or ends with a digit or a Latin letter must not be
// part of a longer number or word: 12345 is not inside 1234567, 5G not
// inside 5GW.
func protectedAt(text []rune, i int) (protected, bool) {
	pt := protectedIndex()
	if i >= len(text) || text[i] >= 1<<16 || pt.first[text[i]>>6]&(1<<(text[i]&63)) == 0 {
		return protected{}, false
	}
	w, n := pt.trie.longest(text, i)
	if n == 0 {
		return protected{}, false
	}
	first, last := text[i], text[i+n-1]
	if i > 0 && isAlnum(first) && isAlnum(text[i-1]) {
		return protected{}, false
	}
	if i+n < len(text) && isAlnum(last) {
		next := text[i+n]
		if isAlnum(next) || (isArabicDigit(last) && (next == '.' || next == ',') && i+n+1 < len(text) && isArabicDigit(text[i+n+1])) {
			return protected{}, false
		}
	}
	return protected{n: n, emit: pt.emit[w]}, true
}

// isAlnum reports whether r is an Arabic digit or a Latin letter.
func isAlnum(r rune) bool { return isArabicDigit(r) || isLatin(r) }

// isLatin reports whether r is a Latin letter, half- or full-width.
func isLatin(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= 'ａ' && r <= 'ｚ') || (r >= 'Ａ' && r <= 'Ｚ')
}
