package transform

import (
	"strings"
	"unicode/utf8"
)

// Lists. A report states several figures at once: "A、B和C分别增长5%、6%
// 和7%". The subjects of such a list are often written short, sharing
// what they have in common with the last one: "第一、二、三产业对经济增长
// 的贡献率" is three rates (第一产业…, 第二产业…, 第三产业…贡献率), "城镇、
// 农村居民人均可支配收入" two incomes. The words here spell each subject
// out in full.

// distributeSubjects spells out the subjects of a list that share a
// prefix or a suffix written once: numerals listed before one noun
// ("第一、二、三产业增加值" → 第一产业增加值, 第二产业增加值, 第三产业增加值)
// and qualifiers listed before one measure ("城镇、农村居民人均可支配收入"
// → 城镇居民人均可支配收入, 农村居民人均可支配收入). Subjects that each
// name their own measure ("工业技改投资、制造业技改投资增速") are returned
// as they are.
func distributeSubjects(seg *segmenter, parts []string) []string {
	if len(parts) < 2 {
		return parts
	}
	if out := distributeNumerals(parts); out != nil {
		return out
	}
	last := []rune(parts[len(parts)-1])
	if !strings.ContainsRune(nameEnds, last[len(last)-1]) {
		return parts // the last subject names no measure to share
	}
	width := 0
	for _, p := range parts[:len(parts)-1] {
		rs := []rune(p)
		if len(rs) > 6 || strings.ContainsRune(nameEnds, rs[len(rs)-1]) {
			return parts // a subject of its own, with its own measure
		}
		width += len(rs)
	}
	width = (width + len(parts) - 2) / (len(parts) - 1) // the mean, rounded up
	// The shared measure starts where the last subject's head is about as
	// long as the other subjects, on a word boundary: the head ends with a
	// word of two runes or more and so does the measure begin ("服务业增加
	// 值" splits as 服务业 | 增加值, not 服务业增 | 加值). The segmenter's
	// dictionary holds whole indicator names, so both sides are cut apart.
	best := -1
	for d := 0; d <= 2 && best < 0; d++ {
		for _, k := range []int{width - d, width + d} {
			if k < 1 || len(last)-k < 2 || best >= 0 {
				continue
			}
			head, tail := seg.cut(last[:k]), seg.cut(last[k:])
			if len(head) > 0 && len(tail) > 0 && head[len(head)-1].End-head[len(head)-1].Start >= 2 &&
				tail[0].End-tail[0].Start >= 2 {
				best = k
			}
		}
	}
	if best < 0 {
		return parts
	}
	tail := string(last[best:])
	out := make([]string, len(parts))
	for i, p := range parts[:len(parts)-1] {
		out[i] = p + tail
	}
	out[len(parts)-1] = string(last)
	return out
}

// distributeNumerals spells out numerals listed before one noun:
// "第一、二、三产业对经济增长的贡献率" → 第一产业…贡献率, 第二产业…贡献率,
// 第三产业…贡献率 (the 第 of the first applies to all); "一、二、三产业
// 增加值" → 一产业增加值, 二产业增加值, 三产业增加值. It returns nil when
// parts is no such list.
func distributeNumerals(parts []string) []string {
	numeral := func(s string) (prefix, num, rest string) {
		if strings.HasPrefix(s, "第") {
			prefix, s = "第", s[len("第"):]
		}
		i := 0
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isHeadingNumeral(r) {
				break
			}
			i += n
		}
		return prefix, s[:i], s[i:]
	}
	first, _, _ := numeral(parts[0])
	out := make([]string, len(parts))
	_, lastNum, tail := numeral(parts[len(parts)-1])
	if lastNum == "" || utf8.RuneCountInString(tail) < 2 {
		return nil
	}
	for i, p := range parts[:len(parts)-1] {
		_, num, rest := numeral(p)
		if num == "" || rest != "" {
			return nil
		}
		out[i] = first + num + tail
	}
	out[len(parts)-1] = first + lastNum + tail
	return out
}

// gapVerbs compare a rate with another place's: "分别高于全国、全区0.9、2个
// 百分点" lists the places compared with, not subjects.
var gapVerbs = []string{"高于", "低于", "高出"}

// comparedPlaces reports whether the list of n figures that starts at
// figure q, a change read from c, compares one figure with n places
// named after the verb ("分别高于全国、全区0.9、2个百分点").
func comparedPlaces(text []rune, c change, q quantity, n int) bool {
	if c.kind != changePP || n < 2 {
		return false
	}
	for _, v := range gapVerbs {
		if hasPrefixRunes(text, c.start, v) {
			places := string(text[c.start+len([]rune(v)) : q.Start])
			return strings.Count(places, "、") == n-1
		}
	}
	return false
}

// listedBefore returns the n subjects an earlier clause of the sentence
// lists ("国内游客人数、旅游收入均超过疫情前水平，同比分别增长87.5%、
// 66.9%"): the clause that ends at end (the start of the list's clause)
// split at 、, the last part cut after its measure; nil when that clause
// lists another number of subjects.
func listedBefore(text []rune, lo, end, n int) []string {
	if end-1 <= lo {
		return nil
	}
	cs := clauseStart(text, lo, end-1, false)
	parts := strings.Split(string(text[cs:end-1]), "、")
	if len(parts) != n {
		return nil
	}
	last := []rune(parts[n-1])
	k := len(last) - 1
	for k > 0 && !strings.ContainsRune(nameEnds, last[k]) {
		k--
	}
	if k == 0 {
		return nil
	}
	parts[n-1] = string(last[:k+1])
	out := make([]string, 0, n)
	for _, p := range parts {
		name := cleanName([]rune(p))
		if !hasHan(name) || strings.IndexFunc(name, isArabicDigit) >= 0 {
			return nil
		}
		out = append(out, name)
	}
	return out
}
