package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/zhibiao/zhibiao/load"
)

// shardBatch builds a folder of inputs for the shard tests: the fixture
// texts, web pages and Word files, three PDFs (a table, the seed and an
// encrypted one), the test texts and a broken file, so that the parts
// hold failed inputs, tables and inputs without records.
func shardBatch(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var names []string
	for _, pat := range []string{"*.txt", "*.html", "*.docx", "table-2022-city.lo-ruled.pdf", "seed-2020-jiedao.lo-serif.pdf"} {
		m, _ := filepath.Glob(filepath.Join(fixtures, pat))
		names = append(names, m...)
	}
	names = append(names, filepath.Join(unreadable, "seed-2020-jiedao.encrypted.pdf"))
	for _, n := range names {
		copyFile(t, n, filepath.Join(dir, filepath.Base(n)), -1)
	}
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	copyFile(t, "testdata/small.txt", filepath.Join(dir, "sub", "small.txt"), -1)
	copyFile(t, "testdata/small2.txt", filepath.Join(dir, "small2.txt"), -1)
	os.WriteFile(filepath.Join(dir, "garbage.pdf"), []byte("no PDF at all"), 0o644)
	return dir
}

// TestShardMerge converts a batch in one run and in four shards merged,
// and compares what they wrote: the same JSON Lines and CSV, byte for
// byte, and the same cells on every sheet of the workbook but the
// seconds of 文件.
func TestShardMerge(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	in := shardBatch(t)
	out := t.TempDir()
	var stderr bytes.Buffer
	one := func(name string) string { return filepath.Join(out, name) }
	code := run([]string{"convert", "-j", "2", "-o", one("one.xlsx"), "--jsonl", one("one.jsonl"), "--csv", one("one.csv"), in}, os.Stdout, &stderr)
	if code != exitPartial {
		t.Fatalf("convert: exit %d, want %d\n%s", code, exitPartial, stderr.String())
	}
	var parts []string
	for i := 4; i >= 1; i-- { // any order
		part := one("part-" + string(rune('0'+i)) + ".jsonl")
		stderr.Reset()
		code := run([]string{"convert", "--shard", string(rune('0'+i)) + "/4", "-j", "2", "-o", part, in}, os.Stdout, &stderr)
		if code != exitOK && code != exitPartial {
			t.Fatalf("shard %d: exit %d\n%s", i, code, stderr.String())
		}
		parts = append(parts, part)
	}
	stderr.Reset()
	code = run(append([]string{"merge", "-o", one("merged.xlsx"), "--jsonl", one("merged.jsonl"), "--csv", one("merged.csv")}, parts...), os.Stdout, &stderr)
	if code != exitPartial {
		t.Fatalf("merge: exit %d, want %d\n%s", code, exitPartial, stderr.String())
	}
	for _, ext := range []string{".jsonl", ".csv"} {
		a, _ := os.ReadFile(one("one" + ext))
		b, _ := os.ReadFile(one("merged" + ext))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s: one run wrote %d bytes, the merge %d, or they differ", ext, len(a), len(b))
		}
	}
	x1, x2 := openBook(t, one("one.xlsx")), openBook(t, one("merged.xlsx"))
	sheets := x1.GetSheetList()
	if got := x2.GetSheetList(); !slices.Equal(got, sheets) {
		t.Fatalf("sheets %q, want %q", got, sheets)
	}
	for _, sheet := range sheets {
		r1, _ := x1.GetRows(sheet)
		r2, _ := x2.GetRows(sheet)
		if sheet == load.SheetFiles {
			for _, rows := range [][][]string{r1, r2} {
				for _, row := range rows[1:] {
					if len(row) > 9 {
						row[9] = "" // 耗时(秒): measured by each run
					}
				}
			}
		}
		if len(r1) < 2 || !reflect.DeepEqual(r1, r2) {
			t.Errorf("sheet %s: %d rows in one run, %d merged, or they differ", sheet, len(r1), len(r2))
			for i := range min(len(r1), len(r2)) {
				if !slices.Equal(r1[i], r2[i]) {
					t.Errorf("row %d:\n one %q\n merged %q", i+1, r1[i], r2[i])
					break
				}
			}
		}
		m1, _ := x1.GetMergeCells(sheet)
		m2, _ := x2.GetMergeCells(sheet)
		if !reflect.DeepEqual(m1, m2) {
			t.Errorf("sheet %s: merged cells differ", sheet)
		}
	}
}

func openBook(t *testing.T, path string) *excelize.File {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// TestShardOf pins the shard of a few docs (FNV-1a, 64 bits, checked
// with another implementation): parts made on machines with different
// builds of zhibiao must agree.
func TestShardOf(t *testing.T) {
	for _, tc := range []struct {
		doc  string
		n    int
		want int
	}{
		{"a.pdf", 4, 1},
		{"2024/报告.txt", 4, 2},
		{"reports/2021年政府工作报告.pdf", 7, 2},
		{"x", 1, 1},
	} {
		if got := shardOf(tc.doc, tc.n); got != tc.want {
			t.Errorf("shardOf(%q, %d) = %d, want %d", tc.doc, tc.n, got, tc.want)
		}
	}
	var ins []input
	for i := range 1000 {
		ins = append(ins, input{path: string(rune('a'+i%26)) + "/" + string(rune(0x4e00+i)) + ".txt", doc: string(rune(0x4e00+i)) + ".txt"})
	}
	total := 0
	for i := 1; i <= 4; i++ {
		n := len(shard{i, 4}.of(ins))
		if n < 200 || n > 300 {
			t.Errorf("shard %d/4 holds %d of 1000 inputs", i, n)
		}
		total += n
	}
	if total != len(ins) {
		t.Errorf("the shards hold %d inputs, want %d", total, len(ins))
	}
}

func TestParseShard(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want shard
		ok   bool
	}{
		{"1/4", shard{1, 4}, true},
		{"4/4", shard{4, 4}, true},
		{" 2 / 3 ", shard{2, 3}, true},
		{"0/4", shard{}, false},
		{"5/4", shard{}, false},
		{"1/0", shard{}, false},
		{"1", shard{}, false},
		{"a/b", shard{}, false},
	} {
		got, err := parseShard(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("parseShard(%q) = %v, %v", tc.in, got, err)
		}
	}
}

// TestMergeRefuses gives merge parts that do not make one batch, or a
// damaged one: nothing is written.
func TestMergeRefuses(t *testing.T) {
	in := t.TempDir()
	for _, n := range []string{"a.txt", "b.txt", "c.txt", "d.txt"} {
		copyFile(t, "testdata/small.txt", filepath.Join(in, n), -1)
	}
	other := t.TempDir()
	copyFile(t, "testdata/small2.txt", filepath.Join(other, "a.txt"), -1)
	dir := t.TempDir()
	part := func(name, shard, input string) string {
		p := filepath.Join(dir, name)
		var stderr bytes.Buffer
		if code := run([]string{"convert", "--shard", shard, "-o", p, input}, os.Stdout, &stderr); code != exitOK {
			t.Fatalf("convert --shard %s: exit %d\n%s", shard, code, stderr.String())
		}
		return p
	}
	p1, p2 := part("p1.jsonl", "1/2", in), part("p2.jsonl", "2/2", in)
	q2 := part("q2.jsonl", "2/2", other)
	whole, _ := os.ReadFile(p2)
	cut := filepath.Join(dir, "cut.jsonl")
	os.WriteFile(cut, whole[:len(whole)-10], 0o644)
	notPart := filepath.Join(dir, "records.jsonl")
	os.WriteFile(notPart, []byte(`{"doc":"a.txt","page":1}`+"\n"), 0o644)
	for _, tc := range []struct {
		name  string
		parts []string
		code  int
		say   string
	}{
		{"missing", []string{p1}, exitUsage, "shard 2/2 missing"},
		{"twice", []string{p1, p2, p2}, exitUsage, "both shard 2/2"},
		{"other batch", []string{p1, q2}, exitUsage, "same inputs"},
		{"cut short", []string{p1, cut}, exitFail, "cut short"},
		{"not a part", []string{p1, notPart}, exitFail, "not a part header"},
		{"none", nil, exitUsage, "no PART"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			var stderr bytes.Buffer
			code := run(append([]string{"merge", "-o", filepath.Join(out, "m.xlsx")}, tc.parts...), os.Stdout, &stderr)
			if code != tc.code || !strings.Contains(stderr.String(), tc.say) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr.String(), tc.code, tc.say)
			}
			if entries, _ := os.ReadDir(out); len(entries) != 0 {
				t.Errorf("merge left %d files", len(entries))
			}
		})
	}
	out := t.TempDir()
	var stderr bytes.Buffer
	if code := run([]string{"merge", "-o", filepath.Join(out, "m.xlsx"), p2, p1}, os.Stdout, &stderr); code != exitOK {
		t.Errorf("merge of a whole batch: exit %d\n%s", code, stderr.String())
	}
}
