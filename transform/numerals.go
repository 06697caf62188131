package transform

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// Numerals.
//
// A numeral is Arabic (15, 25,494.69, full-width １５．５), Chinese (三千二百,
// 一百零五, 两万, 〇 and 零, financial 壹贰叁…佰仟), or mixed (1.5万亿, 3千万,
// 3万4000, 25万6千). Chinese numerals are read in sections: 万 multiplies
// what stands before it since the last 亿, 亿 multiplies that and the 万
// section before it, and 亿亿 is 1e16: 一万五千亿 is 1.5e12, 一亿五千万
// is 1.5e8. A single digit right
// after 百/千/万/亿 counts in the next lower place (三万五 = 35000,
// 13万2 = 132000), as in speech. Digit strings with no place words are
// positional (二〇二〇 = 2020).
//
// Parsing is one pass over the runes, needs memory proportional to the
// input, never panics and has no digit-length limit.

// digitValue returns the value of an Arabic (ASCII or full-width) or
// Chinese digit, and whether r is one.
func digitValue(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return chineseDigit(r)
}

// isArabicDigit reports whether r is an ASCII or full-width digit.
func isArabicDigit(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= '０' && r <= '９')
}

// chineseDigit returns the value of a Chinese digit character.
func chineseDigit(r rune) (int, bool) {
	switch r {
	case '〇', '零':
		return 0, true
	case '一', '壹':
		return 1, true
	case '二', '贰', '貳', '两', '兩':
		return 2, true
	case '三', '叁', '參':
		return 3, true
	case '四', '肆':
		return 4, true
	case '五', '伍':
		return 5, true
	case '六', '陆', '陸':
		return 6, true
	case '七', '柒':
		return 7, true
	case '八', '捌':
		return 8, true
	case '九', '玖':
		return 9, true
	}
	return 0, false
}

// placePower returns the power of ten of a Chinese place word (十 1, 百 2,
// 千 3, 万 4, 亿 8).
func placePower(r rune) (int, bool) {
	switch r {
	case '十', '拾':
		return 1, true
	case '百', '佰':
		return 2, true
	case '千', '仟':
		return 3, true
	case '万', '萬':
		return 4, true
	case '亿', '億':
		return 8, true
	}
	return 0, false
}

// isNumeralRune reports whether r can be part of a numeral.
func isNumeralRune(r rune) bool {
	if _, ok := digitValue(r); ok {
		return true
	}
	_, ok := placePower(r)
	return ok
}

// A section is one 万- or 亿-group of a Chinese numeral already multiplied
// by its place.
type section struct {
	val   decimal
	level int // 0 for a 万 section, n for one closed by n 亿 (亿亿 is 2)
}

// closeSection applies the big place word 万 (p = 4) or 亿 (p = 8) to the
// digits read since the last one (sec plus num when haveNum; secSet when
// sec holds digits, even if they make 0: "0百万" is 0) and to the
// sections before. Sections stay strictly decreasing in level, which
// keeps parsing linear: each place word touches only the newest sections.
//
//	一万五千亿: 一万 is a 万 section; 亿 takes it with 五千 → 1.5e12 at level 1
//	一亿亿:     the second 亿 raises the 亿 section to level 2 (1e16)
//	一亿五亿, 1万1万: two sections of one level: not a numeral
func closeSection(stack *[]section, sec, num decimal, haveNum, secSet bool, p int) bool {
	st := *stack
	cur := sec
	pending := !sec.IsZero() || secSet
	if haveNum {
		cur, pending = cur.Add(num), true
	}
	top := len(st) - 1
	if p == 4 {
		switch {
		case pending:
			if top >= 0 && st[top].level == 0 {
				return false
			}
			st = append(st, section{val: cur.Shift(4)})
		case top >= 0 && st[top].level == 0:
			st[top].val = st[top].val.Shift(4) // 一万万, archaic 1e8
		case top < 0:
			st = append(st, section{val: decimalPow10(4)}) // 万 alone
		default:
			return false // 一亿万
		}
		*stack = st
		return true
	}
	if top >= 0 && st[top].level == 0 {
		cur, pending = cur.Add(st[top].val), true
		st = st[:top]
		top--
	}
	switch {
	case pending:
		if top >= 0 && st[top].level <= 1 {
			return false
		}
		st = append(st, section{val: cur.Shift(8), level: 1})
	case top >= 0:
		if top >= 1 && st[top-1].level <= st[top].level+1 {
			return false
		}
		st[top].val = st[top].val.Shift(8)
		st[top].level++
	default:
		st = append(st, section{val: decimalPow10(8), level: 1}) // 亿 alone
	}
	*stack = st
	return true
}

// parseNumeral converts the numeral rs (digits, place words, decimal
// points, thousands separators; no sign, unit or approximation word) and
// reports whether it is well formed.
func parseNumeral(rs []rune) (decimal, bool) {
	if len(rs) == 0 {
		return decimal{}, false
	}
	// Positional digit strings: only Chinese digits (二〇二〇).
	hasPlace, hasChinese, hasOther := false, false, false
	for _, r := range rs {
		if _, ok := placePower(r); ok {
			hasPlace = true
		} else if _, ok := chineseDigit(r); ok {
			hasChinese = true
		} else {
			hasOther = true
		}
	}
	if !hasPlace && hasChinese && !hasOther {
		return parsePositional(rs)
	}

	var (
		stack    []section
		sec, num decimal
		haveNum  bool // num holds a number not yet placed
		secSet   bool // sec holds digits placed by 十 百 千 (perhaps 0: "0百万")
		zero     bool // the last token was 零
		lastPow  int  // power of the place word just before num, 0 if none
		single   bool // num is one digit written alone
		anything bool
	)
	for i := 0; i < len(rs); {
		r := rs[i]
		if d, ok := chineseDigit(r); ok {
			if haveNum && !zero {
				return decimal{}, false
			}
			num, haveNum, single, anything = decimalInt(int64(d)), true, true, true
			zero = d == 0 && (r == '零' || r == '〇')
			if zero {
				lastPow = 0
			}
			i++
			continue
		}
		if isArabicDigit(r) {
			if haveNum && !zero {
				return decimal{}, false
			}
			n, end, ok := parseArabic(rs, i)
			if !ok {
				return decimal{}, false
			}
			num, haveNum, zero, anything = n, true, false, true
			single = end-i == 1
			i = end
			continue
		}
		if r == '点' || r == '點' {
			// Fraction digits follow, one by one. After a place word
			// (五十点五) the fraction stands alone as the pending number.
			if haveNum && !num.IsInt() {
				return decimal{}, false
			}
			if !haveNum {
				if lastPow == 0 || zero {
					return decimal{}, false
				}
				num, haveNum = decimal{}, true
			}
			j := i + 1
			frac := make([]byte, 0, 8)
			for j < len(rs) {
				d, ok := digitValue(rs[j])
				if !ok {
					break
				}
				frac = append(frac, byte('0'+d))
				j++
			}
			if len(frac) == 0 {
				return decimal{}, false
			}
			f, _ := parseDecimal("0." + string(frac))
			num, zero, single, lastPow = num.Add(f), false, false, 0
			i = j
			continue
		}
		p, ok := placePower(r)
		if !ok {
			return decimal{}, false
		}
		anything = true
		if p < 4 {
			if !haveNum || zero {
				// A place word with no digit before it: 十 anywhere
				// (十一, 一百十), or one leading the numeral (百万).
				if p != 1 && (len(stack) > 0 || !sec.IsZero() || zero) {
					return decimal{}, false
				}
				num = decimalInt(1)
			}
			sec, secSet = sec.Add(num.Shift(p)), true
		} else if !closeSection(&stack, sec, num, haveNum && !zero, secSet, p) {
			return decimal{}, false
		} else {
			sec, secSet = decimal{}, false
		}
		num, haveNum, zero, single, lastPow = decimal{}, false, false, false, p
		i++
	}
	if !anything {
		return decimal{}, false
	}
	if haveNum && single && lastPow >= 2 && !num.IsZero() {
		// Spoken shorthand: 三万五 = 35000.
		num = num.Shift(lastPow - 1)
	}
	total := sec.Add(num)
	for _, s := range stack {
		total = total.Add(s.val)
	}
	return total, true
}

// parsePositional reads a string of Chinese digits digit by digit.
func parsePositional(rs []rune) (decimal, bool) {
	var b strings.Builder
	for _, r := range rs {
		d, ok := chineseDigit(r)
		if !ok {
			return decimal{}, false
		}
		b.WriteByte(byte('0' + d))
	}
	return parseDecimal(b.String())
}

// parseArabic reads an Arabic number starting at rs[i]: digits, ASCII
// thousands separators between groups of exactly three digits, and a
// decimal point ('.' or '．') followed by digits. It returns the number
// and the index just past it.
func parseArabic(rs []rune, i int) (decimal, int, bool) {
	end, ok := arabicEnd(rs, i)
	if !ok {
		return decimal{}, i, false
	}
	buf := make([]byte, 0, end-i)
	for _, r := range rs[i:end] {
		switch {
		case r >= '0' && r <= '9':
			buf = append(buf, byte(r))
		case r >= '０' && r <= '９':
			buf = append(buf, byte('0'+r-'０'))
		case r == '.' || r == '．':
			buf = append(buf, '.')
		}
	}
	d, ok := parseDecimal(string(buf))
	return d, end, ok
}

// arabicEnd returns the end of the Arabic number starting at rs[i].
// A comma is a thousands separator only when exactly three digits follow
// it and the first group has at most three digits; otherwise it ends the
// number (it is a clause break).
func arabicEnd(rs []rune, i int) (int, bool) {
	j := i
	for j < len(rs) && isArabicDigit(rs[j]) {
		j++
	}
	if j == i {
		return i, false
	}
	if j-i <= 3 {
		for j < len(rs) && rs[j] == ',' && threeDigits(rs, j+1) {
			j += 4
		}
	}
	if j+1 < len(rs) && (rs[j] == '.' || rs[j] == '．') && isArabicDigit(rs[j+1]) {
		j++
		for j < len(rs) && isArabicDigit(rs[j]) {
			j++
		}
	}
	return j, true
}

// threeDigits reports whether rs[k:k+3] are digits not followed by a fourth.
func threeDigits(rs []rune, k int) bool {
	if k+3 > len(rs) {
		return false
	}
	for _, r := range rs[k : k+3] {
		if !isArabicDigit(r) {
			return false
		}
	}
	return k+3 == len(rs) || !isArabicDigit(rs[k+3])
}

// ErrNotNumber is returned by [ParseNumber] for a string that is not one numeral.
var ErrNotNumber = errors.New("not a number")

// ParseNumber returns the number that the numeral s denotes, with scale
// words multiplied in: ParseNumber("1.5万亿") is 1.5e12, ParseNumber("三千二百")
// is 3200, ParseNumber("25,494.69") is 25494.69.
//
// The whole of s must be one numeral: Arabic (half- or full-width, with
// thousands separators in groups of three), Chinese (including 两, 〇,
// 零 and the financial forms 壹 … 佰 仟), or mixed (3万4000). A leading
// "-" or "负" negates it. A fraction N分之M gives M/N, so "百分之八点五" is
// 0.085 and "三分之一" the float64 nearest 1/3. Units, percent signs and
// approximation words (余, 多) are not numerals: the error wraps
// [ErrNotNumber].
func ParseNumber(s string) (float64, error) {
	d, ok := parseNumberString(s)
	if !ok {
		return 0, fmt.Errorf("parse number %q: %w", s, ErrNotNumber)
	}
	return d, nil
}

// parseNumberString is ParseNumber without the error value.
func parseNumberString(s string) (float64, bool) {
	rs := []rune(strings.TrimSpace(s))
	neg := false
	if len(rs) > 0 && (rs[0] == '-' || rs[0] == '－' || rs[0] == '−' || rs[0] == '负') {
		neg, rs = true, rs[1:]
	}
	var v float64
	if k := indexRunes(rs, []rune("分之")); k >= 0 {
		den, ok1 := parseNumeral(rs[:k])
		numr, ok2 := parseNumeral(rs[k+2:])
		if !ok1 || !ok2 || den.IsZero() {
			return 0, false
		}
		q, _, _ := numr.quoRound(den, 40)
		v = q.Float64()
	} else {
		d, ok := parseNumeral(rs)
		if !ok {
			return 0, false
		}
		v = d.Float64()
	}
	if neg {
		v = -v
	}
	return v, true
}

// indexRunes returns the index of the first occurrence of sub in rs, or -1.
func indexRunes(rs, sub []rune) int {
outer:
	for i := 0; i+len(sub) <= len(rs); i++ {
		for j, r := range sub {
			if rs[i+j] != r {
				continue outer
			}
		}
		return i
	}
	return -1
}

// chineseDigitChars are the digits the formatter writes.
var chineseDigitChars = [10]string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// formatChinese writes the non-negative decimal d as a Chinese numeral
// that parseNumeral reads back to d: 一亿零五百万, 三万亿零五, 十二点零五.
// It is used to test the parser by round trip.
func formatChinese(d decimal) string {
	if d.Sign() < 0 {
		return "负" + formatChinese(d.Neg())
	}
	s := d.String()
	intPart, frac, _ := strings.Cut(s, ".")
	n, ok := new(big.Int).SetString(intPart, 10)
	if !ok {
		return ""
	}
	var b strings.Builder
	if n.Sign() == 0 {
		b.WriteString("零")
	} else {
		formatBig(&b, n)
	}
	if frac != "" {
		b.WriteString("点")
		for _, c := range frac {
			b.WriteString(chineseDigitChars[c-'0'])
		}
	}
	return b.String()
}

// formatBig writes n > 0 as groups of eight digits, the group of level L
// followed by L times 亿 (1e16 + 5e8 is 一亿亿零五亿).
func formatBig(b *strings.Builder, n *big.Int) {
	yi := big.NewInt(100000000)
	var groups []int64
	for m := new(big.Int).Set(n); m.Sign() > 0; {
		var g big.Int
		m.QuoRem(m, yi, &g)
		groups = append(groups, g.Int64())
	}
	higher := false
	for level := len(groups) - 1; level >= 0; level-- {
		if groups[level] == 0 {
			continue
		}
		formatBelowYi(b, groups[level], higher)
		b.WriteString(strings.Repeat("亿", level))
		higher = true
	}
}

// formatBelowYi writes 0 < n < 1e8; after says a higher section precedes
// it, so a gap of zeros before it needs 零.
func formatBelowYi(b *strings.Builder, n int64, after bool) {
	hi, lo := n/10000, n%10000
	if hi > 0 {
		formatSection(b, hi, after && hi < 1000)
		b.WriteString("万")
		after = true
	}
	if lo > 0 {
		formatSection(b, lo, after && lo < 1000)
	}
}

// formatSection writes 0 < n < 1e4, with a leading 零 when zeroFirst.
func formatSection(b *strings.Builder, n int64, zeroFirst bool) {
	if zeroFirst {
		b.WriteString("零")
	}
	places := [4]string{"千", "百", "十", ""}
	div := int64(1000)
	pendingZero := false
	started := false
	for k := 0; k < 4; k++ {
		dgt := n / div % 10
		div /= 10
		if dgt == 0 {
			if started {
				pendingZero = true
			}
			continue
		}
		if pendingZero {
			b.WriteString("零")
			pendingZero = false
		}
		b.WriteString(chineseDigitChars[dgt])
		b.WriteString(places[k])
		started = true
	}
}
