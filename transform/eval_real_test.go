package transform_test

// The real-table evaluation: hand labels of table pages of real PDFs
// (testdata/labels-real), scored against the table records that the
// whole pipeline reads from those pages. The PDFs live in
// ../shared/real-pdfs and are never copied here: the sets are skipped
// when they are absent.

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/transform"
)

// realLabels holds the labels of real table pages; their "# source:"
// names a PDF relative to the repository root (repoRoot from here).
const (
	realLabels = "testdata/labels-real"
	repoRoot   = ".."
)

// realLabelSets reads the labels of real table pages. Every row labels
// a table's figure; the set scores the table records of its pages.
func realLabelSets(t *testing.T) []*labelSet {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(realLabels, "*.tsv"))
	var sets []*labelSet
	for _, p := range paths {
		ls, err := readLabels(p)
		if err != nil {
			t.Fatal(err)
		}
		if ls.source == "" || ls.pages == nil {
			t.Fatalf("%s: want \"# source:\" and \"# pages:\" comments", p)
		}
		for i := range ls.labels {
			ls.labels[i].table = true
		}
		ls.source = filepath.Join(repoRoot, filepath.FromSlash(ls.source))
		ls.name = "real/" + strings.TrimSuffix(filepath.Base(p), ".tsv")
		sets = append(sets, ls)
	}
	return sets
}

// inPages reports whether page is inside the ranges pages.
func inPages(page int, pages [][2]int) bool {
	return slices.ContainsFunc(pages, func(r [2]int) bool { return page >= r[0] && page <= r[1] })
}

// scoreReal reads the PDF of ls and scores the table records of its
// labelled pages against its labels, as scoreDoc scores table rows.
func scoreReal(t *testing.T, tr *transform.Transformer, ls *labelSet) result {
	t.Helper()
	doc, err := extract.Open(ls.source)
	if err != nil {
		t.Logf("extract.Open: %v", err)
	}
	res := result{name: ls.name, attr: attrScore{}}
	if doc == nil {
		n := len(ls.labels)
		res.full, res.detect = score{labels: n}, score{labels: n}
		res.table.full, res.table.detect = res.full, res.detect
		return res
	}
	var recs []transform.Indicator
	for _, r := range tr.Indicators(doc) {
		if r.Table != "" && inPages(r.Page, ls.pages) {
			recs = append(recs, r)
		}
	}
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].Offset < recs[j].Offset })
	p, _ := scorePart(t, "[table] ", ls.labels, recs, []rune(doc.Text), paragraphOf(doc))
	res.table = p
	res.full, res.detect, res.attr = p.full, p.detect, p.attr
	t.Logf("%s", formatRow(res))
	return res
}

// evalReal scores every real-table labels set whose PDF is present and
// returns the results; TestEval reports them beside the text scores.
func evalReal(t *testing.T, tr *transform.Transformer) []result {
	t.Helper()
	var results []result
	for _, ls := range realLabelSets(t) {
		t.Run(ls.name, func(t *testing.T) {
			if _, err := os.Stat(ls.source); err != nil {
				t.Skipf("PDF absent: %v", err)
			}
			results = append(results, scoreReal(t, tr, ls))
		})
	}
	return results
}
