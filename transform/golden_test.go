package transform

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhibiao/zhibiao/extract"
)

var update = flag.Bool("update", false, "rewrite testdata/*.jsonl.golden from the current output")

// seedPaths are where the seed report may be found, in order of preference.
var seedPaths = []string{"../fixtures/seed-2020-jiedao.txt", "../../shared/corpus/seed-2020-jiedao.txt"}

// readTextDoc reads a text file into a Document the way a text input is
// read: first line the title, each non-empty line a paragraph.
func readTextDoc(t testing.TB, path string) *extract.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimPrefix(string(b), "\ufeff"), "\n") {
		if l = strings.TrimSpace(strings.TrimRight(l, "\r")); l != "" {
			lines = append(lines, l)
		}
	}
	doc, _ := textDoc(filepath.Base(path), lines...)
	return doc
}

// seedDoc returns the seed report as a Document, skipping the test when
// it is nowhere to be found.
func seedDoc(t testing.TB) *extract.Document {
	t.Helper()
	for _, p := range seedPaths {
		if _, err := os.Stat(p); err == nil {
			return readTextDoc(t, p)
		}
	}
	t.Skip("seed report not found")
	return nil
}

// jsonl renders records as JSON Lines.
func jsonl(t testing.TB, recs []Indicator) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	tr := newTestTransformer(t)
	doc := seedDoc(t)
	got := jsonl(t, tr.Indicators(doc))
	checkGolden(t, filepath.Join("testdata", "seed-2020-jiedao.jsonl.golden"), got)
}

// checkGolden compares got with the golden file (rewritten with -update),
// leaving got beside it as <name>.got when they differ.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update)", err)
	}
	if !bytes.Equal(got, want) {
		gotPath := golden[:len(golden)-len(".golden")] + ".got"
		os.WriteFile(gotPath, got, 0o644)
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("output differs from %s at line %d (full output in %s):\n got: %s\nwant: %s", golden, i+1, gotPath, g, w)
			}
		}
	}
}

// TestIndicatorsDoesNotModify checks that Indicators leaves its Document
// as it found it.
func TestIndicatorsDoesNotModify(t *testing.T) {
	tr := newTestTransformer(t)
	doc := seedDoc(t)
	before, _ := json.Marshal(doc)
	tr.Indicators(doc)
	after, _ := json.Marshal(doc)
	if !bytes.Equal(before, after) {
		t.Error("Indicators modified its Document")
	}
	if recs := tr.Indicators(nil); recs != nil {
		t.Errorf("Indicators(nil) = %v, want nil", recs)
	}
}

// TestIndicatorsConcurrent runs one Transformer from several goroutines,
// as cmd's workers do; run it with -race.
func TestIndicatorsConcurrent(t *testing.T) {
	tr := newTestTransformer(t)
	doc := seedDoc(t)
	want := jsonl(t, tr.Indicators(doc))
	done := make(chan []byte)
	for i := 0; i < 4; i++ {
		go func() { done <- jsonl(t, tr.Indicators(doc)) }()
	}
	for i := 0; i < 4; i++ {
		if got := <-done; !bytes.Equal(got, want) {
			t.Error("concurrent Indicators gave a different result")
		}
	}
}
