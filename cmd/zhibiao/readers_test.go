package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/zhibiao/zhibiao/load"
)

// TestConvertReaders converts a folder of Word files, web pages and a
// scraped text with a damaged Word file among them: every good input
// gives the seed's records, the damaged one a row with its reason.
func TestConvertReaders(t *testing.T) {
	in := t.TempDir()
	names := []string{"seed-2020-jiedao.word.docx", "seed-2020-jiedao.site.html", "seed-2020-jiedao.scraped.txt", "table-2021-county.gbk.html"}
	for _, n := range names {
		src := filepath.Join(fixtures, n)
		if _, err := os.Stat(src); err != nil {
			t.Skipf("fixture %s absent", n)
		}
		copyFile(t, src, filepath.Join(in, n), -1)
	}
	copyFile(t, filepath.Join(fixtures, "seed-2020-jiedao.word.docx"), filepath.Join(in, "truncated.docx"), 5000)
	// A web page saved with a .htm extension and no <html> tag is still one.
	os.WriteFile(filepath.Join(in, "fragment.htm"), []byte("<div><p>全县地区生产总值325.6亿元，增长8.1%。</p></div>"), 0o644)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"convert", "-o", filepath.Join(out, "o.xlsx"), "--jsonl", filepath.Join(out, "o.jsonl"), in}, &stdout, &stderr)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d: %s", code, exitPartial, stderr.String())
	}
	perDoc := map[string]int{}
	for _, r := range readJSONL(t, filepath.Join(out, "o.jsonl")) {
		perDoc[r.Doc]++
	}
	seed := perDoc["seed-2020-jiedao.scraped.txt"]
	if seed == 0 || perDoc["seed-2020-jiedao.word.docx"] != seed || perDoc["seed-2020-jiedao.site.html"] != seed {
		t.Errorf("records per input %v: the seed in each form must give as many", perDoc)
	}
	if perDoc["table-2021-county.gbk.html"] == 0 || perDoc["fragment.htm"] != 1 {
		t.Errorf("records per input %v", perDoc)
	}
	x, err := excelize.OpenFile(filepath.Join(out, "o.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows(load.SheetFiles)
	if len(rows) != len(names)+3 {
		t.Fatalf("文件 has %d rows, want %d", len(rows), len(names)+3)
	}
	col := slices.Index(rows[0], "状态") // the workbook's columns may grow
	if col < 0 {
		t.Fatalf("文件 has no column 状态: %q", rows[0])
	}
	for _, row := range rows[1:] {
		status := strings.Join(row[col:], " ")
		switch {
		case row[0] == "truncated.docx" && !strings.Contains(status, "文件损坏"):
			t.Errorf("文件: %s status %q, want damaged", row[0], status)
		case row[0] != "truncated.docx" && row[col] != "ok":
			t.Errorf("文件: %s status %q, want ok", row[0], status)
		}
	}
}
