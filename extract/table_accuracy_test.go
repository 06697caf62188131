package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// A tableScore counts how the cells of extracted tables agree with the
// tables of the text a PDF was rendered from.
type tableScore struct {
	want, got int // tables
	found     int // expected tables matched by an extracted one
	exact     int // matched tables whose every cell agrees
	headers   int // matched tables whose header row count agrees
	wantCells int // non-empty cells expected
	gotCells  int // non-empty cells extracted
	same      int // non-empty expected cells extracted with the same text at the same place
}

func (s *tableScore) add(o tableScore) {
	s.want += o.want
	s.got += o.got
	s.found += o.found
	s.exact += o.exact
	s.headers += o.headers
	s.wantCells += o.wantCells
	s.gotCells += o.gotCells
	s.same += o.same
}

// f1 is the harmonic mean of the share of expected cells found and the
// share of extracted cells expected.
func (s tableScore) f1() float64 {
	if s.wantCells == 0 && s.gotCells == 0 {
		return 1
	}
	if s.same == 0 {
		return 0
	}
	p, r := float64(s.same)/float64(s.gotCells), float64(s.same)/float64(s.wantCells)
	return 2 * p * r / (p + r)
}

func (s tableScore) String() string {
	return fmt.Sprintf("tables %d/%d found (%d extracted), %d exact, %d headers right; cells %d/%d expected found, %d extracted; F1 %.4f",
		s.found, s.want, s.got, s.exact, s.headers, s.same, s.wantCells, s.gotCells, s.f1())
}

// normCell is a cell's text for comparison: without whitespace.
func normCell(s string) string { return squeezeSpace(s) }

// scoreTables compares extracted tables with expected ones. Tables are
// matched by caption, else in order among the unmatched; the rows of two
// matched tables are aligned to agree on as many cells as they can (a
// missing or extra row costs only its own cells), and a cell counts
// when it holds the same text at the same column.
func scoreTables(want, got []Table) tableScore {
	s := tableScore{want: len(want), got: len(got)}
	for _, t := range got {
		s.gotCells += countCells(t)
	}
	for _, t := range want {
		s.wantCells += countCells(t)
	}
	used := make([]bool, len(got))
	match := make([]int, len(want))
	for i, w := range want {
		match[i] = -1
		for j, g := range got {
			if !used[j] && w.Caption != "" && normCell(g.Caption) == normCell(w.Caption) {
				match[i], used[j] = j, true
				break
			}
		}
	}
	for i := range want {
		if match[i] >= 0 {
			continue
		}
		for j := range got {
			if !used[j] && got[j].Caption == "" {
				match[i], used[j] = j, true
				break
			}
		}
	}
	for i, w := range want {
		if match[i] < 0 {
			continue
		}
		g := got[match[i]]
		s.found++
		same := alignRows(w.Rows, g.Rows)
		s.same += same
		if same == countCells(w) && same == countCells(g) && len(w.Rows) == len(g.Rows) {
			s.exact++
		}
		if w.Header == g.Header {
			s.headers++
		}
	}
	return s
}

func countCells(t Table) int {
	n := 0
	for _, row := range t.Rows {
		for _, c := range row {
			if normCell(c.Text) != "" {
				n++
			}
		}
	}
	return n
}

// alignRows returns the most cells two lists of rows can agree on when
// their rows are matched in order (a global alignment where a row pair
// scores its equal non-empty cells and a skipped row nothing).
func alignRows(a, b [][]Cell) int {
	rowScore := func(x, y []Cell) int {
		n := 0
		for c := 0; c < len(x) && c < len(y); c++ {
			if t := normCell(x[c].Text); t != "" && t == normCell(y[c].Text) {
				n++
			}
		}
		return n
	}
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			dp[i][j] = max(dp[i-1][j], dp[i][j-1], dp[i-1][j-1]+rowScore(a[i-1], b[j-1]))
		}
	}
	return dp[len(a)][len(b)]
}

// tableFixtures returns the fixture PDFs rendered from texts that hold
// tables, with the style of each: fixtures/<stem>.<style>.pdf for each
// fixtures/<stem>.txt whose Document has tables.
func tableFixtures(t *testing.T, dir string) map[string][]string {
	t.Helper()
	sources, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	out := map[string][]string{}
	for _, src := range sources {
		pdfs, _ := filepath.Glob(strings.TrimSuffix(src, ".txt") + ".*.pdf")
		if len(pdfs) > 0 {
			out[src] = pdfs
		}
	}
	return out
}

// styleOf returns the style part of <stem>.<style>.pdf.
func styleOf(file string) string {
	base := strings.TrimSuffix(filepath.Base(file), ".pdf")
	return base[strings.LastIndexByte(base, '.')+1:]
}

// measureTables scores the tables of every PDF rendered from a text of
// dir, per style, and logs the scores.
func measureTables(t *testing.T, dir string) map[string]tableScore {
	perStyle := map[string]tableScore{}
	for src, pdfs := range tableFixtures(t, dir) {
		want, err := Open(src)
		if err != nil {
			t.Fatal(err)
		}
		if len(want.Tables) == 0 {
			continue
		}
		for _, file := range pdfs {
			got, err := Open(file)
			if err != nil {
				t.Errorf("%s: %v", filepath.Base(file), err)
				continue
			}
			s := scoreTables(want.Tables, got.Tables)
			t.Logf("%s: %v", filepath.Base(file), s)
			st := perStyle[styleOf(file)]
			st.add(s)
			perStyle[styleOf(file)] = st
		}
	}
	styles := make([]string, 0, len(perStyle))
	for k := range perStyle {
		styles = append(styles, k)
	}
	sort.Strings(styles)
	for _, k := range styles {
		t.Logf("style %-13s %v", k, perStyle[k])
	}
	return perStyle
}

// TestTableAccuracy reads the table fixtures — invented reports with
// tables rendered by several producers — and compares their tables cell
// by cell with the tables of the texts they were rendered from. Every
// table must be found and every cell read right.
func TestTableAccuracy(t *testing.T) {
	perStyle := measureTables(t, fixtures)
	if len(perStyle) == 0 {
		t.Fatal("no table fixtures")
	}
	for style, s := range perStyle {
		if s.found != s.want || s.f1() < 1 {
			t.Errorf("%s: %v", style, s)
		}
	}
}

// TestTableAccuracyRenders measures the same on PDFs rendered into
// $ZB_TABLE_RENDERS (scripts/render-tables.py) from the texts there —
// corpus and label texts that must not be committed. It only reports.
func TestTableAccuracyRenders(t *testing.T) {
	dir := os.Getenv("ZB_TABLE_RENDERS")
	if dir == "" {
		t.Skip("ZB_TABLE_RENDERS not set")
	}
	measureTables(t, dir)
}
