package extract

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// decodeText returns a file's content as a UTF-8 string, with remarks on
// what had to be replaced:
//
//   - after a byte-order mark, UTF-8, UTF-16LE (what Notepad saves as
//     "Unicode") or UTF-16BE; an unpaired surrogate becomes U+FFFD;
//   - valid UTF-8;
//   - UTF-8 with a few invalid bytes (a stray byte from a bad copy or a
//     cut), each replaced by U+FFFD and counted in a remark;
//   - GB18030 (a superset of GBK and GB2312) when the bytes decode
//     cleanly in it.
//
// Valid UTF-8, the usual case, is returned as it is, not copied (a text
// of tens of MB is not held twice). ok is false when the content does not
// look like text at all: in none of these encodings, or full of control
// characters.
func decodeText(content string) (s string, repairs []string, ok bool) {
	switch {
	case strings.HasPrefix(content, "\xef\xbb\xbf"):
		content = content[3:]
	case strings.HasPrefix(content, "\xff\xfe"), strings.HasPrefix(content, "\xfe\xff"):
		var bad int
		s, bad = decodeUTF16([]byte(content[2:]), content[0] == 0xfe)
		if bad > 0 {
			repairs = append(repairs, fmt.Sprintf("%d invalid UTF-16 code units replaced by U+FFFD", bad))
		}
		return s, repairs, looksLikeText(s)
	}
	if utf8.ValidString(content) {
		return content, nil, looksLikeText(content)
	}
	b := []byte(content)
	invalid, multi, firstLine := utf8Damage(b)
	if multi < 20*invalid {
		if d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b); err == nil && !bytes.ContainsRune(d, utf8.RuneError) {
			return string(d), nil, looksLikeText(string(d))
		}
		if invalid*1000 > len(b) {
			return "", nil, false
		}
	}
	s = strings.ToValidUTF8(string(b), "\uFFFD")
	// ToValidUTF8 replaces a run of invalid bytes with one U+FFFD.
	repairs = append(repairs, fmt.Sprintf("%d invalid UTF-8 %s replaced by U+FFFD (first on line %d)", invalid, plural(invalid, "byte", "bytes"), firstLine))
	return s, repairs, looksLikeText(s)
}

// utf8Damage counts the invalid bytes of b and its valid multi-byte
// characters, and finds the line of the first invalid byte.
func utf8Damage(b []byte) (invalid, multi, firstLine int) {
	line := 1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			if invalid == 0 {
				firstLine = line
			}
			invalid++
		case n > 1:
			multi++
		case r == '\n':
			line++
		}
		i += n
	}
	return invalid, multi, firstLine
}

// decodeUTF16 decodes UTF-16 (big-endian when be), counting the code
// units that had to be replaced (unpaired surrogates, an odd last byte).
func decodeUTF16(b []byte, be bool) (string, int) {
	units := make([]uint16, len(b)/2)
	for i := range units {
		if be {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	bad := len(b) % 2
	var sb strings.Builder
	sb.Grow(len(b) * 3 / 2)
	for i := 0; i < len(units); i++ {
		u := rune(units[i])
		switch {
		case utf16.IsSurrogate(u) && u < 0xdc00 && i+1 < len(units) && units[i+1] >= 0xdc00 && units[i+1] < 0xe000:
			sb.WriteRune(utf16.DecodeRune(u, rune(units[i+1])))
			i++
		case utf16.IsSurrogate(u):
			sb.WriteRune(utf8.RuneError)
			bad++
		default:
			sb.WriteRune(u)
		}
	}
	if len(b)%2 == 1 {
		sb.WriteRune(utf8.RuneError)
	}
	return sb.String(), bad
}

// looksLikeText reports whether s is text rather than binary data that
// happens to decode: binary data has control characters or characters
// that text never has; a few are allowed.
func looksLikeText(s string) bool {
	bad, n := 0, 0
	for _, r := range s {
		n++
		switch {
		case r == '\n', r == '\r', r == '\t', r == '\f', r == '\v':
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0, r == utf8.RuneError, r >= 0xE000 && r <= 0xF8FF:
			bad++
		}
	}
	return bad*100 <= n
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// boilerplate matches the lines of web-page furniture that text copied
// from government sites and document-sharing sites carries: toolbar
// words, font-size switches, share and print links, upload details.
var boilerplate = lazyRegexp(`^(?:` +
	`下载|打印|全屏|收藏|分享|分享到|加大|还原|减小|默认|大|中|小|【|】|>|»|` +
	`【?字[号体][:：]?.*|分享[:：].*|` +
	`打印本页|关闭窗口|关闭本页|返回顶部|保存本页|打印正文|` +
	`扫一扫在手机打开当前页|扫一扫在手机上查看当前页面|相关附件>>|相关链接>>|` +
	`责任编辑[:：].{0,12}|来源[:：].{0,16}|发布时间[:：].{0,24}|发表时间[:：].{0,24}|时间[:：].{0,24}|阅读量[:：].{0,12}|浏览次数[:：].{0,12}|` +
	`(?:发布|发表|更新)(?:日期|时间)[:：].{0,24}(?:浏览次数|阅读量|点击数|来源)[:：].{0,16}|` +
	`当前位置[:：].{0,40}|首页|` +
	`查看更多.{0,8}|展开全文|点击查看.{0,8}|免费下载|下载文档|举报|` +
	`[0-9a-f]{32}[:：]?|` +
	`.{0,8}\|\s*[0-9.]+\s*[KMG]?B\s*\|\s*[0-9]+\s*页.*|` +
	`.{0,20}[0-9.]+\s*[KMG]B.{0,10}` +
	`)$`)

// isBoilerplate reports whether a line (already trimmed) is web-page
// furniture rather than report text.
func isBoilerplate(s string) bool {
	return utf8.RuneCountInString(s) <= 48 && boilerplate().MatchString(s) ||
		strings.ContainsAny(s, "|｜") && strings.Contains(s, "下载") && strings.Contains(s, "打印") ||
		isSiteFurniture(s)
}

// labelOnly matches a boilerplate label whose value the page put on the
// next line ("来源：" then "宁夏日报客户端").
var labelOnly = lazyRegexp(`^(?:来源|发表时间|发布时间|发布日期|更新时间|责任编辑|编辑|作者|阅读量|浏览次数|点击数|时间|日期)[:：]$`)

// isLabelValue reports whether t is the value of the boilerplate label
// on the line before it: a short line that ends no sentence, and that
// holds a digit unless the label names a source or a person.
func isLabelValue(label, t string) bool {
	if !labelOnly().MatchString(label) || utf8.RuneCountInString(t) > 24 || endsSentence(t) {
		return false
	}
	return strings.ContainsAny(t, "0123456789") ||
		strings.HasPrefix(label, "来源") || strings.Contains(label, "编辑") || strings.HasPrefix(label, "作者")
}

// markdownHeading matches the heading marks of text saved as Markdown
// ("## 一、卫生资源"). A '#' glued to a word is kept: statistical tables
// mark "of which" rows that way ("#新能源汽车").
var markdownHeading = lazyRegexp(`^#{1,6}[ \t\x{3000}]+`)

// isBreadcrumb reports whether s is a separator of a site's breadcrumb
// trail ("首页", ">", "政务信息", ">", …, one item a line).
func isBreadcrumb(s string) bool { return s == ">" || s == "»" || s == "›" || s == "/" }

// isIndentSpace reports whether r is a space that indents a paragraph.
func isIndentSpace(r rune) bool { return r == ' ' || r == '\u3000' || r == '\u00a0' || r == '\t' }

// splitIndents splits one physical line at the U+3000 indents that open
// paragraphs (texts saved as one huge line keep their paragraphs that
// way): at runs of whitespace holding two or more U+3000.
func splitIndents(s string) []string {
	if strings.Count(s, "\u3000") < 2 {
		return []string{s}
	}
	return splitSpaceRuns(s, func(run []rune) bool { return strings.Count(string(run), "\u3000") >= 2 })
}

// splitSpaceRuns splits s at the runs of white space for which cut
// reports true; the runs cut at are dropped, the others kept.
func splitSpaceRuns(s string, cut func(run []rune) bool) []string {
	var out []string
	rs := []rune(s)
	start := 0
	for i := 0; i < len(rs); {
		if !unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && unicode.IsSpace(rs[j]) {
			j++
		}
		if cut(rs[i:j]) {
			out = append(out, string(rs[start:i]))
			start = j
		}
		i = j
	}
	return append(out, string(rs[start:]))
}

// A textLine is one logical line of a text input.
type textLine struct {
	text     string
	indented bool // it began with an indent
	table    int  // 1-based index of the table whose caption or row it is, 0 for prose
	row      int  // the table row it holds, -1 for the caption
}

// displayWidth is the width of s in half-width cells: 2 for Han and
// full-width characters, 1 for the rest.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if isWide(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// wrapWidth tells whether the lines were hard-wrapped at a fixed width, as
// text copied out of a PDF is: at least 40 % of them (and 10 or more) are
// within a few cells of one width between 30 and 200 cells. It returns
// that width, or 0.
func wrapWidth(lines []textLine) int {
	if len(lines) < 10 {
		return 0
	}
	count := map[int]int{}
	for _, l := range lines {
		count[displayWidth(l.text)]++
	}
	best, bestN := 0, 0
	for w := 30; w <= 200; w++ {
		n := 0
		for d := -3; d <= 1; d++ {
			n += count[w+d]
		}
		if n > bestN {
			best, bestN = w, n
		}
	}
	if bestN < 10 || bestN*10 < len(lines)*4 {
		return 0
	}
	return best
}

// unwrap joins the lines of a hard-wrapped text again: a line that runs to
// (within three characters of) the wrap width continues on the next one
// unless it ends a sentence or the next one is indented or opens a
// heading; after a line that stops inside a clause, at 、 or ，, a line
// that opens like a heading is its continuation ("…其中，一、" then
// "二、三产业…"). Indents are often lost in such texts, so a full line
// ending with 。 is taken as the end of its paragraph: at worst a
// paragraph is split between two sentences, never inside one.
func unwrap(lines []textLine) []textLine {
	w := wrapWidth(lines)
	if w == 0 {
		return lines
	}
	var out []textLine
	for i, l := range lines {
		if i > 0 && l.table == 0 && lines[i-1].table == 0 && !l.indented && (!isHeading(l.text) || midClause(lines[i-1].text)) && displayWidth(lines[i-1].text) >= w-6 && !endsSentence(lines[i-1].text) {
			last := &out[len(out)-1]
			last.text = joinLines(last.text, l.text)
			continue
		}
		out = append(out, l)
	}
	return out
}

// midClause reports whether s ends inside a clause, with 、 or ，.
func midClause(s string) bool {
	return strings.HasSuffix(s, "、") || strings.HasSuffix(s, "，")
}

// endsSentence reports whether s ends with sentence-final punctuation.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return sentenceEnd(r)
}

// readText reads a plain-text report: line 1 (after site furniture) is
// the title, every other non-empty line a paragraph. Indents are trimmed,
// web boilerplate and site furniture lines are dropped and layout spaces
// inside words are removed as in a PDF; a text hard-wrapped at a fixed
// width (copied from a PDF) has its wrapped lines joined again, and a
// report written on one line is cut at its inline headings (splitInline).
// A title shown as a file name ("….docx") loses its extension, and the
// report's own first line repeating it is dropped. A caption line
// followed by TAB-separated rows is a table (see textTable).
func readText(name, s string) (*Document, error) {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var lines []textLine
	var phys []string
	for _, p := range strings.Split(s, "\n") {
		// Trailing TABs stay: a table row of a label alone ("全部工业中：⇥⇥⇥")
		// is still a row.
		if p = strings.TrimRightFunc(p, func(r rune) bool { return r != '\t' && unicode.IsSpace(r) }); strings.TrimSpace(p) != "" {
			phys = append(phys, p)
		}
	}
	phys = markdownTables(phys)
	var tables []Table
	for pi := 0; pi < len(phys); pi++ {
		p := phys[pi]
		if t, n := textTable(phys[pi:]); n > 0 {
			tables = append(tables, t)
			ti := len(tables)
			lines = append(lines, textLine{text: t.Caption, table: ti, row: -1})
			for r := range t.Rows {
				lines = append(lines, textLine{text: t.RowText(r), table: ti, row: r})
			}
			pi += n - 1
			continue
		}
		t := strings.TrimFunc(p, unicode.IsSpace)
		// A breadcrumb item stands next to a separator line; a label's
		// value follows the label.
		short := utf8.RuneCountInString(t) <= 12
		if short && (pi > 0 && isBreadcrumb(strings.TrimSpace(phys[pi-1])) || pi+1 < len(phys) && isBreadcrumb(strings.TrimSpace(phys[pi+1]))) ||
			pi > 0 && isLabelValue(strings.TrimSpace(phys[pi-1]), t) {
			continue
		}
		indent := strings.IndexFunc(p, isIndentSpace) == 0
		if p = strings.TrimLeftFunc(p, isIndentSpace); strings.HasPrefix(p, "#") {
			p = markdownHeading().ReplaceAllString(p, "") // (which copies every line it is given)
		}
		for i, part := range splitIndents(p) {
			for j, l := range splitInline(part) {
				indented := i > 0 || j > 0 || indent
				l = strings.TrimFunc(l, unicode.IsSpace)
				if l == "" || isBoilerplate(l) || labelOnly().MatchString(l) || isBreadcrumb(l) {
					continue
				}
				if l = cleanSpaces(l); l != "" {
					lines = append(lines, textLine{text: l, indented: indented})
				}
			}
		}
	}
	lines = unwrap(lines)
	if len(lines) == 0 {
		return nil, &Error{File: name, Err: ErrEmpty}
	}
	// A document-sharing site shows the title as a file name, then the
	// report, which opens with its title again.
	if lines[0].table == 0 {
		lines[0].text = trimDocExtension(lines[0].text)
		if len(lines) > 1 && lines[1].table == 0 && lines[1].text == lines[0].text {
			lines = append(lines[:1], lines[2:]...)
		}
	}
	paras := make([]para, len(lines))
	for i, l := range lines {
		paras[i] = para{text: l.text, page: 1, heading: l.table == 0 && isHeading(l.text), table: l.table, row: l.row}
	}
	if paras[0].table == 0 {
		paras[0].title, paras[0].heading = true, true
	}
	doc := assemble(name, []Page{{Number: 1}}, paras, tables)
	doc.Format = "text"
	if paras[0].table == 0 {
		doc.Title = doc.Paragraphs[0].Text
	}
	// The tables' texts are parts of the file's lines: copied, they do not
	// keep the whole file in memory beside doc.Text.
	for i := range doc.Tables {
		ownTexts(&doc.Tables[i])
	}
	return doc, nil
}

// markdownTables turns the tables of a Markdown text into the tables of a
// text input: a row "| 原煤 | 13.61 亿吨 | 56.1% |" becomes its cells
// joined by TABs, the line under the header ("| --- | --- |") goes, and a
// caption in bold ("**表1：主要产品产量及增长情况**") loses its marks. A
// header row of fewer cells than the rows under it stands for merged
// cells ("|  | 按资产总额计算(%) | 按从业人员计算(%) |" over "|  | 1985 |
// 1995 | 1985 | 1995 |"): each of its cells after the first spans alike.
func markdownTables(lines []string) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if strings.HasPrefix(t, "**") && strings.HasSuffix(t, "**") && len(t) > 4 && i+1 < len(lines) && isPipeRow(lines[i+1]) {
			out = append(out, strings.TrimSpace(strings.Trim(t, "*")))
			continue
		}
		if !isPipeRow(t) {
			out = append(out, lines[i])
			continue
		}
		var rows [][]string
		width := 0
		for ; i < len(lines) && isPipeRow(lines[i]); i++ {
			cells := strings.Split(strings.Trim(strings.TrimSpace(lines[i]), "|"), "|")
			rule := true
			for k, c := range cells {
				cells[k] = strings.TrimSpace(c)
				rule = rule && strings.Trim(cells[k], ":-") == "" && strings.Contains(cells[k], "---")
			}
			if !rule {
				rows = append(rows, cells)
				width = max(width, len(cells))
			}
		}
		i--
		for _, cells := range rows {
			if k := len(cells); k > 1 && k < width && (width-1)%(k-1) == 0 {
				span := (width - 1) / (k - 1)
				wide := []string{cells[0]}
				for _, c := range cells[1:] {
					for range span {
						wide = append(wide, c)
					}
				}
				cells = wide
			}
			out = append(out, strings.Join(cells, "\t"))
		}
	}
	return out
}

// isPipeRow reports whether line is a row of a Markdown table.
func isPipeRow(line string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") && strings.Count(t, "|") >= 3
}

// ownTexts gives t texts of its own (see readText).
func ownTexts(t *Table) {
	t.Caption = strings.Clone(t.Caption)
	for i := range t.Notes {
		t.Notes[i] = strings.Clone(t.Notes[i])
	}
	for _, row := range t.Rows {
		for j := range row {
			row[j].Text = strings.Clone(row[j].Text)
		}
	}
}

// runOnCaptionRE matches a caption whose title follows its number with
// no space ("表3按商品分类限额以上批发零售企业消费品零售情况").
var runOnCaptionRE = lazyRegexp(`^(?:附|续)?表[0-9０-９]{1,2}\p{Han}`)

// runOnCaption reports whether s is a caption run on into its title: a
// short line with no sentence punctuation ("表854份，…" is prose), taken
// for a caption only when TAB-separated rows follow it.
func runOnCaption(s string) bool {
	return utf8.RuneCountInString(s) <= 40 && runOnCaptionRE().MatchString(s) && !strings.ContainsAny(s, "，。；,;")
}

// figureCaptionRE matches the caption of a chart ("图 9 2017-2021年…"),
// which ends a table: its TABs lay out the caption, not cells.
var figureCaptionRE = lazyRegexp(`^图\s*[0-9０-９]+(?:[-－.．][0-9０-９]+)?(?:[\s　：:、．.]|$)`)

// textTable reads the table that opens lines, if any: a caption line
// ("表2 2021年主要工业产品产量情况", TABs inside it taken as spaces),
// optional unit-note lines ("单位：亿元"), then one or more lines holding
// TABs, one row each, cells split at single TABs so that empty cells keep
// their place. A TAB that indents every row is not a cell. A line that
// holds several rows stacked into its cells is read back into its rows
// (see unstackRow). It returns the
// table and the number of lines it takes, or 0 when lines does not open
// with a table.
func textTable(lines []string) (Table, int) {
	caption := cleanCell(lines[0])
	if !isCaption(caption) && !runOnCaption(caption) {
		return Table{}, 0
	}
	t := Table{Caption: caption, Page: 1, Source: "text"}
	i := 1
	for ; i < len(lines) && !strings.Contains(lines[i], "\t") && isUnitNote(lines[i]); i++ {
		t.Notes = append(t.Notes, strings.TrimSpace(lines[i]))
	}
	start := i
	for i < len(lines) && strings.Contains(strings.TrimLeft(lines[i], " \u3000"), "\t") && !isCaption(cleanCell(lines[i])) &&
		!figureCaptionRE().MatchString(cleanCell(lines[i])) {
		i++
	}
	if i == start {
		return Table{}, 0
	}
	rows := lines[start:i]
	indented := true
	for _, l := range rows {
		indented = indented && strings.HasPrefix(strings.TrimLeft(l, " \u3000"), "\t")
	}
	var raw [][]string
	for _, l := range rows {
		l = strings.TrimLeft(l, " \u3000")
		if indented {
			l = l[1:]
		}
		raw = append(raw, strings.Split(l, "\t"))
	}
	raw = unstackRows(raw)
	cols := 0
	for _, cells := range raw {
		cols = max(cols, len(cells))
	}
	for _, cells := range raw {
		row := make([]Cell, cols)
		for c := range row {
			row[c] = Cell{Page: 1, RowSpan: 1, ColSpan: 1, Offset: -1}
			if c < len(cells) {
				row[c].Text = cleanCell(cells[c])
			}
		}
		t.Rows = append(t.Rows, row)
	}
	t.Header = headerRows(t.Rows)
	return t, i
}
