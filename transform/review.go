package transform

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/extract"
)

// Review reasons.
//
// A record is doubtful when something about it suggests the pipeline may
// have read it wrong. The reasons are short Chinese phrases in
// Indicator.Review, joined by "；" when there are several; they are
// appended, never overwritten, so a stage that knows more (the table
// reader's "表格单元无单位") and the reviews here add up. Each rule below
// was measured on the labelled reports (TestEvalReview): it must flag
// records the labels call wrong far more often than right ones.

// reviewSep joins the reasons of one record.
const reviewSep = "；"

// AddReview appends reason to rec.Review unless it is already there.
func AddReview(rec *Indicator, reason string) {
	if reason == "" {
		return
	}
	if rec.Review == "" {
		rec.Review = reason
		return
	}
	if slices.Contains(strings.Split(rec.Review, reviewSep), reason) {
		return
	}
	rec.Review += reviewSep + reason
}

// vagueNames say what kind of thing was counted, or what aspect of a
// figure, but not which indicator it is: "项目 28个" and "项目 9.06亿元" in
// one report are different figures under one word.
var vagueNames = map[string]bool{
	"项目": true, "企业": true, "其中": true, "新增": true, "累计": true, "合计": true, "总计": true,
	"总数": true, "数量": true, "总量": true, "规模": true, "总额": true, "金额": true,
	"降幅": true, "增幅": true, "增速": true, "增长": true, "下降": true, "比重": true, "占比": true,
	"改革": true, "计划": true, "规定": true, "措施": true, "任务": true, "工作": true, "活动": true,
	"行动": true, "工程": true, "指标": true, "事项": true, "人员": true, "单位": true, "资金": true,
	"省级": true, "国家级": true, "国家": true, "城市": true, "资源": true, "覆盖": true, "惠及": true,
	"全市": true, "全省": true, "全区": true, "全县": true, "全国": true, "全镇": true, "我市": true, "我区": true, "我省": true,
	"投入": true, "产量": true, "占全国": true, "总投资": true,
}

// VagueName reports whether name says what kind of thing was counted, or
// which aspect of a figure, but not which indicator it is (项目, 企业,
// 其中, 占比 …). Records with such a name carry the review reason 名称过泛;
// such a name alone cannot compare reports.
func VagueName(name string) bool { return vagueNames[name] }

// review appends the reasons for doubt that one document shows to its
// records: a vague or missing name, the same name in units that cannot be
// compared, a small count written in Chinese numerals (an enumeration:
// "四项改革"), a measure that qualifies the noun after it ("20万吨多晶硅"),
// characters that could not be decoded, a file that had to be repaired
// to be read (Document.Repairs). text is doc.Text as runes (nil: made
// here).
func (t *Transformer) review(doc *extract.Document, text []rune, recs []Indicator) {
	if len(recs) == 0 {
		return
	}
	if text == nil {
		text = []rune(doc.Text)
	}
	t.reviewEach(doc, text, recs)
	unitConflicts(recs)
	repeatedRates(recs)
	for _, p := range t.countsBeforeSubject(text, recs) {
		AddReview(&recs[p.rec], p.reason)
	}
}

// reviewEach adds the reasons each record shows on its own, in its text.
func (t *Transformer) reviewEach(doc *extract.Document, text []rune, recs []Indicator) {
	for i := range recs {
		r := &recs[i]
		if r.Table == "" {
			AddReview(r, nameReason(r.Name))
			AddReview(r, policyCount(r))
			AddReview(r, unitReason(r))
			AddReview(r, t.contextReason(text, r))
		} else if r.Name == "" {
			// A row label is a name in the context of its table and
			// caption: 布, 合计 are what the table measures.
			AddReview(r, "无指标名称")
		}
		if strings.ContainsRune(r.Name, utf8.RuneError) || strings.ContainsRune(r.Sentence, utf8.RuneError) {
			AddReview(r, "含无法解码的字")
		}
		if len(doc.Repairs) > 0 {
			// Nothing known was lost, but the file had to be mended
			// (a rebuilt cross-reference table, a replaced byte).
			AddReview(r, "文件经修复读取，请核对")
		}
	}
}

// A pendingReason is a reason for record rec, added once the others are.
type pendingReason struct {
	rec    int
	reason string
}

// repeatedRates flags a change in percentage points alone that repeats
// the name of a record before it in the same sentence: "地区生产总值增长
// 6.1%，分别高于全国、全区0.9、2个百分点" compares places; it does not
// state more changes of the indicator.
func repeatedRates(recs []Indicator) {
	for i := 1; i < len(recs); i++ {
		r := &recs[i]
		if r.Value != nil || r.YoY != nil || r.PP == nil || r.Name == "" {
			continue
		}
		for j := i - 1; j >= 0 && recs[j].Sentence == r.Sentence; j-- {
			if recs[j].Name == r.Name {
				AddReview(r, "同句重复的百分点")
				break
			}
		}
	}
}

// nameKinds tell from the end of a name what its figure measures: a sum
// of money, an area, a number of people.
var nameKinds = []struct{ suffix, kind string }{
	{"销售额", "money"}, {"金额", "money"}, {"总额", "money"}, {"货值", "money"}, {"产值", "money"},
	{"增加值", "money"}, {"总值", "money"}, {"收入", "money"}, {"投资", "money"}, {"资金", "money"},
	{"利润", "money"}, {"税收", "money"}, {"支出", "money"}, {"经费", "money"},
	{"面积", "area"}, {"人数", "people"}, {"人口", "people"},
}

// unitReason says why the unit of a prose record does not fit its name,
// or "": a count of things under a name that measures money or an area
// ("配送货值（无税销售额） 448家", "集中供热面积 25800户"), a sum of money
// under a name that counts people. The figure belongs to another name of
// its sentence.
func unitReason(r *Indicator) string {
	if r.Value == nil || r.StdUnit == "" || r.StdUnit == "%" || r.StdUnit == "‰" {
		return ""
	}
	name := anyBracketRE().ReplaceAllString(r.Name, "")
	kind := ""
	for _, k := range nameKinds {
		if strings.HasSuffix(name, k.suffix) {
			kind = k.kind
			break
		}
	}
	if strings.HasSuffix(name, "率") && measureWords[r.StdUnit] {
		return "单位与名称不符（" + r.Unit + "）" // 全市空气质量优良率 7县: a rate is no count
	}
	var fits bool
	switch kind {
	case "":
		return ""
	case "money":
		fits = currencies[r.StdUnit] || strings.Contains(r.StdUnit, "元")
	case "area":
		fits = Dimension(r.StdUnit) == "面积"
	case "people":
		fits = Dimension(r.StdUnit) == "人数" || r.StdUnit == "人次" || r.StdUnit == "户"
	}
	if fits || !measureWords[r.StdUnit] && !currencies[r.StdUnit] {
		return "" // a unit of another kind ("投资 3倍") may still fit
	}
	return "单位与名称不符（" + r.Unit + "）"
}

// policyCount flags a count of policies ("政策措施 28条", "重点事项
// 4批次"): it names a document's parts rather than a statistic.
func policyCount(r *Indicator) string {
	if measureWords[r.StdUnit] && utf8.RuneCountInString(r.Name) <= 4 {
		// 政策措施, 重点事项, 一级指标; but 行政审批事项 counts a thing.
		for _, w := range policyWords {
			if strings.HasSuffix(r.Name, w) {
				return "名称过泛"
			}
		}
	}
	return ""
}

// policyWords end the names of the parts of policies and plans.
var policyWords = []string{"措施", "举措", "事项", "指标", "政策", "意见", "办法", "规定", "条例"}

// notPrepositions are words that open a name with a preposition's
// character and are no preposition: 在建绿化总面积, 从业人员, 对外贸易,
// 按期办结率.
var notPrepositions = map[string]bool{
	"在建": true, "在校": true, "在岗": true, "在职": true, "在册": true, "在线": true, "在营": true,
	"在园": true, "在读": true, "在用": true, "在运": true, "在库": true, "在院": true, "在押": true,
	"从业": true, "对外": true, "对口": true, "按期": true, "按时": true, "由于": true, "将近": true,
}

// placeClasses are the kinds of administrative areas.
var placeClasses = map[string]bool{
	"省": true, "市": true, "县": true, "区": true, "地级以上市": true, "地级市": true, "县级市": true,
	"乡镇": true, "镇": true, "乡": true, "街道": true, "村": true, "社区": true, "行政村": true,
}

// rankWords tell a ranking or an award, not a measure: "揭阳潮汕机场成为
// 全省第4个吞吐量超千万人次的机场".
var rankWords = []string{"成为", "排名", "升至", "位列", "获评", "评为", "跻身"}

// nameReason says why a name is doubtful, or "".
func nameReason(name string) string {
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		return "无指标名称"
	case n == 1:
		return "名称过短"
	case vagueNames[name]:
		return "名称过泛"
	}
	for _, w := range rankWords {
		if strings.Contains(name, w) {
			return "名称含评比用语（" + w + "）"
		}
	}
	// A class of places alone ("省（自治区、直辖市）", "地级以上市") says
	// where, not what: a count of them is the scope of another figure.
	if placeClasses[anyBracketRE().ReplaceAllString(name, "")] {
		return "名称过泛"
	}
	if cutFromPhrase(name) {
		return "名称不完整"
	}
	return ""
}

// cutFromPhrase reports whether name was cut from a longer phrase: it ends
// on a particle or a preposition ("占全省的", "人均地区生产总值比"), opens
// with a conjunction or a preposition ("和稳外贸", "在全部工业总产值"), or
// holds × or +, a part of a formula ("大唐2×").
func cutFromPhrase(name string) bool {
	first, n := utf8.DecodeRuneInString(name)
	last, _ := utf8.DecodeLastRuneInString(name)
	switch {
	case strings.ContainsAny(name, "×+＋"):
		return true
	case strings.ContainsRune("的比较与和及占从在对之每有将要", last) && !strings.HasSuffix(name, "占比"):
		return true
	case strings.ContainsRune("和及与并在从由对将把按", first):
		_, m := utf8.DecodeRuneInString(name[n:])
		return !notPrepositions[name[:n+m]]
	}
	return false
}

// contextReason says why the words around a prose record's figure make
// it doubtful, or "".
func (t *Transformer) contextReason(text []rune, r *Indicator) string {
	i := writtenUnitAt(text, r)
	if i < 0 {
		return ""
	}
	unit := []rune(r.Unit)
	chinese := true
	for _, c := range text[r.Offset:i] {
		if isArabicDigit(c) || isDigitRune(c) {
			chinese = false
		}
	}
	end := i + len(unit)
	written := string(text[r.Offset:end])
	if r.Value != nil && *r.Value <= 10 && r.Unit == r.StdUnit && (chinese && listWords[r.Unit] || kindWords[r.Unit]) {
		return "疑为列举（" + written + "）"
	}
	if measureWords[r.StdUnit] || r.StdUnit == "%" || r.StdUnit == "‰" {
		return ""
	}
	// What follows: a bound word, then the next word.
	j := end
	threshold := false
	for _, w := range []string{"（含）", "(含)"} {
		if hasPrefix(text, j, w) {
			j += utf8.RuneCountInString(w) // 100万元（含）以上设备
			break
		}
	}
	for _, w := range []string{"以上", "以下", "左右"} {
		if hasPrefix(text, j, w) {
			j += utf8.RuneCountInString(w)
			threshold = w != "左右"
			break
		}
	}
	if j < len(text) && (text[j] == '·' || text[j] == '/') {
		return "单位可能不全（" + written + string(text[j:min(j+2, len(text))]) + "）"
	}
	win := text[j:min(j+6, len(text))]
	if len(win) == 0 || !isHan(win[0]) {
		return ""
	}
	toks := t.seg.cut(win)
	if len(toks) == 0 || strings.Contains(r.Name, toks[0].Text) {
		return ""
	}
	switch p := toks[0].Pos; {
	case threshold && p == "vn":
		// 100万元（含）以上设备: after a threshold a verbal noun is
		// the thing qualified.
	case strings.HasPrefix(p, "v"), strings.HasPrefix(p, "u"), p == "c", p == "p", p == "d", p == "f", p == "r", p == "m", p == "q":
		return ""
	}
	if nt := t.seg.cut([]rune(r.Name)); !threshold && len(nt) > 0 && strings.HasPrefix(nt[len(nt)-1].Pos, "v") {
		return "" // 投资2650万元改扩建…: the figure is what the verb moves
	}
	return "数值修饰其后名词（" + string(text[r.Offset:j]) + toks[0].Text + "）"
}

// writtenUnitAt returns where the unit of prose record r stands in text, after
// the numerals of its figure, or -1 when r has no unit written there.
func writtenUnitAt(text []rune, r *Indicator) int {
	if r.Offset < 0 || r.Offset >= len(text) || r.Unit == "" {
		return -1
	}
	unit := []rune(r.Unit)
	for i := r.Offset + 1; i+len(unit) <= len(text) && i <= r.Offset+24; i++ {
		if text[i] == '\n' {
			return -1
		}
		if text[i] == unit[0] && string(text[i:i+len(unit)]) == r.Unit {
			return i
		}
	}
	return -1
}

// countsBeforeSubject flags a count written just before the name of
// another figure of its sentence: in "其余3个县（市）降尘为1.75吨" the 3
// counts the 县（市）, not the 降尘 that both records are named after.
// A count after its name ("拆除违建1987处、12万平方米") is not one, nor a
// count of a name of one word ("28个项目共9.06亿元": 28 projects).
func (t *Transformer) countsBeforeSubject(text []rune, recs []Indicator) (out []pendingReason) {
	for i := range recs {
		r := &recs[i]
		if r.Table != "" || r.StdValue == nil || !measureWords[r.StdUnit] || r.Name == "" {
			continue
		}
		u := writtenUnitAt(text, r)
		if u < 0 {
			continue
		}
		end := u + utf8.RuneCountInString(r.Unit)
		name := []rune(r.Name)
		if end+len(name) > len(text) || string(text[end:end+len(name)]) != r.Name || len(t.seg.cut(name)) < 2 {
			continue
		}
		for j := i + 1; j < len(recs) && recs[j].Sentence == r.Sentence; j++ {
			q := recs[j]
			if q.Name == r.Name && q.Offset >= end+len(name) && Dimension(q.StdUnit) != Dimension(r.StdUnit) {
				out = append(out, pendingReason{i, "数值修饰其后名词（" + string(text[r.Offset:end+len(name)]) + "）"})
				break
			}
		}
	}
	return out
}

// kindWords count kinds of things, in digits or words: "7类重点资产资源".
var kindWords = map[string]bool{"类": true, "种": true}

// listWords are the measure words of enumerations: "四项改革", "两类人员",
// "三元、元盛等企业" — and 元, as a sum under ten 元 written in words is
// no statistic of a report.
var listWords = map[string]bool{"项": true, "件": true, "张": true, "种": true, "类": true, "批": true, "条": true, "元": true, "个": true, "省": true}

// unitConflicts flags records whose name stands in one report, in
// different sentences, with units that cannot be compared ("项目" 28个 and
// 9.06亿元): the name does not tell which figure is meant. In one
// sentence the words around tell them apart ("拆除违建1987处、12万平方米").
func unitConflicts(recs []Indicator) {
	type seen struct {
		dim, unit, sentence string
	}
	byName := make(map[string][]seen)
	for _, r := range recs {
		if r.Name != "" && r.StdValue != nil {
			byName[r.Name] = append(byName[r.Name], seen{Dimension(r.StdUnit), r.StdUnit, r.Sentence})
		}
	}
	for i := range recs {
		r := &recs[i]
		if r.StdValue == nil {
			continue
		}
		d := Dimension(r.StdUnit)
		var units []string
		for _, o := range byName[r.Name] {
			if o.dim != d && o.sentence != r.Sentence && !slices.Contains(units, o.unit) {
				units = append(units, o.unit)
			}
		}
		if len(units) > 0 {
			AddReview(r, "同名指标另有单位（"+strings.Join(units, "、")+"）")
		}
	}
}

// ReadErrorReview appends to recs the reasons that a partly read document
// gives: the records on a page that could not be read in full, or all
// records when the whole file was recovered or its text is partly
// undecodable. err is the error extract.Open returned with the document;
// nil changes nothing.
func ReadErrorReview(recs []Indicator, err error) {
	if err == nil || len(recs) == 0 {
		return
	}
	pages := make(map[int]bool)
	whole := ""
	var walk func(error)
	walk = func(err error) {
		var e *extract.Error
		switch x := err.(type) {
		case interface{ Unwrap() []error }:
			for _, c := range x.Unwrap() {
				walk(c)
			}
			return
		}
		if errors.As(err, &e) && e.Page > 0 {
			pages[e.Page] = true
			return
		}
		if errors.As(err, &e) {
			if u, ok := e.Err.(interface{ Unwrap() []error }); ok {
				for _, c := range u.Unwrap() {
					walk(c)
				}
				return
			}
		}
		switch {
		case errors.Is(err, extract.ErrUndecoded):
			whole = "部分文字无法解码"
		case whole == "":
			whole = "文件经修复读取，可能不全"
		}
	}
	walk(err)
	for i := range recs {
		r := &recs[i]
		if pages[r.Page] {
			AddReview(r, fmt.Sprintf("第%d页读取不全", r.Page))
		}
		AddReview(r, whole)
	}
}
