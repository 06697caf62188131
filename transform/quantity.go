package transform

import "strings"

// A kind says what sort of unit a quantity has.
type kind int

const (
	kindBare     kind = iota // a number with no unit (50 of "50亿项目", "三次产业结构 3.6")
	kindAmount               // an amount with a unit: 元, 平方米, 个, 人次 …
	kindPercent              // %, ‰, 百分之…, 成
	kindPoints               // 个百分点 (percentage points)
	kindMultiple             // 倍, 番
)

// A quantity is one number-with-unit span found by the lexical scanner.
//
// Conventions beyond the pinned field comments:
//   - A number with a scale word but no unit ("50亿项目", "6600多万纳税人")
//     is kindBare with Unit = the scale word ("亿"), StdUnit "" and Scale
//     its value (1e8). Unit is "" only for a bare number with no scale word.
//   - Scale is 1 (not 0) when there is no scale word.
//   - 百分之八点五 is Value 8.5, Unit "%"; 千分之三 is 3 ‰; 两成 is Value 2,
//     Unit "成", StdUnit "%", Scale 10; a fraction 三分之一 is kindPercent,
//     Value 33.33 (rounded to 2 places, Approx About when inexact), Unit "%";
//     一半 is 50 %.
//   - 持平 (unchanged) is kindPercent Value 0, Unit "%": a change of 0.
//   - 翻一番 / 翻两番 is kindMultiple Value 2 / 4, Unit "倍" (the doubling is
//     converted; the span starts at 翻), and no figure (NotFigure name).
//   - Approximate numerals: 十几个 and 几十个 are Value 10, Approx Over;
//     数百 is 100 Over; 上千万 is Value 1000, Unit 万, Approx AtLeast;
//     五六百 and 两三个 are ranges (Value 500, Max 600).
//   - A leading minus written right before the digits ("增长-2.3%") makes
//     Value negative; a hyphen between two numbers is always a range.
//   - Numbers in a compound unit's denominator (/10万) are part of Unit.
type quantity struct {
	Start, End int      // rune offsets [Start, End) of the span in the scanned text: numerals, scale, unit, range
	Value      decimal  // value as written, numerals converted, scale word not multiplied in (15 of 15亿元); lower end of a range
	Max        *decimal // upper end of a range (in Unit), nil otherwise
	Unit       string   // unit as written, scale word included (亿元, 万平方米, %, 个百分点, 倍); "" for kindBare (but the scale word, 亿 of "50亿项目", when there is one)
	StdUnit    string   // Unit without its scale word (元, 平方米, %, ‰, 元/亩)
	Scale      decimal  // multiplier from Unit to StdUnit (1e8 for 亿元, 10 for 成)
	Kind       kind
	Approx     Bound  // bound implied inside the span (余, 多, 几 → Over); "" when none
	NotFigure  string // why the span is not a figure (year, date, ordinal, name …); "" for figures
}

// The reasons of quantity.NotFigure.
const (
	nfYear      = "year"      // 2020年, 2020-2021
	nfDate      = "date"      // 12月, 5日, 一季度, 1-11月
	nfDuration  = "duration"  // 三年, 6个月
	nfOrdinal   = "ordinal"   // 第二, 第三届, 一期, 二次会议
	nfName      = "name"      // 十四五, PM2.5, 5G, C919, 500强
	nfFootnote  = "footnote"  // [2]
	nfList      = "list"      // （1）, 1. at a paragraph or sentence start
	nfArticle   = "article"   // 一个, 一批: "a", not a count
	nfPage      = "page"      // — 13 —
	nfMalformed = "malformed" // digits that do not form a number
)

// scanQuantities returns the quantity spans of text in order, figures and
// non-figures (NotFigure set) alike. Spans do not overlap. It makes one
// pass over text (linear time), never panics, and does not keep text.
//
// Bare Chinese numerals with no unit, scale word or percent form (一是,
// 三中全会, 十分) are not returned at all: they are almost never figures.
func scanQuantities(text []rune) []quantity {
	out := make([]quantity, 0, len(text)/64+4) // reports have a span every 80 runes or so
	for i := 0; i < len(text); {
		if p, ok := protectedAt(text, i); ok && !boundPlace(text, i) {
			if p.emit {
				out = append(out, quantity{Start: i, End: i + p.n, Scale: one, NotFigure: nfName})
			}
			i += p.n
			continue
		}
		if flatAt(text, i) {
			out = append(out, quantity{Start: i, End: i + 2, Value: decimalInt(0), Unit: "%", StdUnit: "%", Scale: one, Kind: kindPercent})
			i += 2
			continue
		}
		if !mayStart(text, i) {
			i++
			continue
		}
		q, next, ok := scanRange(text, i)
		if ok {
			classify(text, &q)
			out = append(out, q)
		}
		if next <= i {
			next = i + 1
		}
		i = next
	}
	shareUnits(text, out)
	return out
}

// shareUnits gives the numbers listed before a figure the unit they
// share with it, written once: in "分别高于全国12.7个、12个百分点" the
// first 个 is short for 个百分点, and "分别增加0.2、2.1平方米" is 0.2 平方米
// and 2.1 平方米.
func shareUnits(text []rune, qs []quantity) {
	for k := len(qs) - 2; k >= 0; k-- {
		q, next := &qs[k], qs[k+1]
		if q.NotFigure != "" || next.NotFigure != "" || next.Start-q.End != 1 || !strings.ContainsRune("、和与及", text[q.End]) {
			continue
		}
		switch {
		case q.Unit == "个" && next.Kind == kindPoints && next.Unit == "个百分点":
			q.Unit, q.StdUnit, q.Kind = "个百分点", "个百分点", kindPoints
		case q.Kind == kindBare && q.Unit == "" && q.Max == nil && next.Kind != kindBare && next.Max == nil &&
			isArabicDigit(at(text, q.Start)) && isArabicDigit(at(text, next.Start)) && !atClauseStart(text, q.Start):
			q.Unit, q.StdUnit, q.Kind, q.Scale = next.Unit, next.StdUnit, next.Kind, next.Scale
		}
	}
}

// flatAt reports whether the word 持平 ("unchanged": a change of 0 %)
// ending a clause starts at text[i]: not 保持平稳 or 支持平煤集团, and not
// 基本持平 ("about unchanged", no figure).
func flatAt(text []rune, i int) bool {
	if !hasPrefix(text, i, "持平") || isHan(at(text, i+2)) {
		return false
	}
	if i > 0 && strings.ContainsRune("保维坚扶支主", text[i-1]) {
		return false
	}
	return !(i >= 2 && (hasPrefix(text, i-2, "基本") || hasPrefix(text, i-2, "大体") || hasPrefix(text, i-2, "大致")))
}

// boundPlace reports whether text[i] is a place word right after a bound
// word: 近万家企业 counts about 10 000 企业, though 万家 alone is a word.
func boundPlace(text []rune, i int) bool {
	return i > 0 && isPlaceRune(text[i]) && strings.ContainsRune("近约逾超", text[i-1])
}

// one is the decimal 1.
var one = decimalInt(1)

// mayStart reports whether a quantity may start at text[i].
func mayStart(text []rune, i int) bool {
	r := text[i]
	if isArabicDigit(r) {
		return i == 0 || !isArabicDigit(text[i-1])
	}
	switch r {
	case '-', '－', '−':
		return i+1 < len(text) && isArabicDigit(text[i+1]) && (i == 0 || !isAlnum(text[i-1]) || afterWord(text, i))
	case '十', '拾', '几', '数', '上', '百', '千', '万', '翻':
		return true
	}
	_, ok := chineseDigit(r)
	return ok
}

// afterWord reports whether text[i], a hyphen, follows a lower-case
// Latin word of four letters or more: the hyphen of "Operating
// temperature-20 ~ 55℃" is a minus sign run into the word before it,
// while names keep theirs (COVID-19, F-16, SARS-CoV-2).
func afterWord(text []rune, i int) bool {
	n := 0
	for k := i - 1; k >= 0 && text[k] >= 'a' && text[k] <= 'z'; k-- {
		n++
	}
	return n >= 4 && (i-n == 0 || !isAlnum(text[i-n-1]))
}

// A numRun is a numeral read from the text.
type numRun struct {
	start, end int    // span in the text, approximation words and inner spaces included
	clean      []rune // the numeral alone: no approximation word, space or sign
	approx     Bound
	chinese    bool // has a Chinese digit or starts with 几/数/上
	arabic     bool // has an Arabic digit
	neg        bool
	seq        int // index in clean of the second digit of 五六百, -1 if none
}

// readNumber reads the numeral at text[i].
func readNumber(text []rune, i int) (numRun, bool) {
	r := numRun{start: i, seq: -1}
	j := i
	if j < len(text) && (text[j] == '-' || text[j] == '－' || text[j] == '−') {
		r.neg = true
		j++
	}
	// 几十, 数百, 上千万: an approximate count of a place.
	if j+1 < len(text) && !r.neg {
		if _, ok := placePower(text[j+1]); ok {
			switch text[j] {
			case '几', '数':
				r.approx, r.chinese = Over, true
				j++
			case '上':
				// 上千万 is at least 1e7; but 以上百亿元 is 以上 + 百亿元.
				if text[j+1] != '十' && (j == 0 || !strings.ContainsRune("以之向线史界网马市面场路", text[j-1])) {
					r.approx, r.chinese = AtLeast, true
					j++
				}
			}
		}
	}
	lastArabic, lastDigit := false, false
	for j < len(text) {
		c := text[j]
		switch {
		case isArabicDigit(c):
			if lastArabic || (lastDigit && len(r.clean) > 0) {
				goto done
			}
			e, _ := arabicEnd(text, j)
			for _, d := range text[j:e] {
				switch {
				case d >= '０' && d <= '９':
					d = '0' + d - '０'
				case d == '．':
					d = '.'
				case d == ',':
					continue
				}
				r.clean = append(r.clean, d)
			}
			r.arabic, lastArabic, lastDigit = true, true, true
			j = e
			continue
		case isChineseDigitRune(c):
			if lastArabic {
				goto done
			}
			if c == '两' && lastDigit {
				goto done
			}
			r.clean = append(r.clean, c)
			r.chinese, lastDigit = true, true
		case isPlaceRune(c):
			if len(r.clean) == 0 && r.approx == "" {
				// Only 十 starts a numeral alone (十个); 百亿, 千亿 need a
				// second place word (checked by the caller).
				// Also 百余家, 千多人, and 近百个, 超万家 after a bound word.
				if c != '十' && c != '拾' && (j+1 >= len(text) || !isPlaceRune(text[j+1])) {
					next := rune(0)
					if j+1 < len(text) {
						next = text[j+1]
					}
					_, _, un := unitAt(text, j+1)
					bounded := j > 0 && strings.ContainsRune("近约逾超", text[j-1]) && un > 0
					if next != '余' && next != '多' && !bounded {
						goto done
					}
				}
				r.chinese = true
			}
			if _, _, n := unitAt(text, j); n > 0 {
				goto done // 千瓦, 千米, 百分点: the unit's
			}
			if hasPrefix(text, j+1, "分之") {
				goto done // 百分之, 千分之 after a number: a fraction
			}
			r.clean = append(r.clean, c)
			lastArabic, lastDigit = false, false
		case (c == '点' || c == '點') && r.chinese && !lastArabic && len(r.clean) > 0:
			if j+1 >= len(text) || !isChineseDigitRune(text[j+1]) {
				goto done
			}
			r.clean = append(r.clean, '点')
			lastDigit = false
		case (c == '余' || c == '多' || c == '几') && len(r.clean) > 0:
			if j+1 >= len(text) {
				goto done
			}
			next := text[j+1]
			if _, _, n := unitAt(text, j+1); n == 0 && !isPlaceRune(next) && !isPlaceRune(r.clean[len(r.clean)-1]) {
				goto done // 3万多居民 is approximate, 3多 is not
			}
			if c == '几' && !isPlaceRune(r.clean[len(r.clean)-1]) {
				goto done // 五几 is not a numeral
			}
			r.approx = Over
			lastArabic, lastDigit = false, false
		case (isSpace(c) || c == '\n' || c == '\r') && lastArabic:
			k := skipGap(text, j)
			if k < len(text) && isPlaceRune(text[k]) {
				if _, _, n := unitAt(text, k); n == 0 {
					j = k
					continue
				}
			}
			goto done
		default:
			goto done
		}
		j++
	}
done:
	r.end = j
	// Do not end on an approximation word or a space.
	if len(r.clean) == 0 || (r.approx == "" && r.end == r.start) {
		return r, false
	}
	// 五六百, 两三个: two consecutive digits in a row.
	// Only one such pair, and not in a positional year (一九七八).
	if r.chinese && (len(r.clean) == 2 || !isPositional(r.clean)) {
		pairs := 0
		for k := 0; k+1 < len(r.clean); k++ {
			a, ok1 := chineseDigit(r.clean[k])
			b, ok2 := chineseDigit(r.clean[k+1])
			if ok1 && ok2 && a > 0 && b == a+1 && r.clean[k] != '〇' {
				r.seq = k + 1
				pairs++
			}
		}
		if pairs > 1 {
			r.seq = -1
		}
	}
	return r, true
}

// isChineseDigitRune reports whether r is a Chinese digit.
func isChineseDigitRune(r rune) bool {
	_, ok := chineseDigit(r)
	return ok
}

// isPlaceRune reports whether r is a Chinese place word (十 百 千 万 亿).
func isPlaceRune(r rune) bool {
	_, ok := placePower(r)
	return ok
}

// hasPrefix reports whether text[i:] starts with s.
func hasPrefix(text []rune, i int, s string) bool {
	for _, r := range s {
		if i >= len(text) || text[i] != r {
			return false
		}
		i++
	}
	return true
}

// splitScale splits the trailing scale word off the numeral clean and
// returns the number before it, the scale word and its power of ten. For
// Arabic numerals the whole trailing run of place words is the scale word
// (3千万 → 3, 千万); for Chinese ones only 万, 亿 or 万亿 (三千万 → 3000, 万),
// and only when the split keeps the value (一万五千亿 → 15000, 亿).
func splitScale(clean []rune, arabicOnly bool) (decimal, string, int, bool) {
	whole, ok := parseNumeral(clean)
	if !ok {
		return decimal{}, "", 0, false
	}
	tail := 0
	for tail < len(clean) && isPlaceRune(clean[len(clean)-1-tail]) {
		tail++
	}
	for n := min(tail, 3); n >= 1; n-- {
		s := string(clean[len(clean)-n:])
		pow, ok := scalePowers[s]
		if !ok {
			continue
		}
		if !arabicOnly && s != "万" && s != "亿" && s != "万亿" {
			continue
		}
		v, ok := parseNumeral(clean[:len(clean)-n])
		if !ok || !v.Shift(pow).Equal(whole) {
			continue
		}
		return v, s, pow, true
	}
	return whole, "", 0, true
}

// A part is one quantity before ranges are joined, with what is needed
// to join them.
type part struct {
	q        quantity
	scalePow int
	unitStd  string // standard unit without the 成 factor
	chinese  bool   // written in Chinese numerals only
	bare     bool   // no unit and no scale word
	emit     bool   // worth returning on its own
}

// scanPart reads one quantity (no range) at text[i] and returns it with
// the index where scanning continues.
func scanPart(text []rune, i int) (part, int, bool) {
	// Percent and fraction forms written before the number.
	for _, pre := range [...]struct{ word, std string }{{"百分之", "%"}, {"千分之", "‰"}, {"万分之", "‱"}} {
		if hasPrefix(text, i, pre.word) {
			r, ok := readNumber(text, i+3)
			if !ok || r.neg {
				return part{}, i + 3, false
			}
			v, ok := parseNumeral(r.clean)
			if !ok {
				return part{}, r.end, false
			}
			q := quantity{Start: i, End: r.end, Value: v, Unit: pre.std, StdUnit: pre.std, Scale: one, Kind: kindPercent, Approx: r.approx}
			return part{q: q, unitStd: pre.std, emit: true}, r.end, true
		}
	}
	if hasPrefix(text, i, "一半") {
		q := quantity{Start: i, End: i + 2, Value: decimalInt(50), Unit: "%", StdUnit: "%", Scale: one, Kind: kindPercent}
		return part{q: q, unitStd: "%", emit: true}, i + 2, true
	}
	if text[i] == '翻' {
		at := i + 1
		if at < len(text) && text[at] == '了' {
			at++ // 翻了一番
		}
		r, ok := readNumber(text, at)
		if !ok || r.end >= len(text) || text[r.end] != '番' {
			return part{}, i + 1, false
		}
		n, ok := parseNumeral(r.clean)
		k, okInt := n.Int64()
		if !ok || !okInt || k < 1 || k > 60 {
			return part{}, r.end, false
		}
		// The shape of a goal rather than a figure written: no record
		// (the labels skip 翻一番, dev-038), but no number either.
		q := quantity{Start: i, End: r.end + 1, Value: decimalInt(1 << k), Unit: "倍", StdUnit: "倍", Scale: one, Kind: kindMultiple, NotFigure: nfName}
		return part{q: q, unitStd: "倍", emit: true}, r.end + 1, true
	}

	r, ok := readNumber(text, i)
	if !ok {
		end := r.end
		if end <= i {
			end = i + 1
		}
		return part{}, end, false
	}
	chineseOnly := r.chinese && !r.arabic

	// A fraction: 三分之一 (of 100: kindPercent).
	if hasPrefix(text, r.end, "分之") && r.seq < 0 && r.approx == "" {
		den, ok1 := parseNumeral(r.clean)
		nr, ok2 := readNumber(text, r.end+2)
		if ok1 && ok2 && nr.seq < 0 && !den.IsZero() {
			if num, ok := parseNumeral(nr.clean); ok {
				v, inexact, _ := num.Mul(decimalInt(100)).quoRound(den, 2)
				q := quantity{Start: i, End: nr.end, Value: v, Unit: "%", StdUnit: "%", Scale: one, Kind: kindPercent}
				if inexact {
					q.Approx = About
				}
				return part{q: q, unitStd: "%", emit: true}, nr.end, true
			}
		}
		return part{}, r.end + 2, false
	}

	// The number and its scale word; 五六百 gives two numbers.
	var lo, hi decimal
	var hiSet bool
	var scaleWord string
	var pow int
	if r.seq >= 0 {
		loClean := append(append([]rune(nil), r.clean[:r.seq]...), r.clean[r.seq+1:]...)
		hiClean := append(append([]rune(nil), r.clean[:r.seq-1]...), r.clean[r.seq:]...)
		var ok1, ok2 bool
		lo, scaleWord, pow, ok1 = splitScale(loClean, false)
		var hiWord string
		hi, hiWord, _, ok2 = splitScale(hiClean, false)
		if !ok1 || !ok2 || hiWord != scaleWord {
			return part{}, r.end, false
		}
		hiSet = true
	} else {
		var ok bool
		lo, scaleWord, pow, ok = splitScale(r.clean, !r.chinese)
		if !ok {
			if chineseOnly {
				return part{}, r.end, false
			}
			q := quantity{Start: i, End: r.end, Scale: one, NotFigure: nfMalformed}
			return part{q: q, bare: true, emit: true}, r.end, true
		}
	}
	if r.neg {
		lo = lo.Neg()
	}

	q := quantity{Start: i, End: r.end, Value: lo, Scale: decimalPow10(pow), Approx: r.approx}
	if hiSet {
		h := hi
		q.Max = &h
	}
	p := part{chinese: chineseOnly, scalePow: pow}

	// The unit, after optional spaces or a line wrap.
	k := skipGap(text, r.end)
	if k > r.end && !isUnitStart(text, k) && at(text, k) != '成' {
		k = r.end
	}
	dateUnit := ""
	if pow == 0 && lo.IsInt() && r.approx == "" {
		for _, du := range [...]string{"月份", "月", "日", "号", "季度"} {
			if !hasPrefix(text, k, du) {
				continue
			}
			if (du == "日" || du == "号") && (i == 0 || text[i-1] != '月') {
				break // 平均住院日8日 is 8 days; 5日 is a date after a month
			}
			dateUnit = du
			break
		}
	}
	switch {
	case dateUnit != "":
		q.Unit, q.StdUnit, q.Kind, q.NotFigure = dateUnit, dateUnit, kindAmount, nfDate
		q.End = k + len([]rune(dateUnit))
		p.unitStd = dateUnit
	case k < len(text) && text[k] == '成' && isChengUnit(text, k):
		q.Unit, q.StdUnit, q.Kind = scaleWord+"成", "%", kindPercent
		q.Scale = q.Scale.Mul(decimalInt(10))
		q.End = k + 1
		if d, ok := chineseDigit(at(text, k+1)); ok && d > 0 && chineseOnly && pow == 0 && q.Max == nil && !isNumeralRune(at(text, k+2)) && !isUnitStart(text, k+2) {
			// 三成五 is 3.5成.
			q.Value = q.Value.Add(decimalInt(int64(d)).Shift(-1))
			q.End = k + 2
		}
		p.unitStd = "成"
	default:
		if u, ok := readUnit(text, k); ok {
			q.Unit, q.StdUnit, q.Kind, q.NotFigure = scaleWord+u.written, u.std, u.info.kind, u.info.notFigure
			q.End = u.end
			p.unitStd = u.std
			if u.std == "个千分点" {
				q.StdUnit = "‰" // see unitTable
			}
			if chineseOnly && u.written == "期" {
				q.NotFigure = nfOrdinal // 一期, 二期工程
			}
			if chineseOnly && u.written == "元" && pow == 0 && r.approx == "" && (isHan(at(text, u.end)) || at(text, u.end) == '、') {
				// 三元布局, 二元结构: parts of a whole; 引导三元、元盛等企业:
				// a firm's name. No sum of money is written so.
				q.NotFigure = nfName
			}
			if chineseOnly && u.written == "次" && followedByMeeting(text, u.end) {
				q.NotFigure = nfOrdinal // 二次会议, 九次全委会
			}
			if chineseOnly && string(r.clean) == "一" && u.info.measure && pow == 0 && r.approx == "" && q.NotFigure == "" {
				q.NotFigure = nfArticle
			}
			if chineseOnly && u.info.measure && pow == 0 && i > 0 && text[i-1] == '“' {
				q.NotFigure = nfName // “两个确保”, “三支队伍”
			}
		} else {
			q.Unit, q.Kind = scaleWord, kindBare
			p.bare = scaleWord == ""
		}
	}
	if q.Unit == "" && q.NotFigure == "" && q.Kind == kindBare {
		q.StdUnit = ""
	}
	p.q = q
	// Bare Chinese numerals are not figures and not worth a span, except
	// positional years (二〇二〇年 is handled by its 年 unit above).
	p.emit = !(chineseOnly && p.bare) && !(chineseOnly && allZero(r.clean)) &&
		!(len(r.clean) == 1 && isFinancialDigit(r.clean[0])) // 大陆, 队伍
	if placeOnly(r.clean) && r.approx == "" && q.Kind == kindBare && (len(r.clean) < 2 || r.clean[len(r.clean)-1] != '亿') || placeOnly(r.clean) && len(r.clean) == 1 && q.Kind == kindBare {
		p.emit = false // 千万不要, 百万: words; but 百亿次, 千亿台阶 are figures
	}
	if chineseOnly && r.seq < 0 && isPositional(r.clean) && q.Unit != "年" {
		p.emit = false
	}
	return p, q.End, true
}

// isFinancialDigit reports whether r is a financial digit (壹 … 玖); alone,
// most of them are ordinary words' runes (陆续, 队伍).
func isFinancialDigit(r rune) bool {
	return strings.ContainsRune("壹贰貳叁參肆伍陆陸柒捌玖", r)
}

// followedByMeeting reports whether text[i:] names a meeting, making the
// count before it an ordinal (十四届九次全委会).
func followedByMeeting(text []rune, i int) bool {
	for _, w := range [...]string{"会议", "全会", "全体会议", "全委会", "党代会", "代表大会", "常委会", "集体学习"} {
		if hasPrefix(text, i, w) {
			return true
		}
	}
	return false
}

// skipGap skips what may stand between a number and its scale word or
// unit: a few spaces and at most one line break, as left by a line wrap in
// a copied text ("31.46万\n户").
func skipGap(text []rune, i int) int {
	k := i
	for k < len(text) && k-i < 3 && isSpace(text[k]) {
		k++
	}
	if k < len(text) && text[k] == '\r' {
		k++
	}
	if k < len(text) && text[k] == '\n' {
		k++
		for j := k; k < len(text) && k-j < 3 && isSpace(text[k]); k++ {
		}
	}
	return k
}

// at returns text[i], or 0 beyond the text.
func at(text []rune, i int) rune {
	if i < 0 || i >= len(text) {
		return 0
	}
	return text[i]
}

// isUnitStart reports whether a unit of the lexicon starts at text[i].
func isUnitStart(text []rune, i int) bool {
	_, _, n := unitAt(text, i)
	return n > 0
}

// placeOnly reports whether clean has place words and no digit (百亿).
func placeOnly(clean []rune) bool {
	for _, r := range clean {
		if !isPlaceRune(r) {
			return false
		}
	}
	return true
}

// allZero reports whether clean is only 零 and 〇 (零部件, 零增长).
func allZero(clean []rune) bool {
	for _, r := range clean {
		if r != '零' && r != '〇' {
			return false
		}
	}
	return true
}

// isPositional reports whether clean is a Chinese digit string with no
// place word and more than one digit (二〇二〇).
func isPositional(clean []rune) bool {
	if len(clean) < 2 {
		return false
	}
	for _, r := range clean {
		if !isChineseDigitRune(r) {
			return false
		}
	}
	return true
}

// isChengUnit reports whether the 成 at text[k] is the unit "tenth"
// (两成, 三成五) rather than the start of a word (成立, 成为, 成果).
func isChengUnit(text []rune, k int) bool {
	if k+1 >= len(text) {
		return true
	}
	switch text[k+1] {
	case '立', '为', '果', '效', '本', '功', '交', '就', '绩', '熟', '长', '员', '都', '品', '型', '份', '分', '片', '批', '套', '像', '了', '的', '年', '才', '色', '材':
		return false
	}
	return true
}

// isRangeSep returns the length of a range separator at text[i], or 0.
func isRangeSep(text []rune, i int) int {
	if i >= len(text) {
		return 0
	}
	switch text[i] {
	case '-', '－', '–', '~', '～', '〜', '至', '到':
		return 1
	case '—':
		if i+1 < len(text) && text[i+1] == '—' {
			return 2
		}
		return 1
	}
	return 0
}

// scanRange reads a quantity at text[i], joining "A-B", "A至B" and "A到B"
// into one range.
func scanRange(text []rune, i int) (quantity, int, bool) {
	if end, ok := isoDate(text, i); ok {
		v, _, _ := parseArabic(text, i)
		return quantity{Start: i, End: end, Value: v, Unit: "", Scale: one, NotFigure: nfDate}, end, true
	}
	if q, end, ok := listedRange(text, i); ok {
		return q, end, true
	}
	p1, next, ok := scanPart(text, i)
	if !ok {
		return quantity{}, next, false
	}
	if p1.q.NotFigure == "" || p1.q.NotFigure == nfDate || (p1.bare && p1.q.NotFigure == "") {
		if q, end, ok := joinRange(text, p1); ok {
			return q, end, true
		}
	}
	if !p1.emit {
		return quantity{}, next, false
	}
	return p1.q, next, true
}

// listedRange reads a range written as two consecutive Chinese digits
// listed before one place word ("二、三百亿度" is 200 to 300 亿度): the
// first digit shares the place word and unit of the second.
func listedRange(text []rune, i int) (quantity, int, bool) {
	d1, ok1 := chineseDigit(at(text, i))
	d2, ok2 := chineseDigit(at(text, i+2))
	if !ok1 || !ok2 || d1 < 1 || d2 != d1+1 || at(text, i+1) != '、' || !isPlaceRune(at(text, i+3)) {
		return quantity{}, 0, false
	}
	p2, end, ok := scanPart(text, i+2)
	if !ok || !p2.emit || !p2.chinese || p2.q.Max != nil || p2.q.NotFigure != "" {
		return quantity{}, 0, false
	}
	// Read the first end as if written in full: 二百亿度.
	alt := append([]rune(nil), text[i+2:p2.q.End]...)
	alt[0] = text[i]
	p1, _, ok := scanPart(alt, 0)
	if !ok || p1.q.Unit != p2.q.Unit || p1.q.End != len(alt) {
		return quantity{}, 0, false
	}
	q := p2.q
	q.Start = i
	q.Value = p1.q.Value
	hi := p2.q.Value
	q.Max = &hi
	return q, end, true
}

// isoDate reports whether a numeric date (2026-02-12, 2024.12.31,
// 2024/1/5, 2024-03) starts at text[i] and returns its end.
func isoDate(text []rune, i int) (int, bool) {
	j := i
	for j < len(text) && j-i < 5 && isArabicDigit(text[j]) {
		j++
	}
	if j-i != 4 {
		return 0, false
	}
	if v, _, _ := parseArabic(text, i); !isYear(v) {
		return 0, false
	}
	if j >= len(text) {
		return 0, false
	}
	sep := text[j]
	if sep != '-' && sep != '.' && sep != '/' && sep != '－' {
		return 0, false
	}
	parts := 0
	for parts < 2 && j < len(text) && text[j] == sep {
		k := j + 1
		for k < len(text) && k-j <= 3 && isArabicDigit(text[k]) {
			k++
		}
		n := k - j - 1
		if n < 1 || n > 2 || (k < len(text) && isArabicDigit(text[k])) {
			break
		}
		v, _, _ := parseArabic(text, j+1)
		lim := int64(12)
		if parts == 1 {
			lim = 31
		}
		if m, ok := v.Int64(); !ok || m < 1 || m > lim {
			break
		}
		j = k
		parts++
	}
	// 2024-03 alone could be a range of years' end (2024-25): require a
	// separator other than "-" or a full date.
	if parts == 2 || (parts == 1 && sep != '-' && sep != '－' && sep != '.') {
		return j, true
	}
	return 0, false
}

// joinRange tries to read "-B", "至B" or "到B" after p1 and join them.
func joinRange(text []rune, p1 part) (quantity, int, bool) {
	q1 := p1.q
	if q1.Max != nil || p1.q.Approx != "" {
		return quantity{}, 0, false
	}
	k := q1.End
	for k < len(text) && k-q1.End < 2 && isSpace(text[k]) {
		k++
	}
	n := isRangeSep(text, k)
	if n == 0 {
		return quantity{}, 0, false
	}
	sep := text[k]
	if k > q1.End && sep != '至' && sep != '到' && sep != '~' && sep != '～' {
		return quantity{}, 0, false // "356605	-2.0": a minus sign in the next column
	}
	s := k + n
	for s < len(text) && s-(k+n) < 2 && isSpace(text[s]) {
		s++
	}
	if _, ok := protectedAt(text, s); ok {
		return quantity{}, 0, false // 一到五台山
	}
	if s >= len(text) || !mayStart(text, s) || text[s] == '-' || text[s] == '－' || text[s] == '−' || text[s] == '翻' {
		return quantity{}, 0, false
	}
	p2, end, ok := scanPart(text, s)
	if !ok || p2.q.Max != nil || p2.q.NotFigure == nfMalformed || p2.q.Value.Sign() < 0 {
		return quantity{}, 0, false
	}
	q2 := p2.q
	if p1.chinese != p2.chinese {
		return quantity{}, 0, false
	}
	if (sep == '到' || sep == '至') && p2.bare && (p1.chinese || !p1.bare) {
		return quantity{}, 0, false
	}
	out := q2
	out.Start = q1.Start
	switch {
	case p1.q.NotFigure == nfDate || p2.q.NotFigure == nfDate:
		// 1-11月, 1月至11月: a date range.
		if p1.q.NotFigure != nfDate && !p1.bare {
			return quantity{}, 0, false
		}
		out.NotFigure = nfDate
		out.Value = q1.Value
		m := q2.Value
		out.Max = &m
		return out, end, true
	case p1.bare:
		// 3至5亿元, 5-6%: the unit of the second end applies to both.
		out.Value = q1.Value
	case q1.Kind == kindBare && p1.scalePow > 0 && (p2.bare || q2.Unit != ""):
		// 3亿至5亿元: convert 3亿 into the unit of 5亿元.
		if q2.Kind == kindPercent || q2.Kind == kindPoints || q2.Kind == kindMultiple {
			return quantity{}, 0, false
		}
		out.Value = q1.Value.Shift(p1.scalePow - p2.scalePow)
	case q1.Kind == kindBare:
		return quantity{}, 0, false
	default:
		if p1.unitStd != p2.unitStd || q1.NotFigure != q2.NotFigure {
			return quantity{}, 0, false
		}
		out.Value = q1.Value.Shift(p1.scalePow - p2.scalePow)
	}
	if q2.Approx != "" {
		out.Approx = q2.Approx
	}
	m := q2.Value
	out.Max = &m
	return out, end, true
}

// classify sets NotFigure from the context of q in text.
// unitNoteBefore reports whether a unit note ("单位：", "金额单位:")
// ends right before start; without its colon 单位 is a name.
func unitNoteBefore(text []rune, start int) bool {
	i := start
	for i > 0 && isBlankRune(text[i-1]) {
		i--
	}
	if i == 0 || text[i-1] != '：' && text[i-1] != ':' {
		return false // 单位5.4万户 counts units (法人单位)
	}
	i--
	return i >= 2 && text[i-2] == '单' && text[i-1] == '位'
}

func classify(text []rune, q *quantity) {
	before, after := rune(0), rune(0)
	if q.Start > 0 {
		before = text[q.Start-1]
	}
	if q.End < len(text) {
		after = text[q.End]
	}
	switch {
	case q.NotFigure == nfName || q.NotFigure == nfMalformed:
		return
	case before == '第' && q.NotFigure != nfDate:
		q.NotFigure = nfOrdinal
		return
	case (before == '（' || before == '(') && (after == '）' || after == ')') && (q.StdUnit == "类" || q.StdUnit == "款" || q.StdUnit == "项"):
		q.NotFigure = nfName // 公共安全支出（204类）司法（06款）: a classification code
		return
	case q.StdUnit == "年" && listedYear(text, *q):
		q.NotFigure = nfList // 7．2025年预算表: a list number run into a year
		return
	case (before == '.' || before == '．') && isArabicDigit(at(text, q.Start-2)):
		q.NotFigure = nfList // the last part of 第1.2.1条, 1.4.1节: a section number
		return
	case unitNoteBefore(text, q.Start):
		q.NotFigure = nfName // 单位：百万元: the unit of a table, not a hundred 万元
		return
	case q.StdUnit == "分" && (before == '时' || before == '点') && isArabicDigit(at(text, q.Start-2)):
		q.NotFigure = nfDate // 9时30分, 8点20分: a time of day, not a score
		return
	case q.StdUnit == "分" && !isWesternDigit(at(text, q.Start)):
		q.NotFigure = nfName // 每一分钱, 一分成绩: a word, not a score
		return
	case q.StdUnit == "分" && hasSuffixRunes(text, max(0, q.Start-2), q.Start, "满分"):
		q.NotFigure = nfName // 满分100分: the scale of a score, not a score
		return
	}
	if q.Unit == "年" || (q.Unit == "" && q.Max != nil && q.Kind == kindBare) || q.NotFigure == nfDuration {
		if isYear(q.Value) && (q.Max == nil || isYear(*q.Max)) && q.Approx == "" && (q.Unit == "年" || q.Max != nil) {
			q.NotFigure = nfYear
			return
		}
	}
	if q.StdUnit == "分钟" && circleFollows(text, q.End) || q.StdUnit == "小时" && q.Value.String() == "24" && (isHan(after) || after == '“') {
		q.NotFigure = nfName // 15分钟医疗服务圈, 24小时“不打烊”: a service's reach or hours
		return
	}
	if q.StdUnit == "千伏" && (isHan(after) || after == '“') {
		q.NotFigure = nfName // 750千伏河西走廊北通道工程: a voltage class
		return
	}
	if q.Kind == kindAmount && q.NotFigure == "" && capacityInName(text, *q) {
		q.NotFigure = nfName // 大唐5万千瓦风电项目, 年产3000辆专用车项目: a capacity in a name
		return
	}
	if q.Kind == kindAmount && q.NotFigure == "" && inProgramName(text, *q) {
		q.NotFigure = nfName
		return
	}
	if q.NotFigure == nfDuration && !q.Value.IsInt() {
		q.NotFigure = "" // 平均受教育年限10.23年 is a measure
	}
	if q.NotFigure != "" {
		return
	}
	if q.Kind == kindBare && q.Unit == "" && q.Max == nil && isYear(q.Value) && yearListFollows(text, q.End) {
		q.NotFigure = nfYear // 1998、1999年
		return
	}
	if q.Kind == kindBare {
		prev := before
		for k := q.Start - 1; k >= 0 && isSpace(prev) && k > q.Start-3; k-- {
			prev = text[k]
		}
		switch {
		case isLatin(before) || isLatin(after) || before == '_' || before == '.' || after == '.' && q.End+1 < len(text) && isLatin(text[q.End+1]):
			q.NotFigure = nfName // C919, 5G, H5N1, V2.0, PM_2.5
		case before == '+' || after == '+' || (before == '“' && after == '”'):
			q.NotFigure = nfName // “1+5+N”, “1530”工程
		case q.Unit == "" && (prev == '图' || prev == '表' || prev == '附'):
			q.NotFigure = nfName // 图 9, 表2
		case q.Unit == "" && (hasPrefix(text, q.End, "国道") || hasPrefix(text, q.End, "省道") || hasPrefix(text, q.End, "号线")):
			q.NotFigure = nfName // 234国道
		case isDash(before) && isDash(after) || isDash(prev) && q.End+1 < len(text) && isSpace(after) && isDash(text[q.End+1]):
			q.NotFigure = nfPage // — 13 —
		case after == '强':
			q.NotFigure = nfName // 世界500强
		case (before == '[' || before == '［' || before == '〔') && (after == ']' || after == '］' || after == '〕'):
			q.NotFigure = nfFootnote
		case (before == '(' || before == '（') && (after == ')' || after == '）'):
			q.NotFigure = nfList
		case q.Unit == "" && atClauseStart(text, q.Start) && (after == '、' || after == '.' || after == '．' || after == ')' || after == '）'):
			q.NotFigure = nfList
		}
	}
}

// listedYear reports whether q, read as a decimal number of years, is a
// list number run into a year ("7．2025年", "5.2024年"): one or two
// digits, a point, and four digits that make a year.
func listedYear(text []rune, q quantity) bool {
	i := q.Start
	for i < q.End && isArabicDigit(text[i]) {
		i++
	}
	if i-q.Start > 2 || i >= q.End || text[i] != '.' && text[i] != '．' {
		return false
	}
	y, n := yearDigits(text, i+1)
	return y != 0 && at(text, i+1+n) == '年'
}

// circleFollows reports whether the words from text[i] name a service
// circle ("15分钟医疗服务圈", "城市15分钟、农村30分钟医疗服务圈").
func circleFollows(text []rune, i int) bool {
	for k := i; k < len(text) && k < i+16; k++ {
		switch r := text[k]; {
		case r == '圈':
			return true
		case isClauseEnd(r):
			return false
		}
	}
	return false
}

// programEnds end the names of programmes and actions that quote a
// target amount ("新一轮千亿斤粮食产能提升行动").
var programEnds = []string{"行动", "工程", "计划", "战略"}

// capacityUnits measure what a plant makes or holds: a figure in one of
// them right before the name of a project or a plant is its size, part of
// its name.
var capacityUnits = map[string]bool{
	"吨": true, "千瓦": true, "兆瓦": true, "吉瓦": true, "kW": true, "MW": true, "GW": true, "千伏": true,
	"英寸": true, "立方米": true, "方": true, "标箱": true, "辆": true, "台": true, "套": true,
}

// facilityEnds end the names of projects and plants.
var facilityEnds = []string{"项目", "工程", "生产线", "产线", "露天矿", "煤矿", "电站", "电厂", "水厂", "变电站", "基地"}

// capacityVerbs stand between a figure and a noun that is not its name.
var capacityVerbs = []string{"建设", "建成", "实施", "推进", "完成", "开工", "投产", "达到", "实现", "新建", "签约", "落地", "用于", "和", "及", "与", "的"}

// capacityInName reports whether q, in a unit of capacity and written in
// digits, stands inside the name of a project or plant: the words right
// after it, Chinese characters only and no verb, end that name within 10
// characters ("大唐5万千瓦风电项目", "年产3000辆专用车项目", "华润微电子12英寸产线").
// A count of the things named ("建成10条生产线") is not one: 条 is no
// unit of capacity.
func capacityInName(text []rune, q quantity) bool {
	if !capacityUnits[q.StdUnit] || !isWesternDigit(at(text, q.Start)) {
		return false
	}
	for k := q.End; k < len(text) && k <= q.End+10; k++ {
		if !isHan(text[k]) {
			return false
		}
		for _, w := range capacityVerbs {
			if hasPrefix(text, k, w) {
				return false
			}
		}
		for _, w := range facilityEnds {
			if hasPrefix(text, k, w) {
				return true // 大唐700万吨露天矿 too
			}
		}
	}
	return false
}

// inProgramName reports whether amount q is part of a name rather than a
// figure: a class of firms or projects written right after a sum of money
// ("新增培育10亿元企业2家", "10亿元以上项目9个"), or a target written in
// Chinese numerals inside the name of a programme ("实施百亿斤粮食产能提升
// 工程", "千万吨粮食增产计划").
func inProgramName(text []rune, q quantity) bool {
	if q.StdUnit == "元" || q.StdUnit == "美元" {
		i := q.End
		for _, w := range []string{"及以上", "以上"} {
			if hasPrefix(text, i, w) {
				i += len([]rune(w))
				break
			}
		}
		for _, w := range []string{"企业", "项目", "工程"} {
			if hasPrefix(text, i, w) {
				return true
			}
		}
	}
	if isArabicDigit(at(text, q.Start)) {
		return false
	}
	for k := q.End + 1; k < len(text) && k <= q.End+12; k++ {
		if !isHan(text[k-1]) {
			return false
		}
		for _, w := range programEnds {
			if hasPrefix(text, k, w) {
				return true
			}
		}
	}
	return false
}

// isHan reports whether r is a CJK unified ideograph.
func isHan(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }

// yearListFollows reports whether text[i:] continues a list of years
// ending in 年: "、1999年", "和2020年", "、1999、2000年".
func yearListFollows(text []rune, i int) bool {
	for range 8 {
		if i >= len(text) || !strings.ContainsRune("、，,和及与至", text[i]) {
			return false
		}
		j := i + 1
		for j < len(text) && j-i <= 5 && isArabicDigit(text[j]) {
			j++
		}
		if j-i-1 != 4 {
			return false
		}
		if j < len(text) && text[j] == '年' {
			return true
		}
		i = j
	}
	return false
}

// isDash reports whether r is a dash that frames a page number.
func isDash(r rune) bool { return r == '—' || r == '-' || r == '－' || r == '–' }

// isYear reports whether d is a plausible calendar year written in full.
func isYear(d decimal) bool {
	n, ok := d.Int64()
	return ok && n >= 1000 && n <= 2199
}

// atClauseStart reports whether position i starts a paragraph or a
// sentence (ignoring spaces before it).
func atClauseStart(text []rune, i int) bool {
	for i > 0 && isSpace(text[i-1]) {
		i--
	}
	if i == 0 {
		return true
	}
	switch text[i-1] {
	case '\n', '。', '：', ':', '；', ';', '！', '？', '\r':
		return true
	}
	return false
}
