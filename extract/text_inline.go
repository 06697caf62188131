package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Inline headings: a report scraped from a web page or a document-sharing
// site often reaches us on ONE line, its paragraphs joined by spaces:
//
//	…工作思路 一、2020 年度工作总结 今年以来,XX 开发区… 位列省级开发区第二。 (一)全力保障经济企稳回升。统筹…
//
// splitInline cuts such a line where a heading stands, so that sections,
// periods and plan parts come out as they do for the same report as a
// PDF. A heading number is taken as a heading only
//
//   - after whitespace (never inside a word: "其中一、二产业" stays whole),
//     or, in a line that holds a whole report, right after a full stop,
//   - where a paragraph may end: after a sentence (。！？；：), after a
//     heading without a full stop ("二、2021 年工作思路 (一)…"), or after
//     a short lead-in such as the title before a first heading, and
//   - in its place in the numbering: 一、 after nothing or 一、, （二）
//     after （一）, 2. after 1.; a higher level restarts the lower ones.
//
// A heading that has no full stop of its own ("一、2020 年度工作总结")
// is then cut from the body that follows it at the first paragraph-like
// space (between two Chinese characters, or before a number when there is
// none such).

// Heading numbering styles, outermost first.
const (
	numPart   = iota // 第一部分 第二章
	numHan           // 一、
	numParen         // （一）
	numDigit         // 1. 1、
	numParen1        // （1）
	numStyles
)

// minOneLine is the length in runes from which a line is taken for a
// whole report written on one line, whose paragraphs are told apart by
// the spaces after their full stops.
const minOneLine = 1000

// maxInlineHeading is the most runes of a heading without a full stop;
// a longer run of text is a paragraph, not a heading.
const maxInlineHeading = 40

// An inlineMark is a heading number found in a line.
type inlineMark struct {
	at, end int // rune offsets of the number and of what follows it
	style   int
	n       int
}

// headingMark parses the heading number that begins at rs[i], if any.
func headingMark(rs []rune, i int) (inlineMark, bool) {
	m := inlineMark{at: i}
	j := i
	switch {
	case rs[j] == '第':
		k := j + 1
		n, l := hanNumber(rs[k:])
		if n == 0 {
			n, l = arabicNumber(rs[k:], 2)
		}
		k += l
		if n == 0 || k >= len(rs) {
			return m, false
		}
		switch {
		case rs[k] == '章' || rs[k] == '篇':
			k++
		case k+1 < len(rs) && rs[k] == '部' && rs[k+1] == '分':
			k += 2
		default:
			return m, false
		}
		m.style, m.n, m.end = numPart, n, k
	case rs[j] == '（' || rs[j] == '(':
		k := j + 1
		style := numParen
		n, l := hanNumber(rs[k:])
		if n == 0 {
			style = numParen1
			n, l = arabicNumber(rs[k:], 2)
		}
		k += l
		if n == 0 || k >= len(rs) || rs[k] != '）' && rs[k] != ')' {
			return m, false
		}
		m.style, m.n, m.end = style, n, k+1
	default:
		if n, l := hanNumber(rs[j:]); n > 0 {
			k := j + l
			if k >= len(rs) || rs[k] != '、' {
				return m, false
			}
			// "一、二产业", "一、二、三等奖": a list of numerals, no heading.
			if k+1 < len(rs) && isHanNumeral(rs[k+1]) {
				return m, false
			}
			m.style, m.n, m.end = numHan, n, k+1
			break
		}
		n, l := arabicNumber(rs[j:], 2)
		k := j + l
		if n == 0 || k >= len(rs) || !strings.ContainsRune(".．、", rs[k]) {
			return m, false
		}
		// "1.5%" is a number, not a heading; nor is "1. 5".
		if k+1 < len(rs) && (isDigit(rs[k+1]) || unicode.IsSpace(rs[k+1]) && k+2 < len(rs) && isDigit(rs[k+2])) {
			return m, false
		}
		m.style, m.n, m.end = numDigit, n, k+1
	}
	if m.end >= len(rs) || unicode.IsSpace(rs[m.end]) && m.end+1 >= len(rs) {
		return m, false // a number with nothing after it
	}
	return m, true
}

func isHanNumeral(r rune) bool { return strings.ContainsRune("一二三四五六七八九十", r) }

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// hanNumber reads a Chinese numeral from 1 to 99 (一, 十二, 二十, 九十九)
// at the start of rs; it returns the number and its length in runes, or 0.
func hanNumber(rs []rune) (n, l int) {
	digit := func(r rune) int { return strings.IndexRune("一二三四五六七八九", r)/len("一") + 1 }
	for l < len(rs) && l < 3 && isHanNumeral(rs[l]) {
		l++
	}
	switch s := string(rs[:l]); {
	case l == 0:
		return 0, 0
	case l == 1 && s == "十":
		return 10, 1
	case l == 1:
		return digit(rs[0]), 1
	case l == 2 && rs[0] == '十':
		return 10 + digit(rs[1]), 2
	case l == 2 && rs[1] == '十':
		return digit(rs[0]) * 10, 2
	case l == 3 && rs[1] == '十' && rs[0] != '十' && rs[2] != '十':
		return digit(rs[0])*10 + digit(rs[2]), 3
	}
	return 0, 0
}

// arabicNumber reads up to max digits (ASCII or full-width) at the start
// of rs; it returns the number and its length, or 0 when there is none
// or it is longer.
func arabicNumber(rs []rune, max int) (n, l int) {
	for l < len(rs) && isDigit(rs[l]) {
		d := rs[l] - '0'
		if rs[l] >= '０' {
			d = rs[l] - '０'
		}
		n = n*10 + int(d)
		l++
	}
	if l == 0 || l > max || n == 0 {
		return 0, 0
	}
	return n, l
}

// paraEnd reports whether a paragraph may end with r.
func paraEnd(r rune) bool { return strings.ContainsRune("。！？；：!?;:”」』…", r) }

// headingLike reports whether seg, a run of text that does not end with
// a space, reads as a heading or a title without a full stop of its own:
// short, no sentence inside.
func headingLike(seg []rune) bool {
	if len(seg) == 0 || len(seg) > maxInlineHeading+20 {
		return false
	}
	for _, r := range seg {
		if strings.ContainsRune("。！？；，,;!?", r) {
			return false
		}
	}
	return true
}

// splitInline splits one line of a text at its inline headings (see the
// comment above). It returns
// the parts in order, untrimmed; a line without inline headings is
// returned whole.
func splitInline(s string) []string {
	if !strings.ContainsFunc(s, unicode.IsSpace) && utf8.RuneCountInString(s) < minOneLine {
		return []string{s}
	}
	rs := []rune(s)
	var last [numStyles]int // the last number accepted in each style
	accept := func(m inlineMark) {
		last[m.style] = m.n
		for st := m.style + 1; st < numStyles; st++ {
			last[st] = 0
		}
	}
	inOrder := func(m inlineMark) bool {
		l := last[m.style]
		if m.n == 1 {
			// 一、 starts once; the lower levels restart under each heading.
			return m.style != numHan && m.style != numPart || l == 0
		}
		return m.n > l && m.n <= l+2
	}
	var cuts []int // rune offsets where a part begins
	segStart, headingSeg := 0, false
	if m, ok := headingMark(rs, 0); ok {
		accept(m)
		headingSeg = true
	}
	oneLine := len(rs) >= minOneLine
	prev := -1 // the last rune before i that is no space
	for i := 1; i < len(rs); i++ {
		if !unicode.IsSpace(rs[i-1]) {
			prev = i - 1
		}
		// A TAB separates cells (a table row, a contents line), not
		// paragraphs. A report on one line may have lost even the spaces
		// between its paragraphs: there a number right after a full stop
		// may open a heading too.
		glued := oneLine && strings.ContainsRune("。！？", rs[i-1])
		if !glued && (!unicode.IsSpace(rs[i-1]) || rs[i-1] == '\t') || unicode.IsSpace(rs[i]) || prev < segStart {
			continue
		}
		m, ok := headingMark(rs, i)
		if !ok || !inOrder(m) {
			continue
		}
		before := rs[segStart : prev+1]
		ends := paraEnd(rs[prev]) ||
			headingSeg && headingLike(before) ||
			segStart == 0 && m.n == 1 && headingLike(before) && slices.ContainsFunc(before, isWide)
		if !ends {
			continue
		}
		accept(m)
		cuts = append(cuts, i)
		segStart, headingSeg = i, true
	}
	// A whole report on one line has lost its paragraph breaks: a space
	// after a full stop is one (within a paragraph no space follows 。).
	if len(rs) >= minOneLine {
		cuts = mergeCuts(cuts, sentenceBreaks(rs))
	}
	if len(cuts) == 0 && !headingSeg {
		return []string{s}
	}
	// Cut each heading without a full stop from the body after it.
	bounds := append([]int{0}, cuts...)
	bounds = append(bounds, len(rs))
	var out []string
	for k := 0; k+1 < len(bounds); k++ {
		a, b := bounds[k], bounds[k+1]
		seg := rs[a:b]
		if m, ok := headingMark(seg, 0); ok {
			if at := headingEnd(seg, m.end); at > 0 {
				out = append(out, string(seg[:at]), string(seg[at:]))
				continue
			}
		}
		out = append(out, string(seg))
	}
	return out
}

// headingEnd returns where, in seg (which begins with a heading number
// ending at from), the heading ends and its body begins when the two are
// separated by a space only: the first space within maxInlineHeading runes
// between two Chinese characters (or, failing that, one before a number)
// that comes before any punctuation and leaves a body of more than
// maxInlineHeading runes. It returns 0 when the heading is not cut.
func headingEnd(seg []rune, from int) int {
	best, second := 0, 0
	for i := from + 2; i < len(seg) && i < from+maxInlineHeading; i++ {
		r := seg[i]
		if strings.ContainsRune("，。；：,;:！？!?、", r) {
			break
		}
		if !unicode.IsSpace(r) {
			continue
		}
		j := i
		for j < len(seg) && unicode.IsSpace(seg[j]) {
			j++
		}
		if j >= len(seg) {
			break
		}
		left, right := seg[i-1], seg[j]
		switch {
		case isASCIIAlnum(left) || left == '%':
		case isWide(left) && isWide(right) && best == 0:
			best = j
		case isWide(left) && isDigit(right) && second == 0:
			second = j
		}
		i = j - 1
	}
	if best == 0 {
		best = second
	}
	if best == 0 || utf8.RuneCountInString(string(seg[best:])) <= maxInlineHeading {
		return 0
	}
	return best
}

// sentenceBreaks returns the rune offsets in rs that follow whitespace
// after a full stop (。！？), where a paragraph of a report joined into one
// line began.
func sentenceBreaks(rs []rune) []int {
	var out []int
	last := rune(0) // the last rune before i that is no space
	for i := 1; i < len(rs); i++ {
		if !unicode.IsSpace(rs[i-1]) {
			last = rs[i-1]
		}
		if unicode.IsSpace(rs[i-1]) && rs[i-1] != '\t' && !unicode.IsSpace(rs[i]) && strings.ContainsRune("。！？", last) {
			out = append(out, i)
		}
	}
	return out
}

// mergeCuts merges two sorted lists of offsets into one, without repeats.
func mergeCuts(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}
