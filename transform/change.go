package transform

import "strings"

// A changeKind says which field of a record a change fills.
type changeKind int

const (
	changeNone       changeKind = iota
	changeYoY                   // 增长5% → yoy 5; 增长2.4倍 → yoy 240
	changePP                    // 提高1.2个百分点 → pp 1.2
	changeDelta                 // 比上年末减少139万人 → delta -1390000
	changeCompletion            // 完成年度任务的159.34% → completion 159.34
)

// A change is a figure read as a change of some other figure.
type change struct {
	kind  changeKind
	sign  float64 // +1 or -1, from the verb
	basis string  // as written (同比, 比上年 …), "" when none
	start int     // rune offset where the change phrase (basis or verb) begins
}

// upVerbs and downVerbs are the verbs of a change, longest first.
var (
	upVerbs   = []string{"增长了", "增长", "增加了", "增加", "提高了", "提高", "提升了", "提升", "上升了", "上升", "上涨", "扩大", "增速达到", "增幅达到", "增速完成", "增速实现", "增长率为", "增长率达到", "增速为", "增速达", "增幅为", "增幅达", "增速", "增幅", "高出", "高于", "多增", "增产", "增收", "净增", "新增", "递增", "回升", "攀升", "上浮", "上调", "调增", "增"}
	downVerbs = []string{"下降了", "下降", "减少了", "减少", "降低了", "降低", "回落了", "回落", "下滑", "收窄", "下跌", "缩小", "低于", "减产", "减收", "净减", "递减", "下浮", "下调", "调减", "压降", "压减", "少", "减", "降"}
)

// basisWords are the comparison phrases of a change, longest first.
var basisWords = []string{
	"比上年同期", "较上年同期", "比去年同期", "较去年同期", "与上年相比", "与去年相比",
	"比上年末", "较上年末", "比去年末", "较去年末", "比年初", "较年初", "比上月",
	"比上一年", "比上年", "较上年", "比去年", "较去年", "同比", "环比",
	"与上年同期", "与去年同期", "与上年度", "与去年度", "与上年", "与去年", "和上年", "同上年",
}

// isFlat reports whether q is the span of 持平 ("与上年持平"), which the
// scanner reads as a change of 0 %.
func isFlat(text []rune, q quantity) bool {
	return q.End-q.Start == 2 && hasPrefixRunes(text, q.Start, "持平")
}

// adverbs may stand between a basis and its verb ("同比分别增长").
var adverbs = []string{"分别", "年均", "平均", "略有", "有所", "大幅", "继续", "稳步", "持续", "均", "也", "又", "再"}

// trimSuffixAny removes from text[lo:end] one word of words that ends it,
// returning the new end and the word ("" when none matched).
func trimSuffixAny(text []rune, lo, end int, words []string) (int, string) {
	for _, w := range words {
		if hasSuffixRunes(text, lo, end, w) {
			return end - len([]rune(w)), w
		}
	}
	return end, ""
}

// skipAdverbs moves end back over adverbs and spaces.
func skipAdverbs(text []rune, lo, end int) int {
	for {
		for end > lo && isBlankRune(text[end-1]) {
			end--
		}
		e, w := trimSuffixAny(text, lo, end, adverbs)
		if w == "" || w == "均" && e > lo && strings.ContainsRune("人亩户", text[e-1]) {
			return end // 人均提高: 均 belongs to the name
		}
		end = e
	}
}

// basisBefore returns the basis that ends text[lo:end] ("同比", "比上年",
// "比2022年") and where it begins.
func basisBefore(text []rune, lo, end int) (string, int) {
	if e, w := trimSuffixAny(text, lo, end, basisWords); w != "" {
		return w, e
	}
	// 比2022年, 较2019年同期, 比2023年预算执行数, 比上年预算
	for i := end - 1; i >= lo && i >= end-14; i-- {
		if text[i] != '比' && text[i] != '较' && text[i] != '与' {
			continue // 与: "与2026年预算持平"
		}
		n := 0
		if _, yn := yearWritten(text, i+1); yn != 0 {
			n = yn
			if hasPrefixRunes(text, i+1+n, "度") {
				n++
			}
		} else {
			for _, w := range []string{"上年度", "去年度", "上年", "去年"} {
				if hasPrefixRunes(text, i+1, w) {
					n = len([]rune(w))
					break
				}
			}
		}
		if n == 0 {
			continue
		}
		rest := string(text[i+1+n : end])
		if rest == "" || rest == "同期" || rest == "末" || rest == "底" || basisStages[rest] {
			return string(text[i:end]), i
		}
	}
	return "", end
}

// basisStages are the stages of a budget a change may be measured
// against ("比2023年预算减少876.75万元", "比2023年预算执行数增加46.19%").
var basisStages = map[string]bool{
	"预算": true, "预算数": true, "预算执行数": true, "执行数": true, "决算": true, "决算数": true,
	"实际": true, "实际数": true, "年初预算": true, "年初预算数": true, "调整预算": true, "调整预算数": true,
	"预算安排": true, "水平": true,
}

// averageBasis returns the span of years a growth is averaged over when
// it ends text[lo:end] ("两年平均", "近三年年均", "3年平均") and where it
// begins: "两年平均增长3.1%" is a rate of the figure before it, averaged
// over two years, not a figure named 两年.
func averageBasis(text []rune, lo, end int) (string, int) {
	e, w := trimSuffixAny(text, lo, end, []string{"年平均", "年年均"})
	if w == "" {
		return "", end
	}
	e++ // keep the 年
	b := e - 1
	for b > lo && (strings.ContainsRune("两二三四五六七八九十", text[b-1]) || isArabicDigit(text[b-1])) {
		b--
	}
	if b == e-1 {
		return "", end // 全年平均: a level's average, no span of years
	}
	for _, p := range []string{"近", "过去", "连续"} {
		if hasSuffixRunes(text, lo, b, p) {
			b -= len([]rune(p))
			break
		}
	}
	return string(text[b:end]), b
}

// changeBefore reads the words before figure q (no further back than lo)
// as a change phrase. ok is false when q is a level, not a change.
// sbasis is the basis the sentence states apart (see sentenceBasis).
func changeBefore(text []rune, lo int, q quantity, sbasis string) (c change, ok bool) {
	end := q.Start
	for end > lo && isBlankRune(text[end-1]) {
		end--
	}
	if isFlat(text, q) {
		// 居民消费价格与上年持平: a change of 0, its verb the figure.
		e := skipAdverbs(text, lo, end)
		basis, b := basisBefore(text, lo, e)
		if basis != "" {
			e = skipAdverbs(text, lo, b)
		} else {
			basis = sbasis
		}
		return change{kind: changeYoY, sign: 1, basis: basis, start: e}, true
	}
	if q.Kind == kindPercent {
		// 完成年度任务的159.34%, 为年度目标的98%, 完成年计划145%,
		// 完成全年预算数的97.68%
		e := end
		if hasSuffixRunes(text, lo, e, "的") {
			e--
		}
		for _, w := range []string{"任务", "目标", "计划", "预算", "预算数", "计划数", "目标值"} {
			if !hasSuffixRunes(text, lo, e, w) {
				continue
			}
			b := e - len([]rune(w))
			for k := b; k >= lo && k >= b-6; k-- {
				if hasPrefixRunes(text, k, "完成") || hasPrefixRunes(text, k, "占") || e < end {
					return change{kind: changeCompletion, sign: 1, start: b}, true
				}
			}
		}
	}
	// 同比+24.4%, 同比-3.2%: a basis right before a signed rate, as
	// research notes and tables set in prose write changes (the minus is
	// the figure's own).
	if q.Kind == kindPercent || q.Kind == kindPoints {
		e := end
		if e > lo && (text[e-1] == '+' || text[e-1] == '＋') {
			e--
		}
		if b, w := trimSuffixAny(text, lo, e, basisWords); w != "" && (e < end || q.Value.Sign() < 0) {
			kind := changeYoY
			if q.Kind == kindPoints {
				kind = changePP
			}
			return change{kind: kind, sign: 1, basis: w, start: b}, true
		}
	}
	// 增长近30%, 下降约5%: a bound word may stand between verb and figure.
	for _, b := range boundBefore {
		if hasSuffixRunes(text, lo, end, b.word) {
			end -= len([]rune(b.word))
			break
		}
	}
	e, verb := trimSuffixAny(text, lo, end, upVerbs)
	sign := 1.0
	if verb == "" {
		e, verb = trimSuffixAny(text, lo, end, downVerbs)
		sign = -1
	}
	if verb == "" && q.Kind == kindPoints {
		// 高于全省20个百分点: a gap to another level, named in between.
		for i := end - 2; i >= lo && i >= end-10; i-- {
			if isClauseEnd(text[i]) {
				break
			}
			for _, w := range []string{"高于", "高出", "低于"} {
				if hasPrefixRunes(text, i, w) {
					s := 1.0
					if w == "低于" {
						s = -1
					}
					return change{kind: changePP, sign: s, start: i}, true
				}
			}
		}
	}
	if verb == "" {
		return change{}, false
	}
	if strings.HasPrefix(verb, "增长率") && hasSuffixRunes(text, lo, e, "自然") {
		return change{}, false // 人口自然增长率为8.09‰: a rate's level
	}
	basis, b := averageBasis(text, lo, e)
	if basis == "" {
		e = skipAdverbs(text, lo, e)
		basis, b = basisBefore(text, lo, e)
	}
	if basis != "" {
		e = skipAdverbs(text, lo, b)
	}
	c = change{sign: sign, basis: basis, start: e}
	switch q.Kind {
	case kindPercent:
		c.kind = changeYoY
	case kindMultiple:
		c.kind = changeYoY
	case kindPoints:
		c.kind = changePP
	case kindAmount:
		// "优良天数增加25天": a change by an amount, which is also its value.
		if basis == "" {
			c.basis = sbasis
		}
		c.kind = changeDelta
	default:
		return change{}, false
	}
	// Single-rune verbs need a basis: "少" and "降" are too common alone;
	// so does 新增, which alone names a level ("新增城镇就业1.2万人").
	if (len([]rune(verb)) == 1 || verb == "新增") && c.basis == "" {
		return change{}, false
	}
	if (verb == "高于" || verb == "低于" || verb == "高出") && q.Kind != kindPoints {
		return change{}, false
	}
	return c, true
}

// sentenceBasis returns the basis a sentence states in a clause of its
// own ("与上年比较，医院增加355个"), or "".
func sentenceBasis(s string) string {
	for _, w := range []string{"与上年比较", "与上年相比", "与去年相比", "与去年比较", "同上年相比"} {
		if strings.Contains(s, w) {
			return w
		}
	}
	return ""
}

// kindChange returns the change kind a figure of kind k takes in a list
// whose first figure is a change of kind first.
func kindChange(k kind, first changeKind) changeKind {
	switch k {
	case kindPercent, kindMultiple:
		if first == changeCompletion {
			return first
		}
		return changeYoY
	case kindPoints:
		return changePP
	case kindAmount:
		return changeDelta
	}
	return first
}

// changeValue returns the signed value a change figure q states: percent
// for yoy (增长2.4倍 is +240%), points for pp, the standard value for a
// delta.
func changeValue(c change, q quantity) float64 {
	// In standard units: 两成 is 20 %, 0.5个千分点 0.05 points. The
	// arithmetic is exact: 32.2倍 is 3220 %, not 3220.0000000000005, and
	// the float64 is the one nearest the exact decimal.
	d := q.Value.Mul(q.Scale)
	if q.Kind == kindMultiple && c.kind == changeYoY {
		d = d.Shift(2)
	}
	if c.kind != changeCompletion && c.sign < 0 {
		d = d.Neg()
	}
	return d.Float64()
}

// canTake reports whether rec, a record before change c in its sentence,
// has room for it.
func canTake(rec *Indicator, c change, q quantity) bool {
	switch c.kind {
	case changeYoY:
		return rec.YoY == nil
	case changePP:
		return rec.PP == nil
	case changeDelta:
		return rec.Delta == nil && rec.StdUnit == q.StdUnit && rec.Value != nil
	case changeCompletion:
		return rec.Completion == nil
	}
	return false
}

// applyChange fills rec's change field from c, stated by figure q.
func applyChange(rec *Indicator, c change, q quantity) {
	v := changeValue(c, q)
	switch c.kind {
	case changeYoY:
		rec.YoY = &v
		rec.Basis = c.basis
	case changePP:
		rec.PP = &v
		if rec.Basis == "" {
			rec.Basis = c.basis
		}
	case changeDelta:
		rec.Delta = &v
		if rec.Basis == "" {
			rec.Basis = c.basis
		}
	case changeCompletion:
		rec.Completion = &v
	}
}

// ownChange makes rec, the record of change figure q, a record of its own:
// a rate-only mention has no value; a delta keeps its magnitude as value.
// Completion and pp records without a level likewise have no value.
func ownChange(rec *Indicator, c change, q quantity) {
	applyChange(rec, c, q)
	if c.kind == changeDelta {
		return
	}
	// The bound and Max stay: "增长5%-6%" is a rate-only record with
	// yoy 5, bound range and max 6.
	rec.Value, rec.StdValue = nil, nil
	rec.Unit, rec.StdUnit = "", ""
}
