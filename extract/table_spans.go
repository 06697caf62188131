package extract

import "fmt"

// Tables read from markup (.docx, .html) name their merged cells by span:
// a cell spans rowSpan rows and colSpan columns. placeCells puts such
// cells into the grid of a Table: every row the same length, a merged
// cell at its top-left position, the positions it covers as covered
// cells (RowSpan == ColSpan == 0).

// A spanCell is one cell of a table read from markup.
type spanCell struct {
	text             string // clean text
	page             int    // 1-based
	rowSpan, colSpan int    // 1 or more
	col              int    // grid column the cell must stand in, or -1 for the next free one
}

// placeCells builds the grid of a table from its rows of spanCells. Row
// spans that run past the last row are cut there. It fails with
// ErrTooLarge when the grid would pass lim's columns or cells.
func placeCells(rows [][]spanCell, lim markupLimits) ([][]Cell, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	// taken[r][c] is true for a position already filled by a cell from
	// an earlier row (a row span) or earlier in this row.
	taken := make([]map[int]bool, len(rows))
	for i := range taken {
		taken[i] = map[int]bool{}
	}
	type placed struct {
		r, c int
		cell spanCell
	}
	var all []placed
	width, marked := 0, 0
	for r, row := range rows {
		next := 0
		for _, sc := range row {
			sc.rowSpan = min(max(sc.rowSpan, 1), len(rows)-r)
			sc.colSpan = max(sc.colSpan, 1)
			c := sc.col
			if c < 0 || taken[r][c] {
				c = max(next, 0)
				for taken[r][c] {
					c++
				}
			}
			if c+sc.colSpan > lim.columns {
				return nil, fmt.Errorf("%w: a table of more than %d columns", ErrTooLarge, lim.columns)
			}
			if marked += sc.rowSpan * sc.colSpan; marked > lim.cells {
				return nil, fmt.Errorf("%w: a table of more than %d cells", ErrTooLarge, lim.cells)
			}
			for dr := 0; dr < sc.rowSpan; dr++ {
				for dc := 0; dc < sc.colSpan; dc++ {
					taken[r+dr][c+dc] = true
				}
			}
			all = append(all, placed{r, c, sc})
			next = c + sc.colSpan
			width = max(width, next)
		}
		if len(rows)*width > lim.cells {
			return nil, fmt.Errorf("%w: a table of more than %d cells", ErrTooLarge, lim.cells)
		}
	}
	grid := make([][]Cell, len(rows))
	for r := range grid {
		grid[r] = make([]Cell, width)
		for c := range grid[r] {
			grid[r][c] = Cell{Offset: -1, RowSpan: 1, ColSpan: 1} // an empty position
		}
	}
	for _, p := range all {
		cs := min(p.cell.colSpan, width-p.c)
		for dr := 0; dr < p.cell.rowSpan; dr++ {
			for dc := 0; dc < cs; dc++ {
				grid[p.r+dr][p.c+dc] = Cell{Offset: -1, Page: p.cell.page} // covered
			}
		}
		grid[p.r][p.c] = Cell{Text: p.cell.text, Offset: -1, Page: p.cell.page, RowSpan: p.cell.rowSpan, ColSpan: cs}
	}
	// Empty positions take the page of the cell before them.
	for r := range grid {
		for c := range grid[r] {
			if grid[r][c].Page == 0 {
				switch {
				case c > 0:
					grid[r][c].Page = grid[r][c-1].Page
				case r > 0:
					grid[r][c].Page = grid[r-1][c].Page
				}
			}
		}
	}
	return grid, nil
}
