package load

import (
	"bytes"
	"errors"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/zhibiao/zhibiao/transform"
)

// partInputs are three inputs as a shard would write them: one with
// records and a table, a failed one, one read in part without records.
func partInputs() []File {
	return []File{
		{Path: "in/a.txt", Name: "a.txt", Format: "text", Title: "2020年工作总结", Year: "2020", Pages: 2, Chars: 1400, Seconds: 0.1234,
			Tables: []transform.Table{countyTable()}},
		{Path: "in/x.pdf", Name: "x.pdf", Format: "pdf", Err: os.ErrPermission, Reason: "加密，需要密码 (encrypted)"},
		{Path: "in/y.pdf", Name: "y.pdf", Format: "pdf", Pages: 3, Reason: "部分页面无法读取 (read in part)", Note: "page 2: damaged"},
	}
}

func TestPartRoundTrip(t *testing.T) {
	files := partInputs()
	recs := [][]transform.Indicator{sample(), nil, nil}
	var buf bytes.Buffer
	p := NewPart(&buf, PartHeader{Shard: 2, Of: 3, Batch: "abc", Inputs: 7})
	for i, f := range files {
		if err := p.Add(f, recs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	// The record lines are what --jsonl writes.
	var jl bytes.Buffer
	j := NewJSONL(&jl)
	j.Add(files[0], recs[0])
	j.Close()
	if !strings.Contains(buf.String(), jl.String()) {
		t.Errorf("the part's record lines differ from JSON Lines:\n%s", buf.String())
	}

	pr, err := NewPartReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if h := pr.Header(); h != (PartHeader{Version: partVersion, Shard: 2, Of: 3, Batch: "abc", Inputs: 7}) {
		t.Errorf("header %+v", h)
	}
	for i, want := range files {
		if path, ok, err := pr.Peek(); path != want.Path || !ok || err != nil {
			t.Errorf("Peek = %q, %v, %v; want %q", path, ok, err, want.Path)
		}
		f, rs, err := pr.Next()
		if err != nil {
			t.Fatalf("input %d: %v", i, err)
		}
		if (f.Err == nil) != (want.Err == nil) || f.Err != nil && f.Err.Error() != want.Err.Error() {
			t.Errorf("input %d: error %v, want %v", i, f.Err, want.Err)
		}
		f.Err, want.Err = nil, nil
		if !reflect.DeepEqual(f, want) {
			t.Errorf("input %d:\n got %+v\nwant %+v", i, f, want)
		}
		if len(rs) != len(recs[i]) {
			t.Fatalf("input %d: %d records, want %d", i, len(rs), len(recs[i]))
		}
		for k := range rs {
			if !sameRecord(rs[k], recs[i][k]) {
				t.Errorf("input %d record %d:\n got %+v\nwant %+v", i, k, rs[k], recs[i][k])
			}
		}
	}
	if _, ok, _ := pr.Peek(); ok {
		t.Error("Peek after the last input says there is one more")
	}
	if _, _, err := pr.Next(); err != io.EOF {
		t.Errorf("Next after the last input: %v, want io.EOF", err)
	}
}

// TestPartDamaged checks that a part cut short, or with a line out of
// place, is refused rather than read in part.
func TestPartDamaged(t *testing.T) {
	var buf bytes.Buffer
	p := NewPart(&buf, PartHeader{Shard: 1, Of: 1, Batch: "abc", Inputs: 1})
	p.Add(partInputs()[0], sample())
	p.Close()
	whole := buf.String()
	lines := strings.SplitAfter(whole, "\n")
	for _, tc := range []struct {
		name, part string
	}{
		{"empty", ""},
		{"records", strings.Join(lines[3:], "")},
		{"no last line", strings.Join(lines[:len(lines)-2], "")},
		{"a record missing", strings.Join(append(lines[:3:3], lines[4:]...), "")},
		{"cut in a line", whole[:len(whole)-30]},
		{"wrong count", strings.Replace(whole, `"zhibiao_part_end":1`, `"zhibiao_part_end":2`, 1)},
		{"shard out of range", strings.Replace(whole, `"shard":1`, `"shard":2`, 1)},
		{"later version", strings.Replace(whole, `"zhibiao_part":1`, `"zhibiao_part":2`, 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pr, err := NewPartReader(strings.NewReader(tc.part))
			for err == nil {
				_, _, err = pr.Next()
			}
			if !errors.Is(err, ErrPart) {
				t.Errorf("err = %v, want ErrPart", err)
			}
		})
	}
}

// FuzzPartReader reads arbitrary bytes as a part: it must fail with
// ErrPart or read inputs that, written again, read back the same.
func FuzzPartReader(f *testing.F) {
	var buf bytes.Buffer
	p := NewPart(&buf, PartHeader{Shard: 1, Of: 2, Batch: "abc", Inputs: 3})
	p.Add(File{Path: "a.txt", Name: "a.txt", Tables: []transform.Table{{Caption: "表1", Rows: [][]transform.TableCell{{{Text: "1"}}}}}}, sample()[:1])
	p.Add(partInputs()[1], nil)
	p.Close()
	f.Add(buf.Bytes()) // small: the fuzzer minimises every new input from it
	f.Add([]byte(`{"zhibiao_part":1,"shard":1,"of":1,"batch":"","inputs":0}` + "\n" + `{"zhibiao_part_end":0}` + "\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		read := func(b []byte) ([]File, [][]transform.Indicator, error) {
			pr, err := NewPartReader(bytes.NewReader(b))
			if err != nil {
				return nil, nil, err
			}
			var files []File
			var recs [][]transform.Indicator
			for {
				f, rs, err := pr.Next()
				if err == io.EOF {
					return files, recs, nil
				}
				if err != nil {
					return nil, nil, err
				}
				files, recs = append(files, f), append(recs, rs)
			}
		}
		files, recs, err := read(b)
		if err != nil {
			if !errors.Is(err, ErrPart) {
				t.Fatalf("error %v is not ErrPart", err)
			}
			return
		}
		var again bytes.Buffer
		pr, _ := NewPartReader(bytes.NewReader(b))
		p := NewPart(&again, pr.Header())
		for i := range files {
			if err := p.Add(files[i], recs[i]); err != nil {
				return // a number JSON cannot write (read as such from the input)
			}
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		files2, recs2, err := read(again.Bytes())
		if err != nil {
			t.Fatalf("a part written again does not read: %v\n%s", err, again.Bytes())
		}
		if len(files2) != len(files) || len(recs2) != len(recs) {
			t.Fatalf("%d inputs read again, want %d", len(files2), len(files))
		}
	})
}
