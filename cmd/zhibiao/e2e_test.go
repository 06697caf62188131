package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/load"
	"github.com/zhibiao/zhibiao/transform"
)

const (
	fixtures   = "../../fixtures"
	unreadable = "../../testdata/unreadable" // the scanned and the encrypted seed
	corpus     = "../../../shared/corpus"
)

// copyFile copies src to dst, or writes the first n bytes when n >= 0.
func copyFile(t testing.TB, src, dst string, n int) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if n >= 0 && n < len(b) {
		b = b[:n]
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// batch builds a folder of inputs: good texts and PDFs, and one of each
// kind of bad input. It returns the folder and the names expected to fail
// with the reason each should carry.
func batch(t *testing.T) (string, map[string]string) {
	dir := t.TempDir()
	copyFile(t, "testdata/small.txt", filepath.Join(dir, "small.txt"), -1)
	copyFile(t, "testdata/small2.txt", filepath.Join(dir, "small2.txt"), -1)
	bad := map[string]string{
		"empty.txt":   "空文件",
		"garbage.pdf": "文件损坏",
	}
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "garbage.pdf"), []byte("\x00\x01\x02 this is no PDF \xff\xfe"), 0o644)
	seed := filepath.Join(fixtures, "seed-2020-jiedao")
	if _, err := os.Stat(seed + ".lo-serif.pdf"); err == nil {
		copyFile(t, seed+".txt", filepath.Join(dir, "seed.txt"), -1)
		copyFile(t, seed+".lo-serif.pdf", filepath.Join(dir, "seed.lo-serif.pdf"), -1)
		copyFile(t, seed+".lo-serif.pdf", filepath.Join(dir, "truncated.pdf"), 40000)
		copyFile(t, filepath.Join(unreadable, "seed-2020-jiedao.encrypted.pdf"), filepath.Join(dir, "encrypted.pdf"), -1)
		copyFile(t, filepath.Join(unreadable, "seed-2020-jiedao.scanned.pdf"), filepath.Join(dir, "scanned.pdf"), -1)
		bad["truncated.pdf"] = "文件损坏"
		bad["encrypted.pdf"] = "加密"
		bad["scanned.pdf"] = "无文字层"
	} else {
		t.Log("no fixture PDFs: batch of texts only")
	}
	return dir, bad
}

// readJSONL reads JSON Lines output.
func readJSONL(t testing.TB, path string) []transform.Indicator {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs []transform.Indicator
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r transform.Indicator
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return recs
}

// readCSV reads CSV output back into records.
func readCSV(t testing.TB, path string) []transform.Indicator {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := load.ReadCSV(f)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestConvertBatch(t *testing.T) {
	in, bad := batch(t)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"convert", "-o", filepath.Join(out, "out.xlsx"), "--jsonl", filepath.Join(out, "out.jsonl"),
		"--csv", filepath.Join(out, "out.csv"), "-j", "2", in}, &stdout, &stderr)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitPartial, stderr.String())
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "out.csv out.jsonl out.xlsx" {
		t.Errorf("output folder holds %q, want only the three outputs", names)
	}
	for name := range bad {
		if !strings.Contains(stderr.String(), name) {
			t.Errorf("stderr does not name failed input %s:\n%s", name, stderr.String())
		}
	}
	if !strings.Contains(stderr.String(), fmt.Sprintf("%d of ", len(bad))) {
		t.Errorf("stderr lacks the failure count:\n%s", stderr.String())
	}

	recs := readJSONL(t, filepath.Join(out, "out.jsonl"))
	if got := readCSV(t, filepath.Join(out, "out.csv")); !reflect.DeepEqual(got, recs) && (len(got) > 0 || len(recs) > 0) {
		for i := range min(len(got), len(recs)) {
			if !reflect.DeepEqual(got[i], recs[i]) {
				t.Fatalf("record %d: CSV %+v, JSONL %+v", i, got[i], recs[i])
			}
		}
		t.Fatalf("CSV has %d records, JSONL %d", len(got), len(recs))
	}

	x, err := excelize.OpenFile(filepath.Join(out, "out.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); !reflect.DeepEqual(got, []string{load.SheetIndicators, load.SheetSummary, load.SheetTables, load.SheetFiles}) {
		t.Errorf("sheets %q", got)
	}
	rows, _ := x.GetRows(load.SheetIndicators)
	if len(rows) == 0 || !reflect.DeepEqual(rows[0], load.Headers[:]) {
		t.Fatalf("指标 header %q", rows)
	}
	if len(rows)-1 != len(recs) {
		t.Errorf("指标 has %d records, JSONL %d", len(rows)-1, len(recs))
	}
	if tables, _ := x.GetTables(load.SheetIndicators); len(tables) != 1 {
		t.Errorf("指标 has %d tables, want 1", len(tables))
	}
	files, _ := x.GetRows(load.SheetFiles)
	entries, _ = os.ReadDir(in)
	if len(files)-1 != len(entries) {
		t.Fatalf("文件 has %d rows, want one per input (%d)", len(files)-1, len(entries))
	}
	for _, row := range files[1:] {
		name, status := row[0], row[10]
		if name == "scanned.pdf" && row[5] != "3" {
			t.Errorf("文件: scanned.pdf has %s pages, want 3 (a scanned file still has its page count)", row[5])
		}
		want, isBad := bad[name]
		switch {
		case isBad && !strings.Contains(status, want):
			t.Errorf("文件: %s status %q, want %q", name, status, want)
		case !isBad && status != "ok":
			t.Errorf("文件: %s status %q, want ok", name, status)
		}
	}
	if len(recs) == 0 {
		t.Log("no records: transform not landed yet?")
	}
}

func TestWorkersDeterministic(t *testing.T) {
	in := t.TempDir()
	copyFile(t, "testdata/small.txt", filepath.Join(in, "a.txt"), -1)
	copyFile(t, "testdata/small2.txt", filepath.Join(in, "b.txt"), -1)
	if names, _ := filepath.Glob(filepath.Join(corpus, "0[0-2]*.txt")); len(names) > 0 {
		for _, n := range names[:min(len(names), 8)] {
			copyFile(t, n, filepath.Join(in, filepath.Base(n)), -1)
		}
	}
	var outs [2][]byte
	for i, j := range []string{"1", "4"} {
		dir := t.TempDir()
		var stdout, stderr bytes.Buffer
		code := run([]string{"convert", "-j", j, "-o", filepath.Join(dir, "o.xlsx"), "--jsonl", "-", in}, &stdout, &stderr)
		if code != exitOK {
			t.Fatalf("-j %s: exit %d\n%s", j, code, stderr.String())
		}
		outs[i] = stdout.Bytes()
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Errorf("-j 1 and -j 4 give different JSONL (%d and %d bytes)", len(outs[0]), len(outs[1]))
	}
}

func TestConvertInterrupted(t *testing.T) {
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tr, err := transform.New(transform.Config{})
	if err != nil {
		t.Fatal(err)
	}
	o := options{out: filepath.Join(out, "o.xlsx"), jsonl: filepath.Join(out, "o.jsonl"), workers: 2}
	var stderr bytes.Buffer
	if code := convert(ctx, o, tr, inputsOf("testdata/small.txt", "testdata/small2.txt"), os.Stdout, &stderr); code != exitFail {
		t.Errorf("exit %d, want %d", code, exitFail)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("an interrupted run left %d files", len(entries))
	}
}

func TestConvertTimeout(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"convert", "-timeout", "1ns", "-o", filepath.Join(out, "o.xlsx"), "testdata/small.txt"}, &stdout, &stderr)
	if code != exitPartial || !strings.Contains(stderr.String(), "timeout") {
		t.Errorf("exit %d, stderr %q; want %d and a timeout", code, stderr.String(), exitPartial)
	}
}

func TestReason(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{&extract.Error{File: "a.pdf", Err: extract.ErrEncrypted}, "加密，需要密码 (encrypted)"},
		{&extract.Error{File: "a.pdf", Err: extract.ErrNoText}, "无文字层：扫描件，暂不支持OCR (no text layer)"},
		{&extract.Error{File: "a.pdf", Page: 3, Err: extract.ErrDamaged}, "文件损坏或不完整 (damaged)"},
		{&extract.Error{File: "a.txt", Err: extract.ErrEmpty}, "空文件 (empty)"},
		{&extract.Error{File: "a.xls", Err: extract.ErrNotPDF}, "不支持的文件格式 (not a PDF, Word, web page or text file)"},
		{&extract.Error{File: "a.doc", Err: extract.ErrNeedsConverter}, "旧版Word/WPS文件：请安装LibreOffice或另存为.docx (install LibreOffice or save as .docx)"},
		{&extract.Error{File: "a.docx", Err: fmt.Errorf("%w: bomb", extract.ErrTooLarge)}, "文件过大或过于复杂 (too large)"},
		{fmt.Errorf("%w after 1s", errTimeout), "处理超时 (timeout)"},
		{fmt.Errorf("%w: boom", errInternal), "内部错误 (internal error)"},
		{os.ErrNotExist, "文件不存在 (not found)"},
	} {
		if got := reason(tt.err); got != tt.want {
			t.Errorf("reason(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	for _, tt := range []struct {
		err  error
		want string
	}{
		{&extract.Error{File: "a.pdf", Err: extract.ErrUndecoded}, "部分文字无法解码，请核对 (undecodable fonts)"},
		{&extract.Error{File: "a.pdf", Page: 2, Err: extract.ErrDamaged}, "部分页面无法读取 (read in part)"},
	} {
		if got := partReason(tt.err); got != tt.want {
			t.Errorf("partReason(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

// BenchmarkConvert converts a batch made of the fixture PDFs, each copied four times (or of the test texts, without
// fixtures), with one Transformer built beforehand and the collector and
// the heap's pages set as the command sets them by default, with 1, 2 and 4 workers, and reports pages per
// second: j=2 over j=1 is how the batch scales on two cores.
//
//	go test ./cmd/zhibiao -run '^$' -bench Convert -benchtime 5x
func BenchmarkConvert(b *testing.B) {
	dir := b.TempDir()
	paths, _ := filepath.Glob(filepath.Join(fixtures, "*.pdf"))
	for _, p := range paths { // all have a text layer: the unreadable ones are in testdata
		for k := range 4 {
			copyFile(b, p, filepath.Join(dir, fmt.Sprintf("%d-%s", k, filepath.Base(p))), -1)
		}
	}
	if len(paths) == 0 {
		for k := range 20 {
			copyFile(b, "testdata/small.txt", filepath.Join(dir, fmt.Sprintf("%d.txt", k)), -1)
		}
	}
	ins, err := collect([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	pages := 0
	for _, in := range ins {
		if d, err := extract.Open(in.path); d != nil && err == nil {
			pages += len(d.Pages)
		}
	}
	tr, err := transform.New(transform.Config{})
	if err != nil {
		b.Fatal(err)
	}
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryLimit))
	heapPages.reserve()
	for _, j := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("j=%d", j), func(b *testing.B) {
			out := b.TempDir()
			o := options{out: filepath.Join(out, "o.xlsx"), workers: j}
			var stderr bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				stderr.Reset()
				if code := convert(context.Background(), o, tr, ins, nil, &stderr); code != exitOK {
					b.Fatalf("exit %d: %s", code, stderr.String())
				}
			}
			b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// TestMemory converts 1,000 generated text inputs in a subprocess and
// checks its peak resident memory. It is slow: set ZHIBIAO_MEMTEST=1.
func TestMemory(t *testing.T) {
	if os.Getenv("ZHIBIAO_MEMTEST") == "" || testing.Short() {
		t.Skip("set ZHIBIAO_MEMTEST=1 to run")
	}
	src, err := os.ReadFile(filepath.Join(fixtures, "seed-2020-jiedao.txt"))
	if err != nil {
		src, _ = os.ReadFile("testdata/small.txt")
	}
	in := t.TempDir()
	for i := range 1000 {
		// Vary the text so that no two inputs are the same.
		text := strings.Replace(string(src), "\n", fmt.Sprintf("\n编号%d。\n", i), 1)
		os.WriteFile(filepath.Join(in, fmt.Sprintf("r%04d.txt", i)), []byte(text), 0o644)
	}
	out := t.TempDir()
	cmd := exec.Command(os.Args[0], "convert", "-o", filepath.Join(out, "o.xlsx"), "--jsonl", filepath.Join(out, "o.jsonl"), in)
	cmd.Env = append(os.Environ(), "ZHIBIAO_TEST_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	m := regexp.MustCompile(`VmHWM:\s+(\d+) kB`).FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("no VmHWM in %q", stderr.String())
	}
	kb, _ := strconv.Atoi(m[1])
	recs := readJSONL(t, filepath.Join(out, "o.jsonl"))
	t.Logf("1000 inputs, %d records: peak RSS %d MB", len(recs), kb/1024)
	if kb > 300*1024 {
		t.Errorf("peak RSS %d MB, want < 300 MB", kb/1024)
	}
}

// inputsOf makes the inputs of files named directly.
func inputsOf(paths ...string) []input {
	var ins []input
	for _, p := range paths {
		ins = append(ins, input{path: p, doc: filepath.Base(p)})
	}
	return ins
}

// panicky fails on one document as a buggy stage would.
type panicky struct{}

func (panicky) Indicators(doc *extract.Document) []transform.Indicator {
	if strings.Contains(doc.Text, "2022") {
		panic("boom")
	}
	return nil
}

func TestConvertPanic(t *testing.T) {
	out := t.TempDir()
	o := options{out: filepath.Join(out, "o.xlsx"), workers: 2, verbose: true}
	var stderr bytes.Buffer
	code := convert(context.Background(), o, panicky{}, inputsOf("testdata/small.txt", "testdata/small2.txt"), nil, &stderr)
	if code != exitPartial {
		t.Errorf("exit %d, want %d", code, exitPartial)
	}
	for _, want := range []string{"small2.txt: 内部错误 (internal error)", "boom", "goroutine", "1 of 2 inputs failed"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}
