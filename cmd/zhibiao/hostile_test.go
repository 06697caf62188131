package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/extract/hostile"
	"github.com/zhibiao/zhibiao/load"
	"github.com/zhibiao/zhibiao/transform"
)

// This file is the reliability suite of the command: batches holding
// hostile and damaged inputs built from the seed fixtures, the mistakes
// users make on the command line, and interrupted runs.

// damages are the damaged copies of a PDF the suite builds, as found in
// the wild (issue 11).
var damages = []struct {
	name   string
	damage func([]byte) []byte
}{
	{"prev-loop", hostile.PrevLoop},
	{"short-lengths", hostile.ShortLengths},
	{"offsets+7", func(b []byte) []byte { return hostile.ShiftOffsets(b, 7) }},
	{"offsets-5", func(b []byte) []byte { return hostile.ShiftOffsets(b, -5) }},
	{"zeroed-offsets", hostile.ZeroOffsets},
	{"garbage-startxref", hostile.GarbageStartxref},
}

// bombSize is the size a bomb stream inflates to: tight in tests, issue
// 11's 255 MB when the batch is written for measuring.
type bombSize int

// writeHostileBatch writes a batch of good, damaged and hostile inputs
// into dir and returns the names (relative to dir) expected to fail, with
// a word of their reason, and those expected to be converted with a
// status other than ok.
func writeHostileBatch(t testing.TB, dir string, bomb bombSize) (fail, doubtful map[string]string) {
	seedTxt, err := os.ReadFile(filepath.Join(fixtures, "seed-2020-jiedao.txt"))
	if err != nil {
		t.Skip("no seed fixture")
	}
	seedPDF, err := os.ReadFile(filepath.Join(fixtures, "seed-2020-jiedao.lo-serif.pdf"))
	if err != nil {
		t.Skip("no seed fixture")
	}
	write := func(name string, b []byte) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fail, doubtful = map[string]string{}, map[string]string{}
	write("seed.txt", seedTxt)
	write("seed.pdf", seedPDF)
	// Notepad's "Unicode": UTF-16LE with a byte-order mark.
	u16 := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(string(seedTxt))) {
		u16 = append(u16, byte(u), byte(u>>8))
	}
	write("notepad-unicode.txt", u16)
	i := bytes.Index(seedTxt, []byte("。")) + len("。")
	write("stray-byte.txt", slices.Concat(seedTxt[:i], []byte{0xa1}, seedTxt[i:]))
	doubtful["stray-byte.txt"] = "已修复"
	// The same name in two folders.
	write("2024/政府工作报告.txt", seedTxt)
	write("2025/政府工作报告.txt", bytes.Replace(seedTxt, []byte("2020"), []byte("2021"), 1))
	for _, d := range damages {
		write("damaged/"+d.name+".pdf", d.damage(seedPDF))
		doubtful["damaged/"+d.name+".pdf"] = "已修复"
	}
	write("content-bomb.pdf", hostile.ContentBomb(int(bomb), 100, "0 0 m ", false))
	fail["content-bomb.pdf"] = "过大"
	write("form-bomb.pdf", hostile.FormBomb(int(bomb), 60, "0 0 m "))
	fail["form-bomb.pdf"] = "过大"
	// Cut before the cross-reference table: every object is there, and
	// is read, but the file says it may be incomplete.
	write("truncated-at-xref.pdf", seedPDF[:bytes.LastIndex(seedPDF, []byte("\nxref"))])
	doubtful["truncated-at-xref.pdf"] = "不完整"
	// Cut in half: LibreOffice writes the page tree last; poppler and
	// MuPDF cannot read it either.
	write("truncated-in-half.pdf", seedPDF[:len(seedPDF)/2])
	fail["truncated-in-half.pdf"] = "损坏"
	mkfifo(filepath.Join(dir, "named-pipe.txt")) // not an input: skipped
	return fail, doubtful
}

// TestHostileBatch converts a batch holding bombs, damaged PDFs, odd
// encodings and a named pipe: every good input is converted, every
// repaired one says so, the bombs fail within the limits, and the
// outputs are written.
func TestHostileBatch(t *testing.T) {
	in := t.TempDir()
	fail, doubtful := writeHostileBatch(t, in, 3<<20)
	tr := sharedTransformer(t)
	out := t.TempDir()
	o := options{out: filepath.Join(out, "o.xlsx"), jsonl: filepath.Join(out, "o.jsonl"), workers: 2, timeout: 30 * time.Second,
		limits: extract.Limits{StreamBytes: 4 << 20, PageBytes: 8 << 20}}
	ins, err := collect([]string{in})
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	start := time.Now()
	code := convert(context.Background(), o, tr, ins, nil, &stderr)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d\n%s", code, exitPartial, stderr.String())
	}
	if d := time.Since(start); d > 60*time.Second {
		t.Errorf("the batch took %v", d)
	}
	x, err := excelize.OpenFile(o.out)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows(load.SheetFiles)
	seen := map[string]bool{}
	for _, row := range rows[1:] {
		name, status, detail := row[0], row[10], ""
		if len(row) > 11 {
			detail = row[11]
		}
		seen[name] = true
		switch {
		case fail[name] != "":
			if !strings.Contains(status, fail[name]) {
				t.Errorf("%s: status %q, want %q", name, status, fail[name])
			}
		case doubtful[name] != "":
			if !strings.Contains(status, doubtful[name]) || detail == "" {
				t.Errorf("%s: status %q, note %q; want %q and a note", name, status, detail, doubtful[name])
			}
		case status != "ok":
			t.Errorf("%s: status %q, want ok", name, status)
		}
	}
	if seen["named-pipe.txt"] || !seen["2024/政府工作报告.txt"] || !seen["2025/政府工作报告.txt"] || !seen["damaged/prev-loop.pdf"] {
		t.Errorf("文件 rows %v: want the inputs by their path in the folder, and no named pipe", seen)
	}
	// Every record names its input by the same doc.
	docs := map[string]int{}
	for _, r := range readJSONL(t, o.jsonl) {
		docs[r.Doc]++
	}
	if docs["2024/政府工作报告.txt"] == 0 || docs["2024/政府工作报告.txt"] != docs["2025/政府工作报告.txt"] || docs["seed.txt"] != docs["notepad-unicode.txt"] {
		t.Errorf("records per doc: %v", docs)
	}
	for name := range doubtful {
		if !strings.Contains(stderr.String(), name) {
			t.Errorf("stderr does not name %s, read with a repair or in part:\n%s", name, stderr.String())
		}
	}
}

// TestFiguresRecovered reads each damaged copy of the fixture PDFs and
// checks that at least 95 % of the clean file's figures come out (issue
// 11's bar; the reconstruction gives them all).
func TestFiguresRecovered(t *testing.T) {
	tr := sharedTransformer(t)
	names := []string{"lo-serif", "chrome"}
	if testing.Short() {
		names = names[:1]
	}
	for _, n := range names {
		clean, err := os.ReadFile(filepath.Join(fixtures, "seed-2020-jiedao."+n+".pdf"))
		if err != nil {
			t.Skip("no fixtures")
		}
		want := figures(t, tr, clean)
		for _, d := range damages {
			got := figures(t, tr, d.damage(clean))
			kept := 0
			for f, c := range want {
				kept += min(c, got[f])
			}
			total := 0
			for _, c := range want {
				total += c
			}
			if kept*100 < total*95 {
				t.Errorf("%s/%s: %d of %d figures", n, d.name, kept, total)
			}
		}
	}
}

// figures reads a PDF and counts its records by name, value and unit.
func figures(t *testing.T, tr *transform.Transformer, b []byte) map[string]int {
	t.Helper()
	doc, err := extract.NewReader(bytes.NewReader(b), int64(len(b)), "f.pdf")
	if doc == nil {
		t.Fatalf("not read: %v", err)
	}
	out := map[string]int{}
	for _, r := range tr.Indicators(doc) {
		v := "-"
		if r.Value != nil {
			v = fmt.Sprint(*r.Value)
		}
		out[r.Name+"|"+v+"|"+r.Unit]++
	}
	return out
}

// TestOutputMistakes runs the mistakes of issue 11: each is bad usage
// (exit 2) found before any work, and leaves every input as it was.
func TestOutputMistakes(t *testing.T) {
	tests := []struct {
		name string
		args []string // in the input folder; r.txt and r2.txt are reports there
		msg  string
	}{
		{"csv taken for a switch", []string{"--csv", "r.txt", "r2.txt"}, "would overwrite a report"},
		{"csv naming an input", []string{"-o", "out.xlsx", "--csv", "r.txt", "r.txt", "r2.txt"}, "is one of the inputs"},
		{"workbook naming an input", []string{"-o", "r.txt", "r.txt"}, "is one of the inputs"},
		{"workbook and JSON Lines on one path", []string{"-o", "out.xlsx", "--jsonl", "out.xlsx", "r.txt"}, "both name out.xlsx"},
		{"the same file by two names", []string{"-o", "out.xlsx", "--csv", "./sub/../out.xlsx", "r.txt"}, "both name"},
		{"workbook is a folder", []string{"-o", "sub", "r.txt"}, "is a folder"},
		{"JSON Lines in a missing folder", []string{"--jsonl", "nowhere/o.jsonl", "-o", "out.xlsx", "r.txt"}, "does not exist"},
		{"output inside an input folder", []string{"-o", "out.xlsx", "--jsonl", "sub/x.txt", "sub"}, "is one of the inputs"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{"r.txt": "报告一\n税收总收入15亿元。\n", "r2.txt": "报告二\n工业产值20亿元。\n", "sub/x.txt": "报告三\n出口3亿元。\n"}
			for name, text := range files {
				os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
				os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
			}
			t.Chdir(dir)
			var stdout, stderr bytes.Buffer
			start := time.Now()
			code := run(append([]string{"convert"}, tc.args...), &stdout, &stderr)
			if code != exitUsage || !strings.Contains(stderr.String(), tc.msg) {
				t.Errorf("exit %d, stderr %q; want %d saying %q", code, stderr.String(), exitUsage, tc.msg)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v: the check must come before any work", d)
			}
			for name, text := range files {
				if b, _ := os.ReadFile(filepath.Join(dir, name)); string(b) != text {
					t.Errorf("%s changed", name)
				}
			}
			if leftovers(t, dir) != nil {
				t.Errorf("left %v", leftovers(t, dir))
			}
		})
	}
}

// leftovers lists the temporary files in dir and its subfolders.
func leftovers(t testing.TB, dir string) []string {
	var left []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), load.TempPrefix) {
			left = append(left, p)
		}
		return nil
	})
	return left
}

// saboteur is an indexer that, while the batch runs, puts a folder where
// the workbook is to be renamed to: the workbook cannot be written.
type saboteur struct{ path string }

func (s saboteur) Indicators(doc *extract.Document) []transform.Indicator {
	os.MkdirAll(s.path, 0o755)
	v := 15.0
	return []transform.Indicator{{Doc: doc.Name, Page: 1, Name: "税收总收入", Value: &v, Unit: "亿元"}}
}

// TestOutputsIndependent checks that JSON Lines and CSV are written when
// the workbook cannot be.
func TestOutputsIndependent(t *testing.T) {
	out := t.TempDir()
	o := options{out: filepath.Join(out, "o.xlsx"), jsonl: filepath.Join(out, "o.jsonl"), csv: filepath.Join(out, "o.csv"), workers: 1}
	var stderr bytes.Buffer
	code := convert(context.Background(), o, saboteur{o.out}, inputsOf("testdata/small.txt", "testdata/small2.txt"), nil, &stderr)
	if code != exitFail || !strings.Contains(stderr.String(), "workbook "+o.out+" not written") {
		t.Errorf("exit %d, stderr %q; want %d and the workbook reported", code, stderr.String(), exitFail)
	}
	if recs := readJSONL(t, o.jsonl); len(recs) != 2 {
		t.Errorf("JSON Lines holds %d records, want 2", len(recs))
	}
	if recs := readCSV(t, o.csv); len(recs) != 2 {
		t.Errorf("CSV holds %d records, want 2", len(recs))
	}
	if l := leftovers(t, out); l != nil {
		t.Errorf("left %v", l)
	}
}

// TestInterruptedAtCommit checks that an interruption during the
// assembly of the workbook writes nothing.
func TestInterruptedAtCommit(t *testing.T) {
	out := t.TempDir()
	prev := []byte("the previous workbook")
	o := options{out: filepath.Join(out, "o.xlsx"), jsonl: filepath.Join(out, "o.jsonl"), workers: 1}
	os.WriteFile(o.out, prev, 0o644)
	outs, err := openOutputs(o, nil)
	if err != nil {
		t.Fatal(err)
	}
	v := 1.0
	outs.add(load.File{Name: "a.txt", Path: "a.txt"}, []transform.Indicator{{Doc: "a.txt", Value: &v}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // Ctrl-C while the workbook is assembled
	if written, failed := outs.commit(ctx); written != nil || failed != nil {
		t.Errorf("commit after Ctrl-C wrote %v, %v", written, failed)
	}
	if b, _ := os.ReadFile(o.out); !bytes.Equal(b, prev) {
		t.Error("the previous workbook was replaced")
	}
	if _, err := os.Stat(o.jsonl); err == nil {
		t.Error("JSON Lines written")
	}
	if l := leftovers(t, out); l != nil {
		t.Errorf("left %v", l)
	}
}

// TestTimeoutStops checks that an input that times out stops being
// read: its goroutine ends soon after the timeout.
func TestTimeoutStops(t *testing.T) {
	p := filepath.Join(t.TempDir(), "long.pdf")
	os.WriteFile(p, hostile.ManyPages(40000), 0o644)
	base := runtime.NumGoroutine()
	r := process(context.Background(), panicky{}, input{path: p, doc: "long.pdf"}, 200*time.Millisecond, extract.Limits{})
	if !errors.Is(r.file.Err, errTimeout) || r.file.Reason != "处理超时 (timeout)" {
		t.Fatalf("err %v, reason %q; want a timeout", r.file.Err, r.file.Reason)
	}
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > base && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > base {
		t.Errorf("%d goroutines still run after the timeout (%d before)", n, base)
	}
}

// TestStaleTemporaryFiles checks that a run removes what a killed run
// left in its output folder, and nothing of a live one.
func TestStaleTemporaryFiles(t *testing.T) {
	out := t.TempDir()
	dead := deadPID(t)
	stale := []string{
		fmt.Sprintf("%s%d-123-o.xlsx", load.TempPrefix, dead),
		fmt.Sprintf("%s%d-456-o.xlsx.d", load.TempPrefix, dead),
	}
	live := fmt.Sprintf("%s%d-789-o.xlsx", load.TempPrefix, os.Getppid())
	os.WriteFile(filepath.Join(out, stale[0]), []byte("half a workbook"), 0o644)
	os.MkdirAll(filepath.Join(out, stale[1], "x"), 0o755)
	os.WriteFile(filepath.Join(out, live), nil, 0o644)
	removeStale(options{out: filepath.Join(out, "o.xlsx")}, os.Stderr)
	for _, s := range stale {
		if _, err := os.Stat(filepath.Join(out, s)); err == nil {
			t.Errorf("%s not removed", s)
		}
	}
	if _, err := os.Stat(filepath.Join(out, live)); err != nil {
		t.Errorf("the file of a live process was removed")
	}
}

// jsonLine is the start of a JSON Lines record, to tell output apart.
func isJSONLine(b []byte) bool {
	var m map[string]any
	return json.Unmarshal(b, &m) == nil
}

// TestWriteHostileBatch writes the hostile batch with issue 11's full
// bombs (streams of 255 MB) into $ZB_HOSTILE_DIR, for measuring the
// default limits with the real command:
//
//	ZB_HOSTILE_DIR=/tmp/hb go test ./cmd/zhibiao -run TestWriteHostileBatch
//	/usr/bin/time -v zhibiao convert -o /tmp/hb.xlsx /tmp/hb
func TestWriteHostileBatch(t *testing.T) {
	dir := os.Getenv("ZB_HOSTILE_DIR")
	if dir == "" {
		t.Skip("set ZB_HOSTILE_DIR to write the batch")
	}
	writeHostileBatch(t, dir, 255<<20)
}

// TestMeasureDamaged measures, for every PDF matching $ZB_MEASURE_PDFS
// (a glob; the fixture PDFs when it is "fixtures"), how many of the clean
// file's figures its damaged copies give, and prints one line per copy:
//
//	ZB_MEASURE_PDFS='/tmp/corpus-pdf/*.pdf' go test ./cmd/zhibiao -run TestMeasureDamaged -v
func TestMeasureDamaged(t *testing.T) {
	glob := os.Getenv("ZB_MEASURE_PDFS")
	if glob == "" {
		t.Skip("set ZB_MEASURE_PDFS")
	}
	if glob == "fixtures" {
		glob = filepath.Join(fixtures, "*.pdf")
	}
	files, _ := filepath.Glob(glob)
	tr := sharedTransformer(t)
	measured := append(slices.Clone(damages), []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"offsets+1", func(b []byte) []byte { return hostile.ShiftOffsets(b, 1) }},
		{"offsets-40", func(b []byte) []byte { return hostile.ShiftOffsets(b, -40) }},
		{"offsets+40", func(b []byte) []byte { return hostile.ShiftOffsets(b, 40) }},
	}...)
	copies, read, whole := 0, 0, 0
	for _, name := range files {
		clean, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.NewReader(bytes.NewReader(clean), int64(len(clean)), "f.pdf")
		if doc == nil || err != nil {
			continue // encrypted, scanned: nothing to compare with
		}
		want := figures(t, tr, clean)
		total := 0
		for _, c := range want {
			total += c
		}
		for _, d := range measured {
			b := d.damage(clean)
			if b == nil || bytes.Equal(b, clean) {
				continue // a damage this file's structure does not allow
			}
			copies++
			start := time.Now()
			doc, err := extract.NewReader(bytes.NewReader(b), int64(len(b)), "f.pdf")
			took := time.Since(start)
			got := map[string]int{}
			if doc != nil {
				read++
				for _, r := range tr.Indicators(doc) {
					v := "-"
					if r.Value != nil {
						v = fmt.Sprint(*r.Value)
					}
					got[r.Name+"|"+v+"|"+r.Unit]++
				}
			}
			kept := 0
			for f, c := range want {
				kept += min(c, got[f])
			}
			if kept == total {
				whole++
			}
			note := ""
			if doc != nil {
				note = strings.Join(doc.Repairs, "; ")
			}
			t.Logf("%-50s %-18s %4d/%4d figures %6.0f ms err=%v %s", filepath.Base(name), d.name, kept, total, took.Seconds()*1000, err, note)
		}
	}
	t.Logf("%d damaged copies: %d read, %d with every figure of the clean file", copies, read, whole)
}
