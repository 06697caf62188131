package transform

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestTableGolden pins every record (prose and table) of the invented
// table fixtures, testdata/tables/<name>.txt, in
// testdata/tables/<name>.jsonl.golden (go test -run TableGolden -update).
func TestTableGolden(t *testing.T) {
	tr := newTestTransformer(t)
	files, _ := filepath.Glob(filepath.Join("testdata", "tables", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no table fixtures")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			doc := readFixture(t, name)
			checkGolden(t, strings.TrimSuffix(f, ".txt")+".jsonl.golden", jsonl(t, tr.Indicators(doc)))
		})
	}
}
