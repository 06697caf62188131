package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZLines(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	fh, _ := os.Open(f)
	st, _ := fh.Stat()
	raw, _ := readPDF(f, fh, st.Size())
	prs := make([]pageRows, len(raw))
	for i := range raw {
		rows, em := buildRows(raw[i])
		prs[i] = pageRows{raw: &raw[i], rows: rows, em: em}
	}
	drop, _ := dropRunning(prs)
	var cols []column
	for i, p := range raw {
		var rows []row
		for ri, r := range prs[i].rows {
			if !drop[i][ri] {
				rows = append(rows, r)
			}
		}
		for _, seg := range segments(rows, prs[i].em) {
			cols = append(cols, column{page: p.Number, lines: seg})
		}
	}
	pat := os.Getenv("PAT")
	for ci, c := range cols {
		m, ok := measure(c.lines)
		for li, l := range c.lines {
			if pat != "" && strings.Contains(l.text, pat) {
				fmt.Printf("col %d page %d metrics %+v %v\n", ci, c.page, m, ok)
				for _, k := range c.lines[max(0, li-3):min(len(c.lines), li+3)] {
					r := []rune(k.text)
					fmt.Printf("  y=%.1f x0=%.1f x1=%.1f s=%.1f tab=%v %s…%s\n", k.y, k.x0, k.x1, k.size, k.tab, string(r[:min(12, len(r))]), string(r[max(0, len(r)-6):]))
				}
			}
		}
	}
}
