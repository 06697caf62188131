package extract

import (
	"strings"
	"unicode/utf8"
)

// This file gives a table its caption — the 表N line above or below it,
// or a title ending in 表 — and the unit notes printed above it.

// caption gives t its caption and unit notes: up to five unused rows
// right above it (each within 2.5 em of the next) that are unit notes
// ("单位：万元", also as one part of a row "编制单位：…  单位：元") and, above
// those, a caption line (表N …) or a title ending in 表; failing that, a
// caption line right below it. The rows taken are marked used.
func (pf *pageFinder) caption(t *pageTable) {
	lo, hi := t.x0-2*pf.em, t.x1+2*pf.em
	part := func(ri int) tline { return pf.rowPart(ri, lo, hi) }
	take := func(l tline) {
		for _, gi := range l.gi {
			pf.used[l.ri][gi] = true
		}
	}
	// Rows above, nearest first.
	prev := t.y1
	var notes []string
	for ri := len(pf.rows) - 1; ri >= 0 && len(notes) < 5; ri-- {
		if pf.rows[ri].y <= t.y1 {
			continue
		}
		l := part(ri)
		if len(l.gs) == 0 {
			continue
		}
		if l.y-prev > 2.5*pf.em+l.size {
			break
		}
		text := makeLine(l.gs, l.spaces, l.y, 0).text
		if isTableTitle(text) {
			take(l)
			t.Caption = cleanCell(text)
			t.captionY = l.y
			break
		}
		// A row with a unit note: its notes and "编制单位：…" labels go
		// to the table; anything else on it (a heading) stays prose.
		// Above a unit note, rows of labels and a date line ("2020年12月
		// 31日" under a statement's title) are notes too.
		var kept []chunk
		unit := false
		for _, c := range l.chunks(1.5 * pf.em) {
			text := strings.TrimSpace(c.text())
			switch {
			case isUnitNote(text):
				unit = true
				kept = append(kept, c)
			case isLabelNote(text), len(notes) > 0 && dateRE().MatchString(text):
				kept = append(kept, c)
			}
		}
		if !unit && (len(notes) == 0 || len(kept) != len(l.chunks(1.5*pf.em))) {
			break
		}
		var texts []string
		for _, c := range kept {
			texts = append(texts, strings.TrimSpace(c.text()))
			for _, g := range c.gs {
				for i, gg := range l.gs {
					if gg == g {
						pf.used[l.ri][l.gi[i]] = true
					}
				}
			}
		}
		notes = append(texts, notes...)
		prev = l.y
	}
	t.Notes = notes
	if t.Caption != "" {
		return
	}
	for ri, r := range pf.rows {
		if r.y >= t.y0 {
			continue
		}
		l := part(ri)
		if len(l.gs) == 0 {
			continue
		}
		if t.y0-(l.y+l.size) > 2.5*pf.em {
			return
		}
		if text := makeLine(l.gs, l.spaces, l.y, 0).text; isCaption(text) {
			take(l)
			t.Caption = cleanCell(text)
			t.captionY = l.y
		}
		return
	}
}

// rowPart returns the unused glyphs of row ri whose centre lies between
// lo and hi, as a line.
func (pf *pageFinder) rowPart(ri int, lo, hi float64) tline {
	l := tline{ri: ri, y: pf.rows[ri].y, size: pf.rows[ri].size}
	for gi, g := range pf.rows[ri].glyphs {
		if x, _ := centre(g); !pf.used[ri][gi] && x >= lo && x <= hi {
			l.gi, l.gs = append(l.gi, gi), append(l.gs, g)
		}
	}
	for _, s := range pf.rows[ri].spaces {
		if s.X >= lo && s.X <= hi {
			l.spaces = append(l.spaces, s)
		}
	}
	return l
}

// dateRE matches a line that is only a date or a period ("2020年12月31日",
// "2020年度", "2021年1-6月").
var dateRE = lazyRegexp(`^[0-9]{4}年(?:[0-9]{1,2}(?:[-－—~～至][0-9]{1,2})?月(?:[0-9]{1,2}日)?|度)?$`)

// isLabelNote reports whether s is a "label：value" note printed with a
// table's unit ("编制单位：上海市财政局", "币种：人民币").
func isLabelNote(s string) bool {
	i := strings.IndexAny(s, ":：")
	return i > 0 && utf8.RuneCountInString(s[:i]) <= 6 && utf8.RuneCountInString(s) <= 40 && !strings.ContainsAny(s, "，。；")
}

// isTableTitle reports whether s, the line above a table, is its caption:
// a caption line (表N …) or, as budgets and final accounts title their
// tables, a short title ending in 表 ("2025年部门财务收支预算总表").
func isTableTitle(s string) bool {
	s = strings.TrimSpace(s)
	if isCaption(s) {
		return true
	}
	if strings.ContainsAny(s, "\t，。；") || utf8.RuneCountInString(s) > 40 {
		return false
	}
	s = strings.TrimRight(s, "）)") // "…情况表（草案）"
	return strings.HasSuffix(s, "表") || strings.Contains(s, "表（") || strings.Contains(s, "表(")
}
