package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dumpTables renders the tables of doc for a golden file: per table its
// page, source, header rows, caption and notes, then one line per row,
// cells separated by " | ", a merged cell followed by {rows×cols}, a
// covered position as "^", and a row on another page than the table's
// marked with its page.
func dumpTables(doc *Document) string {
	var b strings.Builder
	for i, t := range doc.Tables {
		fmt.Fprintf(&b, "## table %d: page %d, %s, %d×%d, header %d\n", i+1, t.Page, t.Source, len(t.Rows), t.Cols(), t.Header)
		fmt.Fprintf(&b, "caption: %s\n", t.Caption)
		if len(t.Notes) > 0 {
			fmt.Fprintf(&b, "notes: %s\n", strings.Join(t.Notes, " / "))
		}
		for _, row := range t.Rows {
			page := 0
			cells := make([]string, len(row))
			for c, cell := range row {
				switch {
				case cell.Covered():
					cells[c] = "^"
				case cell.RowSpan != 1 || cell.ColSpan != 1:
					cells[c] = fmt.Sprintf("%s{%d×%d}", cell.Text, cell.RowSpan, cell.ColSpan)
				default:
					cells[c] = cell.Text
				}
				if page == 0 && cell.Page != 0 {
					page = cell.Page
				}
			}
			if page != t.Page {
				fmt.Fprintf(&b, "(p%d) ", page)
			}
			b.WriteString(strings.Join(cells, " | "))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// TestTableGolden compares the tables read from each fixture PDF that has
// tables with testdata/<fixture>.tables.golden (see dumpTables). Run
// `go test ./extract -update` to rewrite them, and review the diff.
func TestTableGolden(t *testing.T) {
	for _, pdfs := range tableFixtures(t, fixtures) {
		for _, file := range pdfs {
			base := filepath.Base(file)
			golden := filepath.Join("testdata", strings.TrimSuffix(base, ".pdf")+".tables.golden")
			if wantErr(file) != nil {
				continue
			}
			t.Run(base, func(t *testing.T) {
				doc, err := Open(file)
				if err != nil {
					t.Fatal(err)
				}
				if len(doc.Tables) == 0 {
					if _, err := os.Stat(golden); err == nil {
						t.Fatalf("no tables read; %s expects some", golden)
					}
					return
				}
				checkGolden(t, "tables", golden, dumpTables(doc))
			})
		}
	}
}
