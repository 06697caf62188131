package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Stacked rows.
//
// A .docx whose table was made of one paragraph per row inside a single
// cell, or a conversion that lost the row borders, comes out as one text
// line that holds every row of a column in one cell: the labels joined by
// spaces ("合计  养老机构  社会福利院"), the figures of a column joined by
// spaces ("34  4  23 5 2"), or the figures of each row in TAB-separated
// cells with two spaces closing each row ("42696⇥530.5  ⇥39961⇥503.6").
// unstackRow reads such a line back into rows when the counts agree, and
// leaves it alone otherwise: pairing labels and figures by guess would give
// wrong rows, which are worse than none.

// BUG(zhibiao): A stacked cell whose labels run together with no space
// and no repeated last word ("市辖区县级市县" for 市辖区, 县级市, 县) cannot
// be cut without a dictionary: its column keeps the stacked cell, and its
// figures give no records.

// unstackRow returns the rows that the raw cells of one body line stand
// for, given cols, the number of columns the header rows have (0 when the
// table has no header). It returns nil when the line is an ordinary row.
func unstackRow(raw []string, cols int) [][]string {
	if cols > 0 && len(raw) > cols {
		return unstackSpread(raw, cols)
	}
	return unstackCells(raw)
}

// unstackSpread reads a line whose row figures were spread over more
// cells than the table has columns: k leading text cells (labels, units)
// each holding n items, then n groups of cols-k figures, each group
// closed by two spaces or more (empty cells between groups are padding).
func unstackSpread(raw []string, cols int) [][]string {
	k := 0
	for k < len(raw) && strings.TrimSpace(raw[k]) != "" && !looksNumeric(raw[k]) {
		k++
	}
	m := cols - k
	if k == 0 || m < 1 {
		return nil
	}
	marked := closedGroups(raw[k:])
	var groups [][]string
	var cur []string
	for _, c := range raw[k:] {
		t := strings.TrimSpace(c)
		if t == "" {
			if len(cur) > 0 {
				return nil // a gap inside a group: not a stacked line
			}
			continue
		}
		if !isNumber(t) {
			return nil
		}
		cur = append(cur, t)
		if marked && strings.HasSuffix(c, "  ") || !marked && len(cur) == m {
			groups = append(groups, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		groups = append(groups, cur)
	}
	n := len(groups)
	if n < 2 {
		return nil
	}
	for _, g := range groups {
		if len(g) != m {
			return nil
		}
	}
	items := make([][]string, k)
	for c := 0; c < k; c++ {
		if items[c] = splitStack(raw[c], n); items[c] == nil {
			return nil
		}
	}
	rows := make([][]string, n)
	for i := range rows {
		row := make([]string, 0, cols)
		for c := 0; c < k; c++ {
			row = append(row, items[c][i])
		}
		rows[i] = append(row, groups[i]...)
	}
	return rows
}

// closedGroups reports whether some cell of cells ends with two spaces,
// the mark that closes a row's group of figures.
func closedGroups(cells []string) bool {
	for _, c := range cells {
		if strings.HasSuffix(c, "  ") {
			return true
		}
	}
	return false
}

// unstackCells reads a line whose every cell holds a column of several
// rows: a text cell of labels and the cells of figures after it (up to
// the next text cell) each split into the same number of items. Columns
// whose counts disagree stay as they are, in the first row.
func unstackCells(raw []string) [][]string {
	type group struct{ from, to, n int }
	var groups []group
	stacked := false
	for c := 0; c < len(raw); {
		if looksNumeric(raw[c]) || strings.TrimSpace(raw[c]) == "" {
			c++
			continue
		}
		e := c + 1
		for e < len(raw) && looksNumeric(raw[e]) {
			e++
		}
		g := group{from: c, to: e}
		if e > c+1 {
			n := len(strings.Fields(raw[c+1]))
			ok := n >= 2
			for _, v := range raw[c+1 : e] {
				f := strings.Fields(v)
				ok = ok && len(f) == n && allNumbers(f)
			}
			if ok && splitStack(raw[c], n) != nil {
				g.n, stacked = n, true
			}
		}
		groups = append(groups, g)
		c = e
	}
	if !stacked {
		return nil
	}
	height := 1
	for _, g := range groups {
		height = max(height, g.n)
	}
	rows := make([][]string, height)
	for i := range rows {
		rows[i] = make([]string, len(raw))
	}
	copy(rows[0], raw)
	for _, g := range groups {
		if g.n == 0 {
			continue
		}
		labels := splitStack(raw[g.from], g.n)
		for i := 0; i < g.n; i++ {
			rows[i][g.from] = labels[i]
		}
		for c := g.from + 1; c < g.to; c++ {
			for i, v := range strings.Fields(raw[c]) {
				rows[i][c] = v
			}
		}
	}
	return rows
}

// splitStack splits a cell of stacked labels or units into n items: at
// runs of two spaces or more, else at any space; a cell that is n copies
// of one unit ("万个万个万个") is cut into them; and a shortfall of items
// is made up by cutting one item at each end of its last word where that
// word ends each part ("省级民政部门登记市级民政部门登记" → two items). It
// returns nil when the cell cannot be split into exactly n items.
func splitStack(s string, n int) []string {
	s = strings.TrimSpace(s)
	if n == 1 {
		return []string{s}
	}
	items := splitRuns(s)
	if len(items) != n {
		items = strings.Fields(s)
	}
	if len(items) == 1 {
		if rs := []rune(s); len(rs)%n == 0 && strings.Repeat(string(rs[:len(rs)/n]), n) == s {
			out := make([]string, n)
			for i := range out {
				out[i] = string(rs[:len(rs)/n])
			}
			return out
		}
	}
	if len(items) < n {
		items = splitRepeated(items, n)
	}
	if len(items) != n {
		return nil
	}
	return items
}

// splitRuns splits s at runs of two or more white-space runes.
func splitRuns(s string) []string {
	out := splitSpaceRuns(s, func(run []rune) bool { return len(run) >= 2 })
	for i := range out {
		out[i] = strings.TrimSpace(out[i])
	}
	return out
}

// splitRepeated makes up a shortfall of n-len(items) items by cutting one
// item that is several items run together, each ending with the same word
// of two runes or more ("省级民政部门登记市级民政部门登记县级民政部门登记"
// ends with 登记 three times). It returns items unchanged when no item
// can be cut into exactly the missing number plus one.
func splitRepeated(items []string, n int) []string {
	want := n - len(items) + 1
	for i, it := range items {
		rs := []rune(it)
		for l := 2; l <= 6 && l*want < len(rs); l++ {
			end := string(rs[len(rs)-l:])
			parts := strings.SplitAfter(it, end)
			if parts[len(parts)-1] == "" {
				parts = parts[:len(parts)-1]
			}
			if len(parts) != want {
				continue
			}
			ok := true
			for _, p := range parts {
				ok = ok && utf8.RuneCountInString(p) > l
			}
			if !ok {
				continue
			}
			out := append(append(append([]string(nil), items[:i]...), parts...), items[i+1:]...)
			return out
		}
	}
	return items
}

// isNumber reports whether s is one figure: digits with an optional sign,
// separators, decimal point and percent sign, and no space inside.
func isNumber(s string) bool {
	return looksNumeric(s) && !strings.ContainsFunc(s, unicode.IsSpace)
}

// allNumbers reports whether every item of fs is one figure.
func allNumbers(fs []string) bool {
	for _, f := range fs {
		if !isNumber(f) {
			return false
		}
	}
	return true
}

// unstackRows returns the raw rows of a text table (cells split at TABs)
// with each stacked body line replaced by the rows it stands for. The
// header rows are those before the first line with a figure in a cell
// other than the first, as headerRows counts them.
func unstackRows(raw [][]string) [][]string {
	header := len(raw)
	for r, cells := range raw {
		if slices.IndexFunc(cells[min(1, len(cells)):], looksNumeric) >= 0 {
			header = r
			break
		}
	}
	cols := 0
	for _, cells := range raw[:header] {
		cols = max(cols, len(cells))
	}
	if header == len(raw) {
		return raw
	}
	out := append([][]string(nil), raw[:header]...)
	for _, cells := range raw[header:] {
		if rows := unstackRow(cells, cols); rows != nil {
			out = append(out, rows...)
			continue
		}
		out = append(out, cells)
	}
	return out
}
