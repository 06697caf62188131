package extract

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// headingRE matches the numbering that opens a heading in Chinese reports:
// 一、 （一） (一) 1. 1、 第一章 第二节 第三部分 第四条. "1." must not be
// followed by a digit, so a wrapped "1.5%" is not a heading, and the word
// after 第… is matched whole, so "第95百分位数" is not "第95百 分".
var headingRE = lazyRegexp(`^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[)）]|[0-9０-９]{1,2}(?:[.．](?:[^0-9０-９]|$)|、)|第[一二三四五六七八九十百0-9]+(?:章|节|部分|条|篇))`)

// isHeading reports whether s opens like a numbered heading.
func isHeading(s string) bool { return headingRE().MatchString(s) }

// isWide reports whether r is a Han character or CJK/full-width
// punctuation: characters between which a space is never part of the text.
func isWide(r rune) bool {
	switch {
	case r >= 0x2E80 && r <= 0x9FFF, // CJK radicals … unified ideographs, punctuation, kana
		r >= 0xF900 && r <= 0xFAFF,   // compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F,   // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFFEF,   // full-width forms
		r >= 0x20000 && r <= 0x3FFFF: // extension planes
		return r != 0x3000 // the ideographic space is a space
	case r == 0x2028, r == 0x2029, r == 0x202F, r == 0x205F, r >= 0x2000 && r <= 0x200A:
		return false // spaces and separators
	case r >= 0x2010: // general punctuation (“” — …), letterlike, ①, ⅰ, arrows, shapes, symbols
		return true
	case r == '·', r == '×', r == '÷', r == '°', r == '±', r == '§':
		return true
	}
	return false
}

// isASCIIAlnum reports whether r is an ASCII letter or digit.
func isASCIIAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// gapIsArtefact reports whether whitespace between a and b is a layout
// artefact (a wrap, justification or CJK/Latin autospace) rather than a
// character of the document: anything next to a Han or full-width
// character, and a gap between a number and its % sign.
func gapIsArtefact(a, b rune) bool {
	if isWide(a) || isWide(b) {
		return true
	}
	// A number and its % sign, and an ASCII comma or semicolon before a
	// number ("，" is often typed ","; the space after it is not kept
	// across line wraps either, so keeping it would make a text's
	// paragraphs depend on where its lines happened to break).
	return (a >= '0' && a <= '9' || a == '.') && (b == '%' || b == '‰') ||
		(a == ',' || a == ';' || a == ':') && b >= '0' && b <= '9'
}

// joinLines joins the wrapped line next to text: no separator next to
// CJK or full-width characters or inside a number, one space between two
// Latin words, and a Latin hyphen at the wrap removed.
func joinLines(text, next string) string {
	if text == "" {
		return next
	}
	if next == "" {
		return text
	}
	a, _ := utf8.DecodeLastRuneInString(text)
	b, _ := utf8.DecodeRuneInString(next)
	if a == '-' && isASCIILetter(b) && len(text) >= 2 && isASCIILetter(rune(text[len(text)-2])) {
		return text[:len(text)-1] + next
	}
	if isASCIILetter(a) && isASCIILetter(b) {
		return text + " " + next
	}
	if (a == ',' || a == ';' || a == ':' || a == '!' || a == '?') && isASCIILetter(b) {
		return text + " " + next
	}
	return text + next
}

// cleanSpaces removes the whitespace that is only layout from s (see
// gapIsArtefact), turns other runs of spaces into one space, keeps a run
// containing a tab as one tab (a cell boundary) and trims the ends.
func cleanSpaces(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	var prev rune // last rune written, 0 at the start
	for i := 0; i < len(rs); {
		r := rs[i]
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
			prev = r
			i++
			continue
		}
		j, tab := i, false
		for j < len(rs) && unicode.IsSpace(rs[j]) {
			tab = tab || rs[j] == '\t'
			j++
		}
		i = j
		if prev == 0 || j == len(rs) {
			continue // leading or trailing
		}
		switch {
		case tab:
			b.WriteByte('\t')
			prev = '\t'
		case gapIsArtefact(prev, rs[j]):
		default:
			b.WriteByte(' ')
			prev = ' '
		}
	}
	return b.String()
}

// A para is a paragraph being built, before the Document is assembled.
type para struct {
	text    string
	page    int // 1-based page where it begins
	heading bool
	title   bool
	breaks  []pageBreak // pages the paragraph runs on to
	table   int         // 1-based index of the table it stands for, 0 for prose
	row     int         // the table row it holds, -1 for the caption
	size    float64     // font size of its first line, in points (0 for table rows)
	centred bool        // its first line is centred in its column or on the page
	lines   int         // lines joined into it so far
	hang    float64     // x of its hanging indent, 0 when it has none
	// While lines are added, the text grows in buf (runes long) and
	// text is set by finish: joining strings line by line would copy a
	// paragraph that runs on for thousands of pages at every line.
	buf   []byte
	runes int
}

// A pageBreak marks where, inside a paragraph, the text of a later page begins.
type pageBreak struct {
	page int // 1-based
	at   int // rune offset in the paragraph's text
}

// colMetrics are the measures of one column of one page that paragraph
// breaking compares a line against.
type colMetrics struct {
	left, right float64 // left margin (mode of X0), right margin (where most lines end)
	pitch       float64 // median baseline distance
	em          float64 // median body font size
	sure        bool    // several lines end at the right margin and none runs well past it
}

// measure computes the metrics of a column from its lines; ok is false
// when there are too few lines to tell.
func measure(lines []line) (m colMetrics, ok bool) {
	body := make([]line, 0, len(lines))
	all := make([]float64, 0, len(lines))
	for _, l := range lines {
		if !l.tab {
			body = append(body, l)
			all = append(all, l.size)
		}
	}
	// Lines in a far smaller size than the rest — specks of an
	// illustration that an OCR layer read as text — say nothing about
	// the column's margins or line pitch.
	if em := median(all); em > 0 {
		kept := body[:0]
		for _, l := range body {
			if l.size >= 0.5*em {
				kept = append(kept, l)
			}
		}
		body = kept
	}
	if len(body) < 4 {
		return m, false
	}
	sizes := make([]float64, 0, len(body))
	x1s := make([]float64, 0, len(body))
	x0count := map[int]int{}
	for _, l := range body {
		sizes = append(sizes, l.size)
		x1s = append(x1s, l.x1)
		x0count[int(math.Round(l.x0))]++
	}
	m.em = median(sizes)
	m.left = leftMargin(body, x0count, m.em)
	best, bestN := 0, 0
	// The right margin is where most lines end: the densest quarter-em
	// window of line ends (justified lines end together; lines with
	// punctuation hanging into the margin end an em further right).
	sort.Float64s(x1s)
	best, bestN = 0, 0
	for i, j := 0, 0; j < len(x1s); j++ {
		for x1s[j]-x1s[i] > 0.25*m.em {
			i++
		}
		if n := j - i + 1; n >= bestN {
			best, bestN = j, n
		}
	}
	m.right = x1s[best]
	if float64(bestN) < 0.3*float64(len(x1s)) {
		// Lines do not end together (a column of short paragraphs, most
		// of them one line): the margin is the rightmost place where
		// enough of them end, that of the wrapped lines.
		need := max(2, int(math.Ceil(0.1*float64(len(x1s)))))
		for i, j := len(x1s)-1, len(x1s)-1; i >= 0; i-- {
			for x1s[j]-x1s[i] > 0.25*m.em {
				j--
			}
			if j-i+1 >= need {
				m.right = x1s[j]
				break
			}
		}
	}
	// Justified lines end at the margin and only punctuation hangs past
	// it: a line ending well to the right of the place found means the
	// lines that end there are short ones that happen to end together
	// (headings of one length over a few wrapped lines). Word leaves
	// its justified lines up to half an em short of the margin where
	// the next character or a Latin word would not fit.
	n := 0
	for _, x := range x1s {
		if math.Abs(x-m.right) <= m.em {
			n++
		}
	}
	m.sure = n >= 3 && x1s[len(x1s)-1] <= m.right+1.5*m.em
	var gaps []float64
	for i := 1; i < len(body); i++ {
		if d := body[i-1].y - body[i].y; d > 0 && d < 4*m.em {
			gaps = append(gaps, d)
		}
	}
	m.pitch = median(gaps)
	if m.pitch == 0 {
		m.pitch = 1.4 * m.em
	}
	return m, true
}

// leftMargin returns the column's left margin: the leftmost start that
// enough lines share (within a quarter em), else the most common start.
// The most common start alone is not enough: on a page of short
// paragraphs (a statistical bulletin) the indented first lines outnumber
// the wrapped ones, and taking the indent for the margin would hide every
// paragraph break that the indent marks.
func leftMargin(body []line, x0count map[int]int, em float64) float64 {
	mode, modeN := 0, 0
	xs := make([]int, 0, len(x0count))
	for x, n := range x0count {
		xs = append(xs, x)
		if n > modeN || n == modeN && x < mode {
			mode, modeN = x, n
		}
	}
	sort.Ints(xs)
	need := max(2, int(math.Ceil(0.1*float64(len(body)))))
	for _, x := range xs {
		if x >= mode {
			break
		}
		n := 0
		for _, l := range body {
			if math.Abs(l.x0-float64(x)) <= 0.25*em {
				n++
			}
		}
		// A start two ems left of the most common one is the margin
		// under first lines indented by the customary two characters,
		// even when a column of one-line paragraphs wraps only once.
		if d := float64(mode - x); n >= need || n >= 1 && d > 1.6*em && d < 2.4*em {
			return float64(x)
		}
	}
	return float64(mode)
}

// median returns the middle value of xs (the upper one of an even
// count), leaving xs as it is. It is called for every row, line and
// paragraph of a document: a short list is sorted in a copy on the
// stack, not on the heap.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	var buf [64]float64
	return medianSorting(append(buf[:0], xs...))
}

// medianSorting is median, sorting xs in place: no copy of a long list.
func medianSorting(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	return xs[len(xs)/2]
}

// openingBrackets are the brackets and quotation marks that open a
// phrase: a line ending with one never ends its paragraph.
const openingBrackets = "（(《〈「『【〔［[“‘"

// sentenceEnd reports whether a line ending in r may end a paragraph.
func sentenceEnd(r rune) bool {
	return strings.ContainsRune("。！？；：”…!?;:」』）)", r)
}

// A column is the lines of one column of one page, top to bottom.
type column struct {
	page  int
	mid   float64 // x of the page's vertical centre line, 0 if unknown
	lines []line
}

// buildParagraphs joins the lines of the columns, in reading order, into
// paragraphs. A paragraph continues across a column or page break when
// the next column's first line is neither indented nor a heading and the
// previous line ran to the right margin.
func buildParagraphs(cols []column) []para {
	// Document-wide metrics stand in for columns with too few lines.
	var all []line
	for _, c := range cols {
		all = append(all, c.lines...)
	}
	global, ok := measure(all)
	if !ok {
		global = colMetrics{em: 12, pitch: 16}
		if len(all) > 0 {
			sizes := make([]float64, len(all))
			minX, maxX := math.Inf(1), math.Inf(-1)
			for i, l := range all {
				sizes[i] = l.size
				minX, maxX = math.Min(minX, l.x0), math.Max(maxX, l.x1)
			}
			global.em = median(sizes)
			global.pitch = 1.4 * global.em
			global.left, global.right = minX, maxX
		}
	}

	var out []para
	var cur *para
	var prev *line
	var prevM colMetrics
	flush := func() {
		if cur != nil {
			cur.finish()
		}
		if cur != nil && cur.text != "" {
			out = append(out, *cur)
		}
		cur = nil
	}
	mb := newMarginBook(cols)
	for ci := range cols {
		c := &cols[ci]
		m, ok, own := mb.margins(ci)
		if !ok {
			m = global
		} else if d := m.left - global.left; own && d > 1.2*m.em && d < 3*m.em && !wrapsAtLeft(c.lines, m, global) {
			// A page whose lines all start indented (short paragraphs,
			// a list) shares the document's left margin. A page whose
			// own lines wrap back to its left edge has margins of its
			// own (the financial statements of an annual report are
			// set wider than its chapters).
			m.left = global.left
		}
		edges := blockEdges(c.lines, m)
		for li := range c.lines {
			l := &c.lines[li]
			if l.table > 0 {
				flush()
				out = append(out, para{page: c.page, table: l.table, row: placeholderRow})
				prev = nil
				continue
			}
			em := m.em
			if em <= 0 {
				em = l.size
			}
			title := isTitleLine(l, m, c.mid)
			newPara := cur == nil || prev == nil
			sameCol := li > 0
			switch {
			case newPara:
			case l.tab || prev.tab:
				newPara = true
			case title && cur.title && math.Abs(l.size-prev.size) < 0.1*l.size && (!sameCol || prev.y-l.y < 2.2*l.size):
				// Consecutive centred lines of one larger size are one title.
				cur.add(l.text, c.page)
				prev = l
				continue
			case cur.title && !title && wrapsHeading(prev, l, m, em):
				// A large heading set flush left that fills its line
				// reads as centred; its wrapped rest does not.
				cur.add(l.text, c.page)
				prev = l
				continue
			case title || cur.title:
				newPara = true
			case l.x0-m.left > 1.2*em && !hangs(cur, prev, l, m, prevM, sameCol, em) &&
				!(li > 0 && onEdge(edges, prev, l, m, em)):
				newPara = true
			case l.x0-m.left > 1.2*em:
				cur.hang = l.x0
			case isHeading(l.text) && prevEnds(prev, m, prevM, sameCol, em):
				// A line that opens like a heading starts one only after a
				// line that ended its paragraph: "…其中，一、" wraps before
				// "二、三产业增加值…". An indented heading or one in another
				// size was caught above.
				newPara = true
			case math.Abs(l.size-prev.size) > 0.15*math.Max(l.size, prev.size) && !(unfinished(prev, m, prevM, sameCol, em) &&
				math.Abs(l.size-prev.size) <= 0.25*math.Max(l.size, prev.size)):
				// A little smaller or larger after a line that ran to the
				// margin in mid-sentence: the sizes an OCR layer guesses
				// vary from line to line.
				newPara = true
			case sameCol && prev.y-l.y > 1.6*m.pitch:
				newPara = true
			default:
				pm := m
				if !sameCol {
					pm = prevM
				}
				last, _ := utf8.DecodeLastRuneInString(prev.text)
				short := pm.right - prev.x1
				// A line is short because its paragraph ended only if the
				// next line's first word would have fitted in the gap; a
				// line ending with an opening bracket never ends one.
				fits := short > l.lead+0.2*em && !strings.ContainsRune(openingBrackets, last)
				if fits && (sentenceEnd(last) && short > 1*em || short > 4*em) {
					newPara = true
				}
			}
			if newPara {
				flush()
				cur = &para{text: l.text, page: c.page, title: title, heading: title || isHeading(l.text),
					size: l.size, centred: !l.tab && isCentred(l, m, c.mid), lines: 1}
			} else {
				cur.add(l.text, c.page)
			}
			prev = l
		}
		prevM = m
	}
	flush()
	return out
}

// blockEdges returns the places right of the left margin m.left where
// the lines of a block of text start (the body of a bulleted item set in
// line with the text after its bullet, an indented quotation): twice or
// more in a column a line starts there right under one that started there
// too and ran to the right margin without ending a sentence, and lines
// that run on from there go on there more often than back at the margin
// (as they do after a paragraph's indented first line). Two ems in is
// where paragraphs begin in Chinese: one-line paragraphs there are no
// block. A line at such an edge is not indented.
func blockEdges(lines []line, m colMetrics) []float64 {
	type count struct {
		x            float64
		edge, margin int
	}
	var counts []count
	find := func(x float64) *count {
		for i := range counts {
			if math.Abs(counts[i].x-x) <= 0.25*m.em {
				return &counts[i]
			}
		}
		counts = append(counts, count{x: x})
		return &counts[len(counts)-1]
	}
	for i := 1; i < len(lines); i++ {
		p, l := &lines[i-1], &lines[i]
		last, _ := utf8.DecodeLastRuneInString(p.text)
		if p.tab || l.tab || p.x0-m.left <= 1.2*m.em || p.x1 < m.right-m.em || sentenceEnd(last) {
			continue
		}
		switch {
		case math.Abs(l.x0-p.x0) <= 0.25*m.em:
			find(p.x0).edge++
		case math.Abs(l.x0-m.left) <= 0.25*m.em:
			find(p.x0).margin++
		}
	}
	var edges []float64
	for _, c := range counts {
		if d := c.x - m.left; c.edge >= 2 && c.edge > c.margin && (d < 1.75*m.em || d > 2.25*m.em) {
			edges = append(edges, c.x)
		}
	}
	return edges
}

// onEdge reports whether l, an indented line, starts where prev started,
// at one of the block edges of its column, and prev ran to the right
// margin without ending a sentence: the next line of a block.
func onEdge(edges []float64, prev, l *line, m colMetrics, em float64) bool {
	if math.Abs(l.x0-prev.x0) > 0.25*em || !unfinished(prev, m, m, true, em) {
		return false
	}
	for _, x := range edges {
		if math.Abs(l.x0-x) <= 0.5*em {
			return true
		}
	}
	return false
}

// wrapsHeading reports whether l goes on with prev, a line of the same
// size that fills its column from margin to margin without ending a
// sentence, l starting at the left margin too: the wrapped rest of a
// heading set flush left.
func wrapsHeading(prev, l *line, m colMetrics, em float64) bool {
	last, _ := utf8.DecodeLastRuneInString(prev.text)
	return !l.tab && !prev.tab && math.Abs(l.size-prev.size) < 0.1*l.size && !sentenceEnd(last) &&
		prev.x1 >= m.right-em && math.Abs(prev.x0-m.left) <= em && math.Abs(l.x0-m.left) <= em &&
		prev.y > l.y && prev.y-l.y < 2.2*l.size
}

// listMarkRE matches the number or bullet that opens an item of a list:
// a heading number, "（1）", "①", or a bullet (symbol fonts draw theirs
// from the private use area).
var listMarkRE = lazyRegexp(`^(?:` + headingRE().String()[1:] + `|[（(][0-9０-９]{1,2}[)）]|[①-⑳]|[\x{E000}-\x{F8FF}•●○◆◇■▪►▶➢❖※])`)

// hangs reports whether l, an indented line, goes on with paragraph p
// (whose last line is prev) under a hanging indent: "一、本公司董事会…
// 保证年度报告内容的真实、准确、完整，" over "不存在虚假记载…" set in line
// with the text after "一、". prev ran to the right margin of its column
// (m, or prevM when prev is in the previous column) without ending a
// sentence, and l opens no heading; l stands where the lines of p's
// hanging indent stand, or, for the first of them, p is one line that
// opens with a list number and l starts right of it by about that
// number's width. A paragraph that happens to end at the margin without
// punctuation, followed by an indented one, does not hang: its last
// line opens with no list number.
func hangs(p *para, prev, l *line, m, prevM colMetrics, sameCol bool, em float64) bool {
	if !unfinished(prev, m, prevM, sameCol, em) || l.tab || isHeading(l.text) ||
		math.Abs(l.size-prev.size) > 0.15*math.Max(l.size, prev.size) || sameCol && prev.y-l.y > 1.6*m.pitch {
		return false
	}
	if p.hang > 0 {
		return math.Abs(l.x0-p.hang) <= 0.5*em
	}
	d := l.x0 - prev.x0
	return p.lines == 1 && listMarkRE().MatchString(prev.text) && d >= 0.5*em && d <= 4*em
}

// wrapsAtLeft reports whether some line of a column starts at its left
// margin m.left after a line that ran to its right edge, or after a
// first line indented by about two characters: a wrapped line, which
// shows that the margin is the column's own. The right edge is the
// column's right margin when several lines show it, else where its
// longest lines end, if at least two do and they span most of the width
// of the document's text (global): short lines that end together (a
// table of contents) show nothing.
func wrapsAtLeft(lines []line, m, global colMetrics) bool {
	right, ok := m.right, m.sure
	if !ok {
		right = math.Inf(-1)
		for _, l := range lines {
			if !l.tab && l.table == 0 {
				right = math.Max(right, l.x1)
			}
		}
		n := 0
		for _, l := range lines {
			if !l.tab && l.table == 0 && l.x1 >= right-m.em {
				n++
			}
		}
		ok = n >= 2 && right-m.left >= 0.75*(global.right-global.left)
	}
	for i := 1; i < len(lines); i++ {
		p, l := &lines[i-1], &lines[i]
		if p.tab || l.tab || math.Abs(l.x0-m.left) > 0.25*m.em {
			continue
		}
		if d := p.x0 - m.left; ok && p.x1 >= right-m.em || d > 1.2*m.em && d < 3*m.em {
			return true
		}
	}
	return false
}

// unfinished reports whether prev ran to the right margin of its column
// (m, or prevM when prev is in the previous column) without ending a
// sentence.
func unfinished(prev *line, m, prevM colMetrics, sameCol bool, em float64) bool {
	pm := m
	if !sameCol {
		pm = prevM
	}
	last, _ := utf8.DecodeLastRuneInString(prev.text)
	return !prev.tab && prev.x1 >= pm.right-em && !sentenceEnd(last)
}

// prevEnds reports whether prev, the line before one that opens like a
// heading, may end its paragraph: it ends a sentence or clause, or it
// stops more than an em short of the right margin of its column (m, or
// prevM when prev is in the previous column).
func prevEnds(prev *line, m, prevM colMetrics, sameCol bool, em float64) bool {
	pm := m
	if !sameCol {
		pm = prevM
	}
	last, _ := utf8.DecodeLastRuneInString(prev.text)
	return sentenceEnd(last) || pm.right-prev.x1 > 1*em && !strings.ContainsRune(openingBrackets, last)
}

// add appends a wrapped line, from the given page, to the paragraph;
// finish sets its text when all lines are in.
func (p *para) add(text string, page int) {
	p.lines++
	if p.buf == nil {
		p.buf = []byte(p.text)
		p.runes = utf8.RuneCountInString(p.text)
	}
	// joinLines looks at the last two characters only: join those.
	k := max(0, len(p.buf)-8)
	for k > 0 && k < len(p.buf) && !utf8.RuneStart(p.buf[k]) {
		k++
	}
	tail := string(p.buf[k:])
	joined := joinLines(tail, text)
	p.buf = append(p.buf[:k], joined...)
	p.runes += utf8.RuneCountInString(joined) - utf8.RuneCountInString(tail)
	last := p.page
	if n := len(p.breaks); n > 0 {
		last = p.breaks[n-1].page
	}
	if page != last {
		at := p.runes - utf8.RuneCountInString(text)
		p.breaks = append(p.breaks, pageBreak{page: page, at: at})
	}
}

// finish sets the text of a paragraph built with add.
func (p *para) finish() {
	if p.buf != nil {
		p.text, p.buf = string(p.buf), nil
	}
}

// isTitleLine reports whether l looks like a title line: clearly larger
// than the body text and centred in its column or on the page.
func isTitleLine(l *line, m colMetrics, pageMid float64) bool {
	if m.em <= 0 || l.size < 1.15*m.em || l.tab {
		return false
	}
	return isCentred(l, m, pageMid)
}

// isCentred reports whether the middle of l is within two ems of the
// middle of its column or of the page.
func isCentred(l *line, m colMetrics, pageMid float64) bool {
	em := m.em
	if em <= 0 {
		em = l.size
	}
	c := (l.x0 + l.x1) / 2
	return math.Abs(c-(m.left+m.right)/2) < 2*em || pageMid > 0 && math.Abs(c-pageMid) < 2*em
}
