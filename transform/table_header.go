package transform

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/extract"
)

// Table headers and notes found apart. A research note prints the years of its
// forecast table ("2020 2021 2022E 2023E 2024E") as a line of its own,
// which the PDF reader may leave out of the grid, so that the table's
// figure columns have no header and cannot be told apart. The line is
// the table's header again when it stands a little above the table on
// the same page, with nothing but other tables, source notes and
// captions between, and holds exactly one year for each figure column.

// yearTokenRE matches one year of a header line: 2021, 2022E (a
// forecast), 2020A (a result), 2021年.
var yearTokenRE = lazyRegexp(`^(?:19|20)[0-9]{2}[AEFP]?年?$`)

// tableNoteRE matches the short lines that stand between a table and
// its header line: sources, notes, a caption, a unit note.
var tableNoteRE = lazyRegexp(`^(?:资料来源|数据来源|来源|注|备注|说明|单位|(?:附|续)?表\s*[0-9０-９]+)`)

// lookBack is how many paragraphs above a table its header line is
// looked for.
const lookBack = 8

// withFoundHeader returns table ti of r.doc, t, with a header row made of
// the year line above it (see above) when t has no header and two or
// more figure columns; t itself otherwise. The line's caption, a
// paragraph "表N …" right above it, becomes the table's caption when it
// has none.
func (r *run) withFoundHeader(ti int, t *extract.Table) *extract.Table {
	if t.Header > 0 || len(t.Rows) == 0 {
		return t
	}
	var values []int
	for c, col := range tableColumns(t) {
		if col.role == colValue {
			values = append(values, c)
		}
	}
	if len(values) < 2 {
		return t
	}
	first := -1
	for i, p := range r.doc.Paragraphs {
		if p.Table == ti+1 {
			first = i
			break
		}
	}
	for k := first - 1; k >= 0 && k >= first-lookBack; k-- {
		p := r.doc.Paragraphs[k]
		if p.Page != t.Page {
			break
		}
		if p.Table != 0 {
			continue
		}
		years := strings.Fields(p.Text)
		if len(years) == len(values) && allYears(years) {
			return headed(t, values, years, r.captionAbove(k))
		}
		if utf8.RuneCountInString(p.Text) > 40 || !tableNoteRE().MatchString(strings.TrimSpace(p.Text)) {
			break
		}
	}
	return t
}

// allYears reports whether every token is a year of a header line.
func allYears(tokens []string) bool {
	for _, s := range tokens {
		if !yearTokenRE().MatchString(s) {
			return false
		}
	}
	return true
}

// captionAbove returns the paragraph right above paragraph k when it is a
// table's caption ("表22：现金流量表（单位：百万元）"), else "".
func (r *run) captionAbove(k int) string {
	if k == 0 {
		return ""
	}
	p := r.doc.Paragraphs[k-1]
	if s := strings.TrimSpace(p.Text); p.Table == 0 && utf8.RuneCountInString(s) <= 60 && tableCaptionRE().MatchString(s) {
		return s
	}
	return ""
}

// tableCaptionRE matches a table's caption.
var tableCaptionRE = lazyRegexp(`^(?:附|续)?表\s*[0-9０-９]+`)

// headed returns a copy of t with a header row that holds years over the
// columns values, and caption when t has none.
func headed(t *extract.Table, values []int, years []string, caption string) *extract.Table {
	out := *t
	head := make([]extract.Cell, t.Cols())
	for c := range head {
		head[c] = extract.Cell{Offset: -1, Page: t.Page, RowSpan: 1, ColSpan: 1}
	}
	for j, c := range values {
		head[c].Text = years[j]
	}
	out.Rows = append([][]extract.Cell{head}, t.Rows...)
	out.Header = 1
	if out.Caption == "" {
		out.Caption = caption
	}
	return &out
}

// withNotesAbove returns t, table ti of r.doc, with the unit note and the
// title printed in the short lines right above it (on its page or at the
// foot of the page before) when
// extract left them out of the table (an annual report's "合并现金流量表",
// "2020年1—12月", "单位：元币种：人民币" over a statement): t itself when
// its caption or notes state a unit already or no such line stands there.
func (r *run) withNotesAbove(ti int, t *extract.Table) *extract.Table {
	if unitOf(t.Caption) != "" || slices.ContainsFunc(t.Notes, func(n string) bool { return unitOf(n) != "" }) {
		return t
	}
	first := slices.IndexFunc(r.doc.Paragraphs, func(p extract.Paragraph) bool { return p.Table == ti+1 })
	var notes []string
	caption := ""
	for k := first - 1; k >= 0 && k >= first-3; k-- {
		p := r.doc.Paragraphs[k]
		s := strings.TrimSpace(p.Text)
		if p.Table != 0 || p.Page < t.Page-1 || utf8.RuneCountInString(s) > 30 {
			break
		}
		switch {
		case noteUnit(s) != "":
			notes = append(notes, s)
		case caption == "" && strings.HasSuffix(s, "表") && !strings.ContainsAny(s, "，。；：:"):
			caption = s
		case yearTokenRE().MatchString(s) || dateLineRE().MatchString(s):
		default:
			k = -1 // prose: stop
		}
	}
	if len(notes) == 0 {
		return t
	}
	out := *t
	out.Notes = append(slices.Clone(t.Notes), notes...)
	if out.Caption == "" {
		out.Caption = caption
	}
	return &out
}

// dateLineRE matches a line that dates a statement ("2020年1—12月",
// "2020年12月31日").
var dateLineRE = lazyRegexp(`^(?:19|20)[0-9]{2}\s*年\s*[0-9]{1,2}\s*(?:[-－—~～至]\s*[0-9]{1,2}\s*)?月(?:\s*[0-9]{1,2}\s*日)?$`)
