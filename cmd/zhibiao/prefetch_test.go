package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/zhibiao/zhibiao/transform"
)

// TestPrefetch converts a batch while the dictionary loads slowly: with
// two workers the first inputs are read meanwhile, with one none are; and
// the outputs are the same as when the dictionary was loaded first.
func TestPrefetch(t *testing.T) {
	tr, err := transform.New(transform.Config{})
	if err != nil {
		t.Fatal(err)
	}
	in := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		copyFile(t, "testdata/small.txt", filepath.Join(in, name), -1)
	}
	copyFile(t, "testdata/small2.txt", filepath.Join(in, "d.txt"), -1)
	copyFile(t, filepath.Join(fixtures, "seed-2020-jiedao.lo-spaced.pdf"), filepath.Join(in, "e.pdf"), -1)
	copyFile(t, filepath.Join(fixtures, "table-2021-county.txt"), filepath.Join(in, "f.txt"), -1)
	ins, err := collect([]string{in})
	if err != nil {
		t.Fatal(err)
	}
	run := func(workers int, ld *loader) []byte {
		t.Helper()
		out := t.TempDir()
		o := options{out: filepath.Join(out, "o.xlsx"), jsonl: filepath.Join(out, "o.jsonl"), workers: workers, timeout: time.Minute}
		var stderr bytes.Buffer
		if code := convertLoading(context.Background(), o, ld, ins, nil, &stderr); code != exitOK {
			t.Fatalf("-j %d: exit %d: %s", workers, code, stderr.String())
		}
		b, err := os.ReadFile(o.jsonl)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	want := run(1, loaded(tr))
	slow := func() (indexer, error) {
		time.Sleep(500 * time.Millisecond)
		return tr, nil
	}
	var read int
	testHookPrefetched = func(n int) { read = n }
	defer func() { testHookPrefetched = nil }()
	for _, workers := range []int{1, 2, 3} {
		read = -1
		got := run(workers, startLoading(slow))
		if !bytes.Equal(got, want) {
			t.Errorf("-j %d with the dictionary loading: JSON Lines differ from -j 1 with it loaded", workers)
		}
		switch {
		case workers == 1 && read != 0:
			t.Errorf("-j 1: %d inputs read while the dictionary loaded, want none", read)
		case workers > 1 && read < 1:
			t.Errorf("-j %d: %d inputs read while the dictionary loaded", workers, read)
		}
	}
}

// TestPrefetchLoadFails checks that a dictionary that cannot be loaded
// ends the run with its error, nothing written, the readings dropped.
func TestPrefetchLoadFails(t *testing.T) {
	in := t.TempDir()
	copyFile(t, "testdata/small.txt", filepath.Join(in, "a.txt"), -1)
	ins, _ := collect([]string{in})
	out := filepath.Join(t.TempDir(), "o.xlsx")
	ld := startLoading(func() (indexer, error) {
		time.Sleep(200 * time.Millisecond)
		return nil, os.ErrNotExist
	})
	var stderr bytes.Buffer
	if code := convertLoading(context.Background(), options{out: out, workers: 2}, ld, ins, nil, &stderr); code != exitFail {
		t.Fatalf("exit %d, want %d: %s", code, exitFail, stderr.String())
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a workbook was written")
	}
	if !bytes.Contains(stderr.Bytes(), []byte("file does not exist")) {
		t.Errorf("stderr %q does not give the loader's error", stderr.String())
	}
}
