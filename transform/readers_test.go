package transform_test

// The readers' agreement test: the same report handed over in another
// form (scraped text on one line, a Word file, a web page) must give the
// records that its clean text gives. The clean text's records stand in
// for labels and are scored with the evaluation's matcher (eval_test.go):
// F1 of name+value+unit, and the accuracy of every attribute on matched
// pairs.
//
//	go test ./transform -run ReadersAgree -v
//	ZHIBIAO_READERS=/tmp/readers go test ./transform -run ReadersCorpus -v
//	        # <stem>.<style>.{html,htm,docx} renders of ../shared/corpus/<stem>.txt

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/transform"
)

const fixturesDir = "../fixtures"

// recordLabels turns the records of a reference document into labels:
// each record is a label keyed by its exact name, with every attribute.
// A record with neither value, yoy nor pp (a completion alone) is not a
// label the matcher can use and is left out.
func recordLabels(recs []transform.Indicator) []label {
	var ls []label
	for i, r := range recs {
		if r.StdValue == nil && r.YoY == nil && r.PP == nil {
			continue
		}
		ls = append(ls, label{
			line: i + 1, key: []string{strings.Join(strings.Fields(r.Name), "")},
			value: r.StdValue, unit: r.StdUnit, yoy: r.YoY, pp: r.PP, completion: r.Completion, delta: r.Delta,
			status: string(r.Status), bound: string(r.Bound), period: r.Period, max: r.Max,
		})
		if r.StdValue == nil {
			ls[len(ls)-1].unit = ""
		}
	}
	return ls
}

// agree scores the records of got against those of ref, the same report
// read from its clean text. It returns the scores and the worst attribute
// accuracy.
func agree(t *testing.T, tr *transform.Transformer, ref, got *extract.Document) (result, float64) {
	t.Helper()
	refRecs := tr.Indicators(ref)
	sort.SliceStable(refRecs, func(i, j int) bool { return refRecs[i].Offset < refRecs[j].Offset })
	ls := &labelSet{name: got.Name, labels: recordLabels(refRecs)}
	res, _ := scoreDoc(t, tr, ls, got, nil)
	worst := 1.0
	for _, k := range attrs {
		if res.attr[k][1] > 0 {
			worst = min(worst, res.attr.acc(k))
		}
	}
	return res, worst
}

// TestReadersAgree reads the seed report in each form it is handed over
// in and checks that its records agree with those of its clean text.
func TestReadersAgree(t *testing.T) {
	ref := filepath.Join(fixturesDir, "seed-2020-jiedao.txt")
	tests := []struct {
		file          string
		minF1, minAtt float64
	}{
		{"seed-2020-jiedao.scraped.txt", 0.95, 0.95}, // the seed as the user gave it
		{"seed-2020-jiedao.word.docx", 0.99, 0.99},
		{"seed-2020-jiedao.site.html", 0.99, 0.99},
	}
	refDoc, err := extract.Open(ref)
	if err != nil {
		t.Skipf("reference text: %v", err)
	}
	tr, err := transform.New(transform.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := extract.Open(filepath.Join(fixturesDir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			res, worst := agree(t, tr, refDoc, doc)
			t.Logf("%s: F1 %.3f, worst attribute %.3f", tt.file, res.full.f1(), worst)
			if f := res.full.f1(); f < tt.minF1 {
				t.Errorf("F1 %.3f < %.3f", f, tt.minF1)
			}
			if worst < tt.minAtt {
				t.Errorf("worst attribute accuracy %.3f < %.3f", worst, tt.minAtt)
			}
		})
	}
}

// readersEnv names the folder of corpus renders that TestReadersCorpus
// compares with the corpus texts.
const readersEnv = "ZHIBIAO_READERS"

// TestReadersCorpus compares, for every <stem>.<style>.{html,htm,docx}
// in the folder named by ZHIBIAO_READERS, the records of the render with
// those of ../shared/corpus/<stem>.txt, and logs one row per style.
func TestReadersCorpus(t *testing.T) {
	dir := os.Getenv(readersEnv)
	if dir == "" {
		t.Skipf("%s is not set", readersEnv)
	}
	tr, err := transform.New(transform.Config{})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.*.*"))
	styles := map[string][]result{}
	worst := map[string]float64{}
	for _, f := range files {
		base := filepath.Base(f)
		ext := filepath.Ext(base)
		switch ext {
		case ".html", ".htm", ".docx", ".doc", ".txt":
		default:
			continue
		}
		rest := strings.TrimSuffix(base, ext)
		stem, style := strings.TrimSuffix(rest, filepath.Ext(rest)), strings.TrimPrefix(filepath.Ext(rest), ".")+ext
		src := filepath.Join(corpusDir, stem+".txt")
		if _, err := os.Stat(src); err != nil {
			continue
		}
		t.Run(base, func(t *testing.T) {
			ref, err := extract.Open(src)
			if err != nil {
				t.Skipf("reference: %v", err)
			}
			doc, err := extract.Open(f)
			if doc == nil {
				t.Errorf("extract.Open: %v", err)
				n := len(tr.Indicators(ref))
				styles[style] = append(styles[style], result{name: stem, full: score{labels: n}, detect: score{labels: n}, attr: attrScore{}})
				return
			}
			res, w := agree(t, tr, ref, doc)
			styles[style] = append(styles[style], res)
			if _, ok := worst[style]; !ok {
				worst[style] = 1
			}
			worst[style] = min(worst[style], w)
		})
	}
	var b strings.Builder
	names := make([]string, 0, len(styles))
	for s := range styles {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, s := range names {
		table, tot := formatTable(styles[s])
		t.Logf("%s against the texts:\n%s", s, table)
		w := 1.0
		for _, k := range attrs {
			if tot.attr[k][1] > 0 {
				w = min(w, tot.attr.acc(k))
			}
		}
		fmt.Fprintf(&b, "%-16s %4d files  F1 %.3f  dF1 %.3f  worst attribute %.3f\n", s, len(styles[s]), tot.full.f1(), tot.detect.f1(), w)
	}
	t.Logf("summary:\n%s", b.String())
}

// TestReadersFurniture reads the fixture web pages and Word files: no
// record may come from a page's furniture (navigation, sidebar news,
// publication line, related links, footer) or from a Word file's notes,
// comments and deletions, and the prose of each must give the records
// of the text it was made from.
func TestReadersFurniture(t *testing.T) {
	tr, err := transform.New(transform.Config{})
	if err != nil {
		t.Fatal(err)
	}
	// Figures that stand only in the furniture of the fixtures.
	furniture := []string{"45.6亿", "规上工业企业18", "5.8万元", "突破500", "62.3万", "浏览次数", "签约项目12", "3304020001",
		"12345678号", "33040202000123", "314000", "0573-", "1234567", "1920", "999次", "123456", "002345", "05012345",
		"4567890", "人民路88", "99亿元", "120万元", "16亿元", "新增投资3亿元", "38000", "500户", "97.0"}
	for _, tt := range []struct{ file, text string }{
		{"seed-2020-jiedao.site.html", "seed-2020-jiedao.txt"},
		{"table-2021-county.gbk.html", "table-2021-county.txt"},
		{"seed-2020-jiedao.word.docx", "seed-2020-jiedao.txt"},
		{"table-2021-county.wps.docx", "table-2021-county.txt"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := extract.Open(filepath.Join(fixturesDir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			ref, err := extract.Open(filepath.Join(fixturesDir, tt.text))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range furniture {
				if strings.Contains(ref.Text, f) {
					t.Fatalf("%q is in %s: no furniture", f, tt.text)
				}
			}
			recs := tr.Indicators(doc)
			if len(recs) == 0 {
				t.Fatal("no records")
			}
			for _, r := range recs {
				for _, f := range furniture {
					if strings.Contains(r.Sentence, f) {
						t.Errorf("record from furniture %q: %s %v %s «%s»", f, r.Name, fnum(r.Value), r.Unit, r.Sentence)
					}
				}
			}
			prose := func(doc *extract.Document, recs []transform.Indicator) []string {
				para := paragraphOf(doc)
				var out []string
				for _, r := range recs {
					if i := para(r.Offset); i >= 0 && doc.Paragraphs[i].Table == 0 {
						out = append(out, fmt.Sprintf("%s %s %s %s %s", r.Name, fnum(r.StdValue), r.StdUnit, fnum(r.YoY), r.Period))
					}
				}
				return out
			}
			got, want := prose(doc, recs), prose(ref, tr.Indicators(ref))
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("prose records differ from %s's:\n got %q\nwant %q", tt.text, got, want)
			}
		})
	}
}
