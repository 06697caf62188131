package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/transform"
)

// TestLongTextSetAside converts a text past heavyText, whose records are
// set aside window by window while it is read (indexAside), and checks
// that they are exactly the records of the whole document read at once.
func TestLongTextSetAside(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a 4 MB text twice")
	}
	seed, err := os.ReadFile(filepath.Join(fixtures, "seed-2020-jiedao.txt"))
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(t.TempDir(), "long.txt")
	long := bytes.Repeat(append(seed, '\n'), heavyText/len(seed)+2)
	if err := os.WriteFile(in, long, 0o644); err != nil {
		t.Fatal(err)
	}
	tr, err := transform.New(transform.Config{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	doc.Name = "long.txt"
	if len(doc.Text) <= heavyText {
		t.Fatalf("text of %d bytes: not long", len(doc.Text))
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	recs := tr.Indicators(doc)
	for i := range recs {
		enc.Encode(&recs[i])
	}

	out := t.TempDir()
	o := options{out: filepath.Join(out, "o.xlsx"), jsonl: filepath.Join(out, "o.jsonl"), workers: 2, timeout: time.Minute}
	var stderr bytes.Buffer
	if code := convert(context.Background(), o, tr, inputsOf(in), nil, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	got, err := os.ReadFile(o.jsonl)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) == 0 || !bytes.Equal(got, want.Bytes()) {
		t.Errorf("%d records whole; the JSON Lines of the run differ (%d bytes, want %d)", len(recs), len(got), want.Len())
	}
}
