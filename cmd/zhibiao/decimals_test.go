package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/zhibiao/zhibiao/load"
)

// numberFields are the record fields that hold numbers.
var numberFields = []string{"value", "std_value", "yoy", "pp", "completion", "delta", "max"}

// sigDigits returns the number of significant digits of the decimal
// numeral s ("3220.0000000000005" has 17, "1500000000" 2, "0.085" 2); an
// exponent, if any, is ignored.
func sigDigits(s string) int {
	s = strings.TrimLeft(s, "+-")
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		s = s[:i]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	digits := strings.TrimLeft(intPart+frac, "0")
	if frac == "" {
		digits = strings.TrimRight(digits, "0")
	}
	return len(digits)
}

// sourceDigits returns the most digits of any Arabic number written in
// sentence: a figure read from it has no more significant digits than
// that, whatever unit it was converted to.
func sourceDigits(sentence string) int {
	best, n := 0, 0
	for _, r := range sentence {
		switch {
		case r >= '0' && r <= '9' || r >= '０' && r <= '９':
			n++
			best = max(best, n)
		case r == '.' || r == ',' || r == '．':
		default:
			n = 0
		}
	}
	return best
}

// artefact reports whether the number written as s, read from sentence,
// shows a binary-float artefact: at least 10 significant digits more
// than the text it came from (3220.0000000000005 from "增长32.2倍").
func artefact(s, sentence string) bool {
	return s != "" && sigDigits(s) >= sourceDigits(sentence)+10
}

// TestNoFloatArtefacts converts the seed report, texts of our own with
// figures that binary floats get wrong, the labelled development texts and
// the corpus (each when present) and checks every number of every record
// in JSON Lines, CSV and the workbook, as written.
func TestNoFloatArtefacts(t *testing.T) {
	in := t.TempDir()
	// 32.2 × 100 and 4.4 × 100 are 3220.0000000000005 and
	// 440.00000000000006 in float64; 0.1 + 0.2 style sums and scaled
	// decimals must come out as written.
	own := strings.Join([]string{
		"2021年统计公报",
		"展览面积1030.7万平方米，同比增长32.2倍。出口额增长4.4倍，进口额增长0.07倍。",
		"社会消费品零售总额1.1亿元，比上年增加0.3亿元，增长2.3个百分点。",
		"城镇新增就业0.7万人，比上年末减少0.29万人；户均面积12.12平方米，完成年度任务的100.7%。",
	}, "\n")
	if err := os.WriteFile(filepath.Join(in, "own.txt"), []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(fixtures, "seed-2020-jiedao.txt"), filepath.Join(in, "seed.txt"), -1)
	var extra []string
	labelled, _ := filepath.Glob("../../../shared/labels/dev-*.txt")
	extra = append(extra, labelled...)
	texts, _ := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if len(texts) == 0 {
		t.Log("corpus absent: seed, own and labelled texts only")
	}
	if testing.Short() && len(texts) > 5 {
		texts = texts[:5]
	}
	extra = append(extra, texts...)
	for i, p := range extra {
		copyFile(t, p, filepath.Join(in, strconv.Itoa(i)+"-"+filepath.Base(p)), -1)
	}

	out := t.TempDir()
	xlsx, jsonl, csvPath := filepath.Join(out, "out.xlsx"), filepath.Join(out, "out.jsonl"), filepath.Join(out, "out.csv")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"convert", "-o", xlsx, "--jsonl", jsonl, "--csv", csvPath, in}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr.String())
	}

	checked := 0
	check := func(where, field, num, sentence string) {
		checked++
		if artefact(num, sentence) {
			t.Errorf("%s: %s %s is a float artefact (sentence %q)", where, field, num, sentence)
		}
	}

	// JSON Lines: the numbers as written, not as re-read floats.
	b, err := os.ReadFile(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		var rec map[string]any
		if err := dec.Decode(&rec); err != nil {
			t.Fatalf("JSONL line %d: %v", n+1, err)
		}
		n++
		sentence, _ := rec["sentence"].(string)
		for _, f := range numberFields {
			if v, ok := rec[f].(json.Number); ok {
				check("JSONL line "+strconv.Itoa(n), f, v.String(), sentence)
			}
		}
	}
	if n == 0 {
		t.Fatal("no records")
	}

	// CSV.
	fc, err := os.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	defer fc.Close()
	rows, err := csv.NewReader(fc).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, "CSV", rows, load.Fields[:], check)

	// The workbook: the values stored in the cells.
	x, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err = x.GetRows(load.SheetIndicators, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, "指标", rows, load.Headers[:], check)
	if len(rows)-1 != n {
		t.Errorf("指标 has %d rows, JSONL %d records", len(rows)-1, n)
	}
	t.Logf("%d records, %d numbers checked", n, checked)
}

// checkRows checks the number columns of rows, whose first row is the
// header (names of load.Fields, in header's words), with check.
func checkRows(t *testing.T, where string, rows [][]string, header []string, check func(where, field, num, sentence string)) {
	t.Helper()
	if len(rows) == 0 {
		t.Fatalf("%s: no rows", where)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		for k, name := range header {
			if strings.TrimPrefix(h, "\ufeff") == name {
				col[load.Fields[k]] = i
			}
		}
	}
	si, ok := col["sentence"]
	if !ok {
		t.Fatalf("%s: no sentence column in %q", where, rows[0])
	}
	for r, row := range rows[1:] {
		cell := func(i int) string {
			if i < len(row) {
				return row[i]
			}
			return ""
		}
		for _, f := range numberFields {
			i, ok := col[f]
			if !ok {
				t.Fatalf("%s: no %s column", where, f)
			}
			check(where+" row "+strconv.Itoa(r+2), f, cell(i), cell(si))
		}
	}
}

// TestArtefact checks the artefact rule itself.
func TestArtefact(t *testing.T) {
	tests := []struct {
		num, sentence string
		want          bool
	}{
		{"3220.0000000000005", "同比增长32.2倍", true},
		{"440.00000000000006", "增长4.4倍", true},
		{"3220", "同比增长32.2倍", false},
		{"1500000000", "税收总收入15亿元", false},
		{"94821999102.45", "酒类94,821,999,102.45", false},
		{"33.33", "占三分之一", false},
		{"0.30000000000000004", "增长0.3", true},
		{"", "x", false},
	}
	for _, tt := range tests {
		if got := artefact(tt.num, tt.sentence); got != tt.want {
			t.Errorf("artefact(%q, %q) = %v, want %v", tt.num, tt.sentence, got, tt.want)
		}
	}
}
