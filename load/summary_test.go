package load

import (
	"math"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"github.com/zhibiao/zhibiao/transform"
)

// rec makes a record for the summary tests: "name=value unit" with the
// standard unit and value as given.
func rec(name, canonical string, std float64, unit string) transform.Indicator {
	return transform.Indicator{Name: name, Canonical: canonical, StdValue: f64(std), StdUnit: unit,
		Status: transform.Actual, Period: "2023", Section: "一、综合"}
}

// summaryOf writes a workbook of the reports (one slice of records each)
// and returns the rows of 汇总 under its note and the 复核 column of 指标.
func summaryOf(t *testing.T, reports ...[]transform.Indicator) (sum [][]string, review []string) {
	t.Helper()
	w, path := newTestWorkbook(t)
	for i, recs := range reports {
		for j := range recs {
			recs[j].Offset = j
			recs[j].Doc = "r" + strconv.Itoa(i+1)
		}
		if err := w.Add(File{Name: "r" + strconv.Itoa(i+1)}, recs); err != nil {
			t.Fatal(err)
		}
	}
	x := closeAndOpen(t, w, path)
	rows, _ := x.GetRows(SheetSummary)
	ind, _ := x.GetRows(SheetIndicators)
	for _, r := range ind[1:] {
		if len(r) > colReview {
			review = append(review, r[colReview])
		} else {
			review = append(review, "")
		}
	}
	return rows[1:], review
}

// TestSummaryRows checks which indicators get a row: catalog names (units
// converted into one row), names in two reports; not a name of one
// report, not a vague name, not a unit of another dimension.
func TestSummaryRows(t *testing.T) {
	sum, review := summaryOf(t,
		[]transform.Indicator{
			rec("全县粮食总产量", "粮食产量", 1.4e9, "斤"), // 70万吨
			rec("特色指标", "", 5, "个"),
			rec("项目", "", 28, "个"),
			rec("农家乐", "", 12, "家"),
		},
		[]transform.Indicator{
			rec("粮食产量", "粮食产量", 9e5, "吨"),
			rec("项目", "", 9.06e8, "元"),
			rec("农家乐", "", 30, "个"),
		},
		[]transform.Indicator{
			rec("粮食产量", "粮食产量", 8e5, "吨"),
			rec("粮食产量", "粮食产量", 3, "万亩"), // another dimension
		},
	)
	want := [][]string{
		{"指标", "单位", "报告数", "r1\n2023年 实际", "r2\n2023年 实际", "r3\n2023年 实际"},
		{"粮食产量", "万吨", "3", "70", "90", "80"},
		{"农家乐", "家", "2", "12", "30"},
	}
	if !reflect.DeepEqual(sum, want) {
		t.Errorf("汇总 =\n%q\nwant\n%q", sum, want)
	}
	if got := review[len(review)-1]; got != "单位与其他报告不同（多用吨）" {
		t.Errorf("review of 粮食产量 in 万亩 = %q", got)
	}
}

// TestSummaryMentions checks the rule for several mentions of one
// indicator in one report, and the count the cell shows.
func TestSummaryMentions(t *testing.T) {
	part := rec("地区生产总值", "地区生产总值", 5e10, "元")
	part.Section = "二、工业"
	total := rec("地区生产总值", "地区生产总值", 3e10, "元") // smaller, but in the overview
	old := rec("地区生产总值", "地区生产总值", 9e10, "元")
	old.Period = "2020" // another year: not this column's
	a := rec("地区生产总值", "地区生产总值", 2e10, "元")
	b := rec("地区生产总值", "地区生产总值", 4e10, "元") // the largest
	sum, _ := summaryOf(t,
		[]transform.Indicator{total, part, old, rec("人口", "", 1, "人")},
		[]transform.Indicator{a, b, rec("人口", "", 2, "人")},
	)
	if got := sum[1][3:5]; !reflect.DeepEqual(got, []string{"300（3次）", "400（2次）"}) {
		t.Errorf("地区生产总值 cells %q, want the overview's and the largest, with counts", got)
	}
	if sum[1][1] != "亿元" {
		t.Errorf("unit %q, want 亿元", sum[1][1])
	}
}

// TestSummaryOutlier flags a value a thousand times outside the other
// reports' range, in 汇总 and in 指标.
func TestSummaryOutlier(t *testing.T) {
	var reports [][]transform.Indicator
	for _, v := range []float64{3e10, 5e10, 4e10, 4.5e10, 4e14} { // the last read 亿 as 万亿
		reports = append(reports, []transform.Indicator{rec("地区生产总值", "地区生产总值", v, "元")})
	}
	sum, review := summaryOf(t, reports...)
	for i, r := range review {
		flagged := strings.HasPrefix(r, "与其他报告相差千倍以上")
		if flagged != (i == 4) {
			t.Errorf("record %d review %q", i, r)
		}
	}
	if !strings.Contains(review[4], "300–500亿元") {
		t.Errorf("reason %q does not give the others' range", review[4])
	}
	_ = sum
}

func TestSummaryRate(t *testing.T) {
	g := rec("地区生产总值", "地区生产总值", 3e10, "元")
	g.YoY = f64(5.2)
	r := transform.Indicator{Name: "规上工业增加值", Canonical: "规模以上工业增加值", YoY: f64(-1.5), Status: transform.Actual, Period: "2023"}
	sum, _ := summaryOf(t, []transform.Indicator{g, r})
	want := [][]string{
		{"指标", "单位", "报告数", "r1\n2023年 实际"},
		{"地区生产总值", "亿元", "1", "300"},
		{"地区生产总值", "同比增长(%)", "1", "5.2"},
		{"规模以上工业增加值", "同比增长(%)", "1", "-1.5"},
	}
	if !reflect.DeepEqual(sum, want) {
		t.Errorf("汇总 =\n%q\nwant\n%q", sum, want)
	}
}

func TestSummaryDuplicateNames(t *testing.T) {
	var s summary
	recs := sample()
	s.add(0, File{Name: "a.txt"}, recs)
	s.add(1, File{Name: "a.txt"}, recs[:1])
	if want := []string{"a.txt", "a.txt #2"}; !reflect.DeepEqual(s.reports, want) {
		t.Errorf("report titles %q, want %q", s.reports, want)
	}
}

// TestSummaryRowLimit lowers the row limit: 汇总 keeps its first rows
// and its note says how many were left out.
func TestSummaryRowLimit(t *testing.T) {
	w, path := newTestWorkbook(t)
	w.maxRows = 4 // note, header and two indicators
	for i := range 2 {
		recs := sample()
		for j := range recs {
			recs[j].Doc = "r" + strconv.Itoa(i)
		}
		if err := w.Add(File{Name: recs[0].Doc}, recs); err != nil {
			t.Fatal(err)
		}
	}
	x := closeAndOpen(t, w, path)
	rows, _ := x.GetRows(SheetSummary)
	if len(rows) != 4 || rows[2][0] != "税收收入" || rows[3][0] != "税收收入" {
		t.Errorf("汇总 = %q, want the note, the header and the first two rows", rows)
	}
	if !strings.Contains(rows[0][0], "最后2个指标未列入") {
		t.Errorf("note does not say rows were left out: %q", rows[0][0])
	}
}

// addSummary adds the reports to s as a workbook would, and returns the
// records spooled and the count of each report's, for finish.
func addSummary(t *testing.T, s *summary, reports ...[]transform.Indicator) (*spool[transform.Indicator], []int) {
	t.Helper()
	recs := &spool[transform.Indicator]{dir: s.dir, codec: newRecordCodec}
	t.Cleanup(recs.remove)
	t.Cleanup(s.remove)
	var nrecs []int
	for f, rs := range reports {
		s.add(f, File{Name: "r" + strconv.Itoa(f)}, rs)
		for i := range rs {
			if err := recs.add(&rs[i]); err != nil {
				t.Fatal(err)
			}
		}
		nrecs = append(nrecs, len(rs))
	}
	return recs, nrecs
}

// finishSummary runs a summary over the reports as a workbook would,
// parts of partSize mentions (0: the default).
func finishSummary(t *testing.T, partSize int, reports ...[]transform.Indicator) *summary {
	t.Helper()
	s := &summary{dir: t.TempDir(), partSize: partSize}
	recs, nrecs := addSummary(t, s, reports...)
	if err := s.finish(recs, nrecs, 100, 100); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSummaryOtherPeriods checks the mention of a cell that has none of
// its column's period: the largest, and of equal ones the earliest
// period's, whatever the order they are stated in.
func TestSummaryOtherPeriods(t *testing.T) {
	at := func(period string, v float64, review string) transform.Indicator {
		r := rec("地区生产总值", "地区生产总值", v, "元")
		r.Period, r.Review = period, review
		return r
	}
	for _, tc := range []struct {
		recs    []transform.Indicator
		value   float64
		n       int32
		flagged bool
	}{
		{[]transform.Indicator{at("2022", 5e10, ""), at("2021", 9e10, ""), at("2022", 1e10, "")}, 900, 3, false},
		{[]transform.Indicator{at("2022", 5e10, ""), at("2021", 5e10, "存疑")}, 500, 2, true},
		{[]transform.Indicator{at("2021", 5e10, "存疑"), at("2022", 5e10, "")}, 500, 2, true},
	} {
		// The column's period is 2023: four other records of the report.
		recs := append(tc.recs, rec("人口", "", 1, "人"), rec("户数", "", 1, "户"), rec("企业", "", 1, "家"), rec("学校", "", 1, "所"))
		s := finishSummary(t, 0, recs)
		var row *shownRow
		for _, r := range s.rows {
			if r.label == "地区生产总值" {
				row = r
			}
		}
		if row == nil || row.n != 1 {
			t.Fatalf("%v: no row of one cell for 地区生产总值", tc.recs)
		}
		cells, err := s.cells.cells(row, nil)
		if err != nil {
			t.Fatal(err)
		}
		if c := cells[0]; c.value != tc.value || c.n != tc.n || c.flag != tc.flagged {
			t.Errorf("%v: cell %v ×%d flagged %v, want %v ×%d %v", tc.recs, c.value, c.n, c.flag, tc.value, tc.n, tc.flagged)
		}
	}
}

// TestSummaryMemory checks that 汇总 keeps nothing of the figures while a
// batch is added, and only its rows shown once it is finished, though
// every figure has a label of its own: the labels of a province's
// reports, most of them names as written by one report, are over a
// million. It kept 850 bytes in seven objects a label when the rows were
// built as the batch went by.
func TestSummaryMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("measures memory")
	}
	const reports, per = 250, 200
	names := make([]string, reports*per)
	for i := range names {
		names[i] = "指标" + strconv.Itoa(i)
	}
	batch := make([][]transform.Indicator, reports)
	for f := range batch {
		batch[f] = make([]transform.Indicator, per)
		for i := range batch[f] {
			batch[f][i] = rec(names[f*per+i], "", float64(i), "元")
			if i%5 == 0 {
				batch[f][i].YoY = f64(1.5)
			}
		}
	}
	var before, added, finished runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s := &summary{dir: t.TempDir(), partSize: 10000}
	recs, nrecs := addSummary(t, s, batch...)
	runtime.GC()
	runtime.ReadMemStats(&added)
	if err := s.finish(recs, nrecs, 100, 100); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&finished)
	figures := float64(reports * per)
	kept := func(m runtime.MemStats) float64 { return (float64(m.HeapAlloc) - float64(before.HeapAlloc)) / figures }
	t.Logf("%.1f bytes a figure kept while added, %.1f once finished", kept(added), kept(finished))
	if kept(added) > 8 || kept(finished) > 8 {
		t.Errorf("汇总 keeps %.1f bytes a figure while added, %.1f once finished; want at most 8", kept(added), kept(finished))
	}
	runtime.KeepAlive(s)
	runtime.KeepAlive(batch)
}

// TestSummaryParts checks that a batch read back and cut into parts at
// finish, or whose cells go to a file, gives the same workbook as one
// built as it streams by: labels shared by reports and not, units of two
// dimensions, rates, periods, statuses, outliers.
func TestSummaryParts(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	labels := []struct{ name, canonical string }{
		{"地区生产总值", "地区生产总值"}, {"粮食产量", "粮食产量"}, {"一般公共预算收入", "一般公共预算收入"},
		{"农家乐", ""}, {"新建道路", ""}, {"特色小镇", ""}, {"项目", ""},
	}
	units := []string{"元", "吨", "斤", "个", "家", "公里"}
	var batch [][]transform.Indicator
	for f := range 40 {
		var recs []transform.Indicator
		for i := range 30 {
			l := labels[rng.IntN(len(labels))]
			name := l.name
			if rng.IntN(3) == 0 {
				name += strconv.Itoa(rng.IntN(20)) // names as written, some shared
			}
			r := rec(name, l.canonical, float64(rng.IntN(1000))*math.Pow(10, float64(rng.IntN(12))), units[rng.IntN(len(units))])
			r.Period = []string{"2022", "2023", "2023"}[rng.IntN(3)]
			r.Status = statusOrder[rng.IntN(len(statusOrder))]
			if rng.IntN(4) == 0 {
				r.YoY = f64(float64(rng.IntN(200)-100) / 10)
			}
			if rng.IntN(3) == 0 {
				r.Section = "二、工业"
			}
			if rng.IntN(10) == 0 {
				r.Review = "存疑"
			}
			r.Doc = "r" + strconv.Itoa(f)
			r.Offset = i
			recs = append(recs, r)
		}
		batch = append(batch, recs)
	}
	sheets := func(liveRows, partSize, cellsFull int) (map[string][][]string, int) {
		w, path := newTestWorkbook(t)
		w.sum.liveRows, w.sum.partSize, w.sum.cellsFull = liveRows, partSize, cellsFull
		for f, recs := range batch {
			if err := w.Add(File{Name: "r" + strconv.Itoa(f)}, slices.Clone(recs)); err != nil {
				t.Fatal(err)
			}
		}
		mentions := w.sum.mentions
		x := closeAndOpen(t, w, path)
		out := map[string][][]string{}
		for _, name := range []string{SheetSummary, SheetIndicators} {
			rows, err := x.GetRows(name)
			if err != nil {
				t.Fatal(err)
			}
			out[name] = rows
		}
		return out, mentions
	}
	live, mentions := sheets(0, 0, 0)
	if mentions/7 < 10 {
		t.Fatalf("%d mentions: too few parts to test, or not built as the batch streams by", mentions)
	}
	if len(live[SheetSummary]) < 10 {
		t.Fatalf("汇总 has %d rows: the batch compares too little", len(live[SheetSummary]))
	}
	for _, tc := range []struct {
		name       string
		live, part int
		cells      int
	}{
		{"read back at Close", -1, 0, 0},
		{"read back in parts of 7 mentions", -1, 7, 0},
		{"built as it streams by until it has 20 rows, then read back in parts of 7 mentions", 20, 7, 0},
		{"built as it streams by, its cells in a file past 5", 0, 0, 5},
		{"read back in parts of 7 mentions, its cells in a file past 5", -1, 7, 5},
	} {
		got, _ := sheets(tc.live, tc.part, tc.cells)
		for name := range live {
			if !reflect.DeepEqual(live[name], got[name]) {
				t.Errorf("sheet %s differs when the batch is %s", name, tc.name)
			}
		}
	}
}

// TestSummaryManyColumns checks that past manyColumns report columns they
// all take one width, the widest, so that nothing shows as ####.
func TestSummaryManyColumns(t *testing.T) {
	w, path := newTestWorkbook(t)
	for i := range manyColumns + 10 {
		r := rec("地区生产总值", "地区生产总值", 3e10, "元")
		if i == 100 {
			r.StdValue = f64(123456789012345) // the widest value
		}
		r.Doc = "r" + strconv.Itoa(i)
		if err := w.Add(File{Name: r.Doc}, []transform.Indicator{r}); err != nil {
			t.Fatal(err)
		}
	}
	x := closeAndOpen(t, w, path)
	var widths []float64
	for c := len(summaryLead) + 1; c <= len(summaryLead)+manyColumns+10; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		wd, err := x.GetColWidth(SheetSummary, name)
		if err != nil {
			t.Fatal(err)
		}
		widths = append(widths, wd)
	}
	for i, wd := range widths {
		if wd != widths[0] || wd < 20 {
			t.Fatalf("report column %d is %v wide, the first %v: want one width, the widest (20)", i+1, wd, widths[0])
		}
	}
}
