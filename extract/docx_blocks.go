package extract

import (
	"strings"
)

// blocks turns the items read from a .docx into blocks, the pages counted
// the way the file allows (see docxParser.rendered).
func (p *docxParser) blocks(items []docxItem) ([]block, error) {
	var out []block
	for _, it := range items {
		switch {
		case it.para != nil:
			if it.para.toc {
				continue
			}
			out = append(out, p.paraBlock(it.para))
		case it.table != nil:
			if isFrame(it.table) {
				// A one-column table that frames text: its cells are
				// the document's paragraphs and tables.
				for _, r := range it.table.rows {
					for _, c := range r.cells {
						bs, err := p.blocks(c.items)
						if err != nil {
							return nil, err
						}
						out = append(out, bs...)
					}
				}
				continue
			}
			t, err := p.tableOf(it.table)
			if err != nil {
				return nil, err
			}
			out = append(out, block{table: t})
		}
	}
	return out, nil
}

// paraBlock is the block of a paragraph.
func (p *docxParser) paraBlock(para *docxPara) block {
	b := block{heading: para.heading, title: para.title, join: para.join}
	for i := range para.parts {
		b.parts = append(b.parts, blockPart{text: para.parts[i].text.String(), page: para.parts[i].at.pick(p.rendered)})
	}
	return b
}

// isFrame reports whether t is a one-column table used to frame text.
func isFrame(t *docxTable) bool {
	if len(t.rows) == 0 {
		return false
	}
	for _, r := range t.rows {
		if len(r.cells) != 1 || r.cells[0].col != 0 {
			return false
		}
	}
	return true
}

// tableOf builds the Table of a table read from a .docx: vertically
// merged cells (w:vMerge restart … continue) become row spans.
func (p *docxParser) tableOf(dt *docxTable) (*Table, error) {
	rows := make([][]spanCell, len(dt.rows))
	open := map[int]*spanCell{} // by grid column: the cell a vMerge continues
	for r, row := range dt.rows {
		rows[r] = make([]spanCell, 0, len(row.cells))
		for _, c := range row.cells {
			if c.vmerge == 2 {
				if o := open[c.col]; o != nil {
					o.rowSpan++
					continue
				}
			}
			text, page := p.cellText(c.items, dt.at.pick(p.rendered))
			rows[r] = append(rows[r], spanCell{text: text, page: page, rowSpan: 1, colSpan: c.span, col: c.col})
		}
		// Point the merges open after this row at its cells (their
		// addresses are final once the row is complete).
		for _, c := range row.cells {
			if c.vmerge != 2 {
				for k := c.col; k < c.col+c.span; k++ {
					delete(open, k)
				}
			}
		}
		for i := range rows[r] {
			sc := &rows[r][i]
			for _, c := range row.cells {
				if c.col == sc.col && c.vmerge == 1 {
					open[c.col] = sc
				}
			}
		}
	}
	grid, err := placeCells(rows, p.lim)
	if err != nil {
		return nil, err
	}
	t := &Table{Rows: grid, Header: dt.header, Source: "docx", Page: dt.at.pick(p.rendered)}
	if len(grid) > 0 {
		t.Page = grid[0][0].Page
	}
	return t, nil
}

// cellText is the clean text of a cell's paragraphs, joined as the lines
// of one paragraph, and the page of its first paragraph (page when it
// has none). A table nested in the cell is flattened into the text: its
// cells separated by "，", its rows by "；".
func (p *docxParser) cellText(items []docxItem, page int) (string, int) {
	var text string
	first := true
	add := func(s string, pg int) {
		if s = cleanCell(s); s == "" {
			return
		}
		if first {
			page, first = pg, false
		}
		text = joinLines(text, s)
	}
	for _, it := range items {
		switch {
		case it.para != nil && !it.para.toc:
			for _, part := range it.para.parts {
				add(part.text.String(), part.at.pick(p.rendered))
			}
		case it.table != nil:
			var rows []string
			for _, r := range it.table.rows {
				var cells []string
				for _, c := range r.cells {
					if s, _ := p.cellText(c.items, page); s != "" {
						cells = append(cells, s)
					}
				}
				if len(cells) > 0 {
					rows = append(rows, strings.Join(cells, "，"))
				}
			}
			add(strings.Join(rows, "；"), it.table.at.pick(p.rendered))
		}
	}
	return text, page
}
