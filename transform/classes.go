package transform

import "strings"

// Numbers that qualify things: a capacity, size or bound written before
// the noun it describes ("220千伏变电站", "20户以上自然村") tells what kind
// of thing is meant, not how much there is. These rules look at the words
// after a figure with the segmenter and drop such numbers.

// projectHeads are the nouns of plants and projects that a capacity
// qualifies ("大唐5万千瓦风电项目", "220千伏变电站", "10米液压支架").
var projectHeads = map[string]bool{
	"项目": true, "机组": true, "变电站": true, "电站": true, "风机": true, "支架": true, "生产线": true,
	"码头": true, "泊位": true, "装置": true, "锅炉": true, "输变电工程": true,
	"矿": true, "金矿": true, "铜矿": true, "铀矿": true, "煤矿": true, "矿山": true, "油田": true, "气田": true,
}

// containsHead reports whether s holds one of projectHeads.
func containsHead(s string) bool {
	for h := range projectHeads {
		if strings.Contains(s, h) {
			return true
		}
	}
	return false
}

// currencies are the standard units of money.
var currencies = map[string]bool{"元": true, "美元": true, "港元": true, "欧元": true, "日元": true, "英镑": true}

// qualifiesPlant reports whether amount q of sentence s is the capacity
// or size of a plant or project named right after it, rather than a figure:
// the words up to a head noun of projectHeads are nouns, with no verb
// ("关停淘汰10万千瓦及以下燃煤机组", "年产3000辆专用车项目顺利开工").
// Counts qualify a plant only after 年产 (they count what it makes).
func qualifiesPlant(seg *segmenter, text []rune, q quantity, s textSpan) bool {
	if q.Kind != kindAmount || currencies[q.StdUnit] {
		return false
	}
	if measureWords[q.StdUnit] && !hasSuffixRunes(text, s.start, q.Start, "年产") {
		return false
	}
	i := q.End
	for _, w := range []string{"及以下", "及以上", "以下", "以上", "级"} {
		if hasPrefixRunes(text, i, w) {
			i += len([]rune(w))
			break
		}
	}
	j := i
	for j < s.end && j-i < 16 && isHan(text[j]) {
		j++
	}
	if j == i {
		return false
	}
	if !containsHead(string(text[i:j])) {
		return false // most amounts: no cut needed
	}
	for _, tk := range seg.cut(text[i:j]) {
		if projectHeads[tk.Text] {
			// "5万千瓦项目" alone may be a figure; "220千伏变电站" is not.
			return tk.Start > 0 || tk.Text != "项目"
		}
		if tk.Pos == "v" || tk.Pos == "m" || tk.Pos == "uj" || tk.Pos == "p" || tk.Pos == "c" {
			return false
		}
	}
	return false
}

// countWords are the measure words that count things rather than measure
// their size: "建设2个以上百亿元级项目" counts 项目.
var countWords = map[string]bool{"个": true, "家": true, "项": true, "件": true, "批": true, "次": true, "人次": true, "类": true, "种": true}

// sizeClass reports whether amount q bounds the size of the things named
// right after it, a class rather than a figure: "20户以上自然村", "8座以下
// 小汽车", "年产10万吨以上的企业". The words after the bound must begin with
// a noun.
func sizeClass(seg *segmenter, text []rune, q quantity, s textSpan) bool {
	if q.Kind != kindAmount || countWords[q.StdUnit] || currencies[q.StdUnit] {
		return false
	}
	i := q.End
	bounded := false
	for _, w := range []string{"及以上", "及以下", "以上", "以下"} {
		if hasPrefixRunes(text, i, w) {
			i += len([]rune(w))
			bounded = true
			break
		}
	}
	if !bounded {
		return false
	}
	if hasPrefixRunes(text, i, "的") {
		i++
	}
	j := i
	for j < s.end && j-i < 6 && isHan(text[j]) {
		j++
	}
	if j-i < 2 {
		return false
	}
	toks := seg.cut(text[i:j])
	if len(toks) == 0 || !strings.HasPrefix(toks[0].Pos, "n") {
		return false
	}
	// "1000万人以上农村贫困人口", "1600户以上边远牧户": the people or
	// households the unit counts, not a class of things.
	head := string(text[i:min(j+4, s.end)])
	for _, w := range countedBy[q.StdUnit] {
		if strings.Contains(head, w) {
			return false
		}
	}
	return true
}

// countedBy lists, for the units that count people and households, the
// words of what they count.
var countedBy = map[string][]string{
	"人": {"人口", "人员", "群众", "居民", "农民", "学生", "职工", "老人", "儿童", "患者", "劳动力", "毕业生", "人才"},
	"户": {"户", "家庭"},
}
