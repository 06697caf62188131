package transform

import (
	"strings"
	"unicode/utf8"
)

// Names and words: the word lists of attach.go find where a name begins
// and ends; the segmenter then makes sure the name is made of whole words
// and does not open with the verb or function word of the clause it was
// cut from ("推动出台管理措施" → 管理措施, "和落地科技成果" → 落地科技成果).

// minStripped is the fewest runes a name keeps after a leading word is
// stripped: two-rune names after a verb are mostly verb-noun compounds
// that name the indicator (出口总额, 签约资金, 充电桩).
const minStripped = 3

// actionVerbs are the verbs of action that open a clause of a report
// before the thing they act on ("提请市人大常委会审议地方性法规", "降低利息
// 负担"). They are stripped only where the segmenter finds them as a whole
// verb: 推广 is stripped from 推广新能源汽车, not from 推广员. Verbs that
// also name what is counted (新增, 新建, 开工, 参加 …) or that modify a noun
// (殡葬服务, 休闲农业, 充电设施) are not listed.
var actionVerbs = map[string]bool{
	"推动": true, "加快": true, "用于": true, "惠及": true, "享受": true, "支持": true, "降低": true, "提请": true,
	"提供": true, "废止": true, "共建": true, "相当于": true, "查处": true, "培养": true, "化解": true,
	"进行": true, "调高": true, "设立": true, "签订": true, "涉及": true, "消除": true, "提出": true,
	"接受": true, "授权": true, "投放": true, "承接": true, "打通": true, "成为": true, "形成": true, "孵化": true,
	"取得": true, "促进": true, "争创": true, "配合": true, "纳入": true, "补充": true, "组建": true, "整合": true,
	"提高": true, "提升": true, "扶持": true, "建立": true, "实行": true, "完善": true, "安装": true, "召开": true,
	"取缔": true, "制定": true, "出台": true, "减轻": true, "兑现": true, "兑付": true, "修订": true, "交办": true,
	"交付": true, "下调": true, "颁布": true, "释放": true, "遴选": true, "聘请": true, "编制": true,
	"筹措": true, "筹建": true, "破解": true, "牵头": true, "核发": true, "查办": true, "更换": true, "整改": true,
	"攻克": true, "收集": true, "收购": true, "推行": true, "推荐": true, "推广": true, "推出": true, "接入": true,
	"授予": true, "拓展": true, "扩大": true, "扣除": true, "归集": true, "开设": true, "开挖": true,
	"巩固": true, "宣布": true, "围绕": true, "发布": true, "压缩": true, "压减": true, "募集": true, "创造": true,
	"创建": true, "列入": true, "修建": true, "上演": true, "解决": true, "落实": true,
	"实施": true, "安排": true, "举办": true, "组织": true, "开展": true, "打造": true, "培育": true, "招收": true,
	"办理": true, "帮助": true, "指导": true, "推进": true, "加大": true, "加强": true, "强化": true,
	"深化": true, "优化": true, "调整": true, "改善": true, "完成": true, "实现": true, "带动": true, "吸引": true,
	"新培育": true, "评选": true, "认定": true, "评定": true, "审议": true, "审查": true, "受理": true, "处置": true,
	"接待": true, "发放": true, "减免": true, "救治": true, "改造提升": true, "改扩建": true,
}

// clauseVerbs are the verbs of actionVerbs that, inside a name, always
// begin the clause of the figure ("整合资源累计开展各类活动9场" counts 各类
// 活动); the others also modify nouns (住房保障租赁补贴, 耕地质量提升片区)
// or join a subject to its measure (规上工业企业实现营业收入).
var clauseVerbs = map[string]bool{
	"开展": true, "举办": true, "发放": true, "兑现": true, "审议": true, "设立": true, "认定": true,
	"实施": true, "打造": true, "制定": true, "出台": true, "发布": true, "安排": true, "解决": true, "化解": true,
	"查处": true, "办理": true, "筹措": true, "处置": true, "招收": true, "安装": true, "接入": true, "推出": true,
	"培育": true, "新培育": true, "建立": true, "创建": true, "攻克": true, "取缔": true, "核发": true, "受理": true,
	"废止": true, "修订": true, "颁布": true, "聘请": true, "评选": true, "签订": true, "提供": true, "享受": true,
}

// leadFunctionWords are the one-rune prepositions, conjunctions and
// adverbs that open a clause ("对拉丁美洲出口", "和下达地方政府债券",
// "共查处社会组织违法违规案件", "为群众挽回…"). 在 is left out, as the
// segmenter cuts it from 在职 and 在校, and so is 以 of 以批发为主的.
const leadFunctionWords = "对比按与自由用被因同从向为将把给和及而但并共再又均已仅"

// refineName returns name, when it stands in r.text before the figure that
// starts at start in the current sentence, with its start on a word
// boundary and its leading verbs and function words stripped.
func (r *run) refineName(name string, start int) string {
	rn := []rune(name)
	if len(rn) < 2 {
		return name
	}
	p := lastIndexRunes(r.text[r.cur.start:start], rn)
	if p < 0 {
		// A name read after its figure ("36次推介恩施市") begins with
		// the counted thing or action: its verb is part of it.
		return name
	}
	return stripLead(r.t.seg, r.snapStart(rn, r.cur.start+p))
}

// snapStart returns the name rn found at text offset p, moved so that it
// begins on a word of the sentence: a word cut by the length limit or by
// a stripped word is dropped when the name is long ("国规模以上…" of 全国
// 规模以上…), restored otherwise. Only the clause of the name is cut into
// words: no word spans a clause break.
func (r *run) snapStart(rn []rune, p int) string {
	if p <= r.cur.start || !isHan(r.text[p-1]) || !isHan(r.text[p]) {
		return string(rn) // a name after a break or a number starts a word
	}
	cs := clauseStart(r.text, r.cur.start, p, false)
	ce := p + len(rn)
	for ce < r.cur.end && !isClauseEnd(r.text[ce]) {
		ce++
	}
	for _, tk := range r.t.seg.cut(r.text[cs:ce]) {
		s, e := cs+tk.Start, cs+tk.End
		if s >= p {
			break
		}
		if e <= p {
			continue
		}
		// p is inside word tk.
		if isLeadWord(string(r.text[s:p])) {
			break // 完成投资 of 完成投资5亿元: cleanName stripped a word
		}
		if len(rn)+p-s <= maxName && allHan(r.text[s:p]) {
			return string(r.text[s:p]) + string(rn)
		}
		if len(rn)-(e-p) >= 2 {
			return strings.TrimLeft(string(rn[e-p:]), "—-－、，")
		}
		break
	}
	return string(rn)
}

// stripLead strips from the start of name the words that open a clause
// rather than name a thing: prepositions, conjunctions, adverbs, and
// verbs followed by their object ("降低企业综合成本" → 企业综合成本), while
// at least minStripped runes, starting with a word of two runes or more and
// holding a noun, are left.
func stripLead(seg *segmenter, name string) string {
	toks := seg.cut([]rune(name))
	rn := []rune(name)
	i := 0
	for i+1 < len(toks) {
		tk := toks[i]
		rest := toks[i+1:]
		if len(rn)-rest[0].Start < minStripped || rest[0].End-rest[0].Start < 2 || !hasNoun(rest) {
			break
		}
		if !leadingWord(tk) || strings.HasPrefix(tk.Pos, "v") && hasDe(rest) {
			// "享受综合补贴的老年人": a verb of a relative clause
			// before 的 qualifies the noun; it stays.
			break
		}
		i++
	}
	// "整合资源累计开展各类活动": a verb inside the name begins the
	// clause of the figure; what it acts on is the name.
	for k := len(toks) - 2; k > i; k-- {
		tk := toks[k]
		if !strings.HasPrefix(tk.Pos, "v") || !clauseVerbs[tk.Text] {
			continue
		}
		rest := toks[k+1:]
		if len(rn)-rest[0].Start >= minStripped && rest[0].End-rest[0].Start >= 2 && hasNoun(rest) && !hasDe(rest) {
			i = k + 1
		}
		break
	}
	if i == 0 {
		return name
	}
	return string(rn[toks[i].Start:])
}

// leadingWord reports whether tk, the first word of a name, opens a
// clause rather than names a thing.
func leadingWord(tk token) bool {
	switch tk.Pos {
	case "p", "c", "d", "zg":
		return utf8.RuneCountInString(tk.Text) == 1 && strings.Contains(leadFunctionWords, tk.Text)
	case "v", "vn":
		return actionVerbs[tk.Text]
	}
	return false
}

// hasNoun reports whether toks hold a noun: a word the segmenter tags n…
// or vn (a verb used as a noun).
func hasNoun(toks []token) bool {
	for _, tk := range toks {
		if strings.HasPrefix(tk.Pos, "n") || tk.Pos == "vn" {
			return true
		}
	}
	return false
}

// isLeadWord reports whether w is one of the words cleanName strips from
// the start of a name.
func isLeadWord(w string) bool {
	for _, l := range leadWords {
		if w == l {
			return true
		}
	}
	return false
}

// allHan reports whether rs holds only CJK ideographs.
func allHan(rs []rune) bool {
	for _, r := range rs {
		if !isHan(r) {
			return false
		}
	}
	return true
}

// lastIndexRunes returns the offset of the last occurrence of w in s, or -1.
func lastIndexRunes(s, w []rune) int {
outer:
	for i := len(s) - len(w); i >= 0; i-- {
		for k, r := range w {
			if s[i+k] != r {
				continue outer
			}
		}
		return i
	}
	return -1
}

// onlyVerbs reports whether the words of s are all verbs ("惠及" of
// "惠及上千万家庭"): a clause that names nothing before its figure.
func onlyVerbs(seg *segmenter, s string) bool {
	toks := seg.cut([]rune(s))
	verb := false
	for _, tk := range toks {
		switch tk.Pos {
		case "v":
			verb = true
		case "d": // 坚决守住18亿亩耕地红线: an adverb before the verb
		default:
			return false
		}
	}
	return verb
}

// verbalNoun reports whether s is one verbal noun (发展, 建设): before a
// figure it is the verb that moves what follows ("发展2万亩高粱").
func verbalNoun(seg *segmenter, s string) bool {
	toks := seg.cut([]rune(s))
	return len(toks) == 1 && toks[0].Pos == "vn"
}

// hasDe reports whether toks hold the particle 的.
func hasDe(toks []token) bool {
	for _, tk := range toks {
		if tk.Text == "的" {
			return true
		}
	}
	return false
}

// dropWhole strips from the name of a share written in words the bound
// word and the whole it is a share of: "产量超过全球" of "产量超过全球一半"
// is 产量 (the bound is read by boundOf).
func dropWhole(name string) string {
	rn := []rune(name)
	for e := len(rn) - 1; e >= 2 && e >= len(rn)-5; e-- {
		for _, b := range boundBefore {
			if hasSuffixRunes(rn, 0, e, b.word) && !compoundBound(rn, 0, e, b.word) && allHan(rn[e:]) {
				if rest := strings.TrimSuffix(string(rn[:e-len([]rune(b.word))]), "的"); utf8.RuneCountInString(rest) >= 2 {
					return rest
				}
			}
		}
	}
	return name
}

// endsWithVerb reports whether the last word of s is a verb ("…提标降息惠及"
// of "…惠及1100多万学生"): what the figure after it counts follows it.
func endsWithVerb(seg *segmenter, s string) bool {
	toks := seg.cut([]rune(s))
	return len(toks) > 0 && toks[len(toks)-1].Pos == "v"
}
