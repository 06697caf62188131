package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Table is one table of a Document: a grid of cells under an optional
// caption. Every row of Rows has the same number of cells; a merged cell
// stands at its top-left position and the positions it covers hold
// covered cells (see [Cell]). The first Header rows are column headers,
// the rest body rows whose first cells name what the row measures.
//
// A table that a PDF continues on the next page under a repeated header is
// one Table: the repeated header rows are dropped and each cell keeps its
// own page.
//
// In Document.Text a table stands as its caption (when it has one) and
// then one paragraph per row, the row's cells joined by TABs, covered
// cells as empty strings so that columns line up. Those paragraphs have
// Paragraph.Table set.
type Table struct {
	// Caption is the caption line ("表2 2021年主要工业产品产量情况"), ""
	// when none was found above or below the table.
	Caption string
	// Notes are the short lines that belong to the table without being
	// cells: a unit note ("单位：亿元") printed above it, as written.
	Notes []string
	// Page is the 1-based page on which the table begins.
	Page int
	// Header is the number of header rows at the top of Rows.
	Header int
	// Rows holds the header rows, then the body rows.
	Rows [][]Cell
	// Offset is the rune offset in Document.Text of the table's first
	// paragraph (its caption, else its first row).
	Offset int
	// Source tells how the table was found: "ruled" (cell borders drawn
	// as lines or thin rectangles), "rules" (a three-line table: rules
	// above, under the header and below only), "aligned" (no rules;
	// columns from the alignment of text), "text" (TAB-separated lines of
	// a text input), "docx" or "html".
	Source string
}

// A Cell is one position of a [Table]'s grid.
type Cell struct {
	// Text is the cell's clean text; the lines wrapped inside the cell
	// are joined as in a paragraph.
	Text string
	// Offset is the rune offset of Text in Document.Text, or -1 for an
	// empty or covered cell.
	Offset int
	// Page is the 1-based page on which the cell stands.
	Page int
	// X0, Y0, X1, Y1 is the cell's box on its page in PDF points (Y grows
	// upwards, as for [Glyph]); all zero for inputs without positions
	// (text, .docx, .html).
	X0, Y0, X1, Y1 float64
	// RowSpan and ColSpan are the extent of the cell in rows and
	// columns: 1 and 1 for a plain cell, more for a merged one. A
	// position covered by a merged cell has both 0; Table.Origin finds
	// the cell that covers it.
	RowSpan, ColSpan int
}

// Covered reports whether c is a position covered by a merged cell.
func (c Cell) Covered() bool { return c.RowSpan == 0 && c.ColSpan == 0 }

// Cols returns the number of columns of t.
func (t *Table) Cols() int {
	if len(t.Rows) == 0 {
		return 0
	}
	return len(t.Rows[0])
}

// Origin returns the row and column of the cell that covers position
// (r, c) of t: (r, c) itself unless it is covered by a merged cell.
func (t *Table) Origin(r, c int) (int, int) {
	if !t.Rows[r][c].Covered() {
		return r, c
	}
	for or := r; or >= 0; or-- {
		for oc := c; oc >= 0; oc-- {
			cell := t.Rows[or][oc]
			if !cell.Covered() && or+cell.RowSpan > r && oc+cell.ColSpan > c {
				return or, oc
			}
		}
	}
	return r, c
}

// At returns the text of the cell that covers position (r, c) of t, so
// that a label merged over several rows, or a header over several
// columns, is read at each position it spans.
func (t *Table) At(r, c int) string {
	or, oc := t.Origin(r, c)
	return t.Rows[or][oc].Text
}

// RowText returns row r of t as it stands in Document.Text: the cells'
// texts joined by TABs, a covered cell as "".
func (t *Table) RowText(r int) string {
	var b strings.Builder
	for c, cell := range t.Rows[r] {
		if c > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(cell.Text)
	}
	return b.String()
}

// captionRE matches a table caption: 表1, 表 2, 表十二, 附表3 and 续表,
// followed by a title or nothing.
var captionRE = lazyRegexp(`^(?:附|续)?表\s*[0-9０-９一二三四五六七八九十]+(?:[-－—.．][0-9０-９]+)?(?:[\s　：:、．.]|$)|^续表`)

// captionHanRE matches a caption whose title follows its number without
// a space ("表3按商品分类限额以上…"); isCaption keeps sentences that begin
// with a table's number ("表3显示，…") out by their punctuation.
var captionHanRE = lazyRegexp(`^(?:附|续)?表\s*[0-9０-９]+(?:[-－—.．][0-9０-９]+)?[\p{Han}（(“]`)

// isCaption reports whether s, a line of text, is a table caption.
func isCaption(s string) bool {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 60 {
		return false
	}
	return captionRE().MatchString(s) || captionHanRE().MatchString(s) && !strings.ContainsAny(s, "，。；")
}

// unitNoteRE matches a unit note printed with a table ("单位：亿元",
// "（单位：万元）", "金额单位：万元").
var unitNoteRE = lazyRegexp(`^[（(]?(?:金额|计量|数量)?单位\s*[:：]\s*\S{1,16}[）)]?$`)

// isUnitNote reports whether s is a table's unit note.
func isUnitNote(s string) bool { return unitNoteRE().MatchString(strings.TrimSpace(s)) }

// headerRows returns how many of the first rows of a table are column
// headers: the rows before the first one with a figure in a cell other
// than the first. A table whose first row already holds figures has no
// header; a table with no figure at all is all header but its last row.
func headerRows(rows [][]Cell) int {
	for r, row := range rows {
		if r > 0 && yearsRow(row) {
			continue // "| | 1985 | 1995 | 1985 | 1995 |" under merged headers: a header of years
		}
		for c, cell := range row {
			if c > 0 && looksNumeric(cell.Text) {
				return r
			}
		}
	}
	if len(rows) <= 1 {
		return 0
	}
	return 1
}

// yearsRow reports whether row has no label and only years after it, a
// year in each cell: the second header row of a table whose columns are
// years under merged headers.
func yearsRow(row []Cell) bool {
	if len(row) < 3 || strings.TrimSpace(row[0].Text) != "" {
		return false
	}
	for _, cell := range row[1:] {
		t := strings.TrimSuffix(strings.TrimSpace(cell.Text), "年")
		if len(t) != 4 || t < "1900" || t > "2100" || strings.Trim(t, "0123456789") != "" {
			return false
		}
	}
	return true
}

// looksNumeric reports whether a cell's text is a figure — digits with an
// optional sign, separators, a decimal point and a percent sign, or a
// dash that stands for "no figure" — rather than a label. It does not
// parse the number; that is transform's job.
func looksNumeric(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	digits := 0
	for _, r := range s {
		digit, ok := numericRune(r)
		if !ok {
			return false
		}
		if digit {
			digits++
		}
	}
	return digits > 0
}

// numericRune tells whether r may stand in a figure (see looksNumeric):
// a digit, or a sign, separator, point, percent sign, bracket or space.
func numericRune(r rune) (digit, ok bool) {
	switch {
	case r >= '0' && r <= '9', r >= '０' && r <= '９':
		return true, true
	case strings.ContainsRune("+-−－.．,，%％()（） ", r):
		return false, true
	}
	return false, false
}

// tableParas returns the paragraphs that stand for table t (the index of
// t in Document.Tables is ti): its caption, when it has one, and one
// paragraph per row. assemble sets the offsets of t and its cells.
func tableParas(ti int, t *Table) []para {
	var ps []para
	if t.Caption != "" {
		ps = append(ps, para{text: t.Caption, page: t.Page, table: ti + 1, row: -1})
	}
	for r, row := range t.Rows {
		page := t.Page
		for _, c := range row {
			if c.Page > 0 {
				page = c.Page
				break
			}
		}
		ps = append(ps, para{text: t.RowText(r), page: page, table: ti + 1, row: r})
	}
	return ps
}

// placeTables sets the offsets of each table of doc and of its cells
// from the paragraphs that stand for them (see tableParas).
func placeTables(doc *Document, paras []para) {
	seen := make([]bool, len(doc.Tables))
	for i, p := range paras {
		if p.table == 0 {
			continue
		}
		t := &doc.Tables[p.table-1]
		off := doc.Paragraphs[i].Offset
		if !seen[p.table-1] {
			seen[p.table-1] = true
			t.Offset = off
		}
		if p.row < 0 {
			continue
		}
		for c := range t.Rows[p.row] {
			cell := &t.Rows[p.row][c]
			if c > 0 {
				off++ // the TAB
			}
			if cell.Text == "" {
				cell.Offset = -1
			} else {
				cell.Offset = off
			}
			off += utf8.RuneCountInString(cell.Text)
		}
	}
}

// cleanCell is the clean text of a cell's raw text: spaces that are only
// layout removed as in a paragraph, TABs and line breaks inside it
// joined.
func cleanCell(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
	return cleanSpaces(strings.TrimFunc(s, unicode.IsSpace))
}
