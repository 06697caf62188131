package transform

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/extract"
)

// Config tunes a Transformer. The zero Config is ready to use.
type Config struct {
	// Catalog is the path of an extra indicator catalog file whose entries
	// are added to the built-in one; "" uses the built-in catalog only.
	Catalog string
}

// BUG(zhibiao): Names are cut to whole words and stripped of the verbs and
// function words that open their clause with the segmenter's parts of
// speech, but only verbs of a fixed list are stripped; a clause that runs
// an unlisted verb into its noun ("组织各类招商团队敲门招商427次") keeps
// the rest of the phrase as the name (各类招商团队敲门招商).

// BUG(zhibiao): Figures without a written unit are not reported, except
// the terms of a ratio ("三次产业结构为3.6:48.0:48.4", each a record with no
// unit) and counts whose name tells the unit ("人数", "人次"). A two-term
// ratio is reported only in a clause that names a structure or proportion.

// BUG(zhibiao): The period of a figure comes from the text: the years its
// sentence names, else the report year of the title, a review heading or
// the date on the cover. A document whose text names no year at all (a
// product datasheet) gives its figures no period.

// A Transformer finds indicators in documents. Build it once with New;
// it is safe for concurrent use by multiple goroutines.
type Transformer struct {
	cfg    Config
	seg    *segmenter
	cat    *catalog
	window int // bytes of a window of a long document (see window.go); 0: windowBytes
}

// New loads the segmenter dictionary and the catalog and returns a Transformer.
func New(cfg Config) (*Transformer, error) {
	seg, err := newSegmenter()
	if err != nil {
		return nil, fmt.Errorf("transform: loading segmenter: %w", err)
	}
	cat, err := loadCatalog(cfg.Catalog)
	if err != nil {
		return nil, fmt.Errorf("transform: loading catalog %q: %w", cfg.Catalog, err)
	}
	return &Transformer{cfg: cfg, seg: seg, cat: cat}, nil
}

// Indicators returns every figure of doc, in text order. It does not modify doc.
//
// Each figure becomes one record, except a change stated right after its
// level ("税收总收入15亿元，同比下降15%"), which fills the level's YoY,
// PP, Delta or Completion. A change with a subject of its own and no level
// ("地区生产总值同比增长0.3%") is a record with a nil Value.
func (t *Transformer) Indicators(doc *extract.Document) []Indicator {
	if doc == nil || doc.Text == "" {
		return nil
	}
	if t.long(doc) {
		return t.windowed(doc)
	}
	recs, runes := t.records(doc, nil)
	t.review(doc, runes, recs)
	return recs
}

// records returns the records of doc, unreviewed; ctx is what the whole
// document tells when doc is a window of it (nil: doc is whole). runes
// are doc.Text's, for the review, or nil when they were compacted.
func (t *Transformer) records(doc *extract.Document, ctx *docContext) (recs []Indicator, runes []rune) {
	text := []rune(doc.Text)
	var orig offsetMap
	if soft := softBreaks(doc); len(soft) > 0 {
		text, orig = compact(text, soft) // (in place)
	} else {
		runes = text
	}
	return t.indicators(doc, text, orig, scanQuantities(text), ctx), runes
}

// isFigure reports whether q is a figure worth a record: not a year, an
// ordinal or a number inside a name, and not a bare number.
func isFigure(q quantity) bool {
	return q.NotFigure == "" && q.Kind != kindBare
}

// A run holds what all records of one document share while they are built.
type run struct {
	t            *Transformer
	doc          *extract.Document
	text         []rune    // the text searched: doc.Text without soft line breaks
	orig         offsetMap // from offsets in text to offsets in doc.Text
	secs         []headingPath
	ry           int           // report year, 0 if unknown
	delivered    int           // year the report was delivered in, 0 if unknown
	estFrom      int           // rune offset of "预计…（下同）", -1 if none
	plans        []planSpan    // parts of the text that state targets (paragraph tails, plan parts)
	items        []item        // numbered paragraphs and what they cover (budget items)
	later        []laterReport // reports that follow the first one in the same text
	tablesBefore int           // the document's tables before doc, a window of it (see window.go)
	years        []int         // the years that dated the last list of figures
	yearsAt      int           // start of the sentence of that list
	out          []Indicator
	starts       []int    // offset in text of the figure of each record of out
	cur          textSpan // the sentence whose records are being built
	said         textSpan // the sentence of the last record made, whose text its records share:
	saidText     string   // one string per sentence, not per record
}

// indicators builds the records of doc from its text and quantities.
//
// text is doc.Text with its soft line breaks removed; orig maps its rune
// offsets to those of doc.Text (empty when nothing was removed).
func (t *Transformer) indicators(doc *extract.Document, text []rune, orig offsetMap, qs []quantity, ctx *docContext) []Indicator {
	if ctx == nil {
		ctx = contextOf(doc)
	}
	r := &run{t: t, doc: doc, text: text, orig: orig, secs: ctx.secs, ry: ctx.ry, delivered: ctx.delivered,
		plans: ctx.plans, items: ctx.items, later: ctx.later, tablesBefore: ctx.tablesBefore}
	switch {
	case ctx.estimating:
		r.estFrom = 0 // a "预计…（下同）" before the window
	case len(orig.at) == 0:
		r.estFrom = estimatesFrom(doc.Text)
	default:
		r.estFrom = estimatesFrom(string(text))
	}
	n := 0
	for _, q := range qs {
		if isFigure(q) {
			n++
		}
	}
	r.out = make([]Indicator, 0, n) // about one record a figure: no room wasted on growth in a long text
	qi := 0
	var figs []quantity
	skip := tableSpans(doc)
	for _, s := range sentences(text) {
		for qi < len(qs) && qs[qi].Start < s.start {
			qi++
		}
		if inSpans(skip, r.origOffset(s.start)) {
			continue // a table's caption or row, or a chart's caption
		}
		figs = figures(t.seg, text, qs[qi:], s, figs[:0])
		if len(figs) > 0 {
			r.sentence(s, figs)
		}
	}
	return mergeRecords(r.out, r.tables())
}

// figures returns, appended to figs, the quantities of qs (which start at
// or after sentence s) that are figures of s: no years, ordinals, quoted
// names, numbers inside category names, sizes of the plants or classes of
// things they qualify, or counts of a subject's parts; a scaled number
// without a unit takes the unit its context tells, and the terms of a
// ratio are figures with no unit. seg finds the words the rules look at.
func figures(seg *segmenter, text []rune, qs []quantity, s textSpan, figs []quantity) []quantity {
	for j := 0; j < len(qs) && qs[j].Start < s.end; j++ {
		q := qs[j]
		if q.NotFigure == "" && q.Kind == kindBare && q.Unit != "" {
			// "总诊疗人次101.5亿，比上年增加6.0亿人次": the unit of a
			// scaled bare number is told by the change that follows.
			if j+1 < len(qs) && qs[j+1].Start < s.end && qs[j+1].Kind == kindAmount && qs[j+1].NotFigure == "" {
				if c, ok := changeBefore(text, q.End, qs[j+1], ""); ok && c.kind == changeDelta && c.basis != "" {
					q.Unit += qs[j+1].StdUnit
					q.StdUnit = qs[j+1].StdUnit
					q.Kind = kindAmount
				}
			}
		}
		if q.NotFigure == "" && q.Kind == kindBare && q.Unit != "" {
			if u := impliedUnit(seg, text, s.start, q); u != "" {
				q.Unit += u
				q.StdUnit = u
				q.Kind = kindAmount
			}
		}
		if q.NotFigure == "" && q.Kind == kindBare && q.Unit == "" && inRatio(text, s, qs, j) {
			// "三次产业结构调整为1.8:36.1:62.1": the terms of a ratio
			// are figures with no unit.
			q.Kind = kindAmount
		}
		if len(figs) > 0 && q.Start < figs[len(figs)-1].End {
			continue // overlapping spans: keep the first
		}
		if isFigure(q) && !quoted(text, q) && !ordinalContext(text, q) && !qualifiesPlant(seg, text, q, s) && !sizeClass(seg, text, q, s) &&
			!contentsEntry(text, q, s) {
			figs = append(figs, q)
		}
	}
	// Numbers inside category names ("50亿项目1个") are no figures.
	keep := figs[:0]
	for k, q := range figs {
		var next *quantity
		if k+1 < len(figs) {
			next = &figs[k+1]
		}
		if !inCategoryName(seg, text, q, next) && !quantifiesSubject(text, q, next) {
			keep = append(keep, q)
		}
	}
	figs = keep
	return figs
}

// inRatio reports whether qs[j], a bare number of sentence s, is a term
// of a ratio: numbers joined by colons, three or more of them, or two in a
// clause that names a structure or proportion (结构, 比例).
func inRatio(text []rune, s textSpan, qs []quantity, j int) bool {
	isColon := func(r rune) bool { return r == ':' || r == '：' || r == '∶' } // ∶: U+2236, the ratio sign
	joined := func(a, b quantity) bool {
		if a.Kind != kindBare || b.Kind != kindBare || a.Unit != "" || b.Unit != "" || b.Start-a.End > 5 {
			return false
		}
		colons := 0
		for _, r := range text[a.End:b.Start] {
			switch {
			case isColon(r):
				colons++
			case !isBlankRune(r):
				return false
			}
		}
		return colons == 1
	}
	lo, hi := j, j
	for lo > 0 && qs[lo-1].Start >= s.start && joined(qs[lo-1], qs[lo]) {
		lo--
	}
	for hi+1 < len(qs) && qs[hi+1].Start < s.end && joined(qs[hi], qs[hi+1]) {
		hi++
	}
	switch n := hi - lo + 1; {
	case n >= 3:
		return true
	case n == 2:
		cs := clauseStart(text, s.start, qs[lo].Start, false)
		clause := string(text[cs:qs[lo].Start])
		return strings.Contains(clause, "结构") || strings.Contains(clause, "比例")
	}
	return false
}

// sentence adds the records of the figures of sentence s.
func (r *run) sentence(s textSpan, figs []quantity) {
	text := r.text
	r.cur = s
	sec := sectionAt(r.secs, r.origOffset(s.start))
	for _, p := range r.plans {
		if r.origOffset(s.end) > p.start && r.origOffset(s.start) < p.end && !sec.plan {
			sec.plan = true
			if sec.year == 0 {
				sec.year = p.year
			}
		}
	}
	sbasis := sentenceBasis(string(text[s.start:s.end]))
	first := len(r.out)
	anchor := s.start
	for i := 0; i < len(figs); i++ {
		q := figs[i]
		if n := r.enumeration(s, sec, sbasis, figs[i:], anchor, first); n > 0 {
			i += n - 1
			anchor = figs[i].End
			continue
		}
		c, ok := changeBefore(text, anchor, q, sbasis)
		if !ok {
			name := levelName(r.t.seg, text, anchor, q)
			if len(r.out) > first && converted(text, q.Start) {
				name = r.out[len(r.out)-1].Name // the same figure in another unit
			}
			if len(r.out) > first && clauseStart(text, anchor, q.Start, true) == anchor && onlyVerbs(r.t.seg, name) {
				name = r.out[len(r.out)-1].Name // 由7种扩大到15种: the same thing, later
			}
			if len(r.out) > first && r.takeLevel(&r.out[len(r.out)-1], name, q, anchor) {
				anchor = q.End
				continue
			}
			rec := r.record(s, sec, q, anchor)
			rec.Name = name
			if w := totalWordBefore(text, anchor, q.Start); rec.Name == "" && w != "" {
				rec.Name = w // "利息7,788,690元以及违约金1,426,500元，合计37,745,190元": the sum, not 违约金
			}
			if prev := len(r.out) - 1; rec.Name == "" && prev >= first && sameThing(r.out[prev].StdUnit, rec.StdUnit) {
				rec.Name = r.out[prev].Name
			}
			if rec.Name == "" {
				rec.Name = subjectBefore(text, s.start, q.Start)
			}
			r.add(rec, q.Start)
			anchor = q.End
			continue
		}
		name := cleanName(text[clauseStart(text, anchor, c.start, true):c.start])
		switch {
		case c.kind == changeCompletion:
			name = "" // 完成年度任务的: the task is the previous figure's
		case genericNames[name] && len(r.out) > first:
			name = "" // 占43.7%，比重比上年下降1.4个百分点: the same figure's change
		}
		if prev := r.levelBefore(s, first, name); prev != nil && canTake(prev, c, q) {
			// "收入支出总计2995.39万元。与2023年度相比，收入支出总计减少
			// 56.95万元，下降1.87%": the change of the level just stated;
			// the changes after it in this sentence are its too.
			applyChange(prev, c, q)
			first--
			anchor = q.End
			continue
		}
		if name == "" && len(r.out) > first {
			prev := &r.out[len(r.out)-1]
			if len(r.out)-1 > first && r.conversion(len(r.out)-1) {
				prev = &r.out[len(r.out)-2] // 136063元（折合19105美元），比上年增长4.1%
			}
			if canTake(prev, c, q) {
				applyChange(prev, c, q)
				anchor = q.End
				continue
			}
		}
		if isFlat(text, q) {
			// 增长5%，与上年持平: the rate of the rate. A 持平 that
			// fills no level's change states no number: no record
			// ("二氧化硫年均浓度与去年持平", as the labels have it).
			anchor = q.End
			continue
		}
		rec := r.record(s, sec, q, anchor)
		rec.Name = name
		if name == "" && len(r.out) > first {
			rec.Name = r.out[len(r.out)-1].Name
		}
		ownChange(&rec, c, q)
		r.add(rec, q.Start)
		anchor = q.End
	}
}

// levelBefore returns the level that a change opening sentence s states
// the change of: the last record of the sentence before, in the same
// paragraph, when s has no record yet and the change names the same thing
// (name, or one name ending the other) or names nothing and follows right
// after it ("公务接待费0.83万元。与2025年预算持平"). first is the index of
// s's first record; it returns nil when there is none.
func (r *run) levelBefore(s textSpan, first int, name string) *Indicator {
	if first == 0 || len(r.out) != first || first > len(r.starts) {
		return nil
	}
	prev := &r.out[first-1]
	at := r.starts[first-1]
	if prev.Value == nil || prev.Table != "" || at >= s.start {
		return nil
	}
	between := r.text[at:s.start]
	ends := 0
	for _, c := range between {
		switch c {
		case '\n':
			return nil
		case '。', '！', '？':
			ends++
		}
	}
	switch {
	case name == "":
		if ends > 1 {
			return nil
		}
	case prev.Name == "" || utf8.RuneCountInString(name) < 2:
		return nil
	case prev.Name != name && !strings.HasSuffix(prev.Name, name) && !strings.HasSuffix(name, prev.Name):
		return nil
	}
	return prev
}

// sameThing reports whether a figure in unit u, named by nothing, is of
// the thing the figure before it (in unit prev) measures: the same thing
// in another unit of its dimension (136063元（折合19105美元）) or its share
// (28.7亿人次（占28.3%）) or the same group counted again (20.9万户69.3万
// 人); a count after an amount of something else is of another thing
// ("供热面积190万平方米，使2.58万户…受益").
func sameThing(prev, u string) bool {
	return !measureWords[u] || measureWords[prev] || prev == "" // 20.9万户69.3万人: one group counted twice
}

// sharedFigure adds a record of figure q for each subject of a list that
// 均 ("all") gives the one figure ("肉蛋奶、蔬菜产量均突破百万吨",
// "解决率和满意率均超90%") and returns 1, or returns 0 when the clause of q
// (from cs) is no such list.
func (r *run) sharedFigure(s textSpan, sec headingPath, sbasis string, q quantity, cs, anchor int) int {
	text := r.text
	j := -1
	for k := q.Start - 1; k > cs && k >= q.Start-6; k-- {
		if text[k] == '均' {
			j = k
			break
		}
		if text[k] == '双' && k > cs && text[k-1] == '双' {
			j = k - 1 // 铁路、航空客运量双双超过千万人次
			break
		}
		if isClauseEnd(text[k]) {
			return 0
		}
	}
	// 均 alone, not in 人均, 平均, 年均, 均衡.
	if j <= cs || text[j] == '均' && (strings.ContainsRune("人平年日月户亩", text[j-1]) || j+1 < len(text) && strings.ContainsRune("衡匀等值", text[j+1])) {
		return 0
	}
	subjects := distributeSubjects(r.t.seg, splitSubjects(text[cs:j]))
	if len(subjects) < 2 || len(subjects) > 6 {
		return 0
	}
	c, isChange := changeBefore(text, anchor, q, sbasis)
	for _, subj := range subjects {
		rec := r.record(s, sec, q, anchor)
		rec.Name = subj
		if isChange {
			ownChange(&rec, c, q)
		}
		r.add(rec, q.Start)
	}
	return 1
}

// totalWordBefore returns the word that alone opens the clause of a
// figure at q and says it sums what came before (合计, 共计, 总计), or "".
func totalWordBefore(text []rune, lo, q int) string {
	clause := strings.TrimSpace(string(text[clauseStart(text, lo, q, true):q]))
	for _, w := range []string{"合计", "共计", "总计"} {
		if clause == w || clause == w+"为" || clause == w+"达" {
			return w
		}
	}
	return ""
}

// genericNames name a figure's aspect rather than a new indicator; a change
// of one belongs to the figure before it.
var genericNames = map[string]bool{"比重": true, "占比": true, "增速": true, "增幅": true, "比例": true, "总额": true, "总量": true, "规模": true}

// takeLevel gives prev, a rate-only record, the level q that follows it
// with no name of its own ("服务贸易进出口增长20.0%、总额1347.7亿美元")
// and reports whether it did.
func (r *run) takeLevel(prev *Indicator, name string, q quantity, anchor int) bool {
	if prev.Value != nil || prev.YoY == nil && prev.PP == nil || name == "" && q.Kind == kindPercent && prev.PP == nil {
		return false // a rate after a rate is a rate of its own
	}
	switch name {
	case "", "总额", "总量", "规模", "金额", "总值", "总计":
	default:
		return false
	}
	v := q.Value.Float64()
	std := q.Value.Mul(q.Scale).Float64()
	prev.Value, prev.StdValue, prev.Unit, prev.StdUnit = &v, &std, q.Unit, q.StdUnit
	prev.Bound = boundOf(r.text, anchor, q)
	if q.Max != nil {
		m := q.Max.Float64()
		prev.Max = &m
	}
	prev.Offset = r.origOffset(q.Start)
	r.starts[len(r.starts)-1] = q.Start
	prev.Page = r.doc.PageAt(prev.Offset)
	return true
}

// conversion reports whether record i states the figure before it in
// another unit ("136063元（折合19105美元）"): a change after it is the
// first one's.
func (r *run) conversion(i int) bool {
	return converted(r.text, r.starts[i])
}

// converted reports whether the figure that starts at text[start] stands
// in a remark in brackets that converts the figure before it into another
// unit: "（折合19105美元）", "（按年平均汇率折算为16381美元）".
func converted(text []rune, start int) bool {
	for i := start - 1; i >= 0 && i >= start-16; i-- {
		switch text[i] {
		case '（', '(':
			rest := string(text[i+1 : start])
			return strings.HasPrefix(rest, "合") || strings.Contains(rest, "折合") || strings.Contains(rest, "折算") ||
				strings.Contains(rest, "约合") || strings.Contains(rest, "相当于")
		case '）', ')', '，', '。', '；':
			return false
		}
	}
	return false
}

// sentenceText returns the text of sentence s, the same string for all
// the records of one sentence.
func (r *run) sentenceText(s textSpan) string {
	if s != r.said || r.saidText == "" {
		r.said, r.saidText = s, string(r.text[s.start:s.end])
	}
	return r.saidText
}

// origOffset returns the offset in doc.Text of rune i of r.text.
func (r *run) origOffset(i int) int {
	return r.orig.orig(i)
}

// add appends rec, whose figure starts at offset start of r.text, with its
// canonical name. A record whose name has no Chinese character, even
// after looking for the subject its sentence states elsewhere
// (unnamedName), is not added: a figure whose meaning cannot be told
// (a chart's axis tick, a number in a line of English) is no record.
func (r *run) add(rec Indicator, start int) {
	if !hasHan(rec.Name) {
		rec.Name = r.unnamedName(start)
		if !hasHan(rec.Name) {
			return
		}
	}
	r.starts = append(r.starts, start)
	rec.Name = r.qualify(r.refineName(rec.Name, start), start)
	if rec.Name != "" {
		rec.Canonical = r.t.cat.canonical(rec.Name)
	}
	r.out = append(r.out, rec)
}

// enumeration handles the figures listed after 分别 at the start of figs
// ("A、B、C分别增长5%、6%和7%") and returns how many it used, 0 if figs[0]
// opens no such list.
func (r *run) enumeration(s textSpan, sec headingPath, sbasis string, figs []quantity, anchor, first int) int {
	text := r.text
	q := figs[0]
	cs := clauseStart(text, anchor, q.Start, false)
	pos := strings.LastIndex(string(text[cs:q.Start]), "分别")
	explicit := pos >= 0
	if explicit {
		pos = cs + len([]rune(string(text[cs:q.Start])[:pos]))
	} else {
		pos = q.Start
	}
	n := 1
	for n < len(figs) && onlySeparators(text[figs[n-1].End:figs[n].Start]) &&
		(explicit || !strings.ContainsAny(string(text[figs[n-1].End:figs[n].Start]), "，,")) {
		n++
	}
	if n < 2 {
		return r.sharedFigure(s, sec, sbasis, q, cs, anchor)
	}
	c, isChange := changeBefore(text, anchor, q, sbasis)
	subjEnd := pos
	if isChange && c.start < pos {
		subjEnd = c.start
	}
	subjects := distributeSubjects(r.t.seg, splitSubjects(text[cs:subjEnd]))
	if len(subjects) == 1 && (strings.HasPrefix(subjects[0], "较") || strings.HasPrefix(subjects[0], "比")) {
		subjects = nil // 较“四经普”分别增长101%、81.8%: a basis, no subject
	}
	if len(subjects) == 0 && explicit && len(r.out) == first {
		// "国内游客人数、旅游收入均超过疫情前水平，同比分别增长87.5%、
		// 66.9%": the subjects stand in the clause before.
		subjects = listedBefore(text, s.start, cs, n)
	}
	// "2022-2024年归母净利润4.7、7.2、9.3亿元", "2019—2021年分别为…": a
	// span of as many years as figures dates them one by one. The span
	// stands after the figure before (anchor); a later list of as many
	// figures in the same sentence ("…，对应PE分别为40、26、20倍") is dated
	// by the same years. A list that continues one the figure before
	// belongs to is dated by none.
	years := yearsBefore(text, anchor, q.Start)
	if len(years) != n {
		years = nil
		if r.yearsAt == s.start && len(r.years) == n {
			years = r.years
		}
	}
	if anchor > s.start && onlySeparators(text[anchor:q.Start]) {
		years = nil
	}
	if years != nil {
		r.years, r.yearsAt = years, s.start
	}
	if !explicit && len(subjects) != n && (years == nil || len(subjects) > 1) {
		// "收储、供应土地6317.6亩、9079.5亩" lists as many subjects as
		// figures; anything else is no enumeration.
		return 0
	}
	if isChange && len(subjects) == 0 && len(r.out)-first >= n {
		recs := r.out[len(r.out)-n:]
		all := true
		for k := range recs {
			all = all && canTake(&recs[k], c, figs[k])
		}
		if all {
			for k := range recs {
				applyChange(&recs[k], c, figs[k])
			}
			return n
		}
	}
	// With no subject of their own, the figures are those of the records
	// before them: one by one when as many ("“上海标准”、“上海品牌”分别新增
	// 12项和44项，累计分别达到64项和288项"), else all of the last one
	// ("增长6.1%，分别高于全国、全区0.9、2个百分点").
	from := 0
	if isChange && len(subjects) == 0 && len(r.out) > first && comparedPlaces(text, c, q, n) &&
		canTake(&r.out[len(r.out)-1], c, q) {
		// "增长6.1%，分别高于全国、全区0.9、2个百分点": the first gap is
		// the figure's pp; the others stay records of the same figure.
		applyChange(&r.out[len(r.out)-1], c, q)
		from = 1
	}
	var prevNames []string
	if len(r.out)-first >= n && from == 0 {
		for _, rec := range r.out[len(r.out)-n:] {
			prevNames = append(prevNames, rec.Name)
		}
	} else if len(r.out) > first {
		for range n {
			prevNames = append(prevNames, r.out[len(r.out)-1].Name)
		}
	}
	for k := from; k < n; k++ {
		fq := figs[k]
		rec := r.record(s, sec, fq, anchor)
		switch {
		case len(subjects) == n:
			rec.Name = subjects[k]
		case len(subjects) > 0:
			rec.Name = subjects[min(k, len(subjects)-1)]
		case len(prevNames) == n:
			rec.Name = prevNames[k]
		}
		if years != nil {
			rec.Period = strconv.Itoa(years[k])
		}
		if isChange {
			fc := c
			if k > 0 {
				if own, ok := changeBefore(text, figs[k-1].End, fq, sbasis); ok {
					fc.sign = own.sign
				}
			}
			fc.kind = kindChange(fq.Kind, fc.kind)
			ownChange(&rec, fc, fq)
		}
		r.add(rec, fq.Start)
	}
	return n
}

// record returns the record of figure q with its value, unit, bound and
// context filled in; lo is where the words that may bound it begin.
func (r *run) record(s textSpan, sec headingPath, q quantity, lo int) Indicator {
	v := q.Value.Float64()
	std := q.Value.Mul(q.Scale).Float64()
	rec := Indicator{
		Doc:      r.doc.Name,
		Page:     r.doc.PageAt(r.origOffset(q.Start)),
		Section:  sec.path,
		Period:   periodOf(r.text, s, q.Start, sec, r.yearAt(r.origOffset(q.Start)), r.delivered),
		Value:    &v,
		Unit:     q.Unit,
		StdValue: &std,
		StdUnit:  q.StdUnit,
		Status:   statusOf(r.text, s, q.Start, sec, r.estFrom),
		Bound:    boundOf(r.text, lo, q),
		Sentence: r.sentenceText(s),
		Offset:   r.origOffset(q.Start),
	}
	if q.Max != nil {
		m := q.Max.Float64()
		rec.Max = &m
	}
	return rec
}
