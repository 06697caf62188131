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

// realLabels holds the labels of real table pages, realProseLabels those
// of the prose of real pages; their "# source:" names a PDF relative to
// the repository root (repoRoot from here).
const (
	realLabels      = "testdata/labels-real"
	realProseLabels = "testdata/labels-real-prose"
	repoRoot        = ".."
)

// realLabelSets reads the labels of real pages in dir. Every row labels a
// table's figure (table) or a figure of the prose (not table); the set
// scores the table or the prose records of its pages.
func realLabelSets(t *testing.T, dir string, table bool) []*labelSet {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.tsv"))
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
			ls.labels[i].table = table
		}
		ls.source = filepath.Join(repoRoot, filepath.FromSlash(ls.source))
		ls.name = "real/" + strings.TrimSuffix(filepath.Base(p), ".tsv")
		if !table {
			ls.name = "real-prose/" + strings.TrimSuffix(filepath.Base(p), ".tsv")
		}
		sets = append(sets, ls)
	}
	return sets
}

// inPages reports whether page is inside the ranges pages.
func inPages(page int, pages [][2]int) bool {
	return slices.ContainsFunc(pages, func(r [2]int) bool { return page >= r[0] && page <= r[1] })
}

// scoreReal reads the PDF of ls and scores the table records (table) or
// the prose records of its labelled pages against its labels, as scoreDoc
// scores table or prose rows.
func scoreReal(t *testing.T, tr *transform.Transformer, ls *labelSet, table bool) result {
	t.Helper()
	doc, err := extract.Open(ls.source)
	if err != nil {
		t.Logf("extract.Open: %v", err)
	}
	res := result{name: ls.name, attr: attrScore{}}
	if doc == nil {
		n := len(ls.labels)
		res.full, res.detect = score{labels: n}, score{labels: n}
		if table {
			res.table.full, res.table.detect = res.full, res.detect
		} else {
			res.prose.full, res.prose.detect = res.full, res.detect
		}
		return res
	}
	var recs []transform.Indicator
	for _, r := range tr.Indicators(doc) {
		if (r.Table != "") == table && inPages(r.Page, ls.pages) {
			recs = append(recs, r)
		}
	}
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].Offset < recs[j].Offset })
	tag := "[prose] "
	if table {
		tag = "[table] "
	}
	p, _ := scorePart(t, tag, ls.labels, recs, []rune(doc.Text), paragraphOf(doc))
	if table {
		res.table = p
	} else {
		res.prose = p
	}
	res.full, res.detect, res.attr = p.full, p.detect, p.attr
	t.Logf("%s", formatRow(res))
	return res
}

// evalReal scores every labels set of dir whose PDF is present, on the
// table records (table) or the prose records of its pages, and returns
// the results; TestEval reports them beside the text scores.
func evalReal(t *testing.T, tr *transform.Transformer, dir string, table bool) []result {
	t.Helper()
	var results []result
	for _, ls := range realLabelSets(t, dir, table) {
		t.Run(ls.name, func(t *testing.T) {
			if _, err := os.Stat(ls.source); err != nil {
				t.Skipf("PDF absent: %v", err)
			}
			results = append(results, scoreReal(t, tr, ls, table))
		})
	}
	return results
}
